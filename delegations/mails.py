"""The mails registration sends (templates/delegations/mail/), registered when the app is ready."""

from django.utils.translation import gettext_lazy as _

from mailings.placeholders import PLACEHOLDERS
from mailings.templates import register_mail

_REGISTRATION = {
    "salutation": PLACEHOLDERS["salutation"],
    "registration": _("the registration (its person, meeting, delegation, role and decision)"),
    "link": _("the address of the registration"),
}
_SESSIONS = {"sessions": _("the sessions chosen")}
_DECIDER = {
    "salutation": PLACEHOLDERS["salutation"],
    "link": _("the page to decide on"),
}

register_mail(
    "delegations.registration_received",
    description=_("To a participant: their registration has arrived."),
    placeholders={**_REGISTRATION, **_SESSIONS},
)
register_mail(
    "delegations.registration_approved",
    description=_("To a participant: their registration is approved."),
    placeholders={**_REGISTRATION, **_SESSIONS},
)
register_mail(
    "delegations.registration_rejected",
    description=_("To a participant: their registration is not approved, and why."),
    placeholders=_REGISTRATION,
)
register_mail(
    "delegations.registration_withdrawn",
    description=_("To a participant: their registration is withdrawn."),
    placeholders={
        **_REGISTRATION,
        "actor": _("who withdrew it"),
        "by_someone_else": _("whether someone else than the participant withdrew it"),
    },
)
register_mail(
    "delegations.registration_pending",
    description=_("To a focal point who hears at once: a registration awaits their decision."),
    placeholders={**_DECIDER, "registration": _("the registration awaiting a decision")},
)
register_mail(
    "delegations.decision_digest",
    description=_("To a focal point, once a day: the registrations that await their decision."),
    placeholders={**_DECIDER, "registrations": _("the registrations that arrived since the last list")},
)
register_mail(
    "delegations.invitation",
    description=_("To an invited address: register with the delegation."),
    placeholders={
        "invitation": _("the invitation (its delegation, meeting, role, address and end)"),
        "inviter": _("who invites"),
        "link": PLACEHOLDERS["link"],
    },
)
register_mail(
    "delegations.focal_point_nomination",
    description=_("To a nominated address: become a delegation's focal point for a meeting."),
    placeholders={
        "nomination": _("the nomination (its delegation, meeting, address and end)"),
        "inviter": _("who nominates"),
        "link": PLACEHOLDERS["link"],
    },
)
