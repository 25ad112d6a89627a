import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from activity.models import ActivityLog
from delegations.tests.factories import make_focal_point
from reports.models import GeneratedFile
from reports.services import request_report
from reports.tests.factories import GeneratedFileFactory

pytestmark = pytest.mark.django_db


def read_download(response) -> bytes:
    """The body of a FileResponse, with the file closed (as the test client does: without closing
    the test's database connection on request_finished)."""
    from django.core.signals import request_finished
    from django.db import close_old_connections

    body = b"".join(response.streaming_content)
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
    return body


@pytest.fixture
def produced(chair, simple_renderer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        generated = request_report(kind="test-simple", params={"title": "Proceedings"}, user=chair)
    generated.refresh_from_db()
    return generated


def test_reports_page_refuses_a_delegate(client, meeting):
    client.force_login(UserFactory())
    assert client.get(reverse("reports:index")).status_code == 403


def test_reports_page_offers_the_documents_of_the_current_meeting(client, chair, meeting):
    client.force_login(chair)
    response = client.get(reverse("reports:index"))
    assert response.status_code == 200
    # Nothing is published yet: every document is offered, and only the draft programme enabled.
    assert [
        (offer.kind, offer.params.get("variant") or offer.params.get("version"), offer.unavailable)
        for offer in response.context["offers"]
    ] == [
        ("programme", None, "The programme has not been published yet."),
        ("programme", "draft", None),
        ("proceedings", None, "No outcome of this meeting has been published yet."),
        ("outcome", "published", "No outcome of this meeting has been published yet."),
        ("participants", "public", "No approved participant is on this list yet."),
        ("participants", "full", "No approved participant is on this list yet."),
        ("arrivals", None, "No approved participant has entered an arrival yet."),
        ("attendance", None, "Nobody has been checked in at this meeting yet."),
        ("badges", None, "No approved participant needs a badge yet."),
        ("survey_results", None, "No survey of this meeting has been created yet."),
    ]
    assert all(offer.params.get("meeting") == meeting.pk for offer in response.context["offers"])


@pytest.mark.parametrize("count", [1, 3])
def test_reports_page_query_count_does_not_grow_with_files(client, chair, meeting, django_assert_num_queries, count):
    GeneratedFileFactory.create_batch(count, requested_by=chair, state=GeneratedFile.State.FAILED)
    client.force_login(chair)
    client.get(reverse("reports:index"))  # warm the per-process caches (content types, sites)
    # session, user, groups, focal-point delegations, current meeting, surveys (the survey's choice),
    # files; then one check per offer but the draft programme's (9) and the funding calls (one query: a
    # funded-participants report is offered per call) (+1: the meeting switcher's meetings, one query
    # whatever their number). The outcome's session is typed, not a select.
    with django_assert_num_queries(18):
        response = client.get(reverse("reports:index"))
    assert len(response.context["files"]) == count


def test_request_view_creates_the_job_and_shows_its_page(client, chair, simple_renderer):
    client.force_login(chair)
    response = client.post(reverse("reports:request"), {"kind": "test-simple", "title": "Programme"})
    generated = GeneratedFile.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:file_detail", kwargs={"pk": generated.pk})
    assert (generated.kind, generated.parameters, generated.requested_by) == (
        "test-simple",
        {"title": "Programme"},
        chair,
    )


def test_request_view_refuses_with_404_who_may_not_see_the_content(client, simple_renderer):
    client.force_login(UserFactory())
    response = client.post(reverse("reports:request"), {"kind": "test-simple", "title": "Secret"})
    assert response.status_code == 404
    assert GeneratedFile.objects.count() == 0


def test_request_view_with_bad_parameters_says_why(client, chair, meeting):
    client.force_login(chair)
    response = client.post(reverse("reports:request"), {"kind": "proceedings", "meeting": "abc"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == ["abc is not a valid meeting."]
    assert GeneratedFile.objects.count() == 0


def test_status_fragment_polls_while_running(client, chair, simple_renderer):
    generated = GeneratedFileFactory(kind="test-simple", parameters={"title": "x"}, requested_by=chair)
    GeneratedFile.objects.filter(pk=generated.pk).update(state=GeneratedFile.State.RUNNING, progress=40)
    client.force_login(chair)
    page = client.get(reverse("reports:file_status", kwargs={"pk": generated.pk}), {"polling": "1"}).content.decode()
    assert 'data-hx-trigger="every 1s"' in page
    assert 'max="100" value="40"' in page
    assert "report-announcement" not in page


def test_status_fragment_stops_polling_and_announces_when_done(client, chair, produced):
    client.force_login(chair)
    page = client.get(reverse("reports:file_status", kwargs={"pk": produced.pk}), {"polling": "1"}).content.decode()
    assert "data-hx-trigger" not in page
    assert reverse("reports:file_download", kwargs={"pk": produced.pk}) in page
    assert 'id="report-announcement"' in page
    assert "The PDF is ready to download." in page


def test_failed_job_shows_its_message_and_a_retry_button(client, chair, simple_renderer):
    failed = GeneratedFileFactory(
        kind="test-simple",
        parameters={"title": "x"},
        requested_by=chair,
        state=GeneratedFile.State.FAILED,
        error="No approved participant needs a badge yet.",
    )
    client.force_login(chair)
    page = client.get(reverse("reports:file_detail", kwargs={"pk": failed.pk})).content.decode()
    assert "No approved participant needs a badge yet." in page
    assert reverse("reports:file_retry", kwargs={"pk": failed.pk}) in page
    response = client.post(reverse("reports:file_retry", kwargs={"pk": failed.pk}))
    retried = GeneratedFile.objects.exclude(pk=failed.pk).get()
    assert response["Location"] == reverse("reports:file_detail", kwargs={"pk": retried.pk})


def test_download_serves_the_pdf_as_an_attachment(client, chair, produced):
    client.force_login(chair)
    response = client.get(reverse("reports:file_download", kwargs={"pk": produced.pk}))
    body = read_download(response)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="gfmd-test.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert body.startswith(b"%PDF-")
    assert ActivityLog.objects.filter(action="reports.file.downloaded", actor=chair).count() == 1


@pytest.mark.parametrize("view", ["file_detail", "file_status", "file_download"])
def test_someone_who_may_not_see_the_content_gets_404(client, produced, view):
    # The requester's id is known, the file exists: still nothing for a delegate.
    client.force_login(UserFactory())
    assert client.get(reverse(f"reports:{view}", kwargs={"pk": produced.pk})).status_code == 404


def test_retry_by_someone_who_may_not_see_the_content_gets_404(client, chair, simple_renderer):
    failed = GeneratedFileFactory(
        kind="test-simple", parameters={"title": "x"}, requested_by=chair, state=GeneratedFile.State.FAILED
    )
    client.force_login(UserFactory())
    assert client.post(reverse("reports:file_retry", kwargs={"pk": failed.pk})).status_code == 404
    assert GeneratedFile.objects.count() == 1


def test_anonymous_download_is_sent_to_sign_in(client, produced):
    response = client.get(reverse("reports:file_download", kwargs={"pk": produced.pk}))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_another_member_of_the_chairs_office_may_download(client, produced):
    from accounts.tests.factories import ChairOfficeFactory

    client.force_login(ChairOfficeFactory())
    response = client.get(reverse("reports:file_download", kwargs={"pk": produced.pk}))
    assert read_download(response).startswith(b"%PDF-")


def test_expired_file_is_not_served(client, chair, produced):
    from django.utils import timezone

    GeneratedFile.objects.filter(pk=produced.pk).update(expires_at=timezone.now())
    client.force_login(chair)
    assert client.get(reverse("reports:file_download", kwargs={"pk": produced.pk})).status_code == 404


# The buttons other apps' pages carry (templates/reports/partials/request_form.html) -------------


def _request_forms(page: str) -> list[str]:
    """The hidden inputs of every request form of a page, as 'name=value' lists."""
    import re

    forms = re.findall(r'<form method="post" action="/reports/request/".*?</form>', page, re.S)
    return [
        " ".join(
            f"{name}={value}"
            for name, value in re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form)
            if name not in ("csrfmiddlewaretoken", "next")
        )
        for form in forms
    ]


def test_focal_point_may_print_the_badges_of_their_delegation(client, meeting):
    from delegations.tests.factories import DelegationFactory, RegistrationFactory

    mexico = DelegationFactory(country="MX", name="Mexico")
    focal_point = UserFactory()
    make_focal_point(focal_point, mexico)
    RegistrationFactory(meeting=meeting, delegation=mexico, status="approved")
    client.force_login(focal_point)
    page = client.get(reverse("delegations:detail", kwargs={"pk": mexico.pk})).content.decode()
    assert _request_forms(page) == [f"kind=badges meeting={meeting.pk} delegation={mexico.pk}"]
    response = client.post(
        reverse("reports:request"), {"kind": "badges", "meeting": meeting.pk, "delegation": mexico.pk}
    )
    generated = GeneratedFile.objects.get()
    assert response["Location"] == reverse("reports:file_detail", kwargs={"pk": generated.pk})


def test_focal_point_may_not_print_another_delegations_badges(client, meeting):
    from delegations.tests.factories import DelegationFactory

    mexico, ghana = DelegationFactory(country="MX"), DelegationFactory(country="GH")
    focal_point = UserFactory()
    make_focal_point(focal_point, mexico)
    client.force_login(focal_point)
    for params in ({"delegation": ghana.pk}, {}):
        response = client.post(reverse("reports:request"), {"kind": "badges", "meeting": meeting.pk, **params})
        assert response.status_code == 404
    assert GeneratedFile.objects.count() == 0


def test_survey_results_page_offers_the_pdf(client, chair, meeting):
    from surveys.tests.factories import SurveyFactory

    survey = SurveyFactory(meeting=meeting)
    client.force_login(chair)
    page = client.get(reverse("surveys:results", kwargs={"pk": survey.pk})).content.decode()
    assert _request_forms(page) == [f"kind=survey_results survey={survey.pk}"]
