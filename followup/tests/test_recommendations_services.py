"""The recommendations' services: who may mark them and when, numbers never reused, plain text only,
translators' languages, and publication with the outcome."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.tests.factories import UserFactory
from activity.models import ActivityLog
from followup.models import Recommendation
from followup.services.recommendations import (
    TEXT_MAX_LENGTH,
    clean_text,
    recommendation_add,
    recommendation_remove,
    recommendation_update,
)
from followup.tests.factories import theme
from followup.tests.factories_recommendations import (  # noqa: F401  (fixtures)
    add,
    outcome_fixture,
    publish,
    rapporteur_fixture,
    session_fixture,
    translator,
    write_summary,
)
from outcomes.services import outcome_return, outcome_submit
from outcomes.tests.factories import rapporteur_of
from roundtables.editions import MeetingClosed
from roundtables.models import Meeting
from roundtables.tests.factories import RoundtableFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_the_rapporteur_marks_a_recommendation(outcome, rapporteur):
    recommendation = recommendation_add(
        outcome=outcome,
        actor=rapporteur,
        texts={"es": "Los gobiernos deben actualizar sus perfiles migratorios.", "fr": ""},
        addressees=["international_organisations", "governments"],
        themes=[theme("migration-data"), theme("policy-coherence").pk],
    )
    recommendation.refresh_from_db()
    assert recommendation.number == 1
    assert recommendation.identifier == "GFMD-2010-1.1-R1"
    assert recommendation.text_es == "Los gobiernos deben actualizar sus perfiles migratorios."
    assert recommendation.text_fr is None
    assert recommendation.addressees == ["governments", "international_organisations"]  # the list's order
    assert sorted(t.slug for t in recommendation.themes.all()) == ["migration-data", "policy-coherence"]
    assert recommendation.published_at is None
    assert recommendation.created_by == rapporteur
    entry = ActivityLog.objects.get(action="followup.recommendation.added")
    assert (entry.actor, entry.meeting, entry.data["number"]) == (rapporteur, outcome.session.meeting, 1)


def test_the_chair_office_marks_a_recommendation(outcome, chair):
    assert add(outcome, chair).number == 1


def test_another_sessions_rapporteur_is_refused(outcome, meeting):
    other = rapporteur_of(SessionFactory(roundtable=RoundtableFactory(meeting=meeting), code="2.1"))
    with pytest.raises(PermissionDenied):
        add(outcome, other)
    assert not Recommendation.objects.exists()


def test_a_delegate_is_refused(outcome):
    with pytest.raises(PermissionDenied):
        add(outcome, UserFactory())


def test_a_translator_cannot_mark_a_recommendation(outcome, meeting):
    with pytest.raises(PermissionDenied):
        add(outcome, translator(meeting, "fr"))


def test_a_submitted_outcome_is_refused(outcome, rapporteur):
    write_summary(outcome, rapporteur)
    outcome_submit(outcome=outcome, actor=rapporteur)
    with pytest.raises(ValidationError, match="no longer being drafted"):
        add(outcome, rapporteur)


def test_a_returned_outcome_takes_recommendations_again(outcome, rapporteur, chair):
    write_summary(outcome, rapporteur)
    outcome_submit(outcome=outcome, actor=rapporteur)
    outcome_return(outcome=outcome, actor=chair, comment="Add the recommendations.")
    assert add(outcome, rapporteur).number == 1


def test_a_published_outcome_is_refused_even_to_the_chair_office(outcome, rapporteur, chair):
    publish(outcome, rapporteur, chair)
    with pytest.raises(ValidationError):
        add(outcome, chair)


def test_a_closed_meeting_is_refused(outcome, rapporteur, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(closed_at=timezone.now())
    with pytest.raises(MeetingClosed):
        add(outcome, rapporteur)


def test_the_original_language_text_is_required(outcome, rapporteur):
    with pytest.raises(ValidationError) as refused:
        add(outcome, rapporteur, texts={"en": "Governments should update their Migration Profiles."})
    assert refused.value.message_dict == {
        "text_es": ["Write the recommendation in the outcome's original language (Spanish)."]
    }


@pytest.mark.parametrize(
    ("addressees", "field"),
    [([], "addressees"), (["governments", "everyone"], "addressees")],
)
def test_addressees_are_required_and_from_the_list(outcome, rapporteur, addressees, field):
    with pytest.raises(ValidationError) as refused:
        add(outcome, rapporteur, addressees=addressees)
    assert list(refused.value.message_dict) == [field]


@pytest.mark.parametrize("themes", [[999999], ["1 OR 1=1"]])
def test_themes_must_exist(outcome, rapporteur, themes):
    with pytest.raises(ValidationError) as refused:
        add(outcome, rapporteur, themes=themes)
    assert list(refused.value.message_dict) == ["themes"]


def test_numbers_are_never_reused(outcome, rapporteur):
    first, second, third = (add(outcome, rapporteur, text=f"Recomendación {n}.") for n in (1, 2, 3))
    recommendation_remove(recommendation=third, actor=rapporteur)
    recommendation_remove(recommendation=second, actor=rapporteur)
    assert add(outcome, rapporteur).number == 4
    recommendation_remove(recommendation=first, actor=rapporteur)
    assert add(outcome, rapporteur).number == 5
    removed = ActivityLog.objects.filter(action="followup.recommendation.removed").order_by("pk")
    assert [entry.data["identifier"] for entry in removed] == [
        "GFMD-2010-1.1-R3",
        "GFMD-2010-1.1-R2",
        "GFMD-2010-1.1-R1",
    ]


def test_numbers_count_per_outcome(outcome, rapporteur, meeting, chair):
    add(outcome, rapporteur)
    other = SessionFactory(roundtable=RoundtableFactory(meeting=meeting), code="2.1")
    from outcomes.services import outcome_start

    other_outcome = outcome_start(session=other, actor=chair)
    assert add(other_outcome, chair, text="Governments should cooperate.").number == 1


def test_a_published_recommendation_cannot_be_removed(outcome, rapporteur, chair):
    recommendation = add(outcome, rapporteur)
    publish(outcome, rapporteur, chair)
    recommendation.refresh_from_db()
    with pytest.raises(ValidationError, match="cannot be removed"):
        recommendation_remove(recommendation=recommendation, actor=chair)
    assert Recommendation.objects.filter(pk=recommendation.pk).exists()


def test_a_stranger_cannot_remove(outcome, rapporteur):
    recommendation = add(outcome, rapporteur)
    with pytest.raises(PermissionDenied):
        recommendation_remove(recommendation=recommendation, actor=UserFactory())


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        ("<script>alert('x')</script>Proteger a las víctimas.", "alert('x')Proteger a las víctimas."),
        ('<img src=x onerror="alert(1)">Proteger <b>siempre</b>.', "Proteger siempre."),
        ("Costes < 3 % & más", "Costes < 3 % & más"),
        ("  Uno\u202e\u0000 dos\t\ttres  \r\n\r\n\r\n\r\ncuatro ", "Uno dos tres\n\ncuatro"),
    ],
)
def test_text_is_stored_as_plain_text(outcome, rapporteur, sent, stored):
    assert clean_text(sent) == stored
    assert add(outcome, rapporteur, text=sent).text_es == stored


def test_a_text_too_long_is_refused(outcome, rapporteur):
    with pytest.raises(ValidationError) as refused:
        add(outcome, rapporteur, text="a" * (TEXT_MAX_LENGTH + 1))
    assert list(refused.value.message_dict) == ["text_es"]
    assert add(outcome, rapporteur, text="a" * TEXT_MAX_LENGTH).number == 1


def test_markup_only_counts_as_no_text(outcome, rapporteur):
    with pytest.raises(ValidationError):
        add(outcome, rapporteur, text="<p> </p>")


def test_the_rapporteur_edits_while_drafting(outcome, rapporteur):
    recommendation = add(outcome, rapporteur)
    before = recommendation.updated_at
    recommendation_update(
        recommendation=recommendation,
        actor=rapporteur,
        texts={"es": "Texto nuevo.", "en": "New text."},
        addressees=["gfmd"],
        themes=[theme("diasporas")],
    )
    recommendation.refresh_from_db()
    assert (recommendation.text_es, recommendation.text_en, recommendation.addressees) == (
        "Texto nuevo.",
        "New text.",
        ["gfmd"],
    )
    assert [t.slug for t in recommendation.themes.all()] == ["diasporas"]
    assert recommendation.updated_at > before
    assert ActivityLog.objects.filter(action="followup.recommendation.changed").count() == 1


def test_the_rapporteur_cannot_edit_once_submitted(outcome, rapporteur):
    recommendation = add(outcome, rapporteur)
    write_summary(outcome, rapporteur)
    outcome_submit(outcome=outcome, actor=rapporteur)
    for texts in ({"es": "Otro texto."}, {"fr": "Un autre texte."}):
        with pytest.raises(ValidationError, match="no longer being drafted"):
            recommendation_update(recommendation=recommendation, actor=rapporteur, texts=texts)


def test_a_translator_fills_their_language_after_publication(outcome, rapporteur, chair, meeting):
    recommendation = add(outcome, rapporteur)
    publish(outcome, rapporteur, chair)
    french = translator(meeting, "fr")
    recommendation_update(recommendation=recommendation, actor=french, texts={"fr": "Les gouvernements..."})
    recommendation.refresh_from_db()
    assert recommendation.text_fr == "Les gouvernements..."
    assert ActivityLog.objects.filter(action="followup.recommendation.translated").count() == 1


def test_a_translator_writes_only_their_language(outcome, rapporteur, meeting):
    recommendation = add(outcome, rapporteur)
    french = translator(meeting, "fr")
    with pytest.raises(ValidationError, match="languages you translate into"):
        recommendation_update(recommendation=recommendation, actor=french, texts={"en": "Governments..."})
    with pytest.raises(PermissionDenied):  # the original is the rapporteur's
        recommendation_update(recommendation=recommendation, actor=french, texts={"es": "Otro."})
    with pytest.raises(PermissionDenied):  # so are the addressees
        recommendation_update(recommendation=recommendation, actor=french, texts={}, addressees=["gfmd"])


def test_a_translator_of_another_meeting_is_refused(outcome, rapporteur):
    from roundtables.tests.factories import MeetingFactory

    recommendation = add(outcome, rapporteur)
    with pytest.raises(PermissionDenied):
        recommendation_update(
            recommendation=recommendation, actor=translator(MeetingFactory(number=9), "fr"), texts={"fr": "Non."}
        )


def test_publishing_the_outcome_publishes_its_recommendations(outcome, rapporteur, chair):
    first, second = add(outcome, rapporteur), add(outcome, rapporteur, text="Otra.")
    publish(outcome, rapporteur, chair)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.published_at is not None and second.published_at is not None
    assert list(Recommendation.objects.published()) == [first, second]


def test_no_recommendation_can_be_added_after_publication(outcome, rapporteur, chair):
    # Outcomes cannot return to drafting once published (outcomes.services.outcome_return): nothing is
    # added to a published outcome, so no unpublished recommendation hides in a public one.
    publish(outcome, rapporteur, chair)
    with pytest.raises(ValidationError):
        add(outcome, rapporteur)
    with pytest.raises(ValidationError):
        outcome_return(outcome=outcome, actor=chair, comment="Again.")
