"""The practices' demo on the loaded 2010 demo: published practices (one presented in Mexico 2010's
session 2.2), a civil-society practice awaiting review, a "diaspora" practice found by region; twice safe."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from followup.demo.practices import PRACTICES, load_practices_demo
from followup.models import Practice

pytestmark = pytest.mark.django_db(transaction=True)
pytest_plugins = ["followup.tests.fixtures_practices"]


def test_demo_loads_once_and_the_diaspora_search_by_region_finds_an_african_practice(themes, client):
    call_command("load_demo", quiet_accounts=True)  # loads the practices (portal.demo runs followup's part)

    again = load_practices_demo()

    assert again == []
    assert Practice.objects.count() == len(PRACTICES)
    states = sorted(Practice.objects.values_list("state", flat=True))
    assert states == ["published"] * 5 + ["returned", "submitted"]
    awaiting = Practice.objects.get(state="submitted")
    assert awaiting.submitter_kind == "civil_society"
    presented = Practice.objects.get(sessions__code="2.2", sessions__meeting__number=4)
    assert presented.state == "published"
    assert presented.published_by.email == "chair@example.org"
    titles = [
        p.title_en
        for p in client.get(reverse("followup:practice_list"), {"q": "diaspora", "region": "africa"}).context[
            "practices"
        ]
    ]
    assert titles == ["Home-town diaspora partnerships for district development"]
