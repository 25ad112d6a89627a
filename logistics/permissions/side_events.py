"""side_events: rules."""
