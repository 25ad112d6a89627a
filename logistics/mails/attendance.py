"""attendance: mail templates."""
