"""Each document, produced and read back with pypdf: titles, names, page counts, contents."""

import datetime as dt
import io
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from accounts.tests.factories import UserFactory
from delegations.tests.factories import DelegationFactory, OrganisationFactory, RegistrationFactory
from reports.registry import ReportError, get_renderer
from reports.rendering import render_parts
from reports.tests.factories import publish_outcome
from reports.tests.hostile import hostile_fragment, recording_server
from reports.tests.pdf import attachment_names, page_texts, reader_of
from roundtables.tests.factories import (
    RoomFactory,
    RoundtableFactory,
    SessionDelegationFactory,
    SessionFactory,
    SessionPersonFactory,
)

pytestmark = pytest.mark.django_db
VALLARTA = ZoneInfo("America/Mexico_City")


def produce(kind: str, raw: dict) -> bytes:
    """What the task does, without the job row: clean the parameters, render, merge."""
    renderer = get_renderer(kind)
    params = renderer.clean_params(raw)
    target = io.BytesIO()
    with translation.override(params.get("language", "en")):
        render_parts(renderer.build(params), target, part_count=renderer.part_count(params))
    return target.getvalue()


@pytest.fixture
def programme_meeting(meeting):
    meeting.title_fr = "Quatrième réunion du Forum mondial"
    meeting.time_zone = "America/Mexico_City"
    meeting.save()
    room = RoomFactory(meeting=meeting, name="Salón Jalisco")
    first = RoundtableFactory(meeting=meeting, number=1, title_en="Partnerships for migration and development")
    second = RoundtableFactory(meeting=meeting, number=2, title_en="Human mobility and human development")
    session = SessionFactory(
        roundtable=first,
        code="1.1",
        title_en="Partnerships for more regular and protected migration",
        room=room,
        starts_at=dt.datetime(2010, 11, 10, 11, tzinfo=VALLARTA),
        ends_at=dt.datetime(2010, 11, 10, 13, tzinfo=VALLARTA),
    )
    SessionFactory(
        roundtable=second,
        code="2.1",
        title_en="Labour mobility: strategies for human development",
        starts_at=dt.datetime(2010, 11, 10, 15, tzinfo=VALLARTA),
        ends_at=dt.datetime(2010, 11, 10, 17, tzinfo=VALLARTA),
    )
    SessionDelegationFactory(session=session, delegation=DelegationFactory(country="ES", name="España"))
    SessionPersonFactory(session=session, person=UserFactory(first_name="Daniel", last_name="Okafor"))
    from roundtables.services.programme import programme_publish

    programme_publish(meeting=meeting, actor=UserFactory(is_superuser=True))
    return meeting


def test_programme_booklet(programme_meeting):
    pages = page_texts(produce("programme", {"meeting": programme_meeting.pk, "language": "en"}))
    assert len(pages) == 4  # cover, at a glance, one page per roundtable
    assert pages[0].startswith("GLOBAL FORUM ON MIGRATION AND DEVELOPMENT")
    assert "Programme" in pages[0]
    assert "Puerto Vallarta, Mexico" in pages[0]
    assert "Programme at a glance" in pages[1]
    assert "Version 1 of the programme, published on" in pages[1]
    assert "Wednesday 10 November 2010" in pages[1]
    assert "11:00–13:00 1.1 Partnerships for more regular and protected migration Salón Jalisco" in pages[1]
    assert "ROUNDTABLE 1 Partnerships for migration and development" in pages[2]
    assert "CO-CHAIRS España" in pages[2]
    assert "RAPPORTEUR Daniel Okafor" in pages[2]
    assert pages[2].endswith("Page 3 of 4")
    assert "Labour mobility: strategies for human development" in pages[3]


def test_programme_booklet_prints_the_published_release_not_later_changes(programme_meeting):
    session = programme_meeting.sessions.get(code="2.1")
    session.title_en = "Renamed after publication"
    session.save()
    published = " ".join(page_texts(produce("programme", {"meeting": programme_meeting.pk})))
    draft = page_texts(produce("programme", {"meeting": programme_meeting.pk, "version": "draft"}))
    assert "Labour mobility: strategies for human development" in published
    assert "Renamed after publication" not in published
    assert "Renamed after publication" in " ".join(draft)
    assert "UNPUBLISHED DRAFT: NOT THE OFFICIAL PROGRAMME" in draft[0]


def test_who_may_have_the_programme_booklet(programme_meeting, chair):
    renderer = get_renderer("programme")
    delegate = UserFactory()
    published = renderer.clean_params({"meeting": programme_meeting.pk})
    assert published["version"] == 1
    assert renderer.can_access(delegate, published) is True
    assert renderer.can_access(delegate, {**published, "version": "draft"}) is False
    assert renderer.can_access(chair, {**published, "version": "draft"}) is True


def test_programme_booklet_of_an_unpublished_programme_is_refused(meeting, chair):
    from reports.services import request_report

    renderer = get_renderer("programme")
    assert renderer.unavailable(renderer.clean_params({"meeting": meeting.pk})) == (
        "The programme has not been published yet."
    )
    with pytest.raises(ReportError) as refused:
        request_report(kind="programme", params={"meeting": meeting.pk}, user=chair)
    assert str(refused.value) == "The programme has not been published yet."


def test_programme_booklet_in_french_keeps_the_accents(programme_meeting):
    pages = page_texts(produce("programme", {"meeting": programme_meeting.pk, "language": "fr"}))
    assert "Quatrième réunion du Forum mondial" in pages[0]
    assert "Salón Jalisco" in pages[1]


def test_badges_eight_per_sheet_for_approved_participants_only(meeting):
    mexico = DelegationFactory(country="MX", name="México")
    people = [
        RegistrationFactory(
            meeting=meeting,
            delegation=mexico,
            status="approved",
            person=UserFactory(first_name="Sofía", last_name=f"Castillo{n:02d}"),
        )
        for n in range(10)
    ]
    RegistrationFactory(meeting=meeting, status="pending", person=UserFactory(last_name="Pendiente"))
    content = produce("badges", {"meeting": meeting.pk})
    pages = page_texts(content)
    assert len(pages) == 2
    assert pages[0].count("México") == 8
    assert pages[1].count("México") == 2
    assert "CASTILLO00" in pages[0].upper()
    assert "CASTILLO09" in pages[1].upper()
    assert "PENDIENTE" not in " ".join(pages).upper()
    # Each badge carries its QR code, an image drawn from memory (the sheet's SVG art is vector).
    drawn = [page.get_contents().get_data().count(b" Do") for page in reader_of(content).pages]
    assert drawn == [8, 2]
    assert "Page" not in " ".join(pages)
    assert people[0].pk


def test_badges_of_3000_are_laid_out_in_parts_and_merged(meeting, settings):
    settings.REPORTS_BADGES_PER_PART = 8
    for n in range(20):
        RegistrationFactory(meeting=meeting, status="approved", person=UserFactory(last_name=f"Name{n:02d}"))
    renderer = get_renderer("badges")
    params = renderer.clean_params({"meeting": meeting.pk})
    assert renderer.part_count(params) == 3
    pages = page_texts(produce("badges", {"meeting": meeting.pk}))
    assert len(pages) == 3
    assert [page.upper().count("NAME") for page in pages] == [8, 8, 4]


def test_badges_of_one_delegation(meeting):
    mexico = DelegationFactory(country="MX", name="México")
    RegistrationFactory(meeting=meeting, delegation=mexico, status="approved", person=UserFactory(last_name="Uno"))
    ghana = DelegationFactory(country="GH", name="Ghana")
    RegistrationFactory(meeting=meeting, delegation=ghana, status="approved", person=UserFactory(last_name="Otro"))
    pages = page_texts(produce("badges", {"meeting": meeting.pk, "delegation": mexico.pk}))
    assert len(pages) == 1
    assert "UNO" in pages[0]
    assert "OTRO" not in pages[0]


@pytest.fixture
def listed(meeting):
    ghana = DelegationFactory(country="GH", name="Ghana")
    iom = OrganisationFactory(name="International Organization for Migration")
    head = UserFactory(first_name="Kwame", last_name="Mensah", honorific="he", email="kwame@example.org")
    RegistrationFactory(
        meeting=meeting,
        delegation=ghana,
        person=head,
        role="head",
        status="approved",
        public_list_consent=True,
        job_title="Minister of the Interior",
    )
    RegistrationFactory(
        meeting=meeting,
        delegation=ghana,
        status="approved",
        public_list_consent=False,
        person=UserFactory(first_name="Ama", last_name="Private", email="ama@example.org"),
    )
    RegistrationFactory(
        meeting=meeting,
        delegation=iom,
        status="approved",
        public_list_consent=True,
        person=UserFactory(first_name="Ana", last_name="Núñez", email="ana@example.org"),
    )
    RegistrationFactory(
        meeting=meeting,
        delegation=ghana,
        status="pending",
        public_list_consent=True,
        person=UserFactory(first_name="Not", last_name="Approved"),
    )
    return meeting


def test_public_list_of_participants_shows_who_consented(listed):
    pages = page_texts(produce("participants", {"meeting": listed.pk, "variant": "public"}))
    text = " ".join(pages)
    assert len(pages) == 2
    assert "List of participants" in pages[0]
    assert "2 participants in 2 delegations." in pages[1]
    assert "States Ghana H.E. Kwame Mensah Minister of the Interior Head of delegation" in pages[1]
    assert "Observers: international organisations International Organization for Migration Ana Núñez" in pages[1]
    assert "Private" not in text
    assert "Approved" not in text
    assert "@example.org" not in text


def test_full_list_of_participants_for_the_chairs_office(listed):
    pages = page_texts(produce("participants", {"meeting": listed.pk, "variant": "full"}))
    text = " ".join(pages)
    assert "RESTRICTED: FOR THE CHAIR'S OFFICE ONLY" in pages[0]
    assert "3 participants in 2 delegations." in pages[1]
    assert "Ama Private ama@example.org" in text
    assert "NOT IN PUBLIC LIST" in text
    assert "Restricted: Chair's office only. Contains personal data." in pages[1]


def test_long_list_of_participants_is_laid_out_in_parts_with_running_page_numbers(meeting, monkeypatch):
    monkeypatch.setattr("reports.documents.participants.PEOPLE_PER_PART", 30)
    for code in ["AR", "BR", "CL"]:
        delegation = DelegationFactory(country=code, name=f"State {code}")
        for n in range(25):
            RegistrationFactory(
                meeting=meeting,
                delegation=delegation,
                status="approved",
                public_list_consent=True,
                person=UserFactory(first_name="Person", last_name=f"{code}{n:02d}"),
            )
    renderer = get_renderer("participants")
    assert renderer.part_count(renderer.clean_params({"meeting": meeting.pk})) == 3
    pages = page_texts(produce("participants", {"meeting": meeting.pk}))
    numbers = [int(re.search(r"Page (\d+)$", page).group(1)) for page in pages[1:]]
    assert numbers == list(range(2, len(pages) + 1))
    assert all(" of " not in page[-12:] for page in pages[1:])
    assert "Person CL24" in pages[-1]


@pytest.fixture
def proceedings_meeting(programme_meeting):
    sessions = {s.code: s for s in programme_meeting.sessions.all()}
    third = SessionFactory(roundtable=sessions["2.1"].roundtable, code="2.2", title_en="Migration, gender and family")
    unpublished = SessionFactory(roundtable=sessions["2.1"].roundtable, code="2.3", title_en="Draft session")
    publish_outcome(sessions["1.1"], repeat=6)
    publish_outcome(sessions["2.1"], repeat=2)
    publish_outcome(third)
    publish_outcome(unpublished, state="approved")
    return programme_meeting


def test_proceedings_cover_contents_theme_and_outcomes(proceedings_meeting):
    pages = page_texts(produce("proceedings", {"meeting": proceedings_meeting.pk}))
    assert "Report of the proceedings" in pages[0]
    assert pages[1].startswith("Contents The theme of the meeting")
    assert "The theme of the meeting" in pages[2]
    assert proceedings_meeting.theme in pages[2]
    assert "Draft session" not in " ".join(pages)
    # The table of contents gives the page where each outcome starts (CSS target-counter).
    contents = pages[1]
    for code, title in [
        ("1.1", "Partnerships for more regular and protected migration"),
        ("2.1", "Labour mobility: strategies for human development"),
        ("2.2", "Migration, gender and family"),
    ]:
        listed_page = int(re.search(rf"{re.escape(code)} {re.escape(title)}[ .]*(\d+)", contents).group(1))
        start = next(n for n, page in enumerate(pages, start=1) if f"SESSION {code} {title}" in page)
        assert listed_page == start, code
    assert re.search(r"Roundtable 1: Partnerships for migration and development[ .]*4", contents)
    assert "SUMMARY OF THE DISCUSSION" in " ".join(pages)
    assert len(pages) == reader_of(produce("proceedings", {"meeting": proceedings_meeting.pk})).get_num_pages()


def test_proceedings_without_published_outcomes_are_refused_with_a_clear_message(chair, meeting):
    from reports.models import GeneratedFile
    from reports.services import request_report

    with pytest.raises(ReportError) as refused:
        request_report(kind="proceedings", params={"meeting": meeting.pk}, user=chair)
    assert str(refused.value) == "No outcome of this meeting has been published yet."
    assert GeneratedFile.objects.count() == 0


def test_hostile_outcome_in_the_proceedings_fetches_nothing_and_attaches_nothing(proceedings_meeting):
    session = SessionFactory(roundtable=proceedings_meeting.roundtables.first(), code="1.9", title_en="Hostile")
    with recording_server() as server:
        origin = f"http://127.0.0.1:{server.server_address[1]}"
        publish_outcome(session, texts={"summary": hostile_fragment(origin), "conclusions": "<p>Fine.</p>"})
        content = produce("proceedings", {"meeting": proceedings_meeting.pk})
        requests = list(server.requests)
    text = " ".join(page_texts(content))
    assert requests == []
    assert attachment_names(content) == []
    assert "Key conclusion before the attack. hostname remote attachment Styled paragraph." in text
    assert "root:x:0:0" not in text
    assert b"root:x:0:0" not in content


def test_published_outcome_of_a_session(proceedings_meeting):
    session = proceedings_meeting.sessions.get(code="2.2")
    pages = page_texts(produce("outcome", {"session": session.pk}))
    assert len(pages) == 1
    assert "ROUNDTABLE 2 · SESSION 2.2 Migration, gender and family" in pages[0]
    assert "KEY CONCLUSIONS" in pages[0]
    assert "DRAFT" not in pages[0]


def test_draft_outcome_is_marked_as_a_draft(proceedings_meeting):
    session = proceedings_meeting.sessions.get(code="2.3")
    pages = page_texts(produce("outcome", {"session": session.pk, "version": "draft"}))
    assert "DRAFT – APPROVED. THIS TEXT MAY STILL CHANGE." in pages[0]
    assert "DRAFT – not for circulation" in pages[0]


def test_who_may_have_an_outcome(proceedings_meeting):
    from outcomes.models import Outcome

    renderer = get_renderer("outcome")
    published = proceedings_meeting.sessions.get(code="2.2")
    approved = proceedings_meeting.sessions.get(code="2.3")
    rapporteur = SessionPersonFactory(session=approved).person
    delegate = UserFactory()
    assert renderer.can_access(delegate, {"session": published.pk, "version": "published"}) is True
    assert renderer.can_access(delegate, {"session": published.pk, "version": "draft"}) is False
    assert renderer.can_access(delegate, {"session": approved.pk, "version": "published"}) is False
    assert renderer.can_access(rapporteur, {"session": approved.pk, "version": "draft"}) is True
    # A draft printed by the team stays the team's after publication.
    from django.utils import timezone

    Outcome.objects.filter(session=approved).update(state="published", published_at=timezone.now())
    assert renderer.can_access(delegate, {"session": approved.pk, "version": "draft"}) is False


@pytest.fixture
def answered_survey(meeting):
    from surveys.models import Invitation, Question
    from surveys.services import response_submit
    from surveys.tests.factories import QuestionFactory, SectionFactory, SurveyFactory, choice_question

    survey = SurveyFactory(meeting=meeting, title_en="Consulta sobre el tema 2010")
    section = SectionFactory(survey=survey, title_en="The theme")
    theme = choice_question(section, ["Agree", "Agree with changes", "Disagree"], text_en="Do you agree?")
    scale = QuestionFactory(section=section, kind=Question.Kind.SCALE, text_en="How useful was Athens?")
    comments = QuestionFactory(section=section, kind=Question.Kind.LONG_TEXT, text_en="Comments")
    questions = [theme, scale, comments]
    for country, name, option, value, text in [
        ("GH", "Ghana", 0, 4, "Más atención a la migración laboral."),
        ("MX", "México", 1, 5, "<script>alert(1)</script> Keep the roundtables."),
    ]:
        invitation = Invitation.objects.create(survey=survey, delegation=DelegationFactory(country=country, name=name))
        response_submit(
            invitation=invitation,
            questions=questions,
            values={theme.pk: theme.options.all()[option].pk, scale.pk: value, comments.pk: text},
        )
    Invitation.objects.create(survey=survey, delegation=OrganisationFactory(name="IOM"))
    return survey


def test_survey_results_with_charts(answered_survey):
    content = produce("survey_results", {"survey": answered_survey.pk})
    pages = page_texts(content)
    text = " ".join(pages)
    assert len(pages) == 3
    assert "Consulta sobre el tema 2010" in pages[0]
    assert "All invited 3 2 67%" in pages[1]
    assert "Respondents Ghana · México" in pages[1]
    assert "Do you agree?" in pages[2]
    # The charts are SVG drawn into the page: their labels are text of the PDF.
    assert "Agree with changes" in pages[2]
    assert "1 · 50%" in pages[2]
    assert "mean 4.5 out of 5" in pages[2]
    assert "Más atención a la migración laboral. — Ghana" in text
    assert "<script>alert(1)</script> Keep the roundtables. — México" in text


def test_survey_results_are_for_the_chairs_office(answered_survey, chair):
    renderer = get_renderer("survey_results")
    assert renderer.can_access(chair, {"survey": answered_survey.pk}) is True
    assert renderer.can_access(UserFactory(), {"survey": answered_survey.pk}) is False


def test_list_of_participants_counts_one_delegation_in_the_singular(meeting):
    ghana = DelegationFactory(country="GH", name="Ghana")
    RegistrationFactory(meeting=meeting, delegation=ghana, status="approved", public_list_consent=True)
    pages = page_texts(produce("participants", {"meeting": meeting.pk, "variant": "public"}))
    assert "1 participant in 1 delegation." in pages[1]
