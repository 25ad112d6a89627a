"""visa: rules."""
