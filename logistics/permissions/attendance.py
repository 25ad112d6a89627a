"""attendance: rules."""
