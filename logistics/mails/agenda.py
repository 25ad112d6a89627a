"""agenda: mail templates."""
