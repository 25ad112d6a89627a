"""arrivals: a logistics document (issue 20)."""
