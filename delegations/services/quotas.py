"""The number of places a delegation has for a meeting, set by the Chair's office."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from activity.services import activity_log
from delegations.models import Delegation, DelegationQuota
from delegations.permissions import InMeeting
from delegations.services._common import require_perm
from roundtables.editions import ensure_open
from roundtables.models import Meeting


@transaction.atomic
def quota_set(*, delegation: Delegation, meeting: Meeting, places: int | None, actor) -> DelegationQuota | None:
    """Set the delegation's quota for the meeting; `None` removes the limit. Registrations
    already made keep their places; only new ones are refused once the quota is used."""
    # The meeting's own Chair's office (roundtables.permissions, through InMeeting's meeting).
    require_perm(actor, "delegations.set_quota", InMeeting.of(delegation, meeting))
    ensure_open(meeting, actor)
    if places is not None and places < 0:
        raise ValidationError({"places": _("A quota cannot be negative.")})
    previous = DelegationQuota.objects.filter(delegation=delegation, meeting=meeting).first()
    if places is None:
        if previous is not None:
            previous.delete()
        quota = None
    else:
        quota, _created = DelegationQuota.objects.update_or_create(
            delegation=delegation, meeting=meeting, defaults={"places": places, "set_by": actor}
        )
    activity_log(
        actor=actor,
        action="delegations.quota.set",
        obj=delegation,
        meeting=meeting,
        data={"from": previous.places if previous else None, "to": places},
    )
    return quota
