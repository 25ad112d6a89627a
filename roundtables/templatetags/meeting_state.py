"""Whether a page may offer to change a meeting: `{% meeting_write_state meeting as write %}`, then
`{% if write.writable %}` around edit buttons (the meeting's own Chair's office, on a meeting that is open
or under correction). Only what is shown: the services refuse the write anyway
(roundtables.editions.ensure_open)."""

from dataclasses import dataclass

from django import template

from roundtables.editions import MANAGE_MEETING, may_write, open_correction
from roundtables.models import Meeting, MeetingCorrection

register = template.Library()


@dataclass(frozen=True)
class WriteState:
    closed: bool
    correction: MeetingCorrection | None  # open on the closed meeting
    writable: bool  # the person may be offered to change the meeting's data


@register.simple_tag(takes_context=True)
def meeting_write_state(context, meeting: Meeting | None) -> WriteState:
    """Asked once per page and meeting: the answer is kept on the template context."""
    if meeting is None:
        return WriteState(closed=False, correction=None, writable=True)
    cache = context.render_context.setdefault("meeting_write_state", {})
    if meeting.pk not in cache:
        user = context.get("user")
        # The troika reads another Chair's meeting: it is offered no button to change it.
        manages = user is not None and user.has_perm(MANAGE_MEETING, meeting)
        if not meeting.is_closed:
            cache[meeting.pk] = WriteState(closed=False, correction=None, writable=manages)
        else:
            cache[meeting.pk] = WriteState(
                closed=True, correction=open_correction(meeting), writable=manages and may_write(meeting, user)
            )
    return cache[meeting.pk]
