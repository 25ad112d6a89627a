"""visa: activity labels."""

ACTIONS: dict = {}
