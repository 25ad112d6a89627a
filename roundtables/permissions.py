"""Who may do what with meetings, roundtables and sessions (django-rules), and the meeting-scoped
predicates every higher app builds its Chair's office rules on.

A Chair's office works on its own meeting: its staff (roundtables.MeetingRole, role chair_staff) change
that meeting's data (MANAGE_MEETING) and read the non-public records of the troika, the previous, same
and next meeting by number (VIEW_MEETING_RECORDS), so the incoming, current and outgoing Chairs can read
each other's preparation but never write it. Portal support (accounts.permissions.is_support) has both on
every meeting. Higher apps ask with their own object: `meeting_of(obj)` finds its meeting (a session, a
registration, a paper, an outcome, a survey...)."""

import rules
from django.db.models import CharField, Exists, OuterRef, StringAgg, Subquery, Value
from django.db.models.functions import Cast
from django.db.models.signals import post_delete, post_save

from accounts.permissions import is_chair_office, is_civil_society_coordinator, is_support
from accounts.selectors import fact, facts_changed
from gfmd import languages
from roundtables.models import Meeting, MeetingRole
from roundtables.selectors import team_roles, translator_languages

# -- Which meeting an object belongs to ------------------------------------------------------------

# Followed in this order from an object without a meeting of its own, up to the object that has one:
# a paper's, an outcome's or a team row's session; a section's outcome or survey; an answer's response...
_PARENTS = ("session", "outcome", "survey", "section", "paper", "registration", "roundtable", "response", "invitation")


def meeting_id_of(obj) -> int | None:
    """The id of the meeting `obj` belongs to, or None for something no meeting holds (a delegation, a
    mailing). Reads `meeting_id` where the object has one, so most checks cost no query."""
    for _depth in range(4):
        if obj is None:
            return None
        if isinstance(obj, Meeting):
            return obj.pk
        meeting_id = getattr(obj, "meeting_id", None)
        if meeting_id is not None:
            return meeting_id
        obj = next((getattr(obj, name) for name in _PARENTS if hasattr(obj, name)), None)
    return None


def meeting_of(obj) -> Meeting | None:
    """The meeting `obj` belongs to (see meeting_id_of), or None."""
    if obj is None or isinstance(obj, Meeting):
        return obj
    if getattr(obj, "meeting_id", None) is not None:
        return obj.meeting
    meeting_id = meeting_id_of(obj)
    return None if meeting_id is None else Meeting.objects.filter(pk=meeting_id).first()


# -- The person's meetings, read once per request ----------------------------------------------------
# Two facts registered in the header menu's one query on the person's row (accounts.menu, RoundtablesConfig):
# the ids of the meetings they are Chair's office staff of, and of those they may read (the troika's), so a
# page checks any number of objects without a query of its own.

_IDS_SEPARATOR = ","


def _ids(queryset, field: str):
    """A comma-separated list of `field` over the queryset, as one scalar subquery."""
    return Subquery(
        queryset.order_by()
        .annotate(_one=Value(1))
        .values("_one")
        .annotate(ids=StringAgg(Cast(field, CharField()), Value(_IDS_SEPARATOR)))
        .values("ids")
    )


def _staff_roles(user):
    return MeetingRole.objects.active().filter(user=user.pk, role=MeetingRole.Role.CHAIR_STAFF)


def chair_meeting_ids(user):
    """The fact "chair_meetings": the meetings the person is Chair's office staff of."""
    return _ids(_staff_roles(user), "meeting_id")


def troika_meeting_ids(user):
    """The fact "troika_meetings": the meetings whose previous, own or next meeting by number the person
    is Chair's office staff of."""
    neighbour = _staff_roles(user).filter(
        meeting__number__gte=OuterRef("number") - 1, meeting__number__lte=OuterRef("number") + 1
    )
    return _ids(Meeting.objects.filter(Exists(neighbour)), "pk")


def chair_staff_of_open_meeting(user):
    """The menu fact "chair_staff" (accounts.menu): staff of a meeting whose record is not closed."""
    return Exists(_staff_roles(user).filter(meeting__closed_at__isnull=True))


def _coordinator_roles(user):
    return MeetingRole.objects.active().filter(user=user.pk, role=MeetingRole.Role.CIVIL_SOCIETY_COORDINATOR)


def coordinated_meeting_ids(user):
    """The fact "coordinated_meetings": the meetings the person is civil-society coordinator of."""
    return _ids(_coordinator_roles(user), "meeting_id")


def coordinates_current_meeting(user):
    """The menu fact "civil_society_coordinator": coordinator of the current meeting (the header's
    "Civil society" entry, the landing page)."""
    return Exists(_coordinator_roles(user).filter(meeting__is_current=True))


def _changed(**kwargs) -> None:
    facts_changed()


for _model in (Meeting, MeetingRole):
    post_save.connect(_changed, sender=_model, dispatch_uid=f"roundtables.permissions.{_model.__name__}.save")
    post_delete.connect(_changed, sender=_model, dispatch_uid=f"roundtables.permissions.{_model.__name__}.delete")


def _parse(value) -> frozenset[int]:
    return frozenset(int(pk) for pk in (value or "").split(_IDS_SEPARATOR) if pk)


def _access(user) -> tuple[frozenset[int], frozenset[int]]:
    """(ids of the meetings the person is Chair's office staff of, ids of those they may read)."""
    return _parse(fact(user, "chair_meetings")), _parse(fact(user, "troika_meetings"))


def _signed_in(user) -> bool:
    return bool(user is not None and user.is_authenticated)


# -- Predicates ------------------------------------------------------------------------------------


@rules.predicate
def is_meeting_chair_staff(user, meeting) -> bool:
    """Chair's office staff of this meeting (an active MeetingRole), support aside."""
    meeting_id = meeting_id_of(meeting)
    return _signed_in(user) and meeting_id is not None and meeting_id in _access(user)[0]


@rules.predicate
def is_troika_staff(user, meeting) -> bool:
    """Chair's office staff of the previous, the same or the next meeting by number: 2011's staff read
    2010 and 2012, never 2009."""
    meeting_id = meeting_id_of(meeting)
    return _signed_in(user) and meeting_id is not None and meeting_id in _access(user)[1]


@rules.predicate
def manages_meeting_of(user, obj) -> bool:
    """Write a meeting's data: support, or staff of the object's meeting. Without an object (a page that
    only asks "is this someone who manages a meeting") or for an object no meeting holds (a delegation),
    the global rule: support or staff of an open meeting (accounts.permissions.is_chair_office)."""
    if not _signed_in(user):
        return False
    if is_support(user):
        return True
    meeting_id = meeting_id_of(obj)
    if meeting_id is None:
        return is_chair_office(user)
    return meeting_id in _access(user)[0]


@rules.predicate
def reads_meeting_records_of(user, obj) -> bool:
    """Read a meeting's non-public records (drafts, registrations, results): support, or the troika's
    staff. Without a meeting, as manages_meeting_of."""
    if not _signed_in(user):
        return False
    if is_support(user):
        return True
    meeting_id = meeting_id_of(obj)
    if meeting_id is None:
        return is_chair_office(user)
    return meeting_id in _access(user)[1]


@rules.predicate
def coordinates_civil_society_of(user, obj=None) -> bool:
    """The civil-society coordinator's rights in the object's meeting (a registration, a Meeting, an
    object with `meeting_id`): named for that meeting (an active MeetingRole civil_society_coordinator).
    Without a meeting (no object, a bare delegation), the current meeting. The global group
    (accounts.roles.CIVIL_SOCIETY_COORDINATOR) still counts in every meeting: kept for deployments that
    named their coordinator before per-meeting roles; new coordinators are named per meeting."""
    if not _signed_in(user):
        return False
    if is_civil_society_coordinator(user):
        return True
    meeting_id = meeting_id_of(obj)
    if meeting_id is None:
        return bool(fact(user, "civil_society_coordinator"))
    return meeting_id in _parse(fact(user, "coordinated_meetings"))


@rules.predicate
def is_session_rapporteur(user, session) -> bool:
    return team_roles(user, session).is_rapporteur


@rules.predicate
def is_session_co_chair(user, session) -> bool:
    """The session's co-chair: named as a co-chair's representative on its team, or focal point of one of
    its co-chair delegations."""
    return team_roles(user, session).is_co_chair


# Both take the meeting (or any object of a meeting) as their object (roundtables.editions).
rules.add_perm("roundtables.manage_meeting", manages_meeting_of)
rules.add_perm("roundtables.view_meeting_records", reads_meeting_records_of)
# The dashboard's landing page (any meeting's); each meeting's page checks view_meeting_records on it.
rules.add_perm("roundtables.view_chair_dashboard", is_chair_office)
# A meeting's Chair's office staff: its own staff (and support) invite and revoke colleagues.
rules.add_perm("roundtables.manage_meeting_staff", manages_meeting_of)
# Prepare the next meeting: the current Chair's office (of the source meeting), or support.
rules.add_perm("roundtables.prepare_next_meeting", manages_meeting_of)
# Co-chairs edit their own session's description and team notes; the meeting's Chair's office everything.
rules.add_perm("roundtables.edit_session_description", manages_meeting_of | is_session_co_chair)
# Closing a meeting's record, and opening or ending a correction on a closed one: a deliberate act of
# the meeting's own Chair's office (or portal support). While a correction is open, they write to the
# closed meeting (roundtables.editions.ensure_open); the troika never does.
rules.add_perm("roundtables.close_meeting", manages_meeting_of)
rules.add_perm("roundtables.correct_meeting", manages_meeting_of)


# -- Translators ------------------------------------------------------------------------------------
# The Chair's office names translators per meeting and working language (MeetingRole translator_<code>).
# A translator into Spanish has no right on the French text: each language is its own rule, whose object is
# anything of the meeting (a session, a roundtable; papers build theirs on `translates_into`).


def translates_into(language: str) -> rules.Predicate:
    """Named translator into `language` for the object's meeting."""

    @rules.predicate(name=f"translates_into_{language}")
    def predicate(user, obj) -> bool:
        return obj is not None and language in translator_languages(user, meeting_id_of(obj))

    return predicate


def translate_text_perm(language: str) -> str:
    """The rule for translating a session's or a roundtable's title and description into `language`."""
    return f"roundtables.translate_text_{language}"


for _language in languages.TRANSLATED:  # English is the original of a session's and a roundtable's texts
    rules.add_perm(translate_text_perm(_language), translates_into(_language) | manages_meeting_of)


def translates_current_meeting(user):
    """The menu fact "translates_current_meeting": named translator for the current meeting (the header's
    "Translations" entry)."""
    return Exists(
        MeetingRole.objects.active().filter(user=user.pk, role__startswith="translator_", meeting__is_current=True)
    )
