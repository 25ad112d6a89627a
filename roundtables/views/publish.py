"""The Chair's office publishes the programme, after seeing what will change."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from roundtables import services
from roundtables.models import ProgrammeRelease, SessionPerson
from roundtables.programme.diff import programme_changes
from roundtables.programme.published import Programme
from roundtables.programme.release_links import release_links
from roundtables.programme.snapshot import build_snapshot
from roundtables.schedule import meeting_clashes
from roundtables.views._helpers import chair_meeting_required, meeting_or_404

RELEASES_PER_PAGE = 10


def _draft(meeting, latest: ProgrammeRelease | None) -> ProgrammeRelease:
    """What publishing now would write (not saved)."""
    snapshot = build_snapshot(meeting)
    return ProgrammeRelease(
        meeting=meeting,
        version=latest.version + 1 if latest else 1,
        published_at=timezone.now(),
        snapshot=snapshot,
        changes=programme_changes(latest.snapshot, snapshot) if latest else [],
        previous_published_at=latest.published_at if latest else None,
    )


@chair_meeting_required()
def publish(request, number: int | None = None):
    meeting = meeting_or_404(number)
    if request.method == "POST":
        latest = ProgrammeRelease.objects.latest_for(meeting)
        expected = request.POST.get("version", "")
        next_version = str(latest.version + 1 if latest else 1)
        if expected and expected != next_version:
            # The confirmation named another version: someone published in the meantime. Look again.
            messages.error(
                request,
                _("Version %(version)s has been published in the meantime: check what would change now.")
                % {"version": latest.version},
            )
            return redirect("roundtables:publish", number=meeting.number)
        try:
            release = services.programme_publish(meeting=meeting, actor=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("Version %(version)s of the programme is published: the public pages show it now.")
                % {"version": release.version},
            )
        return redirect("roundtables:publish", number=meeting.number)
    # The published versions, a page at a time: each carries the whole programme's snapshot.
    page = Paginator(meeting.releases.select_related("published_by").order_by("-version"), RELEASES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    releases = list(page)
    latest = releases[0] if page.number == 1 and releases else ProgrammeRelease.objects.latest_for(meeting)
    draft = _draft(meeting, latest)
    unchanged = latest is not None and latest.snapshot == draft.snapshot
    clashes = meeting_clashes(
        list(meeting.sessions.select_related("room")),
        list(SessionPerson.objects.filter(session__meeting=meeting).select_related("person")),
    )
    return render(
        request,
        "roundtables/chair/publish.html",
        {
            "meeting": meeting,
            "chair_section": "publish",
            "releases": [Programme(release) for release in releases],
            "page": page,
            "latest": latest,
            "draft": Programme(draft),
            "unchanged": unchanged,
            "clashes": clashes,
            # What other apps offer for the public version (notifications: tell the participants what changed).
            "release_links": release_links(latest, request.user),
        },
    )


@chair_meeting_required()
def confirm(request, number: int | None = None):
    """The step between the button and the public: it names what becomes public and where (works without
    JavaScript; the button on the publish page leads here, and only this page's form publishes)."""
    meeting = meeting_or_404(number)
    latest = ProgrammeRelease.objects.latest_for(meeting)
    draft = _draft(meeting, latest)
    clashes = meeting_clashes(
        list(meeting.sessions.select_related("room")),
        list(SessionPerson.objects.filter(session__meeting=meeting).select_related("person")),
    )
    programme = Programme(draft)
    return render(
        request,
        "roundtables/chair/publish_confirm.html",
        {
            "meeting": meeting,
            "chair_section": "publish",
            "latest": latest,
            "draft": programme,
            "unchanged": latest is not None and latest.snapshot == draft.snapshot,
            "clashes": clashes,
            "public_url": request.build_absolute_uri(
                reverse("roundtables:programme", kwargs={"number": meeting.number})
            ),
            "summary": _summary(programme),
        },
    )


def _summary(programme: Programme) -> str:
    sessions = ngettext("%(count)d session", "%(count)d sessions", len(programme.sessions)) % {
        "count": len(programme.sessions)
    }
    roundtables = ngettext("%(count)d roundtable", "%(count)d roundtables", len(programme.roundtables)) % {
        "count": len(programme.roundtables)
    }
    return _("%(sessions)s, %(roundtables)s") % {"sessions": sessions, "roundtables": roundtables}


@chair_meeting_required()
def preview(request, number: int | None = None):
    """The programme as it would be published now, on the public page's layout."""
    meeting = meeting_or_404(number)
    draft = _draft(meeting, ProgrammeRelease.objects.latest_for(meeting))
    return render(
        request,
        "roundtables/public/programme.html",
        {"meeting": meeting, "programme": Programme(draft), "preview": True},
    )
