"""The daily digest of comments on papers: to the paper's team and authors who may read the comments, at most
once a day, never their own comments, never to someone who turned it off, each in their language."""

import datetime as dt

import pytest
from django.utils import timezone

from accounts.tests.factories import UserFactory
from notifications.kinds import PAPER_COMMENTS
from notifications.models import CommentDigest, OptOut
from notifications.services import comment_digests_send
from notifications.tasks import send_comment_digests_task
from papers import services as papers_services
from papers.models import Comment
from papers.tests import conftest as papers_fixtures
from papers.tests.factories import PaperFactory, VersionFactory

pytestmark = pytest.mark.django_db

# The papers tests' session team (co-chair's focal point and representative, member focal point, author,
# rapporteur, and a delegate of a team delegation, who is not on the team), files in a temporary folder.
team = papers_fixtures.team
media_root = papers_fixtures.media_root  # autouse

TEAM = {
    "author@example.org",
    "co_chair_fp@example.org",
    "co_chair_rep@example.org",
    "member_fp@example.org",
    "rapporteur@example.org",
}


@pytest.fixture
def paper(team, settings):
    settings.SITE_URL = "https://portal.example.org"
    paper = PaperFactory(
        session=team.session,
        title_en="Skills partnerships",
        title_fr="Partenariats de compétences",
        authors=[team.author],
    )
    VersionFactory(paper=paper, number=1)
    return paper


def comment(paper, actor, body):
    return papers_services.comment_add(version=paper.versions.get(), actor=actor, body=body)


def run(django_capture_on_commit_callbacks, now=None):
    with django_capture_on_commit_callbacks(execute=True):
        return comment_digests_send(now=now)


def test_the_team_gets_one_digest_a_day_of_the_comments_others_wrote(
    team, paper, mailoutbox, django_capture_on_commit_callbacks
):
    comment(paper, team.author, "Annex 2 updated with the 2029 figures.")
    comment(paper, team.co_chair_rep, "Please cite the ILO study in section 3.")
    assert run(django_capture_on_commit_callbacks) == 5
    by_address = {mail.to[0]: mail for mail in mailoutbox}
    assert set(by_address) == TEAM  # not the delegate of a team delegation, not the Chair's office
    rapporteur = by_address["rapporteur@example.org"].body
    assert "Annex 2 updated with the 2029 figures." in rapporteur and "Please cite the ILO study" in rapporteur
    assert f"https://portal.example.org/papers/{paper.pk}/" in rapporteur
    # Nobody reads their own comment again.
    assert "Annex 2 updated" not in by_address["author@example.org"].body
    assert "Please cite the ILO study" in by_address["author@example.org"].body
    assert "Please cite the ILO study" not in by_address["co_chair_rep@example.org"].body
    assert by_address["author@example.org"].subject == "New comments on your paper"
    # A second run the same day, even with a newer comment, sends nothing more.
    comment(paper, team.rapporteur, "Later the same day.")
    assert run(django_capture_on_commit_callbacks) == 0
    assert send_comment_digests_task() == 0
    assert len(mailoutbox) == 5
    assert CommentDigest.objects.filter(day=timezone.now().date()).count() == 5


def test_the_unsubscribe_headers_name_the_kind(team, paper, mailoutbox, django_capture_on_commit_callbacks):
    comment(paper, team.co_chair_rep, "Please cite the ILO study.")
    run(django_capture_on_commit_callbacks)
    mail = next(mail for mail in mailoutbox if mail.to == ["author@example.org"])
    assert mail.extra_headers["List-Unsubscribe"].startswith("<https://portal.example.org/")
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_commenter_alone_gets_nothing(team, paper, mailoutbox, django_capture_on_commit_callbacks):
    for who in TEAM - {"author@example.org"}:
        OptOut.objects.create(person=UserFactory._meta.model.objects.get(email=who), kind=PAPER_COMMENTS)
    comment(paper, team.author, "Only mine.")
    assert run(django_capture_on_commit_callbacks) == 0
    assert mailoutbox == []


def test_a_person_who_turned_it_off_gets_none(team, paper, mailoutbox, django_capture_on_commit_callbacks):
    OptOut.objects.create(person=team.rapporteur, kind=PAPER_COMMENTS)
    OptOut.objects.create(person=team.member_focal_point, kind="papers_published")  # another kind: still mailed
    comment(paper, team.author, "Annex 2 updated.")
    run(django_capture_on_commit_callbacks)
    addresses = {mail.to[0] for mail in mailoutbox}
    assert "rapporteur@example.org" not in addresses and "member_fp@example.org" in addresses


def test_only_people_who_may_read_the_comments_get_them(
    team, paper, chair, mailoutbox, django_capture_on_commit_callbacks
):
    # An author named on this paper only (not on the session's team) reads its comments, not another paper's.
    outside = UserFactory(email="outside@example.org")
    paper.authors.add(outside)
    other = PaperFactory(session=team.session, kind="annex", title_en="The annex")
    VersionFactory(paper=other, number=1)
    comment(other, chair, "On the annex only.")
    comment(paper, chair, "On the paper.")
    run(django_capture_on_commit_callbacks)
    by_address = {mail.to[0]: mail.body for mail in mailoutbox}
    assert "On the paper." in by_address["outside@example.org"]
    assert "On the annex only." not in by_address["outside@example.org"]
    assert "On the annex only." in by_address["rapporteur@example.org"]
    assert {"delegate@example.org", chair.email} & set(by_address) == set()
    # Every recipient passes the rule the workspace shows comments by.
    from accounts.models import User

    assert all(User.objects.get(email=a).has_perm("papers.comment_paper", paper) for a in by_address)


def test_each_gets_it_in_their_language(team, paper, mailoutbox, django_capture_on_commit_callbacks):
    team.rapporteur.preferred_language = "fr"
    team.rapporteur.save()
    comment(paper, team.author, "Annex 2 updated.")
    run(django_capture_on_commit_callbacks)
    by_address = {mail.to[0]: mail.body for mail in mailoutbox}
    assert "Partenariats de compétences" in by_address["rapporteur@example.org"]
    assert "Skills partnerships" in by_address["member_fp@example.org"]


def test_decisions_and_old_comments_are_not_in_the_digest(
    team, paper, chair, mailoutbox, django_capture_on_commit_callbacks
):
    old = comment(paper, team.author, "Two days ago.")
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=2))
    Comment.objects.create(
        version=paper.versions.get(), author=chair, body="Revise it.", transition="revision_requested"
    )
    assert run(django_capture_on_commit_callbacks) == 0


def test_the_next_day_names_only_what_is_new(team, paper, mailoutbox, django_capture_on_commit_callbacks):
    comment(paper, team.author, "First remark.")
    run(django_capture_on_commit_callbacks)
    mailoutbox.clear()
    tomorrow = timezone.now() + dt.timedelta(days=1, minutes=1)
    assert run(django_capture_on_commit_callbacks, now=tomorrow) == 0  # nothing new
    later = comment(paper, team.author, "Second remark.")
    Comment.objects.filter(pk=later.pk).update(created_at=tomorrow - dt.timedelta(minutes=1))
    assert run(django_capture_on_commit_callbacks, now=tomorrow) == 4
    assert all("Second remark." in m.body and "First remark." not in m.body for m in mailoutbox)


def test_a_long_comment_is_cut_in_the_mail(team, paper, mailoutbox, django_capture_on_commit_callbacks):
    comment(paper, team.author, "word " * 200 + "THE-END")
    run(django_capture_on_commit_callbacks)
    body = next(mail.body for mail in mailoutbox if mail.to == ["rapporteur@example.org"])
    assert "THE-END" not in body and "…" in body
