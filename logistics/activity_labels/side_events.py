"""side_events: activity labels."""

ACTIONS: dict = {}
