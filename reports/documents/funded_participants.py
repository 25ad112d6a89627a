"""funded_participants: a logistics document (issue 20)."""
