"""The Chair's office's page of a meeting's API tokens: the list, a new token (its secret shown once),
and revoking one after a confirmation."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from api.forms import TokenForm
from api.models import ApiToken
from api.permissions import MANAGE_TOKENS
from api.services import token_create, token_revoke
from gfmd.forms import add_service_errors
from roundtables.editions import chair_meeting_or_404

TOKENS_PER_PAGE = 25


def _tokens_page(request, meeting):
    tokens = ApiToken.objects.filter(meeting=meeting).select_related("created_by", "revoked_by")
    return Paginator(tokens, TOKENS_PER_PAGE).get_page(request.GET.get("page"))


@never_cache
@require_http_methods(["GET", "POST"])
def token_list(request, number: int | None = None):
    meeting = chair_meeting_or_404(request.user, number, perm=MANAGE_TOKENS)
    form = TokenForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        try:
            created = token_create(meeting=meeting, actor=request.user, name=form.cleaned_data["name"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            form = TokenForm()
    page = _tokens_page(request, meeting)
    return render(
        request,
        "api/tokens.html",
        {
            "meeting": meeting,
            "form": form,
            "created": created,
            "page": page,
            "tokens": page.object_list,
            "export_urls": {
                "registrations": request.build_absolute_uri(reverse("api:export_registrations", args=[meeting.number])),
                "surveys": request.build_absolute_uri(reverse("api:export_surveys", args=[meeting.number])),
            },
        },
        status=400 if request.method == "POST" and created is None else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def token_revoke_confirm(request, pk: int, number: int | None = None):
    meeting = chair_meeting_or_404(request.user, number, perm=MANAGE_TOKENS)
    token = get_object_or_404(ApiToken.objects.select_related("created_by"), pk=pk, meeting=meeting)
    error = ""
    if request.method == "POST":
        try:
            token_revoke(token=token, actor=request.user)
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            messages.success(
                request, _("The token «%(name)s» is revoked: it no longer opens anything.") % {"name": token.name}
            )
            return redirect("api_tokens:list", number=meeting.number)
    return render(request, "api/token_revoke.html", {"meeting": meeting, "token": token, "error": error})
