"""The logistics app's mail templates (templates/logistics/mail/), registered when the app is ready:
one module per part."""

from logistics.mails import agenda, attendance, checkin, funding, side_events, travel, visa  # noqa: F401
