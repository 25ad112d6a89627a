"""The translator's side-by-side editor (outcomes:translate) and the saves, history, restore, heads
and publication of translation sections: who may see and write which language."""

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from delegations.tests.factories import RegistrationFactory
from outcomes.models import Outcome, OutcomeRevision
from outcomes.services import (
    outcome_approve,
    outcome_publish,
    outcome_return,
    outcome_submit,
    section_save,
)
from outcomes.tests.factories import section_of
from outcomes.tests.test_views import CLEAN, HOSTILE
from roundtables.models import MeetingRole

pytestmark = pytest.mark.django_db


def translator(meeting, language: str):
    person = UserFactory()
    MeetingRole.objects.create(meeting=meeting, user=person, role=MeetingRole.translator_role(language))
    return person


@pytest.fixture
def french(outcome):
    return translator(outcome.session.meeting, "fr")


@pytest.fixture
def spanish(outcome):
    return translator(outcome.session.meeting, "es")


def _page(outcome, language="fr"):
    return reverse("outcomes:translate", kwargs={"pk": outcome.pk, "language": language})


def _save_url(outcome, language="fr", kind="summary"):
    return reverse("outcomes:translation_save", kwargs={"pk": outcome.pk, "language": language, "kind": kind})


def _write(outcome, actor, html, kind="summary"):
    section = section_of(outcome, kind)
    return section_save(section=section, actor=actor, html=html, base_revision_id=section.current_revision_id).revision


def _translate(outcome, actor, html, language="fr", kind="summary"):
    section = section_of(outcome, kind, language)
    return section_save(
        section=section,
        actor=actor,
        html=html,
        base_revision_id=section.current_revision_id,
        source_revision_id=section_of(outcome, kind).current_revision_id,
    ).revision


def _post(client, outcome, html, *, language="fr", kind="summary", source=None, base=None, **extra):
    data = {"html": html, "source_revision": source or "", "base_revision": base or "", **extra}
    return client.post(_save_url(outcome, language, kind), data, HTTP_ACCEPT="application/json")


# --- who sees the page and who writes -------------------------------------------------------------


def test_french_translator_edits_the_french_text(client, outcome, rapporteur, french):
    _write(outcome, rapporteur, "<p>Remittances matter.</p>")
    client.force_login(french)
    response = client.get(_page(outcome))
    panes = response.context["panes"]
    assert response.status_code == 200
    assert [pane.can_edit for pane in panes] == [True] * 5
    assert [pane.status for pane in panes] == ["missing", "empty", "empty", "empty", "empty"]
    assert "Remittances matter." in response.content.decode()


def test_french_translator_reads_but_cannot_save_spanish(client, outcome, rapporteur, french):
    original = _write(outcome, rapporteur, "<p>Remittances matter.</p>")
    client.force_login(french)
    page = client.get(_page(outcome, "es"))
    response = _post(client, outcome, "<p>Las remesas importan.</p>", language="es", source=original.pk)
    assert page.status_code == 200
    assert [pane.can_edit for pane in page.context["panes"]] == [False] * 5
    assert response.status_code == 403
    assert section_of(outcome, "summary", "es").current_revision is None


def test_translator_cannot_save_the_original(client, outcome, rapporteur, french):
    original = _write(outcome, rapporteur, "<p>Remittances matter.</p>")
    client.force_login(french)
    url = reverse("outcomes:section_save", kwargs={"pk": outcome.pk, "kind": "summary"})
    response = client.post(url, {"html": "<p>Changed.</p>", "base_revision": original.pk})
    assert response.status_code == 403
    assert section_of(outcome).html == "<p>Remittances matter.</p>"


def test_the_original_language_has_no_translate_page(client, outcome, french):
    client.force_login(french)
    assert client.get(_page(outcome, "en")).status_code == 404
    assert client.get(_page(outcome, "de")).status_code == 404
    assert _post(client, outcome, "<p>x</p>", language="en").status_code == 404


def test_rapporteur_reads_the_translation_but_cannot_save_it(client, outcome, rapporteur):
    original = _write(outcome, rapporteur, "<p>Remittances matter.</p>")
    client.force_login(rapporteur)
    page = client.get(_page(outcome))
    response = _post(client, outcome, "<p>Les envois de fonds comptent.</p>", source=original.pk)
    assert page.status_code == 200
    assert page.context["can_edit"] is False
    assert response.status_code == 403
    assert section_of(outcome, "summary", "fr").current_revision is None


@pytest.mark.parametrize("who", ["anonymous", "delegate", "translator of another meeting"])
def test_strangers_get_404(client, outcome, rapporteur, who):
    from roundtables.tests.factories import MeetingFactory

    original = _write(outcome, rapporteur, "<p>Remittances matter.</p>")
    if who == "delegate":
        delegate = UserFactory()
        RegistrationFactory(meeting=outcome.session.meeting, person=delegate)
        client.force_login(delegate)
    elif who == "translator of another meeting":
        client.force_login(translator(MeetingFactory(), "fr"))
    page = client.get(_page(outcome))
    save = _post(client, outcome, "<p>Vandalised</p>", source=original.pk)
    assert page.status_code == (302 if who == "anonymous" else 404)
    assert save.status_code == (302 if who == "anonymous" else 404)
    assert section_of(outcome, "summary", "fr").current_revision is None


def test_chair_office_translates(client, outcome, rapporteur, chair):
    original = _write(outcome, rapporteur, "<p>Remittances matter.</p>")
    client.force_login(chair)
    page = client.get(_page(outcome, "es"))
    body = _post(client, outcome, "<p>Las remesas importan.</p>", language="es", source=original.pk).json()
    assert page.context["can_edit"] is True
    assert (body["status"], body["translation"]) == ("saved", {"status": "up_to_date", "label": "Up to date"})


# --- saving, needs update -------------------------------------------------------------------------


def test_save_records_the_original_it_translates(client, outcome, rapporteur, french):
    original = _write(outcome, rapporteur, "<p>Remittances matter.</p>")
    client.force_login(french)
    body = _post(client, outcome, "<p>Les envois de fonds comptent.</p>", source=original.pk, client_token="e.1").json()
    revision = OutcomeRevision.objects.get(pk=body["revision"])
    assert (revision.html, revision.source, revision.author) == (
        "<p>Les envois de fonds comptent.</p>",
        original,
        french,
    )
    assert section_of(outcome, "summary", "fr").current_revision == revision


def test_save_without_the_source_is_refused_next_to_the_text(client, outcome, rapporteur, french):
    _write(outcome, rapporteur, "<p>Remittances matter.</p>")
    client.force_login(french)
    response = _post(client, outcome, "<p>Les envois de fonds comptent.</p>")
    assert (response.status_code, response.json()["status"]) == (409, "locked")
    assert "Reload the page" in response.json()["message"]


def test_original_changed_shows_needs_update_with_the_diff(client, outcome, rapporteur, french):
    _write(outcome, rapporteur, "<p>Remittances matter. Skills travel.</p>")
    _translate(outcome, french, "<p>Les envois de fonds comptent. Les compétences voyagent.</p>")
    _write(outcome, rapporteur, "<p>Remittances matter. Skills travel with people.</p>")
    client.force_login(french)
    response = client.get(_page(outcome))
    summary = response.context["panes"][0]
    html = response.content.decode()
    assert (summary.status, summary.status_label) == ("needs_update", "Needs update")
    assert [(row.change, str(row.old), str(row.new)) for row in summary.changes] == [
        (
            "replace",
            "Remittances matter. Skills <del>travel.</del>",
            "Remittances matter. Skills <ins>travel with people.</ins>",
        )
    ]
    assert "<ins>travel with people.</ins>" in html
    assert "Mark as up to date" in html


def test_mark_as_up_to_date_saves_the_same_text_with_the_new_source(client, outcome, rapporteur, french):
    _write(outcome, rapporteur, "<p>Remittances matter.</p>")
    first = _translate(outcome, french, "<p>Les envois de fonds comptent.</p>")
    changed = _write(outcome, rapporteur, "<p>Remittances matter!</p>")
    client.force_login(french)
    body = _post(client, outcome, first.html, source=changed.pk, base=first.pk, mark_up_to_date="1").json()
    section = section_of(outcome, "summary", "fr")
    assert body["translation"]["status"] == "up_to_date"
    assert (section.current_revision.number, section.html, section.current_revision.source) == (2, first.html, changed)


def test_plain_form_post_saves_and_returns_to_the_translate_page(client, outcome, rapporteur, french):
    original = _write(outcome, rapporteur, "<p>Remittances matter.</p>")
    client.force_login(french)
    response = client.post(_save_url(outcome), {"html": "<p>Sans JavaScript.</p>", "source_revision": original.pk})
    assert (response.status_code, response.url) == (302, _page(outcome) + "#section-summary")
    assert section_of(outcome, "summary", "fr").html == "<p>Sans JavaScript.</p>"


def test_hostile_html_in_a_translation_is_cleaned_like_the_original(client, outcome, rapporteur, french):
    original = _write(outcome, rapporteur, "<p>Remittances matter.</p>")
    client.force_login(french)
    body = _post(client, outcome, HOSTILE, source=original.pk).json()
    assert body["status"] == "saved"
    assert section_of(outcome, "summary", "fr").html == CLEAN


def test_translation_is_written_while_the_outcome_is_submitted(client, outcome, rapporteur, french):
    original = _write(outcome, rapporteur, "<p>Remittances matter.</p>")
    outcome_submit(outcome=outcome, actor=rapporteur)
    client.force_login(french)
    body = _post(client, outcome, "<p>Les envois de fonds comptent.</p>", source=original.pk).json()
    assert body["status"] == "saved"


# --- two writers at once ----------------------------------------------------------------------------


def test_rapporteur_and_translator_saving_at_once_both_keep_their_text(client, outcome, rapporteur, french):
    original = _write(outcome, rapporteur, "<p>Remittances matter.</p>")
    translation_page = _page(outcome)
    client.force_login(french)
    client.get(translation_page)  # the translator's page shows version 1 of the original
    newer = _write(outcome, rapporteur, "<p>Remittances matter a lot.</p>")  # meanwhile, the rapporteur saves
    body = _post(client, outcome, "<p>Les envois de fonds comptent.</p>", source=original.pk).json()
    translation = section_of(outcome, "summary", "fr")
    assert body["status"] == "saved"
    assert body["translation"]["status"] == "needs_update"
    assert section_of(outcome).current_revision == newer
    assert (translation.html, translation.current_revision.source) == ("<p>Les envois de fonds comptent.</p>", original)


def test_two_translators_of_one_section_get_the_conflict_merge(client, outcome, rapporteur, french):
    original = _write(outcome, rapporteur, "<p>Remittances matter.</p>")
    colleague = translator(outcome.session.meeting, "fr")
    base = _translate(outcome, french, "<p>Les envois comptent.</p>")
    head = _translate(outcome, colleague, "<p>Les envois de fonds comptent.</p>")
    client.force_login(french)
    conflict = _post(client, outcome, "<p>Les transferts comptent.</p>", source=original.pk, base=base.pk).json()
    assert conflict["status"] == "conflict"
    assert conflict["head_html"] == "<p>Les envois de fonds comptent.</p>"
    assert f"/translate/fr/sections/summary/history/?from={head.number}" in conflict["conflict_html"]
    merged = _post(
        client,
        outcome,
        "<p>Les envois de fonds et transferts comptent.</p>",
        source=original.pk,
        base=head.pk,
        conflict_revision=conflict["revision"],
    ).json()
    section = section_of(outcome, "summary", "fr")
    assert merged["status"] == "saved"
    assert (section.html, section.current_revision.origin, section.current_revision.source) == (
        "<p>Les envois de fonds et transferts comptent.</p>",
        "merged",
        original,
    )
    assert section.revisions.count() == 4


# --- history, restore, heads -----------------------------------------------------------------------


def test_translation_history_and_restore(client, outcome, rapporteur, french):
    _write(outcome, rapporteur, "<p>Remittances matter.</p>")
    _translate(outcome, french, "<p>Un.</p>")
    _translate(outcome, french, "<p>Deux.</p>")
    client.force_login(french)
    kwargs = {"pk": outcome.pk, "language": "fr", "kind": "summary"}
    history = client.get(reverse("outcomes:translation_history", kwargs=kwargs), {"from": 1, "to": 2})
    restored = client.post(reverse("outcomes:translation_restore", kwargs={**kwargs, "number": 1}))
    section = section_of(outcome, "summary", "fr")
    assert history.context["can_restore"] is True
    assert "translates version 1 of the original" in history.content.decode()
    assert [(r.change, str(r.old), str(r.new)) for r in history.context["rows"]] == [
        ("replace", "<del>Un.</del>", "<ins>Deux.</ins>")
    ]
    assert restored.url == _page(outcome) + "#section-summary"
    assert (section.html, section.current_revision.number) == ("<p>Un.</p>", 3)


def test_spanish_translator_cannot_restore_french(client, outcome, rapporteur, french, spanish):
    _write(outcome, rapporteur, "<p>Remittances matter.</p>")
    _translate(outcome, french, "<p>Un.</p>")
    _translate(outcome, french, "<p>Deux.</p>")
    client.force_login(spanish)
    kwargs = {"pk": outcome.pk, "language": "fr", "kind": "summary"}
    history = client.get(reverse("outcomes:translation_history", kwargs=kwargs))
    response = client.post(reverse("outcomes:translation_restore", kwargs={**kwargs, "number": 1}))
    assert history.context["can_restore"] is False
    assert response.status_code == 403
    assert section_of(outcome, "summary", "fr").html == "<p>Deux.</p>"


def test_heads_of_a_language_name_the_originals_current_versions(client, outcome, rapporteur, french):
    original = _write(outcome, rapporteur, "<p>Remittances matter.</p>")
    translation = _translate(outcome, french, "<p>Les envois comptent.</p>")
    _write(outcome, rapporteur, "<p>Remittances.</p>", kind="conclusions")
    client.force_login(french)
    body = client.get(reverse("outcomes:heads", kwargs={"pk": outcome.pk}), {"language": "fr"}).json()
    conclusions = section_of(outcome, "conclusions").current_revision_id
    assert body["editable"] is True
    assert body["sections"]["summary"]["head"] == translation.pk
    assert body["sections"]["summary"]["html"] == "<p>Les envois comptent.</p>"
    assert body["originals"] == {
        "summary": original.pk,
        "conclusions": conclusions,
        "recommendations": None,
        "good_practices": None,
        "follow_up": None,
    }
    assert client.get(reverse("outcomes:heads", kwargs={"pk": outcome.pk}), {"language": "en"}).status_code == 404


# --- publication -------------------------------------------------------------------------------------


def _published(outcome, rapporteur, chair):
    outcome_submit(outcome=outcome, actor=rapporteur)
    outcome_approve(outcome=outcome, actor=chair)
    return outcome_publish(outcome=outcome, actor=chair)


def test_publish_the_translation_after_the_outcome(client, outcome, rapporteur, chair, french):
    _write(outcome, rapporteur, "<p>Remittances matter.</p>")
    _write(outcome, rapporteur, "<p>Skills travel.</p>", kind="conclusions")
    _translate(outcome, french, "<p>Les envois comptent.</p>")  # up to date: published with the outcome
    _published(outcome, rapporteur, chair)
    _translate(outcome, french, "<p>Les compétences voyagent.</p>", kind="conclusions")
    client.force_login(french)
    before = client.get(_page(outcome))
    response = client.post(
        reverse("outcomes:translation_publish", kwargs={"pk": outcome.pk, "language": "fr"}), follow=True
    )
    after = client.get(_page(outcome))
    assert "Publish the French translation" in before.content.decode()
    assert [pane.status for pane in before.context["panes"]][:2] == ["published", "up_to_date"]
    assert [str(m) for m in response.context["messages"]] == ["Published in French: Key conclusions."]
    assert [pane.status for pane in after.context["panes"]][:2] == ["published", "published"]
    assert "Publish the French translation" not in after.content.decode()


def test_publish_translation_before_the_outcome_is_refused(client, outcome, rapporteur, french):
    _write(outcome, rapporteur, "<p>Remittances matter.</p>")
    _translate(outcome, french, "<p>Les envois comptent.</p>")
    client.force_login(french)
    page = client.get(_page(outcome))
    response = client.post(
        reverse("outcomes:translation_publish", kwargs={"pk": outcome.pk, "language": "fr"}), follow=True
    )
    assert page.context["can_publish"] is False
    assert [str(m) for m in response.context["messages"]] == [
        "The translations are published with the outcome: publish the outcome first."
    ]
    assert section_of(outcome, "summary", "fr").published_revision is None


def test_rapporteur_cannot_publish_a_translation(client, outcome, rapporteur, chair, french):
    _write(outcome, rapporteur, "<p>Remittances matter.</p>")
    _published(outcome, rapporteur, chair)
    _translate(outcome, french, "<p>Les envois comptent.</p>")
    client.force_login(rapporteur)
    response = client.post(reverse("outcomes:translation_publish", kwargs={"pk": outcome.pk, "language": "fr"}))
    assert response.status_code == 403
    assert section_of(outcome, "summary", "fr").published_revision is None


def test_return_and_resubmit_keeps_the_translations_status(client, outcome, rapporteur, chair, french):
    _write(outcome, rapporteur, "<p>Remittances matter.</p>")
    _translate(outcome, french, "<p>Les envois comptent.</p>")
    outcome_submit(outcome=outcome, actor=rapporteur)
    outcome_return(outcome=outcome, actor=chair, comment="Say more.")
    _write(outcome, rapporteur, "<p>Remittances matter more.</p>")
    client.force_login(french)
    assert client.get(_page(outcome)).context["panes"][0].status == "needs_update"
    assert Outcome.objects.get(pk=outcome.pk).state == Outcome.State.RETURNED


# --- cost -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 3])
def test_translate_page_query_count_is_constant(client, outcome, rapporteur, french, django_assert_num_queries, count):
    for kind in ("summary", "conclusions", "follow_up")[:count]:
        _write(outcome, rapporteur, "<p>One.</p>", kind=kind)
        _translate(outcome, french, "<p>Un.</p>", kind=kind)
        _write(outcome, rapporteur, "<p>One, two.</p>", kind=kind)  # needs update: the diff is shown
    client.force_login(french)
    with django_assert_num_queries(10):
        response = client.get(_page(outcome))
    assert [pane.status for pane in response.context["panes"]].count("needs_update") == count


# --- the workspace: the original language and the translations' progress --------------------------------


def test_start_form_offers_the_rapporteurs_language_and_starts_in_the_one_chosen(client, session, rapporteur):
    rapporteur.preferred_language = "es"
    rapporteur.save(update_fields=["preferred_language"])
    client.force_login(rapporteur)
    page = client.get(reverse("outcomes:workspace", kwargs={"session_pk": session.pk}))
    client.post(reverse("outcomes:start", kwargs={"session_pk": session.pk}), {"original_language": "fr"})
    assert page.context["start_form"]["original_language"].value() == "es"
    assert Outcome.objects.get(session=session).original_language == "fr"


def test_rapporteur_changes_the_original_language_while_nothing_is_written(client, outcome, rapporteur):
    client.force_login(rapporteur)
    before = client.get(reverse("outcomes:workspace", kwargs={"session_pk": outcome.session_id}))
    client.post(reverse("outcomes:original_language", kwargs={"pk": outcome.pk}), {"original_language": "es"})
    outcome.refresh_from_db()
    assert before.context["language_form"] is not None
    assert outcome.original_language == "es"


def test_original_language_is_fixed_once_something_is_written(client, outcome, rapporteur):
    _write(outcome, rapporteur, "<p>Remittances matter.</p>")
    client.force_login(rapporteur)
    page = client.get(reverse("outcomes:workspace", kwargs={"session_pk": outcome.session_id}))
    response = client.post(
        reverse("outcomes:original_language", kwargs={"pk": outcome.pk}), {"original_language": "es"}, follow=True
    )
    outcome.refresh_from_db()
    assert page.context["language_form"] is None
    assert [str(m) for m in response.context["messages"]] == [
        "The original language can be changed only before anything is written in any language."
    ]
    assert outcome.original_language == "en"


def test_translator_cannot_change_the_original_language(client, outcome, french):
    client.force_login(french)
    response = client.post(
        reverse("outcomes:original_language", kwargs={"pk": outcome.pk}), {"original_language": "fr"}
    )
    outcome.refresh_from_db()
    assert response.status_code == 403
    assert outcome.original_language == "en"


def test_workspace_counts_each_languages_sections_and_names_its_translators(client, outcome, rapporteur, french):
    for kind in ("summary", "conclusions", "recommendations"):
        _write(outcome, rapporteur, f"<p>{kind}</p>", kind=kind)
    _translate(outcome, french, "<p>résumé</p>")
    _translate(outcome, french, "<p>conclusions</p>", kind="conclusions")
    _write(outcome, rapporteur, "<p>conclusions, changed</p>", kind="conclusions")
    client.force_login(rapporteur)
    response = client.get(reverse("outcomes:workspace", kwargs={"session_pk": outcome.session_id}))
    progress = [
        (line.language, line.up_to_date, line.needs_update, line.missing, line.translators)
        for line in response.context["translations"]
    ]
    assert progress == [("fr", 1, 1, 1, [french]), ("es", 0, 0, 3, [])]
    assert _page(outcome) in response.content.decode()


def test_a_closed_meetings_translation_is_read_only(client, outcome, rapporteur, french):
    from django.utils import timezone

    from roundtables.models import Meeting

    original = _write(outcome, rapporteur, "<p>Remittances matter.</p>")
    Meeting.objects.filter(pk=outcome.session.meeting_id).update(closed_at=timezone.now())
    client.force_login(french)
    page = client.get(_page(outcome))
    heads = client.get(reverse("outcomes:heads", kwargs={"pk": outcome.pk}), {"language": "fr"}).json()
    response = _post(client, outcome, "<p>Trop tard.</p>", source=original.pk)
    assert (page.context["can_edit"], heads["editable"]) == (False, False)
    assert (response.status_code, response.json()["status"]) == (409, "locked")
    assert section_of(outcome, "summary", "fr").current_revision is None


def test_a_translation_needing_an_update_is_saved_against_its_old_source_until_marked(
    client, outcome, rapporteur, french
):
    _write(outcome, rapporteur, "<p>Remittances matter.</p>")
    first = _translate(outcome, french, "<p>Les envois de fonds comptent.</p>")
    changed = _write(outcome, rapporteur, "<p>Remittances matter a lot.</p>")
    client.force_login(french)
    html = client.get(_page(outcome)).content.decode()
    # The form's own field keeps the text's old source; only "Mark as up to date" names the new one.
    assert f'name="source_revision" value="{first.source_id}"' in html
    assert f'name="source_revision" value="{changed.pk}" data-mark-up-to-date' in html
    body = _post(
        client, outcome, "<p>Les envois de fonds comptent beaucoup.</p>", source=first.source_id, base=first.pk
    )
    assert body.json()["translation"]["status"] == "needs_update"
