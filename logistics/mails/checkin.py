"""checkin: mail templates."""
