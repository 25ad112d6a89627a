"""Rules of the practices (django-rules)."""
