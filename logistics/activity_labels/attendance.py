"""attendance: activity labels."""

ACTIONS: dict = {}
