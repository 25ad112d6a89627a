"""Anonymising a closed meeting's personal data: who, when, once, and what it erases and keeps."""

import datetime as dt

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.tests.factories import UserFactory
from activity.models import ActivityLog
from activity.services import activity_log
from delegations.models import Registration
from delegations.selectors import delegations_with_counts, sessions_with_seats, status_counts
from delegations.tests.factories import DelegationFactory, InvitationFactory, RegistrationFactory
from mailings.models import Mailing, OutgoingMail
from portal.models import MeetingAnonymisation
from portal.retention.services import (
    REASON_PLACEHOLDER,
    anonymisation_preview,
    anonymisation_refusal,
    meeting_anonymise,
)
from reports.models import GeneratedFile
from roundtables.tests.factories import MeetingFactory, SessionFactory, SessionPersonFactory
from surveys.models import Response
from surveys.tests.factories import InvitationFactory as SurveyInvitationFactory
from surveys.tests.factories import SurveyFactory

pytestmark = pytest.mark.django_db

LONG_AGO = dt.timedelta(days=6 * 365)


def closed_meeting(**kwargs):
    return MeetingFactory(closed_at=timezone.now() - LONG_AGO, **kwargs)


def test_meeting_anonymise_refused_for_an_open_meeting(chair):
    meeting = MeetingFactory(closed_at=None)

    with pytest.raises(ValidationError) as error:
        meeting_anonymise(actor=chair, meeting=meeting)

    assert error.value.messages == [
        f"{meeting.title} is not closed: its personal data is kept while its record is open."
    ]
    assert not MeetingAnonymisation.objects.exists()


def test_meeting_anonymise_refused_before_the_retention_period(chair, settings):
    settings.GFMD_RETENTION_PERIOD = dt.timedelta(days=365)
    meeting = MeetingFactory(closed_at=timezone.now() - dt.timedelta(days=10))
    registration = RegistrationFactory(meeting=meeting, dietary_needs="Vegetarian")

    with pytest.raises(ValidationError) as error:
        meeting_anonymise(actor=chair, meeting=meeting)

    assert "has not passed: it can be anonymised from" in error.value.messages[0]
    registration.refresh_from_db()
    assert registration.dietary_needs == "Vegetarian"


def test_meeting_anonymise_refused_for_someone_outside_the_chairs_office():
    meeting = closed_meeting()
    registration = RegistrationFactory(meeting=meeting, dietary_needs="Vegetarian")

    with pytest.raises(PermissionDenied):
        meeting_anonymise(actor=registration.person, meeting=meeting)

    assert not MeetingAnonymisation.objects.exists()


def test_meeting_anonymise_refused_the_second_time(chair):
    meeting = closed_meeting()
    meeting_anonymise(actor=chair, meeting=meeting)

    with pytest.raises(ValidationError) as error:
        meeting_anonymise(actor=chair, meeting=meeting)

    assert error.value.messages[0].startswith(f"The personal data of {meeting.title} was already anonymised on ")
    assert error.value.messages[0].endswith(f" by {chair.display_name}.")
    assert MeetingAnonymisation.objects.filter(meeting=meeting).count() == 1


def test_anonymisation_refusal_names_nothing_when_allowed():
    assert anonymisation_refusal(closed_meeting()) is None


@pytest.fixture
def populated():
    """A closed meeting with two registrations (one of a person who also came to another meeting),
    an invitation, a personal survey response, a mail, and a rejected registration."""
    meeting = closed_meeting()
    other_meeting = MeetingFactory()
    session = SessionFactory(meeting=meeting)
    delegation = DelegationFactory(country="MX")
    only_here = RegistrationFactory(
        meeting=meeting,
        delegation=delegation,
        status=Registration.Status.APPROVED,
        job_title="Consul",
        accessibility_needs="Wheelchair access",
        dietary_needs="Vegetarian",
        visa_letter_needed=True,
        public_list_consent=True,
        sessions=[session],
    )
    regular = RegistrationFactory(
        meeting=meeting,
        delegation=delegation,
        status=Registration.Status.APPROVED,
        dietary_needs="Halal",
        sessions=[session],
    )
    RegistrationFactory(meeting=other_meeting, person=regular.person, delegation=delegation)
    rejected = RegistrationFactory(
        meeting=meeting, status=Registration.Status.REJECTED, decision_reason="Passport expired"
    )
    rapporteur = SessionPersonFactory(session=session).person
    RegistrationFactory(meeting=meeting, person=rapporteur, delegation=delegation, status=Registration.Status.APPROVED)
    invitation = InvitationFactory(meeting=meeting, delegation=delegation, email="invited@example.org")
    survey = SurveyFactory(meeting=meeting)
    personal = SurveyInvitationFactory(survey=survey, person=only_here.person)
    response = Response.objects.create(
        survey=survey, invitation=personal, state=Response.State.SUBMITTED, submitted_at=timezone.now()
    )
    draft_invitation = SurveyInvitationFactory(survey=survey, person=regular.person)
    Response.objects.create(survey=survey, invitation=draft_invitation)
    mailing = Mailing.objects.create(title="Invitation", subject_template="s", body_template="b", meeting=meeting)
    mail = OutgoingMail.objects.create(
        mailing=mailing, to=regular.person.email, to_name="Regular", subject="Survey", body_text="Dear Regular"
    )
    notification = OutgoingMail.objects.create(
        to=only_here.person.email, to_name="Only", subject="Registration received", body_text="Dear Only"
    )
    unrelated = OutgoingMail.objects.create(to="someone@example.org", subject="Other", body_text="Hello")
    entry = activity_log(
        actor=only_here.person,
        action="delegations.invitation.sent",
        obj=invitation,
        meeting=meeting,
        data={"email": "invited@example.org", "role": "delegate"},
    )
    return {
        "meeting": meeting,
        "session": session,
        "delegation": delegation,
        "only_here": only_here,
        "regular": regular,
        "rejected": rejected,
        "rapporteur": rapporteur,
        "invitation": invitation,
        "response": response,
        "mail": mail,
        "notification": notification,
        "unrelated": unrelated,
        "entry": entry,
    }


def _counts(meeting):
    return (
        [
            (d.pk, d.active_count, d.pending_count, d.registration_count)
            for d in delegations_with_counts(meeting=meeting)
        ],
        [(s.pk, s.seats_taken) for s in sessions_with_seats(meeting)],
        status_counts(Registration.objects.filter(meeting=meeting)),
    )


def test_meeting_anonymise_blanks_the_registrations_and_keeps_the_counts(chair, populated):
    meeting = populated["meeting"]
    before = _counts(meeting)

    meeting_anonymise(actor=chair, meeting=meeting)

    only_here = Registration.objects.get(pk=populated["only_here"].pk)
    assert (
        only_here.job_title,
        only_here.accessibility_needs,
        only_here.dietary_needs,
        only_here.visa_letter_needed,
        only_here.public_list_consent,
    ) == ("", "", "", False, False)
    assert (only_here.status, only_here.delegation_id) == (Registration.Status.APPROVED, populated["delegation"].pk)
    assert list(only_here.session_choices.values_list("session_id", flat=True)) == [populated["session"].pk]
    assert Registration.objects.get(pk=populated["regular"].pk).dietary_needs == ""
    assert Registration.objects.get(pk=populated["rejected"].pk).decision_reason == REASON_PLACEHOLDER
    assert _counts(meeting) == before


def test_meeting_anonymise_blanks_only_the_accounts_whose_only_link_is_the_meeting(chair, populated):
    regular, rapporteur = populated["regular"].person, populated["rapporteur"]
    regular_email = regular.email

    meeting_anonymise(actor=chair, meeting=populated["meeting"])

    person = populated["only_here"].person
    person.refresh_from_db()
    assert (person.first_name, person.last_name, person.is_active, person.has_usable_password()) == (
        "",
        "",
        False,
        False,
    )
    assert person.email == f"anonymised-{person.pk}@anonymised.invalid"
    assert not EmailAddress.objects.filter(user=person).exists()
    regular.refresh_from_db()
    rapporteur.refresh_from_db()
    assert (regular.email, regular.is_active) == (regular_email, True)
    assert rapporteur.is_active is True
    assert chair.is_active is True


def test_meeting_anonymise_erases_invitations_survey_links_mails_and_log_details(chair, populated):
    meeting = populated["meeting"]

    meeting_anonymise(actor=chair, meeting=meeting)

    invitation = populated["invitation"]
    invitation.refresh_from_db()
    assert invitation.email == f"anonymised-invitation-{invitation.pk}@anonymised.invalid"
    response = Response.objects.get(pk=populated["response"].pk)
    assert (response.invitation_id, response.state) == (None, Response.State.SUBMITTED)
    assert Response.objects.filter(survey__meeting=meeting).count() == 1  # the draft is gone
    for key in ("mail", "notification"):
        mail = OutgoingMail.objects.get(pk=populated[key].pk)
        assert (mail.to, mail.to_name, mail.body_text) == (f"anonymised-mail-{mail.pk}@anonymised.invalid", "", "")
        assert mail.state == OutgoingMail.State.CANCELLED  # queued, never sent: the address is gone
    assert OutgoingMail.objects.get(pk=populated["unrelated"].pk).to == "someone@example.org"
    entry = ActivityLog.objects.get(pk=populated["entry"].pk)
    assert (entry.object_repr, entry.data) == ("", {"role": "delegate"})


def test_meeting_anonymise_records_and_logs_its_counts(chair, populated):
    meeting = populated["meeting"]
    preview = anonymisation_preview(meeting)

    record = meeting_anonymise(actor=chair, meeting=meeting)

    expected = {
        "registrations": 4,
        "accounts": 2,  # the participant who came only to this meeting, and the rejected one
        "invitations": 1,
        "survey_responses": 1,
        "survey_drafts": 1,
        "mails": 2,
        "documents": 0,
    }
    assert preview == expected
    assert record.counts == {**expected, "activity_entries": 1}
    assert (record.done_by, record.meeting) == (chair, meeting)
    entry = ActivityLog.objects.get(action="portal.meeting.anonymised")
    assert (entry.actor, entry.meeting, entry.data) == (chair, meeting, record.counts)
    assert str(entry.label) == "Participants' personal data anonymised"


def test_meeting_anonymise_leaves_other_meetings_alone(chair, populated):
    other = RegistrationFactory(meeting=MeetingFactory(), dietary_needs="Kosher", person=UserFactory())

    meeting_anonymise(actor=chair, meeting=populated["meeting"])

    other.refresh_from_db()
    other.person.refresh_from_db()
    assert (other.dietary_needs, other.person.is_active) == ("Kosher", True)


def test_meeting_anonymise_deletes_the_files_of_its_participants_lists(
    chair, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    meeting = closed_meeting()
    listing = GeneratedFile(kind="participants", parameters={"meeting": meeting.pk}, request_key="a" * 64)
    listing.file.save("participants.pdf", ContentFile(b"%PDF names"), save=False)
    listing.state = GeneratedFile.State.DONE
    listing.save()
    programme = GeneratedFile(kind="programme", parameters={"meeting": meeting.pk}, request_key="b" * 64)
    programme.file.save("programme.pdf", ContentFile(b"%PDF programme"), save=False)
    programme.save()
    path = listing.file.path

    with django_capture_on_commit_callbacks(execute=True):
        record = meeting_anonymise(actor=chair, meeting=meeting)

    listing.refresh_from_db()
    programme.refresh_from_db()
    assert (record.counts["documents"], listing.file.name, bool(programme.file)) == (1, "", True)
    assert not (tmp_path / path).exists()
