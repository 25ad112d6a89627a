"""The Chair's office reads who changed what in the meeting's configuration."""

from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from activity.models import ActivityLog
from activity.selectors import activity_for_meeting
from gfmd import languages
from roundtables.models import SessionDelegation, SessionPerson
from roundtables.views._helpers import chair_meeting_required, meeting_or_404

PER_PAGE = 50


@dataclass
class Row:
    entry: ActivityLog
    label: str
    details: str


def _field_label(model, name: str) -> str:
    base, _sep, language = name.rpartition("_")
    try:
        if language in languages.NAMES and base:
            return f"{model._meta.get_field(base).verbose_name} ({languages.NAMES[language]})"
        return str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def _role_label(role: str) -> str:
    for choices in (SessionDelegation.Role, SessionPerson.Role):
        if role in choices.values:
            return str(choices(role).label)
    return role


def _details(entry: ActivityLog) -> str:
    """A short line on what the change was (for the roundtables' own actions; other apps log theirs)."""
    data = entry.data if isinstance(entry.data, dict) else {}
    if not entry.action.startswith("roundtables."):
        return ""
    if isinstance(data.get("changes"), dict) and entry.content_type_id:
        model = entry.content_type.model_class()
        labels = [_field_label(model, name) if model else name for name in data["changes"]]
        return _("Changed: %(fields)s") % {"fields": ", ".join(labels)}
    if "delegation" in data:
        return f"{data['delegation']} · {_role_label(data.get('role', ''))}"
    if "person" in data:
        return f"{data['person']} · {_role_label(data.get('role', ''))}"
    if "order" in data:
        return _("New order: %(order)s") % {"order": ", ".join(str(item) for item in data["order"])}
    if isinstance(data.get("sessions"), list) and data["sessions"]:  # a copied meeting's "sessions" is a count
        return _("With its sessions %(codes)s") % {"codes": ", ".join(data["sessions"])}
    if "version" in data:
        count = data.get("change_count", 0)
        return ngettext("Version %(version)s, %(count)s change", "Version %(version)s, %(count)s changes", count) % {
            "version": data["version"],
            "count": count,
        }
    if "source" in data:
        # Each count with its own plural form; the sentence is assembled from the three.
        roundtables, sessions, rooms = (data.get(key, 0) for key in ("roundtables", "sessions", "rooms"))
        copied = ", ".join(
            (
                ngettext("%(count)s roundtable", "%(count)s roundtables", roundtables) % {"count": roundtables},
                ngettext("%(count)s session", "%(count)s sessions", sessions) % {"count": sessions},
                ngettext("%(count)s room", "%(count)s rooms", rooms) % {"count": rooms},
            )
        )
        return _("From meeting %(number)s: %(copied)s") % {"number": data["source"], "copied": copied}
    if data.get("previous"):
        return _("Instead of meeting %(number)s") % {"number": data["previous"]}
    return ""


@chair_meeting_required()
def activity(request, number: int | None = None):
    meeting = meeting_or_404(number)
    entries = activity_for_meeting(meeting).select_related("content_type")
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    rows = [Row(entry, entry.label, _details(entry)) for entry in page]
    return render(
        request,
        "roundtables/chair/activity.html",
        {"meeting": meeting, "chair_section": "activity", "page": page, "rows": rows},
    )
