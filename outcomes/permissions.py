"""Who may do what with a session's outcome, and when (django-rules).

Only the session's rapporteur edits; its co-chair governments' representatives comment and
sign off; the Chair's office can do everything. Anyone else sees an outcome only once it is
published; the views answer 404 for drafts.

Each write rule is "who & when" (can_edit = may_write & is_being_drafted). The page shows a
button by the rule; the service checks the same rule again on the locked outcome, so the two
never disagree. The "who" half alone (WHO) tells a person who may not act at all (403) from one
who may not act now (a message saying why)."""

import rules

from delegations.selectors import signing_delegation
from outcomes.models import Outcome
from outcomes.selectors import approval_lapsed, sign_offs, team_role
from roundtables.permissions import manages_meeting_of, meeting_id_of, reads_meeting_records_of
from roundtables.selectors import translator_languages


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
def signs_for_a_co_chair(user, obj) -> bool:
    """Speaks for a co-chair government of the session and holds, now, an approved registration
    with that government (read afresh: the service locks the registration before asking)."""
    return obj is not None and signing_delegation(user, _session(obj)) is not None


@rules.predicate
def is_submitted(user, outcome) -> bool:
    return outcome is not None and getattr(outcome, "state", None) == "submitted"


@rules.predicate
def lost_a_sign_off(user, outcome) -> bool:
    """Approved by the co-chair governments, but one sign-off no longer counts (its signer withdrew or
    moved): the approval no longer holds, so that government signs again before publication."""
    return outcome is not None and hasattr(outcome, "approved_by_chair_office_id") and approval_lapsed(outcome)


awaits_sign_off = is_submitted | lost_a_sign_off


@rules.predicate
def awaits_my_government(user, outcome) -> bool:
    """The government the user signs for has no sign-off that still counts."""
    delegation = signing_delegation(user, outcome.session)
    return delegation is not None and not any(
        sign_off.counts and sign_off.delegation.pk == delegation.pk for sign_off in sign_offs(outcome)
    )


@rules.predicate
def is_published(user, outcome) -> bool:
    return outcome is not None and getattr(outcome, "state", None) == "published"


@rules.predicate
def is_presentable(user, outcome) -> bool:
    return outcome is not None and outcome.is_presentable


@rules.predicate
def is_being_drafted(user, outcome) -> bool:
    return outcome is not None and getattr(outcome, "state", None) in Outcome.EDITABLE_STATES


@rules.predicate
def is_returnable(user, outcome) -> bool:
    return outcome is not None and getattr(outcome, "state", None) in (Outcome.State.SUBMITTED, Outcome.State.APPROVED)


@rules.predicate
def is_open_for_comments(user, outcome) -> bool:
    return outcome is not None and getattr(outcome, "state", Outcome.State.PUBLISHED) != Outcome.State.PUBLISHED


@rules.predicate
def is_publishable(user, outcome) -> bool:
    """Approved, and every co-chair sign-off it rests on still counts."""
    return (
        outcome is not None
        and getattr(outcome, "state", None) == Outcome.State.APPROVED
        and not approval_lapsed(outcome)
    )


# -- Translations (the object is an OutcomeSection; its outcome is the one the view read) -------------


@rules.predicate
def is_translation(user, section) -> bool:
    """A section in another working language than the outcome's original."""
    return section is not None and section.language != section.outcome.original_language


@rules.predicate
def translates_section(user, section) -> bool:
    """Named translator into the section's language for its meeting: a translator of Spanish has no
    right on the French text, nor on the original."""
    return section is not None and section.language in translator_languages(user, meeting_id_of(section))


@rules.predicate
def translates_for_meeting(user, obj) -> bool:
    """Named translator (into any language) for the meeting of the outcome or session: reads its drafts."""
    return obj is not None and bool(translator_languages(user, meeting_id_of(obj)))


@rules.predicate
def translation_outcome_published(user, section) -> bool:
    return section is not None and section.outcome.state == Outcome.State.PUBLISHED


# The Chair's office part is the outcome's meeting's (roundtables.permissions): its staff act, the
# troika's (previous, same and next meeting) read the drafts and never write, nor comment.
reads_draft = is_rapporteur | is_co_chair_representative | reads_meeting_records_of | translates_for_meeting
on_team = is_rapporteur | is_co_chair_representative | manages_meeting_of
# Who, whatever the state.
may_write = is_rapporteur | manages_meeting_of  # the text: edit, restore, submit, start
may_return = is_co_chair_representative | manages_meeting_of
may_approve = signs_for_a_co_chair | manages_meeting_of
may_translate = is_translation & (translates_section | manages_meeting_of)  # object: a section

rules.add_perm("outcomes.view_draft", reads_draft)
rules.add_perm("outcomes.view_outcome", is_published | reads_draft)
rules.add_perm("outcomes.write_outcome", may_write)
rules.add_perm("outcomes.review_outcome", may_return)
rules.add_perm("outcomes.publish_outcomes", manages_meeting_of)
# Object: a Session (its outcome is created on the first POST, never on a page view).
rules.add_perm("outcomes.start_outcome", may_write)
# Who and when: the page's buttons and the services' checks.
rules.add_perm("outcomes.edit_outcome", may_write & is_being_drafted)
rules.add_perm("outcomes.submit_outcome", may_write & is_being_drafted)
rules.add_perm("outcomes.comment_outcome", on_team & is_open_for_comments)
rules.add_perm("outcomes.return_outcome", may_return & is_returnable)
# Who may ask to approve at all; the sign-off itself, checked by the service and deciding whether
# the button shows, also needs a submitted outcome still waiting for that government.
rules.add_perm("outcomes.approve_outcome", may_approve)
rules.add_perm("outcomes.sign_off_outcome", awaits_sign_off & signs_for_a_co_chair & awaits_my_government)
rules.add_perm("outcomes.approve_in_place", awaits_sign_off & manages_meeting_of)
rules.add_perm("outcomes.publish_outcome", manages_meeting_of & is_publishable)
rules.add_perm("outcomes.present_outcome", is_published | (reads_draft & is_presentable))
rules.add_perm("outcomes.list_outcomes", rules.is_authenticated)
# Translations (object: the section in that language): written at any stage, since they follow the
# original; published with the outcome, or after it by their translator or the Chair's office.
rules.add_perm("outcomes.translate_section", may_translate)
rules.add_perm("outcomes.publish_translation", may_translate & translation_outcome_published)
rules.add_perm("outcomes.translate_outcomes", translates_for_meeting | manages_meeting_of)  # object: a meeting

# The "who" part of each write rule: having it but not the rule means "not now", not "not you".
WHO = {
    "outcomes.edit_outcome": "outcomes.write_outcome",
    "outcomes.submit_outcome": "outcomes.write_outcome",
    "outcomes.comment_outcome": "outcomes.view_draft",
    "outcomes.return_outcome": "outcomes.review_outcome",
    "outcomes.publish_outcome": "outcomes.publish_outcomes",
    "outcomes.publish_translation": "outcomes.translate_section",
}
