"""The followup app's mail templates (templates/followup/mail/), registered when the app is ready: one
module per part."""

from followup.mails import practices, recommendations, reports  # noqa: F401
