"""checkin: rules."""
