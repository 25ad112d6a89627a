"""visa: pages. The person's "My visa letter" (request form, state, the PDF), the Chair's office's list of
requests with the letter's template, one letter's page (issue, revoke), "Issue all N requested letters"
with its progress polled by htmx, and the public verification page a letter's QR code opens.

Thin: forms parse, logistics.services.visa decides. A letter the person may not see is a 404. The views
that receive a passport number are marked sensitive_post_parameters, so Django's error reports hide it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_POST

from gfmd.forms import add_service_errors
from gfmd.paging import query_without
from logistics.forms.visa import LetterFilterForm, RevokeForm, VisaRequestForm, VisaTemplateForm
from logistics.models.visa import VisaIssueRun, VisaLetter
from logistics.selectors import visa as selectors
from logistics.services import visa as services
from roundtables.editions import chair_meeting_or_404, may_write, meeting_or_current

LETTERS_PER_PAGE = 25
MANAGE = "logistics.manage_visa_letters"
SENSITIVE = ("passport_number", "date_of_birth", "passport_expiry")


@sensitive_post_parameters(*SENSITIVE)
@login_required
@never_cache
def my_letter(request, number: int | None = None):
    """The person's visa letter for the meeting: request it (approved registrations), follow its state,
    download it once issued."""
    meeting = meeting_or_current(number)
    registration = selectors.own_registration(request.user, meeting)
    letter = selectors.current_letter(registration)
    editable = (
        registration is not None
        and request.user.has_perm("logistics.request_visa_letter", registration)
        and (letter is None or letter.state != VisaLetter.State.ISSUED)
        and may_write(meeting, request.user)
    )
    live = letter if letter is not None and letter.state in VisaLetter.LIVE_STATES else None
    form = VisaRequestForm(letter=live)
    if request.method == "POST":
        if registration is None:
            raise Http404
        form = VisaRequestForm(request.POST)
        if form.is_valid():
            try:
                services.visa_letter_request(registration=registration, actor=request.user, data=form.request())
            except PermissionDenied:
                raise Http404 from None
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your request is saved. The Chair's office will issue your letter."))
                return redirect("logistics:visa_mine", number=meeting.number)
        editable = True
    return render(
        request,
        "logistics/visa/mine.html",
        {
            "meeting": meeting,
            "registration": registration,
            "letter": letter,
            "form": form,
            "editable": editable,
        },
    )


def _chair_meeting(request, number):
    return chair_meeting_or_404(request.user, number, perm=MANAGE)


def _run_context(meeting) -> dict:
    run = selectors.latest_run(meeting)
    return {
        "meeting": meeting,
        "run": run,
        "requested_count": selectors.requested_count(meeting),
    }


@login_required
@require_GET
def chair_list(request, number: int | None = None):
    """The Chair's office's visa letters of a meeting: requests and letters by state, in pages."""
    meeting = _chair_meeting(request, number)
    filters = LetterFilterForm(request.GET or None)
    letters = selectors.letters_for_chair(meeting, state=filters.value())
    page = Paginator(letters, LETTERS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "logistics/visa/chair_list.html",
        {
            **_run_context(meeting),
            "filters": filters,
            "page": page,
            "letters": page.object_list,
            "query": query_without(request, "page"),
            "template": selectors.letter_template(meeting),
            "writable": may_write(meeting, request.user),
        },
    )


@login_required
def chair_template(request, number: int):
    meeting = _chair_meeting(request, number)
    template = selectors.letter_template(meeting)
    if request.method == "POST":
        form = VisaTemplateForm(request.POST)
        if form.is_valid():
            try:
                services.visa_template_save(meeting=meeting, actor=request.user, values=form.values())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The letter's template is saved."))
                return redirect("logistics:visa_chair", number=meeting.number)
    else:
        if template is not None:
            initial = {name: getattr(template, name) for name in services.TEMPLATE_FIELDS}
        else:
            initial = services.default_template_values(meeting)
        form = VisaTemplateForm(initial=initial)
    return render(
        request,
        "logistics/visa/chair_template.html",
        {"meeting": meeting, "form": form, "template": template, "placeholders": services.PLACEHOLDERS},
    )


def _letter_or_404(request, meeting, pk: int) -> VisaLetter:
    letter = get_object_or_404(
        VisaLetter.objects.select_related("person", "registration__delegation", "meeting", "issued_by", "revoked_by"),
        pk=pk,
        meeting=meeting,
    )
    if not request.user.has_perm("logistics.view_visa_letter", letter):
        raise Http404
    return letter


@login_required
def chair_letter(request, number: int, pk: int):
    meeting = _chair_meeting(request, number)
    letter = _letter_or_404(request, meeting, pk)
    revoke_form = RevokeForm()
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "issue":
                services.visa_letter_issue(letter=letter, actor=request.user)
                messages.success(request, _("The letter is issued."))
                return redirect("logistics:visa_letter", number=meeting.number, pk=letter.pk)
            if action == "revoke":
                revoke_form = RevokeForm(request.POST)
                if revoke_form.is_valid():
                    services.visa_letter_revoke(
                        letter=letter, actor=request.user, reason=revoke_form.cleaned_data["reason"]
                    )
                    messages.success(request, _("The letter is revoked."))
                    return redirect("logistics:visa_letter", number=meeting.number, pk=letter.pk)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            if action == "revoke" and hasattr(error, "error_dict"):
                add_service_errors(revoke_form, error)
            else:
                for message in error.messages:
                    messages.error(request, message)
        letter = _letter_or_404(request, meeting, pk)
    return render(
        request,
        "logistics/visa/chair_letter.html",
        {
            "meeting": meeting,
            "letter": letter,
            "revoke_form": revoke_form,
            "verify_url": selectors.verification_url(letter) if letter.token_nonce else "",
            "writable": may_write(meeting, request.user),
        },
    )


@login_required
@require_POST
def chair_issue_all(request, number: int):
    meeting = _chair_meeting(request, number)
    try:
        services.visa_issue_all(meeting=meeting, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("logistics:visa_chair", number=meeting.number)


@login_required
@require_GET
def chair_run(request, number: int, pk: int):
    """The progress of an "Issue all" run: the fragment htmx polls while it runs."""
    meeting = _chair_meeting(request, number)
    get_object_or_404(VisaIssueRun, pk=pk, meeting=meeting)
    context = {**_run_context(meeting), "polling": True}
    return render(request, "logistics/visa/partials/run.html", context)


@require_GET
@never_cache
def verify(request, token: str):
    """Public: what a consulate reads when it scans a letter's QR code. The person's name, the passport
    number's last digits, the meeting and its dates, and whether the letter is valid or revoked; any other
    token answers "not valid" and nothing more."""
    letter = selectors.letter_from_token(token)
    response = render(request, "logistics/visa/verify.html", {"letter": letter}, status=200 if letter else 404)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response
