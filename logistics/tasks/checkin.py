"""checkin: tasks."""
