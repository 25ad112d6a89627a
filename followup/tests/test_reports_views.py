"""The follow-up pages: who may open them, errors next to the fields, hostile input, downloads, the
Chair's office's review (its cost in queries) and the follow-up survey it prepares."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from accounts.tests.factories import UserFactory
from followup.models import FollowUpReport, Recommendation, ReportAttachment, StatusChange
from followup.services.reports import followup_report_file
from followup.tests.factories import FollowUpReportFactory, theme
from followup.tests.factories_reports import (
    athens,
    chair_staff_of,
    focal_point,
    mexico,
    recommendation_of,
)
from followup.views import reports as views
from gfmd.tests.paging import assert_pages_cost_the_same, page_link
from gfmd.tests.queries import count_queries
from papers.tests.files import HTML_AS_PDF, pdf_upload, upload
from roundtables.tests.factories import MeetingFactory
from surveys.models import Question, Survey

Status = Recommendation.Status
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """The test's files in a folder of its own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def meetings():
    return athens(), mexico()


@pytest.fixture
def recommendation(meetings):
    return recommendation_of(meetings[0])


@pytest.fixture
def mexican(meetings):
    return focal_point("MX", meetings[1])


def form_url(recommendation):
    return reverse("followup:report_file", args=[recommendation.identifier])


def list_url(recommendation):
    return reverse("followup:report_list", args=[recommendation.identifier])


def report_data(**extra):
    return {"status": Status.IN_PROGRESS, "text": "Updating the Migration Profile.", "language": "en", **extra}


# -- The report form ------------------------------------------------------------------------------------


def test_report_form_urls_use_the_identifier(recommendation):
    assert form_url(recommendation) == "/recommendations/GFMD-2009-3.1-R1/report/"


def test_report_form_is_refused_to_people_who_are_not_focal_points(client, recommendation):
    client.force_login(UserFactory())
    assert client.get(form_url(recommendation)).status_code == 403


def test_report_form_of_an_unknown_or_unpublished_recommendation_is_404(client, meetings, mexican):
    client.force_login(mexican[0])
    draft = recommendation_of(meetings[0], "3.3", published=False)
    assert client.get("/recommendations/GFMD-2009-9.9-R1/report/").status_code == 404
    assert client.get("/recommendations/nonsense/report/").status_code == 404
    assert client.get(form_url(draft)).status_code == 404


def test_focal_point_files_a_report(client, recommendation, mexican, media_root):
    client.force_login(mexican[0])
    page = client.get(form_url(recommendation))
    assert "as focal point you speak for your government" in page.content.decode()
    response = client.post(
        form_url(recommendation), {**report_data(), "role": page.context["roles"][0].pk, "attachments": [pdf_upload()]}
    )
    assert response.status_code == 302
    assert response["Location"] == list_url(recommendation)
    report = FollowUpReport.objects.get()
    assert (report.delegation, report.attachments.count()) == (mexican[1], 1)


def test_errors_are_shown_next_to_the_fields_and_nothing_is_lost(client, recommendation, mexican, media_root):
    client.force_login(mexican[0])
    response = client.post(
        form_url(recommendation),
        {
            **report_data(status=Status.SUPERSEDED, text="Kept <b>text</b>"),
            "attachments": [upload("x.pdf", HTML_AS_PDF)],
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["status"]
    assert form["text"].value() == "Kept <b>text</b>"
    assert not FollowUpReport.objects.exists()


def test_a_fake_upload_is_refused_with_a_message_and_the_text_is_kept(client, recommendation, mexican, media_root):
    client.force_login(mexican[0])
    response = client.post(
        form_url(recommendation), {**report_data(text="Our report."), "attachments": [upload("x.pdf", HTML_AS_PDF)]}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["attachments"]
    assert form["text"].value() == "Our report."
    assert "Our report." in response.content.decode()
    assert not FollowUpReport.objects.exists() and not ReportAttachment.objects.exists()


def test_hostile_text_is_shown_as_text(client, recommendation, mexican):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    followup_report_file(
        recommendation=recommendation,
        delegation=mexican[1],
        meeting=mexican[1].focal_point_roles.get().meeting,
        status=Status.TAKEN_UP,
        text=hostile,
        language="en",
        actor=mexican[0],
    )
    content = client.get(list_url(recommendation)).content.decode()
    assert "<script>alert" not in content and "<img src=x" not in content
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in content


# -- The public reports and their documents ------------------------------------------------------------


def test_reports_list_is_public_and_paginated(client, meetings, recommendation, monkeypatch):
    monkeypatch.setattr(views, "REPORTS_PER_PAGE", 2)
    assert_pages_cost_the_same(
        client,
        list_url(recommendation),
        lambda n: FollowUpReportFactory.create_batch(n, recommendation=recommendation, meeting=meetings[1]),
        per_page=2,
    )


def test_reports_of_an_unpublished_recommendation_are_404(client, meetings):
    draft = recommendation_of(meetings[0], published=False)
    assert client.get(list_url(draft)).status_code == 404


def test_attachment_is_served_as_a_safe_download(client, recommendation, mexican, media_root):
    report = followup_report_file(
        recommendation=recommendation,
        delegation=mexican[1],
        meeting=mexican[1].focal_point_roles.get().meeting,
        status=Status.TAKEN_UP,
        text="Report.",
        language="en",
        actor=mexican[0],
        files=[pdf_upload("perfil migratorio.pdf")],
    )
    attachment = report.attachments.get()
    response = client.get(reverse("followup:report_attachment", args=[attachment.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="GFMD-2009-3.1-R1-Mexico-{attachment.pk}.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    recommendation.published_at = None
    recommendation.save()
    assert client.get(reverse("followup:report_attachment", args=[attachment.pk])).status_code == 404
    response.close()  # last: closing the response ends the request, and its database connection


# -- The partial on the recommendation's page ------------------------------------------------------------


def test_partial_shows_history_reports_and_buttons(meetings, recommendation, mexican):
    followup_report_file(
        recommendation=recommendation,
        delegation=mexican[1],
        meeting=meetings[1],
        status=Status.IN_PROGRESS,
        text="El Perfil Migratorio se actualiza.",
        language="es",
        actor=mexican[0],
    )
    recommendation = Recommendation.objects.select_related("outcome__session__meeting").get(pk=recommendation.pk)
    request = RequestFactory().get("/")
    request.user = mexican[0]
    html = render_to_string(
        "followup/reports/_recommendation_followup.html", {"recommendation": recommendation}, request=request
    )
    assert "In progress" in html
    assert "in the follow-up of Mexico 2010" in html
    assert "reported by Mexico" in html
    assert 'lang="es"' in html and "El Perfil Migratorio se actualiza." in html
    assert form_url(recommendation) in html
    assert "Change status" not in html

    request.user = chair_staff_of(meetings[1])
    html = render_to_string(
        "followup/reports/_recommendation_followup.html", {"recommendation": recommendation}, request=request
    )
    assert reverse("followup:status_change", args=[4, recommendation.pk]) in html
    assert "File a follow-up report" not in html


def test_partial_caps_the_reports_with_a_link_to_all(meetings, recommendation):
    FollowUpReportFactory.create_batch(7, recommendation=recommendation, meeting=meetings[1])
    request = RequestFactory().get("/")
    request.user = UserFactory()
    html = render_to_string(
        "followup/reports/_recommendation_followup.html", {"recommendation": recommendation}, request=request
    )
    assert html.count("<article") == 5
    assert "All 7 reports" in html


# -- The Chair's office's review ------------------------------------------------------------------------


def review_url(number=4, **query):
    url = reverse("followup:review", args=[number])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_review_is_refused_to_others(client, meetings, mexican):
    client.force_login(chair_staff_of(meetings[0]))  # Athens' Chair's office, not Mexico's
    assert client.get(review_url()).status_code == 403
    client.force_login(mexican[0])
    assert client.get(review_url()).status_code == 403
    assert client.get(reverse("followup:status_change", args=[4, 1])).status_code == 403
    assert client.post(reverse("followup:survey_create", args=[4]), {"recommendations": [1]}).status_code == 403


def test_review_lists_earlier_and_own_published_recommendations(client, meetings, recommendation):
    own = recommendation_of(meetings[1], "1.1")
    recommendation_of(meetings[0], "3.3", published=False)
    later = MeetingFactory(number=5, title_en="Switzerland 2011")
    recommendation_of(later, "1.2")
    FollowUpReportFactory.create_batch(2, recommendation=recommendation, meeting=meetings[1])
    client.force_login(chair_staff_of(meetings[1]))
    response = client.get(review_url())
    assert list(response.context["recommendations"]) == [recommendation, own]
    assert [r.report_count for r in response.context["recommendations"]] == [2, 0]
    content = response.content.decode()
    assert "Mexico 2010" in content  # the page names its meeting
    assert list(client.get(review_url(meeting=3)).context["recommendations"]) == [recommendation]
    assert list(client.get(review_url(status="in_progress")).context["recommendations"]) == []


def test_review_filters_by_theme_and_survive_to_page_2(client, meetings, monkeypatch):
    monkeypatch.setattr(views, "REVIEW_PER_PAGE", 2)
    for number in range(1, 6):
        recommendation_of(meetings[0], f"2.{number}").themes.add(theme())
    client.force_login(chair_staff_of(meetings[1]))
    response = client.get(review_url(theme="migration-data", status="proposed"))
    assert response.context["page"].paginator.count == 5
    assert page_link(response) == {"theme": ["migration-data"], "status": ["proposed"], "page": ["2"]}


def test_review_costs_the_same_queries_for_1_and_3_rows(client, meetings):
    client.force_login(chair_staff_of(meetings[1]))
    codes = iter(f"{a}.{b}" for a in range(1, 9) for b in range(1, 9))

    def add(n):
        for _ in range(n):
            recommendation = recommendation_of(meetings[0], next(codes))
            recommendation.themes.add(theme())
            FollowUpReportFactory(recommendation=recommendation, meeting=meetings[1])

    add(1)
    one = count_queries(client, review_url())
    add(2)
    three = count_queries(client, review_url())
    assert one == three


def test_review_pages_cost_the_same(client, meetings, monkeypatch):
    monkeypatch.setattr(views, "REVIEW_PER_PAGE", 2)
    client.force_login(chair_staff_of(meetings[1]))
    codes = iter(f"{a}.{b}" for a in range(1, 9) for b in range(1, 9))
    assert_pages_cost_the_same(
        client, review_url(), lambda n: [recommendation_of(meetings[0], next(codes)) for _ in range(n)], per_page=2
    )


def test_status_change_page(client, meetings, recommendation):
    client.force_login(chair_staff_of(meetings[1]))
    url = reverse("followup:status_change", args=[4, recommendation.pk])
    response = client.post(url, {"status": Status.PROPOSED, "note": ""})
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "status": ["The recommendation is already “Proposed”: choose another status, or write a note."]
    }
    response = client.post(url, {"status": Status.SUPERSEDED, "note": "Replaced by GFMD-2010-3.1-R2."})
    assert response.status_code == 302
    change = StatusChange.objects.get()
    assert (change.status, change.meeting, change.note) == (
        Status.SUPERSEDED,
        meetings[1],
        "Replaced by GFMD-2010-3.1-R2.",
    )


def test_status_change_of_an_unpublished_or_later_recommendation_is_404(client, meetings):
    draft = recommendation_of(meetings[0], published=False)
    client.force_login(chair_staff_of(meetings[0]))
    later = recommendation_of(meetings[1], "1.1")
    assert client.get(reverse("followup:status_change", args=[3, draft.pk])).status_code == 404
    assert client.get(reverse("followup:status_change", args=[3, later.pk])).status_code == 404


# -- The follow-up survey ------------------------------------------------------------------------------


def test_chair_office_prepares_a_follow_up_survey(client, meetings, recommendation):
    second = recommendation_of(meetings[0], "3.3", text_fr="Les gouvernements devraient...")
    client.force_login(chair_staff_of(meetings[1]))
    response = client.post(
        reverse("followup:survey_create", args=[4]), {"recommendations": [second.pk, recommendation.pk]}
    )
    survey = Survey.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("surveys:detail", args=[survey.pk])
    assert survey.meeting == meetings[1]
    assert survey.status() == Survey.Status.UPCOMING
    assert not survey.invitations.exists()  # nothing is sent: the Chair's office invites from the survey
    sections = list(survey.sections.order_by("order"))
    assert [s.title for s in sections] == ["GFMD-2009-3.1-R1", "GFMD-2009-3.3-R1"]
    assert sections[1].description_fr == "Les gouvernements devraient..."
    questions = list(sections[0].questions.order_by("order"))
    assert [(q.text, q.kind) for q in questions] == [
        ("Status in your country", Question.Kind.SINGLE),
        ("What has been done", Question.Kind.LONG_TEXT),
    ]
    assert [o.label for o in questions[0].options.order_by("order")] == [
        "Proposed",
        "Taken up",
        "In progress",
        "Implemented",
        "Superseded",
    ]


def test_survey_of_more_than_20_or_unpublished_recommendations_is_refused(client, meetings, recommendation):
    client.force_login(chair_staff_of(meetings[1]))
    url = reverse("followup:survey_create", args=[4])
    response = client.post(url, {"recommendations": list(range(1, 22))}, follow=True)
    assert [str(m) for m in response.context["messages"]] == ["Choose at most 20 recommendations for one survey."]
    draft = recommendation_of(meetings[0], "3.3", published=False)
    response = client.post(url, {"recommendations": [recommendation.pk, draft.pk]}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "Only published recommendations of this meeting and the earlier ones can be asked about."
    ]
    assert not Survey.objects.exists()


def test_a_text_not_in_the_readers_language_is_shown_in_its_original_marked(client, meetings):
    spanish = recommendation_of(meetings[0], "3.3", text_en="", text_es="Los gobiernos deberían actualizar...")
    spanish.outcome.original_language = "es"
    spanish.outcome.save()
    content = client.get(list_url(spanish)).content.decode()
    assert '<p class="mb-0" lang="es">Los gobiernos deberían actualizar...</p>' in content
    assert "Not yet translated into your language" in content
