"""A person named on a session's team is told by mail, in their language, what the role lets them do and where."""

import pytest
from django.core.exceptions import ValidationError

from accounts.tests.factories import UserFactory
from delegations.tests.factories import DelegationFactory
from gfmd.timeranges import format_time_range
from mailings.models import OutgoingMail
from mailings.services import suppressed
from roundtables import services
from roundtables.models import SessionDelegation
from roundtables.tests.factories import SessionDelegationFactory, SessionPersonFactory

pytestmark = pytest.mark.django_db

SITE = "http://testserver.example"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def co_chairs(session_3_1):
    sweden = DelegationFactory(country="SE", name="Sweden")
    argentina = DelegationFactory(country="AR", name="Argentina")
    for delegation in (sweden, argentina):
        SessionDelegationFactory(session=session_3_1, delegation=delegation, role=SessionDelegation.Role.CO_CHAIR)
    return sweden, argentina


def _person(**kwargs):
    return UserFactory(first_name="Anna", last_name="Lindqvist", email="anna@example.org", **kwargs)


def test_a_new_rapporteur_is_sent_the_outcome_workspace(chair, session_3_1):
    anna = _person()
    services.team_person_add(session=session_3_1, person=anna, role="rapporteur", actor=chair)
    mail = OutgoingMail.objects.get()
    assert (mail.to, mail.subject) == ("anna@example.org", "Session 3.1: you are now rapporteur")
    assert mail.body_text == (
        "Dear Anna Lindqvist,\n\n"
        "The GFMD Chair's office has named you rapporteur of session 3.1, "
        "“Assessing the relationship between migration and development”, at the "
        f"{session_3_1.meeting.title}.\n"
        "When: Wednesday 10 November, 11:00–13:00\n\n"
        "As rapporteur you draft the session's outcome: write its sections, answer the co-chairs' comments "
        "and submit it for their sign-off.\n\n"
        "The session's outcome:\n"
        f"{SITE}/outcomes/session/{session_3_1.pk}/\n\n"
        "The GFMD Chair's office\n"
    )


@pytest.mark.parametrize(
    ("role", "subject_role", "says"),
    [
        ("author", "background paper author", "As background paper author you write"),
        ("moderator", "moderator", "As moderator you work on the session's background paper"),
        ("speaker", "speaker", "As speaker you work on the session's background paper"),
    ],
)
def test_authors_moderators_and_speakers_are_sent_the_papers_page(chair, session_3_1, role, subject_role, says):
    anna = _person()
    services.team_person_add(session=session_3_1, person=anna, role=role, actor=chair)
    mail = OutgoingMail.objects.get()
    assert (mail.to, mail.subject) == ("anna@example.org", f"Session 3.1: you are now {subject_role}")
    assert f"{SITE}/papers/sessions/{session_3_1.pk}/\n" in mail.body_text
    assert "/outcomes/" not in mail.body_text
    assert says in mail.body_text


def test_a_co_chairs_representative_is_sent_the_outcome_and_the_papers(chair, session_3_1, co_chairs):
    sweden, _argentina = co_chairs
    anna = _person()
    services.team_person_add(session=session_3_1, person=anna, role="co_chair_rep", actor=chair, delegation=sweden)
    mail = OutgoingMail.objects.get()
    assert (mail.to, mail.subject) == ("anna@example.org", "Session 3.1: you are now co-chair's representative")
    assert f"{SITE}/outcomes/session/{session_3_1.pk}/\n" in mail.body_text
    assert f"{SITE}/papers/sessions/{session_3_1.pk}/\n" in mail.body_text
    assert "You speak for Sweden." in mail.body_text


def test_a_french_preferring_person_gets_the_mail_in_french(chair, session_3_1):
    anna = _person(preferred_language="fr")
    services.team_person_add(session=session_3_1, person=anna, role="moderator", actor=chair)
    mail = OutgoingMail.objects.get()
    french_time = format_time_range(
        session_3_1.starts_at, session_3_1.ends_at, zone=session_3_1.meeting.time_zone, style="long", language="fr"
    )
    english_time = format_time_range(
        session_3_1.starts_at, session_3_1.ends_at, zone=session_3_1.meeting.time_zone, style="long", language="en"
    )
    assert french_time != english_time
    assert french_time in mail.body_text
    assert english_time not in mail.body_text
    assert mail.to == "anna@example.org"
    assert f"Date et heure\u00a0: {french_time}\n" in mail.body_text
    assert f"{SITE}/papers/sessions/{session_3_1.pk}/\n" in mail.body_text
    assert "Le Bureau de la présidence du GFMD" in mail.body_text
    assert "modérateur" in mail.subject


def test_adding_the_same_role_again_sends_no_second_mail(chair, session_3_1):
    anna = _person()
    services.team_person_add(session=session_3_1, person=anna, role="rapporteur", actor=chair)
    with pytest.raises(ValidationError):
        services.team_person_add(session=session_3_1, person=anna, role="rapporteur", actor=chair)
    assert OutgoingMail.objects.count() == 1


def test_a_refused_addition_sends_nothing(chair, session_3_1):
    with pytest.raises(ValidationError):
        services.team_person_add(session=session_3_1, person=_person(), role="co_chair_rep", actor=chair)
    assert OutgoingMail.objects.count() == 0


def test_setting_a_representatives_government_tells_them_once(chair, session_3_1, co_chairs):
    sweden, argentina = co_chairs
    rep = SessionPersonFactory(session=session_3_1, person=_person(), role="co_chair_rep", delegation=sweden)
    services.team_representative_set_government(team_person=rep, delegation=argentina, actor=chair)
    mail = OutgoingMail.objects.get()
    assert (mail.to, mail.subject) == ("anna@example.org", "Session 3.1: you are now co-chair's representative")
    assert "You speak for Argentina." in mail.body_text
    services.team_representative_set_government(team_person=rep, delegation=argentina, actor=chair)
    assert OutgoingMail.objects.count() == 1


def test_nothing_is_queued_while_mail_is_suppressed(chair, session_3_1):
    with suppressed("loading the demo"):
        services.team_person_add(session=session_3_1, person=_person(), role="rapporteur", actor=chair)
    assert OutgoingMail.objects.count() == 0
