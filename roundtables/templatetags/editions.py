"""{% meeting_switcher meeting "app:url_name" %}: the Chair's office's choice of meeting on a page that
works on one meeting's data.

It renders a GET form (templates/partials/meeting_switcher.html) with every meeting, newest first, read
in one query; submitting it goes through roundtables:meeting_switch to the numbered URL of the same page
(`{% url url_name number=... %}`), so the URL always names the meeting shown and the form works without
JavaScript."""

from django import template

from roundtables.editions import VIEW_MEETING_RECORDS
from roundtables.models import Meeting

register = template.Library()


@register.inclusion_tag("partials/meeting_switcher.html", takes_context=True)
def meeting_switcher(context, meeting, url_name: str):
    meetings = list(Meeting.objects.order_by("-number").only("pk", "number", "title", "start_date", "is_current"))
    # Only the meetings this person may open: their own and their troika's (support: all). The person's
    # meetings are read with the header's facts, so this adds no query (roundtables.permissions).
    request = context.get("request")
    if request is not None:
        meetings = [m for m in meetings if request.user.has_perm(VIEW_MEETING_RECORDS, m)]
    return {"meeting": meeting, "url_name": url_name, "meetings": meetings}
