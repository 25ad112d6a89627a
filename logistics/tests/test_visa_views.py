"""Visa letters' pages: the person's request form (errors next to the fields, nothing typed lost, the
passport number hidden from error reports), the Chair's office's list (403 to others, filters, pages at
a constant cost), one letter (404 outside its meeting), "Issue all" with its progress, and the public
verification page (valid, revoked, forged)."""

import contextlib
import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.views.debug import ExceptionReporter

from accounts.tests.factories import UserFactory, grant_chair_staff
from delegations.services import registration_withdraw
from gfmd.tests.paging import assert_pages_cost_the_same, page_link
from logistics.models.visa import VisaIssueRun, VisaLetter
from logistics.selectors.visa import verification_token
from logistics.services.visa import visa_letter_revoke
from logistics.tests.factories_visa import PASSPORT, ghanaian, issued_letter, requested_letter, template_for
from logistics.views import visa as views
from roundtables.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

FORM = {
    "nationality": "GH",
    "passport_number": PASSPORT,
    "date_of_birth": "1979-05-17",
    "passport_expiry": "2015-01-31",
    "consulate_city": "Accra",
}


def words(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_the_person_requests_a_letter(client, meeting):
    registration = ghanaian(meeting)
    client.force_login(registration.person)
    url = reverse("logistics:visa_mine", kwargs={"number": meeting.number})
    response = client.get(url)
    assert response.status_code == 200 and "Request the letter" in words(response)
    response = client.post(url, FORM)
    assert response.status_code == 302
    letter = VisaLetter.objects.get(registration=registration)
    assert letter.passport_number == PASSPORT
    response = client.get(url)
    assert "Requested on" in words(response) and "Save the corrections" in words(response)


def test_bad_dates_are_shown_next_to_the_fields_keeping_what_was_typed(client, meeting):
    registration = ghanaian(meeting)
    client.force_login(registration.person)
    url = reverse("logistics:visa_mine", kwargs={"number": meeting.number})
    response = client.post(url, {**FORM, "date_of_birth": "2999-01-01", "passport_expiry": "2010-11-01"})
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'id="id_date_of_birth".*?must be in the past', html, re.S)
    assert re.search(r'id="id_passport_expiry".*?valid after the meeting ends', html, re.S)
    assert 'value="Accra"' in html and 'value="2999-01-01"' in html
    assert not VisaLetter.objects.exists()


def test_a_pending_registration_gets_no_form_and_a_post_is_refused(client, meeting):
    registration = ghanaian(meeting, status="pending")
    client.force_login(registration.person)
    url = reverse("logistics:visa_mine", kwargs={"number": meeting.number})
    response = client.get(url)
    assert "Request the letter" not in words(response)
    assert "Your registration is pending" in words(response)
    response = client.post(url, FORM)
    assert "Only an approved registration can request a visa letter" in words(response)
    assert not VisaLetter.objects.exists()


def test_error_reports_hide_the_passport_number(meeting):
    registration = ghanaian(meeting)
    request = RequestFactory().post("/visa/", {**FORM, "date_of_birth": "nonsense"})
    request.user = registration.person
    request.LANGUAGE_CODE = "en"
    from django.contrib.messages.storage.fallback import FallbackStorage

    request.session = {}
    request._messages = FallbackStorage(request)
    with contextlib.suppress(Exception):  # only the request's marking matters here
        views.my_letter(request, number=meeting.number)
    assert set(views.SENSITIVE) <= set(request.sensitive_post_parameters)
    report = ExceptionReporter(request, ValueError, ValueError("boom"), None).get_traceback_text()
    assert PASSPORT not in report and "passport_number" in report


def test_the_chairs_office_list_is_theirs_alone(client, meeting, chair):
    url = reverse("logistics:visa_chair", kwargs={"number": meeting.number})
    registration = ghanaian(meeting)
    requested_letter(registration)
    client.force_login(registration.person)
    assert client.get(url).status_code == 403
    other = UserFactory()
    grant_chair_staff(other, [MeetingFactory(number=998)])
    client.force_login(other)
    assert client.get(url).status_code == 403
    client.force_login(chair)
    response = client.get(url)
    assert response.status_code == 200
    assert registration.person.display_name in words(response)
    assert PASSPORT not in response.content.decode()  # the list shows no passport number
    assert "Write the template" in words(response)


def test_the_list_filters_by_state_and_its_pages_cost_the_same(client, meeting, chair):
    template_for(meeting, chair)
    client.force_login(chair)
    issued_letter(ghanaian(meeting, last_name="Issued"), chair)
    url = reverse("logistics:visa_chair", kwargs={"number": meeting.number}) + "?state=requested"
    count = iter(range(1000))

    def add(n):
        for _ in range(n):
            requested_letter(ghanaian(meeting, last_name=f"Zed{next(count):03d}"))

    assert_pages_cost_the_same(client, url, add, per_page=views.LETTERS_PER_PAGE)
    response = client.get(url)
    assert "Issued" not in [cell.strip() for cell in re.findall(r"<td>([^<]*)</td>", response.content.decode())]
    assert page_link(response)["state"] == ["requested"]


def test_one_letter_is_404_outside_its_meeting_and_shows_its_data_to_the_chair(client, meeting, chair):
    letter = requested_letter(ghanaian(meeting))
    other = MeetingFactory(number=997)
    client.force_login(chair)
    elsewhere = reverse("logistics:visa_letter", kwargs={"number": other.number, "pk": letter.pk})
    assert client.get(elsewhere).status_code == 404
    response = client.get(reverse("logistics:visa_letter", kwargs={"number": meeting.number, "pk": letter.pk}))
    assert response.status_code == 200 and PASSPORT in response.content.decode()


def test_issue_all_runs_in_the_background_and_shows_its_progress(
    client, meeting, chair, django_capture_on_commit_callbacks
):
    template_for(meeting, chair)
    for i in range(2):
        requested_letter(ghanaian(meeting, last_name=f"P{i}"))
    client.force_login(chair)
    url = reverse("logistics:visa_chair", kwargs={"number": meeting.number})
    assert "Issue all 2 requested letters" in words(client.get(url))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("logistics:visa_issue_all", kwargs={"number": meeting.number}))
    assert response.status_code == 302
    run = VisaIssueRun.objects.get()
    fragment = client.get(reverse("logistics:visa_run", kwargs={"number": meeting.number, "pk": run.pk}))
    assert "2 of 2 letters issued" in words(fragment)
    assert "data-hx-trigger" not in fragment.content.decode()  # finished: polling stops


def test_a_running_run_is_polled(client, meeting, chair):
    template_for(meeting, chair)
    requested_letter(ghanaian(meeting))
    run = VisaIssueRun.objects.create(meeting=meeting, total=1, started_by=chair)
    client.force_login(chair)
    fragment = client.get(reverse("logistics:visa_run", kwargs={"number": meeting.number, "pk": run.pk}))
    assert 'data-hx-trigger="every 1s"' in fragment.content.decode()
    assert "0 of 1 letters issued" in words(fragment)


def test_verification_page_valid_revoked_and_forged(client, meeting, chair):
    registration = ghanaian(meeting, first_name="Kofi", last_name="Boateng")
    letter = issued_letter(registration, chair)
    url = reverse("logistics:visa_verify", kwargs={"token": verification_token(letter)})
    response = client.get(url)
    text = words(response)
    assert response.status_code == 200
    assert "Valid" in text and "Kofi Boateng" in text and "ending in 4512" in text
    assert meeting.title in text and "8 November 2010" in text
    assert PASSPORT not in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    registration_withdraw(registration=registration, actor=registration.person)
    text = words(client.get(url))
    assert "Revoked" in text and "Kofi Boateng" in text
    token = verification_token(letter)
    for forged in (token[:-1] + ("A" if token[-1] != "A" else "B"), "x" * 32, "1", letter.token_nonce):
        response = client.get(reverse("logistics:visa_verify", kwargs={"token": forged}))
        assert response.status_code == 404
        assert "Not valid" in words(response) and "Boateng" not in words(response)


def test_the_chair_revokes_from_the_letters_page(client, meeting, chair):
    letter = issued_letter(ghanaian(meeting), chair)
    client.force_login(chair)
    url = reverse("logistics:visa_letter", kwargs={"number": meeting.number, "pk": letter.pk})
    response = client.post(url, {"action": "revoke", "reason": ""})
    assert response.status_code == 200 and "This field is required" in words(response)
    response = client.post(url, {"action": "revoke", "reason": "Passport reported stolen"})
    assert response.status_code == 302
    assert VisaLetter.objects.get(pk=letter.pk).state == "revoked"


def test_the_person_downloads_only_while_issued(client, meeting, chair):
    letter = issued_letter(ghanaian(meeting), chair)
    client.force_login(letter.person)
    url = reverse("logistics:visa_mine", kwargs={"number": meeting.number})
    assert "Download the letter (PDF)" in words(client.get(url))
    visa_letter_revoke(letter=letter, actor=chair, reason="Stolen")
    text = words(client.get(url))
    assert "Download the letter (PDF)" not in text and "was revoked" in text
