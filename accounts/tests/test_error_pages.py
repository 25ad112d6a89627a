import pytest
from django.test import Client


@pytest.mark.django_db
def test_404_page_is_the_portal_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert 'href="#main"' in response.content.decode()  # the portal's layout, with its skip link


@pytest.mark.django_db
def test_403_page_offers_sign_in_to_anonymous(client, meeting):
    response = client.get("/chair/")
    assert response.status_code == 403
    assert "/accounts/login/?next=/chair/" in response.content.decode()


def test_500_page_renders_without_a_request():
    from django.template.loader import render_to_string

    assert "Something went wrong" in render_to_string("500.html")


@pytest.mark.django_db
def test_500_handler_answers_with_the_page(settings):
    settings.ROOT_URLCONF = "accounts.tests.urls_failing"
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
