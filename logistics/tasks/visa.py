"""visa: tasks."""
