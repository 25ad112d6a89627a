"""The translators' queue (/translations/) and its side-by-side forms (portal.translations): who may open
them, what they list, the messages next to the fields, and lists whose cost does not grow with their rows."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from delegations.tests.factories import DelegationFactory, make_focal_point
from gfmd.tests.paging import assert_pages_cost_the_same
from outcomes.models import OutcomeRevision
from outcomes.tests.factories import OutcomeFactory, section_of
from papers.models import Paper
from papers.tests.factories import PaperFactory, VersionFactory
from portal.translations import views
from roundtables.models import Meeting, MeetingRole
from roundtables.tests.factories import MeetingFactory, RoundtableFactory, SessionFactory

pytestmark = pytest.mark.django_db


def named(meeting, role, **kwargs):
    person = UserFactory(**kwargs)
    MeetingRole.objects.create(meeting=meeting, user=person, role=role)
    return person


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def meeting(db):
    return MeetingFactory(number=4, title_en="Puerto Vallarta 2010", is_current=True)


@pytest.fixture
def roundtable(meeting):
    return RoundtableFactory(meeting=meeting, number=1, title_en="Partnerships", title_fr="Partenariats")


@pytest.fixture
def session(roundtable):
    return SessionFactory(roundtable=roundtable, code="1.1", title_en="Circular migration", description_en="Why.")


@pytest.fixture
def french(meeting):
    return named(meeting, MeetingRole.Role.TRANSLATOR_FR, email="claire@example.org")


@pytest.fixture
def spanish(meeting):
    return named(meeting, MeetingRole.Role.TRANSLATOR_ES)


@pytest.fixture
def officer(meeting):
    return named(meeting, MeetingRole.Role.CHAIR_STAFF)


def accepted_paper(session, **kwargs):
    paper = PaperFactory(session=session, **kwargs)
    version = VersionFactory(paper=paper, number=1)
    Paper.objects.filter(pk=paper.pk).update(state=Paper.State.ACCEPTED, accepted_version=version)
    return Paper.objects.get(pk=paper.pk)


def _queue(number=None, language=None) -> str:
    url = reverse("translator:queue", kwargs={"number": number} if number else {})
    return f"{url}?language={language}" if language else url


def _session_form(session, language="fr") -> str:
    return reverse("translator:session", kwargs={"pk": session.pk, "language": language})


def _paper_form(paper, language="fr") -> str:
    return reverse("translator:paper", kwargs={"pk": paper.pk, "language": language})


# -- The queue ------------------------------------------------------------------------------------------


def test_the_translator_reads_what_awaits_their_language(client, meeting, session, french):
    outcome = OutcomeFactory(session=session)
    summary = section_of(outcome, "summary")
    summary.current_revision = OutcomeRevision.objects.create(section=summary, number=1, html="<p>Summary</p>")
    summary.save()
    paper = accepted_paper(session, title_en="Partnerships that work")
    client.force_login(french)
    response = client.get(_queue())
    assert response.status_code == 200
    assert response.context["language"] == "fr"
    assert response.context["language_choices"] == [("fr", "French")]
    assert [o.pk for o in response.context["outcomes"]] == [outcome.pk]
    assert [p.pk for p in response.context["papers"]] == [paper.pk]
    assert [(t["item_kind"], t["item_pk"]) for t in response.context["texts"]] == [("session", session.pk)]
    page = response.content.decode()
    assert "Puerto Vallarta 2010" in page  # the page names its meeting
    assert reverse("outcomes:translate", kwargs={"pk": outcome.pk, "language": "fr"}) in page
    assert _paper_form(paper) in page and _session_form(session) in page


def test_a_translator_into_two_languages_chooses_among_theirs(client, meeting, french):
    MeetingRole.objects.create(meeting=meeting, user=french, role=MeetingRole.Role.TRANSLATOR_ES)
    client.force_login(french)
    assert client.get(_queue(language="es")).context["language"] == "es"
    assert client.get(_queue(language="en")).context["language"] == "fr"  # not theirs: their first


def test_the_chairs_office_sees_every_language(client, meeting, officer):
    client.force_login(officer)
    response = client.get(_queue(4, "en"))
    assert response.context["language_choices"] == [("en", "English"), ("fr", "French"), ("es", "Spanish")]
    assert response.context["language"] == "en"


def test_others_are_refused_the_queue(client, meeting, session):
    troika = named(MeetingFactory(number=5), MeetingRole.Role.CHAIR_STAFF)  # reads 2010's records, no more
    focal_point = UserFactory()
    make_focal_point(focal_point, DelegationFactory())
    another_meetings = named(MeetingFactory(number=6), MeetingRole.Role.TRANSLATOR_FR)
    for person in (troika, focal_point, another_meetings):
        client.force_login(person)
        assert client.get(_queue(4)).status_code == 403
    client.logout()
    response = client.get(_queue(4))
    assert (response.status_code, response.url.split("?")[0]) == (302, reverse("account_login"))


@pytest.mark.parametrize("kind", ["outcomes", "papers", "texts"])
def test_each_list_costs_the_same_with_one_or_three_pages(client, meeting, french, monkeypatch, kind):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    roundtable = RoundtableFactory(meeting=meeting, title_fr="Traduit")

    def add_rows(count: int) -> None:
        for _ in range(count):
            session = SessionFactory(roundtable=roundtable, title_fr="Traduit" if kind != "texts" else None)
            if kind == "outcomes":
                section = section_of(OutcomeFactory(session=session), "summary")
                section.current_revision = OutcomeRevision.objects.create(section=section, number=1, html="<p>S</p>")
                section.save()
            elif kind == "papers":
                accepted_paper(session)

    client.force_login(french)
    url = _queue(4, "fr")
    assert_pages_cost_the_same(client, url, add_rows, per_page=2)
    # The link to page 2 of this list keeps the language and the other lists' places.
    assert f'href="?language=fr&amp;{kind}=2"' in client.get(url).content.decode()


# -- The side-by-side forms -----------------------------------------------------------------------------


def test_the_translator_translates_a_session_which_leaves_the_queue(client, meeting, session, french):
    client.force_login(french)
    page = client.get(_session_form(session))
    assert page.status_code == 200
    content = page.content.decode()
    assert '<div class="card-body" lang="en">' in content and "Circular migration" in content
    response = client.post(
        _session_form(session),
        {"title": "Migration circulaire", "description": "Pourquoi.", "title_started": "", "description_started": ""},
    )
    assert (response.status_code, response.url) == (302, _queue(4, "fr"))
    session.refresh_from_db()
    assert (session.title_fr, session.description_fr) == ("Migration circulaire", "Pourquoi.")
    assert list(client.get(_queue()).context["texts"]) == []


def test_the_translator_into_spanish_is_refused_the_french_forms(client, meeting, session, spanish):
    paper = accepted_paper(session)
    client.force_login(spanish)
    assert client.get(_session_form(session, "fr")).status_code == 403
    assert client.post(_session_form(session, "fr"), {"title": "X"}).status_code == 403
    assert client.get(_paper_form(paper, "fr")).status_code == 403
    assert client.post(_paper_form(paper, "fr"), {"title": "X"}).status_code == 403
    session.refresh_from_db()
    paper.refresh_from_db()
    assert (session.title_fr, paper.title_fr) == (None, None)
    assert client.get(_session_form(session, "es")).status_code == 200


def test_strangers_and_anonymous_are_refused_the_forms(client, session):
    client.force_login(UserFactory())
    assert client.get(_session_form(session)).status_code == 403
    client.logout()
    assert client.get(_session_form(session)).status_code == 302


def test_english_is_not_a_translation_of_a_session(client, meeting, session, officer):
    client.force_login(officer)
    assert client.get(_session_form(session, "en")).status_code == 404


def test_a_paper_not_accepted_is_not_translated_yet(client, session, french):
    paper = PaperFactory(session=session)
    client.force_login(french)
    assert client.get(_paper_form(paper)).status_code == 404


def test_a_translation_saved_meanwhile_is_shown_and_what_was_typed_kept(client, meeting, session, french, officer):
    paper = accepted_paper(session, title_en="Partnerships", abstract_en="An abstract.")
    client.force_login(french)
    started = client.get(_paper_form(paper)).context["form"]["abstract_started"].value()
    assert started == ""
    Paper.objects.filter(pk=paper.pk).update(abstract_fr="Le résumé du bureau.")  # the Chair's office, meanwhile
    response = client.post(
        _paper_form(paper), {"title": "", "abstract": "Mon résumé.", "title_started": "", "abstract_started": started}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert (
        '<div class="invalid-feedback d-block" id="id_abstract_error">Someone saved another translation of this text '
        "while you were working: it is shown below. Your text is kept here; save again to replace theirs with it.</div>"
    ) in page
    assert "<p>Le résumé du bureau.</p>" in page and "Mon résumé.</textarea>" in page
    paper.refresh_from_db()
    assert paper.abstract_fr == "Le résumé du bureau."
    # The form now starts from the text saved meanwhile: saving again replaces it, deliberately.
    form = response.context["form"]
    assert form["abstract_started"].value() == "Le résumé du bureau."
    again = client.post(
        _paper_form(paper),
        {"title": "", "abstract": "Mon résumé.", "title_started": "", "abstract_started": "Le résumé du bureau."},
    )
    assert again.status_code == 302
    paper.refresh_from_db()
    assert paper.abstract_fr == "Mon résumé."


def test_a_closed_meeting_refuses_with_a_message(client, meeting, session, french):
    Meeting.objects.filter(pk=meeting.pk).update(closed_at=timezone.now())
    client.force_login(french)
    response = client.post(
        _session_form(session), {"title": "Titre", "description": "", "title_started": "", "description_started": ""}
    )
    assert response.status_code == 400
    assert "Puerto Vallarta 2010 is closed: its record is read-only." in response.content.decode()
    session.refresh_from_db()
    assert session.title_fr is None


def test_what_changed_in_the_original_since_the_translation_is_marked(client, meeting, session, french):
    paper = accepted_paper(session, title_en="Partnerships", abstract_en="The first abstract.")
    client.force_login(french)
    data = {"title": "Partenariats", "abstract": "Le premier résumé.", "title_started": "", "abstract_started": ""}
    assert client.post(_paper_form(paper), data).status_code == 302
    Paper.objects.filter(pk=paper.pk).update(abstract_en="The revised abstract.")  # the team, later
    [awaiting] = client.get(_queue()).context["papers"]
    assert (awaiting.pk, awaiting.abstract_changed) == (paper.pk, True)
    page = client.get(_paper_form(paper)).content.decode()
    assert "Changed since the last translation" in page
    assert "<p>The <ins>revised</ins> abstract.</p>" in page  # the original now
    assert "<p>The <del>first</del> abstract.</p>" in page  # what the translation was made from
