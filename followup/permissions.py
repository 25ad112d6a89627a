"""Who may do what with recommendations, follow-up reports and practices (django-rules)."""
