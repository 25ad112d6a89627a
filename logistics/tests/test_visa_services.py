"""Visa letters' services: who may request (own, approved), the dates, the passport number encrypted at rest and
absent from the activity log, the mails and the logs; issuing (numbers, once), the bulk run (twice is once, a
lost worker resumes), revocation by the Chair's office and by the end of the registration."""

import datetime as dt
import json
import logging

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from accounts.tests.factories import UserFactory, grant_chair_staff
from activity.models import ActivityLog
from delegations.models import Registration
from delegations.services import registration_reject, registration_withdraw
from logistics.models.visa import VisaIssueRun, VisaLetter, VisaLetterTemplate
from logistics.services import visa as services
from logistics.tasks.visa import issue_run_task
from logistics.tests.factories_visa import (
    PASSPORT,
    ghanaian,
    issued_letter,
    request_data,
    requested_letter,
    template_for,
)
from mailings.models import OutgoingMail
from roundtables.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def raw_row(letter) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT passport_number, birth_date_encrypted, passport_last_digits"
            " FROM logistics_visaletter WHERE id = %s",
            [letter.pk],
        )
        return " ".join(str(value) for value in cursor.fetchone())


def everything_logged() -> str:
    return json.dumps(list(ActivityLog.objects.values("action", "object_repr", "data")), default=str)


def everything_mailed(mailoutbox) -> str:
    stored = list(OutgoingMail.objects.values_list("subject", "body_text", "body_html"))
    sent = [(m.subject, m.body) for m in mailoutbox]
    return json.dumps([stored, sent])


def test_an_approved_participant_requests_a_letter_stored_encrypted(meeting):
    registration = ghanaian(meeting)
    letter = requested_letter(registration, passport_number=" g773-4512 ")
    letter.refresh_from_db()
    assert letter.state == "requested"
    assert letter.passport_number == PASSPORT  # normalised: no spaces or dashes, upper case
    assert letter.passport_last_digits == "4512"
    assert letter.date_of_birth == dt.date(1979, 5, 17)
    raw = raw_row(letter)
    assert PASSPORT not in raw and "7734512" not in raw
    assert "1979-05-17" not in raw
    assert "4512" in raw  # the last digits' own column
    registration.refresh_from_db()
    assert registration.visa_letter_needed
    assert PASSPORT not in repr(letter) and PASSPORT not in str(letter)
    assert PASSPORT not in repr(request_data())


def test_another_person_cannot_request_for_a_registration(meeting):
    registration = ghanaian(meeting)
    with pytest.raises(PermissionDenied):
        services.visa_letter_request(registration=registration, actor=UserFactory(), data=request_data())
    assert not VisaLetter.objects.exists()


@pytest.mark.parametrize("status", ["pending", "rejected", "withdrawn"])
def test_a_registration_not_approved_is_refused_with_a_message(meeting, status):
    registration = ghanaian(meeting, status=status)
    with pytest.raises(ValidationError) as refused:
        requested_letter(registration)
    assert "Only an approved registration can request a visa letter" in refused.value.messages[0]
    assert not VisaLetter.objects.exists()


@pytest.mark.parametrize(
    ("field", "overrides", "message"),
    [
        ("date_of_birth", {"date_of_birth": dt.date.today() + dt.timedelta(days=1)}, "must be in the past"),
        ("date_of_birth", {"date_of_birth": dt.date.today()}, "must be in the past"),
        ("date_of_birth", {"date_of_birth": dt.date(1850, 1, 1)}, "after 1900"),
        ("passport_expiry", {"passport_expiry": dt.date(2010, 11, 11)}, "valid after the meeting ends"),
        ("passport_number", {"passport_number": "<script>"}, "5 to 20 letters and digits"),
        ("passport_number", {"passport_number": "   "}, "Enter your passport number"),
        ("consulate_city", {"consulate_city": " \t "}, "Name the city"),
        ("nationality", {"nationality": ""}, "Choose your nationality"),
    ],
)
def test_bad_data_is_refused_next_to_its_field(meeting, field, overrides, message):
    with pytest.raises(ValidationError) as refused:
        requested_letter(ghanaian(meeting), **overrides)
    assert message in " ".join(refused.value.message_dict[field])


def test_a_request_is_corrected_until_issued_then_refused(meeting, chair):
    registration = ghanaian(meeting)
    requested_letter(registration)
    letter = requested_letter(registration, consulate_city="Lagos")
    assert VisaLetter.objects.count() == 1 and letter.consulate_city == "Lagos"
    template_for(meeting, chair)
    services.visa_letter_issue(letter=letter, actor=chair)
    with pytest.raises(ValidationError, match="already issued"):
        requested_letter(registration)


def test_a_closed_meeting_refuses_requests(meeting):
    registration = ghanaian(meeting)
    meeting.closed_at = timezone.now()
    meeting.save()
    with pytest.raises(ValidationError, match="closed"):
        requested_letter(registration)


def test_issuing_numbers_the_letters_once_each(meeting, chair, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = issued_letter(ghanaian(meeting), chair)
        second = issued_letter(ghanaian(meeting, last_name="Mensah"), chair)
    assert (first.reference, second.reference) == ("GFMD2010-VL-0001", "GFMD2010-VL-0002")
    assert first.state == "issued" and first.issued_by == chair and first.token_nonce
    assert first.signatory_name == "Juan Manuel Gómez"
    with pytest.raises(ValidationError, match="only a requested letter can be issued"):
        services.visa_letter_issue(letter=first, actor=chair)
    assert len(mailoutbox) == 2
    assert "GFMD2010-VL-0001" in mailoutbox[0].subject
    assert "/visa/" in mailoutbox[0].body


def test_issuing_needs_the_template_and_the_chairs_office_of_the_meeting(meeting, chair):
    letter = requested_letter(ghanaian(meeting))
    with pytest.raises(ValidationError, match="template"):
        services.visa_letter_issue(letter=letter, actor=chair)
    template_for(meeting, chair)
    other_chair = UserFactory()  # the Chair's office of another meeting
    grant_chair_staff(other_chair, [MeetingFactory(number=999)])
    for outsider in (letter.person, UserFactory(), other_chair):
        with pytest.raises(PermissionDenied):
            services.visa_letter_issue(letter=letter, actor=outsider)
    letter.refresh_from_db()
    assert letter.state == "requested"


def test_the_passport_number_appears_in_no_log_no_mail_no_activity(
    meeting, chair, mailoutbox, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        registration = ghanaian(meeting)
        letter = issued_letter(registration, chair)
        services.visa_letter_revoke(letter=letter, actor=chair, reason="Issued by mistake")
        letter2 = issued_letter(registration, chair)
        registration_withdraw(registration=registration, actor=registration.person)
    assert ActivityLog.objects.filter(action__startswith="logistics.visa_letter").count() >= 5
    for produced in (everything_logged(), everything_mailed(mailoutbox), caplog.text):
        assert PASSPORT not in produced
        assert "7734512" not in produced
        assert "1979-05-17" not in produced
    assert len(mailoutbox) >= 4  # two issued, two revoked (and the withdrawal's own)
    letter2.refresh_from_db()
    assert letter2.state == "revoked"


def test_template_placeholders_are_checked_next_to_the_field(meeting, chair):
    values = services.default_template_values(meeting)
    values.update(
        {
            "letterhead_en": "Government",
            "signatory_name": "A. Officer",
            "signatory_title_en": "Director",
            "body_fr": "Bonjour {nom}",
            "body_es": "Hola {name",
        }
    )
    with pytest.raises(ValidationError) as refused:
        services.visa_template_save(meeting=meeting, actor=chair, values=values)
    errors = refused.value.message_dict
    assert "Unknown placeholder: {nom}" in errors["body_fr"][0]
    assert "brace" in errors["body_es"][0]
    assert not VisaLetterTemplate.objects.exists()
    with pytest.raises(PermissionDenied):
        services.visa_template_save(meeting=meeting, actor=UserFactory(), values=values)


def test_bulk_issue_run_issues_each_letter_once_even_run_twice(
    meeting, chair, mailoutbox, django_capture_on_commit_callbacks
):
    template_for(meeting, chair)
    letters = [requested_letter(ghanaian(meeting, last_name=f"Person{i}")) for i in range(3)]
    gone = requested_letter(ghanaian(meeting, last_name="Gone"))
    Registration.objects.filter(pk=gone.registration_id).update(status="withdrawn")  # ended without the hook
    with django_capture_on_commit_callbacks(execute=True):
        run = services.visa_issue_all(meeting=meeting, actor=chair)
    run.refresh_from_db()
    assert (run.state, run.total, run.done, run.skipped) == ("finished", 4, 3, 1)
    references = dict(VisaLetter.objects.filter(state="issued").values_list("pk", "reference"))
    assert set(references) == {letter.pk for letter in letters}
    issue_run_task(run.pk)  # the task again (a duplicate delivery): nothing changes
    run.refresh_from_db()
    assert (run.done, run.skipped) == (3, 1)
    assert dict(VisaLetter.objects.filter(state="issued").values_list("pk", "reference")) == references
    assert len([m for m in mailoutbox if "visa support letter is issued" in m.subject]) == 3
    services.visa_letter_revoke(letter=gone, actor=chair, reason="The registration was withdrawn.")
    assert VisaLetter.objects.get(pk=gone.pk).state == "cancelled"  # a request refused is cancelled
    with pytest.raises(ValidationError, match="No letter is waiting"):
        services.visa_issue_all(meeting=meeting, actor=chair)


def test_a_run_whose_worker_died_resumes_where_it_stopped(meeting, chair, django_capture_on_commit_callbacks):
    template_for(meeting, chair)
    for i in range(3):
        requested_letter(ghanaian(meeting, last_name=f"Person{i}"))
    run = VisaIssueRun.objects.create(meeting=meeting, total=3, started_by=chair)
    assert services.visa_issue_run_step(run_id=run.pk)  # one letter, then the worker dies
    VisaIssueRun.objects.filter(pk=run.pk).update(updated_at=timezone.now() - dt.timedelta(minutes=10))
    with django_capture_on_commit_callbacks(execute=True):
        again = services.visa_issue_all(meeting=meeting, actor=chair)  # "Issue all" again resumes it
    assert again.pk == run.pk
    run.refresh_from_db()
    assert (run.state, run.done) == ("finished", 3)
    assert sorted(VisaLetter.objects.values_list("sequence", flat=True)) == [1, 2, 3]


def test_a_running_run_is_followed_not_doubled(meeting, chair):
    template_for(meeting, chair)
    requested_letter(ghanaian(meeting))
    run = VisaIssueRun.objects.create(meeting=meeting, total=1, started_by=chair)
    assert services.visa_issue_all(meeting=meeting, actor=chair).pk == run.pk
    assert VisaIssueRun.objects.count() == 1


def test_the_chairs_office_revokes_with_a_reason(meeting, chair):
    letter = issued_letter(ghanaian(meeting), chair)
    with pytest.raises(ValidationError) as refused:
        services.visa_letter_revoke(letter=letter, actor=chair, reason="  ")
    assert "reason" in refused.value.message_dict
    with pytest.raises(PermissionDenied):
        services.visa_letter_revoke(letter=letter, actor=letter.person, reason="Mine")
    services.visa_letter_revoke(letter=letter, actor=chair, reason="Passport reported stolen")
    letter.refresh_from_db()
    assert (letter.state, letter.revoke_reason, letter.revoked_by) == ("revoked", "Passport reported stolen", chair)
    with pytest.raises(ValidationError, match="already revoked"):
        services.visa_letter_revoke(letter=letter, actor=chair, reason="Again")


def test_withdrawing_the_registration_revokes_its_letter(
    meeting, chair, mailoutbox, django_capture_on_commit_callbacks
):
    registration = ghanaian(meeting)
    letter = issued_letter(registration, chair)
    with django_capture_on_commit_callbacks(execute=True):
        registration_withdraw(registration=registration, actor=registration.person)
    letter.refresh_from_db()
    assert letter.state == "revoked" and letter.revoked_at is not None
    assert "withdrawn" in letter.revoke_reason
    assert any("revoked" in m.subject for m in mailoutbox)
    assert ActivityLog.objects.filter(action="logistics.visa_letter.revoked", data__automatic=True).exists()


def test_rejecting_the_registration_cancels_a_request(meeting, chair):
    registration = ghanaian(meeting)
    letter = requested_letter(registration)
    registration_reject(registration=registration, actor=chair, reason="Not a member of the delegation")
    letter.refresh_from_db()
    assert letter.state == "cancelled"
    # Approved again, the person may request a new letter: the old one stays as it was.
    Registration.objects.filter(pk=registration.pk).update(status="approved")
    registration.refresh_from_db()
    assert requested_letter(registration).pk != letter.pk
