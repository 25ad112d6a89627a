"""The pages: who sees what, what they show, and query counts that do not grow with the lists."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from papers.models import Comment, Paper
from papers.tests.factories import (
    CommentFactory,
    PaperFactory,
    SubmissionDeadlineFactory,
    TranslationFactory,
    VersionFactory,
    published_paper,
)
from roundtables.tests.factories import RoundtableFactory, SessionFactory


def _paper(team, state=Paper.State.DRAFT, **kwargs):
    paper = PaperFactory(session=team.session, authors=[team.author], **kwargs)
    version = VersionFactory(paper=paper, number=1, uploaded_by=team.author)
    if state != Paper.State.DRAFT:
        Paper.objects.filter(pk=paper.pk).update(
            state=state,
            accepted_version=version if state in ("accepted", "published") else None,
            published_at=timezone.now() if state == "published" else None,
        )
        paper.refresh_from_db()
    return paper


# The team's workspace.


@pytest.mark.django_db
def test_workspace_lists_the_sessions_papers_for_the_team(client, team):
    paper = _paper(team)
    client.force_login(team.member_focal_point)
    response = client.get(reverse("papers:workspace", args=[team.session.pk]))
    assert response.status_code == 200
    assert [p.pk for p in response.context["papers"]] == [paper.pk]
    assert response.context["can_add"] is True


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "stranger", "outsider"])
def test_workspace_is_a_404_off_the_team(client, team, outsider, who):
    if who != "anonymous":
        client.force_login({"stranger": UserFactory(), "outsider": outsider}[who])
    response = client.get(reverse("papers:workspace", args=[team.session.pk]))
    expected = 302 if who == "anonymous" else 404  # anonymous: to the sign-in page
    assert response.status_code == expected


@pytest.mark.django_db
def test_the_chairs_office_sees_the_workspace_but_may_not_add_a_paper(client, team, chair):
    client.force_login(chair)
    assert client.get(reverse("papers:workspace", args=[team.session.pk])).context["can_add"] is False
    assert client.get(reverse("papers:create", args=[team.session.pk])).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_workspace_query_count_does_not_grow_with_papers(client, team, django_assert_num_queries, count):
    for kind in ["background", "annex", "case_study"][:count]:
        paper = _paper(team, kind=kind)
        CommentFactory(version=paper.versions.get())
    client.force_login(team.member_focal_point)
    with django_assert_num_queries(11):
        response = client.get(reverse("papers:workspace", args=[team.session.pk]))
    assert len(response.context["papers"]) == count


# A paper: the team's view with versions, comments and history; the public view once published.


@pytest.mark.django_db
def test_paper_page_shows_versions_side_by_side_comments_and_history(client, team, chair):
    from papers import services

    paper = _paper(team)
    VersionFactory(paper=paper, number=2, note="Shorter introduction", uploaded_by=team.author)
    services.paper_submit(paper=paper, actor=team.author)
    services.paper_request_revision(paper=paper, actor=chair, message="Add the 2009 figures.")
    client.force_login(team.co_chair_rep)
    response = client.get(reverse("papers:detail", args=[paper.pk]))
    page = response.content.decode()
    assert [v.number for v in response.context["versions"]] == [2, 1]
    assert [(e["label"], e["message"]) for e in response.context["history"]] == [
        ("Submitted for review", ""),
        ("Revision requested", "Add the 2009 figures."),
    ]
    assert "Shorter introduction" in page
    assert 'id="version-2"' in page and 'id="version-1"' in page
    assert page.count("Add the 2009 figures.") == 2  # as a comment on version 2 and in the history
    assert response.context["actions"]["decide"] is False  # revision requested: with the team now


@pytest.mark.django_db
def test_comments_are_not_shown_on_the_public_page(client, team):
    paper = published_paper(session=team.session)
    CommentFactory(version=paper.accepted_version, body="Internal remark about the budget")
    response = client.get(reverse("papers:detail", args=[paper.pk]))
    assert response.templates[0].name == "papers/paper_public.html"
    assert "Internal remark" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "stranger", "outsider"])
def test_a_draft_paper_is_a_404_off_the_team(client, team, outsider, who):
    paper = _paper(team, Paper.State.ACCEPTED)
    if who != "anonymous":
        client.force_login({"stranger": UserFactory(), "outsider": outsider}[who])
    assert client.get(reverse("papers:detail", args=[paper.pk])).status_code == 404


@pytest.mark.django_db
def test_a_comment_through_the_page(client, team):
    paper = _paper(team, Paper.State.SUBMITTED)
    version = paper.versions.get()
    client.force_login(team.co_chair_focal_point)
    response = client.post(reverse("papers:comment_add", args=[version.pk]), {"body": "Cite the 2009 study."})
    assert response.status_code == 302
    assert response["Location"] == reverse("papers:detail", args=[paper.pk]) + "#version-1"
    assert list(Comment.objects.values_list("body", "author")) == [
        ("Cite the 2009 study.", team.co_chair_focal_point.pk)
    ]


@pytest.mark.django_db
def test_an_empty_comment_is_refused_next_to_the_field(client, team):
    version = _paper(team, Paper.State.SUBMITTED).versions.get()
    client.force_login(team.author)
    response = client.post(reverse("papers:comment_add", args=[version.pk]), {"body": ""})
    assert response.status_code == 400
    assert response.context["comment_form"].errors == {"body": ["This field is required."]}
    assert f'id="comment-{version.pk}-error"' in response.content.decode()


@pytest.mark.django_db
def test_a_comment_by_another_sessions_team_is_a_404(client, team, outsider):
    version = _paper(team, Paper.State.SUBMITTED).versions.get()
    client.force_login(outsider)
    assert client.post(reverse("papers:comment_add", args=[version.pk]), {"body": "Hi"}).status_code == 404
    assert Comment.objects.count() == 0


# Transitions through the page.


@pytest.mark.django_db
def test_request_revision_without_a_message_keeps_the_state_and_says_why(client, team):
    paper = _paper(team, Paper.State.IN_REVIEW)
    client.force_login(team.co_chair_rep)
    response = client.post(reverse("papers:transition", args=[paper.pk]), {"action": "request_revision", "message": ""})
    assert response.status_code == 400
    assert response.context["transition_form"].errors == {
        "message": ["Say what needs to change: the authors will read it."]
    }
    assert Paper.objects.get(pk=paper.pk).state == Paper.State.IN_REVIEW


@pytest.mark.django_db
def test_accept_then_publish_through_the_page(client, team, chair):
    paper = _paper(team, Paper.State.SUBMITTED)
    client.force_login(team.co_chair_rep)
    assert client.post(reverse("papers:transition", args=[paper.pk]), {"action": "accept"}).status_code == 302
    # The co-chair may not publish: they see the paper, so it is a 403, not a 404.
    assert client.post(reverse("papers:transition", args=[paper.pk]), {"action": "publish"}).status_code == 403
    client.force_login(chair)
    assert client.post(reverse("papers:transition", args=[paper.pk]), {"action": "publish"}).status_code == 302
    assert Paper.objects.get(pk=paper.pk).state == Paper.State.PUBLISHED


@pytest.mark.django_db
def test_a_transition_in_the_wrong_state_is_explained(client, team, chair):
    paper = _paper(team, Paper.State.DRAFT)
    client.force_login(chair)
    response = client.post(reverse("papers:transition", args=[paper.pk]), {"action": "publish"})
    assert response.status_code == 400
    assert response.context["transition_form"].non_field_errors() == [
        "This paper is “Draft”, so it cannot be published now."
    ]


@pytest.mark.django_db
def test_a_transition_by_someone_off_the_team_is_a_404(client, team, outsider):
    paper = _paper(team, Paper.State.SUBMITTED)
    client.force_login(outsider)
    assert client.post(reverse("papers:transition", args=[paper.pk]), {"action": "accept"}).status_code == 404


@pytest.mark.django_db
def test_paper_edit_keeps_what_was_typed_on_error(client, team):
    paper = _paper(team)
    client.force_login(team.author)
    response = client.post(
        reverse("papers:edit", args=[paper.pk]),
        {"kind": "background", "language": "es", "title_en": "New English title", "title_es": ""},
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "title_es": ["Give the title in the language the paper is written in (Spanish)."]
    }
    assert response.context["form"]["title_en"].value() == "New English title"


# The Chair's office overview.


@pytest.mark.django_db
def test_overview_shows_late_and_missing_sessions(client, team, chair, meeting):
    meeting.is_current = True
    meeting.save()
    SubmissionDeadlineFactory(meeting=meeting, due_at=timezone.now() - dt.timedelta(days=1))
    on_time = SessionFactory(roundtable=team.session.roundtable, code="1.2")
    _paper(team, Paper.State.DRAFT)
    PaperFactory(session=on_time, state=Paper.State.DRAFT)
    Paper.objects.filter(session=on_time).update(state=Paper.State.SUBMITTED)
    SessionFactory(roundtable=team.session.roundtable, code="1.3")
    client.force_login(chair)
    response = client.get(reverse("papers:overview"))
    rows = {row.session.code: (row.late, row.lacks_paper) for row in response.context["overview"].sessions}
    assert rows == {"1.1": (True, False), "1.2": (False, False), "1.3": (True, True)}
    assert response.context["overview"].late_count == 2


@pytest.mark.django_db
def test_overview_filters_papers_by_state(client, team, chair, meeting):
    meeting.is_current = True
    meeting.save()
    draft = _paper(team)
    _paper(team, Paper.State.SUBMITTED, kind="annex")
    client.force_login(chair)
    response = client.get(reverse("papers:overview"), {"state": "draft"})
    assert [p.pk for p in response.context["papers"]] == [draft.pk]


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "co_chair_rep"])
def test_overview_is_for_the_chairs_office_only(client, team, meeting, who):
    if who != "anonymous":
        client.force_login(team.co_chair_rep)
    assert client.get(reverse("papers:overview")).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_overview_query_count_does_not_grow_with_sessions(client, chair, meeting, django_assert_num_queries, count):
    meeting.is_current = True
    meeting.save()
    roundtable = RoundtableFactory(meeting=meeting)
    for _ in range(count):
        session = SessionFactory(roundtable=roundtable)
        paper = PaperFactory(session=session, authors=[UserFactory()])
        VersionFactory(paper=paper)
        PaperFactory(session=session, kind="annex")
    SubmissionDeadlineFactory(meeting=meeting)
    client.force_login(chair)
    # (+1: the meeting switcher's meetings, one query whatever their number; +4: the papers by
    # state counted by the database, then their table in pages: count, page, authors)
    with django_assert_num_queries(14):
        client.get(reverse("papers:overview"))


@pytest.mark.django_db
def test_the_chairs_office_sets_the_meeting_deadline_in_the_meetings_time(client, chair, meeting):
    meeting.is_current = True
    meeting.time_zone = "America/Mexico_City"
    meeting.save()
    client.force_login(chair)
    response = client.post(reverse("papers:meeting_deadline"), {"due_at": "2010-10-15T18:00"})
    assert response.status_code == 302
    deadline = meeting.paper_deadlines.get()
    assert deadline.due_at == dt.datetime(2010, 10, 15, 23, 0, tzinfo=dt.UTC)  # 18:00 in Mexico City (CDT, UTC-5)


@pytest.mark.django_db
def test_a_bad_deadline_is_refused_next_to_the_field(client, chair, meeting):
    meeting.is_current = True
    meeting.save()
    client.force_login(chair)
    response = client.post(reverse("papers:meeting_deadline"), {"due_at": "next Friday"})
    assert response.status_code == 400
    assert response.context["deadline_form"].errors == {"due_at": ["Enter a valid date/time."]}


@pytest.mark.django_db
def test_a_sessions_own_deadline_and_back(client, team, chair, meeting):
    meeting.is_current = True
    meeting.save()
    client.force_login(chair)
    url = reverse("papers:session_deadline", args=[team.session.pk])
    client.post(url, {"due_at": "2010-10-01T12:00"})
    assert team.session.__class__.objects.get(pk=team.session.pk).paper_deadline.due_at.year == 2010
    client.post(url, {"clear": "1", "due_at": ""})
    assert meeting.paper_deadlines.count() == 0


# My papers.


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_my_papers_query_count_does_not_grow(client, team, meeting, django_assert_num_queries, count):
    from roundtables.models import SessionPerson
    from roundtables.tests.factories import SessionPersonFactory

    meeting.is_current = True
    meeting.save()
    for i in range(count - 1):
        SessionPersonFactory(
            session=SessionFactory(roundtable=team.session.roundtable, code=f"2.{i}"),
            person=team.author,
            role=SessionPerson.Role.AUTHOR,
        )
    _paper(team)
    SubmissionDeadlineFactory(meeting=meeting, due_at=dt.datetime(2010, 10, 1, 18, tzinfo=dt.UTC))
    client.force_login(team.author)
    with django_assert_num_queries(7):
        response = client.get(reverse("papers:mine"))
    assert response.content.decode().count("due 1 Oct 2010, 18:00") == count
    assert len(response.context["sessions"]) == count


@pytest.mark.django_db
def test_my_papers_lists_sessions_through_each_role(client, team, meeting):
    meeting.is_current = True
    meeting.save()
    for person in [team.member_focal_point, team.co_chair_focal_point, team.author, team.co_chair_rep]:
        client.force_login(person)
        assert [s.code for s in client.get(reverse("papers:mine")).context["sessions"]] == ["1.1"]
    # An approved delegate of a team delegation is not given the session's drafts.
    for person in [team.delegate, UserFactory()]:
        client.force_login(person)
        assert list(client.get(reverse("papers:mine")).context["sessions"]) == []


# The public library.


@pytest.mark.django_db
def test_library_lists_only_published_papers(client, team):
    published = published_paper(session=team.session, title_en="Circular migration")
    _paper(team, Paper.State.ACCEPTED, kind="annex", title_en="Accepted annex")
    response = client.get(reverse("papers:library"))
    assert [p.pk for p in response.context["papers"]] == [published.pk]
    assert "Accepted annex" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("remittances", ["Remittances and development"]),
        ("REMITTANCES development", ["Remittances and development"]),
        ("labour", ["Temporary labour mobility"]),
        ("diaspora", ["Temporary labour mobility"]),  # in the abstract
        ("migración", ["Remittances and development"]),  # in the Spanish title
        ("nothing-like-this", []),
    ],
)
def test_library_search_over_titles_and_abstracts(client, team, query, expected):
    published_paper(
        session=team.session,
        title_en="Remittances and development",
        title_es="Remesas y migración",
        abstract_en="Lowering the cost of transfers.",
    )
    published_paper(
        session=team.session,
        kind="annex",
        title_en="Temporary labour mobility",
        abstract_en="Engaging the diaspora in partnerships.",
    )
    response = client.get(reverse("papers:library"), {"q": query})
    assert [p.title_en for p in response.context["papers"]] == expected


@pytest.mark.django_db
def test_library_language_filter_counts_translations(client, team):
    spanish = published_paper(session=team.session, title_en="Written in Spanish", language="es")
    translated = published_paper(session=team.session, kind="annex", title_en="Translated")
    TranslationFactory(paper=translated, language="es")
    published_paper(session=team.session, kind="case_study", title_en="English only")
    response = client.get(reverse("papers:library"), {"language": "es"})
    assert {p.pk for p in response.context["papers"]} == {spanish.pk, translated.pk}


@pytest.mark.django_db
def test_library_filters_by_meeting_roundtable_and_session(client, team):
    here = published_paper(session=team.session)
    elsewhere = published_paper(session=SessionFactory())
    for params in (
        {"meeting": team.session.meeting_id},
        {"roundtable": team.session.roundtable_id},
        {"session": team.session.pk},
    ):
        response = client.get(reverse("papers:library"), params, follow=True)
        assert [p.pk for p in response.context["papers"]] == [here.pk]
    assert len(client.get(reverse("papers:library")).context["papers"]) == 2
    assert elsewhere.pk in [p.pk for p in client.get(reverse("papers:library")).context["papers"]]


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_library_query_count_does_not_grow_with_papers(client, django_assert_num_queries, count):
    for _ in range(count):
        paper = published_paper(session=SessionFactory(), authors=[UserFactory()])
        TranslationFactory(paper=paper)
    # 6: the page's count (Paginator) and the 5 before it; every meeting's roundtables and sessions
    # are not offered (they grow with the Forum): a meeting's own library offers its own.
    with django_assert_num_queries(6):
        response = client.get(reverse("papers:library"))
    assert len(response.context["papers"]) == count


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_library_search_query_count_does_not_grow(client, django_assert_num_queries, count):
    for _ in range(count):
        published_paper(session=SessionFactory(), title_en="Remittances", authors=[UserFactory()])
    # the count, the page of papers ranked, their passages found (for the page's papers only), authors,
    # delegations, translations, the meetings offered
    with django_assert_num_queries(7):
        response = client.get(reverse("papers:library"), {"q": "remittances"})
    assert len(response.context["papers"]) == count


# The session page's partial.


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_session_papers_partial_lists_published_papers(team, django_assert_num_queries, count):
    from django.template.loader import render_to_string

    for kind in ["background", "annex", "case_study"][:count]:
        TranslationFactory(paper=published_paper(session=team.session, kind=kind, title_en=f"Paper {kind}"))
    _paper(team, Paper.State.ACCEPTED, kind="government_contribution", title_en="Not yet published")
    with django_assert_num_queries(3):
        html = render_to_string("papers/partials/session_papers.html", {"session": team.session})
    assert html.count('class="card paper-card') == count
    assert "Not yet published" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_paper_page_query_count_does_not_grow_with_versions(client, team, django_assert_num_queries, count):
    from papers import services

    paper = _paper(team)
    for number in range(2, count + 1):
        VersionFactory(paper=paper, number=number, uploaded_by=team.author)
    for version in paper.versions.all():
        CommentFactory(version=version, author=team.co_chair_rep)
    services.paper_submit(paper=paper, actor=team.author)
    client.force_login(team.co_chair_rep)
    with django_assert_num_queries(15):
        response = client.get(reverse("papers:detail", args=[paper.pk]))
    assert len(response.context["versions"]) == count


# Publishing asks first; unpublishing says why.


@pytest.mark.django_db
def test_publish_button_leads_to_a_confirmation_naming_what_goes_public(client, team, chair):
    paper = _paper(team, Paper.State.ACCEPTED, title_en="Labour mobility partnerships")
    client.force_login(chair)
    workspace = client.get(reverse("papers:detail", args=[paper.pk])).content.decode()
    confirm_url = reverse("papers:publish_confirm", args=[paper.pk])
    assert f'href="{confirm_url}"' in workspace
    assert 'value="publish"' not in workspace  # no one-click publishing from the workspace
    response = client.get(confirm_url)
    text = " ".join(response.content.decode().split())
    size = paper.accepted_version.size
    assert (
        f"‘Labour mobility partnerships’ (English, PDF, {size} bytes, version 1) will be public in the library at "
        f'<a class="text-break" href="http://testserver/papers/{paper.pk}/">' in text
    )
    assert 'name="action" value="publish"' in text
    assert Paper.objects.get(pk=paper.pk).state == Paper.State.ACCEPTED


@pytest.mark.django_db
def test_publish_confirmation_is_refused_to_the_team_and_explained_out_of_state(client, team, chair):
    paper = _paper(team, Paper.State.ACCEPTED)
    client.force_login(team.co_chair_rep)
    assert client.get(reverse("papers:publish_confirm", args=[paper.pk])).status_code == 403
    draft = _paper(team, Paper.State.DRAFT, kind=Paper.Kind.ANNEX)
    client.force_login(chair)
    response = client.get(reverse("papers:publish_confirm", args=[draft.pk]), follow=True)
    assert [str(m) for m in response.context["messages"]] == ["This paper is “Draft”, so it cannot be published now."]


@pytest.mark.django_db
def test_unpublishing_through_the_page_then_the_public_page_says_why(client, team, chair):
    paper = _paper(team, Paper.State.PUBLISHED)
    client.force_login(chair)
    workspace = client.get(reverse("papers:detail", args=[paper.pk])).content.decode()
    assert 'value="unpublish"' in workspace
    response = client.post(
        reverse("papers:transition", args=[paper.pk]), {"action": "unpublish", "message": "Superseded by a new study."}
    )
    assert response.status_code == 302
    paper.refresh_from_db()
    history = client.get(reverse("papers:detail", args=[paper.pk])).context["history"]
    assert [(entry["label"], entry["message"]) for entry in history] == [
        ("Withdrawn from the library", "Superseded by a new study.")
    ]
    client.logout()
    page = client.get(reverse("papers:detail", args=[paper.pk]))
    date = timezone.localtime(paper.unpublished_at).strftime("%-d %B %Y")
    assert f"Withdrawn from the library on {date}: Superseded by a new study." in page.content.decode()
    assert "Download" not in page.content.decode()
    # The file is gone for the public, with a page that says why (papers.views.files._gone).
    assert client.get(reverse("papers:version_download", args=[paper.accepted_version_id])).status_code == 410
    assert [p.pk for p in client.get(reverse("papers:library")).context["papers"]] == []


@pytest.mark.django_db
def test_unpublishing_without_a_reason_is_refused_with_the_reason_asked(client, team, chair):
    paper = _paper(team, Paper.State.PUBLISHED)
    client.force_login(chair)
    response = client.post(reverse("papers:transition", args=[paper.pk]), {"action": "unpublish", "message": ""})
    assert response.status_code == 400
    assert response.context["transition_form"].errors == {
        "message": ["Say why the paper is withdrawn from the library: its public page will show it."]
    }
    assert Paper.objects.get(pk=paper.pk).state == Paper.State.PUBLISHED


@pytest.mark.django_db
def test_unpublishing_is_refused_to_a_co_chair_who_sees_no_button(client, team):
    paper = _paper(team, Paper.State.PUBLISHED)
    client.force_login(team.co_chair_rep)
    assert 'value="unpublish"' not in client.get(reverse("papers:detail", args=[paper.pk])).content.decode()
    response = client.post(reverse("papers:transition", args=[paper.pk]), {"action": "unpublish", "message": "No."})
    assert response.status_code == 403
    assert Paper.objects.get(pk=paper.pk).state == Paper.State.PUBLISHED


# Late papers.


def _submitted_late(team, *, hours_late, state=Paper.State.SUBMITTED, **kwargs):
    due = timezone.now() - dt.timedelta(days=10)
    SubmissionDeadlineFactory(meeting=team.session.meeting, due_at=due)
    paper = _paper(team, state, **kwargs)
    first = due + dt.timedelta(hours=hours_late)
    Paper.objects.filter(pk=paper.pk).update(first_submitted_at=first, submitted_at=first + dt.timedelta(days=5))
    return paper


@pytest.mark.django_db
@pytest.mark.parametrize(("hours_late", "expected"), [(-1, 0), (0, 0), (1, 1), (24, 1), (25, 2), (72, 3)])
def test_days_late_counts_any_part_of_a_day_from_the_first_submission(team, hours_late, expected):
    paper = _submitted_late(team, hours_late=hours_late)
    paper.refresh_from_db()
    due = team.session.meeting.paper_deadlines.get().due_at
    assert (paper.days_late(due), paper.days_late(None)) == (expected, 0)


@pytest.mark.django_db
def test_the_reviewer_sees_how_late_the_paper_was_submitted(client, team):
    paper = _submitted_late(team, hours_late=49)
    client.force_login(team.co_chair_rep)
    text = " ".join(client.get(reverse("papers:detail", args=[paper.pk])).content.decode().split())
    assert '<span class="badge badge-late late-badge">late by 3 days</span>' in text
    assert ": late by 3 days (due " in text


@pytest.mark.django_db
def test_a_paper_on_time_shows_no_late_badge(client, team):
    paper = _submitted_late(team, hours_late=-2)
    client.force_login(team.co_chair_rep)
    assert "late-badge" not in client.get(reverse("papers:detail", args=[paper.pk])).content.decode()


@pytest.mark.django_db
def test_the_overview_flags_late_papers(client, team, chair):
    meeting = team.session.meeting
    meeting.is_current = True
    meeting.save()
    paper = _submitted_late(team, hours_late=5, title_en="Late study")
    client.force_login(chair)
    response = client.get(reverse("papers:overview"))
    listed = {p.pk: p.late_by for p in response.context["papers"]}
    assert listed == {paper.pk: 1}
    text = " ".join(response.content.decode().split())
    assert text.count('<span class="badge badge-late late-badge">late by 1 day</span>') == 2  # session row, list
