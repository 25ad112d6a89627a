"""Report requests are throttled per person."""

import pytest
from django.urls import reverse

from accounts.tests.factories import ChairOfficeFactory
from reports import throttle
from reports.models import GeneratedFile
from reports.services import request_report
from reports.tests.factories import GeneratedFileFactory
from reports.throttle import ReportThrottled

pytestmark = pytest.mark.django_db

REFUSED = (
    "You have asked for 2 documents in a short time, the most one person may in 10 minutes. "
    "Try again in 4 minutes; the documents already asked for are still being produced."
)


@pytest.fixture
def two_per_window(settings, monkeypatch):
    """Two requests per ten minutes, 6 min 30 s into a window."""
    settings.REPORTS_REQUESTS_PER_WINDOW = 2
    settings.REPORTS_REQUEST_WINDOW = 600
    clock = {"now": 1_000_590.0}  # 600 x 1667 + 390: 390 s into its window
    monkeypatch.setattr(throttle.time, "time", lambda: clock["now"])
    return clock


def test_a_person_over_the_limit_is_refused_and_another_is_not(chair, simple_renderer, two_per_window):
    request_report(kind="test-simple", params={"title": "One"}, user=chair)
    request_report(kind="test-simple", params={"title": "Two"}, user=chair)
    with pytest.raises(ReportThrottled) as refused:
        request_report(kind="test-simple", params={"title": "Three"}, user=chair)
    assert (str(refused.value), refused.value.retry_after) == (REFUSED, 210)
    colleague = ChairOfficeFactory()
    request_report(kind="test-simple", params={"title": "Three"}, user=colleague)
    assert sorted(GeneratedFile.objects.values_list("parameters__title", "requested_by")) == [
        ("One", chair.pk),
        ("Three", colleague.pk),
        ("Two", chair.pk),
    ]


def test_the_next_window_allows_requests_again(chair, simple_renderer, two_per_window):
    for title in ("One", "Two"):
        request_report(kind="test-simple", params={"title": title}, user=chair)
    with pytest.raises(ReportThrottled):
        request_report(kind="test-simple", params={"title": "Three"}, user=chair)
    two_per_window["now"] += 210
    assert request_report(kind="test-simple", params={"title": "Three"}, user=chair).parameters == {"title": "Three"}


def test_a_refused_request_does_not_count(chair, simple_renderer, two_per_window):
    from django.core.exceptions import PermissionDenied

    from accounts.tests.factories import UserFactory

    delegate = UserFactory()
    for _ in range(3):
        with pytest.raises(PermissionDenied):
            request_report(kind="test-simple", params={"title": "Secret"}, user=delegate)
    from accounts.tests.factories import grant_chair_staff
    from roundtables.models import Meeting

    grant_chair_staff(delegate, Meeting.objects.all())  # now in the Chair's office of the open meeting
    promoted = type(delegate).objects.get(pk=delegate.pk)
    request_report(kind="test-simple", params={"title": "Now allowed"}, user=promoted)
    request_report(kind="test-simple", params={"title": "And again"}, user=promoted)


def test_request_over_the_limit_answers_429_with_the_reason(client, chair, simple_renderer, two_per_window):
    client.force_login(chair)
    statuses = [
        client.post(reverse("reports:request"), {"kind": "test-simple", "title": title}).status_code
        for title in ("One", "Two", "Three")
    ]
    response = client.post(
        reverse("reports:request"), {"kind": "test-simple", "title": "Four", "next": "/delegations/"}
    )
    assert statuses == [302, 302, 429]
    assert (response.status_code, response["Retry-After"], response.context["message"]) == (429, "210", REFUSED)
    assert response.context["back"] == "/delegations/"
    assert GeneratedFile.objects.count() == 2
    other = ChairOfficeFactory()
    client.force_login(other)
    assert client.post(reverse("reports:request"), {"kind": "test-simple", "title": "Five"}).status_code == 302


def test_retry_over_the_limit_answers_429(client, chair, simple_renderer, two_per_window):
    failed = GeneratedFileFactory(
        kind="test-simple", parameters={"title": "x"}, requested_by=chair, state=GeneratedFile.State.FAILED
    )
    client.force_login(chair)
    for title in ("One", "Two"):
        client.post(reverse("reports:request"), {"kind": "test-simple", "title": title})
    response = client.post(reverse("reports:file_retry", kwargs={"pk": failed.pk}))
    assert (response.status_code, response.context["back"]) == (
        429,
        reverse("reports:file_detail", kwargs={"pk": failed.pk}),
    )
    assert GeneratedFile.objects.count() == 3
