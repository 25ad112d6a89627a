"""One name for creating an account."""

import re

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_creating_an_account_has_one_name_in_the_header_and_on_the_page(client, meeting):
    page = client.get(reverse("account_signup")).content.decode()
    header = re.search(r'<a class="btn btn-outline-light btn-sm" href="/accounts/signup/">([^<]+)</a>', page)
    assert header.group(1) == "Create an account"
    assert re.search(r"<h1[^>]*>\s*Create an account\s*</h1>", page)
    assert re.search(r'<button[^>]*type="submit"[^>]*>\s*Create an account\s*</button>', page)
    assert "Sign Up" not in page and "Register<" not in page
    login = client.get(reverse("account_login")).content.decode()
    assert 'No account yet? <a href="/accounts/signup/">Create an account</a> first.' in login
