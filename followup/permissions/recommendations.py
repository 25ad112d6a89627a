"""Rules of the recommendations (django-rules).

The rapporteur marks the outcome's recommendations (the session's rapporteur, or the meeting's Chair's
office) while the outcome is being drafted, like its text: once submitted, what the co-chairs sign off
includes them. A recommendation is removed only if it was never published (its number stays used: see
services.recommendations). Translators fill the text in their own language at any stage, as they translate
the outcome's sections; the Chair's office may too. The original language's text, the addressees and the
themes are the rapporteur's only.

Objects: an Outcome (add, see the drafts) or a Recommendation (change, remove, translate). Closed meetings
are refused by the services (roundtables.editions.ensure_open), and the pages hide their buttons."""

import rules

from outcomes.permissions import is_being_drafted as outcome_is_being_drafted
from outcomes.permissions import is_rapporteur as rapporteur_of_session
from outcomes.permissions import translates_for_meeting
from roundtables.permissions import manages_meeting_of


def _outcome(obj):
    # A Recommendation's outcome, or the Outcome itself.
    return getattr(obj, "outcome", obj)


@rules.predicate
def is_rapporteur(user, obj) -> bool:
    """The rapporteur of the outcome's session (outcomes' team roles)."""
    return obj is not None and rapporteur_of_session(user, _outcome(obj))


@rules.predicate
def outcome_being_drafted(user, obj) -> bool:
    return obj is not None and outcome_is_being_drafted(user, _outcome(obj))


@rules.predicate
def never_published(user, recommendation) -> bool:
    return recommendation is not None and getattr(recommendation, "published_at", None) is None


@rules.predicate
def translates_recommendations(user, obj) -> bool:
    """Named translator (into some language) of the outcome's meeting; the service checks the language."""
    return obj is not None and translates_for_meeting(user, _outcome(obj))


# Who, whatever the state.
marks_recommendations = is_rapporteur | manages_meeting_of
may_translate = translates_recommendations | manages_meeting_of

rules.add_perm("followup.mark_recommendations", marks_recommendations)  # object: an outcome or a recommendation
# Who and when: the pages' buttons and the services' checks.
rules.add_perm("followup.add_recommendation", marks_recommendations & outcome_being_drafted)
rules.add_perm("followup.change_recommendation", marks_recommendations & outcome_being_drafted)
rules.add_perm("followup.remove_recommendation", marks_recommendations & outcome_being_drafted & never_published)
# The text in another language than the outcome's original, at any stage (object: a recommendation).
rules.add_perm("followup.translate_recommendation", may_translate)

# The "who" half of each write rule: having it but not the rule means "not now" (a message), not "not you" (403).
WHO = {
    "followup.add_recommendation": "followup.mark_recommendations",
    "followup.change_recommendation": "followup.mark_recommendations",
    "followup.remove_recommendation": "followup.mark_recommendations",
}
