"""Rules of the practices (django-rules): who may submit, edit, withdraw, review and publish a practice,
and when (the practice's state is part of every write rule).

A practice belongs to no meeting: the Platform for Partnerships spans the Forum's years. Its review is
the Chair's office's work across meetings (accounts.permissions.is_chair_office: portal support, or staff
of a meeting whose record is not closed), so an outgoing Chair whose record is closed no longer reviews.

Each write rule is "who & when"; WHO names the "who" half alone, so a view tells a person who may never
act (403) from one who may not act now (a message saying why)."""

import rules
from django.db.models import Exists, OuterRef

from accounts.permissions import is_chair_office
from delegations.models import FocalPoint, Registration
from followup.models import Practice


def _signed_in(user) -> bool:
    return bool(user is not None and user.is_authenticated)


def belongs_to_a_delegation(user) -> bool:
    """Registered (pending or approved) with a delegation, or focal point of one, in any meeting: the
    person speaks for a government, an international organisation or a civil-society organisation.
    One query, memoised on the user object for the request."""
    if not _signed_in(user):
        return False
    cached = getattr(user, "_practices_belongs", None)
    if cached is None:
        registered = Registration.objects.filter(person=OuterRef("pk"), status__in=Registration.ACTIVE_STATUSES)
        focal_point = FocalPoint.objects.filter(user=OuterRef("pk"))
        cached = type(user).objects.filter(pk=user.pk).filter(Exists(registered) | Exists(focal_point)).exists()
        user._practices_belongs = cached
    return cached


@rules.predicate
def is_practice_submitter(user, practice) -> bool:
    return _signed_in(user) and practice is not None and practice.submitted_by_id == user.pk


@rules.predicate
def may_submit_practices(user) -> bool:
    return _signed_in(user) and (belongs_to_a_delegation(user) or is_chair_office(user))


@rules.predicate
def is_with_submitter(user, practice) -> bool:
    """Submitted and not yet decided, or returned for changes: the submitter may still change it."""
    return practice is not None and practice.state in (Practice.State.SUBMITTED, Practice.State.RETURNED)


@rules.predicate
def awaits_review(user, practice) -> bool:
    return practice is not None and practice.state == Practice.State.SUBMITTED


@rules.predicate
def is_reviewable(user, practice) -> bool:
    """The Chair's office edits the links and translations of a practice under review or published."""
    return practice is not None and practice.state in (
        Practice.State.SUBMITTED,
        Practice.State.RETURNED,
        Practice.State.PUBLISHED,
    )


@rules.predicate
def is_published_practice(user, practice) -> bool:
    return practice is not None and practice.state == Practice.State.PUBLISHED


reviews_practices = is_chair_office

rules.add_perm("followup.submit_practice", may_submit_practices)
rules.add_perm("followup.view_practice", is_published_practice | is_practice_submitter | reviews_practices)
# Who, whatever the state.
rules.add_perm("followup.own_practice", is_practice_submitter)
rules.add_perm("followup.review_practices", reviews_practices)  # the queue (no object)
# Who and when.
rules.add_perm("followup.edit_practice", is_practice_submitter & is_with_submitter)
rules.add_perm("followup.withdraw_practice", is_practice_submitter & is_with_submitter)
rules.add_perm("followup.update_practice_review", reviews_practices & is_reviewable)
rules.add_perm("followup.publish_practice", reviews_practices & awaits_review)
rules.add_perm("followup.return_practice", reviews_practices & awaits_review)
rules.add_perm("followup.decline_practice", reviews_practices & is_with_submitter)

WHO = {
    "followup.edit_practice": "followup.own_practice",
    "followup.withdraw_practice": "followup.own_practice",
    "followup.update_practice_review": "followup.review_practices",
    "followup.publish_practice": "followup.review_practices",
    "followup.return_practice": "followup.review_practices",
    "followup.decline_practice": "followup.review_practices",
}
