"""The practices' pages (part "practices"): the public repository of the Platform for Partnerships, the
submitter's form and list, and the Chair's office's review. Thin: parse, call the service, show its
errors next to the fields."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from followup.forms.practices import (
    NoteForm,
    PracticeFilter,
    PracticeForm,
    ReviewForm,
    partner_formset,
    partners_of,
)
from followup.models import Practice, PracticeDocument
from followup.selectors import practices as selectors
from followup.services import practices as services
from gfmd import streaming
from gfmd.paging import query_without
from papers.filenames import clean_original_name, download_name
from roundtables.models import Meeting

PER_PAGE = 20
REVIEW_PER_PAGE = 30
EXPORT_FORMATS = ("csv", "xlsx")
DOWNLOAD_CSP = "default-src 'none'; sandbox"


def _practice_or_404(request, pk: int, perm: str = "followup.view_practice") -> Practice:
    """The practice, if the person may see it (else 404: an unpublished practice does not exist for them)."""
    try:
        practice = selectors.practice_for_page(pk)
    except Practice.DoesNotExist as exc:
        raise Http404 from exc
    if not request.user.has_perm("followup.view_practice", practice):
        raise Http404
    if perm != "followup.view_practice" and not request.user.has_perm(services.WHO.get(perm, perm), practice):
        raise PermissionDenied
    return practice


def _apply_errors(form, error: ValidationError) -> None:
    """A service's errors next to their fields (or above the form when they name none)."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


# -- The public repository -----------------------------------------------------------------------------


def _filtered(request) -> PracticeFilter:
    return PracticeFilter(request.GET or None, queryset=selectors.public_practices())


def practice_list(request):
    filterset = _filtered(request)
    practices = filterset.qs
    page = Paginator(practices, PER_PAGE).get_page(request.GET.get("page"))
    shown = selectors.with_reading(page.object_list, get_language())
    query = query_without(request)
    filters = filterset.form.cleaned_data if filterset.is_bound and filterset.form.is_valid() else {}
    return render(
        request,
        "followup/practices/list.html",
        {
            "filter": filterset,
            "page": page,
            "practices": shown,
            "page_query": query,
            "query": filters.get("q", ""),
            "filtered": any(value for value in filters.values()),
            "export_query": query,
            "chosen_session": filterset.chosen("session"),
            "chosen_recommendation": filterset.chosen("recommendation"),
        },
    )


def _text_cell(practice: Practice, field: str, language: str) -> str:
    return selectors.reading(practice, language)[field]


def practice_export(request, file_format: str):
    """The filtered repository as CSV or XLSX: the practices the list shows (all its pages), read in
    chunks as the file is written."""
    if file_format not in EXPORT_FORMATS:
        raise Http404
    practices = selectors.export_practices(_filtered(request).qs).iterator(chunk_size=200)
    language = get_language()
    header = [
        _("Identifier"),
        _("Title"),
        _("Summary"),
        _("Results"),
        _("Original language"),
        _("Submitted by a"),
        _("Organisation"),
        _("Countries involved"),
        _("Partners"),
        _("Themes"),
        _("Started"),
        _("Ended"),
        _("Contact name"),
        _("Contact e-mail"),
        _("Links"),
        _("Published"),
        _("Page"),
    ]

    def rows():
        for practice in practices:
            texts = selectors.reading(practice, language)
            yield [
                practice.pk,
                texts["title"],
                texts["summary"],
                texts["results"],
                practice.get_language_display(),
                practice.get_submitter_kind_display(),
                practice.organisation,
                "; ".join(country.display_name for country in practice.countries.all()),
                "; ".join(f"{p.name} ({p.get_kind_display()})" for p in practice.partners.all()),
                "; ".join(theme.name for theme in practice.themes.all()),
                practice.period_start,
                practice.period_end,
                practice.contact_name,
                practice.contact_email,
                " ".join(practice.links),
                timezone.localtime(practice.published_at).date() if practice.published_at else None,
                request.build_absolute_uri(practice.get_absolute_url()),
            ]

    name = f"gfmd-practices-{timezone.localtime().strftime('%Y%m%d-%H%M')}.{file_format}"
    if file_format == "xlsx":
        sheet = streaming.Sheet(
            title=_("Practices"), header=header, rows=rows(), widths=(8, 40, 60, 60, 10, 18, 30, 30, 30, 30)
        )
        return streaming.xlsx_response([sheet], filename=name)
    return streaming.csv_response(header, rows(), filename=name)


def practice_detail(request, pk: int):
    practice = _practice_or_404(request, pk)
    user = request.user
    return render(
        request,
        "followup/practices/detail.html",
        {
            "practice": practice,
            "texts": selectors.reading(practice, get_language()),
            "partners": list(practice.partners.all()),
            "countries": list(practice.countries.all()),
            "themes": list(practice.themes.all()),
            "documents": list(practice.documents.all()),
            "sessions": list(practice.sessions.all()),
            "papers": list(practice.papers.all()),
            "recommendations": list(practice.recommendations.all()),
            "is_public": practice.state == Practice.State.PUBLISHED,
            "may_edit": user.has_perm("followup.edit_practice", practice),
            "may_review": user.has_perm("followup.update_practice_review", practice),
        },
    )


@require_GET
def document_download(request, pk: int):
    """A practice's document: anyone for a published practice, the submitter and the Chair's office
    otherwise; sent as an attachment a browser will neither sniff nor run (as papers' downloads)."""
    document = get_object_or_404(PracticeDocument.objects.select_related("practice"), pk=pk)
    practice = document.practice
    if not request.user.has_perm("followup.view_practice", practice):
        raise Http404
    public = practice.state == Practice.State.PUBLISHED
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404 from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=download_name(clean_original_name(document.original_name), document.extension, fallback="practice"),
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = DOWNLOAD_CSP
    response["Cache-Control"] = "public, max-age=3600" if public else "private, no-store"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


# -- The submitter ---------------------------------------------------------------------------------


def _render_form(request, form, partners, *, practice=None, status=200):
    return render(
        request,
        "followup/practices/form.html",
        # A refused form with files: the page asks to choose them again (browsers never re-send them).
        {"form": form, "partners": partners, "practice": practice, "had_files": bool(request.FILES)},
        status=status,
    )


def _save(request, form, partners, save):
    """Validate the form and the partners, call the service; on any error, the page again with every
    value the person typed (files excepted: a browser never re-sends them, and the page says so)."""
    if form.is_valid() and partners.is_valid():
        try:
            return save(form.practice_input(partners_of(partners)))
        except ValidationError as error:
            if hasattr(error, "error_dict") and "partners" in error.error_dict:
                partners._non_form_errors = partners.error_class(error.error_dict.pop("partners"))
            _apply_errors(form, error)
    return None


@login_required
def practice_submit(request):
    if not request.user.has_perm("followup.submit_practice"):
        raise PermissionDenied
    if request.method == "POST":
        form = PracticeForm(request.POST, request.FILES, user=request.user)
        partners = partner_formset(request.POST)
        practice = _save(request, form, partners, lambda data: services.practice_submit(actor=request.user, data=data))
        if practice is not None:
            messages.success(request, _("Thank you: your practice is submitted. The Chair's office will review it."))
            return redirect("followup:practices_mine")
        return _render_form(request, form, partners, status=400)
    user = request.user
    delegations = list(services.user_delegations(user)[:2])
    initial = {"language": (user.preferred_language or get_language() or "en")[:2], "organisation": user.organisation}
    if len(delegations) == 1:
        delegation = delegations[0]
        initial["delegation"] = delegation.pk
        initial["submitter_kind"] = {
            "state": Practice.SubmitterKind.GOVERNMENT,
            "observer": Practice.SubmitterKind.INTERNATIONAL_ORGANISATION,
            "civil_society": Practice.SubmitterKind.CIVIL_SOCIETY,
        }.get(delegation.kind, "")
        if delegation.kind != "state":
            initial["organisation"] = delegation.name
    form = PracticeForm(initial=initial, user=user)
    return _render_form(request, form, partner_formset())


@login_required
def practices_mine(request):
    practices = selectors.practices_of_submitter(request.user)
    page = Paginator(practices, REVIEW_PER_PAGE).get_page(request.GET.get("page"))
    shown = selectors.with_reading(page.object_list, get_language())
    return render(
        request,
        "followup/practices/mine.html",
        {
            "page": page,
            "practices": shown,
            "may_submit": request.user.has_perm("followup.submit_practice"),
        },
    )


@login_required
def practice_edit(request, pk: int):
    practice = _practice_or_404(request, pk, "followup.edit_practice")
    if not request.user.has_perm("followup.edit_practice", practice):
        messages.error(
            request,
            _("This practice is “%(state)s”: it can no longer be changed.") % {"state": practice.get_state_display()},
        )
        return redirect(practice)
    if request.method == "POST":
        form = PracticeForm(request.POST, request.FILES, user=request.user, practice=practice)
        partners = partner_formset(request.POST)

        def save(data):
            removed = form.cleaned_data.get("remove_documents") or []
            return services.practice_update(
                practice=practice, actor=request.user, data=data, remove_documents=[d.pk for d in removed]
            )

        saved = _save(request, form, partners, save)
        if saved is not None:
            messages.success(request, _("Your changes are saved. The practice awaits the Chair's office's review."))
            return redirect("followup:practices_mine")
        return _render_form(request, form, partners, practice=practice, status=400)
    form = PracticeForm(initial=PracticeForm.initial_for(practice), user=request.user, practice=practice)
    partners = partner_formset(initial=[{"name": p.name, "kind": p.kind} for p in practice.partners.all()])
    return _render_form(request, form, partners, practice=practice)


@login_required
@require_POST
def practice_withdraw(request, pk: int):
    practice = _practice_or_404(request, pk, "followup.withdraw_practice")
    try:
        services.practice_withdraw(practice=practice, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The practice is withdrawn: it will not be reviewed or published."))
    return redirect("followup:practices_mine")


# -- The Chair's office ----------------------------------------------------------------------------


@login_required
def review_queue(request):
    if not request.user.has_perm("followup.review_practices"):
        raise PermissionDenied
    state = request.GET.get("state", Practice.State.SUBMITTED)
    if state not in (*Practice.State.values, "all"):
        state = Practice.State.SUBMITTED
    practices = selectors.review_queue("" if state == "all" else state)
    page = Paginator(practices, REVIEW_PER_PAGE).get_page(request.GET.get("page"))
    counts = selectors.state_counts()
    return render(
        request,
        "followup/practices/review_queue.html",
        {
            "page": page,
            "practices": selectors.with_reading(page.object_list, get_language()),
            "state": state,
            "states": [(value, label, counts.get(value, 0)) for value, label in Practice.State.choices],
            "total": sum(counts.values()),
            "page_query": query_without(request),
        },
    )


def _review_meeting(request) -> Meeting | None:
    number = request.GET.get("meeting") or request.POST.get("meeting") or ""
    if number.isdigit():
        meeting = Meeting.objects.filter(number=int(number)).first()
        if meeting is not None:
            return meeting
    return Meeting.objects.current() or Meeting.objects.order_by("-number").first()


def _render_review(request, practice, form, note_form, meeting, status=200):
    return render(
        request,
        "followup/practices/review.html",
        {
            "practice": practice,
            "texts": selectors.reading(practice, get_language()),
            "form": form,
            "note_form": note_form,
            "meeting": meeting,
            "meetings": Meeting.objects.order_by("-number").only("pk", "number", "title", "start_date"),
            "partners": list(practice.partners.all()),
            "countries": list(practice.countries.all()),
            "themes": list(practice.themes.all()),
            "documents": list(practice.documents.all()),
            "may_update": request.user.has_perm("followup.update_practice_review", practice),
            "may_publish": request.user.has_perm("followup.publish_practice", practice),
            "may_return": request.user.has_perm("followup.return_practice", practice),
            "may_decline": request.user.has_perm("followup.decline_practice", practice),
        },
        status=status,
    )


@login_required
def practice_review(request, pk: int):
    practice = _practice_or_404(request, pk, "followup.update_practice_review")
    meeting = _review_meeting(request)
    if request.method == "POST":
        form = ReviewForm(request.POST, practice=practice, meeting=meeting)
        if form.is_valid():
            try:
                services.practice_review_update(
                    practice=practice,
                    actor=request.user,
                    texts=form.texts(),
                    sessions=list(form.cleaned_data["sessions"]),
                    papers=list(form.cleaned_data["papers"]),
                    recommendations=list(form.cleaned_data["recommendations"]),
                )
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                if request.POST.get("then") == "publish":
                    return practice_decide(request, pk)
                messages.success(request, _("The links and translations are saved."))
                return redirect(f"{reverse('followup:practice_review', args=[pk])}?meeting={meeting.number}")
        return _render_review(request, practice, form, NoteForm(), meeting, status=400)
    form = ReviewForm(initial=ReviewForm.initial_for(practice), practice=practice, meeting=meeting)
    return _render_review(request, practice, form, NoteForm(), meeting)


@login_required
@require_POST
def practice_decide(request, pk: int):
    """Publish, return (with a note) or decline: the button pressed names the action."""
    action = request.POST.get("action") or request.POST.get("then") or ""
    perms = {
        "publish": "followup.publish_practice",
        "return": "followup.return_practice",
        "decline": "followup.decline_practice",
    }
    if action not in perms:
        raise Http404
    practice = _practice_or_404(request, pk, perms[action])
    note_form = NoteForm(request.POST)
    note_form.is_valid()
    note = note_form.cleaned_data.get("note", "")
    try:
        if action == "publish":
            services.practice_publish(practice=practice, actor=request.user)
            messages.success(request, _("The practice is published. The submitter is told by mail."))
            return redirect(practice)
        if action == "return":
            services.practice_return(practice=practice, actor=request.user, note=note)
            messages.success(request, _("The practice is returned to its submitter, with your note."))
        else:
            services.practice_decline(practice=practice, actor=request.user, note=note)
            messages.success(request, _("The practice is declined. The submitter is told by mail."))
    except ValidationError as error:
        if hasattr(error, "error_dict") and "note" in error.error_dict:
            note_form.add_error("note", error.error_dict["note"])
            meeting = _review_meeting(request)
            form = ReviewForm(initial=ReviewForm.initial_for(practice), practice=practice, meeting=meeting)
            return _render_review(request, practice, form, note_form, meeting, status=400)
        messages.error(request, " ".join(error.messages))
        return redirect("followup:practice_review", pk=pk)
    return redirect("followup:practice_review_queue")
