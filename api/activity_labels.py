"""The API's actions as the activity log names them (registered in ApiConfig.ready())."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "api.token.created": _("API token created"),
    "api.token.revoked": _("API token revoked"),
    "api.token.used": _("API token used for an export"),
}
