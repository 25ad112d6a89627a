"""The recommendations' pages: marking them on the outcome's workspace (who sees which button, errors
next to the fields, hostile input), the stable public page by identifier, and the session's page."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from delegations.tests.factories import DelegationFactory
from followup.models import Recommendation
from followup.services.recommendations import recommendation_update
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
from gfmd.tests.queries import count_queries
from outcomes.services import outcome_submit
from outcomes.tests.factories import co_chair_representative
from roundtables.models import Meeting

pytestmark = pytest.mark.django_db


def _workspace(outcome) -> str:
    return reverse("outcomes:workspace", kwargs={"session_pk": outcome.session_id})


def _add_url(outcome) -> str:
    return reverse("followup:recommendation_add", kwargs={"outcome_pk": outcome.pk})


def _edit_url(recommendation) -> str:
    return reverse(
        "followup:recommendation_edit", kwargs={"outcome_pk": recommendation.outcome_id, "pk": recommendation.pk}
    )


def _remove_url(recommendation) -> str:
    return reverse(
        "followup:recommendation_remove", kwargs={"outcome_pk": recommendation.outcome_id, "pk": recommendation.pk}
    )


def _public(identifier: str) -> str:
    return reverse("followup:recommendation", kwargs={"identifier": identifier})


FORM = {
    "text_es": "Los gobiernos deben actualizar sus perfiles migratorios.",
    "text_en": "Governments should update their Migration Profiles.",
    "addressees": ["governments", "gfmd"],
}


# -- Marking them ---------------------------------------------------------------------------------


def test_the_rapporteur_adds_a_recommendation_from_the_workspace(client, outcome, rapporteur):
    client.force_login(rapporteur)
    workspace = client.get(_workspace(outcome)).content.decode()
    assert 'id="recommendations"' in workspace and _add_url(outcome) in workspace
    form = client.get(_add_url(outcome))
    assert form.status_code == 200
    page = form.content.decode()
    assert page.index("Text in Spanish (original)") < page.index("Text in English (translation, optional)")
    response = client.post(_add_url(outcome), {**FORM, "themes": [theme("migration-data").pk]})
    assert response.status_code == 302
    assert response.url == _workspace(outcome) + "#recommendations"
    recommendation = Recommendation.objects.get()
    assert (recommendation.number, recommendation.text_es, recommendation.addressees) == (
        1,
        FORM["text_es"],
        ["governments", "gfmd"],
    )
    workspace = client.get(_workspace(outcome)).content.decode()
    assert "GFMD-2010-1.1-R1" in workspace
    assert FORM["text_es"] in workspace
    assert "not published yet" in workspace
    assert _edit_url(recommendation) in workspace and _remove_url(recommendation) in workspace


def test_errors_show_next_to_their_fields(client, outcome, rapporteur):
    client.force_login(rapporteur)
    response = client.post(_add_url(outcome), {"text_en": "Only English.", "addressees": []})
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors == {
        "text_es": ["Write the recommendation in the outcome's original language (Spanish)."],
    }
    response = client.post(_add_url(outcome), {"text_es": "Texto.", "addressees": []})
    assert response.context["form"].errors == {"addressees": ["Say to whom the recommendation is addressed."]}
    response = client.post(_add_url(outcome), {"text_es": "x" * 2001, "addressees": ["gfmd"]})
    assert list(response.context["form"].errors) == ["text_es"]
    response = client.post(_add_url(outcome), {"text_es": "Texto.", "addressees": ["<script>"]})
    assert list(response.context["form"].errors) == ["addressees"]
    assert not Recommendation.objects.exists()


def test_hostile_text_is_stored_plain_and_shown_escaped(client, outcome, rapporteur, chair):
    client.force_login(rapporteur)
    hostile = '<img src=x onerror="alert(1)">Proteger & <b>garantizar</b> "derechos" <a < b>'
    client.post(_add_url(outcome), {"text_es": hostile, "addressees": ["governments"]})
    assert Recommendation.objects.get().text_es == 'Proteger & garantizar "derechos"'
    workspace = client.get(_workspace(outcome)).content.decode()
    assert "onerror" not in workspace and "<b>garantizar" not in workspace
    publish(outcome, rapporteur, chair)
    client.logout()
    page = client.get(_public("GFMD-2010-1.1-R1")).content.decode()
    assert "Proteger &amp; garantizar &quot;derechos&quot;" in page
    assert "<img" not in page.split("<main", 1)[1]


def test_someone_off_the_team_gets_404(client, outcome, rapporteur):
    recommendation = add(outcome, rapporteur)
    client.force_login(UserFactory())
    for url in (_add_url(outcome), _edit_url(recommendation), _remove_url(recommendation)):
        assert client.get(url).status_code == 404
        assert client.post(url, FORM).status_code == 404
    assert Recommendation.objects.count() == 1


def test_a_co_chair_reads_but_cannot_mark(client, outcome, rapporteur, session):
    recommendation = add(outcome, rapporteur)
    co_chair = co_chair_representative(session, DelegationFactory(country="MX"))
    client.force_login(co_chair)
    workspace = client.get(_workspace(outcome)).content.decode()
    assert "GFMD-2010-1.1-R1" in workspace
    assert _add_url(outcome) not in workspace and _edit_url(recommendation) not in workspace
    for url in (_add_url(outcome), _edit_url(recommendation), _remove_url(recommendation)):
        assert client.post(url, FORM).status_code == 403
    assert Recommendation.objects.get().text_es == "Los gobiernos deben actualizar sus perfiles migratorios."


def test_the_add_page_after_submission_says_why(client, outcome, rapporteur):
    write_summary(outcome, rapporteur)
    outcome_submit(outcome=outcome, actor=rapporteur)
    client.force_login(rapporteur)
    assert _add_url(outcome) not in client.get(_workspace(outcome)).content.decode()
    response = client.post(_add_url(outcome), FORM, follow=True)
    assert "no longer being drafted" in response.content.decode()
    assert not Recommendation.objects.exists()


def test_a_closed_meetings_outcome_offers_no_button(client, outcome, rapporteur, meeting):
    add(outcome, rapporteur)
    Meeting.objects.filter(pk=meeting.pk).update(closed_at=timezone.now())
    client.force_login(rapporteur)
    workspace = client.get(_workspace(outcome)).content.decode()
    assert _add_url(outcome) not in workspace and "/edit/" not in workspace
    assert client.post(_add_url(outcome), FORM).status_code == 302
    assert Recommendation.objects.count() == 1


def test_the_rapporteur_edits_and_removes(client, outcome, rapporteur):
    recommendation = add(outcome, rapporteur)
    client.force_login(rapporteur)
    response = client.post(_edit_url(recommendation), {**FORM, "text_es": "Texto corregido."})
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.text_es == "Texto corregido."
    assert "will not be given to another" in client.get(_remove_url(recommendation)).content.decode()
    assert client.post(_remove_url(recommendation)).status_code == 302
    assert not Recommendation.objects.exists()
    client.post(_add_url(outcome), FORM)
    assert Recommendation.objects.get().number == 2


def test_a_published_recommendation_offers_no_removal(client, outcome, rapporteur, chair):
    recommendation = add(outcome, rapporteur)
    publish(outcome, rapporteur, chair)
    client.force_login(chair)
    assert _remove_url(recommendation) not in client.get(_workspace(outcome)).content.decode()
    response = client.post(_remove_url(recommendation))
    assert response.status_code == 400
    assert "cannot be removed" in response.content.decode()
    assert Recommendation.objects.filter(pk=recommendation.pk).exists()


def test_a_translator_fills_only_their_language(client, outcome, rapporteur, chair, meeting):
    recommendation = add(outcome, rapporteur)
    publish(outcome, rapporteur, chair)
    french = translator(meeting, "fr")
    client.force_login(french)
    assert _edit_url(recommendation) in client.get(_workspace(outcome)).content.decode()
    form = client.get(_edit_url(recommendation)).context["form"]
    assert [name for name, field in form.fields.items() if not field.disabled] == ["text_fr"]
    response = client.post(
        _edit_url(recommendation),
        {"text_fr": "Les gouvernements mettent à jour leurs profils migratoires.", "text_es": "Hackeado."},
    )
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.text_fr == "Les gouvernements mettent à jour leurs profils migratoires."
    assert recommendation.text_es == "Los gobiernos deben actualizar sus perfiles migratorios."  # disabled: ignored
    assert recommendation.addressees == ["governments"]


@pytest.mark.parametrize("count", [1, 3])
def test_the_workspace_card_costs_the_same_with_more_recommendations(client, outcome, rapporteur, count):
    for n in range(count):
        recommendation = add(outcome, rapporteur, text=f"Recomendación {n}.")
        recommendation.themes.set([theme("diasporas"), theme("remittances")])
    client.force_login(rapporteur)
    count_queries(client, _workspace(outcome))  # warm the per-process caches (content types)
    assert count_queries(client, _workspace(outcome)) == WORKSPACE_QUERIES


WORKSPACE_QUERIES = 19  # the same with 1 and 3 recommendations (themes prefetched)


def test_the_list_url_leads_to_the_workspace_card(client, outcome, rapporteur):
    client.force_login(rapporteur)
    response = client.get(reverse("followup:outcome_recommendations", kwargs={"outcome_pk": outcome.pk}))
    assert response.url == _workspace(outcome) + "#recommendations"


# -- The public page ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "identifier",
    [
        "nonsense",
        "GFMD-2010-1.1-R",
        "GFMD-2010-1.1-R0",
        "GFMD-2010-1.1-R99999",
        "GFMD-10-1.1-R1",
        "GFMD-2010--R1",
        "GFMD-2010-1.1-R1-R1",
        "GFMD-2010-9.9-R1",
        "GFMD-2011-1.1-R1",
        "GFMD-2010-1.1-R2",
        "GFMD-2010-1.1-R1%00",
        "GFMD-2010-1.1'--R1",
    ],
)
def test_a_malformed_or_unknown_identifier_is_404(client, outcome, rapporteur, chair, identifier):
    add(outcome, rapporteur)
    publish(outcome, rapporteur, chair)
    assert client.get(f"/recommendations/{identifier}/").status_code == 404


def test_an_unpublished_recommendation_is_404_for_everyone(client, outcome, rapporteur):
    add(outcome, rapporteur)
    assert client.get(_public("GFMD-2010-1.1-R1")).status_code == 404
    client.force_login(rapporteur)
    assert client.get(_public("GFMD-2010-1.1-R1")).status_code == 404


def test_the_public_page_names_the_meeting_and_session(client, outcome, rapporteur, chair, session, meeting):
    recommendation = add(
        outcome, rapporteur, texts={"es": "Los gobiernos deben actualizar sus perfiles.", "en": "Governments should."}
    )
    recommendation.themes.set([theme("migration-data")])
    publish(outcome, rapporteur, chair)
    response = client.get(_public("GFMD-2010-1.1-R1"))
    assert response.status_code == 200
    page = response.content.decode()
    assert meeting.title in page
    assert reverse("roundtables:session_detail", kwargs={"number": meeting.number, "pk": session.pk}) in page
    assert session.title in page
    assert "Governments should." in page  # the reader's language (English)
    assert "data-original-note" not in page
    assert "Migration data, research and Migration Profiles" in page
    assert "Governments" in page and "Proposed" in page


def test_the_public_page_falls_back_to_the_original_with_a_note(client, outcome, rapporteur, chair):
    add(outcome, rapporteur, texts={"es": "Los gobiernos deben actualizar sus perfiles."})
    publish(outcome, rapporteur, chair)
    page = client.get(_public("GFMD-2010-1.1-R1"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert 'lang="es">Los gobiernos deben actualizar sus perfiles.' in page
    assert "data-original-note" in page


def test_an_identifier_in_lower_case_redirects_to_its_canonical_spelling(client, outcome, rapporteur, chair):
    add(outcome, rapporteur)
    publish(outcome, rapporteur, chair)
    response = client.get("/recommendations/gfmd-2010-1.1-r1/")
    assert (response.status_code, response.url) == (301, _public("GFMD-2010-1.1-R1"))


# -- The session's public page, the print layout -------------------------------------------------


def test_the_session_page_lists_published_recommendations_and_its_etag_follows_them(
    client, outcome, rapporteur, chair, meeting
):
    from roundtables.services import programme_publish

    session = outcome.session
    recommendation = add(outcome, rapporteur, texts={"es": "Recomendación pública.", "en": "A public one."})
    programme_publish(meeting=meeting, actor=chair)
    url = reverse("roundtables:session_detail", kwargs={"number": meeting.number, "pk": session.pk})
    assert "GFMD-2010-1.1-R1" not in client.get(url).content.decode()
    publish(outcome, rapporteur, chair)
    published = client.get(url)
    page = published.content.decode()
    assert "Recommendations of the session" in page
    assert _public("GFMD-2010-1.1-R1") in page and "A public one." in page
    etag = published.headers["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304

    recommendation_update(recommendation=recommendation, actor=translator(meeting, "fr"), texts={"fr": "Une."})
    translated = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert translated.status_code == 200  # a translation changed the page
    etag = translated.headers["ETag"]
    Recommendation.objects.filter(pk=recommendation.pk).update(
        status=Recommendation.Status.IN_PROGRESS, status_changed_at=timezone.now()
    )
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200  # so did a change of status
    assert "In progress" in changed.content.decode()


def test_the_session_partial_is_empty_without_published_recommendations(outcome, rapporteur):
    add(outcome, rapporteur)
    html = render_to_string("followup/partials/session_followup.html", {"session": outcome.session})
    assert "Recommendations of the session" not in html


def test_the_print_layout_lists_the_recommendations(client, outcome, rapporteur, chair):
    add(outcome, rapporteur, texts={"es": "Recomendación impresa."})
    client.force_login(rapporteur)
    draft = client.get(reverse("outcomes:print", kwargs={"pk": outcome.pk})).content.decode()
    assert "GFMD-2010-1.1-R1" in draft and "Recomendación impresa." in draft
    publish(outcome, rapporteur, chair)
    client.logout()
    printed = client.get(reverse("outcomes:print", kwargs={"pk": outcome.pk})).content.decode()
    presented = client.get(reverse("outcomes:present", kwargs={"pk": outcome.pk})).content.decode()
    assert "Recomendación impresa." in printed
    assert 'id="marked-recommendations"' in presented and "Recomendación impresa." in presented
