"""travel: activity labels."""

ACTIONS: dict = {}
