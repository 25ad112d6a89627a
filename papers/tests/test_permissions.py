import pytest

from accounts.tests.factories import UserFactory
from papers.models import Paper
from papers.roles import SessionRoles, session_roles
from papers.tests.factories import PaperFactory, published_paper


@pytest.mark.django_db
def test_session_roles_read_from_the_team(team, chair, outsider):
    roles = {
        who: session_roles(getattr(team, who), team.session)
        for who in [
            "co_chair_focal_point",
            "co_chair_rep",
            "member_focal_point",
            "delegate",
            "author",
            "rapporteur",
        ]
    }
    assert roles == {
        "co_chair_focal_point": SessionRoles(focal_point=True, co_chair=True),
        "co_chair_rep": SessionRoles(named=True, co_chair=True),
        "member_focal_point": SessionRoles(focal_point=True),
        "delegate": SessionRoles(),  # approved delegate of a team delegation: no role on its papers
        "author": SessionRoles(named=True),
        "rapporteur": SessionRoles(named=True),
    }
    assert session_roles(chair, team.session) == SessionRoles()
    assert session_roles(outsider, team.session) == SessionRoles()


@pytest.mark.django_db
def test_session_roles_are_read_once_per_person_and_session(team, django_assert_num_queries):
    with django_assert_num_queries(2):
        session_roles(team.delegate, team.session)
        session_roles(team.delegate, team.session)


@pytest.mark.django_db
def test_a_registered_delegate_of_a_co_chair_delegation_has_no_role(team):
    from delegations.models import Registration
    from delegations.tests.factories import RegistrationFactory

    delegate = RegistrationFactory(
        meeting=team.session.meeting, delegation=team.co_chair_delegation, status=Registration.Status.APPROVED
    ).person
    assert session_roles(delegate, team.session) == SessionRoles()


WRITES = {"view", "workspace", "comment", "change", "submit", "withdraw"}
PERMS = {
    "view": "papers.view_paper",
    "workspace": "papers.view_paper_workspace",
    "change": "papers.change_paper",
    "submit": "papers.submit_paper",
    "withdraw": "papers.withdraw_paper",
    "comment": "papers.comment_paper",
    "translate": "papers.add_translation",
    "start_review": "papers.start_review",
    "decide": "papers.decide_paper",
    "publish": "papers.publish_paper",
    "unpublish": "papers.unpublish_paper",
}


def _person(who, team, chair, outsider):
    from django.contrib.auth.models import AnonymousUser

    if who == "paper_author":  # named on the paper only, not on the session's team
        return UserFactory(email="guest.author@example.org")
    user = {"anonymous": AnonymousUser(), "stranger": UserFactory(), "outsider": outsider, "chair": chair}.get(who)
    return user or getattr(team, who)


def _allowed(user, paper) -> set[str]:
    return {name for name, perm in PERMS.items() if user.has_perm(perm, paper)}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", set()),
        ("stranger", set()),
        ("outsider", set()),
        ("delegate", set()),  # approved delegate of the member delegation: not a writer, not a reader
        ("paper_author", WRITES),
        ("author", WRITES),  # named on the session's team as author
        ("rapporteur", WRITES),
        ("member_focal_point", WRITES),
        ("co_chair_focal_point", WRITES),
        ("co_chair_rep", WRITES),
        ("chair", {"view", "workspace", "withdraw", "comment"}),
    ],
)
def test_who_may_do_what_with_a_draft(team, chair, outsider, who, expected):
    user = _person(who, team, chair, outsider)
    paper = PaperFactory(session=team.session, state=Paper.State.DRAFT)
    if who == "paper_author":
        paper.authors.add(user)
    assert _allowed(user, paper) == expected


READ = {"view", "workspace", "comment"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("state", "author", "co_chair", "chair_office", "delegate"),
    [
        (Paper.State.DRAFT, WRITES, WRITES, {*READ, "withdraw"}, set()),
        (
            Paper.State.SUBMITTED,
            {*READ, "withdraw"},
            {*READ, "withdraw", "start_review", "decide"},
            {*READ, "withdraw", "start_review", "decide"},
            set(),
        ),
        (
            Paper.State.IN_REVIEW,
            {*READ, "withdraw"},
            {*READ, "withdraw", "decide"},
            {*READ, "withdraw", "decide"},
            set(),
        ),
        (Paper.State.REVISION_REQUESTED, WRITES, WRITES, {*READ, "withdraw"}, set()),
        (
            Paper.State.ACCEPTED,
            {*READ, "withdraw", "translate"},
            {*READ, "withdraw", "translate"},
            {*READ, "withdraw", "translate", "publish"},
            set(),
        ),
        (
            Paper.State.PUBLISHED,
            {*READ, "translate"},
            {*READ, "translate"},
            {*READ, "translate", "unpublish"},
            {"view"},
        ),
        (Paper.State.WITHDRAWN, READ, READ, READ, set()),
        (Paper.State.REJECTED, READ, READ, READ, set()),
    ],
)
def test_each_rule_is_who_and_when(team, chair, state, author, co_chair, chair_office, delegate):
    paper = PaperFactory(session=team.session, state=Paper.State.DRAFT, authors=[team.author])
    paper.state = state  # the rules read the state of the paper they are given (the locked row, in a service)
    assert {
        "author": _allowed(team.author, paper),
        "co_chair": _allowed(team.co_chair_focal_point, paper),
        "chair_office": _allowed(chair, paper),
        "delegate": _allowed(team.delegate, paper),
    } == {"author": author, "co_chair": co_chair, "chair_office": chair_office, "delegate": delegate}


@pytest.mark.django_db
def test_the_who_rules_hold_whatever_the_state(team, chair):
    """They tell "not you" (403/404) from "not now" (a message)."""
    paper = PaperFactory(session=team.session, state=Paper.State.WITHDRAWN)
    who = ["papers.write_paper", "papers.manage_paper", "papers.review_paper", "papers.publish_papers"]
    assert {
        name: [perm for perm in who if user.has_perm(perm, paper)]
        for name, user in {
            "author": team.author,
            "co_chair": team.co_chair_rep,
            "chair": chair,
            "delegate": team.delegate,
        }.items()
    } == {
        "author": ["papers.write_paper", "papers.manage_paper"],
        "co_chair": ["papers.write_paper", "papers.manage_paper", "papers.review_paper"],
        "chair": ["papers.manage_paper", "papers.review_paper", "papers.publish_papers"],
        "delegate": [],
    }


@pytest.mark.django_db
def test_anyone_may_view_a_published_paper_but_not_its_workspace(team):
    from django.contrib.auth.models import AnonymousUser

    paper = published_paper(session=team.session)
    assert AnonymousUser().has_perm("papers.view_paper", paper) is True
    assert AnonymousUser().has_perm("papers.view_paper_workspace", paper) is False


@pytest.mark.django_db
def test_session_papers_are_for_the_writers_the_chairs_office_and_the_authors(team, chair, outsider):
    guest = UserFactory()
    PaperFactory(session=team.session, authors=[guest])
    people = {
        "rapporteur": team.rapporteur,
        "member focal point": team.member_focal_point,
        "delegate": team.delegate,
        "chair": chair,
        "guest author": guest,
        "outsider": outsider,
        "stranger": UserFactory(),
    }
    assert {name for name, u in people.items() if u.has_perm("papers.view_session_papers", team.session)} == {
        "rapporteur",
        "member focal point",
        "chair",
        "guest author",
    }
    assert {name for name, u in people.items() if u.has_perm("papers.add_paper", team.session)} == {
        "rapporteur",
        "member focal point",
    }


@pytest.mark.django_db
def test_only_the_chairs_office_sees_the_overview_and_sets_deadlines(team, chair):
    assert chair.has_perm("papers.view_overview") is True
    assert chair.has_perm("papers.set_deadline") is True
    assert team.co_chair_rep.has_perm("papers.view_overview") is False
    assert team.co_chair_rep.has_perm("papers.set_deadline") is False
