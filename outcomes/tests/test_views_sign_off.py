"""The sign-off button shows exactly when the service would accept the click; void sign-offs are
shown as such on the working page, the print layout and the public session page."""

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from delegations.services import registration_withdraw
from outcomes.services import outcome_approve, outcome_publish, outcome_submit, section_save
from outcomes.tests.factories import co_chair_representative, section_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(outcome, rapporteur, co_chairs):
    section = section_of(outcome, "summary")
    section_save(section=section, actor=rapporteur, html="<p>Partnerships.</p>", base_revision_id=None)
    return outcome_submit(outcome=outcome, actor=rapporteur)


def _page(client, user, outcome) -> str:
    client.force_login(user)
    return client.get(reverse("outcomes:workspace", kwargs={"session_pk": outcome.session_id})).content.decode()


def test_the_button_shows_for_a_representative_with_an_approved_registration(client, submitted, co_chairs, session):
    spain = co_chairs[1][1]
    elena = co_chair_representative(session, spain)
    assert f"Approve for {spain.name}" in _page(client, elena, submitted)


def test_no_button_but_a_reason_for_a_pending_registration(client, submitted, co_chairs, session):
    spain = co_chairs[1][1]
    elena = co_chair_representative(session, spain, status="pending")
    page = _page(client, elena, submitted)
    assert "Approve for" not in page
    assert f"You can sign off for {spain.name} only with an approved registration with it for this meeting." in page
    response = client.post(reverse("outcomes:approve", kwargs={"pk": submitted.pk}))
    assert response.status_code == 403
    assert submitted.approvals.count() == 0


def test_a_void_sign_off_is_shown_with_its_reason_everywhere(submitted, co_chairs, session, chair):
    (mexico_fp, mexico), (_spain_fp, spain) = co_chairs
    elena = co_chair_representative(session, spain)
    outcome_approve(outcome=submitted, actor=mexico_fp)
    outcome_approve(outcome=submitted, actor=elena)
    outcome_publish(outcome=submitted, actor=chair)
    registration_withdraw(registration=elena.registrations.get(), actor=elena)

    page = _page(Client(), mexico_fp, submitted)
    assert "1 of 2 co-chair governments have approved." in page
    assert "No longer valid: registration withdrawn. A new sign-off is needed." in page

    public = Client()
    printed = public.get(reverse("outcomes:print", kwargs={"pk": submitted.pk})).content.decode()
    assert f"The sign-off for {spain.name}, co-chair, is no longer valid: registration withdrawn." in printed
    assert f"Approved by {mexico.name}, co-chair, on" in printed
    # The end of the public session page.
    public_part = render_to_string("outcomes/partials/session_outcome.html", {"session": session})
    assert (
        f"Approved by the co-chairs: {spain.name} (sign-off no longer valid: registration withdrawn), {mexico.name}"
        in " ".join(public_part.split())
    )


def test_a_lapsed_approval_offers_no_publication_but_a_new_sign_off(client, submitted, co_chairs, session, chair):
    (mexico_fp, _mexico), (_spain_fp, spain) = co_chairs
    elena = co_chair_representative(session, spain)
    outcome_approve(outcome=submitted, actor=mexico_fp)
    outcome_approve(outcome=submitted, actor=elena)
    publish = reverse("outcomes:publish", kwargs={"pk": submitted.pk})
    assert f'action="{publish}"' in _page(client, chair, submitted)

    registration_withdraw(registration=elena.registrations.get(), actor=elena)
    assert f'action="{publish}"' not in _page(client, chair, submitted)
    response = client.post(publish)
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.state == "approved"

    carlos = co_chair_representative(session, spain)
    assert f"Approve for {spain.name}" in _page(Client(), carlos, submitted)
