"""The Chair's office's retention page, and what the public sees of an anonymised meeting."""

import datetime as dt
import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from delegations.models import Registration
from delegations.tests.factories import DelegationFactory, RegistrationFactory
from portal.models import MeetingAnonymisation
from portal.retention.services import meeting_anonymise
from roundtables.models import Meeting
from roundtables.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

LONG_AGO = dt.timedelta(days=6 * 365)


def _url(meeting) -> str:
    return reverse("retention:meeting", kwargs={"number": meeting.number})


def test_retention_page_refuses_someone_outside_the_chairs_office(client):
    meeting = MeetingFactory(closed_at=timezone.now() - LONG_AGO)
    registration = RegistrationFactory(meeting=meeting, dietary_needs="Vegetarian")
    client.force_login(registration.person)

    assert client.get(_url(meeting)).status_code == 403
    assert client.post(_url(meeting), {"confirmation": str(meeting.number)}).status_code == 403
    registration.refresh_from_db()
    assert registration.dietary_needs == "Vegetarian"


def test_retention_page_of_an_open_meeting_says_why_and_offers_no_button(client, chair):
    meeting = MeetingFactory(closed_at=None)
    client.force_login(chair)

    response = client.get(_url(meeting))

    assert response.status_code == 200
    assert response.context["refusal"] == (
        f"{meeting.title} is not closed: its personal data is kept while its record is open."
    )
    assert b'name="confirmation"' not in response.content


def test_retention_page_before_the_period_names_the_date(client, chair, settings):
    settings.GFMD_RETENTION_PERIOD = dt.timedelta(days=30)
    meeting = MeetingFactory(closed_at=timezone.make_aware(dt.datetime(2099, 1, 1, 12)))
    client.force_login(chair)

    response = client.get(_url(meeting))

    assert "it can be anonymised from" in response.context["refusal"]
    assert '<time datetime="2099-01-31T12:00:00+00:00">31 January 2099</time>' in response.content.decode()


def test_retention_page_refuses_a_wrong_confirmation(client, chair):
    meeting = MeetingFactory(closed_at=timezone.now() - LONG_AGO)
    client.force_login(chair)

    response = client.post(_url(meeting), {"confirmation": "999"})

    assert response.status_code == 400
    assert response.context["form"].errors == {
        "confirmation": [f"Type {meeting.number}, the number of {meeting.title}, to confirm."]
    }
    assert not MeetingAnonymisation.objects.exists()


def test_retention_page_anonymises_then_says_when_and_by_whom(client, chair):
    meeting = MeetingFactory(closed_at=timezone.now() - LONG_AGO)
    registration = RegistrationFactory(meeting=meeting, dietary_needs="Vegetarian")
    client.force_login(chair)

    response = client.post(_url(meeting), {"confirmation": str(meeting.number)})

    assert response.status_code == 302
    assert response["Location"] == _url(meeting)
    registration.refresh_from_db()
    assert registration.dietary_needs == ""
    page = client.get(_url(meeting))
    assert page.context["record"].done_by == chair
    assert f"Anonymised by {chair.display_name} on" in page.content.decode()
    assert b'name="confirmation"' not in page.content


NONCE = re.compile(rb'(nonce|value)="[^"]*"')


def _public_pages(meeting: Meeting) -> dict[str, bytes]:
    client = Client()
    session = meeting.sessions.filter(outcome__state="published").first()
    urls = [
        reverse("roundtables:meeting_detail", kwargs={"number": meeting.number}),
        reverse("roundtables:programme", kwargs={"number": meeting.number}),
        reverse("roundtables:session_detail", kwargs={"number": meeting.number, "pk": session.pk}),
        f"/meetings/{meeting.number}/papers/",
    ]
    pages = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        # Each response has its own CSP nonce and CSRF token: the rest must be the same.
        pages[url] = NONCE.sub(rb'\1=""', response.content)
    return pages


def test_anonymising_a_demo_meeting_leaves_its_public_pages_as_they_were(chair):
    call_command("load_demo", quiet_accounts=True)
    athens = Meeting.objects.get(number=3)
    athens.closed_at = timezone.now() - LONG_AGO
    athens.save(update_fields=["closed_at"])
    session = athens.sessions.filter(outcome__state="published").get()
    for _n in range(3):
        RegistrationFactory(
            meeting=athens,
            delegation=DelegationFactory(country="GR"),
            status=Registration.Status.APPROVED,
            public_list_consent=True,
            dietary_needs="None",
            sessions=[session],
        )
    before = _public_pages(athens)

    meeting_anonymise(actor=chair, meeting=athens)

    assert _public_pages(athens) == before
    assert Registration.objects.filter(meeting=athens, dietary_needs="").count() == 3
