"""attendance: a logistics document (issue 21)."""
