"""The public tracker's pages and export, and the Chair's office's page of what a session builds on."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from accounts.tests.factories import UserFactory, grant_chair_staff
from delegations.tests.factories import DelegationFactory
from followup.models import Recommendation, SessionRecommendation
from followup.tests.factories import FollowUpReportFactory, RecommendationFactory, theme
from followup.tests.factories_tracker import athens, mexico, outcome_of, published, session_of
from followup.views import tracker as views
from gfmd.tests.paging import assert_pages_cost_the_same, page_link
from gfmd.tests.queries import count_queries

pytestmark = pytest.mark.django_db

TRACKER = "/tracker/"


@pytest.fixture
def meetings():
    return athens(), mexico()


@pytest.fixture
def athens_recommendations(meetings):
    earlier, _current = meetings
    outcome = outcome_of(session_of(earlier, "3.1", "Migration data and Migration Profiles"))
    profiles = published(
        outcome,
        number=1,
        text_en="Governments should develop and update Migration Profiles.",
        themes=[theme("migration-data")],
        status=Recommendation.Status.IN_PROGRESS,
        status_changed_at=timezone.now(),
    )
    rcp = published(
        outcome_of(session_of(earlier, "3.2")),
        number=1,
        text_en="Regional consultative processes should put development on their agendas.",
        addressees=["gfmd", "international_organisations"],
        themes=[theme("regional-processes")],
    )
    draft = RecommendationFactory(outcome=outcome, number=2, text_en="A draft nobody may see yet.")
    return profiles, rcp, draft


def _csv(response) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


# -- The public tracker ----------------------------------------------------------------------------


def test_the_tracker_counts_by_theme_and_status_and_lists_only_published(client, athens_recommendations):
    profiles, rcp, _draft = athens_recommendations
    response = client.get(TRACKER)
    assert response.status_code == 200
    page = response.content.decode()
    counts = response.context["counts"]
    assert counts.total == 2
    statuses = [value for value, _label in counts.statuses]
    assert counts.totals[statuses.index("in_progress")] == 1 and counts.totals[statuses.index("proposed")] == 1
    rows = {row.label: row for row in counts.rows if row.total}
    assert set(rows) == {"Migration data, research and Migration Profiles", "Regional consultative processes"}
    assert rows["Migration data, research and Migration Profiles"].cells[statuses.index("in_progress")] == 1
    assert profiles.identifier in page and rcp.identifier in page
    assert "GFMD-2009-3.1-R2" not in page and "A draft nobody may see yet." not in page
    assert '<svg class="tracker-chart"' in page and "Recommendations by status" in page
    assert "In progress" in page


def test_the_tracker_filters_by_theme_status_addressee_and_meeting(client, meetings, athens_recommendations):
    profiles, rcp, _draft = athens_recommendations
    _athens, current = meetings
    later = published(outcome_of(session_of(current, "2.1")), number=1, text_en="Mexico recommends.")

    def identifiers(query):
        response = client.get(f"{TRACKER}?{query}")
        assert response.status_code == 200
        return {r.identifier for r in response.context["recommendations"]}

    assert identifiers("theme=migration-data") == {profiles.identifier}
    assert identifiers("status=proposed") == {rcp.identifier, later.identifier}
    assert identifiers("addressee=gfmd") == {rcp.identifier}
    assert identifiers("addressee=governments") == {profiles.identifier, later.identifier}
    # A value that is not a choice is ignored, not an error.
    assert identifiers("theme=%3Cscript%3E&status=nonsense") == {profiles.identifier, rcp.identifier, later.identifier}
    response = client.get(f"{TRACKER}?meeting=4&theme=migration-data")
    assert response.status_code == 302 and response["Location"] == "/tracker/4/?theme=migration-data"


def test_a_meetings_tracker_names_it_and_shows_only_its_recommendations(client, meetings, athens_recommendations):
    profiles, _rcp, _draft = athens_recommendations
    _athens, current = meetings
    own = published(outcome_of(session_of(current, "2.1")), number=1)
    response = client.get(reverse("followup:meeting_tracker", kwargs={"number": 4}))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Recommendations and follow-up: Fourth Meeting of the GFMD, Mexico 2010" in page
    assert own.identifier in page and profiles.identifier not in page
    assert response.context["counts"].total == 1


def test_an_unknown_or_unpublished_meeting_is_not_found(client, meetings):
    from roundtables.tests.factories import MeetingFactory

    MeetingFactory(number=5)  # in preparation: not public yet
    assert client.get("/tracker/99/").status_code == 404
    assert client.get("/tracker/5/").status_code == 404
    assert client.get("/tracker/99/export.csv").status_code == 404


def test_the_reader_gets_their_language_or_the_original_with_a_note(client, meetings):
    earlier, _current = meetings
    french_outcome = outcome_of(session_of(earlier, "1.1"), original_language="fr")
    published(french_outcome, number=1, text_en="", text_fr="Les gouvernements devraient coopérer.")
    both = published(outcome_of(session_of(earlier, "1.2")), number=1, text_en="Cooperate.", text_fr="Coopérer.")
    page = client.get(TRACKER).content.decode()
    assert '<p class="mb-2" lang="fr">Les gouvernements devraient coopérer.</p>' in page
    assert "shown in French, the language of the outcome" in page
    with translation.override("fr"):
        page = client.get(TRACKER, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Coopérer." in page and both.identifier in page


def test_each_row_counts_the_reports_and_names_the_latest(client, meetings, athens_recommendations):
    profiles, _rcp, _draft = athens_recommendations
    _athens, current = meetings
    FollowUpReportFactory(recommendation=profiles, meeting=current, delegation=DelegationFactory(name="Philippines"))
    FollowUpReportFactory(recommendation=profiles, meeting=current, delegation=DelegationFactory(name="Morocco"))
    response = client.get(TRACKER)
    row = next(r for r in response.context["recommendations"] if r.pk == profiles.pk)
    assert row.report_count == 2 and row.latest_report_delegation == "Morocco"
    assert "2 reports, the latest by Morocco on" in response.content.decode()


def test_the_list_costs_the_same_queries_for_one_row_or_three_with_reports(client, meetings):
    earlier, current = meetings
    outcome = outcome_of(session_of(earlier, "3.1"))

    def add(n):
        for _ in range(n):
            recommendation = published(outcome, themes=[theme("migration-data"), theme("climate")])
            FollowUpReportFactory(recommendation=recommendation, meeting=current)

    add(1)
    one = count_queries(client, TRACKER)
    add(2)
    assert count_queries(client, TRACKER) == one


def test_pages_of_the_list_cost_the_same_and_keep_the_filters(client, meetings, monkeypatch):
    earlier, current = meetings
    outcome = outcome_of(session_of(earlier, "3.1"))
    monkeypatch.setattr(views, "PER_PAGE", 2)

    def add(n):
        for _ in range(n):
            FollowUpReportFactory(recommendation=published(outcome, themes=[theme("migration-data")]), meeting=current)

    url = f"{TRACKER}?theme=migration-data&status=proposed"
    assert_pages_cost_the_same(client, url, add, per_page=2)
    link = page_link(client.get(url))
    assert link["theme"] == ["migration-data"] and link["status"] == ["proposed"]


def test_the_export_streams_the_filtered_published_list(client, athens_recommendations, meetings):
    profiles, rcp, _draft = athens_recommendations
    published(outcome_of(session_of(meetings[0], "2.2")), number=1, text_en='=HYPERLINK("http://evil")', themes=[])
    response = client.get(f"{TRACKER}export.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = _csv(response)
    assert rows[0][0] == "Identifier"
    identifiers = [row[0] for row in rows[1:]]
    assert profiles.identifier in identifiers and rcp.identifier in identifiers
    assert "GFMD-2009-3.1-R2" not in identifiers  # the draft
    hostile = next(row for row in rows if row[0] == "GFMD-2009-2.2-R1")
    assert hostile[4].startswith("'=")  # neutralised: never a live formula
    profile_row = next(row for row in rows if row[0] == profiles.identifier)
    assert profile_row[6] == "In progress" and profile_row[9] == "Migration data, research and Migration Profiles"
    filtered = _csv(client.get(f"{TRACKER}export.csv?theme=regional-processes"))
    assert [row[0] for row in filtered[1:]] == [rcp.identifier]
    assert _csv(client.get("/tracker/4/export.csv"))[1:] == []


def test_the_export_costs_the_same_queries_for_one_row_or_three(client, meetings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    earlier, current = meetings
    outcome = outcome_of(session_of(earlier, "3.1"))

    def cost():
        with CaptureQueriesContext(connection) as queries:
            b"".join(client.get(f"{TRACKER}export.csv").streaming_content)
        return len(queries)

    FollowUpReportFactory(recommendation=published(outcome, themes=[theme("climate")]), meeting=current)
    one = cost()
    for _ in range(2):
        FollowUpReportFactory(recommendation=published(outcome, themes=[theme("climate")]), meeting=current)
    assert cost() == one


# -- The Chair's office: what a session builds on --------------------------------------------------


@pytest.fixture
def session_2010(meetings):
    return session_of(meetings[1], "3.1", "Assessing the impact of migration on development")


def _builds_on_url(session, **query):
    url = reverse("followup:session_builds_on", kwargs={"number": session.meeting.number, "pk": session.pk})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_the_page_is_refused_to_everyone_but_the_meetings_chair_office(client, meetings, session_2010):
    earlier, _current = meetings
    assert client.get(_builds_on_url(session_2010)).status_code == 403
    client.force_login(UserFactory())
    assert client.get(_builds_on_url(session_2010)).status_code == 403
    athens_staff = UserFactory()
    grant_chair_staff(athens_staff, [earlier])
    client.force_login(athens_staff)
    assert client.get(_builds_on_url(session_2010)).status_code == 403
    assert client.post(_builds_on_url(session_2010), {"recommendation": 1}).status_code == 403


def test_a_session_of_another_meeting_is_not_found(client, chair, meetings, session_2010):
    client.force_login(chair)
    url = reverse("followup:session_builds_on", kwargs={"number": 3, "pk": session_2010.pk})
    assert client.get(url).status_code == 404


def test_the_search_finds_earlier_published_recommendations_by_identifier_or_words(
    client, chair, meetings, session_2010, athens_recommendations
):
    profiles, rcp, _draft = athens_recommendations
    _athens, current = meetings
    published(outcome_of(session_of(current, "1.1")), text_en="Migration Profiles for Mexico too.")
    client.force_login(chair)
    response = client.get(_builds_on_url(session_2010))
    page = response.content.decode()
    assert response.status_code == 200
    assert "What session 3.1 builds on" in page and "Fourth Meeting of the GFMD, Mexico 2010" in page

    def found(query):
        return [r.pk for r in client.get(_builds_on_url(session_2010, q=query)).context["search"].results]

    assert found("Migration Profiles") == [profiles.pk]
    assert set(found("GFMD-2009")) == {profiles.pk, rcp.pk}  # the draft and 2010's are never offered
    assert found("gfmd-2009-3.2-r1") == [rcp.pk]
    page = client.get(_builds_on_url(session_2010, q="<script>alert(1)</script>")).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_search_is_bounded(client, chair, meetings, session_2010):
    outcome = outcome_of(session_of(meetings[0], "3.1"))
    for _ in range(22):
        published(outcome, text_en="Migration Profiles again.")
    client.force_login(chair)
    search = client.get(_builds_on_url(session_2010, q="Profiles")).context["search"]
    assert len(search.results) == 20 and search.more


def test_the_chair_office_links_and_removes_a_recommendation(client, chair, session_2010, athens_recommendations):
    profiles, _rcp, _draft = athens_recommendations
    client.force_login(chair)
    response = client.post(_builds_on_url(session_2010), {"recommendation": profiles.pk, "q": "Profiles"}, follow=True)
    page = response.content.decode()
    assert "Session 3.1 now builds on GFMD-2009-3.1-R1." in page
    assert SessionRecommendation.objects.filter(session=session_2010, recommendation=profiles).exists()
    remove = reverse(
        "followup:session_builds_on_remove",
        kwargs={"number": 4, "pk": session_2010.pk, "recommendation": profiles.pk},
    )
    response = client.post(remove, follow=True)
    assert "Session 3.1 no longer builds on GFMD-2009-3.1-R1." in response.content.decode()
    assert not SessionRecommendation.objects.exists()


def test_refusals_are_shown_on_the_page(client, chair, session_2010, athens_recommendations):
    _profiles, _rcp, draft = athens_recommendations
    client.force_login(chair)
    response = client.post(_builds_on_url(session_2010), {"recommendation": draft.pk})
    assert response.status_code == 200
    assert "GFMD-2009-3.1-R2 is not published" in response.content.decode()
    response = client.post(_builds_on_url(session_2010), {"recommendation": "nonsense"})
    assert "Enter a whole number." in response.content.decode()
    response = client.post(_builds_on_url(session_2010), {"recommendation": 999999})
    assert "Choose a recommendation in the list." in response.content.decode()
    assert not SessionRecommendation.objects.exists()


def test_a_closed_meeting_offers_no_form(client, chair, meetings, session_2010, athens_recommendations):
    _athens, current = meetings
    type(current).objects.filter(pk=current.pk).update(closed_at=timezone.now())
    client.force_login(chair)
    page = client.get(_builds_on_url(session_2010)).content.decode()
    assert "is closed: its record is read-only." in page and 'name="recommendation"' not in page
    response = client.post(_builds_on_url(session_2010), {"recommendation": athens_recommendations[0].pk})
    assert "is closed: its record is read-only." in response.content.decode()
    assert not SessionRecommendation.objects.exists()


def test_the_session_edit_page_links_to_the_page(client, chair, session_2010):
    client.force_login(chair)
    page = client.get(reverse("roundtables:session_edit", kwargs={"pk": session_2010.pk})).content.decode()
    assert _builds_on_url(session_2010) in page


def test_the_public_partial_shows_what_the_session_builds_on(chair, session_2010, athens_recommendations):
    from django.template.loader import render_to_string

    from followup.services.tracker import session_recommendation_link

    profiles, _rcp, draft = athens_recommendations
    assert render_to_string("followup/tracker/_session_builds_on.html", {"session": session_2010}).strip() == ""
    session_recommendation_link(session=session_2010, recommendation=profiles, actor=chair)
    # A link to a recommendation that later went unpublished (its outcome withdrawn) is not shown.
    SessionRecommendation.objects.create(session=session_2010, recommendation=draft)
    html = render_to_string("followup/tracker/_session_builds_on.html", {"session": session_2010})
    assert "Builds on earlier recommendations" in html and profiles.identifier in html and "In progress" in html
    assert f'href="{profiles.get_absolute_url()}"' in html
    assert draft.identifier not in html


def test_the_session_page_stamp_changes_with_the_links(chair, session_2010, athens_recommendations):
    from django.db.models import Value

    from followup.selectors.tracker import builds_on_stamp
    from followup.services.tracker import session_recommendation_link
    from roundtables.models import Session

    def stamp():
        return (
            Session.objects.filter(pk=session_2010.pk)
            .annotate(stamp=builds_on_stamp(session_2010.pk, Value(session_2010.meeting_id)))
            .values_list("stamp", flat=True)
            .get()
        )

    before = stamp()
    session_recommendation_link(session=session_2010, recommendation=athens_recommendations[0], actor=chair)
    assert stamp() != before


def test_the_archive_meeting_page_links_to_its_tracker(client, chair, meetings):
    from roundtables.services.programme import programme_publish

    earlier, _current = meetings
    programme_publish(meeting=earlier, actor=chair)
    response = client.get(reverse("roundtables:meeting_detail", kwargs={"number": 3}))
    assert response.status_code == 200
    assert 'href="/tracker/3/"' in response.content.decode()


def test_the_builds_on_page_costs_the_same_for_one_link_or_three(client, chair, meetings, session_2010):
    outcome = outcome_of(session_of(meetings[0], "3.1"))

    def link(n):
        for _ in range(n):
            SessionRecommendation.objects.create(
                session=session_2010, recommendation=published(outcome, text_en="Migration Profiles."), linked_by=chair
            )

    client.force_login(chair)
    url = _builds_on_url(session_2010, q="Profiles")
    link(1)
    one = count_queries(client, url)
    link(2)
    assert count_queries(client, url) == one
