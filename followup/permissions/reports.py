"""Rules of the reports (django-rules)."""
