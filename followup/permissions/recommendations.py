"""Rules of the recommendations (django-rules)."""
