"""The composer's pages: the meeting's composed mailings, writing one, its review (audience count,
preview per language and recipient, a test to oneself) and "Put in the outbox".

Thin: the form parses, communications.services decides. A composed mailing the person may not see is a
404; a change they may not make is a 403, or the service's message when only its state forbids it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from communications import selectors, services
from communications.audiences import people_of
from communications.forms import ComposeForm, FindPersonForm
from communications.models import ComposedMailing
from gfmd import languages
from gfmd.forms import add_service_errors
from gfmd.paging import query_without
from roundtables.editions import meeting_or_404

MAILINGS_PER_PAGE = 25
RECIPIENTS_PER_PAGE = 20


def _meeting_for_composer(request, number: int | None):
    meeting = meeting_or_404(number)
    if not request.user.has_perm("communications.compose", meeting):
        raise PermissionDenied
    return meeting


def _composed_or_404(request, pk: int) -> ComposedMailing:
    composed = get_object_or_404(
        ComposedMailing.objects.select_related("meeting", "session", "delegation", "mailing", "created_by"), pk=pk
    )
    if not request.user.has_perm("communications.view_composed", composed):
        raise Http404
    return composed


@login_required
def composed_list(request, number: int | None = None):
    meeting = _meeting_for_composer(request, number)
    mailings = selectors.composed_for(request.user, meeting)
    page = Paginator(mailings, MAILINGS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "communications/composed_list.html",
        {"meeting": meeting, "page": page, "mailings": page.object_list},
    )


def _initial_from_post(request) -> dict:
    """What the person typed, redrawn without judging it (they pressed "Find", not "Save")."""
    initial = {key: request.POST.get(key) for key in request.POST if key not in ("csrfmiddlewaretoken", "papers")}
    initial["papers"] = request.POST.getlist("papers")
    return initial


def _compose(request, *, meeting, composed: ComposedMailing | None):
    find = FindPersonForm(request.POST if "find" in request.POST else None)
    if request.method == "POST" and "find" not in request.POST:
        form = ComposeForm(request.POST, meeting=meeting, actor=request.user)
        if form.is_valid():
            try:
                if composed is None:
                    composed = services.composed_create(meeting=meeting, actor=request.user, draft=form.draft())
                else:
                    composed = services.composed_update(composed=composed, actor=request.user, draft=form.draft())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The mailing is saved as a draft. Preview it before you send it."))
                return redirect("communications:review", composed.pk)
    elif request.method == "POST":
        form = ComposeForm(initial=_initial_from_post(request), meeting=meeting, actor=request.user)
    else:
        initial = ComposeForm.initial_from(composed) if composed else {"audience": "participants"}
        if composed is None and not request.user.has_perm("communications.write_to_any_audience", meeting):
            initial["audience"] = "delegation"
        form = ComposeForm(initial=initial, meeting=meeting, actor=request.user)
    return render(
        request,
        "communications/compose.html",
        {
            "meeting": meeting,
            "composed": composed,
            "form": form,
            "find_form": find,
            "found": find.results() if find.is_bound else None,
            "count": people_of(composed).count() if composed else None,
        },
    )


@login_required
def composed_create(request, number: int | None = None):
    meeting = _meeting_for_composer(request, number)
    return _compose(request, meeting=meeting, composed=None)


@login_required
def composed_edit(request, pk: int):
    composed = _composed_or_404(request, pk)
    if not request.user.has_perm("communications.edit_composed", composed):
        messages.info(request, _("This mailing is in the outbox: it can no longer be changed."))
        return redirect("communications:review", composed.pk)
    return _compose(request, meeting=composed.meeting, composed=composed)


@login_required
def composed_review(request, pk: int):
    composed = _composed_or_404(request, pk)
    audience = people_of(composed)
    search = request.GET.get("q", "").strip()[:100]
    listed = selectors.search_people(audience, search)
    page = Paginator(listed, RECIPIENTS_PER_PAGE).get_page(request.GET.get("page"))
    language = request.GET.get("language", "")
    person = None
    if request.GET.get("person", "").isdigit():
        # Only someone of the audience: the preview shows nobody else's name or delegation.
        person = audience.filter(pk=int(request.GET["person"])).first()
    if person is not None:
        preview = services.render_for(composed, person)
    else:
        if language not in languages.CODES:
            language = languages.DEFAULT
        preview = services.render_for(composed, request.user, language=language)
    by_language = dict(
        audience.order_by()
        .values_list("preferred_language")
        .annotate(count=Count("pk"))
        .values_list("preferred_language", "count")
    )
    return render(
        request,
        "communications/review.html",
        {
            "meeting": composed.meeting,
            "composed": composed,
            "count": sum(by_language.values()),
            "by_language": [
                {
                    "code": code,
                    "name": name,
                    "count": by_language.get(code, 0),
                    "written": composed.has_language(code),
                }
                for code, name in languages.NAMES.items()
            ],
            "page": page,
            "search": search,
            "query": query_without(request, "page"),
            "preview_query": query_without(request, "person", "language"),
            "person": person,
            "language": language,
            "preview": preview,
            "preview_language_name": languages.NAMES.get(preview.language, preview.language),
            "papers": composed.papers.select_related("session").order_by("session__code", "pk"),
            "languages": languages.NAMES,
            "can_edit": request.user.has_perm("communications.edit_composed", composed),
            "can_send": request.user.has_perm("communications.send_composed", composed),
            "can_open_outbox": composed.mailing_id and request.user.has_perm("mailings.view_mailing", composed.mailing),
        },
    )


def _refuse_or_explain(request, composed: ComposedMailing, error: ValidationError):
    for message in error.messages:
        messages.error(request, message)
    return redirect("communications:review", composed.pk)


@login_required
@require_POST
def composed_test(request, pk: int):
    composed = _composed_or_404(request, pk)
    language = request.POST.get("language", languages.DEFAULT)
    try:
        services.composed_send_test(composed=composed, actor=request.user, language=language)
    except ValidationError as error:
        return _refuse_or_explain(request, composed, error)
    messages.success(
        request,
        _("A test in %(language)s is on its way to %(email)s.")
        % {"language": languages.NAMES.get(language, language), "email": request.user.email},
    )
    return redirect(f"{reverse('communications:review', args=[composed.pk])}?language={language}")


@login_required
@require_POST
def composed_outbox(request, pk: int):
    composed = _composed_or_404(request, pk)
    try:
        mailing = services.composed_put_in_outbox(composed=composed, actor=request.user)
    except services.ComposedStateError:
        composed.refresh_from_db()
        messages.info(request, _("This mailing is already in the outbox."))
        mailing = composed.mailing
    except ValidationError as error:
        return _refuse_or_explain(request, composed, error)
    else:
        messages.success(
            request,
            _("The mails are in the outbox. They go out when the Chair's office sends them from this page."),
        )
    if mailing is not None and request.user.has_perm("mailings.view_mailing", mailing):
        return redirect("mailings:detail", mailing.pk)
    return redirect("communications:review", composed.pk)
