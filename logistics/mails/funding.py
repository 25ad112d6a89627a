"""funding: mail templates."""
