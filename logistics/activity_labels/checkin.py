"""checkin: activity labels."""

ACTIONS: dict = {}
