"""The reports pages show a document's times in the meeting's zone and say which."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from reports.models import GeneratedFile
from reports.tests.factories import GeneratedFileFactory

pytestmark = pytest.mark.django_db

# 13:41 UTC on 2 December 2010 is 07:41 in Puerto Vallarta (UTC-6).
REQUESTED = dt.datetime(2010, 12, 2, 13, 41, tzinfo=dt.UTC)


@pytest.fixture
def vallarta(meeting):
    meeting.time_zone, meeting.city = "America/Mexico_City", "Puerto Vallarta"
    meeting.save(update_fields=["time_zone", "city"])
    return meeting


def _requested(chair, meeting) -> GeneratedFile:
    generated = GeneratedFileFactory(
        requested_by=chair, state=GeneratedFile.State.FAILED, parameters={"meeting": meeting.pk, "language": "en"}
    )
    GeneratedFile.objects.filter(pk=generated.pk).update(created_at=REQUESTED)
    return generated


def test_file_page_says_when_it_was_requested_in_the_host_citys_time(client, chair, vallarta):
    generated = _requested(chair, vallarta)
    client.force_login(chair)
    page = client.get(reverse("reports:file_detail", kwargs={"pk": generated.pk})).content.decode()
    text = " ".join(strip_tags(page).split())
    assert "Requested on 2 December 2010, 07:41 (Puerto Vallarta time)" in text
    assert "(UTC)" not in text


def test_reports_page_lists_files_in_the_host_citys_time(client, chair, vallarta):
    _requested(chair, vallarta)
    client.force_login(chair)
    text = " ".join(strip_tags(client.get(reverse("reports:index")).content.decode()).split())
    assert "Requested (Puerto Vallarta time)" in text
    assert "2 Dec 2010, 07:41" in text


def test_programme_booklet_prints_both_days_of_a_session_over_two_days(vallarta):
    from zoneinfo import ZoneInfo

    from accounts.tests.factories import UserFactory
    from reports.tests.pdf import page_texts
    from reports.tests.test_documents import produce
    from roundtables.models import Session
    from roundtables.services.programme import programme_publish
    from roundtables.tests.factories import SessionFactory

    zone = ZoneInfo("America/Mexico_City")
    SessionFactory(
        roundtable=None,
        meeting=vallarta,
        kind=Session.Kind.CIVIL_SOCIETY,
        code="CSD",
        title_en="Civil Society Days",
        starts_at=dt.datetime(2010, 11, 8, 9, tzinfo=zone),
        ends_at=dt.datetime(2010, 11, 9, 13, tzinfo=zone),
    )
    programme_publish(meeting=vallarta, actor=UserFactory(is_superuser=True))
    text = " ".join(" ".join(page_texts(produce("programme", {"meeting": vallarta.pk, "language": "en"}))).split())
    # At a glance, under each of its two days, and on its own page.
    assert text.count("Mon 8 Nov, 09:00 – Tue 9 Nov, 13:00 CSD Civil Society Days") == 2
    assert "Monday 8 November, 09:00 – Tuesday 9 November, 13:00" in text
    assert "Times are local times in America/Mexico_City." in text


def test_outcome_pdf_gives_its_sessions_time_over_both_days(vallarta):
    from zoneinfo import ZoneInfo

    from reports.tests.factories import publish_outcome
    from reports.tests.pdf import page_texts
    from reports.tests.test_documents import produce
    from roundtables.tests.factories import RoundtableFactory, SessionFactory

    zone = ZoneInfo("America/Mexico_City")
    session = SessionFactory(
        roundtable=RoundtableFactory(meeting=vallarta, number=1),
        code="1.1",
        starts_at=dt.datetime(2010, 11, 10, 18, tzinfo=zone),
        ends_at=dt.datetime(2010, 11, 11, 10, tzinfo=zone),
    )
    publish_outcome(session)
    text = " ".join(" ".join(page_texts(produce("outcome", {"session": session.pk}))).split())
    assert "Wednesday 10 November 2010, 18:00 – Thursday 11 November 2010, 10:00" in text
