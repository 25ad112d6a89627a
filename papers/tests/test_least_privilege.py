"""Least privilege on papers: every write (new version, details and authors, submit, withdraw,
translations) is for the people named on the session's team, the paper's authors and the focal
points of the team's delegations; an approved delegate of a team delegation is refused (404: a
draft's existence is private to its writers and the Chair's office) and sees no button. The
state is part of each rule: the button is hidden and the action refused with the reason."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from papers import services
from papers.models import Paper
from papers.tests import files
from papers.tests.conftest import stored_files
from papers.tests.factories import PaperFactory, VersionFactory

State = Paper.State
WRITERS = ["rapporteur", "paper_author", "member_focal_point", "co_chair_focal_point", "co_chair_rep"]


@pytest.fixture
def guest_author(db):
    """An author of the paper who is on no session team."""
    return UserFactory(email="guest.author@example.org", first_name="Guest", last_name="Author")


def _paper(team, state=State.DRAFT, *, authors=(), **kwargs):
    paper = PaperFactory(session=team.session, state=State.DRAFT, authors=[team.author, *authors], **kwargs)
    version = VersionFactory(paper=paper, number=1, uploaded_by=team.author)
    if state != State.DRAFT:
        Paper.objects.filter(pk=paper.pk).update(
            state=state,
            accepted_version=version if state in (State.ACCEPTED, State.PUBLISHED) else None,
            published_at=timezone.now() if state == State.PUBLISHED else None,
        )
        paper.refresh_from_db()
    return paper


def _who(team, guest_author, who):
    return guest_author if who == "paper_author" else getattr(team, who)


def _details(team, **overrides):
    data = {"kind": "background", "language": "en", "title_en": "Revised title", "authors": [team.author.pk]}
    data.update(overrides)
    return data


# The five writes, as (url name, POST data, paper state) and what each leaves behind.


def _write(client, team, paper, write: str):
    if write == "new_version":
        return client.post(
            reverse("papers:version_upload", args=[paper.pk]),
            {"version-file": files.pdf_upload("v2.pdf"), "version-note": "Shorter"},
        )
    if write == "authors":
        return client.post(
            reverse("papers:edit", args=[paper.pk]), _details(team, authors=[team.author.pk, team.rapporteur.pk])
        )
    if write == "translation":
        return client.post(
            reverse("papers:translation_upload", args=[paper.pk]),
            {"translation-language": "es", "translation-file": files.upload("es.pdf", files.pdf_bytes("Documento"))},
        )
    return client.post(reverse("papers:transition", args=[paper.pk]), {"action": write, "message": ""})


STATE_FOR = {
    "new_version": State.DRAFT,
    "authors": State.REVISION_REQUESTED,
    "submit": State.DRAFT,
    "withdraw": State.SUBMITTED,
    "translation": State.ACCEPTED,
}


def _done(paper, write: str):
    """What the write changed, read back from the database."""
    paper.refresh_from_db()
    return {
        "new_version": lambda: paper.versions.count(),
        "authors": lambda: sorted(paper.authors.values_list("email", flat=True)),
        "submit": lambda: paper.state,
        "withdraw": lambda: paper.state,
        "translation": lambda: list(paper.translations.values_list("language", flat=True)),
    }[write]()


@pytest.mark.django_db
@pytest.mark.parametrize("write", list(STATE_FOR))
def test_an_approved_delegate_of_a_team_delegation_is_refused_every_write(client, team, media_root, write):
    paper = _paper(team, STATE_FOR[write])
    before = (_done(paper, write), stored_files(media_root))
    client.force_login(team.delegate)
    response = _write(client, team, paper, write)
    assert response.status_code == 404
    assert (_done(paper, write), stored_files(media_root)) == before


@pytest.mark.django_db
@pytest.mark.parametrize("write", list(STATE_FOR))
def test_an_approved_delegate_of_a_co_chair_delegation_is_refused_every_write(client, team, media_root, write):
    from delegations.models import Registration
    from delegations.tests.factories import RegistrationFactory

    delegate = RegistrationFactory(
        meeting=team.session.meeting, delegation=team.co_chair_delegation, status=Registration.Status.APPROVED
    ).person
    paper = _paper(team, STATE_FOR[write])
    before = _done(paper, write)
    client.force_login(delegate)
    assert _write(client, team, paper, write).status_code == 404
    assert _done(paper, write) == before


@pytest.mark.django_db
@pytest.mark.parametrize("who", WRITERS)
@pytest.mark.parametrize(
    ("write", "expected"),
    [
        ("new_version", 2),
        ("authors", ["author@example.org", "rapporteur@example.org"]),
        ("submit", State.SUBMITTED),
        ("withdraw", State.WITHDRAWN),
        ("translation", ["es"]),
    ],
)
def test_each_kind_of_writer_may_make_each_write(client, team, guest_author, media_root, who, write, expected):
    paper = _paper(team, STATE_FOR[write], authors=[guest_author])
    client.force_login(_who(team, guest_author, who))
    response = _write(client, team, paper, write)
    assert (response.status_code, response["Location"]) == (302, reverse("papers:detail", args=[paper.pk]))
    assert _done(paper, write) == expected


@pytest.mark.django_db
def test_a_guest_author_keeps_their_place_when_editing_the_details(client, team, guest_author):
    paper = _paper(team, authors=[guest_author])
    client.force_login(guest_author)
    response = client.post(
        reverse("papers:edit", args=[paper.pk]), _details(team, authors=[team.author.pk, guest_author.pk])
    )
    assert response.status_code == 302
    assert _done(paper, "authors") == ["author@example.org", "guest.author@example.org"]


@pytest.mark.django_db
@pytest.mark.parametrize(("write", "expected"), [("withdraw", State.WITHDRAWN), ("translation", ["es"])])
def test_the_chairs_office_may_withdraw_and_add_translations(client, team, chair, media_root, write, expected):
    paper = _paper(team, STATE_FOR[write])
    client.force_login(chair)
    assert _write(client, team, paper, write).status_code == 302
    assert _done(paper, write) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("write", ["new_version", "authors", "submit"])
def test_the_chairs_office_reads_the_draft_but_may_not_write_it(client, team, chair, media_root, write):
    paper = _paper(team, STATE_FOR[write])
    before = _done(paper, write)
    client.force_login(chair)
    assert _write(client, team, paper, write).status_code == 403
    assert _done(paper, write) == before


# Reading drafts, and the buttons.


@pytest.mark.django_db
def test_a_delegate_of_a_team_delegation_does_not_see_a_draft_or_its_files(client, team):
    paper = _paper(team)
    client.force_login(team.delegate)
    assert client.get(reverse("papers:detail", args=[paper.pk])).status_code == 404
    assert client.get(reverse("papers:workspace", args=[team.session.pk])).status_code == 404
    assert client.get(reverse("papers:create", args=[team.session.pk])).status_code == 404
    assert client.get(reverse("papers:edit", args=[paper.pk])).status_code == 404
    version = paper.versions.get()
    assert client.get(reverse("papers:version_download", args=[version.pk])).status_code == 404


@pytest.mark.django_db
def test_a_delegate_sees_a_published_paper_as_the_public_does_without_buttons(client, team):
    paper = _paper(team, State.PUBLISHED)
    client.force_login(team.delegate)
    response = client.get(reverse("papers:detail", args=[paper.pk]))
    page = response.content.decode()
    assert (response.status_code, response.templates[0].name) == (200, "papers/paper_public.html")
    assert reverse("papers:transition", args=[paper.pk]) not in page
    assert reverse("papers:translation_upload", args=[paper.pk]) not in page


@pytest.mark.django_db
@pytest.mark.parametrize("who", WRITERS)
def test_a_writer_sees_the_buttons_of_a_draft(client, team, guest_author, who):
    paper = _paper(team, authors=[guest_author])
    client.force_login(_who(team, guest_author, who))
    response = client.get(reverse("papers:detail", args=[paper.pk]))
    page = response.content.decode()
    assert {name for name, shown in response.context["actions"].items() if shown} == {"submit", "withdraw", "upload"}
    assert 'value="submit"' in page and 'value="withdraw"' in page
    assert reverse("papers:version_upload", args=[paper.pk]) in page
    assert reverse("papers:edit", args=[paper.pk]) in page


@pytest.mark.django_db
def test_the_workspace_of_a_guest_author_lists_only_their_papers(client, team, guest_author):
    mine = _paper(team, authors=[guest_author])
    PaperFactory(session=team.session, kind=Paper.Kind.ANNEX, title_en="Someone else's annex")
    client.force_login(guest_author)
    response = client.get(reverse("papers:workspace", args=[team.session.pk]))
    assert [p.pk for p in response.context["papers"]] == [mine.pk]
    assert "Someone else" not in response.content.decode()


# State rules: the button is hidden and the action refused, with the reason.


@pytest.mark.django_db
def test_withdraw_is_hidden_and_refused_once_published(client, team):
    paper = _paper(team, State.PUBLISHED)
    client.force_login(team.author)
    page = client.get(reverse("papers:detail", args=[paper.pk]))
    assert page.context["actions"]["withdraw"] is False
    assert 'value="withdraw"' not in page.content.decode()
    response = _write(client, team, paper, "withdraw")
    assert response.status_code == 400
    assert response.context["transition_form"].non_field_errors() == [
        "This paper is “Published”, so it cannot be withdrawn now."
    ]
    assert _done(paper, "withdraw") == State.PUBLISHED


@pytest.mark.django_db
def test_submit_is_hidden_and_refused_once_submitted(client, team):
    paper = _paper(team, State.SUBMITTED)
    client.force_login(team.member_focal_point)
    page = client.get(reverse("papers:detail", args=[paper.pk]))
    assert (page.context["actions"]["submit"], 'value="submit"' in page.content.decode()) == (False, False)
    response = _write(client, team, paper, "submit")
    assert response.status_code == 400
    assert response.context["transition_form"].non_field_errors() == [
        "This paper is “Submitted”, so it cannot be submitted now."
    ]


@pytest.mark.django_db
def test_new_versions_and_edits_are_hidden_and_refused_once_submitted(client, team, media_root):
    paper = _paper(team, State.SUBMITTED)
    before = stored_files(media_root)
    client.force_login(team.rapporteur)
    page = client.get(reverse("papers:detail", args=[paper.pk])).content.decode()
    assert reverse("papers:version_upload", args=[paper.pk]) not in page
    assert reverse("papers:edit", args=[paper.pk]) not in page
    response = _write(client, team, paper, "new_version")
    assert response.status_code == 400
    assert response.context["version_form"].errors["file"] == [
        "New versions can be uploaded while the paper is a draft or sent back for revision; it is “Submitted”."
    ]
    response = client.get(reverse("papers:edit", args=[paper.pk]), follow=True)
    assert response.redirect_chain == [(reverse("papers:detail", args=[paper.pk]), 302)]
    assert [str(m) for m in response.context["messages"]] == ["This paper is “Submitted”, so it cannot be edited now."]
    assert (paper.versions.count(), stored_files(media_root)) == (1, before)


@pytest.mark.django_db
def test_translations_are_hidden_and_refused_before_acceptance(client, team, media_root):
    paper = _paper(team, State.IN_REVIEW)
    before = stored_files(media_root)
    client.force_login(team.author)
    page = client.get(reverse("papers:detail", args=[paper.pk])).content.decode()
    assert reverse("papers:translation_upload", args=[paper.pk]) not in page
    response = _write(client, team, paper, "translation")
    assert response.status_code == 400
    assert response.context["translation_form"].errors["file"] == ["Translations are added once the paper is accepted."]
    assert (paper.translations.count(), stored_files(media_root)) == (0, before)


# The services check the same rules, whatever calls them.


@pytest.mark.django_db
def test_every_write_service_refuses_an_approved_delegate_of_a_team_delegation(team, media_root):
    delegate = team.delegate
    draft = _paper(team)
    accepted = _paper(team, State.ACCEPTED, kind=Paper.Kind.ANNEX)
    calls = {
        "paper_create": lambda: services.paper_create(
            session=team.session,
            actor=delegate,
            kind=Paper.Kind.ANNEX,
            language="en",
            titles={"en": "Annex"},
            file=files.pdf_upload(),
        ),
        "version_upload": lambda: services.version_upload(paper=draft, actor=delegate, file=files.pdf_upload()),
        "paper_update": lambda: services.paper_update(
            paper=draft,
            actor=delegate,
            kind=Paper.Kind.BACKGROUND,
            language="en",
            titles={"en": "Mine now"},
            abstracts={},
            authors=[delegate],
            contributing_delegations=[],
        ),
        "paper_submit": lambda: services.paper_submit(paper=draft, actor=delegate),
        "paper_withdraw": lambda: services.paper_withdraw(paper=draft, actor=delegate),
        "translation_upload": lambda: services.translation_upload(
            paper=accepted, actor=delegate, language="fr", file=files.pdf_upload()
        ),
        "comment_add": lambda: services.comment_add(version=draft.versions.get(), actor=delegate, body="Hello"),
    }
    refused = []
    for name, call in calls.items():
        with pytest.raises(PermissionDenied):
            call()
        refused.append(name)
    assert refused == list(calls)
    assert (Paper.objects.count(), draft.versions.count(), stored_files(media_root)) == (
        2,
        1,
        sorted(str(v.file.name) for v in [draft.versions.get(), accepted.versions.get()]),
    )


@pytest.mark.django_db
def test_a_service_says_why_when_the_person_may_but_the_state_does_not(team):
    paper = _paper(team, State.PUBLISHED)
    with pytest.raises(ValidationError) as error:
        services.paper_withdraw(paper=paper, actor=team.author)
    assert (error.value.code, error.value.messages) == (
        "wrong_state",
        ["This paper is “Published”, so it cannot be withdrawn now."],
    )
    with pytest.raises(PermissionDenied):  # not the person: no word about the state
        services.paper_withdraw(paper=paper, actor=team.delegate)


# The pages that lead to a write ask the service's own check, so page and service answer alike.


@pytest.mark.django_db
def test_the_rule_check_the_pages_share_with_the_services(team, chair):
    draft, accepted = _paper(team), _paper(team, State.ACCEPTED, kind=Paper.Kind.ANNEX)
    services.check_now(team.author, "papers.change_paper", draft, action="edited")
    with pytest.raises(PermissionDenied):  # the Chair's office reads the draft but does not write it
        services.check_now(chair, "papers.change_paper", draft, action="edited")
    with pytest.raises(ValidationError) as error:  # a writer, once the paper has left the team
        services.check_now(team.author, "papers.change_paper", accepted, action="edited")
    assert error.value.messages == ["This paper is “Accepted”, so it cannot be edited now."]
    with pytest.raises(PermissionDenied):  # a writer is not a publisher, whatever the state
        services.check_now(team.author, "papers.publish_paper", accepted, action="published")
    with pytest.raises(PermissionDenied):
        services.check_who(None, "papers.change_paper", draft)


@pytest.mark.django_db
def test_a_malformed_upload_from_the_chairs_office_is_refused_before_the_form_is_read(client, team, chair):
    paper = _paper(team)
    client.force_login(chair)
    response = client.post(reverse("papers:version_upload", args=[paper.pk]), {"version-note": "No file"})
    assert response.status_code == 403
    assert paper.versions.count() == 1
