"""The logistics app's Celery tasks (named gfmd.logistics.<name>), one module per part; Celery's
autodiscovery imports this package."""

from logistics.tasks import agenda, attendance, checkin, funding, side_events, travel, visa  # noqa: F401
