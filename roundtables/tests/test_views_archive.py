"""The public archive: /meetings/ lists the published meetings, newest first; each has its own page."""

import datetime as dt

import pytest
from django.urls import reverse

from roundtables import services
from roundtables.models import Meeting
from roundtables.tests.factories import MeetingFactory, RoundtableFactory, SessionFactory


def held_meeting(chair, number: int, year: int, **fields) -> Meeting:
    """An earlier meeting with one session and version 1 of its programme."""
    meeting = MeetingFactory(
        number=number,
        title_en=f"Meeting of {year}",
        start_date=dt.date(year, 11, 2),
        end_date=dt.date(year, 11, 5),
        status=Meeting.Status.HELD,
        **fields,
    )
    SessionFactory(roundtable=RoundtableFactory(meeting=meeting, number=1), code="1.1")
    services.programme_publish(meeting=meeting, actor=chair)
    return meeting


def meeting_url(number: int) -> str:
    return reverse("roundtables:meeting_detail", kwargs={"number": number})


@pytest.mark.django_db
def test_archive_lists_published_meetings_newest_first(client, chair):
    held_meeting(
        chair, 1, 2007, host_country="BE", city="Brussels", theme_en="Migration and Socio-Economic Development"
    )
    held_meeting(chair, 3, 2009, host_country="GR", city="Athens", venue="")
    response = client.get(reverse("roundtables:meetings"))
    assert response.status_code == 200
    assert [meeting.number for meeting in response.context["page"]] == [3, 1]
    page = response.content.decode()
    assert "Migration and Socio-Economic Development" in page
    assert "Belgium" in page
    assert "2 November 2009 – 5 November 2009" in page
    assert f'href="{meeting_url(1)}"' in page


@pytest.mark.django_db
def test_archive_leaves_out_a_meeting_in_preparation(client, chair):
    held_meeting(chair, 3, 2009)
    # A programme published while the meeting is in preparation (the Chair's office trying it) stays private.
    planning = MeetingFactory(number=5, title_en="Meeting of 2011", status=Meeting.Status.PLANNING)
    SessionFactory(roundtable=RoundtableFactory(meeting=planning, number=1), code="1.1")
    services.programme_publish(meeting=planning, actor=chair)
    never_published = MeetingFactory(number=6, title_en="Meeting of 2012", status=Meeting.Status.OPEN)
    response = client.get(reverse("roundtables:meetings"))
    assert [meeting.number for meeting in response.context["page"]] == [3]
    assert "Meeting of 2011" not in response.content.decode()
    assert (client.get(meeting_url(5)).status_code, client.get(meeting_url(never_published.number)).status_code) == (
        404,
        404,
    )


@pytest.mark.django_db
def test_archive_is_paginated(client, chair):
    for number in range(1, 23):
        MeetingFactory(number=number, status=Meeting.Status.HELD)
    for meeting in Meeting.objects.all():
        SessionFactory(roundtable=RoundtableFactory(meeting=meeting, number=1), code="1.1")
        services.programme_publish(meeting=meeting, actor=chair)
    first = client.get(reverse("roundtables:meetings"))
    second = client.get(reverse("roundtables:meetings"), {"page": 2})
    assert [m.number for m in first.context["page"]] == list(range(22, 2, -1))
    assert [m.number for m in second.context["page"]] == [2, 1]
    assert "Page 1 of 2" in first.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_archive_query_count_does_not_grow(client, chair, django_assert_num_queries, count):
    for number in range(1, count + 1):
        held_meeting(chair, number, 2006 + number)
    with django_assert_num_queries(2):  # the count for the pages, the page of meetings
        response = client.get(reverse("roundtables:meetings"))
    assert len(response.context["page"]) == count


@pytest.mark.django_db
def test_meeting_page_names_the_meeting_and_links_to_its_programme(client, chair):
    held_meeting(
        chair,
        3,
        2009,
        host_country="GR",
        city="Athens",
        venue="Conference Centre",
        theme_en="Integrating Migration Policies into Development Strategies for the Benefit of All",
    )
    response = client.get(meeting_url(3))
    page = response.content.decode()
    assert response.status_code == 200
    assert '<h1 id="meeting-title" class="display-6 fw-bold">Meeting of 2009</h1>' in page
    assert "Integrating Migration Policies into Development Strategies for the Benefit of All" in page
    assert "Conference Centre, Athens" in page
    assert "The Government of Greece" in page
    assert f'href="{reverse("roundtables:programme", kwargs={"number": 3})}"' in page
    assert "No outcome of this meeting has been published." in page
    assert "No paper of this meeting is in the library." in page


@pytest.mark.django_db
def test_unknown_meeting_page_is_404(client):
    assert client.get(meeting_url(99)).status_code == 404


@pytest.mark.django_db
def test_header_links_to_the_archive(client, chair):
    held_meeting(chair, 3, 2009)
    page = client.get(reverse("roundtables:meetings")).content.decode()
    assert f'aria-current="page"\n             href="{reverse("roundtables:meetings")}">Meetings</a>' in page


@pytest.mark.django_db
def test_programme_of_a_meeting_in_preparation_is_404(client, chair):
    held_meeting(chair, 3, 2009)
    planning = MeetingFactory(number=5, status=Meeting.Status.PLANNING)
    SessionFactory(roundtable=RoundtableFactory(meeting=planning, number=1), code="1.1")
    services.programme_publish(meeting=planning, actor=chair)
    MeetingFactory(number=6, status=Meeting.Status.OPEN)  # not current, nothing published
    statuses = [
        client.get(reverse("roundtables:programme", kwargs={"number": number})).status_code for number in (3, 5, 6)
    ]
    assert statuses == [200, 404, 404]
    version = reverse("roundtables:programme_version", kwargs={"number": 5, "version": 1})
    assert client.get(version).status_code == 404
