"""side_events: tasks."""
