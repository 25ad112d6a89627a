"""A participant's pages: registering (on their own or by invitation), their registration,
changing and withdrawing it. The services check the rules (the meeting is open, the registration
is one's own and active); the pages read the same rules to choose what they show."""

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from delegations import services
from delegations.forms import DecisionForm, RegistrationForm
from delegations.models import Invitation, Registration
from delegations.selectors import DELEGATION_MATCHES, delegations_named, registration_of_person, sessions_with_seats
from gfmd.forms import add_service_errors
from roundtables.editions import meeting_or_current


def _registration_fields(form: RegistrationForm) -> dict:
    data = form.cleaned_data
    return {
        "sessions": data["sessions"],
        "job_title": data["job_title"],
        "accessibility_needs": data["accessibility_needs"],
        "dietary_needs": data["dietary_needs"],
        "visa_letter_needed": data["visa_letter_needed"],
        "public_list_consent": data["public_list_consent"],
    }


def _mine(meeting):
    """The person's registration page for the meeting (the current one's when none is)."""
    if meeting is None:
        return redirect("delegations:my_registration")
    return redirect("delegations:my_registration", number=meeting.number)


def _render_form(request, *, meeting, form, invitation=None, registration=None, status=200):
    return render(
        request,
        "delegations/register.html",
        {"meeting": meeting, "form": form, "invitation": invitation, "registration": registration},
        status=status,
    )


@login_required
def register(request, number: int | None = None):
    """Register for the meeting (the current one unless the URL names another) with a delegation,
    choosing sessions."""
    meeting = meeting_or_current(number)
    existing = registration_of_person(request.user, meeting=meeting)
    if existing is not None and existing.status != Registration.Status.WITHDRAWN:
        messages.info(request, _("You are already registered for this meeting."))
        return _mine(meeting)
    if not request.user.has_perm("delegations.register_for_meeting", meeting):
        return render(request, "delegations/register_closed.html", {"meeting": meeting})
    initial = {"job_title": request.user.job_title, "role": Registration.Role.DELEGATE}
    if existing is not None:  # registering again after withdrawing: start from what they had
        initial.update(
            delegation=existing.delegation_id,
            role=existing.role,
            job_title=existing.job_title,
            accessibility_needs=existing.accessibility_needs,
            dietary_needs=existing.dietary_needs,
            visa_letter_needed=existing.visa_letter_needed,
            public_list_consent=existing.public_list_consent,
        )
    form = RegistrationForm(request.POST or None, initial=initial, sessions=sessions_with_seats(meeting))
    if request.method == "POST" and form.is_valid():
        try:
            services.registration_create(
                person=request.user,
                meeting=meeting,
                delegation=form.cleaned_data["delegation"],
                role=form.cleaned_data["role"],
                **_registration_fields(form),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Thank you: your registration has been received and is pending approval."))
            return _mine(meeting)
    return _render_form(request, meeting=meeting, form=form)


@login_required
@require_GET
def register_delegations(request):
    """The registration form's suggestions as the person types (an htmx fragment): at most ten
    matching delegations as radio buttons, the one already chosen kept chosen if it still matches."""
    matches = delegations_named(request.GET.get("delegation_name", "")[:200])
    chosen = next((d for d in matches.delegations if str(d.pk) == request.GET.get("delegation")), None)
    return render(
        request,
        "delegations/_delegation_matches.html",
        {"choices": matches.delegations[:DELEGATION_MATCHES], "chosen": chosen, "matches": matches, "quiet": False},
    )


def invitation(request, token: str):
    """The link of an invitation: for its address only, once, before it expires."""
    invitation = services.invitation_by_token(token)
    if invitation is None:
        raise Http404
    context = {"invitation": invitation, "meeting": invitation.meeting}
    if invitation.state != Invitation.State.OPEN:
        return render(request, "delegations/invitation.html", {**context, "problem": invitation.state}, status=410)
    if not request.user.is_authenticated:
        query = urlencode({"next": request.get_full_path()})
        context.update(
            login_url=f"{reverse('account_login')}?{query}", signup_url=f"{reverse('account_signup')}?{query}"
        )
        return render(request, "delegations/invitation.html", context)
    if not EmailAddress.objects.filter(user=request.user, email__iexact=invitation.email, verified=True).exists():
        return render(request, "delegations/invitation.html", {**context, "problem": "other_address"}, status=403)
    meeting = invitation.meeting
    existing = registration_of_person(request.user, meeting=meeting)
    if existing is not None and existing.status != Registration.Status.WITHDRAWN:
        # The invitee, not the focal point who invited them, learns of the conflict.
        context.update(problem="registered", registration=existing)
        return render(request, "delegations/invitation.html", context, status=409)
    if not request.user.has_perm("delegations.register_for_meeting", meeting):
        return render(request, "delegations/register_closed.html", {"meeting": meeting})
    form = RegistrationForm(
        request.POST or None,
        initial={"job_title": request.user.job_title},
        sessions=sessions_with_seats(meeting),
        fixed_delegation=invitation.delegation,
        fixed_role=invitation.role,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.registration_create(
                person=request.user,
                meeting=meeting,
                delegation=invitation.delegation,
                role=invitation.role,
                invitation=invitation,
                **_registration_fields(form),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Thank you: your registration has been received and is pending approval."))
            return _mine(meeting)
    return _render_form(request, meeting=meeting, form=form, invitation=invitation)


@login_required
def my_registration(request, number: int | None = None):
    """The participant's own registration for the meeting and its status."""
    meeting = meeting_or_current(number)
    registration = registration_of_person(request.user, meeting=meeting)
    return render(
        request,
        "delegations/my_registration.html",
        {
            "meeting": meeting,
            "registration": registration,
            "withdraw_form": DecisionForm(),
            "registration_open": request.user.has_perm("delegations.register_for_meeting", meeting),
        },
    )


@login_required
def my_registration_change(request, number: int | None = None):
    meeting = meeting_or_current(number)
    registration = registration_of_person(request.user, meeting=meeting)
    if registration is None or not request.user.has_perm("delegations.change_registration", registration):
        raise Http404
    if not request.user.has_perm("delegations.register_for_meeting", meeting):
        messages.info(request, _("Registration is closed: your registration can no longer be changed."))
        return _mine(meeting)
    role_changes = request.user.has_perm("delegations.change_registration_role", registration)
    form = RegistrationForm(
        request.POST or None,
        initial={
            "role": registration.role,
            "job_title": registration.job_title,
            "sessions": [session.pk for session in registration.sessions.all()],
            "accessibility_needs": registration.accessibility_needs,
            "dietary_needs": registration.dietary_needs,
            "visa_letter_needed": registration.visa_letter_needed,
            "public_list_consent": registration.public_list_consent,
        },
        sessions=sessions_with_seats(meeting),
        fixed_delegation=registration.delegation,
        fixed_role=None if role_changes else registration.role,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.registration_change(
                registration=registration,
                actor=request.user,
                role=form.cleaned_data.get("role") or registration.role,
                **_registration_fields(form),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Your registration has been updated."))
            return _mine(meeting)
    return _render_form(request, meeting=meeting, form=form, registration=registration)


@login_required
@require_POST
def my_registration_withdraw(request, number: int | None = None):
    meeting = meeting_or_current(number)
    registration = registration_of_person(request.user, meeting=meeting)
    if registration is None:
        raise Http404
    form = DecisionForm(request.POST)
    form.is_valid()
    try:
        services.registration_withdraw(
            registration=registration, actor=request.user, reason=form.cleaned_data.get("reason", "")
        )
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Your registration has been withdrawn."))
    return _mine(meeting)
