import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from delegations.tests.factories import RegistrationFactory
from outcomes.models import Outcome, OutcomeRevision
from outcomes.services import outcome_approve, outcome_publish, outcome_submit, section_save
from outcomes.tests.factories import OutcomeFactory, rapporteur_of, section_of
from roundtables.tests.factories import SessionFactory

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p onmouseover="steal()">Remittances<script>alert(1)</script></p>'
    '<iframe src="https://evil.example/"></iframe><style>body{display:none}</style>'
    '<img src="https://evil.example/pixel.png" onerror="steal()">'
    '<p><a href="javascript:alert(1)">click</a> <a href="https://gfmd.org" onclick="x()">GFMD</a></p>'
)
CLEAN = (
    '<p>Remittances</p><p><a rel="noopener noreferrer nofollow">click</a> '
    '<a href="https://gfmd.org" rel="noopener noreferrer nofollow">GFMD</a></p>'
)


def _save_url(outcome, kind="summary"):
    return reverse("outcomes:section_save", kwargs={"pk": outcome.pk, "kind": kind})


def _workspace(outcome):
    return reverse("outcomes:workspace", kwargs={"session_pk": outcome.session_id})


def _write(outcome, actor, html="<p>Text.</p>"):
    section = section_of(outcome)
    return section_save(section=section, actor=actor, html=html, base_revision_id=section.current_revision_id)


# --- who may see a draft -------------------------------------------------------------------------


def _outsiders(session):
    other_rapporteur = rapporteur_of(SessionFactory(roundtable=session.roundtable, code="1.2"))
    delegate = UserFactory()
    RegistrationFactory(meeting=session.meeting, person=delegate)
    return {"rapporteur of another session": other_rapporteur, "delegate": delegate}


@pytest.mark.parametrize("who", ["rapporteur of another session", "delegate", "anonymous"])
@pytest.mark.parametrize(
    "which",  # not "page": that name is the browser's page fixture (the accessibility audit asks for it)
    ["workspace", "history", "present", "print"],
)
def test_draft_pages_are_404_for_everyone_off_the_team(client, outcome, rapporteur, who, which):
    _write(outcome, rapporteur)
    if who != "anonymous":
        client.force_login(_outsiders(outcome.session)[who])
    url = {
        "workspace": _workspace(outcome),
        "history": reverse("outcomes:section_history", kwargs={"pk": outcome.pk, "kind": "summary"}),
        "present": reverse("outcomes:present", kwargs={"pk": outcome.pk}),
        "print": reverse("outcomes:print", kwargs={"pk": outcome.pk}),
    }[which]
    response = client.get(url)
    expected = 302 if who == "anonymous" and which in {"workspace", "history"} else 404
    assert response.status_code == expected


@pytest.mark.parametrize("who", ["rapporteur of another session", "delegate"])
@pytest.mark.parametrize("action", ["save", "submit", "approve", "publish", "comment", "restore"])
def test_writes_by_someone_off_the_team_are_404_and_change_nothing(client, outcome, rapporteur, who, action):
    revision = _write(outcome, rapporteur, "<p>Original.</p>").revision
    client.force_login(_outsiders(outcome.session)[who])
    url, data = {
        "save": (_save_url(outcome), {"html": "<p>Vandalised</p>", "base_revision": revision.pk}),
        "submit": (reverse("outcomes:submit", kwargs={"pk": outcome.pk}), {}),
        "approve": (reverse("outcomes:approve", kwargs={"pk": outcome.pk}), {}),
        "publish": (reverse("outcomes:publish", kwargs={"pk": outcome.pk}), {}),
        "comment": (reverse("outcomes:comment_add", kwargs={"pk": outcome.pk, "kind": "summary"}), {"body": "Hi"}),
        "restore": (
            reverse("outcomes:revision_restore", kwargs={"pk": outcome.pk, "kind": "summary", "number": 1}),
            {},
        ),
    }[action]
    response = client.post(url, data)
    outcome.refresh_from_db()
    assert response.status_code == 404
    assert (outcome.state, OutcomeRevision.objects.count(), section_of(outcome).comments.count()) == (
        Outcome.State.DRAFTING,
        1,
        0,
    )


def test_co_chair_sees_the_draft_but_cannot_edit_it(client, outcome, rapporteur, co_chairs):
    _write(outcome, rapporteur, "<p>Draft text.</p>")
    client.force_login(co_chairs[0][0])
    page = client.get(_workspace(outcome))
    response = client.post(_save_url(outcome), {"html": "<p>Co-chair's rewrite</p>"})
    assert page.status_code == 200
    assert page.context["can_edit"] is False
    assert page.context["can_comment"] is True
    assert "Draft text." in page.content.decode()
    assert response.status_code == 403
    assert section_of(outcome).html == "<p>Draft text.</p>"


def test_rapporteur_cannot_approve_or_publish(client, outcome, rapporteur, co_chairs):
    _write(outcome, rapporteur)
    outcome_submit(outcome=outcome, actor=rapporteur)
    client.force_login(rapporteur)
    assert client.post(reverse("outcomes:approve", kwargs={"pk": outcome.pk})).status_code == 403
    assert client.post(reverse("outcomes:publish", kwargs={"pk": outcome.pk})).status_code == 403
    outcome.refresh_from_db()
    assert outcome.state == Outcome.State.SUBMITTED


def test_co_chair_cannot_publish(client, outcome, rapporteur, co_chairs, chair):
    _write(outcome, rapporteur)
    outcome_submit(outcome=outcome, actor=rapporteur)
    outcome_approve(outcome=outcome, actor=chair)
    client.force_login(co_chairs[0][0])
    assert client.post(reverse("outcomes:publish", kwargs={"pk": outcome.pk})).status_code == 403


def test_chair_office_can_edit_any_outcome(client, outcome, chair):
    client.force_login(chair)
    response = client.post(_save_url(outcome), {"html": "<p>By the Chair</p>"}, HTTP_ACCEPT="application/json")
    assert response.json()["status"] == "saved"
    assert section_of(outcome).html == "<p>By the Chair</p>"


def test_workspace_starts_the_outcome_for_its_rapporteur(client, session, rapporteur):
    client.force_login(rapporteur)
    url = reverse("outcomes:workspace", kwargs={"session_pk": session.pk})
    before = client.get(url)
    # A page view writes nothing: the rapporteur starts the outcome with a button (a POST).
    assert (before.status_code, before.context["outcome"], before.context["can_start"]) == (200, None, True)
    assert Outcome.objects.count() == 0
    started = client.post(reverse("outcomes:start", kwargs={"session_pk": session.pk}))
    assert (started.status_code, started["Location"]) == (302, url)
    response = client.get(url)
    assert response.status_code == 200
    assert Outcome.objects.get(session=session).original_sections.count() == 5
    assert response.context["can_edit"] is True


def test_starting_twice_keeps_one_outcome(client, session, rapporteur):
    client.force_login(rapporteur)
    for _attempt in range(2):
        client.post(reverse("outcomes:start", kwargs={"session_pk": session.pk}))
    assert Outcome.objects.get(session=session).original_sections.count() == 5


def test_only_the_writers_may_start_the_outcome(client, session, co_chairs):
    url = reverse("outcomes:start", kwargs={"session_pk": session.pk})
    client.force_login(co_chairs[0][0])
    page = client.get(reverse("outcomes:workspace", kwargs={"session_pk": session.pk}))
    assert page.context["can_start"] is False
    assert client.post(url).status_code == 403
    client.force_login(_outsiders(session)["delegate"])
    assert client.post(url).status_code == 404
    assert Outcome.objects.count() == 0


def test_workspace_for_a_co_chair_before_the_outcome_exists(client, session, co_chairs):
    client.force_login(co_chairs[0][0])
    response = client.get(reverse("outcomes:workspace", kwargs={"session_pk": session.pk}))
    assert response.context["outcome"] is None
    assert Outcome.objects.count() == 0


# --- saving ----------------------------------------------------------------------------------------


def test_raw_post_of_hostile_html_is_sanitised(client, outcome, rapporteur):
    client.force_login(rapporteur)
    response = client.post(_save_url(outcome), {"html": HOSTILE}, HTTP_ACCEPT="application/json")
    assert response.json()["status"] == "saved"
    assert section_of(outcome).html == CLEAN


def test_plain_form_post_without_javascript_saves_and_redirects(client, outcome, rapporteur):
    client.force_login(rapporteur)
    response = client.post(_save_url(outcome), {"html": "<p>No JavaScript here.</p>"})
    assert response.status_code == 302
    assert response.url == _workspace(outcome) + "#section-summary"
    assert section_of(outcome).html == "<p>No JavaScript here.</p>"


def test_json_save_answers_with_the_new_base(client, outcome, rapporteur):
    client.force_login(rapporteur)
    body = client.post(
        _save_url(outcome), {"html": "<p>A</p>", "client_token": "ed.1"}, HTTP_ACCEPT="application/json"
    ).json()
    revision = OutcomeRevision.objects.get()
    assert (body["status"], body["revision"], body["head"]) == ("saved", revision.pk, revision.pk)


def test_stale_save_answers_conflict_with_a_diff_and_keeps_both(client, outcome, rapporteur, chair):
    base = _write(outcome, rapporteur, "<p>The forum agreed on remittances.</p>").revision
    _write(outcome, chair, "<p>The forum agreed on lower remittance costs.</p>")
    client.force_login(rapporteur)
    body = client.post(
        _save_url(outcome),
        {"html": "<p>The forum agreed on remittances and skills.</p>", "base_revision": base.pk},
        HTTP_ACCEPT="application/json",
    ).json()
    section = section_of(outcome)
    assert body["status"] == "conflict"
    assert body["head_html"] == "<p>The forum agreed on lower remittance costs.</p>"
    assert '<td lang="en">The forum agreed on <del>lower remittance costs.</del></td>' in body["conflict_html"]
    assert '<td lang="en">The forum agreed on <ins>remittances and skills.</ins></td>' in body["conflict_html"]
    assert section.html == "<p>The forum agreed on lower remittance costs.</p>"
    assert sorted(section.revisions.values_list("html", flat=True)) == [
        "<p>The forum agreed on lower remittance costs.</p>",
        "<p>The forum agreed on remittances and skills.</p>",
        "<p>The forum agreed on remittances.</p>",
    ]


def test_merge_save_resolves_the_conflict(client, outcome, rapporteur, chair):
    base = _write(outcome, rapporteur, "<p>Start.</p>").revision
    head = _write(outcome, chair, "<p>Chair.</p>").revision
    client.force_login(rapporteur)
    conflict = client.post(
        _save_url(outcome), {"html": "<p>Mine.</p>", "base_revision": base.pk}, HTTP_ACCEPT="application/json"
    ).json()
    merged = client.post(
        _save_url(outcome),
        {"html": "<p>Chair.</p><p>Mine.</p>", "base_revision": head.pk, "conflict_revision": conflict["revision"]},
        HTTP_ACCEPT="application/json",
    ).json()
    section = section_of(outcome)
    assert merged["status"] == "saved"
    assert (section.html, section.current_revision.origin) == ("<p>Chair.</p><p>Mine.</p>", "merged")


def test_saving_a_submitted_outcome_answers_409(client, outcome, rapporteur):
    _write(outcome, rapporteur)
    outcome_submit(outcome=outcome, actor=rapporteur)
    client.force_login(rapporteur)
    response = client.post(_save_url(outcome), {"html": "<p>Late</p>"}, HTTP_ACCEPT="application/json")
    assert (response.status_code, response.json()["status"]) == (409, "locked")


# --- history ---------------------------------------------------------------------------------------


def test_history_compares_two_versions(client, outcome, rapporteur):
    _write(outcome, rapporteur, "<p>Alpha beta.</p>")
    _write(outcome, rapporteur, "<p>Alpha gamma.</p>")
    client.force_login(rapporteur)
    response = client.get(
        reverse("outcomes:section_history", kwargs={"pk": outcome.pk, "kind": "summary"}), {"from": 1, "to": 2}
    )
    rows = response.context["rows"]
    assert [(r.change, str(r.old), str(r.new)) for r in rows] == [
        ("replace", "Alpha <del>beta.</del>", "Alpha <ins>gamma.</ins>")
    ]


def test_restore_by_post_makes_a_new_version(client, outcome, rapporteur):
    _write(outcome, rapporteur, "<p>One</p>")
    _write(outcome, rapporteur, "<p>Two</p>")
    client.force_login(rapporteur)
    client.post(reverse("outcomes:revision_restore", kwargs={"pk": outcome.pk, "kind": "summary", "number": 1}))
    section = section_of(outcome)
    assert (section.html, section.current_revision.number) == ("<p>One</p>", 3)


@pytest.mark.parametrize("count", [1, 3])
def test_history_query_count_does_not_grow_with_versions(client, outcome, rapporteur, django_assert_num_queries, count):
    for n in range(count):
        _write(outcome, rapporteur, f"<p>Version {n}</p>")
    client.force_login(rapporteur)
    url = reverse("outcomes:section_history", kwargs={"pk": outcome.pk, "kind": "summary"})
    with django_assert_num_queries(9):
        client.get(url)


# --- lists, sign-off, publication ------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 3])
def test_outcome_list_query_count_does_not_grow(client, meeting, chair, django_assert_num_queries, count):
    for n in range(count):
        OutcomeFactory(session=SessionFactory(roundtable__meeting=meeting, code=f"9.{n}"))
    client.force_login(chair)
    # (+1: the meeting switcher's meetings, one query whatever their number; +1: the count for the pages)
    with django_assert_num_queries(9):
        response = client.get(reverse("outcomes:list"))
    assert len(response.context["sessions"]) == count


def test_outcome_list_shows_only_my_sessions(client, outcome, rapporteur, meeting):
    SessionFactory(roundtable=outcome.session.roundtable, code="2.2")
    client.force_login(rapporteur)
    response = client.get(reverse("outcomes:list"))
    assert [s.code for s in response.context["sessions"]] == ["1.1"]


@pytest.mark.parametrize("count", [1, 3])
def test_workspace_query_count_does_not_grow_with_comments(
    client, outcome, rapporteur, co_chairs, django_assert_num_queries, count
):
    from outcomes.tests.factories import SectionCommentFactory

    for kind in ("summary", "conclusions", "follow_up")[:count]:
        _write(outcome, rapporteur, "<p>x</p>")
        SectionCommentFactory(section=section_of(outcome, kind), author=co_chairs[0][0])
    client.force_login(rapporteur)
    # (+3: the sections in every language for the translations card, and each language's translators;
    # +1: the recommendations card, followup's partial)
    with django_assert_num_queries(18):
        client.get(_workspace(outcome))


def test_rapporteur_sees_who_approved_and_who_has_not(client, outcome, rapporteur, co_chairs):
    _write(outcome, rapporteur)
    outcome_submit(outcome=outcome, actor=rapporteur)
    (mexico_fp, mexico), (_spain_fp, spain) = co_chairs
    client.force_login(mexico_fp)
    client.post(reverse("outcomes:approve", kwargs={"pk": outcome.pk}))
    client.force_login(rapporteur)
    response = client.get(_workspace(outcome))
    status = [
        (s.delegation.name, s.approval.approved_by if s.approval else None) for s in response.context["sign_offs"]
    ]
    assert status == sorted([(mexico.name, mexico_fp), (spain.name, None)], key=lambda row: row[0])
    assert "Not yet approved" in response.content.decode()


def test_co_chair_returns_with_comments(client, outcome, rapporteur, co_chairs):
    _write(outcome, rapporteur)
    outcome_submit(outcome=outcome, actor=rapporteur)
    client.force_login(co_chairs[1][0])
    client.post(reverse("outcomes:return", kwargs={"pk": outcome.pk}), {"comment": "Shorten the summary."})
    outcome.refresh_from_db()
    client.force_login(rapporteur)
    page = client.get(_workspace(outcome)).content.decode()
    assert (outcome.state, outcome.return_comment) == (Outcome.State.RETURNED, "Shorten the summary.")
    assert "Shorten the summary." in page


def test_published_outcome_is_public(client, outcome, rapporteur, chair):
    _write(outcome, rapporteur, "<p>Published words.</p>")
    outcome_submit(outcome=outcome, actor=rapporteur)
    outcome_approve(outcome=outcome, actor=chair)
    outcome_publish(outcome=outcome, actor=chair)
    printed = client.get(reverse("outcomes:print", kwargs={"pk": outcome.pk}))
    presented = client.get(reverse("outcomes:present", kwargs={"pk": outcome.pk}))
    workspace = client.get(_workspace(outcome))
    assert (printed.status_code, presented.status_code) == (200, 200)
    assert "Published words." in printed.content.decode()
    assert workspace.status_code == 302  # drafts' workspace stays for the team (anonymous: sign in)


def test_session_outcome_partial_renders_only_when_published(outcome, rapporteur, chair):
    from django.template.loader import render_to_string

    _write(outcome, rapporteur, "<p>Visible to all.</p>")
    before = render_to_string("outcomes/partials/session_outcome.html", {"session": outcome.session})
    outcome_submit(outcome=outcome, actor=rapporteur)
    outcome_approve(outcome=outcome, actor=chair)
    outcome_publish(outcome=outcome, actor=chair)
    after = render_to_string("outcomes/partials/session_outcome.html", {"session": outcome.session})
    assert before.strip() == ""
    assert "Visible to all." in after
    assert "Outcome of the session" in after


def test_public_session_page_shows_the_published_outcome(client, outcome, rapporteur, chair):
    from roundtables.services import programme_publish

    session = outcome.session
    programme_publish(meeting=session.meeting, actor=chair)
    url = reverse("roundtables:session_detail", kwargs={"number": session.meeting.number, "pk": session.pk})
    _write(outcome, rapporteur, "<p>Shared prosperity needs shared responsibility.</p>")
    before = client.get(url)
    assert before.headers["ETag"]
    outcome_submit(outcome=outcome, actor=rapporteur)
    outcome_approve(outcome=outcome, actor=chair)
    outcome_publish(outcome=outcome, actor=chair)
    after = client.get(url, HTTP_IF_NONE_MATCH=before.headers["ETag"])
    assert "Shared prosperity needs shared responsibility." not in before.content.decode()
    assert after.status_code == 200  # the page's ETag changed with the publication
    assert "Shared prosperity needs shared responsibility." in after.content.decode()


def test_heads_lists_every_sections_current_version(client, outcome, rapporteur):
    revision = _write(outcome, rapporteur, "<p>Now.</p>").revision
    client.force_login(rapporteur)
    body = client.get(reverse("outcomes:heads", kwargs={"pk": outcome.pk})).json()
    assert (body["state"], body["editable"]) == ("drafting", True)
    assert body["sections"]["summary"]["head"] == revision.pk
    assert body["sections"]["summary"]["html"] == "<p>Now.</p>"
    assert body["sections"]["follow_up"] == {"head": None, "html": "", "author": "", "saved_at": ""}


def test_heads_are_404_for_someone_off_the_team(client, outcome, rapporteur):
    _write(outcome, rapporteur)
    client.force_login(_outsiders(outcome.session)["delegate"])
    assert client.get(reverse("outcomes:heads", kwargs={"pk": outcome.pk})).status_code == 404
