"""funding: rules."""
