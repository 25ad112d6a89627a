"""The composer's services: who may write to whom and when, the checks before saving, the languages,
the test to oneself and "Put in the outbox"."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from accounts.tests.factories import UserFactory
from activity.models import ActivityLog
from communications.models import ComposedMailing
from communications.services import (
    NOT_IN_YOUR_LANGUAGE,
    ComposedStateError,
    composed_create,
    composed_put_in_outbox,
    composed_send_test,
    composed_update,
    render_for,
)
from communications.tests.conftest import draft
from delegations.models import Registration
from delegations.tests.factories import RegistrationFactory
from mailings.models import Mailing, OutgoingMail
from papers.tests.factories import PaperFactory, published_paper
from roundtables.editions import MeetingClosed
from roundtables.models import Meeting
from roundtables.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def _errors(excinfo) -> dict:
    return excinfo.value.message_dict


# -- Who ------------------------------------------------------------------------------------------------


def test_chair_office_writes_to_any_audience(world, chair):
    composed = composed_create(meeting=world.meeting, actor=chair, draft=draft(audience="focal_points"))
    assert composed.state == "draft"
    assert composed.created_by == chair
    assert ActivityLog.objects.filter(action="communications.composed.created", meeting=world.meeting).count() == 1


def test_chair_office_of_another_meeting_is_refused(world):
    from accounts.tests.factories import grant_chair_staff

    other_staff = UserFactory()
    grant_chair_staff(other_staff, [MeetingFactory()])
    with pytest.raises(PermissionDenied):
        composed_create(meeting=world.meeting, actor=other_staff, draft=draft())


def test_a_participant_is_refused(world):
    with pytest.raises(PermissionDenied):
        composed_create(meeting=world.meeting, actor=world.delegate_mx, draft=draft())


def test_focal_point_writes_to_their_own_delegation_only(world):
    composed = composed_create(
        meeting=world.meeting, actor=world.fp_mexico, draft=draft(audience="delegation", delegation=world.mexico)
    )
    assert composed.delegation == world.mexico
    with pytest.raises(ValidationError) as excinfo:
        composed_create(
            meeting=world.meeting, actor=world.fp_mexico, draft=draft(audience="delegation", delegation=world.ghana)
        )
    assert _errors(excinfo) == {"delegation": ["Choose your own delegation."]}
    with pytest.raises(ValidationError) as excinfo:
        composed_create(meeting=world.meeting, actor=world.fp_mexico, draft=draft(audience="participants"))
    assert "audience" in _errors(excinfo)


def test_another_focal_point_cannot_touch_it(world):
    composed = composed_create(
        meeting=world.meeting, actor=world.fp_mexico, draft=draft(audience="delegation", delegation=world.mexico)
    )
    for outsider in (world.fp_ghana, world.delegate_mx):
        with pytest.raises(PermissionDenied):
            composed_update(
                composed=composed, actor=outsider, draft=draft(audience="delegation", delegation=world.mexico)
            )
        with pytest.raises(PermissionDenied):
            composed_send_test(composed=composed, actor=outsider, language="en")
        with pytest.raises(PermissionDenied):
            composed_put_in_outbox(composed=composed, actor=outsider)
    # Its own focal point puts it in the outbox; the Chair's office sends it from there.
    mailing = composed_put_in_outbox(composed=composed, actor=world.fp_mexico)
    assert sorted(mailing.mails.values_list("to", flat=True)) == sorted(
        [world.fp_mexico.email, world.delegate_mx.email]
    )


def test_closed_meeting_is_read_only(world, chair):
    composed = composed_create(meeting=world.meeting, actor=chair, draft=draft())
    Meeting.objects.filter(pk=world.meeting.pk).update(closed_at=timezone.now())
    with pytest.raises(MeetingClosed):
        composed_create(meeting=world.meeting, actor=chair, draft=draft())
    with pytest.raises(MeetingClosed):
        composed_update(composed=composed, actor=chair, draft=draft(title="Changed"))
    with pytest.raises(MeetingClosed):
        composed_send_test(composed=composed, actor=chair, language="en")
    with pytest.raises(MeetingClosed):
        composed_put_in_outbox(composed=composed, actor=chair)
    assert not Mailing.objects.exists()


# -- When ----------------------------------------------------------------------------------------------


def test_in_the_outbox_it_can_no_longer_change(world, chair):
    composed = composed_create(meeting=world.meeting, actor=chair, draft=draft())
    composed_put_in_outbox(composed=composed, actor=chair)
    with pytest.raises(ComposedStateError):
        composed_update(composed=composed, actor=chair, draft=draft(title="Changed"))
    with pytest.raises(ComposedStateError):
        composed_send_test(composed=composed, actor=chair, language="en")
    composed.refresh_from_db()
    assert composed.title == "Logistics note"


def test_put_in_the_outbox_twice_makes_one_mailing(world, chair):
    composed = composed_create(meeting=world.meeting, actor=chair, draft=draft())
    mailing = composed_put_in_outbox(composed=composed, actor=chair)
    with pytest.raises(ComposedStateError):
        composed_put_in_outbox(composed=composed, actor=chair)  # the stale instance still says "draft"
    assert Mailing.objects.count() == 1
    assert mailing.mails.count() == 4
    composed.refresh_from_db()
    assert (composed.state, composed.mailing) == ("outbox", mailing)


# -- Checks ----------------------------------------------------------------------------------------------


def test_unknown_placeholder_is_an_error_next_to_its_field(world, chair):
    with pytest.raises(ValidationError) as excinfo:
        composed_create(
            meeting=world.meeting,
            actor=chair,
            draft=draft(
                subjects={"en": "Hello {nmae}", "fr": "", "es": "Hola {meeting"},
                bodies={"en": "Fine", "fr": "", "es": "Texto {sesion}"},
            ),
        )
    errors = _errors(excinfo)
    assert set(errors) == {"subject_en", "subject_es", "body_es"}
    assert errors["subject_en"][0].startswith("Unknown placeholder {nmae}.")
    assert not ComposedMailing.objects.exists()


def test_session_placeholder_only_for_a_session(world, chair):
    with pytest.raises(ValidationError) as excinfo:
        composed_create(meeting=world.meeting, actor=chair, draft=draft(bodies={"en": "About {session}"}))
    assert "body_en" in _errors(excinfo)
    composed = composed_create(
        meeting=world.meeting,
        actor=chair,
        draft=draft(audience="session", session=world.session, bodies={"en": "About {session}"}),
    )
    assert render_for(composed, world.activist, language="en").body == (
        f"About {world.session.code} {world.session.title}"
    )


@pytest.mark.parametrize("subject", ["Subject\r\nBcc: x@evil", "Subject\nBcc: x@evil", "Subject\rBcc: x@evil"])
def test_header_injection_through_the_subject_is_refused(world, chair, subject):
    for language in ("en", "fr"):
        subjects = {"en": "Fine", "fr": "Bien", "es": ""}
        subjects[language] = subject
        with pytest.raises(ValidationError) as excinfo:
            composed_create(
                meeting=world.meeting,
                actor=chair,
                draft=draft(subjects=subjects, bodies={"en": "Body", "fr": "Texte", "es": ""}),
            )
        assert _errors(excinfo)[f"subject_{language}"] == ["The subject must be a single line."]
    assert not ComposedMailing.objects.exists()


def test_header_injection_through_a_name_stays_in_one_line(world, chair):
    # A name (a value of a placeholder) with a line break: the subject stays one line.
    world.delegate_gh.first_name = "Eve\r\nBcc: x@evil"
    world.delegate_gh.save()
    composed = composed_create(
        meeting=world.meeting, actor=chair, draft=draft(subjects={"en": "For {name}", "fr": "", "es": ""})
    )
    mailing = composed_put_in_outbox(composed=composed, actor=chair)
    subject = mailing.mails.get(to=world.delegate_gh.email).subject
    assert "\r" not in subject and "\n" not in subject
    assert subject.startswith("For Eve Bcc: x@evil")


def test_english_required_and_translations_complete(world, chair):
    with pytest.raises(ValidationError) as excinfo:
        composed_create(
            meeting=world.meeting,
            actor=chair,
            draft=draft(subjects={"en": "", "fr": "Sujet", "es": ""}, bodies={"en": "", "fr": "", "es": "Texto"}),
        )
    assert set(_errors(excinfo)) == {"subject_en", "body_en", "body_fr", "subject_es"}


def test_only_published_papers_of_the_meeting(world, chair):
    draft_paper = PaperFactory(session=world.session)
    elsewhere = published_paper(session__roundtable__meeting=MeetingFactory())
    for paper in (draft_paper, elsewhere):
        with pytest.raises(ValidationError) as excinfo:
            composed_create(meeting=world.meeting, actor=chair, draft=draft(papers=[paper]))
        assert "papers" in _errors(excinfo)


# -- Languages, preview, test -------------------------------------------------------------------------------


def test_each_recipient_gets_their_language_or_english_with_a_note(world, chair, settings):
    settings.SITE_URL = "https://portal.example.org"
    paper = published_paper(session=world.session, title_en="Circular migration")
    composed = composed_create(
        meeting=world.meeting,
        actor=chair,
        draft=draft(
            subjects={"en": "Logistics for {meeting}", "fr": "", "es": "Logística para {meeting}"},
            bodies={"en": "{salutation}\n\nBuses at 8:00.", "fr": "", "es": "{salutation}\n\nAutobuses a las 8:00."},
            papers=[paper],
        ),
    )
    mailing = composed_put_in_outbox(composed=composed, actor=chair)
    mails = {mail.to: mail for mail in mailing.mails.all()}
    spanish = mails[world.delegate_mx.email]
    assert spanish.language == "es"
    assert spanish.subject == f"Logística para {world.meeting.title}"
    assert "Autobuses a las 8:00." in spanish.body_text
    assert spanish.body_text.startswith("Estimado/a")
    french = mails[world.activist.email]
    assert french.language == "fr"
    assert french.subject == f"Logistics for {world.meeting.title}"
    with translation.override("fr"):
        note = str(NOT_IN_YOUR_LANGUAGE)
    assert french.body_text.startswith(note)
    assert "Buses at 8:00." in french.body_text
    english = mails[world.delegate_gh.email]
    assert english.body_text.startswith("Dear ")
    assert str(NOT_IN_YOUR_LANGUAGE) not in english.body_text
    # The paper goes as a link to its page on the portal, never as a file.
    assert f"https://portal.example.org/papers/{paper.pk}/" in english.body_text
    assert "Circular migration" in english.body_text
    assert english.to_description == "Ghana"


def test_preview_is_exactly_what_the_recipient_gets(world, chair):
    composed = composed_create(
        meeting=world.meeting,
        actor=chair,
        draft=draft(
            subjects={"en": "Logistics", "fr": "", "es": "Logística"},
            bodies={"en": "{salutation} ({delegation})", "fr": "", "es": "{salutation} ({delegation}) en {meeting}"},
        ),
    )
    previews = {person.pk: render_for(composed, person) for person in (world.delegate_mx, world.activist)}
    mailing = composed_put_in_outbox(composed=composed, actor=chair)
    from mailings.placeholders import finalize

    for person in (world.delegate_mx, world.activist):
        mail = mailing.mails.get(to=person.email)
        assert previews[person.pk].subject == mail.subject
        assert previews[person.pk].body == finalize(mail.body_text, link="")
    assert previews[world.delegate_mx.pk].body.endswith(f"(México) en {world.meeting.title}")
    assert previews[world.activist.pk].in_english_instead


def test_send_me_a_test_goes_to_the_actor_only(world, chair, mailoutbox, django_capture_on_commit_callbacks):
    composed = composed_create(
        meeting=world.meeting,
        actor=chair,
        draft=draft(
            subjects={"en": "Logistics", "fr": "", "es": "Logística"},
            bodies={"en": "Buses.", "fr": "", "es": "Autobuses."},
        ),
    )
    with django_capture_on_commit_callbacks(execute=True):
        composed_send_test(composed=composed, actor=chair, language="es")
    assert [(m.to, m.subject) for m in mailoutbox] == [([chair.email], "[TEST] Logística")]
    assert "Autobuses." in mailoutbox[0].body
    assert not Mailing.objects.exists()
    with pytest.raises(ValidationError):
        composed_send_test(composed=composed, actor=chair, language="de")


# -- Many recipients --------------------------------------------------------------------------------------


def _participants(meeting, delegation, count):
    people = UserFactory.create_batch(count, verified=False)
    Registration.objects.bulk_create(
        Registration(meeting=meeting, person=person, delegation=delegation, status="approved") for person in people
    )


def test_put_in_the_outbox_costs_the_same_queries_for_more_recipients(world, chair):
    def cost(extra: int) -> tuple[int, int]:
        _participants(world.meeting, world.ghana, extra)
        composed = composed_create(meeting=world.meeting, actor=chair, draft=draft())
        with CaptureQueriesContext(connection) as queries:
            mailing = composed_put_in_outbox(composed=composed, actor=chair)
        return len(queries), mailing.mails.count()

    few_queries, few = cost(2)
    many_queries, many = cost(300)
    assert many == few + 300
    assert many_queries == few_queries
    assert OutgoingMail.objects.filter(state="held").count() == few + many


def test_withdrawn_after_writing_is_not_mailed(world, chair):
    composed = composed_create(meeting=world.meeting, actor=chair, draft=draft())
    Registration.objects.filter(person=world.delegate_gh).update(status="withdrawn")
    RegistrationFactory(meeting=world.meeting, delegation=world.ghana, status="approved")
    mailing = composed_put_in_outbox(composed=composed, actor=chair)
    assert world.delegate_gh.email not in set(mailing.mails.values_list("to", flat=True))
    assert mailing.mails.count() == 4
