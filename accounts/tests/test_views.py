import pytest
from django.urls import reverse

from accounts.models import User
from accounts.tests.factories import PASSWORD, CivilSocietyCoordinatorFactory, UserFactory
from delegations.tests.factories import DelegationFactory, make_focal_point


@pytest.mark.django_db
def test_landing_sends_chair_office_to_its_dashboard(client, chair, meeting):
    client.force_login(chair)
    response = client.get(reverse("accounts:landing"))
    assert response.status_code == 302
    assert response["Location"] == reverse("roundtables:chair_dashboard")


@pytest.mark.django_db
def test_landing_sends_focal_point_to_their_delegation(client):
    user = UserFactory()
    delegation = DelegationFactory(country="MX")
    make_focal_point(user, delegation)
    client.force_login(user)
    response = client.get(reverse("accounts:landing"))
    assert response["Location"] == reverse("delegations:detail", kwargs={"pk": delegation.pk})


@pytest.mark.django_db
def test_landing_sends_civil_society_coordinator_to_civil_society(client):
    client.force_login(CivilSocietyCoordinatorFactory())
    response = client.get(reverse("accounts:landing"))
    assert response["Location"] == reverse("delegations:civil_society")


@pytest.mark.django_db
def test_landing_sends_participant_to_my_gfmd(client):
    client.force_login(UserFactory())
    response = client.get(reverse("accounts:landing"))
    assert response["Location"] == reverse("accounts:dashboard")


@pytest.mark.django_db
def test_dashboard_requires_sign_in(client):
    response = client.get(reverse("accounts:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_login_with_email_redirects_to_landing(client):
    user = UserFactory(email="ana@example.org")
    response = client.post(reverse("account_login"), {"login": "ana@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:landing")
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_login_refused_until_email_is_verified(client):
    UserFactory(email="new@example.org", verified=False)
    response = client.post(reverse("account_login"), {"login": "new@example.org", "password": PASSWORD})
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_logout_by_get_does_not_sign_out(client):
    user = UserFactory()
    client.force_login(user)
    client.get(reverse("account_logout"))
    assert client.session["_auth_user_id"] == str(user.pk)
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_signup_with_mismatched_passwords_keeps_what_was_typed(client):
    response = client.post(
        reverse("account_signup"),
        {
            "first_name": "Amina",
            "last_name": "Diallo",
            "email": "amina@example.org",
            "password1": "a-long-passphrase-2010",
            "password2": "another-passphrase",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["password2"] == ["You must type the same password each time."]
    assert 'value="amina@example.org"' in response.content.decode()
    assert 'value="Amina"' in response.content.decode()


@pytest.mark.django_db
def test_profile_saves_preferred_language(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"),
        {
            "honorific": "dr",
            "first_name": "Amina",
            "last_name": "Diallo",
            "job_title": "Director",
            "organisation": "Ministry",
            "preferred_language": "fr",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.preferred_language, user.display_name) == ("fr", "Dr Amina Diallo")


@pytest.mark.django_db
def test_preferred_language_is_used_for_pages(client):
    user = UserFactory(preferred_language="es")
    client.force_login(user)
    response = client.get(reverse("accounts:dashboard"))
    assert response.headers["Content-Language"] == "es"
    assert "Mis inscripciones" in response.content.decode()


@pytest.mark.django_db
def test_pages_carry_a_nonce_based_content_security_policy(client, meeting):
    response = client.get(reverse("roundtables:home"))
    policy = response.headers["Content-Security-Policy"]
    nonce = response.context["csp_nonce"]
    assert f"script-src 'self' 'nonce-{nonce}'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert f'nonce="{nonce}"' in response.content.decode()


MARKUP_REFUSED = "A name cannot contain angle brackets (< or >). Please type it as it should be printed."


@pytest.mark.django_db
def test_signup_refuses_a_name_with_markup_next_to_the_field(client):
    response = client.post(
        reverse("account_signup"),
        {
            "first_name": "<b>Amara</b>",
            "last_name": "Diallo",
            "email": "amara@example.org",
            "password1": "a-long-passphrase-2010",
            "password2": "a-long-passphrase-2010",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"first_name": [MARKUP_REFUSED]}
    assert not User.objects.filter(email="amara@example.org").exists()


@pytest.mark.django_db
def test_profile_refuses_a_name_with_markup_and_keeps_the_stored_one(client):
    user = UserFactory(first_name="Amara", last_name="Diallo")
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"),
        {"first_name": "Amara", "last_name": "Diallo >", "preferred_language": "en"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"last_name": [MARKUP_REFUSED]}
    assert MARKUP_REFUSED.replace("<", "&lt;").replace(">", "&gt;") in response.content.decode()
    assert response.context["user"].display_name == "Amara Diallo"  # the header's name, on the same page
    user.refresh_from_db()
    assert user.last_name == "Diallo"
