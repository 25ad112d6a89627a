"""Helpers every document shares: parameter cleaning, loading the meeting, rendering a template."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext

from reports.registry import ReportError
from reports.rendering import asset_url
from roundtables.models import Meeting
from roundtables.permissions import reads_meeting_records_of


def clean_language(raw: dict) -> str:
    language = str(raw.get("language") or translation.get_language() or settings.LANGUAGE_CODE)[:2]
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def clean_id(raw: dict, name: str, *, required: bool = True) -> int | None:
    value = raw.get(name)
    if value in (None, ""):
        if required:
            raise ValidationError(gettext("Choose a %(name)s.") % {"name": name}, code="required")
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError(gettext("%(value)s is not a valid %(name)s.") % {"value": value, "name": name}) from None
    if number <= 0:
        raise ValidationError(gettext("%(value)s is not a valid %(name)s.") % {"value": value, "name": name})
    return number


def clean_meeting(raw: dict) -> dict:
    meeting_id = clean_id(raw, "meeting")
    if not Meeting.objects.filter(pk=meeting_id).exists():
        raise ValidationError(gettext("This meeting does not exist."), code="invalid")
    return {"meeting": meeting_id, "language": clean_language(raw)}


def load_meeting(params: dict) -> Meeting:
    meeting = Meeting.objects.filter(pk=params["meeting"]).first()
    if meeting is None:
        raise ReportError(gettext("The meeting of this document no longer exists."))
    return meeting


def meeting_of(params: dict) -> Meeting | None:
    return Meeting.objects.filter(pk=params.get("meeting")).first()


def chair_reads(user, meeting: Meeting | None) -> bool:
    """The Chair's office's documents of a meeting (drafts, full lists, badges): its own staff, the troika's
    (the previous and next meeting's) and support (roundtables.permissions)."""
    return bool(user is not None and user.is_authenticated) and reads_meeting_records_of(user, meeting)


def chair_reads_params(user, params: dict) -> bool:
    """chair_reads for a requested document, by the meeting id in its parameters (no query)."""
    meeting_id = params.get("meeting")
    if not meeting_id:
        return False
    return chair_reads(user, Meeting(pk=meeting_id))


def pdf_filename(*words) -> str:
    """An ASCII file name such as gfmd-4-programme-en.pdf (session 1.1 becomes 1-1)."""
    return "-".join(slugify(str(word).replace(".", "-")) for word in ("gfmd", *words) if str(word)) + ".pdf"


def meeting_filename(params: dict, *words) -> str:
    """gfmd-<meeting number>-<words>-<language>.pdf"""
    meeting = meeting_of(params)
    return pdf_filename(meeting.number if meeting else "", *words, params.get("language", ""))


def render_document(template: str, context: dict) -> str:
    return render_to_string(
        template,
        {
            "print_css": asset_url("css/print.css"),
            "emblem": asset_url("reports/emblem.svg"),
            "generated_at": timezone.now(),
            "LANGUAGE_CODE": translation.get_language(),
            **context,
        },
    )
