"""`manage.py load_demo`: the 2010 meeting with every app's part, the archive and 2011 in preparation, safe
to run again."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils.html import escape

from accounts.models import User
from delegations.models import Delegation, FocalPoint, MeetingMembership, Registration
from roundtables.models import Meeting, ProgrammeRelease, Session, SessionPerson


@pytest.mark.django_db
def test_load_demo_twice_gives_the_same_data():
    call_command("load_demo", quiet_accounts=True)
    counts = (
        Meeting.objects.count(),
        Session.objects.count(),
        Delegation.objects.count(),
        User.objects.count(),
        Registration.objects.count(),
        SessionPerson.objects.count(),
    )
    call_command("load_demo", quiet_accounts=True)
    assert (
        Meeting.objects.count(),
        Session.objects.count(),
        Delegation.objects.count(),
        User.objects.count(),
        Registration.objects.count(),
        SessionPerson.objects.count(),
    ) == counts
    # The current meeting (2010, 12 sessions), the three earlier ones of the archive (4 + 4 + 5) and 2011 in
    # preparation (2010's 12, copied).
    assert counts[:3] == (5, 12 + 13 + 12, 193 + 9 + 5)
    assert Meeting.objects.current().sessions.count() == 12


@pytest.mark.django_db
def test_load_demo_builds_the_2010_meeting():
    call_command("load_demo", quiet_accounts=True)
    meeting = Meeting.objects.current()
    assert (meeting.number, meeting.city, str(meeting.start_date), str(meeting.end_date)) == (
        4,
        "Puerto Vallarta",
        "2010-11-08",
        "2010-11-11",
    )
    assert list(meeting.roundtables.values_list("number", flat=True)) == [1, 2, 3]
    future = meeting.sessions.get(code="FF")
    assert (future.kind, future.heads_only) == (Session.Kind.SPECIAL, True)
    assert set(meeting.sessions.filter(kind=Session.Kind.PLENARY).values_list("code", flat=True)) == {"OP", "CP"}
    assert MeetingMembership.objects.filter(meeting=meeting, steering_group=True).count() == 30
    assert sorted(SessionPerson.objects.filter(role="rapporteur").values_list("session__code", "person__email")) == [
        ("1.1", "rapporteur@example.org"),
        ("1.2", "rapporteur.sn@example.org"),
        ("2.2", "rapporteur.pt@example.org"),
    ]
    # Mexico's focal point is 2010's, and not 2011's until nominated for it (membership per meeting).
    mexican = FocalPoint.objects.filter(delegation__country="MX")
    assert list(mexican.values_list("meeting__number", "user__email")) == [(4, "focalpoint.mx@example.org")]


@pytest.mark.django_db
def test_load_demo_accounts_sign_in_with_the_demo_password(client):
    call_command("load_demo", quiet_accounts=True)
    for email in [
        "chair@example.org",
        "focalpoint.mx@example.org",
        "delegate.mx@example.org",
        "rapporteur@example.org",
        "civilsociety@example.org",
        "support@example.org",
        "chair.gr@example.org",
    ]:
        client.logout()
        response = client.post("/accounts/login/", {"login": email, "password": "gfmd-demo-2010"})
        assert response.status_code == 302, email
        assert response["Location"] == "/me/"


@pytest.mark.django_db
def test_load_demo_publishes_version_one_once():
    from roundtables.models import ProgrammeRelease

    call_command("load_demo", quiet_accounts=True)
    call_command("load_demo", quiet_accounts=True)
    release = ProgrammeRelease.objects.get(meeting=Meeting.objects.current())
    assert (release.version, release.published_by.email, len(release.snapshot["sessions"])) == (
        1,
        "chair@example.org",
        12,
    )


@pytest.mark.django_db
def test_demo_programme_is_dated_before_the_meeting(client):
    from zoneinfo import ZoneInfo

    from activity.models import ActivityLog
    from roundtables.models import ProgrammeRelease

    call_command("load_demo", quiet_accounts=True)
    release = ProgrammeRelease.objects.get(meeting=Meeting.objects.current())
    zone = ZoneInfo("America/Mexico_City")
    assert release.published_at.astimezone(zone).strftime("%Y-%m-%d %H:%M") == "2010-10-01 10:00"
    entry = ActivityLog.objects.get(action="roundtables.programme.published", object_id=str(release.pk))
    assert entry.created_at == release.published_at
    response = client.get("/programme/")
    assert "Version 1, published on 1 October 2010." in response.content.decode()


@pytest.mark.django_db
def test_load_demo_holds_the_earlier_meetings_as_archive_entries(client):
    from outcomes.models import Outcome

    call_command("load_demo", quiet_accounts=True)
    call_command("load_demo", quiet_accounts=True)
    assert Meeting.objects.current().number == 4
    assert list(
        Meeting.objects.order_by("number").values_list("number", "host_country", "city", "start_date", "end_date")
    ) == [
        (1, "BE", "Brussels", dt.date(2007, 7, 9), dt.date(2007, 7, 11)),
        (2, "PH", "Manila", dt.date(2008, 10, 27), dt.date(2008, 10, 30)),
        (3, "GR", "Athens", dt.date(2009, 11, 2), dt.date(2009, 11, 5)),
        (4, "MX", "Puerto Vallarta", dt.date(2010, 11, 8), dt.date(2010, 11, 11)),
        (5, "CH", "Geneva", dt.date(2011, 11, 29), dt.date(2011, 12, 2)),
    ]
    assert list(Meeting.objects.filter(number__lt=4).values_list("theme_en", flat=True).order_by("number")) == [
        "Migration and Socio-Economic Development",
        "Protecting and Empowering Migrants for Development",
        "Integrating Migration Policies into Development Strategies for the Benefit of All",
    ]
    assert sorted(ProgrammeRelease.objects.values_list("meeting__number", "version")) == [
        (1, 1),
        (2, 1),
        (3, 1),
        (4, 1),
    ]
    athens = Outcome.objects.get(session__meeting__number=3)
    follow_up = athens.original_sections.get(kind="follow_up").html
    assert (athens.state, athens.session.code) == (Outcome.State.PUBLISHED, "3.1")
    assert ("Migration Profiles" in follow_up, "regional and inter-regional processes" in follow_up) == (True, True)
    assert "Illustrative demo text, not the Forum's record." in athens.original_sections.get(kind="summary").html
    # The public archive shows the four held meetings, newest first (2011 is in preparation).
    response = client.get("/meetings/")
    assert [meeting.number for meeting in response.context["page"]] == [4, 3, 2, 1]
    # The three earlier meetings are closed (read-only) by the 2010 Chair's office; 2010 and 2011 are open.
    closed = Meeting.objects.filter(closed_at__isnull=False).order_by("number")
    assert list(closed.values_list("number", "closed_by__email")) == [
        (1, "support@example.org"),
        (2, "support@example.org"),
        (3, "support@example.org"),
    ]


@pytest.mark.django_db
def test_load_demo_prepares_2011_from_2010s_structure(client):
    from activity.models import ActivityLog

    call_command("load_demo", quiet_accounts=True)
    call_command("load_demo", quiet_accounts=True)
    geneva = Meeting.objects.get(number=5)
    assert (geneva.title_en, geneva.theme_en, geneva.city, geneva.host_country.code) == (
        "Fifth Meeting of the Global Forum on Migration and Development",
        "Taking Action on Migration and Development – Coherence, Capacity and Cooperation",
        "Geneva",
        "CH",
    )
    assert (geneva.start_date, geneva.end_date) == (dt.date(2011, 11, 29), dt.date(2011, 12, 2))
    zone = ZoneInfo(geneva.time_zone)
    days = {s.starts_at.astimezone(zone).date() for s in geneva.sessions.exclude(starts_at=None)}
    assert days and all(geneva.start_date <= day <= geneva.end_date for day in days)
    assert (geneva.status, geneva.is_current, Meeting.objects.current().number) == (Meeting.Status.PLANNING, False, 4)
    # Made through the portal's services: copied once from 2010 by Mexico's Chair's office, for Switzerland,
    # then edited by the Swiss Chair's office, its own staff (loading again changes nothing).
    assert geneva.chair_country.code == "CH"
    assert list(
        ActivityLog.objects.filter(meeting=geneva, action__startswith="roundtables.meeting.")
        .order_by("created_at", "pk")
        .values_list("action", "actor__email")
    ) == [
        ("roundtables.meeting.copied", "chair@example.org"),
        ("roundtables.meeting.updated", "chair.ch@example.org"),
    ]
    # 2010's structure, copied: the same roundtables and sessions, no people, not released.
    mexico = Meeting.objects.current()
    assert list(geneva.roundtables.values_list("number", "title_en")) == list(
        mexico.roundtables.values_list("number", "title_en")
    )
    assert sorted(geneva.sessions.values_list("code", flat=True)) == sorted(
        mexico.sessions.values_list("code", flat=True)
    )
    assert SessionPerson.objects.filter(session__meeting=geneva).count() == 0
    assert not ProgrammeRelease.objects.filter(meeting=geneva).exists()
    # 2010's government days fall on 1-2 December 2011, at the same wall-clock time in Geneva.
    opening = geneva.sessions.get(code="OP")
    assert opening.starts_at.astimezone(dt.timezone(dt.timedelta(hours=1))).strftime("%Y-%m-%d %H:%M") == (
        "2011-12-01 09:00"
    )
    # Not public: not in the archive, and its page answers 404.
    assert [meeting.number for meeting in client.get("/meetings/").context["page"]] == [4, 3, 2, 1]
    assert "Geneva" not in client.get("/meetings/").content.decode()
    assert client.get("/meetings/5/").status_code == 404


@pytest.mark.django_db
def test_the_swiss_chairs_office_prepares_2011_in_the_chairs_office(client):
    from roundtables.models import MeetingRole

    call_command("load_demo", quiet_accounts=True)
    swiss = User.objects.get(email="chair.ch@example.org")
    assert (str(swiss), swiss.organisation, swiss.preferred_language) == (
        "Ms Anna Keller",
        "Federal Department of Foreign Affairs, Switzerland",
        "fr",
    )
    assert swiss.emailaddress_set.get().verified
    # Staff of 2011 only, by a role in that meeting (no group).
    assert not swiss.groups.exists()
    roles = MeetingRole.objects.active().filter(user=swiss)
    assert [role.meeting.number for role in roles] == [5]
    response = client.post("/accounts/login/", {"login": swiss.email, "password": "gfmd-demo-2010"})
    assert response.status_code == 302
    dashboard = client.get("/chair/")
    assert (dashboard.status_code, dashboard.context["meeting"].number) == (200, 4)
    # Its switcher: its own meeting and the troika's (2010 before it), never 2009.
    page = dashboard.content.decode()
    assert '<option value="5">' in page and '<option value="4"' in page and '<option value="3">' not in page
    assert client.get("/meetings/switch/", {"page": "roundtables:chair_dashboard", "number": 5})["Location"] == (
        "/chair/meetings/5/"
    )
    structure = client.get("/chair/meetings/5/structure/")
    assert structure.status_code == 200
    page = structure.content.decode()
    for roundtable in Meeting.objects.get(number=5).roundtables.all():
        assert escape(roundtable.title_fr) in page  # the Swiss officer reads the portal in French
    # 2010's records are read, never written, by the Swiss Chair's office; 2009 is outside its troika.
    assert client.get("/chair/meetings/4/structure/").status_code == 200
    assert client.get("/chair/meetings/4/details/").status_code == 403
    assert client.get("/chair/meetings/3/structure/").status_code == 403


@pytest.mark.django_db
def test_the_demos_chairs_offices_each_hold_their_own_meeting():
    """Mexico's Chair's office runs 2010, Greece's 2009, Switzerland's 2011; support runs all."""
    from accounts.roles import SUPPORT
    from roundtables.models import MeetingRole

    call_command("load_demo", quiet_accounts=True)
    assert sorted(
        MeetingRole.objects.active()
        .filter(role=MeetingRole.Role.CHAIR_STAFF)
        .values_list("user__email", "meeting__number", "meeting__chair_country")
    ) == [
        ("chair.ch@example.org", 5, "CH"),
        ("chair.gr@example.org", 3, "GR"),
        ("chair@example.org", 4, "MX"),
    ]
    # The civil-society coordinator is named for 2010 only (not in the global group).
    assert list(
        MeetingRole.objects.active()
        .filter(role=MeetingRole.Role.CIVIL_SOCIETY_COORDINATOR)
        .values_list("user__email", "meeting__number")
    ) == [("civilsociety@example.org", 4)]
    assert not User.objects.get(email="civilsociety@example.org").groups.exists()
    support = User.objects.get(email="support@example.org")
    assert list(support.groups.values_list("name", flat=True)) == [SUPPORT]
    mexican = User.objects.get(email="chair@example.org")
    greek = User.objects.get(email="chair.gr@example.org")
    for number in (1, 2, 3, 4, 5):
        meeting = Meeting.objects.get(number=number)
        assert support.has_perm("roundtables.manage_meeting", meeting)
        assert mexican.has_perm("roundtables.manage_meeting", meeting) is (number == 4)
        assert mexican.has_perm("roundtables.view_meeting_records", meeting) is (number in (3, 4, 5))
        assert greek.has_perm("roundtables.view_meeting_records", meeting) is (number in (2, 3, 4))
