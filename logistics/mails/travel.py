"""travel: mail templates."""
