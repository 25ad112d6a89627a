import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from delegations.tests.factories import RegistrationFactory
from outcomes.models import Outcome
from outcomes.tests.factories import OutcomeFactory
from papers.models import Paper
from papers.tests.factories import PaperFactory, published_paper
from roundtables.models import Session, SessionPerson
from roundtables.tests.factories import RoomFactory, RoundtableFactory, SessionFactory, SessionPersonFactory


@pytest.fixture
def roundtable(meeting):
    return RoundtableFactory(meeting=meeting, number=1)


def _roles(client, user):
    client.force_login(user)
    board = client.get(reverse("accounts:dashboard")).context["board"]
    return [(item.role, item.session.code, item.url, item.state, item.next_step, item.to_do) for item in board.roles]


@pytest.mark.django_db
def test_rapporteur_role_links_to_the_outcome_with_its_state_and_next_step(client, roundtable):
    session = SessionFactory(roundtable=roundtable, code="1.1")
    rapporteur = SessionPersonFactory(session=session, role=SessionPerson.Role.RAPPORTEUR).person
    OutcomeFactory(session=session, state=Outcome.State.RETURNED)
    assert _roles(client, rapporteur) == [
        (
            "Rapporteur",
            "1.1",
            f"/outcomes/session/{session.pk}/",
            "Returned to drafting with comments",
            "Revise the outcome after the co-chairs' comments and submit it again.",
            True,
        )
    ]


@pytest.mark.django_db
def test_rapporteur_role_before_the_outcome_exists_says_not_started(client, roundtable):
    session = SessionFactory(roundtable=roundtable, code="1.1")
    rapporteur = SessionPersonFactory(session=session, role=SessionPerson.Role.RAPPORTEUR).person
    assert _roles(client, rapporteur)[0][3:] == (
        "Not started",
        "Draft the outcome and submit it to the co-chairs.",
        True,
    )


@pytest.mark.django_db
def test_co_chair_representative_is_asked_to_sign_a_submitted_outcome(client, roundtable):
    session = SessionFactory(roundtable=roundtable, code="1.2")
    representative = SessionPersonFactory(session=session, role=SessionPerson.Role.CO_CHAIR_REPRESENTATIVE).person
    OutcomeFactory(session=session, state=Outcome.State.SUBMITTED)
    assert _roles(client, representative)[0][3:] == (
        "Submitted to the co-chairs",
        "Read the outcome and sign it off for your government.",
        True,
    )


@pytest.mark.django_db
def test_author_role_links_to_the_paper_with_its_state(client, roundtable):
    session = SessionFactory(roundtable=roundtable, code="2.1")
    author = SessionPersonFactory(session=session, role=SessionPerson.Role.AUTHOR).person
    paper = PaperFactory(session=session, state=Paper.State.REVISION_REQUESTED)
    paper.authors.add(author)
    assert _roles(client, author) == [
        (
            "Background paper author",
            "2.1",
            f"/papers/{paper.pk}/",
            "Revision requested",
            "Upload a revised version and submit it again.",
            True,
        )
    ]


@pytest.mark.django_db
def test_author_without_a_paper_is_sent_to_the_session_workspace(client, roundtable):
    session = SessionFactory(roundtable=roundtable, code="2.1")
    author = SessionPersonFactory(session=session, role=SessionPerson.Role.AUTHOR).person
    assert _roles(client, author)[0][2:] == (
        f"/papers/sessions/{session.pk}/",
        "Not started",
        "Start the background paper.",
        True,
    )


@pytest.mark.django_db
def test_dashboard_page_shows_links_and_to_dos(client, roundtable):
    session = SessionFactory(roundtable=roundtable, code="1.1")
    rapporteur = SessionPersonFactory(session=session, role=SessionPerson.Role.RAPPORTEUR).person
    client.force_login(rapporteur)
    page = client.get(reverse("accounts:dashboard")).content.decode()
    assert f'<a href="/outcomes/session/{session.pk}/">Rapporteur · <span class="session-code">1.1</span>' in page
    assert "Rapporteur · 1.1: Draft the outcome and submit it to the co-chairs." in page


@pytest.mark.django_db
def test_delegate_sees_her_sessions_with_time_room_and_published_papers(client, meeting, roundtable):
    room = RoomFactory(meeting=meeting, name="Salón Vallarta")
    session = SessionFactory(roundtable=roundtable, code="1.1", room=room)
    published = published_paper(session=session)
    PaperFactory(session=session, kind=Paper.Kind.ANNEX, state=Paper.State.DRAFT, title_en="A draft annex")
    registration = RegistrationFactory(meeting=meeting, status="approved", sessions=[session])
    client.force_login(registration.person)
    response = client.get(reverse("accounts:dashboard"))
    board = response.context["board"]
    assert [(s.code, s.room.name, [p.title for p in papers]) for s, papers in board.sessions] == [
        ("1.1", "Salón Vallarta", [published.title])
    ]
    assert "A draft annex" not in response.content.decode()
    assert board.to_dos == []


@pytest.mark.django_db
def test_delegate_without_sessions_is_asked_to_choose_them(client, meeting):
    meeting.status = "open"
    meeting.save()
    registration = RegistrationFactory(meeting=meeting, status="approved")
    client.force_login(registration.person)
    board = client.get(reverse("accounts:dashboard")).context["board"]
    assert [(t.text, t.url) for t in board.to_dos] == [
        (
            "Choose the sessions you will attend.",
            reverse("delegations:my_registration_change", kwargs={"number": meeting.number}),
        )
    ]


@pytest.mark.django_db
def test_newcomer_is_asked_to_register_for_the_open_meeting(client, meeting):
    meeting.status = "open"
    meeting.save()
    client.force_login(UserFactory())
    board = client.get(reverse("accounts:dashboard")).context["board"]
    assert [(t.text, t.url) for t in board.to_dos] == [
        (f"Register for {meeting.title}.", reverse("delegations:my_registration", kwargs={"number": meeting.number}))
    ]


@pytest.mark.django_db
def test_someone_elses_roles_are_not_shown(client, roundtable):
    session = SessionFactory(roundtable=roundtable, code="1.1")
    SessionPersonFactory(session=session, role=SessionPerson.Role.RAPPORTEUR)
    assert _roles(client, UserFactory()) == []


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_dashboard_query_count_does_not_grow(client, meeting, roundtable, django_assert_num_queries, count):
    user = UserFactory()
    sessions = []
    for number in range(count):
        session = SessionFactory(roundtable=roundtable, code=f"1.{number + 1}", room=RoomFactory(meeting=meeting))
        SessionPersonFactory(session=session, person=user, role=SessionPerson.Role.RAPPORTEUR)
        OutcomeFactory(session=session, state=Outcome.State.SUBMITTED)
        author_session = SessionFactory(roundtable=roundtable, code=f"2.{number + 1}")
        SessionPersonFactory(session=author_session, person=user, role=SessionPerson.Role.AUTHOR)
        PaperFactory(session=author_session).authors.add(user)
        sessions += [session, author_session]
    RegistrationFactory(meeting=meeting, person=user, status="approved", sessions=sessions)
    client.force_login(user)
    with django_assert_num_queries(17):
        response = client.get(reverse("accounts:dashboard"))
    assert len(response.context["board"].roles) == 2 * count


@pytest.mark.django_db
def test_plenary_rapporteur_is_not_sent_to_an_outcome_that_cannot_exist(client, meeting):
    plenary = SessionFactory(meeting=meeting, roundtable=None, code="CP", kind=Session.Kind.PLENARY)
    rapporteur = SessionPersonFactory(session=plenary, role=SessionPerson.Role.RAPPORTEUR).person
    assert _roles(client, rapporteur) == [
        ("Rapporteur", "CP", f"/papers/sessions/{plenary.pk}/", "", "Prepare the session with its team.", False)
    ]
