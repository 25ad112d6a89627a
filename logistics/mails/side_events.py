"""side_events: mail templates."""
