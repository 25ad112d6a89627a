"""travel: rules."""
