"""Who may do what around the meeting (django-rules): one module per part, each registering its
rules when imported (LogisticsConfig.ready imports this package)."""

from logistics.permissions import agenda, attendance, checkin, funding, side_events, travel, visa  # noqa: F401
