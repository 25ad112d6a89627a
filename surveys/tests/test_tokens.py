"""The personal link: a wrong or used token gives the same 404 whatever the reason; a submitted
response cannot be changed through the link."""

import re

import pytest
from django.urls import reverse

from surveys.models import Answer
from surveys.services import invitation_link_create

pytestmark = pytest.mark.django_db


def _page(response) -> str:
    # The CSP nonce and the masked CSRF token change with every response, and the language
    # switcher sends the visitor back to the address they asked for; all else must be identical.
    page = re.sub(r'nonce="[^"]+"', 'nonce=""', response.content.decode())
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', 'name="csrfmiddlewaretoken"', page)
    return re.sub(r'name="next" type="hidden" value="[^"]+"', 'name="next"', page)


def _url(token: str) -> str:
    return reverse("surveys:respond", args=[token])


@pytest.fixture
def invitation(survey, questions):
    from surveys.tests.factories import InvitationFactory

    return InvitationFactory(survey=survey)


@pytest.fixture
def token(invitation):
    return invitation_link_create(invitation=invitation)


def _submit(client, token, questions, **extra):
    data = {"action": "submit", f"q{questions['coherence'].pk}": "no", **extra}
    return client.post(_url(token), data)


def test_a_valid_link_opens_the_survey_without_signing_in(client, token, survey):
    response = client.get(_url(token))
    assert response.status_code == 200
    assert response.context["survey"] == survey
    assert (response["Cache-Control"], response["Referrer-Policy"], response["X-Robots-Tag"]) == (
        "no-store, max-age=0, no-cache, must-revalidate, private",
        "same-origin",
        "noindex, nofollow",
    )


def test_wrong_malformed_and_used_tokens_all_give_the_same_404(client, token, questions):
    _submit(client, token, questions)
    client.cookies.clear()  # another browser: it does not know this link was just used

    pages = [
        client.get(_url(token)),  # used: its answers were submitted
        client.get(_url("x" * 43)),  # wrong, well formed
        client.get(_url("short")),  # malformed
        client.get(_url(token[:-1] + ("A" if token[-1] != "A" else "B"))),  # one character off
        client.post(_url("y" * 43), {"action": "submit"}),
    ]

    assert [page.status_code for page in pages] == [404] * 5
    assert len({_page(page) for page in pages}) == 1
    assert "This link does not open a survey" in _page(pages[0])


def test_answers_are_saved_as_the_recipient_goes(client, token, questions, invitation):
    client.post(
        _url(token),
        {"action": "autosave", f"q{questions['comments'].pk}": "First thoughts"},
        headers={"HX-Request": "true"},
    )
    assert Answer.objects.get(response__invitation=invitation).value == "First thoughts"
    page = client.get(_url(token)).content.decode()
    assert "First thoughts" in page


def test_a_submitted_response_cannot_be_changed_through_the_link(client, token, questions, invitation):
    first = _submit(client, token, questions, **{f"q{questions['comments'].pk}": "Final"})
    assert first.url == _url(token)
    thanks = client.get(_url(token))
    assert "Thank you: your answers are submitted" in thanks.content.decode()

    second = _submit(client, token, questions, **{f"q{questions['comments'].pk}": "Changed my mind"})

    assert second.status_code == 409
    assert "Your answers were already submitted. A second submission is refused." in second.content.decode()
    assert sorted(Answer.objects.values_list("value", flat=True), key=str) == [False, "Final"]


def test_a_second_link_of_the_same_invitation_is_refused_after_submission(client, token, questions, invitation):
    other = invitation_link_create(invitation=invitation)
    _submit(client, token, questions)
    client.cookies.clear()
    assert client.post(_url(other), {"action": "submit", f"q{questions['coherence'].pk}": "yes"}).status_code == 404
    assert list(Answer.objects.filter(response__invitation=invitation).values_list("value", flat=True)) == [False]


def test_a_required_answer_missing_keeps_what_was_typed(client, token, questions, invitation):
    response = client.post(_url(token), {"action": "submit", f"q{questions['comments'].pk}": "Kept"})
    assert response.status_code == 422
    assert response.context["form"].errors[f"q{questions['coherence'].pk}"] == [
        "This question needs an answer before you submit."
    ]
    assert "Kept" in response.content.decode()
    assert Answer.objects.get().value == "Kept"
    invitation.refresh_from_db()
    assert invitation.submitted_at is None


def test_an_invalid_answer_is_reported_next_to_its_question_and_the_rest_is_saved(client, token, questions):
    response = client.post(
        _url(token),
        {"action": "save", f"q{questions['scale'].pk}": "9", f"q{questions['comments'].pk}": "Still saved"},
    )
    assert response.status_code == 422
    assert list(response.context["form"].errors) == [f"q{questions['scale'].pk}"]
    assert list(Answer.objects.values_list("value", flat=True)) == ["Still saved"]


def test_the_page_speaks_the_invited_persons_language(client, survey, questions):
    from accounts.tests.factories import UserFactory
    from surveys.tests.factories import InvitationFactory

    survey.title_fr = "Thème et tables rondes 2010"
    survey.save()
    invitation = InvitationFactory(survey=survey, person=UserFactory(preferred_language="fr"))
    response = client.get(_url(invitation_link_create(invitation=invitation)))
    assert response.headers["Content-Language"] == "fr"
    assert '<h1 class="h2 fw-bold">Thème et tables rondes 2010</h1>' in response.content.decode()
