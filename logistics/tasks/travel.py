"""travel: tasks."""
