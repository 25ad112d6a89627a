"""Registration's actions as the activity log shows them (registered in DelegationsConfig.ready()).
On a registration's own history the actor's name comes first: "Ana Silva · approved"."""

from django.utils.translation import gettext_lazy as _

from activity.registry import Action

ACTIONS = {
    "delegations.delegation.created": Action(_("Delegation created"), on_object=_("created the delegation")),
    "delegations.delegation.changed": Action(_("Delegation changed"), on_object=_("changed the delegation")),
    "delegations.delegation.retired": Action(_("Delegation retired"), on_object=_("retired the delegation")),
    "delegations.delegation.reactivated": Action(
        _("Delegation reactivated"), on_object=_("reactivated the delegation")
    ),
    "delegations.delegation.merged": Action(
        _("Duplicate delegation merged"), on_object=_("merged a duplicate into the delegation")
    ),
    "delegations.quota.set": _("Delegation's places set"),
    "delegations.registration.created": Action(_("Registration received"), on_object=_("registered")),
    "delegations.registration.changed": Action(_("Registration changed"), on_object=_("changed the registration")),
    "delegations.registration.approved": Action(_("Registration approved"), on_object=_("approved")),
    "delegations.registration.rejected": Action(_("Registration rejected"), on_object=_("rejected")),
    "delegations.registration.withdrawn": Action(_("Registration withdrawn"), on_object=_("withdrew")),
    "delegations.invitation.sent": _("Invitation to register sent"),
    "delegations.invitation.revoked": _("Invitation to register revoked"),
    "delegations.membership.set": Action(
        _("Steering Group / Friends of the Forum membership set"),
        on_object=_("set the Steering Group / Friends of the Forum membership"),
    ),
    "delegations.focal_point.nominated": Action(_("Focal point nominated"), on_object=_("nominated a focal point")),
    "delegations.focal_point.accepted": Action(
        _("Focal point nomination accepted"), on_object=_("accepted the focal-point nomination")
    ),
    "delegations.focal_point.revoked": Action(_("Focal point's role ended"), on_object=_("ended a focal point's role")),
    "delegations.focal_point.nomination_revoked": Action(
        _("Focal point nomination revoked"), on_object=_("revoked a focal-point nomination")
    ),
}
