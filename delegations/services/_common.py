"""Checks and mail helpers shared by the registration services (not called from outside)."""

from collections.abc import Iterable
from itertools import combinations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from delegations.models import Delegation, DelegationQuota, Registration, SessionChoice
from delegations.permissions import is_open_for_registration
from gfmd.timeranges import format_time_range
from roundtables.models import Meeting, Session


def require_perm(actor, perm: str, obj) -> None:
    """The service's own check of a rule of delegations.permissions: the views turn the refusal
    into 403 (or 404 where the object's existence is private)."""
    if actor is None or not actor.has_perm(perm, obj):
        raise PermissionDenied


def require_open(meeting: Meeting) -> None:
    # The same predicate decides whether the pages offer the registration form.
    if not is_open_for_registration.test(None, meeting):
        raise ValidationError(_("Registration for %(meeting)s is not open.") % {"meeting": meeting.title})


def require_not_retired(delegation: Delegation) -> None:
    """A retired delegation keeps its history but takes nothing new (registrations, invitations)."""
    if delegation.retired_at is not None:
        raise ValidationError(
            {
                "delegation": _("%(delegation)s is retired: it takes no new registrations or invitations.")
                % {"delegation": delegation.display_name}
            },
            code="delegation_retired",
        )


def lock_registration(registration: Registration) -> Registration:
    """The registration, read again under a row lock: two people deciding at once take turns."""
    return (
        Registration.objects.select_for_update()
        .select_related("meeting", "person", "delegation")
        .get(pk=registration.pk)
    )


def lock_delegation(delegation: Delegation) -> Delegation:
    return Delegation.objects.select_for_update().get(pk=delegation.pk)


def check_places(*, delegation: Delegation, meeting: Meeting, role: str, exclude: Registration | None) -> None:
    """One head per delegation and meeting, and the delegation's quota. Call with the delegation
    locked (lock_delegation) so that the counts cannot change before the caller commits."""
    others = Registration.objects.active().filter(delegation=delegation, meeting=meeting)
    if exclude is not None and exclude.pk:
        others = others.exclude(pk=exclude.pk)
    if role == Registration.Role.HEAD and others.filter(role=Registration.Role.HEAD).exists():
        raise ValidationError(
            {
                "role": _("%(delegation)s already has a head of delegation for this meeting.")
                % {"delegation": delegation.display_name}
            },
            code="head_taken",
        )
    quota = DelegationQuota.objects.filter(delegation=delegation, meeting=meeting).first()
    if quota is not None and others.count() >= quota.places:
        raise ValidationError(
            {
                "delegation": ngettext(
                    "%(delegation)s has used the %(places)s place the Chair's office gave it for this meeting.",
                    "%(delegation)s has used all %(places)s places the Chair's office gave it for this meeting.",
                    quota.places,
                )
                % {"delegation": delegation.display_name, "places": quota.places}
            },
            code="quota_full",
        )


def lock_and_check_sessions(
    sessions: Iterable[Session], *, meeting: Meeting, role: str, exclude: Registration | None, new: set[int]
) -> list[Session]:
    """Lock the chosen sessions' rows, then refuse heads-only sessions to others than heads,
    sessions that run at the same time (a seat held in each would be a seat nobody uses) and
    full sessions among `new` (the ids that would take a seat now)."""
    ids = sorted({session.pk for session in sessions})
    locked = list(Session.objects.select_for_update().filter(pk__in=ids, meeting=meeting).order_by("pk"))
    if len(locked) != len(ids):
        raise ValidationError({"sessions": _("Choose sessions of this meeting.")}, code="wrong_meeting")
    if role != Registration.Role.HEAD:
        heads_only = [session.code for session in locked if session.heads_only]
        if heads_only:
            raise ValidationError(
                {
                    "sessions": _("Session %(codes)s is for heads of delegation only.")
                    % {"codes": ", ".join(heads_only)}
                },
                code="heads_only",
            )
    clashes = [
        _clash_message(first, second, meeting=meeting)
        for first, second in combinations(locked, 2)
        if overlap(first, second)
    ]
    if clashes:
        raise ValidationError({"sessions": clashes}, code="sessions_overlap")
    limited = [session for session in locked if session.capacity is not None and session.pk in new]
    if limited:
        taken_by_others = SessionChoice.objects.filter(
            session__in=limited, registration__status__in=Registration.ACTIVE_STATUSES
        )
        if exclude is not None and exclude.pk:
            taken_by_others = taken_by_others.exclude(registration=exclude)
        taken = dict(taken_by_others.order_by().values_list("session").annotate(n=Count("pk")))
        full = [session for session in limited if taken.get(session.pk, 0) >= session.capacity]
        if full:
            raise ValidationError(
                {
                    "sessions": [
                        ngettext(
                            "Session %(code)s is full: its %(capacity)s seat is taken. Choose another session.",
                            "Session %(code)s is full: all its %(capacity)s seats are taken. Choose another session.",
                            session.capacity,
                        )
                        % {"code": session.code, "capacity": session.capacity}
                        for session in full
                    ]
                },
                code="session_full",
            )
    return locked


def overlap(first: Session, second: Session) -> tuple | None:
    """The time two sessions share, by real datetimes (a session may span days, as the Civil
    Society Days do), or None. A session without both times clashes with nothing."""
    if None in (first.starts_at, first.ends_at, second.starts_at, second.ends_at):
        return None
    start, end = max(first.starts_at, second.starts_at), min(first.ends_at, second.ends_at)
    return (start, end) if start < end else None


def _clash_message(first: Session, second: Session, *, meeting: Meeting) -> str:
    # The time both sessions run, in the meeting's zone, through the portal's one range formatter
    # (it names the day on both ends when the shared time spans days).
    first, second = sorted((first, second), key=lambda session: session.code)
    start, end = overlap(first, second)
    return _("Sessions %(first)s and %(second)s both run on %(when)s: choose one.") % {
        "first": first.code,
        "second": second.code,
        "when": format_time_range(start, end, zone=meeting.time_zone, style="long"),
    }


def site_link(name: str, **kwargs) -> str:
    return f"{settings.SITE_URL}{reverse(name, kwargs=kwargs or None)}"
