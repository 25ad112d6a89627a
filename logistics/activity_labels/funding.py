"""funding: activity labels."""

ACTIONS: dict = {}
