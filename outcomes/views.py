"""The outcome pages: the rapporteur's editor, the translators' side-by-side editor, the co-chairs'
sign-off, history, the closing plenary's presentation and the print layout. Drafts are private: 404
for anyone off the team."""

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from delegations.selectors import signing_delegation
from gfmd import languages
from outcomes import services
from outcomes.diff import has_changes, side_by_side
from outcomes.forms import CommentForm, OriginalLanguageForm, ReturnForm, SectionSaveForm
from outcomes.models import Outcome, OutcomeRevision, OutcomeSection
from outcomes.selectors import (
    TranslationRow,
    outcome_sections,
    reading_sections,
    section_revisions,
    sessions_for_outcomes,
    sign_off_hint,
    sign_offs,
    team_role,
    translation_pending,
    translation_progress,
    translation_rows,
)
from roundtables.editions import may_write, meeting_or_current
from roundtables.models import Session
from roundtables.selectors import meeting_translators

# The Chair's office reads every roundtable session of the meeting (400 at the benchmark's 10x).
PER_PAGE = 50


def _outcome(request, pk: int, perm: str = "outcomes.view_draft") -> Outcome:
    """The outcome if the user may see it (else 404) and read it as `perm` says (else 403). Writes
    ask only to see it: the service checks its own rule (403 for a stranger to the action)."""
    outcome = get_object_or_404(Outcome.objects.select_related("session", "session__meeting"), pk=pk)
    if not request.user.has_perm("outcomes.view_draft", outcome) and not (
        perm in {"outcomes.view_outcome", "outcomes.present_outcome"} and outcome.state == Outcome.State.PUBLISHED
    ):
        raise Http404
    if not request.user.has_perm(perm, outcome):
        raise PermissionDenied
    return outcome


def _section(outcome: Outcome, kind: str, language: str | None = None) -> OutcomeSection:
    """The section of that kind in `language` (the original's, by default)."""
    section = get_object_or_404(
        outcome.sections.select_related("current_revision"),
        kind=kind,
        language=language or outcome.original_language,
    )
    section.outcome = outcome
    return section


def _translation_language(outcome: Outcome, language: str | None) -> str | None:
    """The language of a translation named in the URL (None: the original); 404 for the original's
    own language or one that is not a working language."""
    if language is None:
        return None
    if language not in languages.CODES or language == outcome.original_language:
        raise Http404
    return language


def _translate_url(outcome: Outcome, language: str, anchor: str = "") -> str:
    url = reverse("outcomes:translate", kwargs={"pk": outcome.pk, "language": language})
    return f"{url}#{anchor}" if anchor else url


def _history_url(outcome: Outcome, section: OutcomeSection) -> str:
    if section.is_original:
        return reverse("outcomes:section_history", kwargs={"pk": outcome.pk, "kind": section.kind})
    return reverse(
        "outcomes:translation_history", kwargs={"pk": outcome.pk, "language": section.language, "kind": section.kind}
    )


def _page_of(outcome: Outcome, section: OutcomeSection, anchor: str = "") -> str:
    """The page a section is written on: the workspace (the original) or the translate page."""
    if section.is_original:
        return _workspace_url(outcome, anchor)
    return _translate_url(outcome, section.language, anchor)


def _local_time(moment, meeting) -> str:
    return time_format(timezone.localtime(moment, ZoneInfo(meeting.time_zone)), "H:i")


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _workspace_url(outcome: Outcome, anchor: str = "") -> str:
    url = reverse("outcomes:workspace", kwargs={"session_pk": outcome.session_id})
    return f"{url}#{anchor}" if anchor else url


@login_required
def outcome_list(request, number: int | None = None):
    """ "My outcomes": the sessions of the meeting whose outcome the user drafts or signs off (all, for
    the Chair's office)."""
    meeting = meeting_or_current(number)
    page = Paginator(sessions_for_outcomes(request.user, meeting=meeting), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "outcomes/outcome_list.html",
        {"meeting": meeting, "page": page, "sessions": page.object_list},
    )


def _session(request, session_pk: int) -> Session:
    session = get_object_or_404(Session.objects.select_related("meeting", "roundtable"), pk=session_pk)
    if not request.user.has_perm("outcomes.view_draft", session):
        raise Http404
    return session


@login_required
def workspace(request, session_pk: int):
    """The outcome's working page: the editor for the rapporteur, comments and sign-off for the co-chairs.
    Before the outcome exists, its writers see a button that starts it (a page view writes nothing)."""
    session = _session(request, session_pk)
    outcome = Outcome.objects.filter(session=session).select_related("returned_by").first()
    context = {
        "session": session,
        "meeting": session.meeting,
        "outcome": outcome,
        "role": team_role(request.user, session),
        "can_start": outcome is None and request.user.has_perm("outcomes.start_outcome", session),
    }
    if outcome is None:
        # The rapporteur drafts in their own language, unless they choose another on starting.
        preferred = getattr(request.user, "preferred_language", "") or languages.DEFAULT
        context["start_form"] = OriginalLanguageForm(
            initial={"original_language": preferred if preferred in languages.CODES else languages.DEFAULT},
            auto_id="id_start_%s",
        )
    # A closed meeting's outcome is its record: no button offers to change it (the services refuse anyway).
    writable = may_write(session.meeting, request.user)
    context["can_start"] = context["can_start"] and writable
    if outcome is not None:
        outcome.session = session
        user = request.user
        signed = sign_offs(outcome)
        can_sign_off = user.has_perm("outcomes.sign_off_outcome", outcome)
        sections = list(outcome_sections(outcome))
        every_language = list(outcome.sections.select_related("current_revision"))
        progress = translation_progress(outcome, every_language)
        for line in progress:
            line.translators = list(meeting_translators(session.meeting, line.language))
        can_edit = writable and user.has_perm("outcomes.edit_outcome", outcome)
        context.update(
            sections=sections,
            sign_offs=signed,
            approved_count=sum(1 for sign_off in signed if sign_off.counts),
            editor_role=user.has_perm("outcomes.write_outcome", outcome),
            # The rules the services check (who and when): a button shows only when its click is accepted.
            can_edit=can_edit,
            translations=progress,
            # The original language changes only while nothing is written in any language.
            language_form=OriginalLanguageForm(initial={"original_language": outcome.original_language})
            if can_edit and not any(section.current_revision_id for section in every_language)
            else None,
            can_comment=writable and user.has_perm("outcomes.comment_outcome", outcome),
            can_submit=writable and user.has_perm("outcomes.submit_outcome", outcome),
            can_return=writable and user.has_perm("outcomes.return_outcome", outcome),
            can_approve=writable and (can_sign_off or user.has_perm("outcomes.approve_in_place", outcome)),
            signs_for=signing_delegation(user, session) if can_sign_off else None,
            sign_off_hint=sign_off_hint(user, outcome),
            can_publish=writable and user.has_perm("outcomes.publish_outcome", outcome),
            comment_form=CommentForm(),
            return_form=ReturnForm(),
        )
    return render(request, "outcomes/workspace.html", context)


@login_required
@require_POST
def outcome_start(request, session_pk: int):
    """ "Start drafting": the outcome and its five empty sections (a second click changes nothing)."""
    session = _session(request, session_pk)
    form = OriginalLanguageForm(request.POST)
    language = form.cleaned_data["original_language"] if form.is_valid() else languages.DEFAULT
    services.outcome_start(session=session, actor=request.user, original_language=language)
    return redirect("outcomes:workspace", session_pk=session.pk)


@login_required
@require_POST
def original_language_set(request, pk: int):
    """The rapporteur changes the language they draft in (while nothing is written)."""
    outcome = _outcome(request, pk)
    form = OriginalLanguageForm(request.POST)
    if not form.is_valid():
        services.check_who(request.user, "outcomes.edit_outcome", outcome)
        messages.error(request, _("Choose one of the Forum's working languages."))
        return redirect(_workspace_url(outcome))
    try:
        outcome = services.original_language_set(
            outcome=outcome, actor=request.user, language=form.cleaned_data["original_language"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The outcome is drafted in %(language)s.") % {"language": outcome.get_original_language_display()},
        )
    return redirect(_workspace_url(outcome))


def _save_payload(outcome: Outcome, section: OutcomeSection, result, request) -> dict:
    head = result.head
    payload = {
        "status": "saved" if result.applied else "conflict",
        "revision": result.revision.pk if result.revision else None,
        "head": head.pk if head else None,
        "saved_at": _local_time(result.revision.created_at, outcome.session.meeting) if result.revision else "",
    }
    if not section.is_original and result.applied:
        # The translation's status after this save (its source is the original the page showed).
        row = TranslationRow(services.original_section(section), _with_revision(section, head))
        payload["translation"] = {"status": row.status, "label": str(TRANSLATION_STATUS[row.status])}
    if result.conflict:
        payload.update(
            head_html=head.html if head else "",
            conflict_html=render_to_string(
                "outcomes/partials/conflict.html",
                {
                    "outcome": outcome,
                    "section": section,
                    "history_url": _history_url(outcome, section),
                    "head": head,
                    "mine": result.revision,
                    "rows": side_by_side(head.html if head else "", result.revision.html),
                    "meeting": outcome.session.meeting,
                },
                request=request,
            ),
        )
    return payload


@login_required
@require_POST
def section_save(request, pk: int, kind: str, language: str | None = None):
    """Autosave (JSON) and the plain form's save, of the original's section or (with `language`) of a
    translation's. Every text sent is kept, conflict or not."""
    outcome = _outcome(request, pk)
    section = _section(outcome, kind, _translation_language(outcome, language))
    form = SectionSaveForm(request.POST)
    if not form.is_valid():
        if section.is_original:
            services.check_who(request.user, "outcomes.edit_outcome", outcome)
        else:
            services.check_who(request.user, "outcomes.translate_section", section)
        if _wants_json(request):
            return JsonResponse({"status": "invalid", "errors": form.errors.get_json_data()}, status=400)
        messages.error(request, _("The text could not be saved: %(errors)s") % {"errors": form.errors.as_text()})
        return redirect(_page_of(outcome, section, section.anchor))
    data = form.cleaned_data
    try:
        if data["conflict_revision"]:
            result = services.section_merge(
                section=section,
                actor=request.user,
                html=data["html"],
                conflict_revision_id=data["conflict_revision"],
                head_revision_id=data["base_revision"],
                source_revision_id=data["source_revision"],
            )
        else:
            result = services.section_save(
                section=section,
                actor=request.user,
                html=data["html"],
                base_revision_id=data["base_revision"],
                client_token=data["client_token"],
                source_revision_id=data["source_revision"],
            )
    except ValidationError as error:
        if _wants_json(request):
            return JsonResponse({"status": "locked", "message": " ".join(error.messages)}, status=409)
        messages.error(request, " ".join(error.messages))
        return redirect(_page_of(outcome, section))
    if _wants_json(request):
        return JsonResponse(_save_payload(outcome, section, result, request))
    if result.conflict:
        messages.warning(
            request,
            _(
                "Someone saved a newer version of “%(section)s” while you were writing. Your text is kept as "
                "version %(number)s: compare the two below and restore or merge."
            )
            % {"section": section.get_kind_display(), "number": result.revision.number},
        )
        return redirect(f"{_history_url(outcome, section)}?from={result.head.number}&to={result.revision.number}")
    messages.success(request, _("“%(section)s” saved.") % {"section": section.get_kind_display()})
    return redirect(_page_of(outcome, section, section.anchor))


@login_required
def section_history(request, pk: int, kind: str, language: str | None = None):
    """Every version with who and when; a comparison of any two (of the original's section, or of a
    translation's with `language`)."""
    outcome = _outcome(request, pk)
    section = _section(outcome, kind, _translation_language(outcome, language))
    revisions = list(section_revisions(section))
    by_number = {r.number: r for r in revisions}

    def pick(name: str, default):
        try:
            return by_number.get(int(request.GET.get(name, "")), default)
        except ValueError:
            return default

    newest = by_number.get(section.current_revision.number) if section.current_revision_id else None
    older = revisions[1] if len(revisions) > 1 else None
    compare_from, compare_to = pick("from", older), pick("to", newest)
    rows = side_by_side(compare_from.html if compare_from else "", compare_to.html if compare_to else "")
    return render(
        request,
        "outcomes/section_history.html",
        {
            "outcome": outcome,
            "session": outcome.session,
            "meeting": outcome.session.meeting,
            "section": section,
            "revisions": revisions,
            "compare_from": compare_from,
            "compare_to": compare_to,
            "rows": rows,
            "has_changes": has_changes(rows),
            "can_restore": request.user.has_perm("outcomes.edit_outcome", outcome)
            if section.is_original
            else may_write(outcome.session.meeting, request.user)
            and request.user.has_perm("outcomes.translate_section", section),
            "back_url": _page_of(outcome, section, section.anchor),
            "language_name": languages.NAMES[section.language],
        },
    )


@login_required
@require_POST
def revision_restore(request, pk: int, kind: str, number: int, language: str | None = None):
    outcome = _outcome(request, pk)
    section = _section(outcome, kind, _translation_language(outcome, language))
    revision = get_object_or_404(OutcomeRevision, section=section, number=number)
    try:
        restored = services.revision_restore(revision=revision, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Version %(old)s is the current text again (saved as version %(new)s).")
            % {"old": revision.number, "new": restored.number},
        )
    return redirect(_page_of(outcome, section, section.anchor))


@login_required
@require_POST
def comment_add(request, pk: int, kind: str):
    outcome = _outcome(request, pk)  # everyone who sees the draft may comment (while it is open)
    section = _section(outcome, kind)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_add(section=section, actor=request.user, body=form.cleaned_data["body"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your comment has been added."))
    else:
        messages.error(request, _("Write a comment first."))
    return redirect(_workspace_url(outcome, section.anchor))


def _transition(request, pk: int, action, success: str, **kwargs):
    outcome = _outcome(request, pk)
    try:
        action(outcome=outcome, actor=request.user, **kwargs)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect(_workspace_url(outcome))


@login_required
@require_POST
def outcome_submit(request, pk: int):
    return _transition(request, pk, services.outcome_submit, _("The outcome was sent to the co-chairs."))


@login_required
@require_POST
def outcome_return(request, pk: int):
    form = ReturnForm(request.POST)
    if not form.is_valid():
        outcome = _outcome(request, pk)
        services.check_who(request.user, "outcomes.return_outcome", outcome)
        messages.error(request, _("Say what should change: the rapporteur reads your comments."))
        return redirect(_workspace_url(outcome))
    return _transition(
        request,
        pk,
        services.outcome_return,
        _("The outcome was returned to the rapporteur with your comments."),
        comment=form.cleaned_data["comment"],
    )


@login_required
@require_POST
def outcome_approve(request, pk: int):
    return _transition(request, pk, services.outcome_approve, _("Your approval is recorded."))


@login_required
@require_POST
def outcome_publish(request, pk: int):
    return _transition(
        request,
        pk,
        services.outcome_publish,
        _("The outcome is published on the session's public page."),
    )


@login_required
def heads(request, pk: int):
    """The current version of every section (polled by open editors): a page whose text is unchanged
    takes a newer version saved elsewhere; a page with unsaved changes compares when it saves.
    With ?language=fr, the French translation's sections, and the original's current version of
    each (`originals`), so that a translator's open page sees when the original changed."""
    outcome = _outcome(request, pk)
    language = _translation_language(outcome, request.GET.get("language") or None)
    sections = outcome.sections.filter(
        language__in={outcome.original_language, language or outcome.original_language}
    ).select_related("current_revision", "current_revision__author")
    meeting = outcome.session.meeting
    shown, originals = [], {}
    for section in sections:
        if section.language == (language or outcome.original_language):
            shown.append(section)
        if section.language == outcome.original_language:
            originals[section.kind] = section.current_revision_id
    body = {
        "state": outcome.state,
        # A translation follows the original at every stage (while the meeting is open).
        "editable": outcome.is_editable if language is None else may_write(meeting, request.user),
        "sections": {
            section.kind: {
                "head": section.current_revision_id,
                "html": section.html,
                "author": section.current_revision.author.display_name
                if section.current_revision_id and section.current_revision.author
                else "",
                "saved_at": _local_time(section.current_revision.created_at, meeting)
                if section.current_revision_id
                else "",
            }
            for section in shown
        },
    }
    if language is not None:
        body["originals"] = originals
    return JsonResponse(body)


def _reading_context(outcome: Outcome, language: str | None = None) -> dict:
    """The outcome in the reader's language (or `language`), falling back to the original, marked."""
    sections = reading_sections(outcome, language or get_language())
    return {
        "outcome": outcome,
        "session": outcome.session,
        "meeting": outcome.session.meeting,
        "sections": sections,
        "translation_pending": translation_pending(sections),
        "original_language_name": outcome.get_original_language_display(),
        "sign_offs": [sign_off for sign_off in sign_offs(outcome) if sign_off.approval],
    }


def present(request, pk: int):
    """The closing plenary: one section per screen, large type, keyboard navigation. `?language=fr`
    chooses the language of the outcome's text (the reader's by default); the page's own words stay
    in the reader's. The switch's links keep the slide shown (outcomes-present.js sets their #slide)."""
    outcome = _outcome(request, pk, "outcomes.present_outcome")
    chosen = request.GET.get("language", "")
    language = chosen if chosen in languages.CODES else get_language()
    context = _reading_context(outcome, language)
    context["text_language"] = language
    context["language_links"] = [(code, name, code == language) for code, name in languages.NAMES.items()]
    return render(request, "outcomes/present.html", context)


def print_layout(request, pk: int):
    """The outcome as a document: the print layout (and the HTML the PDF pipeline renders)."""
    outcome = _outcome(request, pk, "outcomes.view_outcome")
    return render(request, "outcomes/print.html", _reading_context(outcome))


TRANSLATION_STATUS = {
    "empty": _lazy("Original not written yet"),
    "missing": _lazy("Not translated"),
    "needs_update": _lazy("Needs update"),
    "up_to_date": _lazy("Up to date"),
    "published": _lazy("Published"),
}


def _with_revision(section: OutcomeSection, revision) -> OutcomeSection:
    section.current_revision = revision
    return section


@dataclass
class TranslationPane:
    """One section of the translate page: the original (left), the translation (right)."""

    row: TranslationRow
    can_edit: bool

    @property
    def status(self) -> str:
        """The badge: "published" when what the public reads is the current, up-to-date text."""
        status = self.row.status
        translation = self.row.translation
        if status == "up_to_date" and translation.published_revision_id == translation.current_revision_id:
            return "published"
        return status

    @property
    def status_label(self) -> str:
        return str(TRANSLATION_STATUS[self.status])

    @property
    def changes(self):
        return self.row.changes()


@login_required
def translate(request, pk: int, language: str):
    """The translator's side-by-side editor: each section's original (read-only, with what changed
    since the translation was made) beside its translation into `language`, editable by that
    language's translators (and the Chair's office) at every stage of the outcome."""
    outcome = _outcome(request, pk)
    language = _translation_language(outcome, language)
    meeting = outcome.session.meeting
    user = request.user
    writable = may_write(meeting, user)
    panes = []
    for row in translation_rows(outcome, language):
        can_edit = writable and user.has_perm("outcomes.translate_section", row.translation)
        panes.append(TranslationPane(row=row, can_edit=can_edit))
    can_publish = (
        writable
        and bool(panes)
        and outcome.state == Outcome.State.PUBLISHED
        and user.has_perm("outcomes.publish_translation", panes[0].row.translation)
    )
    return render(
        request,
        "outcomes/translate.html",
        {
            "outcome": outcome,
            "session": outcome.session,
            "meeting": meeting,
            "language": language,
            "language_name": languages.NAMES[language],
            "original_language_name": outcome.get_original_language_display(),
            "other_languages": [
                (code, name)
                for code, name in languages.NAMES.items()
                if code not in {language, outcome.original_language}
            ],
            "panes": panes,
            "can_edit": any(pane.can_edit for pane in panes),
            "can_publish": can_publish,
            "publishable": [pane for pane in panes if pane.row.publishable],
        },
    )


@login_required
@require_POST
def translation_publish(request, pk: int, language: str):
    """After the outcome's publication: publish the translation's sections that are up to date."""
    outcome = _outcome(request, pk)
    language = _translation_language(outcome, language)
    try:
        published = services.translation_publish(outcome=outcome, language=language, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Published in %(language)s: %(sections)s.")
            % {
                "language": languages.NAMES[language],
                "sections": ", ".join(
                    str(section.get_kind_display()) for section in sorted(published, key=lambda s: s.order)
                ),
            },
        )
    return redirect(_translate_url(outcome, language))
