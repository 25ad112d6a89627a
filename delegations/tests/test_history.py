import re

import pytest
from django.urls import reverse

from delegations import services
from delegations.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def test_a_registrations_history_says_who_did_what_in_words(client, open_meeting, mexico, sessions, focal_point_mexico):
    registration = RegistrationFactory(meeting=open_meeting, delegation=mexico, sessions=[sessions["1.1"]])
    services.registration_approve(registration=registration, actor=focal_point_mexico)
    services.registration_withdraw(registration=registration, actor=focal_point_mexico, reason="Visa refused")
    client.force_login(focal_point_mexico)
    page = client.get(reverse("delegations:registration", kwargs={"pk": registration.pk})).content.decode()
    history = page[page.index('<ol class="history') : page.index("</ol>", page.index('<ol class="history'))]
    # Newest first: "2 Dec 2026, 15:07 Javier Herrera · withdrew — Visa refused"
    said = [" ".join(re.sub(r"<[^>]+>", " ", item).split()) for item in history.split("<li>")[1:]]
    name = focal_point_mexico.display_name
    assert [line.split(" ", 4)[-1] for line in said] == [f"{name} · withdrew — Visa refused", f"{name} · approved"]
