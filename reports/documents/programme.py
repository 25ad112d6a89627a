"""The programme booklet of a meeting: cover, the programme at a glance, then every roundtable
and session with its team, and the other sessions (plenaries, special session, civil society).

It is printed from a published programme release (roundtables.programme), never from the live
data, so that the booklet says what the public pages say. The Chair's office may also print the
unpublished draft, marked as such."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from reports.documents.common import (
    chair_reads,
    chair_reads_params,
    clean_meeting,
    load_meeting,
    meeting_filename,
    meeting_of,
    render_document,
)
from reports.registry import Offer, Part, Renderer, ReportError, register
from roundtables.models import ProgrammeRelease
from roundtables.programme.published import Programme
from roundtables.programme.snapshot import build_snapshot

DRAFT = "draft"


def clean_params(raw: dict) -> dict:
    """{"meeting", "language", "version"}: the number of a published release (the latest when none
    is given), or "draft" for the programme as it stands now."""
    params = clean_meeting(raw)
    version = str(raw.get("version") or "")
    if version == DRAFT:
        params["version"] = DRAFT
        return params
    releases = ProgrammeRelease.objects.filter(meeting_id=params["meeting"])
    if version:
        if not version.isdigit() or not releases.filter(version=int(version)).exists():
            raise ValidationError(gettext("This version of the programme does not exist."))
        params["version"] = int(version)
    else:
        latest = releases.order_by("-version").values_list("version", flat=True).first()
        if latest is None:
            # Nothing to print: unavailable() says so, on the reports page and to the request alike.
            return params
        params["version"] = latest
    return params


def can_access(user, params) -> bool:
    if params.get("version") == DRAFT:
        return chair_reads_params(user, params)
    # A published programme is public: any signed-in person may have the booklet.
    return user.is_authenticated


def programme_of(params: dict) -> Programme:
    meeting = load_meeting(params)
    if params["version"] == DRAFT:
        release = ProgrammeRelease(
            meeting=meeting, version=0, published_at=timezone.now(), snapshot=build_snapshot(meeting), changes=[]
        )
    else:
        release = ProgrammeRelease.objects.filter(meeting=meeting, version=params["version"]).first()
        if release is None:
            raise ReportError(gettext("This version of the programme no longer exists."))
    return Programme(release)


def programme_context(programme: Programme, *, draft: bool) -> dict:
    days = []
    for day in programme.days:
        sessions = [session for slot in day.slots for session in slot.sessions]
        days.append((day.date, sessions))
    return {
        "meeting": programme.meeting,
        "programme": programme,
        "release": programme.release,
        "draft": draft,
        "roundtables": programme.roundtables,
        "other_sessions": programme.other_sessions,
        "days": days,
    }


def build(params: dict):
    programme = programme_of(params)
    context = programme_context(programme, draft=params["version"] == DRAFT)
    yield Part(render_document("reports/programme.html", context))


def title(params: dict) -> str:
    meeting = meeting_of(params)
    label = gettext("Programme booklet")
    if params.get("version") == DRAFT:
        label += " (" + gettext("unpublished draft") + ")"
    elif params.get("version"):
        label += " · " + gettext("version %(version)s") % {"version": params["version"]}
    return label + (f" · {meeting.title}" if meeting else "")


def filename(params: dict) -> str:
    version = params.get("version")
    return meeting_filename(params, "programme", DRAFT if version == DRAFT else f"v{version}")


def unavailable(params: dict) -> str | None:
    if params.get("version") == DRAFT:
        return None
    if not ProgrammeRelease.objects.filter(meeting_id=params.get("meeting")).exists():
        return gettext("The programme has not been published yet.")
    return None


def offers(meeting, user) -> list[Offer]:
    found = [
        Offer(
            kind="programme",
            label=_("Programme booklet"),
            description=_("The published programme: cover, the programme at a glance, every session and its team."),
            params={"meeting": meeting.pk},
        )
    ]
    if chair_reads(user, meeting):
        found.append(
            Offer(
                kind="programme",
                label=_("Programme booklet (unpublished draft)"),
                description=_("The programme as it stands now, before it is published; every page says so."),
                params={"meeting": meeting.pk, "version": DRAFT},
                restricted=True,
            )
        )
    return found


register(
    Renderer(
        kind="programme",
        label=_("Programme booklet"),
        description=_("The meeting's programme: the roundtables, their sessions and teams, times and rooms."),
        can_access=can_access,
        build=build,
        filename=filename,
        clean_params=clean_params,
        title=title,
        offers=offers,
        unavailable=unavailable,
        order=10,
    )
)
