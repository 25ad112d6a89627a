"""The Chair's office forms a session's team, with a search-as-you-type picker (htmx)."""

from urllib.parse import urlsplit

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from gfmd.forms import add_service_errors
from roundtables import services
from roundtables.forms import TeamDelegationForm, TeamPersonForm, TeamRepresentativeForm
from roundtables.models import Session, SessionDelegation, SessionPerson
from roundtables.selectors import SEARCH_LIMIT, search_delegations, search_people, session_team
from roundtables.views._helpers import chair_meeting_required, checked_object, meeting_time

MIN_QUERY = 2


TEAM_SESSIONS = Session.objects.select_related("meeting", "roundtable", "room")


def _session(pk: int) -> Session:
    # The row the page's check fetched (chair_meeting_required), or, called from elsewhere, read again.
    return checked_object(Session, pk) or get_object_or_404(TEAM_SESSIONS, pk=pk)


def _team_url(session: Session, anchor: str) -> str:
    return f"{reverse('roundtables:session_team', kwargs={'pk': session.pk})}#{anchor}"


def _next_url(request) -> str:
    """Where the Chair's office came from (the schedule, say), carried by the forms as `next`; only a
    page of this site, so that a crafted link cannot send anyone elsewhere after saving."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""


def _back_label(url: str) -> str:
    if not url:
        return ""
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return _("Back")
    return _("Back to the schedule") if match.view_name == "roundtables:schedule" else _("Back")


def _saved(request, session: Session, anchor: str):
    """After saving: back to the page the Chair's office came from, whose top shows the message;
    else to the part of the team page that changed."""
    return redirect(_next_url(request) or _team_url(session, anchor))


def _results(query: str, search, **kwargs) -> dict:
    query = query.strip()
    found = search(query, **kwargs) if len(query) >= MIN_QUERY else []
    return {"query": query, "results": found[:SEARCH_LIMIT], "more": len(found) > SEARCH_LIMIT}


def _team_page(request, session, *, delegation_form=None, person_form=None):
    delegations, people = session_team(session)
    by_role = {role: [] for role in SessionPerson.Role.values}
    for person in people:
        by_role[person.role].append(person)
    context = {
        "meeting": session.meeting,
        "chair_section": "structure",
        "session": session,
        "co_chairs": [d for d in delegations if d.role == SessionDelegation.Role.CO_CHAIR],
        "members": [d for d in delegations if d.role == SessionDelegation.Role.MEMBER],
        "people_by_role": [(role, label, by_role[role]) for role, label in SessionPerson.Role.choices],
        "delegation_form": delegation_form or TeamDelegationForm(initial={"role": SessionDelegation.Role.CO_CHAIR}),
        "person_form": person_form or TeamPersonForm(initial={"role": SessionPerson.Role.RAPPORTEUR}, session=session),
        # Without JavaScript, the search box is sent with the form: show its results on the page.
        "delegation_search": _results(
            request.POST.get("q", "") if delegation_form else "", search_delegations, session=session
        ),
        "person_search": _results(request.POST.get("q", "") if person_form else "", search_people),
        "next": _next_url(request),
        "back_label": _back_label(_next_url(request)),
    }
    with meeting_time(session.meeting):
        return render(request, "roundtables/chair/session_team.html", context)


@chair_meeting_required(TEAM_SESSIONS)
def team(request, pk: int):
    return _team_page(request, _session(pk))


@chair_meeting_required(TEAM_SESSIONS)
@require_POST
def team_delegation_add(request, pk: int):
    session = _session(pk)
    form = TeamDelegationForm(request.POST)
    if form.is_valid():
        try:
            added = services.team_delegation_add(
                session=session,
                delegation=form.cleaned_data["delegation"],
                role=form.cleaned_data["role"],
                actor=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(delegation)s joined the team of %(code)s as %(role)s.")
                % {"delegation": added.delegation, "code": session.code, "role": added.get_role_display().lower()},
            )
            return _saved(request, session, "delegations")
    return _team_page(request, session, delegation_form=form)


@chair_meeting_required(TEAM_SESSIONS)
@require_POST
def team_delegation_remove(request, pk: int, item: int):
    session = _session(pk)
    team_delegation = get_object_or_404(
        SessionDelegation.objects.select_related("delegation"), pk=item, session=session
    )
    services.team_delegation_remove(team_delegation=team_delegation, actor=request.user)
    messages.success(
        request,
        _("%(delegation)s left the team of %(code)s.")
        % {"delegation": team_delegation.delegation, "code": session.code},
    )
    return _saved(request, session, "delegations")


@chair_meeting_required(TEAM_SESSIONS)
@require_POST
def team_person_add(request, pk: int):
    session = _session(pk)
    form = TeamPersonForm(request.POST, session=session)
    if form.is_valid():
        try:
            added = services.team_person_add(
                session=session,
                person=form.cleaned_data["person"],
                role=form.cleaned_data["role"],
                delegation=form.cleaned_data["delegation"],
                actor=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(person)s is now %(role)s of %(code)s.")
                % {"person": added.person.display_name, "role": added.get_role_display().lower(), "code": session.code},
            )
            return _saved(request, session, "people")
    return _team_page(request, session, person_form=form)


@chair_meeting_required(TEAM_SESSIONS)
@require_POST
def team_representative_government(request, pk: int, item: int):
    """The Chair's office says which co-chair government a co-chair's representative speaks for."""
    session = _session(pk)
    team_person = get_object_or_404(
        SessionPerson.objects.select_related("person"),
        pk=item,
        session=session,
        role=SessionPerson.Role.CO_CHAIR_REPRESENTATIVE,
    )
    form = TeamRepresentativeForm(request.POST, session=session)
    if form.is_valid():
        try:
            services.team_representative_set_government(
                team_person=team_person, delegation=form.cleaned_data["delegation"], actor=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(person)s now represents %(delegation)s on %(code)s.")
                % {
                    "person": team_person.person.display_name,
                    "delegation": form.cleaned_data["delegation"].name,
                    "code": session.code,
                },
            )
    else:
        messages.error(request, _("Choose one of the session's co-chair governments."))
    return _saved(request, session, "people")


@chair_meeting_required(TEAM_SESSIONS)
@require_POST
def team_person_remove(request, pk: int, item: int):
    session = _session(pk)
    team_person = get_object_or_404(SessionPerson.objects.select_related("person"), pk=item, session=session)
    services.team_person_remove(team_person=team_person, actor=request.user)
    messages.success(
        request,
        _("%(person)s is no longer %(role)s of %(code)s.")
        % {
            "person": team_person.person.display_name,
            "role": team_person.get_role_display().lower(),
            "code": session.code,
        },
    )
    return _saved(request, session, "people")


@chair_meeting_required(TEAM_SESSIONS)
@require_GET
def search_delegations_results(request, pk: int):
    """The picker's results (an htmx fragment): delegations not yet on the team."""
    session = _session(pk)
    return render(
        request,
        "roundtables/chair/_picker_results.html",
        {
            "search": _results(request.GET.get("q", ""), search_delegations, session=session),
            "field": "delegation",
            "kind": "delegation",
        },
    )


@chair_meeting_required(TEAM_SESSIONS)
@require_GET
def search_people_results(request, pk: int):
    """The picker's results (an htmx fragment): people by name, e-mail or organisation."""
    _session(pk)  # 404 for a session that does not exist
    return render(
        request,
        "roundtables/chair/_picker_results.html",
        {"search": _results(request.GET.get("q", ""), search_people), "field": "person", "kind": "person"},
    )
