"""Querysets the delegation and registration pages read: scoped to what the user may see,
annotated and prefetched so that a page's query count does not grow with its rows."""

import unicodedata
from dataclasses import dataclass, field

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django_countries import countries

from accounts.selectors import user_roles
from delegations.models import (
    Delegation,
    DelegationQuota,
    FocalPoint,
    FocalPointNomination,
    Invitation,
    MeetingMembership,
    Registration,
    SessionChoice,
)
from roundtables.models import Meeting, Session, SessionDelegation
from roundtables.permissions import coordinates_civil_society_of
from roundtables.selectors import team_delegations_acted_for

PENDING_FIRST = Case(
    When(status=Registration.Status.PENDING, then=Value(0)),
    When(status=Registration.Status.APPROVED, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)
KIND_ORDER = Case(
    When(delegation__kind=Delegation.Kind.STATE, then=Value(0)),
    When(delegation__kind=Delegation.Kind.OBSERVER, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)
HEAD_FIRST = Case(When(role=Registration.Role.HEAD, then=Value(0)), default=Value(1), output_field=IntegerField())


def _sessions_prefetch() -> Prefetch:
    return Prefetch("sessions", queryset=Session.objects.order_by("starts_at", "order", "code"))


def registrations_of_person(person) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(person=person).select_related("meeting", "delegation").order_by("-meeting__number")
    )


def registration_of_person(person, *, meeting) -> Registration | None:
    """A person's registration for the meeting, with its sessions, or None."""
    if meeting is None or not person.is_authenticated:
        return None
    return (
        Registration.objects.filter(person=person, meeting=meeting)
        .select_related("meeting", "delegation", "decided_by")
        .prefetch_related(_sessions_prefetch())
        .first()
    )


def registration_detail(pk: int) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(pk=pk)
        .select_related("meeting", "person", "delegation", "decided_by")
        .prefetch_related(_sessions_prefetch())
    )


def delegation_registrations(delegation: Delegation, *, meeting) -> QuerySet[Registration]:
    """A delegation's registrations for a meeting, pending first."""
    if meeting is None:
        return Registration.objects.none()
    return (
        Registration.objects.filter(delegation=delegation, meeting=meeting)
        .select_related("person")
        .prefetch_related(_sessions_prefetch())
        .order_by(PENDING_FIRST, HEAD_FIRST, "person__last_name", "person__first_name", "pk")
    )


def status_counts(registrations: QuerySet[Registration]) -> list[tuple[str, str, int]]:
    """(status, label, count) for every status, zeros included, in one query."""
    counts = dict(registrations.order_by().values_list("status").annotate(n=Count("pk")))
    return [(status, label, counts.get(status, 0)) for status, label in Registration.Status.choices]


def membership_of_registration(body: str) -> Exists:
    """Whether the registration's delegation is in this body ("steering_group", "friends_of_the_forum")
    for the registration's meeting: an annotation, no query per row."""
    return Exists(
        MeetingMembership.objects.filter(delegation=OuterRef("delegation"), meeting=OuterRef("meeting"), **{body: True})
    )


def delegations_visible_to(user, *, meeting=None) -> QuerySet[Delegation]:
    """The delegations whose registrations the user manages in the meeting (the current one when
    None): all for the Chair's office, the civil-society organisations for that meeting's coordinator, their
    own for a focal point of that meeting."""
    roles = user_roles(user)
    if roles.chair_office:
        return Delegation.objects.all()
    held = roles.focal_point_of if meeting is None else roles.focal_point_in(meeting)
    condition = Q(pk__in=[d.pk for d in held])
    if coordinates_civil_society_of(user, meeting):  # named for that meeting (None: the current one)
        condition |= Q(kind=Delegation.Kind.CIVIL_SOCIETY)
    return Delegation.objects.filter(condition)


# -- Delegations by name, typed (the registration form's picker, the registrations list's filter) --------

DELEGATION_MATCHES = 10  # the most a picker offers: type more to narrow it
MIN_DELEGATION_NAME = 2


def fold(text: str) -> str:
    """Text compared case and accents aside ("Côte" as "cote")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def _country_codes(word: str, *, starting: bool = False) -> list[str]:
    """The countries whose name, in the reader's language, contains (or starts with) the word."""
    word = fold(word)
    if starting:
        return [code for code, name in countries if fold(str(name)).startswith(word)]
    return [code for code, name in countries if word in fold(str(name))]


def delegation_name_matches(text: str, *, prefix: str = "") -> Q:
    """Delegations whose stored name, or a state's country as the reader reads it ("Mexique" in
    French), contains every word typed (the first five). `prefix` reaches the delegation from another
    model ("delegation__" from a registration)."""
    condition = Q()
    for word in text.split()[:5]:
        condition &= Q(**{f"{prefix}name__icontains": word}) | Q(
            **{f"{prefix}kind": Delegation.Kind.STATE, f"{prefix}country__in": _country_codes(word)}
        )
    return condition


@dataclass(frozen=True)
class DelegationMatches:
    """At most DELEGATION_MATCHES delegations matching what was typed; `more` when others match too."""

    query: str
    delegations: list = field(default_factory=list)
    more: bool = False

    @property
    def searched(self) -> bool:
        return len(self.query) >= MIN_DELEGATION_NAME


def delegations_named(text: str) -> DelegationMatches:
    """The active delegations (those one may register with) matching `text`, in one query: those
    whose name starts with what was typed first, then in the reader's alphabetical order."""
    query = " ".join(text.split())
    if len(query) < MIN_DELEGATION_NAME:
        return DelegationMatches(query=query)
    first = query.split()[0]
    starts = Q(name__istartswith=first) | Q(
        kind=Delegation.Kind.STATE, country__in=_country_codes(first, starting=True)
    )
    found = list(
        Delegation.objects.active()
        .filter(delegation_name_matches(query))
        .annotate(rank=Case(When(starts, then=Value(0)), default=Value(1), output_field=IntegerField()))
        .order_by("rank", "name")
        .only("pk", "name", "kind", "country")[: DELEGATION_MATCHES + 1]
    )
    shown = sorted(found[:DELEGATION_MATCHES], key=lambda delegation: (delegation.rank, fold(delegation.display_name)))
    return DelegationMatches(query=query, delegations=shown, more=len(found) > DELEGATION_MATCHES)


def registrations_visible_to(user, *, meeting) -> QuerySet[Registration]:
    """The registrations of a meeting that the user manages (see delegations_visible_to), for
    the list page, its filters, its search and its exports."""
    if meeting is None or not user.is_authenticated:
        return Registration.objects.none()
    registrations = Registration.objects.filter(meeting=meeting)
    if not user_roles(user).chair_office:
        registrations = registrations.filter(delegation__in=delegations_visible_to(user, meeting=meeting))
    return (
        registrations.annotate(in_steering_group=membership_of_registration("steering_group"))
        .select_related("person", "delegation", "decided_by")
        .prefetch_related(_sessions_prefetch())
        .order_by(PENDING_FIRST, "delegation__name", HEAD_FIRST, "person__last_name", "person__first_name", "pk")
    )


def public_participants(*, meeting) -> QuerySet[Registration]:
    """Approved participants who agreed to be listed, by kind of delegation, then delegation."""
    if meeting is None:
        return Registration.objects.none()
    return (
        Registration.objects.filter(meeting=meeting, status=Registration.Status.APPROVED, public_list_consent=True)
        .select_related("person", "delegation")
        .order_by(KIND_ORDER, "delegation__name", HEAD_FIRST, "person__last_name", "person__first_name", "pk")
    )


def sessions_with_seats(meeting) -> QuerySet[Session]:
    """The meeting's sessions with the seats their active registrations hold (`seats_taken`)."""
    taken = (
        SessionChoice.objects.filter(session=OuterRef("pk"), registration__status__in=Registration.ACTIVE_STATUSES)
        .order_by()
        .values("session")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Session.objects.filter(meeting=meeting)
        .select_related("roundtable", "room")
        .annotate(seats_taken=Coalesce(Subquery(taken, output_field=IntegerField()), 0))
        .order_by("starts_at", "order", "code")
    )


def quota_of(delegation: Delegation, *, meeting) -> DelegationQuota | None:
    if meeting is None:
        return None
    return DelegationQuota.objects.filter(delegation=delegation, meeting=meeting).first()


def places_used(delegation: Delegation, *, meeting) -> int:
    return Registration.objects.active().filter(delegation=delegation, meeting=meeting).count()


def head_of_delegation(delegation: Delegation, *, meeting) -> Registration | None:
    """The head of delegation for the meeting: the active registration in that role."""
    if meeting is None:
        return None
    return (
        Registration.objects.active()
        .filter(delegation=delegation, meeting=meeting, role=Registration.Role.HEAD)
        .select_related("person")
        .first()
    )


def delegation_invitations(delegation: Delegation, *, meeting) -> QuerySet[Invitation]:
    if meeting is None:
        return Invitation.objects.none()
    return Invitation.objects.filter(delegation=delegation, meeting=meeting).select_related("invited_by")


def with_membership(delegations: QuerySet[Delegation], *, meeting) -> QuerySet[Delegation]:
    """Delegations with their membership in the meeting: `steering_group` and `friends_of_the_forum`
    (annotations, so the pages read them as the old fields) and `meeting_focal_points` (the meeting's
    FocalPoint rows with their person, one query for the whole list)."""
    memberships = MeetingMembership.objects.filter(delegation=OuterRef("pk"), meeting=meeting)
    focal_points = (
        FocalPoint.objects.filter(meeting=meeting)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "pk")
    )
    return delegations.annotate(
        steering_group=Exists(memberships.filter(steering_group=True)),
        friends_of_the_forum=Exists(memberships.filter(friends_of_the_forum=True)),
    ).prefetch_related(Prefetch("focal_point_roles", queryset=focal_points, to_attr="meeting_focal_points"))


def delegations_with_counts(*, meeting, kind: str = "") -> QuerySet[Delegation]:
    """Every delegation with its registration counts and quota for the meeting (the Chair's office)."""
    quota = DelegationQuota.objects.filter(delegation=OuterRef("pk"), meeting=meeting).values("places")[:1]
    delegations = Delegation.objects.annotate(
        active_count=Count(
            "registrations",
            filter=Q(registrations__meeting=meeting, registrations__status__in=Registration.ACTIVE_STATUSES),
        ),
        pending_count=Count(
            "registrations",
            filter=Q(registrations__meeting=meeting, registrations__status=Registration.Status.PENDING),
        ),
        registration_count=Count("registrations", filter=Q(registrations__meeting=meeting)),
        quota_places=Subquery(quota, output_field=IntegerField()),
    ).order_by("name")
    return delegations.filter(kind=kind) if kind else delegations


def civil_society_delegations(*, meeting) -> QuerySet[Delegation]:
    return delegations_with_counts(meeting=meeting, kind=Delegation.Kind.CIVIL_SOCIETY)


def signing_delegation(user, session: Session, *, lock: bool = False) -> Delegation | None:
    """The one co-chair government the user may sign off for on this session, now; None if none.

    Two facts must hold at once: the user speaks for a co-chair government of the session (its
    representative on the team, tied to it by the Chair's office, or its focal point: roundtables'
    team_roles), and holds an approved registration for the meeting with that same government. A
    person has one registration per meeting, so one person never signs for two governments. With
    lock=True (inside a transaction), the registration row is locked, so a withdrawal or move waits
    for the sign-off (and a sign-off for the withdrawal) instead of the two crossing."""
    if not user.is_authenticated or session is None:
        return None
    registrations = Registration.objects.filter(
        meeting_id=session.meeting_id, person=user, status=Registration.Status.APPROVED
    )
    if lock:
        registrations = registrations.select_for_update()
    registration = registrations.only("pk", "delegation_id").first()
    if registration is None:
        return None
    # Read afresh (not team_roles' memory of the request): the service asks under the lock above.
    acted_for = (
        team_delegations_acted_for(user, [session.pk])
        .filter(role=SessionDelegation.Role.CO_CHAIR, delegation_id=registration.delegation_id)
        .select_related("delegation")
        .first()
    )
    return acted_for.delegation if acted_for is not None else None


def delegations_for_administration(
    *, meeting, q: str = "", kind: str = "", status: str = "active"
) -> QuerySet[Delegation]:
    """The Chair's office's list of delegations with their counts for the meeting: searched by name
    or ISO country code, by kind, active or retired, with their focal points (one query for all rows)."""
    delegations = with_membership(delegations_with_counts(meeting=meeting), meeting=meeting)
    if status == "active":
        delegations = delegations.active()
    elif status == "retired":
        delegations = delegations.filter(retired_at__isnull=False)
    if kind:
        delegations = delegations.filter(kind=kind)
    q = q.strip()
    if q:
        match = Q(name__icontains=q)
        if len(q) == 2:
            match |= Q(country__iexact=q)
        delegations = delegations.filter(match)
    return delegations.order_by("name")


def delegation_relations() -> list:
    """Every relation that points at a delegation, in any app (papers, outcomes' sign-offs, surveys'
    invitations...; hidden ones too, so a merge never cascades a row away), without the link
    tables of many-to-many fields (moved through their own relation)."""
    relations = []
    for relation in Delegation._meta.get_fields(include_hidden=True):
        if not relation.auto_created or relation.concrete:
            continue
        if not relation.many_to_many and relation.related_model._meta.auto_created:
            continue  # the link table of a many-to-many field: moved by that field's relation
        relations.append(relation)
    return relations


def _records_label(relation, *, duplicated: bool) -> str:
    meta = relation.related_model._meta
    label = str(meta.verbose_name_plural)
    if duplicated:  # e.g. "invitations" of registration and of surveys
        label = f"{label} ({meta.app_config.verbose_name})"
    return label


def merge_moves(source: Delegation, target: Delegation) -> list[tuple[str, int]]:
    """What merging `source` into `target` moves: (what, how many) for every kind of record that
    points at a delegation, in any app (read from the model's relations), focal points and membership included."""
    relations = delegation_relations()
    names = [str(relation.related_model._meta.verbose_name_plural) for relation in relations]
    moves = []
    for relation, name in zip(relations, names, strict=True):
        if relation.many_to_many:
            count = relation.through.objects.filter(**{relation.field.m2m_reverse_field_name(): source}).count()
        else:
            count = relation.related_model._base_manager.filter(**{relation.field.name: source}).count()
        moves.append((_records_label(relation, duplicated=names.count(name) > 1), count))
    return moves


def merge_conflicts(source: Delegation, target: Delegation) -> list[str]:
    """Why `source` cannot be merged into `target`, in words (empty when it can): what the move
    would break (one head per delegation and meeting, one quota per meeting, one team role per session)."""
    problems = []
    if source.pk == target.pk:
        return [_("Choose another delegation to merge into.")]
    if target.is_retired:
        problems.append(_("%(name)s is retired: reactivate it first, or merge into another.") % {"name": target.name})
    if source.kind != target.kind:
        problems.append(
            _("%(source)s and %(target)s are not of the same kind: correct the kind first.")
            % {"source": source.name, "target": target.name}
        )
    heads = Registration.objects.active().filter(role=Registration.Role.HEAD)
    both_heads = (
        heads.filter(delegation=source, meeting__in=heads.filter(delegation=target).values("meeting"))
        .select_related("meeting")
        .order_by("meeting__number")
    )
    for registration in both_heads:
        problems.append(
            _("Both have a head of delegation for %(meeting)s: withdraw or change one of them first.")
            % {"meeting": registration.meeting.title}
        )
    both_quotas = (
        DelegationQuota.objects.filter(
            delegation=source,
            meeting__in=DelegationQuota.objects.filter(delegation=target).values("meeting"),
        )
        .select_related("meeting")
        .order_by("meeting__number")
    )
    for quota in both_quotas:
        problems.append(
            _("Both have a quota for %(meeting)s: remove the duplicate's quota first.")
            % {"meeting": quota.meeting.title}
        )
    # Membership is one row per delegation and meeting; focal points move as they are (a person is
    # focal point of one delegation per meeting, so the two never share one).
    both_members = (
        MeetingMembership.objects.filter(
            delegation=source,
            meeting__in=MeetingMembership.objects.filter(delegation=target).values("meeting"),
        )
        .select_related("meeting")
        .order_by("meeting__number")
    )
    for membership in both_members:
        problems.append(
            _(
                "Both have a Steering Group / Friends of the Forum membership for %(meeting)s: "
                "clear the duplicate's first."
            )
            % {"meeting": membership.meeting.title}
        )
    both_teams = (
        SessionDelegation.objects.filter(
            delegation=source,
            session__in=SessionDelegation.objects.filter(delegation=target).values("session"),
        )
        .select_related("session")
        .order_by("session__code")
    )
    for team_role in both_teams:
        problems.append(
            _("Both are on the team of session %(code)s: remove the duplicate from it first.")
            % {"code": team_role.session.code}
        )
    return problems


# Membership per meeting: Steering Group, Friends of the Forum, focal points.


def holds_focal_point_role(user, delegation: Delegation, meeting) -> bool:
    """Is the person focal point of delegation D in meeting M? Read from the database (the services ask
    it in their transaction); the rules read the same rows once per request (accounts' user_roles)."""
    if user is None or not user.is_authenticated or delegation is None or meeting is None:
        return False
    return FocalPoint.objects.filter(user=user, delegation=delegation, meeting=meeting).exists()


def focal_points_of(delegation: Delegation, *, meeting) -> QuerySet[FocalPoint]:
    if meeting is None:
        return FocalPoint.objects.none()
    return (
        FocalPoint.objects.filter(delegation=delegation, meeting=meeting)
        .select_related("user", "nominated_by")
        .order_by("user__last_name", "user__first_name", "pk")
    )


def membership_of(delegation: Delegation, *, meeting) -> MeetingMembership | None:
    if meeting is None:
        return None
    return MeetingMembership.objects.filter(delegation=delegation, meeting=meeting).first()


def open_nominations(*, meeting) -> QuerySet[FocalPointNomination]:
    return (
        FocalPointNomination.objects.usable()
        .filter(meeting=meeting)
        .select_related("invited_by", "replaces__user")
        .order_by("-created_at", "-pk")
    )


def delegations_membership(*, meeting, q: str = "") -> QuerySet[Delegation]:
    """The Chair's office's membership page of a meeting: active delegations with their Steering Group
    and Friends of the Forum membership, focal points and open nominations (three queries for any
    number of rows: the page, its focal points, its nominations), searched by name or ISO code."""
    delegations = with_membership(Delegation.objects.active(), meeting=meeting).prefetch_related(
        Prefetch("focal_point_nominations", queryset=open_nominations(meeting=meeting), to_attr="open_nominations")
    )
    q = q.strip()
    if q:
        match = Q(name__icontains=q)
        if len(q) == 2:
            match |= Q(country__iexact=q)
        delegations = delegations.filter(match)
    return delegations.order_by("name")


HISTORY_LIMIT = 50  # meetings shown on a delegation's page: one a year, so decades


def delegation_history(delegation: Delegation) -> list:
    """The meetings the delegation took part in (approved registrations, co-chaired sessions, or Steering
    Group / Friends of the Forum membership), newest first, each with its counts: one query, bounded."""
    approved = (
        Registration.objects.filter(meeting=OuterRef("pk"), delegation=delegation, status=Registration.Status.APPROVED)
        .order_by()
        .values("meeting")
        .annotate(n=Count("pk"))
        .values("n")
    )
    co_chaired = (
        SessionDelegation.objects.filter(
            session__meeting=OuterRef("pk"), delegation=delegation, role=SessionDelegation.Role.CO_CHAIR
        )
        .order_by()
        .values("session__meeting")
        .annotate(n=Count("pk"))
        .values("n")
    )
    memberships = MeetingMembership.objects.filter(meeting=OuterRef("pk"), delegation=delegation)
    meetings = (
        Meeting.objects.annotate(
            approved_count=Coalesce(Subquery(approved, output_field=IntegerField()), Value(0)),
            co_chaired_count=Coalesce(Subquery(co_chaired, output_field=IntegerField()), Value(0)),
            steering_group=Exists(memberships.filter(steering_group=True)),
            friends_of_the_forum=Exists(memberships.filter(friends_of_the_forum=True)),
        )
        .filter(
            Q(approved_count__gt=0) | Q(co_chaired_count__gt=0) | Q(steering_group=True) | Q(friends_of_the_forum=True)
        )
        .order_by("-number")
    )
    return list(meetings[:HISTORY_LIMIT])
