"""Whether a page may offer to change a meeting: `{% meeting_write_state meeting as write %}`, then
`{% if write.writable %}` around edit buttons. Only what is shown: the services refuse the write anyway
(roundtables.editions.ensure_open)."""

from dataclasses import dataclass

from django import template

from roundtables.editions import may_write, open_correction
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
        if not meeting.is_closed:
            cache[meeting.pk] = WriteState(closed=False, correction=None, writable=True)
        else:
            cache[meeting.pk] = WriteState(
                closed=True, correction=open_correction(meeting), writable=may_write(meeting, context.get("user"))
            )
    return cache[meeting.pk]
