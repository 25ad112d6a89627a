"""What the outcome pages read: who holds which role on a session's team, and the prefetched
querysets of the pages."""

from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Count,
    Exists,
    Expression,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils.translation import gettext as _

from delegations.models import Delegation, Registration
from delegations.selectors import signing_delegation
from gfmd import languages
from outcomes.models import Approval, Outcome, OutcomeRevision, OutcomeSection, SectionComment
from roundtables.models import Session
from roundtables.permissions import reads_meeting_records_of
from roundtables.selectors import (
    CO_CHAIR,
    RAPPORTEUR,
    co_chair_delegations,
    co_chair_spokespeople,
    current_sessions,
    meeting_chair_staff,
    named_roles_prefetch,
    on_team,
    team_people,
    team_roles,
)


@dataclass
class TeamRole:
    """A person's part in one session's outcome."""

    rapporteur: bool = False
    # Speaks for a co-chair government of the session (its representative on the team, or its focal
    # point): reads the draft, comments, returns it. Signing off asks more: see signing_delegation.
    co_chair_representative: bool = False


def team_role(user, session: Session) -> TeamRole:
    """The user's part in the session's outcome, from roundtables' team_roles (read once per request)."""
    roles = team_roles(user, session)
    return TeamRole(rapporteur=roles.is_rapporteur, co_chair_representative=roles.is_co_chair)


@dataclass(frozen=True)
class SignOff:
    """One co-chair government of the session, with its recorded sign-off (or None) and, when that
    sign-off no longer counts, why."""

    delegation: Delegation
    approval: Approval | None = None
    void_reason: str = ""

    @property
    def counts(self) -> bool:
        return self.approval is not None and not self.void_reason

    @property
    def void(self) -> bool:
        return self.approval is not None and bool(self.void_reason)


def _void_reason(approval: Approval, *, registration, speaks_for: set[tuple[int, int]]) -> str:
    """Why a recorded sign-off no longer counts ("" if it still does): the person who signed must
    still hold, unchanged since the sign-off, an approved registration with that government, and
    still speak for it on the session."""
    if approval.approved_by_id is None:
        return _("the account of the person who signed was removed")
    if registration is None:
        return _("no longer registered for the meeting")
    if registration.delegation_id != approval.delegation_id:
        return _("now registered with %(delegation)s") % {"delegation": registration.delegation.name}
    if registration.status == Registration.Status.WITHDRAWN:
        return _("registration withdrawn")
    if registration.status == Registration.Status.REJECTED:
        return _("registration rejected")
    if registration.status == Registration.Status.PENDING:
        return _("registration awaiting approval again")
    if registration.decided_at is not None and registration.decided_at > approval.approved_at:
        # Withdrawn (or rejected) and approved again since: a new registration, not the one that signed.
        return _("registered again after signing off")
    if (approval.approved_by_id, approval.delegation_id) not in speaks_for:
        return _("no longer speaks for %(delegation)s on this session") % {"delegation": approval.delegation.name}
    return ""


def sign_offs(outcome: Outcome) -> list[SignOff]:
    """Every co-chair government of the session, with its sign-off and whether it still counts.
    At most four queries, whatever the number of co-chairs."""
    session = outcome.session
    approvals = {a.delegation_id: a for a in outcome.approvals.select_related("approved_by", "delegation")}
    people = {a.approved_by_id for a in approvals.values() if a.approved_by_id}
    registrations = {}
    if people:
        registrations = {
            r.person_id: r
            for r in Registration.objects.filter(meeting_id=session.meeting_id, person_id__in=people).select_related(
                "delegation"
            )
        }
    speaks_for = co_chair_spokespeople(session, people=people)
    result = []
    for delegation in co_chair_delegations(session):
        approval = approvals.get(delegation.pk)
        reason = (
            _void_reason(approval, registration=registrations.get(approval.approved_by_id), speaks_for=speaks_for)
            if approval is not None
            else ""
        )
        result.append(SignOff(delegation=delegation, approval=approval, void_reason=reason))
    return result


def approved_by_every_co_chair(outcome: Outcome) -> bool:
    signed = sign_offs(outcome)
    return bool(signed) and all(sign_off.counts for sign_off in signed)


def approval_lapsed(outcome: Outcome) -> bool:
    """Approved by the co-chair governments, but one of those sign-offs no longer counts (its signer
    withdrew or moved): the approval no longer holds until that government signs again."""
    return (
        outcome.state == Outcome.State.APPROVED
        and outcome.approved_by_chair_office_id is None
        and not approved_by_every_co_chair(outcome)
    )


def rapporteurs(session: Session) -> QuerySet:
    return team_people(session, roles=[RAPPORTEUR])


def co_chair_representatives(session: Session) -> QuerySet:
    """Everyone who speaks for a co-chair government of the session (the people to ask for sign-off)."""
    return team_people(session, roles=[CO_CHAIR])


def chair_office_people(meeting) -> QuerySet:
    """The meeting's own Chair's office (not the troika's, nor support)."""
    return meeting_chair_staff(meeting)


def _drafts_or_signs(user) -> Q:
    """A condition on Session: the person drafts (rapporteur) or signs off (co-chair) its outcome."""
    return on_team(user, roles=[RAPPORTEUR, CO_CHAIR])


def drafts_or_signs_a_current_outcome(user) -> Exists:
    """The header menu's "My outcomes" (the Chair's office has "Outcomes" instead): sessions_for_outcomes
    lists any in the current meeting."""
    return Exists(current_sessions().filter(_drafts_or_signs(user), kind=Session.Kind.ROUNDTABLE))


def sessions_for_outcomes(user, *, meeting) -> QuerySet[Session]:
    """The sessions whose outcome the user drafts, signs off or (Chair's office) oversees."""
    if meeting is None or not user.is_authenticated:
        return Session.objects.none()
    sessions = meeting.sessions.filter(kind=Session.Kind.ROUNDTABLE)
    if not reads_meeting_records_of(user, meeting):
        sessions = sessions.filter(_drafts_or_signs(user))
    return (
        sessions.select_related("roundtable", "outcome")
        .prefetch_related(named_roles_prefetch(user, to_attr="my_roles"))
        .order_by("code")
    )


def outcome_sections(outcome: Outcome) -> QuerySet[OutcomeSection]:
    """The outcome's sections in its original language (the rapporteur's), with their current text."""
    return (
        outcome.sections.filter(language=outcome.original_language)
        .select_related("current_revision", "current_revision__author")
        .prefetch_related(Prefetch("comments", queryset=SectionComment.objects.select_related("author")))
    )


def section_revisions(section: OutcomeSection) -> QuerySet[OutcomeRevision]:
    return section.revisions.select_related("author", "base", "restored_from", "source").order_by("-number")


def published_outcome(session: Session) -> Outcome | None:
    return Outcome.objects.published().filter(session=session).select_related("session").first()


def published_outcome_stamp(session_id: int, meeting: Expression) -> Subquery:
    """What the public session page shows of its outcome, as a query expression that changes with it
    (roundtables.programme.cache reads it with the release, for the page's ETag and cache key).
    A published outcome's original is final, so its id and publication time name it, with the time its
    translations were last published; NULL when none is published."""
    published = Outcome.objects.published().filter(session_id=session_id, session__meeting=meeting)
    stamp = Concat(
        "pk",
        Value(":"),
        "published_at",
        Value(":"),
        Coalesce(Cast("translations_published_at", TextField()), Value("", output_field=TextField())),
        output_field=TextField(),
    )
    return Subquery(published.order_by("pk").values(stamp=stamp)[:1])


def sign_off_hint(user, outcome: Outcome) -> str:
    """Why someone who speaks for a co-chair government cannot sign off the submitted outcome now
    ("" when there is nothing to say), so that a missing button is never a mystery."""
    session = outcome.session
    if outcome.state != Outcome.State.SUBMITTED or not team_role(user, session).co_chair_representative:
        return ""
    governments = list(co_chair_delegations(session).filter(pk__in=team_roles(user, session).co_chair_delegations))
    if not governments:
        return _(
            "The Chair's office has not yet said which co-chair government you represent on this session: "
            "you can sign off once it has."
        )
    if signing_delegation(user, session) is not None:
        return _("%(government)s has signed off: nothing more is needed from you.") % {
            "government": governments[0].name
        }
    return _("You can sign off for %(governments)s only with an approved registration with it for this meeting.") % {
        "governments": ", ".join(government.name for government in governments)
    }


def meeting_published_outcomes(meeting) -> QuerySet[Outcome]:
    """A meeting's published outcomes in programme order, for its page in the public archive."""
    return (
        Outcome.objects.published()
        .filter(session__meeting=meeting)
        .select_related("session", "session__roundtable")
        .order_by("session__roundtable__order", "session__roundtable__number", "session__order", "session__code")
    )


# -- Translations -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TranslationRow:
    """One section of an outcome in a translation language, beside its original.

    status: "empty" (the original has no text yet), "missing" (not translated yet), "needs_update"
    (translated from an older version of the original) or "up_to_date"."""

    original: OutcomeSection
    translation: OutcomeSection

    @property
    def kind(self) -> str:
        return self.original.kind

    @property
    def status(self) -> str:
        source = self.original.current_revision
        if source is None or not source.html:
            return "empty"
        current = self.translation.current_revision
        if current is None or not current.html:
            return "missing"
        return "up_to_date" if current.source_id == source.pk else "needs_update"

    @property
    def needs_update(self) -> bool:
        return self.status == "needs_update"

    @property
    def published(self) -> bool:
        return self.translation.published_revision_id is not None

    @property
    def publishable(self) -> bool:
        """Up to date and not yet what the public reads."""
        return self.status == "up_to_date" and self.translation.published_revision_id != (
            self.translation.current_revision_id
        )

    def changes(self):
        """What changed in the original since the text this translation was made from (diff rows),
        or None when it is up to date or was never translated."""
        from outcomes.diff import side_by_side

        if self.status != "needs_update":
            return None
        source = self.translation.current_revision.source
        return side_by_side(source.html if source else "", self.original.current_revision.html)


def translation_rows(outcome: Outcome, language: str) -> list[TranslationRow]:
    """The outcome's five sections in its original language paired with their translation into
    `language`, in order (one query, whatever the number of revisions)."""
    sections = (
        outcome.sections.filter(language__in={outcome.original_language, language})
        .select_related(
            "current_revision",
            "current_revision__author",
            "current_revision__source",
            "published_revision",
        )
        .order_by("order")
    )
    originals, translations = {}, {}
    for section in sections:
        section.outcome = outcome
        (originals if section.language == outcome.original_language else translations)[section.kind] = section
    return [TranslationRow(originals[kind], translations[kind]) for kind in originals if kind in translations]


@dataclass
class TranslationProgress:
    """How far the translation of an outcome into one language is: counts of its sections by status
    (the sections whose original has no text yet are not counted: there is nothing to translate)."""

    language: str
    up_to_date: int = 0
    needs_update: int = 0
    missing: int = 0
    translators: list = field(default_factory=list)  # the meeting's translators into it, when the page names them

    @property
    def language_name(self) -> str:
        return str(languages.NAMES[self.language])


def translation_progress(outcome: Outcome, sections=None) -> list[TranslationProgress]:
    """Per translation language (in the working languages' order), its sections up to date, needing
    an update and missing. One query, or none with `sections`: the outcome's sections in every
    language with their current_revision."""
    if sections is None:
        sections = outcome.sections.select_related("current_revision")
    by_language: dict[str, dict[str, OutcomeSection]] = {}
    for section in sections:
        by_language.setdefault(section.language, {})[section.kind] = section
    originals = by_language.get(outcome.original_language, {})
    result = []
    for language in languages.CODES:
        if language == outcome.original_language:
            continue
        counts = {"up_to_date": 0, "needs_update": 0, "missing": 0}
        for kind, translation in by_language.get(language, {}).items():
            if kind in originals:
                status = TranslationRow(originals[kind], translation).status
                if status in counts:
                    counts[status] += 1
        result.append(TranslationProgress(language=language, **counts))
    return result


@dataclass(frozen=True)
class ReadingSection:
    """A section as a reader in one language reads it: their language's text, or the original's
    (fallback) while the translation is in progress."""

    kind: str
    label: str
    anchor: str
    html: str
    language: str  # the language of `html`
    fallback: bool  # True: the reader's language is missing, this is the original


def reading_sections(outcome: Outcome, language: str, *, sections=None, draft: bool = False) -> list[ReadingSection]:
    """The outcome's sections with text, in `language` where its translation is published (for a
    published outcome) or up to date with the original (an approved one, read by its team or at the
    plenary; or `draft`, the current texts), else in the original with `fallback` set.

    One query, or none with `sections`: the outcome's sections (all languages, with current_revision
    and published_revision), as a list prefetched for many outcomes."""
    use_published = outcome.state == Outcome.State.PUBLISHED and not draft
    text_of = "published_revision" if use_published else "current_revision"
    if sections is None:
        sections = (
            outcome.sections.filter(language__in={outcome.original_language, language})
            .select_related("current_revision", "published_revision")
            .order_by("order")
        )
    by_kind: dict[str, dict[str, OutcomeSection]] = {}
    for section in sorted(sections, key=lambda section: section.order):
        by_kind.setdefault(section.kind, {})[section.language] = section
    result = []
    for kind, versions in by_kind.items():
        original = versions.get(outcome.original_language)
        original_text = getattr(original, text_of, None) if original else None
        if original_text is None or not original_text.html:
            continue
        chosen, fallback = original_text, language != outcome.original_language
        translation = versions.get(language) if fallback else None
        text = getattr(translation, text_of, None) if translation else None
        # A published translation was up to date when published, and the published original does
        # not change; a current one must translate the original's current text.
        if text is not None and text.html and (use_published or text.source_id == original_text.pk):
            chosen, fallback = text, False
        result.append(
            ReadingSection(
                kind=kind,
                label=original.get_kind_display(),
                anchor=original.anchor,
                html=chosen.html,
                language=outcome.original_language if fallback else language,
                fallback=fallback,
            )
        )
    return result


def translation_pending(sections: list[ReadingSection]) -> bool:
    return any(section.fallback for section in sections)


def _translated_text(language: str) -> Case:
    """On Outcome: "x" when every section of the original with text has a translation into `language`
    made from its current text (or `language` is the original's), "" otherwise or when nothing is
    written: the per-language "column" gfmd.translation_gaps compares, as for a translated field."""
    written = OutcomeSection.objects.filter(
        outcome=OuterRef("pk"), language=OuterRef("original_language"), current_revision__isnull=False
    ).exclude(current_revision__html="")
    up_to_date = OutcomeSection.objects.filter(
        outcome=OuterRef("outcome"),
        kind=OuterRef("kind"),
        language=language,
        current_revision__source=OuterRef("current_revision"),
    ).exclude(current_revision__html="")
    untranslated = written.exclude(language=language).filter(~Exists(up_to_date))
    return Case(
        When(Exists(untranslated), then=Value("", output_field=TextField())),
        When(Exists(written), then=Value("x", output_field=TextField())),
        default=Value("", output_field=TextField()),
        output_field=TextField(),
    )


def translation_gaps(meeting) -> list:
    """The meeting's outcomes whose text lacks an up-to-date French or Spanish translation (or English,
    for an outcome drafted in another language), for the Chair's office's completeness page (the row
    shape: gfmd.translation_gaps). The link opens the outcome's page, whose Translations card leads on."""
    from django.urls import reverse

    from gfmd import languages
    from gfmd.translation_gaps import GapList

    items = (
        Outcome.objects.filter(session__meeting=meeting)
        .select_related("session")
        .annotate(**{f"text_{code}": _translated_text(code) for code in languages.CODES})
        .order_by("session__code", "pk")
    )
    return [
        GapList(
            key="outcomes-outcomes",
            label=_("Outcomes"),
            items=items,
            fields={"text": _("Sections (up to date with the original)")},
            name=lambda outcome: f"{outcome.session.code} {outcome.session.title}",
            url=lambda outcome: reverse("outcomes:workspace", kwargs={"session_pk": outcome.session_id}),
        )
    ]


def outcomes_awaiting_translation(meeting, language: str) -> QuerySet[Outcome]:
    """The meeting's outcomes with at least one section whose translation into `language` is missing or
    needs update (TranslationRow.status, counted in SQL): annotated `missing` and `needs_update`, the
    numbers of such sections, in programme order. An outcome written in `language` awaits nothing."""
    # The original's sections with text, and beside each its translation into `language`.
    originals = OutcomeSection.objects.filter(
        outcome=OuterRef("pk"), language=OuterRef("original_language"), current_revision__isnull=False
    ).exclude(current_revision__html="")
    translation = OutcomeSection.objects.filter(outcome=OuterRef("outcome"), kind=OuterRef("kind"), language=language)
    translated = translation.filter(current_revision__isnull=False).exclude(current_revision__html="")
    stale = translated.exclude(current_revision__source_id=OuterRef("current_revision_id"))

    def counted(sections) -> Coalesce:
        return Coalesce(
            Subquery(sections.order_by().values("outcome").annotate(count=Count("pk")).values("count")[:1]),
            Value(0),
        )

    return (
        Outcome.objects.filter(session__meeting=meeting)
        .exclude(original_language=language)
        .annotate(
            missing=counted(originals.filter(~Exists(translated))),
            needs_update=counted(originals.filter(Exists(stale))),
        )
        .filter(Q(missing__gt=0) | Q(needs_update__gt=0))
        .select_related("session", "session__roundtable")
        .order_by("session__roundtable__order", "session__roundtable__number", "session__order", "session__code")
    )
