"""Who may do what with papers, and when (django-rules). Views and templates check these names
to show a button; the services check the same names again on the locked paper, so the button
and the action follow one rule and no path around a view can skip it.

Each write rule is "who & when", in pretalx's style (can_withdraw = is_author & is_withdrawable):

- who writes: the people named on the session's team, the paper's authors and the focal points
  of the team's delegations (co-chair and member). An approved delegate of a team delegation is
  not among them: registering with a government does not hand its paper to every delegate.
- who reads drafts: the writers and the Chair's office. Everyone else gets a 404, as if the
  draft did not exist.
- when: the paper's state (a draft can be edited, a submitted paper cannot...).

The "who" rules alone (papers.write_paper, papers.manage_paper, papers.review_paper) tell a
person who may not act at all (403/404) from one who may not act now (a message saying why).

Object of each rule: a Paper, except where noted (a Session, or none)."""

import rules

from gfmd import languages
from papers.models import Paper
from papers.roles import is_author_of, session_roles, session_roles_by_id
from roundtables.permissions import manages_meeting_of, reads_meeting_records_of, translates_into

# Who, on a session.


@rules.predicate
def is_session_writer(user, session) -> bool:
    return session_roles(user, session).writer


@rules.predicate
def is_author_in_session(user, session) -> bool:
    if session is None or not user.is_authenticated:
        return False
    return session.papers.filter(authors=user).exists()


# Who, on a paper.


@rules.predicate
def is_named_on_paper_team(user, paper) -> bool:
    return paper is not None and session_roles_by_id(user, paper.session_id).named


@rules.predicate
def is_paper_team_focal_point(user, paper) -> bool:
    return paper is not None and session_roles_by_id(user, paper.session_id).focal_point


@rules.predicate
def is_paper_co_chair(user, paper) -> bool:
    return paper is not None and session_roles_by_id(user, paper.session_id).co_chair


@rules.predicate
def is_paper_author(user, paper) -> bool:
    return is_author_of(user, paper)


is_paper_writer = is_named_on_paper_team | is_paper_author | is_paper_team_focal_point


# When: the paper's state, as the caller holds it (the services pass the locked row).


def _state_in(name: str, states) -> rules.Predicate:
    states = frozenset(states)

    @rules.predicate(name=name)
    def predicate(user, paper) -> bool:
        return paper is not None and paper.state in states

    return predicate


is_published = _state_in("is_published", [Paper.State.PUBLISHED])
is_editable = _state_in("is_editable", Paper.EDITABLE_STATES)
is_submittable = _state_in("is_submittable", Paper.SUBMITTABLE_STATES)
is_withdrawable = _state_in("is_withdrawable", Paper.WITHDRAWABLE_STATES)
is_submitted = _state_in("is_submitted", [Paper.State.SUBMITTED])
is_under_review = _state_in("is_under_review", Paper.UNDER_REVIEW_STATES)
is_accepted = _state_in("is_accepted", [Paper.State.ACCEPTED])
is_translatable = _state_in("is_translatable", [Paper.State.ACCEPTED, Paper.State.PUBLISHED])


# The rules.

# The Chair's office part is the paper's meeting's: its staff write, the troika's read (roundtables.permissions).
can_read_draft = is_paper_writer | reads_meeting_records_of
may_manage = is_paper_writer | manages_meeting_of  # withdraw, add translations
may_review = is_paper_co_chair | manages_meeting_of

can_change = is_paper_writer & is_editable  # details, authors, new versions
can_submit = is_paper_writer & is_submittable
can_withdraw = may_manage & is_withdrawable
can_translate = may_manage & is_translatable
can_start_review = may_review & is_submitted
can_decide = may_review & is_under_review
can_publish = manages_meeting_of & is_accepted
can_unpublish = manages_meeting_of & is_published

rules.add_perm("papers.view_paper", is_published | can_read_draft)
rules.add_perm("papers.view_paper_workspace", can_read_draft)
rules.add_perm("papers.comment_paper", can_read_draft)
# Who alone, whatever the state.
rules.add_perm("papers.write_paper", is_paper_writer)
rules.add_perm("papers.manage_paper", may_manage)
rules.add_perm("papers.review_paper", may_review)
# Who and when.
rules.add_perm("papers.change_paper", can_change)
rules.add_perm("papers.submit_paper", can_submit)
rules.add_perm("papers.withdraw_paper", can_withdraw)
rules.add_perm("papers.add_translation", can_translate)
rules.add_perm("papers.start_review", can_start_review)
rules.add_perm("papers.decide_paper", can_decide)
rules.add_perm("papers.publish_paper", can_publish)
rules.add_perm("papers.unpublish_paper", can_unpublish)

# The "who" part of each write rule: having it but not the rule means "not now", not "not you".
WHO = {
    "papers.change_paper": "papers.write_paper",
    "papers.submit_paper": "papers.write_paper",
    "papers.withdraw_paper": "papers.manage_paper",
    "papers.add_translation": "papers.manage_paper",
    "papers.start_review": "papers.review_paper",
    "papers.decide_paper": "papers.review_paper",
    "papers.publish_paper": "papers.publish_papers",
    "papers.unpublish_paper": "papers.publish_papers",
}
rules.add_perm("papers.publish_papers", manages_meeting_of)

# On a session.
rules.add_perm("papers.view_session_papers", is_session_writer | reads_meeting_records_of | is_author_in_session)
rules.add_perm("papers.add_paper", is_session_writer)
# On a meeting (or none: "some meeting's").
rules.add_perm("papers.view_overview", reads_meeting_records_of)
rules.add_perm("papers.set_deadline", manages_meeting_of)


# -- Translating a paper's title and abstract (the text on the page, not the translated file) ----------
# The meeting's translator into that language (roundtables.permissions.translates_into) or its Chair's
# office, once the paper is accepted or published (the papers the public reads), into a language other
# than the one the paper is written in. A translator into Spanish has no right on the French text.


def _not_written_in(language: str) -> rules.Predicate:
    @rules.predicate(name=f"not_written_in_{language}")
    def predicate(user, paper) -> bool:
        return paper is not None and paper.language != language

    return predicate


def translate_paper_perm(language: str) -> str:
    return f"papers.translate_paper_{language}"


def translate_paper_who_perm(language: str) -> str:
    return f"papers.translate_paper_who_{language}"


for _language in languages.CODES:
    _who = _not_written_in(_language) & (translates_into(_language) | manages_meeting_of)
    rules.add_perm(translate_paper_who_perm(_language), _who)
    rules.add_perm(translate_paper_perm(_language), _who & is_translatable)
    WHO[translate_paper_perm(_language)] = translate_paper_who_perm(_language)
