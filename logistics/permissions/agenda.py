"""agenda: rules."""
