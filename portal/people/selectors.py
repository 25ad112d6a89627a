"""What the people pages read. The person's page reads each app's facts through its selectors, each
list bounded (ROLE_LIMIT, one more row read to know there are more), in a number of queries that does
not grow with the rows."""

from dataclasses import dataclass, field
from functools import reduce
from operator import and_

from django.db.models import Exists, OuterRef, Q, QuerySet

from accounts.models import StaffInvitation, User
from accounts.roles import GROUPS, SUPPORT
from activity.models import ActivityLog
from activity.selectors import activity_for_object
from delegations.models import FocalPoint, Registration
from delegations.selectors import registrations_of_person
from roundtables.models import SessionPerson

PAGE_SIZE = 25
ROLE_LIMIT = 20
HISTORY_LIMIT = 10


def _words(query: str) -> list[str]:
    return [word for word in query.split() if word][:5]


def _matches(word: str) -> Q:
    """A person whose name, address or organisation holds the word, or who registered with (or is a
    focal point of) a delegation whose name holds it."""
    registered_with = Registration.objects.filter(person=OuterRef("pk"), delegation__name__icontains=word)
    focal_point_of = FocalPoint.objects.filter(user=OuterRef("pk"), delegation__name__icontains=word)
    return (
        Q(first_name__icontains=word)
        | Q(last_name__icontains=word)
        | Q(email__icontains=word)
        | Q(organisation__icontains=word)
        | Q(Exists(registered_with))
        | Q(Exists(focal_point_of))
    )


def people_search(query: str = "") -> QuerySet[User]:
    """Everybody (deactivated accounts too) matching every word typed; everybody without words."""
    people = User.objects.all()
    words = _words(query)
    if words:
        people = people.filter(reduce(and_, (_matches(word) for word in words)))
    return people.order_by("last_name", "first_name", "email")


def chair_office_members() -> QuerySet[User]:
    return User.objects.filter(groups__name=SUPPORT).order_by("last_name", "first_name", "email")


def open_staff_invitations() -> QuerySet[StaffInvitation]:
    return StaffInvitation.objects.usable().select_related("invited_by")


def staff_changes() -> QuerySet[ActivityLog]:
    """The Chair's office's own membership changes (invited, joined, withdrawn, removed), newest first.
    They belong to no meeting, so the meeting's activity page does not show them."""
    return ActivityLog.objects.filter(action__startswith="portal.staff.").select_related("actor")


@dataclass
class Bounded:
    """The first ROLE_LIMIT rows of a list, and whether there are more."""

    rows: list
    more: bool = False

    @classmethod
    def of(cls, queryset, limit: int = ROLE_LIMIT) -> "Bounded":
        rows = list(queryset[: limit + 1])
        return cls(rows=rows[:limit], more=len(rows) > limit)


@dataclass
class PersonRoles:
    person: User
    groups: list[str] = field(default_factory=list)  # the groups' labels, in the reader's language
    chair_office: bool = False
    registrations: Bounded | None = None
    team_roles: Bounded | None = None
    focal_point_of: Bounded | None = None
    history: Bounded | None = None


def person_roles(person: User) -> PersonRoles:
    """A person's roles across meetings: registrations (meeting, delegation, status), session team
    roles, the delegations they are focal point of, their groups, and what the Chair's office did to
    the account."""
    names = set(person.groups.values_list("name", flat=True))
    team_roles = (
        SessionPerson.objects.filter(person=person)
        .select_related("session", "session__meeting", "delegation")
        .order_by("-session__meeting__number", "session__code", "role")
    )
    return PersonRoles(
        person=person,
        groups=[str(label) for name, label in GROUPS.items() if name in names],
        chair_office=SUPPORT in names,
        registrations=Bounded.of(registrations_of_person(person)),
        team_roles=Bounded.of(team_roles),
        # Focal-point roles across meetings: one row per meeting and delegation.
        focal_point_of=Bounded.of(
            FocalPoint.objects.filter(user=person)
            .select_related("delegation", "meeting")
            .order_by("-meeting__number", "delegation__name")
        ),
        history=Bounded.of(activity_for_object(person).order_by("-created_at", "-pk"), HISTORY_LIMIT),
    )
