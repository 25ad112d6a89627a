"""funding: activity labels."""

from django.utils.translation import gettext_lazy as _

ACTIONS: dict = {
    "logistics.funding_call.created": _("Funding call created"),
    "logistics.funding_call.updated": _("Funding call changed"),
    "logistics.funding_call.opened": _("Funding call opened"),
    "logistics.funding_call.closed": _("Funding call closed"),
    "logistics.funding_nomination.created": _("Nominated for funded participation"),
    "logistics.funding_nomination.funded": _("Nomination funded"),
    "logistics.funding_nomination.declined": _("Nomination declined"),
}
