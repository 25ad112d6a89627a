"""Who a composed mailing reaches: a queryset of accounts, each person once, read in SQL.

Every audience is one subquery of person ids (focal points, members' focal points, approved
registrations...), so a person reached twice (a focal point who is also a participant, a participant
with two chosen sessions) is one row, and counting or paging the audience never loads it whole.
Only approved registrations count: a pending, rejected or withdrawn one reaches nobody."""

from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from accounts.models import User
from communications.models import Audience, ComposedMailing
from delegations.models import Delegation, FocalPoint, Registration


def _approved(meeting) -> QuerySet:
    return Registration.objects.filter(meeting=meeting, status=Registration.Status.APPROVED)


def _person_ids(meeting, audience: str, *, session=None, delegation=None, people_ids=()) -> QuerySet | None:
    """The ids of the audience's people (a values() queryset), or None for an audience missing its detail."""
    focal_points = FocalPoint.objects.filter(meeting=meeting)
    if audience == Audience.FOCAL_POINTS:
        return focal_points.values("user_id")
    if audience == Audience.STEERING_GROUP:
        members = Delegation.objects.filter(memberships__meeting=meeting, memberships__steering_group=True)
        return focal_points.filter(delegation__in=members).values("user_id")
    if audience == Audience.FRIENDS:
        members = Delegation.objects.filter(memberships__meeting=meeting, memberships__friends_of_the_forum=True)
        return focal_points.filter(delegation__in=members).values("user_id")
    if audience == Audience.PARTICIPANTS:
        return _approved(meeting).values("person_id")
    if audience == Audience.SESSION:
        if session is None:
            return None
        return _approved(meeting).filter(session_choices__session=session).values("person_id")
    if audience == Audience.CIVIL_SOCIETY:
        return _approved(meeting).filter(delegation__kind=Delegation.Kind.CIVIL_SOCIETY).values("person_id")
    if audience == Audience.DELEGATION:
        if delegation is None:
            return None
        return _approved(meeting).filter(delegation=delegation).values("person_id")
    if audience == Audience.HAND_PICKED:
        if isinstance(people_ids, QuerySet):
            return people_ids
        return User.objects.filter(pk__in=list(people_ids)[: ComposedMailing.MAX_PEOPLE]).values("pk")
    return None


def audience_people(meeting, audience: str, *, session=None, delegation=None, people_ids=()) -> QuerySet:
    """The active accounts the audience reaches, each once, by name; each annotated with `delegation_ref`,
    the delegation they are mailed as (their approved registration's, else their focal point role's)."""
    ids = _person_ids(meeting, audience, session=session, delegation=delegation, people_ids=people_ids)
    if ids is None:
        return User.objects.none()
    registration = _approved(meeting).filter(person=OuterRef("pk")).order_by("pk").values("delegation_id")[:1]
    focal_point = (
        FocalPoint.objects.filter(meeting=meeting, user=OuterRef("pk")).order_by("pk").values("delegation_id")[:1]
    )
    return (
        User.objects.filter(is_active=True, pk__in=ids)
        .exclude(email="")
        .annotate(delegation_ref=Coalesce(Subquery(registration), Subquery(focal_point)))
        .order_by("last_name", "first_name", "pk")
    )


def people_of(composed: ComposedMailing) -> QuerySet:
    """The people a saved composed mailing reaches now."""
    people_ids = ()
    if composed.audience == Audience.HAND_PICKED:
        people_ids = ComposedMailing.people.through.objects.filter(composedmailing_id=composed.pk).values("user_id")
    return audience_people(
        composed.meeting,
        composed.audience,
        session=composed.session,
        delegation=composed.delegation,
        people_ids=people_ids,
    )
