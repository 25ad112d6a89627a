"""The library's full-text search (papers.search) over the index migration 0004 keeps, on whichever
database the suite runs: ranked, highlighted, safe with any input, and in step with every write."""

import pytest
from django.urls import reverse

from papers.models import Paper
from papers.search import fts5_match, headlines, highlighted, search_papers
from papers.tests.factories import PaperFactory, published_paper
from roundtables.tests.factories import SessionFactory


def found(query: str, language: str = "en") -> list[str]:
    return [p.title_en for p in search_papers(Paper.objects.all(), query, language)]


@pytest.mark.django_db
def test_a_title_match_ranks_above_an_abstract_match():
    session = SessionFactory()
    published_paper(session=session, title_en="Engaging diasporas", abstract_en="")
    published_paper(session=session, kind="annex", title_en="Labour mobility", abstract_en="Remittances and diaspora.")
    assert found("diaspora") == ["Engaging diasporas", "Labour mobility"]


@pytest.mark.django_db
def test_the_index_follows_every_write():
    paper = PaperFactory(title_en="Circular migration")
    assert found("circular") == ["Circular migration"]
    paper.title_en = "Return and reintegration"
    paper.save()
    assert (found("circular"), found("reintegration")) == ([], ["Return and reintegration"])
    paper.delete()
    assert found("reintegration") == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ['"', "*", 'remittances" OR "x', "NEAR(a b)", "title_en:x", "AND", "(", "-", "' ; DROP TABLE papers_paper; --"],
)
def test_any_input_is_words_never_syntax(query):
    published_paper(session=SessionFactory(), title_en="Remittances")
    assert isinstance(found(query), list)
    assert Paper.objects.count() == 1


def _headline(query, language):
    found = search_papers(Paper.objects.all(), query, language).get()
    return headlines([found.pk], query, language)[found.pk]


@pytest.mark.django_db
def test_the_headline_marks_the_words_in_the_readers_language_and_escapes_the_rest():
    published_paper(
        session=SessionFactory(),
        title_en="Remittances",
        abstract_en="<script>x</script> Lowering the cost of remittances for families.",
        abstract_fr="Réduire le coût des envois de fonds (remittances) pour les familles.",
    )
    english = highlighted(_headline("remittances", "en"))
    assert "<mark>" in english.lower() and "<script>" not in english
    french = highlighted(_headline("familles", "fr"))
    assert "<mark>familles</mark>" in french


def test_a_headline_is_escaped_before_its_marks_are_made():
    assert highlighted("<b>\x02cost\x03</b>") == "&lt;b&gt;<mark>cost</mark>&lt;/b&gt;"


def test_fts5_queries_quote_each_word_and_complete_the_last():
    assert fts5_match('remit "cost" OR') == '"remit" "cost" "OR"*'
    assert fts5_match("  ") == ""


@pytest.mark.django_db
def test_the_library_shows_the_headline(client):
    published_paper(session=SessionFactory(), title_en="Remittances", abstract_en="Lowering the cost of remittances.")
    page = client.get(reverse("papers:library"), {"q": "remittances"}).content.decode()
    assert "<mark>" in page
