"""visa_letters: a logistics document (issue 20)."""
