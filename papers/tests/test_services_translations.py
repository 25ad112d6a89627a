"""A paper's title and abstract in another working language (papers.services.translations): the
meeting's translator into that language or its Chair's office, once the paper is accepted or published,
never into the language it is written in, never over a translation saved meanwhile."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.tests.factories import UserFactory
from activity.models import ActivityLog
from papers import services
from papers.models import Paper
from papers.tests.factories import PaperFactory, VersionFactory
from roundtables.editions import MeetingClosed
from roundtables.models import Meeting, MeetingRole
from roundtables.services.translations import TranslationConflict
from roundtables.tests.factories import MeetingFactory, RoundtableFactory, SessionFactory

pytestmark = pytest.mark.django_db

State = Paper.State


def named(meeting, role):
    person = UserFactory()
    MeetingRole.objects.create(meeting=meeting, user=person, role=role)
    return person


def paper_in(session, state=State.ACCEPTED, **kwargs):
    paper = PaperFactory(session=session, **kwargs)
    version = VersionFactory(paper=paper, number=1)
    Paper.objects.filter(pk=paper.pk).update(
        state=state,
        accepted_version=version if state in (State.ACCEPTED, State.PUBLISHED) else None,
        published_at=timezone.now() if state == State.PUBLISHED else None,
    )
    paper.refresh_from_db()
    return paper


@pytest.fixture
def meeting(db):
    return MeetingFactory(number=4, title_en="Puerto Vallarta 2010")


@pytest.fixture
def session(meeting):
    return SessionFactory(roundtable=RoundtableFactory(meeting=meeting), code="1.1")


@pytest.fixture
def french(meeting):
    return named(meeting, MeetingRole.Role.TRANSLATOR_FR)


def _save(paper, actor, language="fr", texts=None, started_from=None):
    return services.paper_translation_save(
        paper=paper,
        actor=actor,
        language=language,
        texts=texts or {"title": "Migration circulaire", "abstract": "Un résumé."},
        started_from=started_from or {"title": "", "abstract": ""},
    )


def test_the_translator_into_french_saves_the_french_title_and_abstract(session, french):
    paper = paper_in(session)
    _save(paper, french)
    paper.refresh_from_db()
    assert (paper.title_fr, paper.abstract_fr, paper.state) == ("Migration circulaire", "Un résumé.", State.ACCEPTED)
    entry = ActivityLog.objects.get(action="papers.paper.translated")
    assert (entry.actor, entry.data) == (french, {"language": "fr", "fields": ["title_fr", "abstract_fr"]})


def test_the_translator_into_spanish_is_refused_the_french_text(session, meeting):
    paper = paper_in(session)
    with pytest.raises(PermissionDenied):
        _save(paper, named(meeting, MeetingRole.Role.TRANSLATOR_ES), "fr")
    paper.refresh_from_db()
    assert paper.title_fr is None


def test_strangers_and_another_meetings_translator_are_refused(session):
    paper = paper_in(session)
    for actor in (named(MeetingFactory(number=5), MeetingRole.Role.TRANSLATOR_FR), UserFactory(), None):
        with pytest.raises(PermissionDenied):
            _save(paper, actor)


def test_the_chairs_office_translates(session, meeting):
    paper = paper_in(session, State.PUBLISHED)
    _save(paper, named(meeting, MeetingRole.Role.CHAIR_STAFF), "es", texts={"abstract": "Un resumen."})
    paper.refresh_from_db()
    assert paper.abstract_es == "Un resumen."


def test_not_into_the_language_the_paper_is_written_in(session, meeting):
    paper = paper_in(session, language="fr", title_fr="Un document", abstract_fr="Résumé.")
    with pytest.raises(PermissionDenied):
        _save(paper, named(meeting, MeetingRole.Role.TRANSLATOR_FR), "fr")
    translator = named(meeting, MeetingRole.Role.TRANSLATOR_EN)
    _save(paper, translator, "en", texts={"title": "A paper"}, started_from={"title": paper.title_en})
    paper.refresh_from_db()
    assert paper.title_en == "A paper"


def test_a_draft_is_not_translated_yet(session, french):
    paper = paper_in(session, State.DRAFT)
    with pytest.raises(ValidationError) as refused:
        _save(paper, french)
    assert refused.value.messages == ["This paper is “Draft”, so it cannot be translated now."]


def test_a_closed_meeting_is_refused(session, meeting, french):
    paper = paper_in(session)
    Meeting.objects.filter(pk=meeting.pk).update(closed_at=timezone.now())
    with pytest.raises(MeetingClosed):
        _save(paper, french)


def test_a_translation_saved_meanwhile_is_not_overwritten(session, meeting, french):
    paper = paper_in(session)
    _save(paper, named(meeting, MeetingRole.Role.CHAIR_STAFF), texts={"abstract": "Le résumé du bureau."})
    with pytest.raises(TranslationConflict) as refused:
        _save(paper, french, texts={"abstract": "Mon résumé."}, started_from={"abstract": ""})
    assert list(refused.value.message_dict) == ["abstract"]
    paper.refresh_from_db()
    assert paper.abstract_fr == "Le résumé du bureau."
