"""visa: mail templates."""
