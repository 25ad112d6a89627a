"""The reports page offers only what can be produced: an offer that cannot be is disabled with the
renderer's reason, and the service refuses to queue it with the same reason (one check per kind:
Renderer.unavailable)."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.urls import reverse

from delegations.tests.factories import DelegationFactory, RegistrationFactory
from reports.models import GeneratedFile
from reports.registry import ReportError, offers_for
from reports.services import report_generate, request_report
from reports.tests.factories import GeneratedFileFactory, publish_outcome
from roundtables.tests.factories import SessionFactory

pytestmark = pytest.mark.django_db

NO_OUTCOME = "No outcome of this meeting has been published yet."


def _offer(offers, kind, **params):
    [offer] = [o for o in offers if o.kind == kind and all(o.params.get(k) == v for k, v in params.items())]
    return offer


def _request_params(offer, typed: str = "") -> dict:
    """What the offer's form posts: its parameters and the first option of its choice (or, for a typed
    choice, what the person typed)."""
    params = dict(offer.params)
    if offer.choice and offer.choice.typed:
        params[offer.choice.name] = typed
    elif offer.choice and offer.choice.options:
        params[offer.choice.name] = offer.choice.options[0][0]
    return params


def test_every_disabled_offer_is_refused_by_the_service_with_its_reason(chair, meeting):
    offers = [offer for offer in offers_for(meeting, chair) if offer.unavailable]
    assert len(offers) == 9
    # An outcome or a survey to choose from, there is none: the page has no form to send.
    choices = [offer for offer in offers if offer.choice]
    assert [(offer.kind, offer.choice.options) for offer in choices] == [("outcome", None), ("survey_results", [])]
    for offer in offers:
        if offer.choice:
            continue
        with pytest.raises(ReportError) as refused:
            request_report(kind=offer.kind, params=_request_params(offer), user=chair)
        assert str(refused.value) == offer.unavailable, offer.kind
    assert GeneratedFile.objects.count() == 0


def test_every_enabled_offer_is_accepted_by_the_service(chair, meeting):
    session = SessionFactory(meeting=meeting, code="1.1")
    publish_outcome(session)
    registration = RegistrationFactory(meeting=meeting, status="approved", public_list_consent=True)
    from logistics.tests.factories_travel import TravelPlanFactory
    from surveys.tests.factories import SurveyFactory

    TravelPlanFactory(meeting=meeting, registration=registration)
    from django.utils import timezone

    from logistics.models import CheckIn

    now = timezone.now()
    CheckIn.objects.create(meeting=meeting, registration=registration, day=now.date(), scanned_at=now)

    SurveyFactory(meeting=meeting)
    offers = offers_for(meeting, chair)
    assert [(o.kind, o.unavailable) for o in offers if o.unavailable] == [
        ("programme", "The programme has not been published yet.")
    ]
    for offer in offers:
        if not offer.unavailable:
            generated = request_report(kind=offer.kind, params=_request_params(offer, typed="1.1"), user=chair)
            assert generated.state == GeneratedFile.State.QUEUED, offer.kind
    assert GeneratedFile.objects.count() == 9


def test_proceedings_are_offered_once_an_outcome_is_published(chair, meeting):
    session = SessionFactory(meeting=meeting, code="2.1")
    publish_outcome(session, state="approved")
    assert _offer(offers_for(meeting, chair), "proceedings").unavailable == NO_OUTCOME
    from django.utils import timezone

    Outcome = type(session.outcome)
    Outcome.objects.filter(pk=session.outcome.pk).update(state="published", published_at=timezone.now())
    proceedings = _offer(offers_for(meeting, chair), "proceedings")
    outcome = _offer(offers_for(meeting, chair), "outcome")
    assert (proceedings.unavailable, outcome.unavailable) == (None, None)
    # The session is typed by its code (a meeting has hundreds), not chosen from a select of them all.
    assert (outcome.choice.typed, outcome.choice.options) == (True, None)
    generated = request_report(kind="outcome", params=_request_params(outcome, typed=" 2.1 "), user=chair)
    assert generated.parameters == {"session": session.pk, "version": "published", "language": "en"}


def test_an_outcome_of_a_session_code_the_meeting_has_not_is_refused(chair, meeting):
    publish_outcome(SessionFactory(meeting=meeting, code="2.1"))
    SessionFactory(code="2.2")  # another meeting's
    outcome = _offer(offers_for(meeting, chair), "outcome")
    with pytest.raises(ValidationError) as refused:
        request_report(kind="outcome", params=_request_params(outcome, typed="2.2"), user=chair)
    assert refused.value.messages == ["This meeting has no session 2.2."]
    assert GeneratedFile.objects.count() == 0


def test_badges_of_a_delegation_without_approved_participants_are_refused(chair, meeting):
    mexico = DelegationFactory(country="MX")
    RegistrationFactory(meeting=meeting, delegation=mexico, status="pending")
    RegistrationFactory(meeting=meeting, status="approved")  # another delegation's
    with pytest.raises(ReportError) as refused:
        request_report(kind="badges", params={"meeting": meeting.pk, "delegation": mexico.pk}, user=chair)
    assert str(refused.value) == "No approved participant needs a badge yet."


def test_the_task_fails_with_the_reason_when_things_changed_after_the_request(chair, meeting):
    session = SessionFactory(meeting=meeting, code="1.1")
    outcome = publish_outcome(session)
    generated = request_report(kind="proceedings", params={"meeting": meeting.pk}, user=chair)
    # Unpublished before the worker took the job.
    type(outcome).objects.filter(pk=outcome.pk).update(state="approved", published_at=None)
    report_generate(file_id=generated.pk)
    generated.refresh_from_db()
    assert (generated.state, generated.error, generated.attempts) == (GeneratedFile.State.FAILED, NO_OUTCOME, 1)


def test_reports_page_shows_a_disabled_offer_with_its_reason(client, chair, meeting):
    client.force_login(chair)
    page = client.get(reverse("reports:index")).content.decode()
    [card] = [c for c in re.findall(r"<article.*?</article>", page, re.S) if "Report of the proceedings" in c]
    assert "report-offer-unavailable" in card
    assert re.search(r'<p class="report-unavailable" id="(offer-\d+-reason)">.*?' + re.escape(NO_OUTCOME), card, re.S)
    reason_id = re.search(r'id="(offer-\d+-reason)"', card).group(1)
    assert f'<button type="button" class="btn btn-outline-secondary" disabled aria-describedby="{reason_id}">' in card
    assert "<form" not in card
    # The draft programme can be produced: its card has the form.
    [draft] = [c for c in re.findall(r"<article.*?</article>", page, re.S) if "unpublished draft" in c]
    assert '<form method="post" action="/reports/request/"' in draft


def test_request_view_refuses_an_unavailable_document_with_its_reason(client, chair, meeting):
    client.force_login(chair)
    response = client.post(reverse("reports:request"), {"kind": "proceedings", "meeting": meeting.pk}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [NO_OUTCOME]
    assert response.redirect_chain == [(reverse("reports:index"), 302)]
    assert GeneratedFile.objects.count() == 0


def test_failed_file_of_an_unavailable_document_disables_try_again(client, chair, meeting):
    failed = GeneratedFileFactory(
        kind="proceedings",
        parameters={"meeting": meeting.pk, "language": "en"},
        requested_by=chair,
        state=GeneratedFile.State.FAILED,
        error=NO_OUTCOME,
    )
    client.force_login(chair)
    page = client.get(reverse("reports:file_detail", kwargs={"pk": failed.pk})).content.decode()
    assert f'<p class="mb-0" id="retry-reason">{NO_OUTCOME}</p>' in page
    assert reverse("reports:file_retry", kwargs={"pk": failed.pk}) not in page
    publish_outcome(SessionFactory(meeting=meeting, code="1.1"))
    page = client.get(reverse("reports:file_detail", kwargs={"pk": failed.pk})).content.decode()
    assert reverse("reports:file_retry", kwargs={"pk": failed.pk}) in page


def test_template_tag_and_button_for_other_apps_pages(meeting):
    mexico = DelegationFactory(country="MX")
    template = Template(
        '{% load reports_offers %}{% report_unavailable "badges" meeting=meeting delegation=delegation as reason %}'
        '{% include "reports/partials/request_form.html" with report_kind="badges" report_meeting=meeting '
        'report_delegation=delegation report_label="Badges" report_unavailable=reason %}'
    )
    context = {"meeting": meeting.pk, "delegation": mexico.pk}
    html = " ".join(template.render(Context(context)).split())
    assert "<form" not in html
    assert 'disabled title="No approved participant needs a badge yet."' in html
    RegistrationFactory(meeting=meeting, delegation=mexico, status="approved")
    html = template.render(Context(context))
    assert "disabled" not in html
    assert '<form method="post" action="/reports/request/"' in html
