"""The report of the proceedings in the public archive: offered on a public meeting's page once an
outcome is published, produced at most once per state of its outcomes, served to anyone."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from outcomes.models import Outcome
from outcomes.tests.factories import OutcomeFactory
from reports.models import GeneratedFile
from roundtables import services as roundtable_services
from roundtables.models import Meeting
from roundtables.tests.factories import MeetingFactory, RoundtableFactory, SessionFactory

pytestmark = pytest.mark.django_db

LINK = "Report of the proceedings (PDF)"


@pytest.fixture
def athens(chair):
    meeting = MeetingFactory(number=3, title_en="Third Meeting", status=Meeting.Status.HELD)
    SessionFactory(roundtable=RoundtableFactory(meeting=meeting, number=3), code="3.1")
    roundtable_services.programme_publish(meeting=meeting, actor=chair)
    return meeting


def publish_outcome(meeting, when=dt.datetime(2009, 11, 20, 10, tzinfo=dt.UTC)) -> Outcome:
    session = meeting.sessions.filter(outcome__isnull=True).first() or SessionFactory(meeting=meeting)
    return OutcomeFactory(session=session, state=Outcome.State.PUBLISHED, published_at=when)


def _proceedings(number: int) -> str:
    return reverse("reports:public_proceedings", kwargs={"number": number})


def _meeting_page(client, number: int) -> str:
    return client.get(reverse("roundtables:meeting_detail", kwargs={"number": number})).content.decode()


def test_meeting_without_a_published_outcome_offers_no_proceedings(client, athens):
    OutcomeFactory(session=athens.sessions.get(), state=Outcome.State.APPROVED)

    assert LINK not in _meeting_page(client, 3)
    assert client.get(_proceedings(3)).status_code == 404
    assert not GeneratedFile.objects.exists()


def test_proceedings_of_a_meeting_the_public_may_not_see_answer_404(client, chair):
    planning = MeetingFactory(number=5, status=Meeting.Status.PLANNING)
    roundtable_services.programme_publish(meeting=planning, actor=chair)
    publish_outcome(planning)
    unpublished = MeetingFactory(number=6, status=Meeting.Status.HELD)  # no programme published
    publish_outcome(unpublished)

    assert client.get(_proceedings(5)).status_code == 404
    assert client.get(_proceedings(6)).status_code == 404
    assert client.get(_proceedings(99)).status_code == 404
    assert not GeneratedFile.objects.exists()


def test_anonymous_visitor_gets_the_proceedings_produced_once_then_the_pdf(
    client, athens, django_capture_on_commit_callbacks
):
    publish_outcome(athens)
    page = _meeting_page(client, 3)
    assert f'action="{_proceedings(3)}"' in page
    assert LINK in page

    with django_capture_on_commit_callbacks(execute=True):
        first = client.get(_proceedings(3))
    assert first.status_code == 200
    assert "The report is being produced" in first.content.decode()

    second = client.get(_proceedings(3))
    assert (second.status_code, second["Content-Type"]) == (200, "application/pdf")
    assert b"".join(second.streaming_content).startswith(b"%PDF")
    [generated] = GeneratedFile.objects.all()
    assert (generated.kind, generated.requested_by, generated.state) == ("proceedings", None, GeneratedFile.State.DONE)


def test_visitors_while_it_is_produced_start_no_second_job(client, athens, django_capture_on_commit_callbacks):
    publish_outcome(athens)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        for _visit in range(5):
            assert client.get(_proceedings(3)).status_code == 200

    assert (GeneratedFile.objects.count(), len(callbacks)) == (1, 1)


def test_a_newly_published_outcome_brings_a_new_report(client, athens, django_capture_on_commit_callbacks):
    publish_outcome(athens)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(_proceedings(3))

    publish_outcome(athens, when=timezone.now())
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.get(_proceedings(3))

    assert "The report is being produced" in response.content.decode()
    assert (GeneratedFile.objects.count(), len(callbacks)) == (2, 1)


def test_after_a_failure_visitors_wait_before_another_job(client, athens, django_capture_on_commit_callbacks):
    publish_outcome(athens)
    with django_capture_on_commit_callbacks(execute=False):
        client.get(_proceedings(3))
    GeneratedFile.objects.update(state=GeneratedFile.State.FAILED, finished_at=timezone.now(), error="boom")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.get(_proceedings(3))

    assert "could not be produced just now" in response.content.decode()
    assert (GeneratedFile.objects.count(), len(callbacks)) == (1, 0)
