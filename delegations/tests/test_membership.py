"""Membership per meeting: Steering Group, Friends of the Forum and focal points are recorded for each
meeting; focal points are nominated by mail and accept; a 2010 focal point has no rights on 2011 until
nominated for it and accepted; one person is focal point of one delegation per meeting."""

import re

import pytest
from django.core import mail as django_mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.selectors import user_roles
from accounts.tests.factories import UserFactory
from activity.models import ActivityLog
from activity.registry import registered_actions
from delegations import services
from delegations.models import FocalPoint, FocalPointNomination, MeetingMembership, Registration
from delegations.selectors import delegation_history, holds_focal_point_role
from delegations.tests.factories import (
    DelegationFactory,
    FocalPointNominationFactory,
    RegistrationFactory,
    make_focal_point,
    make_membership,
)
from mailings.tests.raw import outbox_contains
from roundtables.models import Meeting
from roundtables.tests.factories import MeetingFactory, SessionDelegationFactory, SessionFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"^https?://[^/\s]+(/delegations/focal-points/(\S+)/)$", re.MULTILINE)


@pytest.fixture
def next_meeting(open_meeting):
    """2011, in preparation, after the open (current) meeting."""
    return MeetingFactory(number=open_meeting.number + 1, status=Meeting.Status.PLANNING, is_current=False)


def nominate(chair, delegation, meeting, email, capture, **kwargs):
    with capture(execute=True):
        return services.focal_point_nominate(delegation=delegation, meeting=meeting, email=email, actor=chair, **kwargs)


def mailed_link(email: str) -> tuple[str, str]:
    [sent] = [message for message in django_mail.outbox if message.to == [email]]
    return LINK.search(sent.body).groups()


# Services


def test_membership_is_set_per_meeting_and_logged_with_a_label(chair, mexico, open_meeting, next_meeting):
    services.membership_set(
        delegation=mexico, meeting=next_meeting, actor=chair, steering_group=True, friends_of_the_forum=True
    )
    assert not MeetingMembership.objects.filter(meeting=open_meeting).exists()
    row = MeetingMembership.objects.get(delegation=mexico, meeting=next_meeting)
    assert (row.steering_group, row.friends_of_the_forum) == (True, True)
    entry = ActivityLog.objects.get(action="delegations.membership.set")
    assert entry.meeting == next_meeting and entry.data["after"] == {
        "steering_group": True,
        "friends_of_the_forum": True,
    }
    assert "delegations.membership.set" in registered_actions()


@pytest.mark.parametrize("who", ["focal_point", "nobody"])
def test_only_the_chair_office_sets_membership_or_nominates(who, mexico, open_meeting, focal_point_mexico):
    actor = focal_point_mexico if who == "focal_point" else UserFactory()
    with pytest.raises(PermissionDenied):
        services.membership_set(
            delegation=mexico, meeting=open_meeting, actor=actor, steering_group=True, friends_of_the_forum=False
        )
    with pytest.raises(PermissionDenied):
        services.focal_point_nominate(delegation=mexico, meeting=open_meeting, email="x@example.org", actor=actor)
    assert not FocalPointNomination.objects.exists()


def test_a_nomination_is_mailed_with_a_link_never_stored_and_accepted_by_the_invited_address(
    chair, mexico, next_meeting, django_capture_on_commit_callbacks
):
    nomination = nominate(chair, mexico, next_meeting, "Rosa@Example.org", django_capture_on_commit_callbacks)
    assert nomination.email == "rosa@example.org"
    _path, token = mailed_link("rosa@example.org")
    assert not outbox_contains(token)
    rosa = UserFactory(email="rosa@example.org")

    focal_point = services.focal_point_accept(token=token, user=rosa)

    assert (focal_point.delegation, focal_point.meeting, focal_point.user) == (mexico, next_meeting, rosa)
    assert focal_point.nominated_by == chair
    nomination.refresh_from_db()
    assert nomination.used_by == rosa and nomination.accepted_at is not None
    assert holds_focal_point_role(rosa, mexico, next_meeting)
    assert [e.action for e in ActivityLog.objects.order_by("pk")] == [
        "delegations.focal_point.nominated",
        "delegations.focal_point.accepted",
    ]
    with pytest.raises(ValidationError, match="no longer valid"):  # once
        services.focal_point_accept(token=token, user=rosa)


def test_another_account_cannot_accept(chair, mexico, next_meeting, django_capture_on_commit_callbacks):
    nominate(chair, mexico, next_meeting, "rosa@example.org", django_capture_on_commit_callbacks)
    _path, token = mailed_link("rosa@example.org")
    with pytest.raises(ValidationError, match=r"sent to rosa@example\.org"):
        services.focal_point_accept(token=token, user=UserFactory(email="someone@example.org"))
    assert not FocalPoint.objects.exists()


def test_a_focal_point_of_another_delegation_in_the_same_meeting_is_refused_next_to_the_address(
    chair, mexico, ghana, open_meeting, focal_point_ghana, django_capture_on_commit_callbacks
):
    with pytest.raises(ValidationError) as refused:
        nominate(chair, mexico, open_meeting, focal_point_ghana.email, django_capture_on_commit_callbacks)
    message = refused.value.message_dict["email"][0]
    assert "already the focal point of Ghana" in message and "one delegation per meeting" in message
    # In another meeting the same person may be Mexico's.
    other = MeetingFactory(number=open_meeting.number + 1)
    nominate(chair, mexico, other, focal_point_ghana.email, django_capture_on_commit_callbacks)


def test_the_database_holds_one_focal_point_role_per_person_and_meeting(mexico, ghana, open_meeting):
    person = UserFactory()
    make_focal_point(person, mexico, open_meeting)
    with pytest.raises(IntegrityError), transaction.atomic():
        FocalPoint.objects.create(user=person, delegation=ghana, meeting=open_meeting)


def test_accepting_is_refused_when_the_person_took_another_role_meanwhile(
    chair, mexico, ghana, open_meeting, django_capture_on_commit_callbacks
):
    nominate(chair, mexico, open_meeting, "rosa@example.org", django_capture_on_commit_callbacks)
    _path, token = mailed_link("rosa@example.org")
    rosa = UserFactory(email="rosa@example.org")
    make_focal_point(rosa, ghana, open_meeting)
    with pytest.raises(ValidationError, match="already the focal point of Ghana"):
        services.focal_point_accept(token=token, user=rosa)


def test_replacing_a_focal_point_hands_over_pending_decisions(
    chair, mexico, open_meeting, focal_point_mexico, client, django_capture_on_commit_callbacks
):
    pending = RegistrationFactory(meeting=open_meeting, delegation=mexico)
    old = FocalPoint.objects.get(user=focal_point_mexico, meeting=open_meeting)
    nominate(chair, mexico, open_meeting, "new@example.org", django_capture_on_commit_callbacks, replaces=old)
    # Until the new one accepts, the old one still decides.
    assert focal_point_mexico.has_perm("delegations.approve_registration", pending)
    _path, token = mailed_link("new@example.org")
    newcomer = UserFactory(email="new@example.org")

    services.focal_point_accept(token=token, user=newcomer)

    assert not FocalPoint.objects.filter(pk=old.pk).exists()
    pending.refresh_from_db()
    assert pending.status == Registration.Status.PENDING
    assert newcomer.has_perm("delegations.approve_registration", pending)
    fresh = type(focal_point_mexico).objects.get(pk=focal_point_mexico.pk)
    assert not fresh.has_perm("delegations.approve_registration", pending)
    assert ActivityLog.objects.get(action="delegations.focal_point.accepted").data["replaces"] == (
        focal_point_mexico.email
    )


def test_revoking_ends_the_role_for_that_meeting_only(chair, mexico, open_meeting, next_meeting, focal_point_mexico):
    later = make_focal_point(focal_point_mexico, mexico, next_meeting)
    services.focal_point_revoke(focal_point=later, actor=chair)
    assert list(FocalPoint.objects.values_list("meeting", flat=True)) == [open_meeting.pk]
    with pytest.raises(PermissionDenied):
        services.focal_point_revoke(focal_point=FocalPoint.objects.get(), actor=focal_point_mexico)


def test_a_2010_focal_point_has_no_rights_on_2011_until_nominated_and_accepted(
    chair, mexico, open_meeting, next_meeting, focal_point_mexico, django_capture_on_commit_callbacks
):
    next_year = RegistrationFactory(meeting=next_meeting, delegation=mexico)
    roles = user_roles(focal_point_mexico)
    assert [d.pk for d in roles.focal_point_in(open_meeting)] == [mexico.pk]
    assert roles.focal_point_in(next_meeting) == []
    assert not holds_focal_point_role(focal_point_mexico, mexico, next_meeting)
    assert not focal_point_mexico.has_perm("delegations.view_registration", next_year)
    with pytest.raises(PermissionDenied):
        services.invitation_create(
            delegation=mexico,
            meeting=next_meeting,
            email="x@example.org",
            role="delegate",
            invited_by=focal_point_mexico,
        )

    nominate(chair, mexico, next_meeting, focal_point_mexico.email, django_capture_on_commit_callbacks)
    _path, token = mailed_link(focal_point_mexico.email)
    services.focal_point_accept(token=token, user=focal_point_mexico)

    fresh = type(focal_point_mexico).objects.get(pk=focal_point_mexico.pk)
    assert fresh.has_perm("delegations.view_registration", next_year)


def test_a_session_team_reaches_the_focal_points_of_the_sessions_meeting_only(mexico, open_meeting, next_meeting):
    from roundtables.selectors import team_people, team_roles

    session = SessionFactory(meeting=next_meeting, roundtable=None)
    SessionDelegationFactory(session=session, delegation=mexico, role="co_chair")
    of_2010, of_2011 = UserFactory(), UserFactory()
    make_focal_point(of_2010, mexico, open_meeting)
    make_focal_point(of_2011, mexico, next_meeting)
    assert not team_roles(of_2010, session).is_co_chair
    assert team_roles(of_2011, session).is_co_chair
    assert list(team_people(session, roles=["co_chair"])) == [of_2011]


def test_history_counts_per_meeting_in_one_query(mexico, open_meeting, next_meeting, django_assert_num_queries):
    RegistrationFactory.create_batch(2, meeting=open_meeting, delegation=mexico, status="approved")
    RegistrationFactory(meeting=open_meeting, delegation=mexico, status="pending")
    SessionDelegationFactory(session=SessionFactory(meeting=open_meeting, roundtable=None), delegation=mexico)
    make_membership(mexico, next_meeting, steering_group=True)
    MeetingFactory(number=next_meeting.number + 1)  # nothing there: not listed
    with django_assert_num_queries(1):
        rows = [
            (m.number, m.approved_count, m.co_chaired_count, m.steering_group, m.friends_of_the_forum)
            for m in delegation_history(mexico)
        ]
    assert rows == [(next_meeting.number, 0, 0, True, False), (open_meeting.number, 2, 1, False, False)]


# Pages


def membership_url(meeting):
    return reverse("delegations:meeting_membership", kwargs={"number": meeting.number})


def delegation_url(name, delegation, meeting, **kwargs):
    return reverse(f"delegations:{name}", kwargs={"pk": delegation.pk, "number": meeting.number, **kwargs})


@pytest.mark.parametrize("who", ["focal_point", "nobody"])
def test_every_membership_page_and_post_refuses_others(client, who, mexico, open_meeting, focal_point_mexico):
    client.force_login(focal_point_mexico if who == "focal_point" else UserFactory())
    focal_point = FocalPoint.objects.get()
    nomination = FocalPointNominationFactory(delegation=mexico, meeting=open_meeting)
    assert client.get(membership_url(open_meeting)).status_code == 403
    assert client.get(delegation_url("delegation_membership", mexico, open_meeting)).status_code == 403
    posts = [
        (delegation_url("membership_set", mexico, open_meeting), {"friends_of_the_forum": "on"}),
        (delegation_url("focal_point_nominate", mexico, open_meeting), {"email": "x@example.org"}),
        (delegation_url("focal_point_revoke", mexico, open_meeting, focal_point_pk=focal_point.pk), {}),
        (delegation_url("nomination_revoke", mexico, open_meeting, nomination_pk=nomination.pk), {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    assert FocalPoint.objects.count() == 1 and not MeetingMembership.objects.filter(friends_of_the_forum=True).exists()
    nomination.refresh_from_db()
    assert nomination.revoked_at is None


def test_anonymous_is_sent_to_sign_in(client, mexico, open_meeting):
    assert client.get(membership_url(open_meeting)).status_code == 302
    assert client.post(delegation_url("membership_set", mexico, open_meeting), {}).status_code == 302


def test_the_chair_office_toggles_membership_from_the_list_and_keeps_its_search(client, chair, mexico, open_meeting):
    client.force_login(chair)
    response = client.post(
        delegation_url("membership_set", mexico, open_meeting),
        {"friends_of_the_forum": "on", "back": "list", "q": "mex"},
    )
    assert response.status_code == 302 and response.url == f"{membership_url(open_meeting)}?q=mex"
    row = MeetingMembership.objects.get()
    assert (row.steering_group, row.friends_of_the_forum) == (False, True)
    page = client.get(membership_url(open_meeting), {"q": "mex"})
    assert [d.name for d in page.context["page"]] == ["Mexico"]
    assert page.context["page"][0].friends_of_the_forum


def test_a_duplicate_focal_point_is_shown_next_to_the_address_field(
    client, chair, mexico, open_meeting, focal_point_ghana
):
    client.force_login(chair)
    response = client.post(
        delegation_url("focal_point_nominate", mexico, open_meeting), {"email": focal_point_ghana.email}
    )
    assert response.status_code == 400
    assert "already the focal point of Ghana" in response.context["nomination_form"].errors["email"][0]
    assert 'id="id_email-errors"' in response.content.decode()
    assert not FocalPointNomination.objects.exists()


def test_nominate_revoke_and_replace_through_the_delegation_page(
    client, chair, mexico, open_meeting, focal_point_mexico, django_capture_on_commit_callbacks
):
    client.force_login(chair)
    old = FocalPoint.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            delegation_url("focal_point_nominate", mexico, open_meeting),
            {"email": "new@example.org", "replaces": old.pk},
        )
    assert response.status_code == 302
    nomination = FocalPointNomination.objects.get()
    assert nomination.replaces == old
    page = client.get(delegation_url("delegation_membership", mexico, open_meeting))
    assert list(page.context["nominations"]) == [nomination]
    assert client.post(delegation_url("nomination_revoke", mexico, open_meeting, nomination_pk=nomination.pk))
    nomination.refresh_from_db()
    assert nomination.revoked_at is not None
    client.post(delegation_url("focal_point_revoke", mexico, open_meeting, focal_point_pk=old.pk))
    assert not FocalPoint.objects.exists()


def test_the_accept_page_shows_the_offer_then_accepts_on_post(
    client, chair, mexico, open_meeting, django_capture_on_commit_callbacks
):
    nominate(chair, mexico, open_meeting, "rosa@example.org", django_capture_on_commit_callbacks)
    path, _token = mailed_link("rosa@example.org")
    anonymous = client.get(path)
    assert anonymous.status_code == 200 and "Create an account" in anonymous.content.decode()
    client.force_login(UserFactory(email="other@example.org"))
    assert client.get(path).status_code == 403
    assert client.post(path).status_code == 403
    rosa = UserFactory(email="rosa@example.org")
    client.force_login(rosa)
    offer = client.get(path)
    assert offer.status_code == 200 and "Accept the nomination" in offer.content.decode()
    assert not FocalPoint.objects.exists()  # GET changes nothing
    response = client.post(path)
    assert response.status_code == 302 and response.url == reverse("delegations:detail", kwargs={"pk": mexico.pk})
    assert FocalPoint.objects.get().user == rosa
    used = client.get(path)
    assert used.status_code == 410 and "already been accepted" in used.content.decode()


@pytest.mark.parametrize(
    ("state", "status", "text"),
    [("revoked", 410, "withdrawn by the Chair's office"), ("expired", 410, "has expired"), ("unknown", 404, "")],
)
def test_dead_links_get_a_clear_page(client, mexico, open_meeting, state, status, text):
    import datetime as dt

    from django.utils import timezone

    nomination = FocalPointNominationFactory(delegation=mexico, meeting=open_meeting, token="t" * 40)
    if state == "revoked":
        nomination.revoked_at = timezone.now()
    elif state == "expired":
        nomination.expires_at = timezone.now() - dt.timedelta(days=1)
    nomination.save()
    token = "t" * 40 if state != "unknown" else "u" * 40
    response = client.get(reverse("delegations:focal_point_accept", kwargs={"token": token}))
    assert response.status_code == status
    assert text in response.content.decode()
    assert "does not open any nomination" in response.content.decode() or state != "unknown"


@pytest.mark.parametrize("count", [1, 3])
def test_the_membership_list_query_count_does_not_grow(client, chair, open_meeting, django_assert_num_queries, count):
    for code in ["MX", "GH", "PH"][:count]:
        delegation = DelegationFactory(country=code)
        make_membership(delegation, open_meeting, steering_group=True)
        make_focal_point(UserFactory(), delegation, open_meeting)
        FocalPointNominationFactory(delegation=delegation, meeting=open_meeting)
    client.force_login(chair)
    # session, user, groups, focal-point roles, meeting, count, page, its focal points, its nominations
    with django_assert_num_queries(9):
        response = client.get(membership_url(open_meeting))
    assert response.status_code == 200 and len(response.context["page"]) == count


def test_a_focal_point_of_next_year_only_lands_on_their_own_page(
    client, chair, mexico, next_meeting, django_capture_on_commit_callbacks
):
    nominate(chair, mexico, next_meeting, "rosa@example.org", django_capture_on_commit_callbacks)
    path, _token = mailed_link("rosa@example.org")
    client.force_login(UserFactory(email="rosa@example.org"))
    response = client.post(path)
    assert response.status_code == 302 and response.url == reverse("accounts:dashboard")
    # The current meeting's delegation page is not theirs.
    assert client.get(reverse("delegations:detail", kwargs={"pk": mexico.pk})).status_code == 404
