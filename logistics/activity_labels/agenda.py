"""agenda: activity labels."""

ACTIONS: dict = {}
