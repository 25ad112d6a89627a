"""Who may do what with papers (django-rules). Views and templates check these names; the
services check them again, so no path around a view can skip them.

Object of each rule: a Paper, except where noted (a Session, or none)."""

import rules

from accounts.permissions import is_chair_office
from papers.roles import is_author_of, session_roles


@rules.predicate
def is_session_team_member(user, session) -> bool:
    return session_roles(user, session).member


@rules.predicate
def is_session_co_chair(user, session) -> bool:
    return session_roles(user, session).co_chair


@rules.predicate
def is_paper_team_member(user, paper) -> bool:
    return paper is not None and session_roles(user, paper.session).member


@rules.predicate
def is_paper_co_chair(user, paper) -> bool:
    return paper is not None and session_roles(user, paper.session).co_chair


@rules.predicate
def is_paper_author(user, paper) -> bool:
    return is_author_of(user, paper)


@rules.predicate
def is_author_in_session(user, session) -> bool:
    if session is None or not user.is_authenticated:
        return False
    return session.papers.filter(authors=user).exists()


@rules.predicate
def is_published(user, paper) -> bool:
    return paper is not None and paper.state == "published"


# The team's side: see drafts, upload versions, submit, comment.
can_work_on_paper = is_paper_team_member | is_paper_author
can_review_paper = is_paper_co_chair | is_chair_office

rules.add_perm("papers.view_paper", is_published | can_work_on_paper | is_chair_office)
rules.add_perm("papers.view_paper_workspace", can_work_on_paper | is_chair_office)
rules.add_perm("papers.change_paper", can_work_on_paper)
rules.add_perm("papers.submit_paper", can_work_on_paper)
rules.add_perm("papers.withdraw_paper", can_work_on_paper | is_chair_office)
rules.add_perm("papers.review_paper", can_review_paper)
rules.add_perm("papers.publish_paper", is_chair_office)
rules.add_perm("papers.comment_paper", can_work_on_paper | is_chair_office)
rules.add_perm("papers.add_translation", can_work_on_paper | is_chair_office)

# On a session.
rules.add_perm("papers.view_session_papers", is_session_team_member | is_chair_office | is_author_in_session)
rules.add_perm("papers.add_paper", is_session_team_member)
# No object.
rules.add_perm("papers.view_overview", is_chair_office)
rules.add_perm("papers.set_deadline", is_chair_office)
