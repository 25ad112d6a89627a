"""Who may do what with recommendations, follow-up reports and practices (django-rules): one module
per part, each registering its rules when imported (FollowupConfig.ready imports this package)."""

from followup.permissions import practices, recommendations, reports, tracker  # noqa: F401
