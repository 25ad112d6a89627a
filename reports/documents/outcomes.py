"""A session's outcome, and the report of the proceedings: cover, table of contents with page
numbers (CSS target-counter), the meeting's theme, then every published outcome by roundtable
and session. Outcome text is rich text written by rapporteurs: it is sanitised (nh3) again here,
whatever the outcomes app already did, before it reaches a template."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from outcomes.models import Outcome, OutcomeSection
from outcomes.selectors import reading_sections, translation_pending
from reports.documents.attendance import attendance_annex
from reports.documents.common import (
    chair_reads,
    chair_reads_params,
    clean_id,
    clean_language,
    clean_meeting,
    load_meeting,
    meeting_filename,
    meeting_of,
    pdf_filename,
    render_document,
)
from reports.documents.recommendations_annex import recommendations_annex
from reports.registry import Choice, Offer, Part, Renderer, ReportError, register
from reports.rendering import clean_html
from roundtables.models import Session, SessionDelegation, SessionPerson

PUBLISHED = "published"
DRAFT = "draft"


def _outcome_sessions(sessions):
    return sessions.select_related("roundtable", "room", "outcome").prefetch_related(
        Prefetch(
            "outcome__sections",
            queryset=OutcomeSection.objects.select_related("current_revision", "published_revision").order_by("order"),
        ),
        Prefetch(
            "team_delegations",
            queryset=SessionDelegation.objects.filter(role=SessionDelegation.Role.CO_CHAIR)
            .select_related("delegation")
            .order_by("delegation__name"),
            to_attr="co_chair_roles",
        ),
        Prefetch(
            "team_people",
            queryset=SessionPerson.objects.filter(role=SessionPerson.Role.RAPPORTEUR)
            .select_related("person")
            .order_by("person__last_name"),
            to_attr="rapporteur_roles",
        ),
    )


def _prepare(session, *, draft: bool = False) -> None:
    """What the templates read: the sanitised sections in the document's language (the original where
    a translation is not published: marked, in its own language), co-chairs and rapporteurs as names."""
    outcome = session.outcome
    sections = reading_sections(outcome, get_language(), sections=outcome.sections.all(), draft=draft)
    session.outcome_sections = [
        {
            "kind": section.kind,
            "title": section.label,
            "html": clean_html(section.html),
            "language": section.language,
            "fallback": section.fallback,
        }
        for section in sections
    ]
    session.outcome_original_language = outcome.get_original_language_display()
    session.outcome_translation_pending = translation_pending(sections)
    session.co_chairs = [role.delegation.name for role in session.co_chair_roles]
    session.rapporteurs = [role.person.display_name for role in session.rapporteur_roles]


def published_outcome_sessions(meeting) -> list[Session]:
    sessions = _outcome_sessions(
        meeting.sessions.filter(outcome__state=Outcome.State.PUBLISHED).order_by(
            "roundtable__order", "roundtable__number", "order", "code"
        )
    )
    sessions = list(sessions)
    for session in sessions:
        _prepare(session)
    return sessions


def proceedings_context(meeting) -> dict:
    sessions = published_outcome_sessions(meeting)
    by_roundtable = defaultdict(list)
    for session in sessions:
        by_roundtable[session.roundtable_id].append(session)
    roundtables = []
    for roundtable in meeting.roundtables.order_by("order", "number"):
        if by_roundtable.get(roundtable.pk):
            roundtable.outcome_sessions = by_roundtable[roundtable.pk]
            roundtables.append(roundtable)
    return {
        "meeting": meeting,
        "roundtables": roundtables,
        "other_sessions": by_roundtable.get(None, []),
        "session_count": len(sessions),
        "recommendations_annex": recommendations_annex(meeting),  # followup's part (the annex)
        "attendance_annex": attendance_annex(meeting),  # logistics' part (delegations present per session)
    }


# The report of the proceedings --------------------------------------------------------------


def meeting_unavailable(params: dict) -> str | None:
    """The report of the proceedings, or an outcome not chosen yet: is any outcome published?
    One query, by the meeting's id (a deleted meeting has none either)."""
    if not Session.objects.filter(meeting_id=params.get("meeting"), outcome__state=Outcome.State.PUBLISHED).exists():
        return gettext("No outcome of this meeting has been published yet.")
    return None


def build_proceedings(params: dict):
    # Whether any outcome is published: meeting_unavailable(), which the service and the task check first.
    meeting = load_meeting(params)
    context = proceedings_context(meeting)
    # One document, not parts: the table of contents needs every page number.
    yield Part(render_document("reports/proceedings.html", context))


def proceedings_title(params: dict) -> str:
    meeting = meeting_of(params)
    return gettext("Report of the proceedings") + (f" · {meeting.title}" if meeting else "")


def proceedings_offers(meeting, user) -> list[Offer]:
    if not chair_reads(user, meeting):
        return []
    return [
        Offer(
            kind="proceedings",
            label=_("Report of the proceedings"),
            description=_(
                "Cover, table of contents, the meeting's theme, then every published outcome by roundtable and session."
            ),
            params={"meeting": meeting.pk},
        )
    ]


register(
    Renderer(
        kind="proceedings",
        label=_("Report of the proceedings"),
        description=_("Every published outcome of the meeting, by roundtable and session."),
        can_access=chair_reads_params,
        build=build_proceedings,
        filename=lambda params: meeting_filename(params, "proceedings"),
        clean_params=clean_meeting,
        title=proceedings_title,
        offers=proceedings_offers,
        unavailable=meeting_unavailable,
        order=20,
    )
)


# A session's outcome ---------------------------------------------------------------------------


def _session_of_code(raw: dict) -> int | None:
    """The session the reports page's typed code names in its meeting (None when the form sent none)."""
    code = (raw.get("session_code") or "").strip()[:20]
    if not code or raw.get("session"):
        return None
    meeting_id = clean_id(raw, "meeting")
    session_id = Session.objects.filter(meeting_id=meeting_id, code=code).values_list("pk", flat=True).first()
    if session_id is None:
        raise ValidationError(gettext("This meeting has no session %(code)s.") % {"code": code})
    return session_id


def clean_outcome_params(raw: dict) -> dict:
    session_id = _session_of_code(raw) or clean_id(raw, "session")
    version = raw.get("version") or PUBLISHED
    if version not in (PUBLISHED, DRAFT):
        raise ValidationError(gettext("Choose the published outcome or the current draft."))
    if not Outcome.objects.filter(session_id=session_id).exists():
        raise ValidationError(gettext("This session has no outcome yet."))
    return {"session": session_id, "version": version, "language": clean_language(raw)}


def _outcome_of(params: dict) -> Outcome | None:
    return Outcome.objects.select_related("session__meeting").filter(session_id=params.get("session")).first()


def outcome_can_access(user, params) -> bool:
    """The published text: whoever may read the published outcome. The current draft: the
    session's team and the Chair's office only, whatever the outcome's state (so a draft printed
    before publication never reaches anyone else)."""
    outcome = _outcome_of(params)
    if outcome is None:
        return False
    if params.get("version") == DRAFT:
        return user.has_perm("outcomes.view_draft", outcome)
    return outcome.state == Outcome.State.PUBLISHED and user.has_perm("outcomes.view_outcome", outcome)


def build_outcome(params: dict):
    session = _outcome_sessions(Session.objects.filter(pk=params["session"])).first()
    if session is None:
        raise ReportError(gettext("The session of this outcome no longer exists."))
    if params["version"] == PUBLISHED and session.outcome.state != Outcome.State.PUBLISHED:
        raise ReportError(gettext("This outcome is no longer published."))
    _prepare(session, draft=params["version"] == DRAFT)
    yield Part(
        render_document(
            "reports/outcome.html",
            {"meeting": session.meeting, "session": session, "draft": params["version"] == DRAFT},
        )
    )


def outcome_title(params: dict) -> str:
    outcome = _outcome_of(params)
    if outcome is None:
        return str(_("Outcome of a session"))
    title = gettext("Outcome of session %(code)s") % {"code": outcome.session.code}
    return title + (" · " + gettext("draft") if params.get("version") == DRAFT else "")


def outcome_filename(params: dict) -> str:
    """gfmd-4-outcome-1-1-en.pdf; gfmd-4-outcome-1-1-draft-en.pdf for a draft."""
    outcome = _outcome_of(params)
    words = [outcome.session.meeting.number, "outcome", outcome.session.code] if outcome else ["outcome"]
    if params.get("version") == DRAFT:
        words.append("draft")
    return pdf_filename(*words, params["language"])


def outcome_unavailable(params: dict) -> str | None:
    if not params.get("session"):  # an offer before a session is chosen
        return meeting_unavailable(params)
    outcome = _outcome_of(params)
    if outcome is None:
        return gettext("This session has no outcome yet.")
    if params.get("version", PUBLISHED) == PUBLISHED and outcome.state != Outcome.State.PUBLISHED:
        return gettext("This outcome has not been published.")
    return None


def outcome_offers(meeting, user) -> list[Offer]:
    if not chair_reads(user, meeting):
        return []
    return [
        Offer(
            kind="outcome",
            label=_("Outcome of a session"),
            description=_("The published outcome of one session, as presented at the closing plenary."),
            # The meeting is there for the offer's check (are any outcomes published?); the
            # request keeps only the session.
            params={"meeting": meeting.pk, "version": PUBLISHED},
            # Typed, not a select: a meeting has up to hundreds of sessions. The session's code (and the
            # meeting) become the session in clean_outcome_params; each outcome's page also has its button.
            choice=Choice(name="session_code", label=_("Session code"), help=_("As in the programme, e.g. 3.1.")),
        )
    ]


register(
    Renderer(
        kind="outcome",
        label=_("Outcome of a session"),
        description=_("One session's outcome: summary, conclusions, recommendations, good practices, follow-up."),
        can_access=outcome_can_access,
        build=build_outcome,
        filename=outcome_filename,
        clean_params=clean_outcome_params,
        title=outcome_title,
        offers=outcome_offers,
        unavailable=outcome_unavailable,
        order=30,
    )
)
