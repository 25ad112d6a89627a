"""The Chair's office's pages for closing a meeting's record and for corrections: the details page's
buttons, the confirmation pages (POST, CSRF), the banner and the edit buttons a closed meeting hides."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from activity.models import ActivityLog
from roundtables import services
from roundtables.models import Meeting, MeetingCorrection
from roundtables.tests.factories import MeetingFactory, RoundtableFactory, SessionFactory


@pytest.fixture
def athens(db):
    """A held meeting that is not the current one: it can be closed."""
    meeting = MeetingFactory(
        number=3,
        title_en="Third Meeting (Athens 2009)",
        status=Meeting.Status.HELD,
        start_date=dt.date(2009, 11, 4),
        end_date=dt.date(2009, 11, 5),
    )
    SessionFactory(roundtable=RoundtableFactory(meeting=meeting, number=3), code="3.1")
    return meeting


def details(meeting) -> str:
    return reverse("roundtables:meeting_edit", kwargs={"number": meeting.number})


def structure(meeting) -> str:
    return reverse("roundtables:structure", kwargs={"number": meeting.number})


def test_the_details_page_offers_to_close_a_held_meeting(chair_client, athens):
    body = chair_client.get(details(athens)).content.decode()
    assert reverse("roundtables:meeting_close", kwargs={"number": athens.number}) in body
    assert "meeting-closed-banner" not in body


def test_the_current_meeting_cannot_be_closed_and_the_page_says_why(chair_client, meeting):
    body = chair_client.get(details(meeting)).content.decode()
    assert "is the current meeting: make the next meeting current before closing this one." in body
    assert reverse("roundtables:meeting_close", kwargs={"number": meeting.number}) not in body
    close = reverse("roundtables:meeting_close", kwargs={"number": meeting.number})
    assert chair_client.get(close).status_code == 200
    response = chair_client.post(close)
    assert response.status_code == 400
    meeting.refresh_from_db()
    assert not meeting.is_closed


def test_closing_asks_for_confirmation_then_closes(chair_client, chair, athens):
    close = reverse("roundtables:meeting_close", kwargs={"number": athens.number})
    page = chair_client.get(close)
    assert page.status_code == 200
    assert "Close the record of Third Meeting (Athens 2009)?" in page.content.decode()
    athens.refresh_from_db()
    assert not athens.is_closed  # a GET changes nothing

    response = chair_client.post(close, follow=True)
    assert response.redirect_chain[-1][0] == details(athens)
    athens.refresh_from_db()
    assert athens.is_closed and athens.closed_by == chair
    body = response.content.decode()
    assert "Closed (read-only) on" in body and chair.display_name in body
    assert "meeting-closed-banner" in body
    assert "Open a correction" in body
    assert ActivityLog.objects.filter(action="roundtables.meeting.closed", meeting=athens).exists()


def test_the_close_form_needs_the_csrf_token(chair, athens):
    client = Client(enforce_csrf_checks=True)
    client.force_login(chair)
    response = client.post(reverse("roundtables:meeting_close", kwargs={"number": athens.number}))
    assert response.status_code == 403
    athens.refresh_from_db()
    assert not athens.is_closed


def test_a_closed_meeting_shows_the_banner_and_hides_its_edit_buttons(chair_client, chair, athens):
    open_body = chair_client.get(structure(athens)).content.decode()
    assert "Add a roundtable" in open_body
    services.meeting_close(meeting=athens, actor=chair)
    body = chair_client.get(structure(athens)).content.decode()
    assert "meeting-closed-banner" in body
    assert "is closed: its record is read-only." in body
    assert "Add a roundtable" not in body
    assert reverse("roundtables:session_edit", kwargs={"pk": athens.sessions.get().pk}) not in body
    assert "Save the details" not in chair_client.get(details(athens)).content.decode()


def test_a_correction_is_opened_with_a_reason_and_ended(chair_client, chair, athens):
    services.meeting_close(meeting=athens, actor=chair)
    open_url = reverse("roundtables:correction_open", kwargs={"number": athens.number})
    assert chair_client.get(open_url).status_code == 200

    refused = chair_client.post(open_url, {"reason": ""})
    assert refused.status_code == 200
    assert "This field is required." in refused.content.decode()
    assert not MeetingCorrection.objects.exists()

    response = chair_client.post(open_url, {"reason": "Session 3.1's title was misspelt."}, follow=True)
    correction = MeetingCorrection.objects.get()
    assert correction.opened_by == chair and correction.is_open
    body = response.content.decode()
    assert "Session 3.1&#x27;s title was misspelt." in body
    assert reverse("roundtables:correction_end", kwargs={"pk": correction.pk}) in body

    # While it is open, the edit buttons are back for the Chair's office, and the banner says why.
    body = chair_client.get(structure(athens)).content.decode()
    assert "Add a roundtable" in body and "A correction is open" in body

    end_url = reverse("roundtables:correction_end", kwargs={"pk": correction.pk})
    assert chair_client.get(end_url).status_code == 200
    correction.refresh_from_db()
    assert correction.is_open  # a GET changes nothing
    response = chair_client.post(end_url, follow=True)
    correction.refresh_from_db()
    assert not correction.is_open and correction.ended_by == chair
    assert "read-only again" in response.content.decode()
    assert "Add a roundtable" not in chair_client.get(structure(athens)).content.decode()


def test_the_activity_log_shows_a_write_made_in_a_correction_with_its_reason(chair_client, chair, athens):
    services.meeting_close(meeting=athens, actor=chair)
    services.meeting_correction_open(meeting=athens, actor=chair, reason="The venue was wrong.")
    services.meeting_update(meeting=athens, actor=chair, fields={"venue": "Vouliagmeni"})
    body = chair_client.get(reverse("roundtables:activity", kwargs={"number": athens.number})).content.decode()
    assert "Meeting&#x27;s record closed (read-only)" in body
    assert "Correction of a closed meeting opened" in body
    assert "activity-correction" in body and "The venue was wrong." in body


def test_a_correction_cannot_be_ended_twice(chair_client, chair, athens):
    services.meeting_close(meeting=athens, actor=chair)
    correction = services.meeting_correction_open(meeting=athens, actor=chair, reason="A typo")
    services.meeting_correction_end(correction=correction, actor=chair)
    response = chair_client.post(reverse("roundtables:correction_end", kwargs={"pk": correction.pk}))
    assert response.status_code == 200
    assert "This correction has already ended." in response.content.decode()


@pytest.mark.parametrize("name", ["meeting_close", "correction_open"])
def test_the_pages_are_refused_to_anyone_but_the_chair_office(client, athens, name):
    from accounts.tests.factories import UserFactory

    client.force_login(UserFactory())
    url = reverse(f"roundtables:{name}", kwargs={"number": athens.number})
    assert client.get(url).status_code == 403
    assert client.post(url, {"reason": "Mine"}).status_code == 403
    athens.refresh_from_db()
    assert not athens.is_closed and not MeetingCorrection.objects.exists()


def test_the_details_page_lists_the_corrections_in_as_many_queries_for_one_or_three(chair_client, chair, athens):
    """The corrections of a closed meeting on its details page (the ten latest): one query, whatever their number."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    services.meeting_close(meeting=athens, actor=chair)

    def queries_with(count: int) -> int:
        MeetingCorrection.objects.all().delete()
        for n in range(count):
            correction = services.meeting_correction_open(meeting=athens, actor=chair, reason=f"Fix {n}")
            services.meeting_correction_end(correction=correction, actor=another_chair())
        with CaptureQueriesContext(connection) as captured:
            body = chair_client.get(details(athens)).content.decode()
        assert body.count("Fix ") == count
        return len(captured)

    assert queries_with(1) == queries_with(3)


def another_chair():  # another member of the Chair's office ends the corrections: names to fetch
    from accounts.tests.factories import ChairOfficeFactory

    return ChairOfficeFactory()
