"""Who may do what with a session's outcome (django-rules).

Only the session's rapporteur edits; its co-chair governments' representatives comment and
sign off; the Chair's office can do everything. Anyone else sees an outcome only once it is
published; the views answer 404 for drafts."""

import rules

from accounts.permissions import is_chair_office
from outcomes.selectors import team_role


def _session(obj):
    # The rules take an Outcome, or a Session before its outcome exists.
    return getattr(obj, "session", obj)


@rules.predicate
def is_rapporteur(user, obj) -> bool:
    return obj is not None and team_role(user, _session(obj)).rapporteur


@rules.predicate
def is_co_chair_representative(user, obj) -> bool:
    return obj is not None and team_role(user, _session(obj)).co_chair_representative


@rules.predicate
def represents_a_co_chair(user, obj) -> bool:
    return obj is not None and bool(team_role(user, _session(obj)).represents)


@rules.predicate
def is_published(user, outcome) -> bool:
    return outcome is not None and getattr(outcome, "state", None) == "published"


@rules.predicate
def is_presentable(user, outcome) -> bool:
    return outcome is not None and outcome.is_presentable


on_team = is_rapporteur | is_co_chair_representative | is_chair_office

rules.add_perm("outcomes.view_draft", on_team)
rules.add_perm("outcomes.view_outcome", is_published | on_team)
rules.add_perm("outcomes.edit_outcome", is_rapporteur | is_chair_office)
rules.add_perm("outcomes.comment_outcome", on_team)
rules.add_perm("outcomes.submit_outcome", is_rapporteur | is_chair_office)
rules.add_perm("outcomes.return_outcome", is_co_chair_representative | is_chair_office)
rules.add_perm("outcomes.approve_outcome", represents_a_co_chair | is_chair_office)
rules.add_perm("outcomes.publish_outcome", is_chair_office)
rules.add_perm("outcomes.present_outcome", is_published | (on_team & is_presentable))
rules.add_perm("outcomes.list_outcomes", rules.is_authenticated)
