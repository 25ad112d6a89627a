"""The Chair's office's pages on people. Thin: the services check who may act (PermissionDenied, a 403
here); the views check the same rule first so that nobody else learns who has an account."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import StaffInvitation, User
from accounts.selectors import landing_url
from gfmd.forms import add_service_errors
from portal.people import selectors, services
from portal.people.forms import PeopleSearchForm, ReasonForm, StaffInvitationForm


def _require_admin(request) -> None:
    if not request.user.has_perm("accounts.administer_people"):
        raise PermissionDenied


def _require_support(request) -> None:
    # /chair/staff/ runs portal support; each meeting's own staff are on /chair/meetings/<n>/people/.
    if not request.user.has_perm("accounts.administer_support"):
        raise PermissionDenied


@login_required
def people_search(request):
    _require_admin(request)
    form = PeopleSearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    page = Paginator(selectors.people_search(query), selectors.PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request, "portal/people/search.html", {"form": form, "page": page, "query": params.urlencode(), "q": query}
    )


@login_required
def person_detail(request, pk: int):
    _require_admin(request)
    person = get_object_or_404(User, pk=pk)
    return render(
        request, "portal/people/person.html", {"person_roles": selectors.person_roles(person), "person": person}
    )


def _reason_page(request, pk: int, *, service, template: str, done: str):
    _require_admin(request)
    person = get_object_or_404(User, pk=pk)
    form = ReasonForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                service(actor=request.user, person=person, reason=form.cleaned_data["reason"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, done % {"name": person.display_name})
                return redirect("people:person", pk=person.pk)
        status = 400
    return render(request, template, {"person": person, "form": form}, status=status)


@login_required
def person_deactivate(request, pk: int):
    return _reason_page(
        request,
        pk,
        service=services.person_deactivate,
        template="portal/people/deactivate.html",
        done=_("The account of %(name)s is deactivated and their sessions are ended."),
    )


@login_required
def person_reactivate(request, pk: int):
    return _reason_page(
        request,
        pk,
        service=services.person_reactivate,
        template="portal/people/reactivate.html",
        done=_("The account of %(name)s is active again."),
    )


@login_required
def staff(request):
    _require_support(request)
    form = StaffInvitationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                invitation = services.staff_invite(actor=request.user, email=form.cleaned_data["email"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("An invitation has been sent to %(email)s.") % {"email": invitation.email})
                return redirect("people:staff")
        status = 400
    return render(
        request,
        "portal/people/staff.html",
        {
            "form": form,
            "members": list(selectors.chair_office_members()),
            "invitations": list(selectors.open_staff_invitations()),
            "changes": selectors.Bounded.of(selectors.staff_changes(), selectors.HISTORY_LIMIT),
        },
        status=status,
    )


@login_required
def staff_revoke(request, pk: int):
    _require_support(request)
    member = get_object_or_404(selectors.chair_office_members(), pk=pk)
    form = ReasonForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.staff_revoke(actor=request.user, member=member, reason=form.cleaned_data["reason"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("%(name)s is no longer a member of portal support; their sessions are ended.")
                    % {"name": member.display_name},
                )
                return redirect("people:staff" if member.pk != request.user.pk else "roundtables:home")
        status = 400
    return render(request, "portal/people/staff_revoke.html", {"member": member, "form": form}, status=status)


@login_required
@require_POST
def staff_invitation_withdraw(request, pk: int):
    _require_support(request)
    invitation = get_object_or_404(StaffInvitation, pk=pk)
    try:
        services.staff_invitation_withdraw(actor=request.user, invitation=invitation)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The invitation to %(email)s is withdrawn.") % {"email": invitation.email})
    return redirect("people:staff")


@login_required
def staff_join(request, token: str):
    """The invited colleague's link: a page that says what accepting means, and the button."""
    invitation = services.staff_invitation_by_token(token)
    if request.method == "POST":
        try:
            services.staff_join(token=token, user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Welcome to portal support."))
            return redirect(landing_url(request.user))
    return render(request, "portal/people/staff_join.html", {"invitation": invitation}, status=200)
