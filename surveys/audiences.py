"""Who a survey goes to: the Steering Group, the Friends of the Forum, all focal points, the
approved participants of the meeting, one session's team, or a hand-picked list. Read-only: the
plan says who would be invited and who would get a mail, before anything is written."""

from dataclasses import dataclass, field

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from delegations.models import Delegation, FocalPoint, Registration
from roundtables.models import Session, SessionPerson
from roundtables.selectors import team_delegations_of, team_people
from surveys.models import Invitation, Survey


class Audience(models.TextChoices):
    STEERING_GROUP = "steering_group", _("The Steering Group")
    FRIENDS = "friends", _("The Friends of the Forum")
    FOCAL_POINTS = "focal_points", _("All focal points")
    PARTICIPANTS = "participants", _("All approved participants of the meeting")
    SESSION_TEAM = "session_team", _("One session's team")
    HAND_PICKED = "hand_picked", _("A hand-picked list")


@dataclass
class Target:
    """One invitation to write: a delegation (mailed to its focal points) or a person."""

    delegation: Delegation | None
    person: User | None
    recipients: list[User]

    @property
    def name(self) -> str:
        return self.person.display_name if self.person else self.delegation.name


@dataclass
class AudiencePlan:
    targets: list[Target] = field(default_factory=list)
    without_focal_point: list[Delegation] = field(default_factory=list)
    already_invited: int = 0

    @property
    def invitation_count(self) -> int:
        return len(self.targets)

    @property
    def delegation_count(self) -> int:
        return sum(1 for target in self.targets if target.person is None)

    @property
    def person_count(self) -> int:
        return sum(1 for target in self.targets if target.person is not None)

    @property
    def mail_count(self) -> int:
        return sum(len(target.recipients) for target in self.targets)

    @property
    def readers(self) -> dict[str, int]:
        """How many mails go out in each language (each recipient gets their preferred one)."""
        counts: dict[str, int] = {}
        for target in self.targets:
            for person in target.recipients:
                counts[person.preferred_language] = counts.get(person.preferred_language, 0) + 1
        return counts


def _delegations_with_focal_points(queryset, *, meeting) -> list[Delegation]:
    """The delegations with their active focal points in the survey's meeting (`meeting_focal_points`,
    FocalPoint rows with their person): a focal point of another year is not reached."""
    focal_points = (
        FocalPoint.objects.filter(meeting=meeting, user__is_active=True)
        .select_related("user")
        .order_by("user__last_name", "user__pk")
    )
    return list(
        queryset.prefetch_related(
            Prefetch("focal_point_roles", queryset=focal_points, to_attr="meeting_focal_points")
        ).order_by("name")
    )


def audience_plan(
    survey: Survey,
    audience: str,
    *,
    session: Session | None = None,
    delegations=(),
    people=(),
) -> AudiencePlan:
    delegation_list: list[Delegation] = []
    person_list: list[tuple[User, Delegation | None]] = []
    meeting = survey.meeting
    # Membership and focal points are the survey's meeting's (delegations.MeetingMembership, FocalPoint).
    if audience == Audience.STEERING_GROUP:
        delegation_list = _delegations_with_focal_points(
            Delegation.objects.filter(memberships__meeting=meeting, memberships__steering_group=True), meeting=meeting
        )
    elif audience == Audience.FRIENDS:
        delegation_list = _delegations_with_focal_points(
            Delegation.objects.filter(memberships__meeting=meeting, memberships__friends_of_the_forum=True),
            meeting=meeting,
        )
    elif audience == Audience.FOCAL_POINTS:
        delegation_list = _delegations_with_focal_points(
            Delegation.objects.filter(focal_point_roles__meeting=meeting).distinct(), meeting=meeting
        )
    elif audience == Audience.PARTICIPANTS:
        registrations = (
            Registration.objects.filter(
                meeting=survey.meeting, status=Registration.Status.APPROVED, person__is_active=True
            )
            .select_related("person", "delegation")
            .order_by("person__last_name", "person__first_name", "pk")
        )
        person_list = [(registration.person, registration.delegation) for registration in registrations]
    elif audience == Audience.SESSION_TEAM and session is not None:
        delegation_list = _delegations_with_focal_points(team_delegations_of(session), meeting=meeting)
        # The people named on the team (its delegations are reached through their focal points above).
        people_on_team = team_people(session, roles=SessionPerson.Role.values).order_by("last_name", "pk")
        person_list = [(person, None) for person in people_on_team]
    elif audience == Audience.HAND_PICKED:
        delegation_list = _delegations_with_focal_points(
            Delegation.objects.filter(pk__in=[d.pk for d in delegations]), meeting=meeting
        )
        person_list = [(person, None) for person in User.objects.filter(pk__in=[p.pk for p in people], is_active=True)]

    invited_delegations = set(
        Invitation.objects.filter(survey=survey, person__isnull=True).values_list("delegation_id", flat=True)
    )
    invited_people = set(
        Invitation.objects.filter(survey=survey, person__isnull=False).values_list("person_id", flat=True)
    )
    plan = AudiencePlan()
    reached: set[int] = set()
    for delegation in delegation_list:
        focal_points = [focal_point.user for focal_point in delegation.meeting_focal_points]
        if delegation.pk in invited_delegations:
            plan.already_invited += 1
        elif not focal_points:
            plan.without_focal_point.append(delegation)
        else:
            plan.targets.append(Target(delegation=delegation, person=None, recipients=focal_points))
            reached.update(person.pk for person in focal_points)
    for person, delegation in person_list:
        if person.pk in invited_people:
            plan.already_invited += 1
        elif person.pk not in reached:  # a focal point already reached through their delegation
            plan.targets.append(Target(delegation=delegation, person=person, recipients=[person]))
            reached.add(person.pk)
    return plan
