"""agenda: tasks."""
