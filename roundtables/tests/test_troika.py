"""Chair's office staff per meeting: a meeting's own staff change it; the troika's staff (the previous,
same and next meeting by number) read its records and never write them; a revoked member is refused and
signed out; portal support has every meeting."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import UserFactory
from roundtables import services
from roundtables.editions import MANAGE_MEETING, VIEW_MEETING_RECORDS
from roundtables.models import MeetingRole
from roundtables.permissions import is_meeting_chair_staff, is_troika_staff, meeting_of
from roundtables.tests.factories import MeetingFactory, RoundtableFactory, SessionFactory

pytestmark = pytest.mark.django_db


def staff_of(meeting, **kwargs):
    """A person on the meeting's Chair's office only (not the tests' default Chair's office member)."""
    person = UserFactory(**kwargs)
    MeetingRole.objects.create(meeting=meeting, user=person, role=MeetingRole.Role.CHAIR_STAFF)
    return person


@pytest.fixture
def athens(db):
    return MeetingFactory(number=3, title_en="Athens 2009", chair_country="GR")


@pytest.fixture
def vallarta(db):
    return MeetingFactory(number=4, title_en="Puerto Vallarta 2010", chair_country="MX", is_current=True)


@pytest.fixture
def geneva(db):
    return MeetingFactory(
        number=5,
        title_en="Geneva 2011",
        chair_country="CH",
        start_date=dt.date(2011, 12, 1),
        end_date=dt.date(2011, 12, 2),
    )


@pytest.fixture
def greek(athens):
    return staff_of(athens, email="officer.gr@example.org")


@pytest.fixture
def mexican(vallarta):
    return staff_of(vallarta, email="officer.mx@example.org")


@pytest.fixture
def swiss(geneva):
    return staff_of(geneva, email="officer.ch@example.org")


def _signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def test_the_meetings_own_staff_are_offered_its_edit_buttons(vallarta, mexican):
    page = _signed_in(mexican).get(reverse("roundtables:structure", kwargs={"number": 4})).content.decode()
    assert reverse("roundtables:roundtable_create", kwargs={"number": 4}) in page


def test_each_meetings_staff_manage_it_alone(athens, vallarta, geneva, greek, mexican, swiss):
    for person, own in ((greek, athens), (mexican, vallarta), (swiss, geneva)):
        for meeting in (athens, vallarta, geneva):
            assert person.has_perm(MANAGE_MEETING, meeting) is (meeting == own), (person, meeting)
            assert is_meeting_chair_staff(person, meeting) is (meeting == own)


def test_the_troika_reads_the_previous_same_and_next_meeting(athens, vallarta, geneva, greek, mexican, swiss):
    assert [swiss.has_perm(VIEW_MEETING_RECORDS, m) for m in (athens, vallarta, geneva)] == [False, True, True]
    assert [mexican.has_perm(VIEW_MEETING_RECORDS, m) for m in (athens, vallarta, geneva)] == [True, True, True]
    # 2009 -> 2011 is two apart: not the troika.
    assert [greek.has_perm(VIEW_MEETING_RECORDS, m) for m in (athens, vallarta, geneva)] == [True, True, False]
    assert is_troika_staff(swiss, vallarta) and not is_troika_staff(greek, geneva)


def test_2011_staff_read_2010s_records_but_cannot_write_them(vallarta, swiss):
    roundtable = RoundtableFactory(meeting=vallarta, number=1)
    client = _signed_in(swiss)
    structure = client.get(reverse("roundtables:structure", kwargs={"number": 4}))
    assert structure.status_code == 200
    # The page offers the troika no button to change the meeting (its own staff see them).
    create_url = reverse("roundtables:roundtable_create", kwargs={"number": 4})
    assert create_url not in structure.content.decode()
    assert client.get(reverse("roundtables:activity", kwargs={"number": 4})).status_code == 200
    # Every write is refused on the server, through the page and through the service.
    assert client.get(reverse("roundtables:meeting_edit", kwargs={"number": 4})).status_code == 403
    assert client.post(reverse("roundtables:roundtable_create", kwargs={"number": 4}), {}).status_code == 403
    assert client.post(reverse("roundtables:roundtable_delete", kwargs={"pk": roundtable.pk})).status_code == 403
    with pytest.raises(PermissionDenied):
        services.roundtable_create(meeting=vallarta, actor=swiss, fields={"number": 9, "title_en": "x"})
    with pytest.raises(PermissionDenied):
        services.meeting_update(meeting=vallarta, actor=swiss, fields={"city": "Geneva"})
    vallarta.refresh_from_db()
    assert vallarta.city != "Geneva"


def test_2009_staff_cannot_read_2011(geneva, greek):
    session = SessionFactory(roundtable=RoundtableFactory(meeting=geneva))
    client = _signed_in(greek)
    assert client.get(reverse("roundtables:structure", kwargs={"number": 5})).status_code == 403
    assert client.get(reverse("roundtables:chair_dashboard", kwargs={"number": 5})).status_code == 403
    assert client.get(reverse("roundtables:session_team", kwargs={"pk": session.pk})).status_code == 403
    assert client.get(reverse("roundtables:meeting_people", kwargs={"number": 5})).status_code == 403


def test_2010_staff_read_2011_and_the_outgoing_chair_keeps_its_own(athens, vallarta, geneva, mexican, greek):
    client = _signed_in(mexican)
    assert client.get(reverse("roundtables:structure", kwargs={"number": 5})).status_code == 200
    assert client.post(reverse("roundtables:session_create", kwargs={"number": 5}), {}).status_code == 403
    # Athens's staff, their meeting closed, still read it and 2010, and write neither 2010 nor 2011.
    athens.closed_at = dt.datetime(2010, 1, 31, tzinfo=dt.UTC)
    athens.save(update_fields=["closed_at"])
    client = _signed_in(greek)
    assert client.get(reverse("roundtables:structure", kwargs={"number": 3})).status_code == 200
    assert client.get(reverse("roundtables:chair_dashboard", kwargs={"number": 3})).status_code == 200
    assert client.get(reverse("roundtables:meeting_edit", kwargs={"number": 4})).status_code == 403
    # No longer in an open meeting's office: not the portal's people administration.
    assert client.get(reverse("people:search")).status_code == 403
    assert not greek.has_perm(MANAGE_MEETING, geneva)


def test_the_dashboard_switcher_lists_only_the_troikas_meetings(athens, vallarta, geneva, swiss):
    response = _signed_in(swiss).get(reverse("roundtables:chair_dashboard"))
    assert response.status_code == 200
    assert [m.number for m in response.context["meetings"]] == [5, 4]
    assert response.context["can_manage"] is False  # the current meeting (2010) is read only for them


def test_revoked_staff_are_refused_and_their_session_ended(geneva, swiss):
    colleague = staff_of(geneva)
    theirs = _signed_in(swiss)
    structure = reverse("roundtables:structure", kwargs={"number": 5})
    assert theirs.get(structure).status_code == 200
    role = MeetingRole.objects.active().get(user=swiss)
    services.meeting_staff_revoke(actor=colleague, role=role, reason="Moved to another ministry")
    # Their open session ended: the next request is anonymous (refused, as any Chair's office page is).
    assert theirs.get(reverse("accounts:dashboard"))["Location"].startswith(reverse("account_login"))
    assert theirs.get(structure).status_code == 403
    assert "_auth_user_id" not in theirs.session
    # Signed in again, the meeting is closed to them.
    swiss.refresh_from_db()
    assert _signed_in(swiss).get(structure).status_code == 403
    assert not swiss.has_perm(MANAGE_MEETING, geneva)
    role.refresh_from_db()
    assert role.revoked_at is not None  # kept as history


def test_the_last_member_of_a_meetings_office_is_not_revoked(geneva, swiss):
    role = MeetingRole.objects.get(user=swiss)
    with pytest.raises(Exception, match="last member"):
        services.meeting_staff_revoke(actor=swiss, role=role)


def test_support_manages_every_meeting(athens, vallarta, geneva, support):
    for meeting in (athens, vallarta, geneva):
        assert support.has_perm(MANAGE_MEETING, meeting) and support.has_perm(VIEW_MEETING_RECORDS, meeting)


def test_nobody_else_has_a_meeting(vallarta):
    stranger = UserFactory()
    from django.contrib.auth.models import AnonymousUser

    for person in (stranger, AnonymousUser()):
        assert not person.has_perm(MANAGE_MEETING, vallarta)
        assert not person.has_perm(VIEW_MEETING_RECORDS, vallarta)


def test_meeting_of_finds_the_meeting_of_every_kind_of_record(vallarta):
    from delegations.tests.factories import RegistrationFactory
    from outcomes.tests.factories import OutcomeFactory, section_of
    from papers.tests.factories import PaperFactory
    from surveys.tests.factories import QuestionFactory, SurveyFactory

    session = SessionFactory(roundtable=RoundtableFactory(meeting=vallarta))
    outcome = OutcomeFactory(session=session)
    survey = SurveyFactory(meeting=vallarta)
    for record in (
        vallarta,
        session,
        session.roundtable,
        RegistrationFactory(meeting=vallarta),
        PaperFactory(session=session),
        outcome,
        section_of(outcome),
        survey,
        QuestionFactory(section__survey=survey),
    ):
        assert meeting_of(record) == vallarta, record
    assert meeting_of(None) is None
