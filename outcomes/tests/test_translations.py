"""Outcomes in the three working languages: the services and selectors behind the translator's
editor and the readers' language (the pages have their own tests)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Value

from accounts.tests.factories import UserFactory
from activity.models import ActivityLog
from outcomes.models import Outcome, OutcomeRevision
from outcomes.selectors import published_outcome_stamp, reading_sections, translation_pending, translation_rows
from outcomes.services import (
    original_language_set,
    outcome_approve,
    outcome_publish,
    outcome_start,
    outcome_submit,
    revision_restore,
    section_save,
    translation_publish,
)
from outcomes.tests.factories import section_of
from roundtables.models import MeetingRole

pytestmark = pytest.mark.django_db

ORIGINAL = "<p>Los gobiernos deben reducir los costes de las remesas.</p>"


def translator(meeting, language):
    person = UserFactory()
    MeetingRole.objects.create(meeting=meeting, user=person, role=MeetingRole.translator_role(language))
    return person


@pytest.fixture
def spanish_outcome(session, rapporteur):
    return outcome_start(session=session, actor=rapporteur, original_language="es")


@pytest.fixture
def french_translator(meeting):
    return translator(meeting, "fr")


@pytest.fixture
def spanish_translator(meeting):
    return translator(meeting, "es")


def write(outcome, actor, html=ORIGINAL, kind="summary"):
    section = section_of(outcome, kind)
    return section_save(section=section, actor=actor, html=html, base_revision_id=section.current_revision_id)


def translate(outcome, actor, html, *, language="fr", kind="summary", source=None):
    section = section_of(outcome, kind, language)
    original = section_of(outcome, kind)
    return section_save(
        section=section,
        actor=actor,
        html=html,
        base_revision_id=section.current_revision_id,
        source_revision_id=source or original.current_revision_id,
    )


def status(outcome, language="fr", kind="summary"):
    return {row.kind: row for row in translation_rows(outcome, language)}[kind]


def test_start_makes_the_sections_of_every_language_with_the_chosen_original(spanish_outcome):
    assert spanish_outcome.original_language == "es"
    assert sorted(set(spanish_outcome.sections.values_list("language", flat=True))) == ["en", "es", "fr"]
    assert spanish_outcome.original_sections.count() == 5
    assert ActivityLog.objects.get(action="outcomes.outcome.started").data == {"language": "es"}


def test_start_refuses_a_language_that_is_not_a_working_language(session, rapporteur):
    with pytest.raises(ValidationError):
        outcome_start(session=session, actor=rapporteur, original_language="de")
    assert not Outcome.objects.exists()


def test_the_original_language_changes_only_before_anything_is_written(spanish_outcome, rapporteur):
    original_language_set(outcome=spanish_outcome, actor=rapporteur, language="fr")
    spanish_outcome.refresh_from_db()
    assert spanish_outcome.original_language == "fr"
    write(spanish_outcome, rapporteur, "<p>Le texte.</p>")
    with pytest.raises(ValidationError):
        original_language_set(outcome=spanish_outcome, actor=rapporteur, language="es")


def test_a_translation_records_the_original_revision_it_translates(spanish_outcome, rapporteur, french_translator):
    source = write(spanish_outcome, rapporteur).revision
    result = translate(spanish_outcome, french_translator, "<p>Les gouvernements doivent réduire les coûts.</p>")
    assert result.applied and result.revision.source == source
    assert status(spanish_outcome).status == "up_to_date"
    assert status(spanish_outcome, "en").status == "missing"
    assert status(spanish_outcome, kind="conclusions").status == "empty"


def test_a_changed_original_marks_the_translation_needs_update_with_the_change(
    spanish_outcome, rapporteur, french_translator
):
    write(spanish_outcome, rapporteur)
    translate(spanish_outcome, french_translator, "<p>Les gouvernements doivent réduire les coûts.</p>")
    write(spanish_outcome, rapporteur, "<p>Los gobiernos deben reducir a la mitad los costes de las remesas.</p>")
    row = status(spanish_outcome)
    assert row.needs_update
    changed = [r for r in row.changes() if r.change != "equal"]
    assert len(changed) == 1 and "<ins>a la mitad </ins>" in changed[0].new
    # The translator reviews the change and keeps the text: same words, the new source.
    translate(spanish_outcome, french_translator, "<p>Les gouvernements doivent réduire les coûts.</p>")
    assert status(spanish_outcome).status == "up_to_date"
    assert section_of(spanish_outcome, "summary", "fr").revisions.count() == 2


def test_a_translation_names_its_source_or_is_refused(spanish_outcome, rapporteur, french_translator):
    write(spanish_outcome, rapporteur)
    section = section_of(spanish_outcome, "summary", "fr")
    with pytest.raises(ValidationError):
        section_save(section=section, actor=french_translator, html="<p>Texte</p>", base_revision_id=None)
    other = write(spanish_outcome, rapporteur, "<p>Otra sección</p>", kind="conclusions").revision
    with pytest.raises(ValidationError):  # a revision of another section is not this one's source
        translate(spanish_outcome, french_translator, "<p>Texte</p>", source=other.pk)
    assert not section.revisions.exists()


def test_a_translator_writes_only_their_language(spanish_outcome, rapporteur, spanish_translator, meeting):
    write(spanish_outcome, rapporteur)
    with pytest.raises(PermissionDenied):  # a translator into Spanish: not the French text...
        translate(spanish_outcome, spanish_translator, "<p>Texte</p>")
    with pytest.raises(PermissionDenied):  # ...nor the original, though it is in Spanish
        write(spanish_outcome, spanish_translator, "<p>Cambiado</p>")
    with pytest.raises(PermissionDenied):  # the rapporteur writes the original, not its translations
        translate(spanish_outcome, rapporteur, "<p>Texte</p>")
    with pytest.raises(PermissionDenied):  # a translator of another meeting
        other = UserFactory()
        translate(spanish_outcome, other, "<p>Texte</p>")
    assert not OutcomeRevision.objects.filter(section__language="fr").exists()


def test_a_revoked_translator_is_refused(spanish_outcome, rapporteur, french_translator):
    from django.utils import timezone

    write(spanish_outcome, rapporteur)
    MeetingRole.objects.filter(user=french_translator).update(revoked_at=timezone.now())
    french_translator = type(french_translator).objects.get(pk=french_translator.pk)  # a new request
    with pytest.raises(PermissionDenied):
        translate(spanish_outcome, french_translator, "<p>Texte</p>")


def test_the_chair_office_may_translate(spanish_outcome, rapporteur, chair):
    write(spanish_outcome, rapporteur)
    assert translate(spanish_outcome, chair, "<p>Texte</p>").applied


def test_hostile_html_in_a_translation_is_cleaned_as_in_the_original(spanish_outcome, rapporteur, french_translator):
    write(spanish_outcome, rapporteur)
    hostile = '<p onclick="steal()">Texte<script>alert(1)</script></p><img src="https://evil.example/x.png">'
    translation = translate(spanish_outcome, french_translator, hostile).revision
    original = write(spanish_outcome, rapporteur, hostile, kind="conclusions").revision
    assert translation.html == original.html == "<p>Texte</p>"


def test_two_translators_saving_from_the_same_base_keep_both_texts(
    spanish_outcome, rapporteur, french_translator, meeting
):
    write(spanish_outcome, rapporteur)
    colleague = translator(meeting, "fr")
    first = translate(spanish_outcome, french_translator, "<p>Première traduction.</p>")
    section = section_of(spanish_outcome, "summary", "fr")
    second = section_save(
        section=section,
        actor=colleague,
        html="<p>Seconde traduction.</p>",
        base_revision_id=None,  # opened before the first was saved
        source_revision_id=first.revision.source_id,
    )
    assert second.conflict and second.head == first.revision
    assert second.revision.origin == OutcomeRevision.Origin.CONFLICT
    assert second.revision.html == "<p>Seconde traduction.</p>"


def test_the_rapporteur_and_a_translator_saving_at_once_lose_nothing(spanish_outcome, rapporteur, french_translator):
    source = write(spanish_outcome, rapporteur).revision
    # The translator's editor shows `source`; the rapporteur saves a newer original meanwhile.
    newer = write(spanish_outcome, rapporteur, "<p>Los gobiernos deben reducirlos ya.</p>").revision
    translated = translate(spanish_outcome, french_translator, "<p>Les gouvernements.</p>", source=source.pk)
    assert translated.applied and translated.revision.source == source
    assert section_of(spanish_outcome).current_revision == newer
    assert status(spanish_outcome).needs_update


def test_restoring_a_translation_keeps_what_it_translated(spanish_outcome, rapporteur, french_translator):
    write(spanish_outcome, rapporteur)
    first = translate(spanish_outcome, french_translator, "<p>Un.</p>").revision
    write(spanish_outcome, rapporteur, "<p>Otro texto.</p>")
    translate(spanish_outcome, french_translator, "<p>Deux.</p>")
    restored = revision_restore(revision=first, actor=french_translator)
    assert restored.source_id == first.source_id
    assert status(spanish_outcome).needs_update
    with pytest.raises(PermissionDenied):
        revision_restore(revision=first, actor=rapporteur)


def _sign_off_and_publish(outcome, rapporteur, chair):
    outcome_submit(outcome=outcome, actor=rapporteur)
    outcome_approve(outcome=outcome, actor=chair)
    return outcome_publish(outcome=outcome, actor=chair)


def test_publishing_publishes_the_up_to_date_translations_only(spanish_outcome, rapporteur, french_translator, chair):
    write(spanish_outcome, rapporteur)
    write(spanish_outcome, rapporteur, "<p>Conclusiones.</p>", kind="conclusions")
    translate(spanish_outcome, french_translator, "<p>Résumé.</p>")
    translate(spanish_outcome, french_translator, "<p>Conclusions.</p>", kind="conclusions")
    write(spanish_outcome, rapporteur, "<p>Conclusiones revisadas.</p>", kind="conclusions")
    outcome = _sign_off_and_publish(spanish_outcome, rapporteur, chair)
    assert section_of(outcome, "summary", "fr").published_revision is not None
    assert section_of(outcome, "conclusions", "fr").published_revision is None  # needs update
    assert section_of(outcome, "conclusions").published_revision == section_of(outcome, "conclusions").current_revision
    french = {s.kind: s for s in reading_sections(outcome, "fr")}
    assert (french["summary"].html, french["summary"].fallback) == ("<p>Résumé.</p>", False)
    assert (french["conclusions"].html, french["conclusions"].language) == ("<p>Conclusiones revisadas.</p>", "es")
    assert french["conclusions"].fallback and translation_pending(list(french.values()))
    english = reading_sections(outcome, "en")
    assert all(section.fallback and section.language == "es" for section in english)
    assert not translation_pending(reading_sections(outcome, "es"))


def test_a_translation_finished_after_publication_is_published_by_its_translator(
    spanish_outcome, rapporteur, french_translator, spanish_translator, chair
):
    write(spanish_outcome, rapporteur)
    outcome = _sign_off_and_publish(spanish_outcome, rapporteur, chair)
    assert outcome.translations_published_at is None
    translate(outcome, french_translator, "<p>Résumé.</p>")
    assert reading_sections(outcome, "fr")[0].fallback  # a draft translation is not public
    with pytest.raises(PermissionDenied):
        translation_publish(outcome=outcome, language="fr", actor=spanish_translator)
    published = translation_publish(outcome=outcome, language="fr", actor=french_translator)
    assert [section.kind for section in published] == ["summary"]
    outcome.refresh_from_db()
    assert outcome.translations_published_at is not None
    assert reading_sections(outcome, "fr")[0].html == "<p>Résumé.</p>"
    with pytest.raises(ValidationError):  # nothing new to publish
        translation_publish(outcome=outcome, language="fr", actor=french_translator)
    assert ActivityLog.objects.filter(action="outcomes.translation.published").count() == 1


def test_translations_are_published_with_the_outcome_not_before(spanish_outcome, rapporteur, french_translator):
    write(spanish_outcome, rapporteur)
    translate(spanish_outcome, french_translator, "<p>Résumé.</p>")
    with pytest.raises(ValidationError):
        translation_publish(outcome=spanish_outcome, language="fr", actor=french_translator)


def test_an_approved_outcome_reads_its_up_to_date_translations(spanish_outcome, rapporteur, french_translator, chair):
    write(spanish_outcome, rapporteur)
    translate(spanish_outcome, french_translator, "<p>Résumé.</p>")
    outcome_submit(outcome=spanish_outcome, actor=rapporteur)
    outcome_approve(outcome=spanish_outcome, actor=chair)
    assert reading_sections(spanish_outcome, "fr")[0].html == "<p>Résumé.</p>"


def test_the_public_stamp_changes_when_a_translation_is_published(
    spanish_outcome, rapporteur, french_translator, chair
):
    write(spanish_outcome, rapporteur)
    outcome = _sign_off_and_publish(spanish_outcome, rapporteur, chair)

    def stamp():
        expression = published_outcome_stamp(outcome.session_id, Value(outcome.session.meeting_id))
        return Outcome.objects.annotate(stamp=expression).values_list("stamp", flat=True).first()

    before = stamp()
    translate(outcome, french_translator, "<p>Résumé.</p>")
    assert stamp() == before  # a draft translation changes nothing public
    translation_publish(outcome=outcome, language="fr", actor=french_translator)
    assert stamp() != before


def test_reading_sections_costs_one_query(spanish_outcome, rapporteur, django_assert_num_queries):
    for kind in ("summary", "conclusions", "follow_up"):
        write(spanish_outcome, rapporteur, f"<p>{kind}</p>", kind=kind)
    with django_assert_num_queries(1):
        assert len(reading_sections(spanish_outcome, "fr")) == 3
    with django_assert_num_queries(1):
        assert len(translation_rows(spanish_outcome, "fr")) == 5


def test_the_completeness_page_lists_outcomes_lacking_an_up_to_date_translation(
    spanish_outcome, rapporteur, french_translator, meeting, session
):
    from gfmd.translation_gaps import gap_counts, gap_row, with_gaps
    from outcomes.selectors import translation_gaps
    from outcomes.tests.factories import OutcomeFactory
    from roundtables.tests.factories import SessionFactory

    OutcomeFactory(session=SessionFactory(roundtable=session.roundtable, code="1.2"))  # nothing written: no gap
    write(spanish_outcome, rapporteur)
    (gaps,) = translation_gaps(meeting)

    def rows():
        return [gap_row(gaps, item) for item in with_gaps(gaps)]

    assert gap_counts(gaps).total == 2
    assert [(row.name, row.languages) for row in rows()] == [(f"1.1 {session.title}", ["fr"])]
    assert gap_counts(gaps).missing == {"fr": 1, "es": 0}  # English lacks it too, but is not a column
    translate(spanish_outcome, french_translator, "<p>Résumé.</p>")
    assert rows() == []  # French done (the page's columns are French and Spanish)
    write(spanish_outcome, rapporteur, "<p>Cambio.</p>")
    assert rows()[0].languages == ["fr"]  # needs update
