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
        "co_chair_focal_point": SessionRoles(member=True, co_chair=True),
        "co_chair_rep": SessionRoles(member=True, co_chair=True),
        "member_focal_point": SessionRoles(member=True, co_chair=False),
        "delegate": SessionRoles(member=True, co_chair=False),
        "author": SessionRoles(member=True, co_chair=False),
        "rapporteur": SessionRoles(member=True, co_chair=False),
    }
    assert session_roles(chair, team.session) == SessionRoles()
    assert session_roles(outsider, team.session) == SessionRoles()


@pytest.mark.django_db
def test_session_roles_are_read_once_per_person_and_session(team, django_assert_num_queries):
    with django_assert_num_queries(2):
        session_roles(team.delegate, team.session)
        session_roles(team.delegate, team.session)


@pytest.mark.django_db
def test_a_registered_delegate_of_a_co_chair_delegation_is_a_member_not_a_co_chair(team):
    from delegations.models import Registration
    from delegations.tests.factories import RegistrationFactory

    delegate = RegistrationFactory(
        meeting=team.session.meeting, delegation=team.co_chair_delegation, status=Registration.Status.APPROVED
    ).person
    assert session_roles(delegate, team.session) == SessionRoles(member=True, co_chair=False)


@pytest.mark.django_db
def test_a_delegate_registered_for_another_meeting_is_not_on_the_team(team):
    from delegations.models import Registration
    from delegations.tests.factories import RegistrationFactory

    other_year = RegistrationFactory(delegation=team.member_delegation, status=Registration.Status.APPROVED).person
    assert session_roles(other_year, team.session) == SessionRoles()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", set()),
        ("stranger", set()),
        ("outsider", set()),
        ("delegate", {"view", "workspace", "change", "submit", "withdraw", "comment", "translate"}),
        ("author", {"view", "workspace", "change", "submit", "withdraw", "comment", "translate"}),
        ("co_chair_rep", {"view", "workspace", "change", "submit", "withdraw", "comment", "translate", "review"}),
        ("chair", {"view", "workspace", "withdraw", "comment", "translate", "review", "publish"}),
    ],
)
def test_who_may_do_what_with_a_draft(team, chair, outsider, who, expected):
    from django.contrib.auth.models import AnonymousUser

    paper = PaperFactory(session=team.session, state=Paper.State.DRAFT)
    user = {"anonymous": AnonymousUser(), "stranger": UserFactory(), "outsider": outsider, "chair": chair}.get(who)
    user = user or getattr(team, who)
    perms = {
        "view": "papers.view_paper",
        "workspace": "papers.view_paper_workspace",
        "change": "papers.change_paper",
        "submit": "papers.submit_paper",
        "withdraw": "papers.withdraw_paper",
        "comment": "papers.comment_paper",
        "translate": "papers.add_translation",
        "review": "papers.review_paper",
        "publish": "papers.publish_paper",
    }
    assert {name for name, perm in perms.items() if user.has_perm(perm, paper)} == expected


@pytest.mark.django_db
def test_anyone_may_view_a_published_paper_but_not_its_workspace(team):
    from django.contrib.auth.models import AnonymousUser

    paper = published_paper(session=team.session)
    assert AnonymousUser().has_perm("papers.view_paper", paper) is True
    assert AnonymousUser().has_perm("papers.view_paper_workspace", paper) is False


@pytest.mark.django_db
def test_session_papers_are_for_the_team_the_chairs_office_and_the_authors(team, chair, outsider):
    guest = UserFactory()
    PaperFactory(session=team.session, authors=[guest])
    allowed = {
        "delegate": team.delegate,
        "chair": chair,
        "guest author": guest,
        "outsider": outsider,
        "stranger": UserFactory(),
    }
    assert {name for name, u in allowed.items() if u.has_perm("papers.view_session_papers", team.session)} == {
        "delegate",
        "chair",
        "guest author",
    }
    assert {name for name, u in allowed.items() if u.has_perm("papers.add_paper", team.session)} == {"delegate"}


@pytest.mark.django_db
def test_only_the_chairs_office_sees_the_overview_and_sets_deadlines(team, chair):
    assert chair.has_perm("papers.view_overview") is True
    assert chair.has_perm("papers.set_deadline") is True
    assert team.co_chair_rep.has_perm("papers.view_overview") is False
    assert team.co_chair_rep.has_perm("papers.set_deadline") is False
