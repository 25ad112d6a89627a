"""funding: tasks."""
