"""A meeting's Chair's office staff (/chair/meetings/<number>/people/): who they are, inviting a colleague
by mail, withdrawing an invitation, revoking a member (their sessions end), and the invited person's
join link (/staff/join/<token>/). The same page names and revokes the meeting's civil-society coordinator
and its translators (one per working language or more)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.selectors import landing_url
from gfmd.forms import add_service_errors
from gfmd.paging import query_without
from roundtables import services
from roundtables.forms import CoordinatorNameForm, StaffInvitationForm, StaffRevokeForm, TranslatorNameForm
from roundtables.models import MeetingRole, MeetingStaffInvitation
from roundtables.selectors import (
    meeting_coordinator_roles,
    meeting_staff_roles,
    meeting_translator_roles,
    open_meeting_staff_invitations,
)
from roundtables.services.staff import meeting_staff_invitation_by_token, role_words
from roundtables.views._helpers import chair_meeting_required, meeting_or_404

PAGE_SIZE = 50


def _people_url(meeting) -> str:
    return reverse("roundtables:meeting_people", kwargs={"number": meeting.number})


@chair_meeting_required()
def meeting_people(request, number: int):
    """The troika reads the list; the meeting's own staff (and support) invite and revoke (the services
    check it again)."""
    meeting = meeting_or_404(number)
    can_manage = request.user.has_perm("roundtables.manage_meeting_staff", meeting)
    form = StaffInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.meeting_staff_invite(
                meeting=meeting, actor=request.user, email=form.cleaned_data["email"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("An invitation was sent to %(email)s.") % {"email": invitation.email})
            return redirect(_people_url(meeting))
    return _people_page(request, meeting, form=form, can_manage=can_manage)


def _people_page(request, meeting, *, can_manage: bool, form=None, coordinator_form=None, translator_form=None):
    form = StaffInvitationForm() if form is None else form
    coordinator_form = CoordinatorNameForm(prefix="coordinator") if coordinator_form is None else coordinator_form
    translator_form = TranslatorNameForm(prefix="translator") if translator_form is None else translator_form
    page = Paginator(meeting_staff_roles(meeting), PAGE_SIZE).get_page(request.GET.get("page"))
    coordinators = (
        Paginator(meeting_coordinator_roles(meeting), PAGE_SIZE).get_page(request.GET.get("coordinators"))
        if can_manage
        else None
    )
    translators = (
        Paginator(meeting_translator_roles(meeting), PAGE_SIZE).get_page(request.GET.get("translators"))
        if can_manage
        else None
    )
    return render(
        request,
        "roundtables/chair/people.html",
        {
            "meeting": meeting,
            "chair_section": "people",
            "page": page,
            "staff_query": query_without(request, "page"),
            "form": form,
            "coordinators_query": query_without(request, "coordinators"),
            "coordinators": coordinators,
            "coordinator_form": coordinator_form,
            "translators_query": query_without(request, "translators"),
            "translators": translators,
            "translator_form": translator_form,
            "can_manage": can_manage,
            "invitations": (
                Paginator(open_meeting_staff_invitations(meeting), PAGE_SIZE).get_page(request.GET.get("invitations"))
                if can_manage
                else []
            ),
            "invitations_query": query_without(request, "invitations"),
        },
        status=400 if form.errors or coordinator_form.errors or translator_form.errors else 200,
    )


@chair_meeting_required(write=True)
@require_POST
def meeting_coordinator_name(request, number: int):
    """Name an existing account the meeting's civil-society coordinator; errors show next to the field."""
    meeting = meeting_or_404(number)
    form = CoordinatorNameForm(request.POST, prefix="coordinator")
    if form.is_valid():
        user = form.cleaned_data["user"]
        try:
            services.coordinator_name(meeting=meeting, user=user, actor=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is now civil-society coordinator of %(meeting)s.")
                % {"name": user.display_name, "meeting": meeting.title},
            )
            return redirect(_people_url(meeting))
    return _people_page(request, meeting, coordinator_form=form, can_manage=True)


@chair_meeting_required(write=True)
@require_POST
def meeting_coordinator_revoke(request, number: int, pk: int):
    meeting = meeting_or_404(number)
    role = get_object_or_404(
        MeetingRole.objects.active().select_related("user", "meeting"),
        pk=pk,
        meeting=meeting,
        role=MeetingRole.Role.CIVIL_SOCIETY_COORDINATOR,
    )
    try:
        services.coordinator_revoke(role=role, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(name)s is no longer civil-society coordinator of %(meeting)s.")
            % {"name": role.user.display_name, "meeting": meeting.title},
        )
    return redirect(_people_url(meeting))


@chair_meeting_required(write=True)
@require_POST
def meeting_translator_name(request, number: int):
    """Name an existing account translator into a working language; errors show next to the field."""
    meeting = meeting_or_404(number)
    form = TranslatorNameForm(request.POST, prefix="translator")
    if form.is_valid():
        user, language = form.cleaned_data["user"], form.cleaned_data["language"]
        try:
            role = services.translator_name(meeting=meeting, user=user, language=language, actor=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is now %(role)s for %(meeting)s.")
                % {"name": user.display_name, "role": role_words(role.role), "meeting": meeting.title},
            )
            return redirect(_people_url(meeting))
    return _people_page(request, meeting, translator_form=form, can_manage=True)


@chair_meeting_required(write=True)
@require_POST
def meeting_translator_revoke(request, number: int, pk: int):
    meeting = meeting_or_404(number)
    role = get_object_or_404(
        MeetingRole.objects.active().select_related("user", "meeting"),
        pk=pk,
        meeting=meeting,
        role__startswith="translator_",
    )
    try:
        services.meeting_role_revoke(role=role, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(name)s is no longer %(role)s for %(meeting)s.")
            % {"name": role.user.display_name, "role": role_words(role.role), "meeting": meeting.title},
        )
    return redirect(_people_url(meeting))


@chair_meeting_required(write=True)
def meeting_people_revoke(request, number: int, pk: int):
    """A confirmation page, then the revocation."""
    meeting = meeting_or_404(number)
    role = get_object_or_404(MeetingRole.objects.active().select_related("user"), pk=pk, meeting=meeting)
    form = StaffRevokeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_staff_revoke(actor=request.user, role=role, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_errors(form, error)
            status = 400
        else:
            messages.success(
                request,
                _("%(name)s was removed from the Chair's office of %(meeting)s.")
                % {"name": role.user.display_name, "meeting": meeting.title},
            )
            return redirect(_people_url(meeting) if role.user_id != request.user.pk else "roundtables:home")
    return render(
        request,
        "roundtables/chair/people_revoke.html",
        {"meeting": meeting, "chair_section": "people", "role": role, "form": form},
        status=status,
    )


@chair_meeting_required(write=True)
@require_POST
def meeting_people_withdraw(request, number: int, pk: int):
    meeting = meeting_or_404(number)
    invitation = get_object_or_404(MeetingStaffInvitation, pk=pk, meeting=meeting)
    try:
        services.meeting_staff_invitation_withdraw(actor=request.user, invitation=invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The invitation to %(email)s was withdrawn.") % {"email": invitation.email})
    return redirect(_people_url(meeting))


@login_required
def staff_join(request, token: str):
    """The invited colleague's link: what accepting means, and the button."""
    invitation = meeting_staff_invitation_by_token(token)
    if request.method == "POST":
        try:
            role = services.meeting_staff_join(token=token, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Welcome to the Chair's office of %(meeting)s.") % {"meeting": role.meeting.title}
            )
            return redirect("roundtables:chair_dashboard", number=role.meeting.number)
        return redirect(landing_url(request.user)) if invitation is None else redirect(request.path)
    return render(request, "roundtables/staff_join.html", {"invitation": invitation})
