"""Each person's choice of the non-essential notifications: the service and the page."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from accounts.tests.factories import UserFactory
from mailings.notification_kinds import notification_kinds
from notifications import selectors, services
from notifications.models import OptOut

pytestmark = pytest.mark.django_db
URL = "/notifications/"


def test_the_list_holds_the_kinds_a_person_may_turn_off_and_no_essential_mail():
    keys = [kind.key for kind in notification_kinds()]
    assert keys[:3] == ["programme_changes", "papers_published", "paper_comments"]
    assert not any(word in key for key in keys for word in ("account", "registration", "invitation", "survey"))


def test_everything_is_on_until_turned_off():
    person = UserFactory()
    assert all(preference.enabled for preference in selectors.preferences_of(person))
    assert selectors.wants(person, "programme_changes")


def test_the_service_turns_kinds_off_and_on_again():
    person = UserFactory()
    off = services.preferences_save(person=person, actor=person, enabled={"programme_changes"})
    assert off == ["paper_comments", "papers_published"]
    assert not selectors.wants(person, "papers_published")
    services.preferences_save(person=person, actor=person, enabled={"programme_changes", "papers_published"})
    assert set(OptOut.objects.filter(person=person).values_list("kind", flat=True)) == {"paper_comments"}


def test_nobody_changes_another_persons_choices():
    person, other = UserFactory(), UserFactory()
    with pytest.raises(PermissionDenied):
        services.preferences_save(person=person, actor=other, enabled=set())
    with pytest.raises(PermissionDenied):
        services.preferences_save(person=person, actor=None, enabled=set())
    assert not OptOut.objects.exists()


def test_the_page_is_for_signed_in_people(client):
    response = client.get(URL)
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert client.post(URL, {"on": []}).status_code == 302
    assert not OptOut.objects.exists()


def test_the_page_shows_each_kind_as_a_labelled_checkbox_and_saves(client):
    person = UserFactory()
    client.force_login(person)
    page = client.get(URL).content.decode()
    assert reverse("notifications:preferences") == URL
    for kind in notification_kinds():
        assert f'<label class="form-check-label fw-semibold" for="kind-{kind.key}">{kind.label}</label>' in page
        assert f'value="{kind.key}" id="kind-{kind.key}" aria-describedby="kind-{kind.key}-help" checked' in page
    response = client.post(URL, {"on": ["programme_changes", "paper_comments", "not-a-kind"]}, follow=True)
    assert "Your notification choices are saved." in response.content.decode()
    assert list(OptOut.objects.filter(person=person).values_list("kind", flat=True)) == ["papers_published"]
    page = client.get(URL).content.decode()
    assert 'id="kind-papers_published" aria-describedby="kind-papers_published-help">' in page


def test_the_menu_links_to_the_page(client):
    client.force_login(UserFactory())
    assert f'href="{URL}"' in client.get(URL).content.decode()
