"""The composer's pages: who gets them, errors next to their fields, hostile input, bounded lists."""

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from communications import views
from communications.models import ComposedMailing
from communications.services import composed_create, composed_put_in_outbox
from communications.tests.conftest import draft
from gfmd.tests.paging import assert_pages_cost_the_same
from gfmd.tests.queries import count_queries
from mailings.models import Mailing
from papers.tests.factories import published_paper

pytestmark = pytest.mark.django_db


def _form(**overrides) -> dict:
    data = {
        "title": "Logistics note",
        "audience": "participants",
        "subject_en": "Logistics for {meeting}",
        "body_en": "{salutation}\n\nThe buses leave at 8:00.",
        "subject_fr": "",
        "body_fr": "",
        "subject_es": "",
        "body_es": "",
        "save": "1",
    }
    data.update(overrides)
    return data


def test_chair_office_writes_and_is_sent_to_the_review(client, world, chair):
    client.force_login(chair)
    response = client.post(reverse("communications:create"), _form())
    composed = ComposedMailing.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("communications:review", args=[composed.pk])
    page = client.get(response["Location"])
    assert page.status_code == 200
    content = page.content.decode()
    assert world.meeting.title in content
    assert '<span class="stat fs-3 fw-bold" id="recipient-count">4</span>' in content
    assert "Put 4 mails in the outbox" in content


def test_unknown_placeholder_is_shown_next_to_the_field(client, world, chair):
    client.force_login(chair)
    response = client.post(reverse("communications:create"), _form(body_es="Hola {nombre}", subject_es="Hola"))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["body_es"][0].startswith("Unknown placeholder {nombre}.")
    assert 'id="id_body_es_error"' in response.content.decode() or "is-invalid" in response.content.decode()
    assert form["body_es"].value() == "Hola {nombre}"  # what was typed is kept
    assert not ComposedMailing.objects.exists()


def test_header_injection_through_the_form(client, world, chair):
    client.force_login(chair)
    response = client.post(reverse("communications:create"), _form(subject_en="Subject\r\nBcc: x@evil"))
    assert response.status_code == 200
    assert response.context["form"].errors["subject_en"] == ["The subject must be a single line."]
    assert not ComposedMailing.objects.exists()


def test_hand_picked_by_address(client, world, chair):
    outsider = UserFactory(email="Someone@Example.org")
    client.force_login(chair)
    response = client.post(
        reverse("communications:create"),
        _form(audience="hand_picked", people="someone@example.org\nnobody@example.org"),
    )
    assert response.context["form"].errors["people"] == ["No active account has the address nobody@example.org."]
    response = client.post(
        reverse("communications:create"), _form(audience="hand_picked", people="someone@example.org")
    )
    assert response.status_code == 302
    assert list(ComposedMailing.objects.get().people.all()) == [outsider]


def test_find_a_person_keeps_the_text(client, world, chair):
    client.force_login(chair)
    response = client.post(reverse("communications:create"), _form(find="1", q="Herrera", body_en="Kept text"))
    assert response.status_code == 200
    assert [person.pk for person in response.context["found"]] == [world.delegate_mx.pk]
    assert "Kept text" in response.content.decode()
    assert not ComposedMailing.objects.exists()


def test_focal_point_is_offered_their_delegation_only(client, world):
    client.force_login(world.fp_ghana)
    page = client.get(reverse("communications:create"))
    assert page.status_code == 200
    assert [value for value, _label in page.context["form"].fields["audience"].choices] == ["delegation"]
    response = client.post(reverse("communications:create"), _form(audience="delegation", delegation=world.mexico.pk))
    assert response.status_code == 200
    assert "delegation" in response.context["form"].errors
    response = client.post(reverse("communications:create"), _form(audience="delegation", delegation=world.ghana.pk))
    assert response.status_code == 302


def test_participant_is_refused_and_other_mailings_are_hidden(client, world, chair):
    composed = composed_create(meeting=world.meeting, actor=chair, draft=draft())
    client.force_login(world.delegate_mx)
    assert client.get(reverse("communications:list")).status_code == 403
    assert client.get(reverse("communications:create")).status_code == 403
    assert client.get(reverse("communications:review", args=[composed.pk])).status_code == 404
    assert client.post(reverse("communications:outbox", args=[composed.pk])).status_code == 404
    client.force_login(world.fp_mexico)  # a focal point: not a mailing to their own delegation
    assert client.get(reverse("communications:review", args=[composed.pk])).status_code == 404
    assert client.get(reverse("communications:edit", args=[composed.pk])).status_code == 404
    assert client.post(reverse("communications:test", args=[composed.pk]), {"language": "en"}).status_code == 404
    assert not Mailing.objects.exists()


def test_review_previews_a_recipient_of_the_audience_only(client, world, chair):
    composed = composed_create(
        meeting=world.meeting,
        actor=chair,
        draft=draft(
            subjects={"en": "Logistics", "fr": "", "es": "Logística"},
            bodies={"en": "{salutation}", "fr": "", "es": "{salutation}"},
        ),
    )
    client.force_login(chair)
    url = reverse("communications:review", args=[composed.pk])
    page = client.get(f"{url}?person={world.delegate_mx.pk}")
    assert page.context["preview"].subject == "Logística"
    assert page.context["person"] == world.delegate_mx
    outsider = client.get(f"{url}?person={world.pending.pk}")  # pending: not in the audience
    assert outsider.context["person"] is None
    assert outsider.context["preview"].language == "en"
    french = client.get(f"{url}?language=fr")
    assert french.context["preview"].in_english_instead
    searched = client.get(f"{url}?q=Mensah")
    assert [person.pk for person in searched.context["page"].object_list] == [world.delegate_gh.pk]


def test_put_in_the_outbox_leads_to_the_outbox_page_and_twice_is_once(client, world, chair):
    composed = composed_create(meeting=world.meeting, actor=chair, draft=draft())
    client.force_login(chair)
    first = client.post(reverse("communications:outbox", args=[composed.pk]))
    mailing = Mailing.objects.get()
    assert first["Location"] == reverse("mailings:detail", args=[mailing.pk])
    second = client.post(reverse("communications:outbox", args=[composed.pk]))
    assert second["Location"] == reverse("mailings:detail", args=[mailing.pk])
    assert Mailing.objects.count() == 1
    assert client.get(reverse("mailings:detail", args=[mailing.pk])).status_code == 200
    # Now read-only: the edit page sends back to the review.
    assert client.get(reverse("communications:edit", args=[composed.pk]))["Location"] == reverse(
        "communications:review", args=[composed.pk]
    )


def test_focal_point_puts_it_in_the_outbox_and_stays_on_the_review(client, world):
    composed = composed_create(
        meeting=world.meeting, actor=world.fp_mexico, draft=draft(audience="delegation", delegation=world.mexico)
    )
    client.force_login(world.fp_mexico)
    response = client.post(reverse("communications:outbox", args=[composed.pk]))
    assert response["Location"] == reverse("communications:review", args=[composed.pk])
    assert Mailing.objects.get().mails.count() == 2


def test_papers_picker_offers_published_papers_of_the_meeting(client, world, chair):
    paper = published_paper(session=world.session)
    client.force_login(chair)
    page = client.get(reverse("communications:create"))
    assert list(page.context["form"].fields["papers"].queryset) == [paper]


def test_list_costs_the_same_queries_for_1_and_3(client, world, chair):
    client.force_login(chair)
    url = reverse("communications:list", kwargs={"number": world.meeting.number})
    composed_create(meeting=world.meeting, actor=chair, draft=draft())
    one = count_queries(client, url)
    for _ in range(2):
        composed = composed_create(
            meeting=world.meeting, actor=chair, draft=draft(audience="session", session=world.session)
        )
    composed_put_in_outbox(composed=composed, actor=chair)
    assert count_queries(client, url) == one


def test_list_pages_cost_the_same(client, world, chair, monkeypatch):
    monkeypatch.setattr(views, "MAILINGS_PER_PAGE", 2)
    client.force_login(chair)

    def add(count):
        for _ in range(count):
            composed_create(meeting=world.meeting, actor=chair, draft=draft())

    assert_pages_cost_the_same(client, reverse("communications:list"), add, per_page=2)


def test_review_costs_the_same_queries_for_1_and_3_recipients(client, world, chair):
    composed = composed_create(
        meeting=world.meeting, actor=chair, draft=draft(audience="hand_picked", people=[world.delegate_gh])
    )
    client.force_login(chair)
    url = reverse("communications:review", args=[composed.pk])
    one = count_queries(client, url)
    composed.people.add(world.delegate_mx, world.activist)
    assert count_queries(client, url) == one
