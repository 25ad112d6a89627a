"""A meeting's Chair's office staff page (/chair/meetings/<n>/people/), its mailed join link
(/staff/join/<token>/), and preparing the next meeting."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail as django_mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.tests.factories import UserFactory
from activity.models import ActivityLog
from mailings.tests.raw import outbox_contains
from roundtables import services
from roundtables.editions import MANAGE_MEETING, VIEW_MEETING_RECORDS
from roundtables.models import Meeting, MeetingRole, MeetingStaffInvitation
from roundtables.tests.factories import MeetingFactory, RoundtableFactory, SessionFactory

pytestmark = pytest.mark.django_db

JOIN_LINK = re.compile(r"^https?://[^/\s]+(/staff/join/(\S+)/)$", re.MULTILINE)


def staff_of(meeting, **kwargs):
    person = UserFactory(**kwargs)
    MeetingRole.objects.create(meeting=meeting, user=person, role=MeetingRole.Role.CHAIR_STAFF)
    return person


@pytest.fixture
def vallarta(db):
    return MeetingFactory(number=4, title_en="Puerto Vallarta 2010", chair_country="MX", is_current=True)


@pytest.fixture
def geneva(db):
    return MeetingFactory(number=5, title_en="Geneva 2011", chair_country="CH")


@pytest.fixture
def athens(db):
    return MeetingFactory(number=3, title_en="Athens 2009", chair_country="GR")


@pytest.fixture
def mexican(vallarta):
    return staff_of(vallarta, email="officer.mx@example.org")


def _people(number: int) -> str:
    return reverse("roundtables:meeting_people", kwargs={"number": number})


def test_the_wrong_users_are_refused_the_staff_pages(client, vallarta, geneva, athens, mexican):
    role = MeetingRole.objects.get(user=mexican)
    invitation = services.meeting_staff_invite(meeting=vallarta, actor=mexican, email="new@example.org")
    pages = [
        ("post", _people(4)),
        ("get", reverse("roundtables:meeting_people_revoke", kwargs={"number": 4, "pk": role.pk})),
        ("post", reverse("roundtables:meeting_people_revoke", kwargs={"number": 4, "pk": role.pk})),
        ("post", reverse("roundtables:meeting_people_withdraw", kwargs={"number": 4, "pk": invitation.pk})),
    ]
    swiss, greek = staff_of(geneva), staff_of(athens)
    stranger = UserFactory()
    for wrong in (None, stranger, swiss, greek):  # the troika's staff read, never change
        client.logout()
        if wrong is not None:
            client.force_login(wrong)
        for method, url in pages:
            assert getattr(client, method)(url, {"email": "x@example.org", "reason": "r"}).status_code == 403, url
    # Reading: the troika yes, a stranger no; a 2009 officer reads 2010 but not 2011.
    client.force_login(swiss)
    assert client.get(_people(4)).status_code == 200
    client.force_login(stranger)
    assert client.get(_people(4)).status_code == 403
    client.force_login(greek)
    assert client.get(_people(5)).status_code == 403
    assert MeetingRole.objects.active().get(meeting=vallarta) == role
    assert MeetingStaffInvitation.objects.usable().get() == invitation
    for wrong in (AnonymousUser(), stranger, swiss):
        with pytest.raises(PermissionDenied):
            services.meeting_staff_invite(meeting=vallarta, actor=wrong, email="y@example.org")
        with pytest.raises(PermissionDenied):
            services.meeting_staff_revoke(actor=wrong, role=role)


def test_the_staff_page_shows_the_staff_to_the_troika_without_the_buttons(client, vallarta, geneva, mexican):
    client.force_login(staff_of(geneva))
    page = client.get(_people(4)).content.decode()
    assert mexican.email in page
    assert "Invite a colleague" not in page and "Remove" not in page
    client.force_login(mexican)
    page = client.get(_people(4)).content.decode()
    assert "Invite a colleague" in page and "Remove" in page


@pytest.mark.parametrize("count", [1, 3])
def test_the_staff_list_query_count_does_not_grow(client, vallarta, django_assert_num_queries, count):
    officers = [staff_of(vallarta) for _ in range(count)]
    for number in range(count):
        MeetingStaffInvitation.objects.create(
            meeting=vallarta,
            email=f"pending{number}@example.org",
            token_hash=f"{number:064d}",
            expires_at=dt.datetime(2099, 1, 1, tzinfo=dt.UTC),
        )
        MeetingRole.objects.create(
            meeting=vallarta, user=UserFactory(), role=MeetingRole.Role.CIVIL_SOCIETY_COORDINATOR
        )
        MeetingRole.objects.create(meeting=vallarta, user=UserFactory(), role=MeetingRole.Role.TRANSLATOR_FR)
    client.force_login(officers[0])
    # session, user, the person's groups and facts (their meetings), focal points (the header), the meeting,
    # the staff (count, page), the civil-society coordinators (count, page), the translators (count, page) and
    # the open invitations (count, page)
    with django_assert_num_queries(13):
        response = client.get(_people(4))
    assert len(response.context["page"]) == count
    assert len(response.context["coordinators"]) == count
    assert len(response.context["translators"]) == count


def test_an_invited_officer_joins_with_the_mailed_link(client, vallarta, mexican, django_capture_on_commit_callbacks):
    client.force_login(mexican)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_people(4), {"email": "New.Officer@example.org"})
    assert response.status_code == 302
    [sent] = [message for message in django_mail.outbox if message.to == ["new.officer@example.org"]]
    path, token = JOIN_LINK.search(sent.body).groups()
    assert not outbox_contains(token)  # the link is made as the mail leaves, never stored
    assert vallarta.title in sent.subject

    someone_else = UserFactory()
    client.force_login(someone_else)
    assert "sign in with that address" in client.get(path).content.decode()
    with pytest.raises(ValidationError, match="sign in with that address"):
        services.meeting_staff_join(token=token, user=someone_else)
    officer = UserFactory(email="new.officer@example.org")
    client.force_login(officer)
    assert "Join the Chair" in client.get(path).content.decode()
    response = client.post(path)
    assert response["Location"] == reverse("roundtables:chair_dashboard", kwargs={"number": 4})
    assert officer.has_perm(MANAGE_MEETING, vallarta)
    assert client.get(reverse("roundtables:structure", kwargs={"number": 4})).status_code == 200
    with pytest.raises(ValidationError, match="no longer valid"):
        services.meeting_staff_join(token=token, user=officer)
    assert list(ActivityLog.objects.filter(meeting=vallarta).order_by("pk").values_list("action", flat=True)) == [
        "roundtables.staff.invited",
        "roundtables.staff.joined",
    ]


def test_the_join_link_asks_the_anonymous_to_sign_in(client):
    url = reverse("roundtables:staff_join", args=["some-token"])
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == f"{reverse('account_login')}?next={url}"


def test_a_withdrawn_invitation_opens_nothing(vallarta, mexican, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.meeting_staff_invite(meeting=vallarta, actor=mexican, email="new@example.org")
    [sent] = django_mail.outbox
    _path, token = JOIN_LINK.search(sent.body).groups()
    services.meeting_staff_invitation_withdraw(actor=mexican, invitation=invitation)
    with pytest.raises(ValidationError, match="no longer valid"):
        services.meeting_staff_join(token=token, user=UserFactory(email="new@example.org"))


def test_inviting_a_member_of_the_meeting_is_refused(vallarta, mexican):
    with pytest.raises(ValidationError, match="already on the staff"):
        services.meeting_staff_invite(meeting=vallarta, actor=mexican, email=mexican.email.upper())


def test_revoking_through_the_page_asks_for_confirmation_and_logs_it(client, vallarta, mexican):
    colleague = staff_of(vallarta, first_name="Ana", last_name="Silva")
    role = MeetingRole.objects.get(user=colleague)
    url = reverse("roundtables:meeting_people_revoke", kwargs={"number": 4, "pk": role.pk})
    client.force_login(mexican)
    page = client.get(url)
    assert page.status_code == 200 and "Remove Ana Silva from the Chair" in page.content.decode()
    assert client.post(url, {"reason": ""}).status_code == 200  # the reason is asked for
    assert client.post(url, {"reason": "Moved"})["Location"] == _people(4)
    role.refresh_from_db()
    assert role.revoked_at is not None
    entry = ActivityLog.objects.get(action="roundtables.staff.revoked")
    assert (entry.meeting, entry.data["reason"], entry.label) == (
        vallarta,
        "Moved",
        "Removed from the meeting's Chair's office",
    )


# -- Preparing the next meeting ------------------------------------------------------------------------


def _next_fields(**overrides):
    return {
        "number": 5,
        "title_en": "Fifth Meeting",
        "theme_en": "Taking action",
        "host_country": "CH",
        "city_en": "Geneva",
        "venue_en": "",
        "start_date": dt.date(2011, 11, 28),
        "end_date": dt.date(2011, 12, 1),
        "time_zone": "Europe/Zurich",
        **overrides,
    }


def test_preparing_the_next_meeting_hands_it_to_the_next_chair(vallarta, mexican, django_capture_on_commit_callbacks):
    SessionFactory(roundtable=RoundtableFactory(meeting=vallarta, number=1), meeting=vallarta)
    with django_capture_on_commit_callbacks(execute=True):
        geneva = services.meeting_prepare(
            meeting=vallarta,
            actor=mexican,
            chair_country="CH",
            staff_emails=["officer.ch@example.org", " Officer.CH@example.org", "second.ch@example.org"],
            fields=_next_fields(),
        )
    assert (geneva.number, geneva.chair_country.code, geneva.is_current) == (5, "CH", False)
    assert geneva.roundtables.count() == 1 and geneva.sessions.count() == 1
    assert sorted(MeetingStaffInvitation.objects.filter(meeting=geneva).values_list("email", flat=True)) == [
        "officer.ch@example.org",
        "second.ch@example.org",
    ]
    assert sorted(m.to[0] for m in django_mail.outbox) == ["officer.ch@example.org", "second.ch@example.org"]
    # Mexico reads the next Chair's preparation, never writes it.
    mexican = type(mexican).objects.get(pk=mexican.pk)
    assert mexican.has_perm(VIEW_MEETING_RECORDS, geneva) and not mexican.has_perm(MANAGE_MEETING, geneva)
    assert not MeetingRole.objects.filter(meeting=geneva).exists()
    assert ActivityLog.objects.filter(action="roundtables.meeting.prepared", meeting=vallarta).exists()


def test_preparing_needs_the_next_chair_its_officers_and_the_next_number(vallarta, mexican):
    with pytest.raises(ValidationError) as refused:
        services.meeting_prepare(
            meeting=vallarta, actor=mexican, chair_country="", staff_emails=[], fields=_next_fields(number=9)
        )
    assert set(refused.value.error_dict) == {"chair_country", "staff_emails", "number"}
    assert not Meeting.objects.filter(number__in=(5, 9)).exists()


def test_only_the_meetings_own_office_prepares_the_next(vallarta, geneva, athens):
    for wrong in (staff_of(geneva), staff_of(athens), UserFactory(), AnonymousUser()):
        with pytest.raises(PermissionDenied):
            services.meeting_prepare(
                meeting=vallarta,
                actor=wrong,
                chair_country="CH",
                staff_emails=["x@example.org"],
                fields=_next_fields(number=5),
            )


def test_the_prepare_page(client, vallarta, mexican):
    url = reverse("roundtables:meeting_prepare", kwargs={"number": 4})
    client.force_login(mexican)
    page = client.get(url)
    assert page.status_code == 200 and page.context["form"].initial["number"] == 5
    data = {
        "title_en": "Fifth Meeting",
        "theme_en": "Taking action",
        "host_country": "CH",
        "city_en": "Geneva",
        "start_date": "2011-11-28",
        "end_date": "2011-12-01",
        "time_zone": "Europe/Zurich",
        "chair_country": "CH",
        "staff_emails": "officer.ch@example.org\nnot-an-address",
    }
    assert client.post(url, data).status_code == 400
    response = client.post(url, {**data, "staff_emails": "officer.ch@example.org"})
    assert response["Location"] == reverse("roundtables:chair_dashboard", kwargs={"number": 5})
    assert Meeting.objects.get(number=5).chair_country.code == "CH"
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
