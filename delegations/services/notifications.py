"""Telling the people who decide on registrations (a delegation's focal points; the civil-society
coordinator for civil-society organisations) that registrations await them: at once, one mail per
registration, or in one daily digest (their choice: User.decision_mail, daily by default)."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from accounts.roles import CIVIL_SOCIETY_COORDINATOR
from delegations.models import Delegation, FocalPoint, Registration
from delegations.services._common import site_link
from mailings.services import send_to_people
from roundtables.models import MeetingRole

# A decider's first digest lists what arrived over the last day, not every pending registration ever.
FIRST_DIGEST_WINDOW = dt.timedelta(days=1)


def deciders_of(delegation: Delegation, *, meeting) -> QuerySet:
    """Who approves or rejects the delegation's registrations for the meeting (besides the Chair's
    office): its focal points in that meeting, and for civil society the coordinator named for that
    meeting (or in the global group, kept for existing deployments)."""
    condition = Q(focal_point_roles__delegation=delegation, focal_point_roles__meeting=meeting)
    if delegation.kind == Delegation.Kind.CIVIL_SOCIETY:
        condition |= Q(groups__name=CIVIL_SOCIETY_COORDINATOR) | Q(Exists(_coordinator_roles().filter(meeting=meeting)))
    return get_user_model().objects.filter(condition, is_active=True).distinct().order_by("pk")


def _coordinator_roles():
    """Active civil-society coordinator roles of the person in the outer query (OuterRef("pk"))."""
    return MeetingRole.objects.active().filter(user=OuterRef("pk"), role=MeetingRole.Role.CIVIL_SOCIETY_COORDINATOR)


def notify_deciders(registration: Registration) -> None:
    """Inside the registration's transaction: a mail to each decider who chose to hear at once."""
    deciders = (
        deciders_of(registration.delegation, meeting=registration.meeting_id)
        .filter(decision_mail="immediate")
        .exclude(pk=registration.person_id)
    )
    link = site_link("delegations:registration", pk=registration.pk)
    send_to_people("delegations.registration_pending", deciders, context={"registration": registration, "link": link})


def _pending_for(decider, *, since: dt.datetime, until: dt.datetime) -> QuerySet[Registration]:
    # Focal point of the registration's delegation in the registration's meeting.
    condition = Q(
        Exists(FocalPoint.objects.filter(delegation=OuterRef("delegation"), meeting=OuterRef("meeting"), user=decider))
    )
    if decider.groups.filter(name=CIVIL_SOCIETY_COORDINATOR).exists():
        condition |= Q(delegation__kind=Delegation.Kind.CIVIL_SOCIETY)
    else:  # civil society of the meetings they are coordinator of
        coordinated = MeetingRole.objects.active().filter(
            user=decider, meeting=OuterRef("meeting"), role=MeetingRole.Role.CIVIL_SOCIETY_COORDINATOR
        )
        condition |= Q(Exists(coordinated), delegation__kind=Delegation.Kind.CIVIL_SOCIETY)
    return (
        Registration.objects.filter(condition, status=Registration.Status.PENDING)
        .filter(created_at__gt=since, created_at__lte=until)
        .exclude(person=decider)
        .select_related("person", "delegation", "meeting")
        .distinct()
        .order_by("delegation__name", "created_at", "pk")
    )


def decision_digests_send(*, now: dt.datetime | None = None) -> int:
    """One mail to each decider who chose the daily digest, listing the registrations pending with
    them that arrived since their last digest. Each decider in their own transaction: the mail and
    the new last_digest_at are written together, so a rerun after a crash never lists one twice.
    Returns the number of mails queued."""
    now = now or timezone.now()
    User = get_user_model()
    ids = list(
        User.objects.filter(
            Q(focal_point_roles__isnull=False)
            | Q(groups__name=CIVIL_SOCIETY_COORDINATOR)
            | Q(Exists(_coordinator_roles()))
        )
        .filter(is_active=True, decision_mail="daily")
        .values_list("pk", flat=True)
        .distinct()
        .order_by("pk")
    )
    sent = 0
    for pk in ids:
        with transaction.atomic():
            decider = User.objects.select_for_update().get(pk=pk)
            if decider.last_digest_at is not None and decider.last_digest_at >= now:
                continue  # another run got here first
            since = decider.last_digest_at or now - FIRST_DIGEST_WINDOW
            registrations = list(_pending_for(decider, since=since, until=now))
            if registrations:
                send_to_people(
                    "delegations.decision_digest",
                    [decider],
                    context={"registrations": registrations, "link": site_link("delegations:registrations")},
                )
                sent += 1
            decider.last_digest_at = now
            decider.save(update_fields=["last_digest_at"])
    return sent
