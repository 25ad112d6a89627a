"""papers.selectors.papers_awaiting_translation: the meeting's accepted and published papers whose title
or abstract in a language is empty while the paper's own language has text."""

import pytest
from django.utils import timezone

from accounts.tests.factories import UserFactory
from papers import services
from papers.models import Paper
from papers.selectors import papers_awaiting_translation
from papers.tests.factories import PaperFactory, VersionFactory
from roundtables.models import MeetingRole
from roundtables.tests.factories import MeetingFactory, RoundtableFactory, SessionFactory

pytestmark = pytest.mark.django_db
State = Paper.State


def paper_in(meeting, state=State.ACCEPTED, **kwargs):
    paper = PaperFactory(session=SessionFactory(roundtable=RoundtableFactory(meeting=meeting)), **kwargs)
    version = VersionFactory(paper=paper, number=1)
    Paper.objects.filter(pk=paper.pk).update(
        state=state,
        accepted_version=version if state in (State.ACCEPTED, State.PUBLISHED) else None,
        published_at=timezone.now() if state == State.PUBLISHED else None,
    )
    return Paper.objects.get(pk=paper.pk)


def test_public_papers_with_an_empty_translation_are_listed(settings, tmp_path, django_assert_num_queries):
    settings.MEDIA_ROOT = tmp_path
    meeting = MeetingFactory(number=4)
    accepted = paper_in(meeting)
    published = paper_in(meeting, State.PUBLISHED, title_fr="Titre")
    paper_in(meeting, State.PUBLISHED, title_fr="Titre", abstract_fr="Résumé.")  # translated
    paper_in(meeting, State.IN_REVIEW)  # not public yet
    paper_in(meeting, State.DRAFT)
    spanish = paper_in(meeting, language="es", title_en="", abstract_en="", title_es="Título", abstract_es="Resumen.")
    paper_in(MeetingFactory(number=5))  # another meeting

    with django_assert_num_queries(1):
        rows = [
            (p.pk, p.session.code, p.needs_title, p.needs_abstract) for p in papers_awaiting_translation(meeting, "fr")
        ]
    assert sorted(rows) == sorted(
        [
            (accepted.pk, accepted.session.code, True, True),
            (published.pk, published.session.code, False, True),
            (spanish.pk, spanish.session.code, True, True),
        ]
    )
    [in_english] = papers_awaiting_translation(meeting, "en")
    assert (in_english, in_english.original_title, in_english.original_abstract) == (spanish, "Título", "Resumen.")


def test_a_translation_whose_original_changed_since_is_listed_again(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = MeetingFactory(number=4)
    paper = paper_in(meeting, title_en="Partnerships", abstract_en="The first abstract.")
    translator = UserFactory()
    MeetingRole.objects.create(meeting=meeting, user=translator, role=MeetingRole.Role.TRANSLATOR_FR)
    services.paper_translation_save(
        paper=paper,
        actor=translator,
        language="fr",
        texts={"title": "Partenariats", "abstract": "Le premier résumé."},
        started_from={"title": "", "abstract": ""},
    )
    assert list(papers_awaiting_translation(meeting, "fr")) == []
    assert Paper.objects.get(pk=paper.pk).translated_from == {
        "fr": {"title": "Partnerships", "abstract": "The first abstract."}
    }

    Paper.objects.filter(pk=paper.pk).update(abstract_en="The abstract, revised.")  # the team, later
    [awaiting] = papers_awaiting_translation(meeting, "fr")
    assert (awaiting.needs_title, awaiting.needs_abstract, awaiting.title_changed, awaiting.abstract_changed) == (
        False,
        True,
        False,
        True,
    )
