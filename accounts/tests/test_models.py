import pytest

from accounts.models import User


@pytest.mark.django_db
def test_create_user_lowercases_the_email_login():
    user = User.objects.create_user("Ana.Perez@Example.ORG", password="x")
    assert user.email == "ana.perez@example.org"
    assert user.check_password("x")


@pytest.mark.django_db
def test_display_name_falls_back_to_email():
    assert User(email="a@example.org").display_name == "a@example.org"
    assert User(email="a@example.org", honorific="he", first_name="Ana", last_name="Pérez").display_name == (
        "H.E. Ana Pérez"
    )
