"""The outcome pages: the rapporteur's editor, the co-chairs' sign-off, history, the closing
plenary's presentation and the print layout. Drafts are private: 404 for anyone off the team."""

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
from django.views.decorators.http import require_POST

from delegations.selectors import signing_delegation
from gfmd import languages
from outcomes import services
from outcomes.diff import has_changes, side_by_side
from outcomes.forms import CommentForm, ReturnForm, SectionSaveForm
from outcomes.models import Outcome, OutcomeRevision, OutcomeSection
from outcomes.selectors import (
    outcome_sections,
    reading_sections,
    section_revisions,
    sessions_for_outcomes,
    sign_off_hint,
    sign_offs,
    team_role,
    translation_pending,
)
from roundtables.editions import may_write, meeting_or_current
from roundtables.models import Session

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
    # A closed meeting's outcome is its record: no button offers to change it (the services refuse anyway).
    writable = may_write(session.meeting, request.user)
    context["can_start"] = context["can_start"] and writable
    if outcome is not None:
        outcome.session = session
        user = request.user
        signed = sign_offs(outcome)
        can_sign_off = user.has_perm("outcomes.sign_off_outcome", outcome)
        sections = list(outcome_sections(outcome))
        for section in sections:
            section.form = SectionSaveForm(
                initial={"html": section.html, "base_revision": section.current_revision_id},
                auto_id=f"id_{section.kind}_%s",
            )
        context.update(
            sections=sections,
            sign_offs=signed,
            approved_count=sum(1 for sign_off in signed if sign_off.counts),
            editor_role=user.has_perm("outcomes.write_outcome", outcome),
            # The rules the services check (who and when): a button shows only when its click is accepted.
            can_edit=writable and user.has_perm("outcomes.edit_outcome", outcome),
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
    services.outcome_start(session=session, actor=request.user)
    return redirect("outcomes:workspace", session_pk=session.pk)


def _save_payload(outcome: Outcome, section: OutcomeSection, result, request) -> dict:
    head = result.head
    payload = {
        "status": "saved" if result.applied else "conflict",
        "revision": result.revision.pk if result.revision else None,
        "head": head.pk if head else None,
        "saved_at": _local_time(result.revision.created_at, outcome.session.meeting) if result.revision else "",
    }
    if result.conflict:
        payload.update(
            head_html=head.html if head else "",
            conflict_html=render_to_string(
                "outcomes/partials/conflict.html",
                {
                    "outcome": outcome,
                    "section": section,
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
def section_save(request, pk: int, kind: str):
    """Autosave (JSON) and the plain form's save. Every text sent is kept, conflict or not."""
    outcome = _outcome(request, pk)
    section = _section(outcome, kind)
    form = SectionSaveForm(request.POST)
    if not form.is_valid():
        services.check_who(request.user, "outcomes.edit_outcome", outcome)
        if _wants_json(request):
            return JsonResponse({"status": "invalid", "errors": form.errors.get_json_data()}, status=400)
        messages.error(request, _("The text could not be saved: %(errors)s") % {"errors": form.errors.as_text()})
        return redirect(_workspace_url(outcome, section.anchor))
    data = form.cleaned_data
    try:
        if data["conflict_revision"]:
            result = services.section_merge(
                section=section,
                actor=request.user,
                html=data["html"],
                conflict_revision_id=data["conflict_revision"],
                head_revision_id=data["base_revision"],
            )
        else:
            result = services.section_save(
                section=section,
                actor=request.user,
                html=data["html"],
                base_revision_id=data["base_revision"],
                client_token=data["client_token"],
            )
    except ValidationError as error:
        if _wants_json(request):
            return JsonResponse({"status": "locked", "message": " ".join(error.messages)}, status=409)
        messages.error(request, " ".join(error.messages))
        return redirect(_workspace_url(outcome))
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
        url = reverse("outcomes:section_history", kwargs={"pk": outcome.pk, "kind": kind})
        return redirect(f"{url}?from={result.head.number}&to={result.revision.number}")
    messages.success(request, _("“%(section)s” saved.") % {"section": section.get_kind_display()})
    return redirect(_workspace_url(outcome, section.anchor))


@login_required
def section_history(request, pk: int, kind: str):
    """Every version with who and when; a comparison of any two."""
    outcome = _outcome(request, pk)
    section = _section(outcome, kind)
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
            "can_restore": request.user.has_perm("outcomes.edit_outcome", outcome),
        },
    )


@login_required
@require_POST
def revision_restore(request, pk: int, kind: str, number: int):
    outcome = _outcome(request, pk)
    section = _section(outcome, kind)
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
    return redirect(_workspace_url(outcome, section.anchor))


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
    takes a newer version saved elsewhere; a page with unsaved changes compares when it saves."""
    outcome = _outcome(request, pk)
    sections = outcome.sections.filter(language=outcome.original_language).select_related(
        "current_revision", "current_revision__author"
    )
    return JsonResponse(
        {
            "state": outcome.state,
            "editable": outcome.is_editable,
            "sections": {
                section.kind: {
                    "head": section.current_revision_id,
                    "html": section.html,
                    "author": section.current_revision.author.display_name
                    if section.current_revision_id and section.current_revision.author
                    else "",
                    "saved_at": _local_time(section.current_revision.created_at, outcome.session.meeting)
                    if section.current_revision_id
                    else "",
                }
                for section in sections
            },
        }
    )


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


@login_required
def translate(request, pk: int, language: str):
    """The translator's side-by-side editor (being built: answers 404 until then)."""
    raise Http404
