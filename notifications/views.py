"""The preference page, the one-click unsubscribe, and the Chair's office's confirmation of a programme digest."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from accounts.models import User
from mailings.notification_kinds import is_notification_kind, notification_kinds
from notifications import selectors, services
from notifications.tokens import unsubscribe_read
from roundtables.models import ProgrammeRelease
from roundtables.programme.release_links import ReleaseLink
from roundtables.views._helpers import chair_meeting_required, meeting_or_404

RECIPIENTS_PER_PAGE = 25


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    if request.method == "POST":
        keys = {kind.key for kind in notification_kinds()}
        enabled = {key for key in request.POST.getlist("on") if key in keys}
        services.preferences_save(person=request.user, actor=request.user, enabled=enabled)
        messages.success(request, _("Your notification choices are saved."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"preferences": selectors.preferences_of(request.user)})


def _invalid(request):
    page = render(request, "notifications/unsubscribe_invalid.html")
    return HttpResponseBadRequest(page.content, content_type=page["Content-Type"])


# A mail client's one-click POST (RFC 8058) carries no CSRF token and no session: the signed token in the
# address is the only authority, and it can do one thing only (turn that kind off for that person).
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    read = unsubscribe_read(token)
    if read is None or not is_notification_kind(read[1]):
        return _invalid(request)
    kind = next(kind for kind in notification_kinds() if kind.key == read[1])
    if request.method == "GET":
        person = User.objects.filter(pk=read[0], is_active=True).first()
        if person is None:
            return _invalid(request)
        # Nothing changes on GET: mail scanners open links, and a person should not lose mail by looking.
        return render(request, "notifications/unsubscribe.html", {"kind": kind, "person": person, "done": False})
    try:
        services.notification_turn_off(token=token)
    except services.InvalidToken:
        return _invalid(request)
    return render(request, "notifications/unsubscribe.html", {"kind": kind, "done": True})


def programme_digest_link(release, user) -> ReleaseLink | None:
    """The publish page's link to this app's confirmation page, for the latest version after the first. It reads
    nothing more (the publish page's query count stays the same); the page it leads to says whether it was sent."""
    if release.version < 2 or not user.has_perm("notifications.send_programme_digest", release):
        return None
    url = reverse(
        "notifications:programme_digest", kwargs={"number": release.meeting.number, "version": release.version}
    )
    label = _("Notify the registered participants of what changed in version %(version)s") % {
        "version": release.version
    }
    return ReleaseLink(label=label, url=url)


@chair_meeting_required(write=True)
@require_http_methods(["GET", "POST"])
def programme_digest(request, number: int, version: int):
    meeting = meeting_or_404(number)
    release = get_object_or_404(ProgrammeRelease, meeting=meeting, version=version)
    if request.method == "POST":
        try:
            services.programme_digest_send(release=release, actor=request.user)
        except PermissionDenied:
            raise
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The digest is on its way to the participants."))
        return redirect("notifications:programme_digest", number=meeting.number, version=version)
    sent = selectors.digest_sent(release)
    plan = selectors.digest_plan(release)
    people = list(plan.recipients.items())
    page = Paginator(people, RECIPIENTS_PER_PAGE).get_page(request.GET.get("page"))
    preview = None
    if people:
        writer = selectors.DigestWriter(release, plan.changed)
        person, session_ids = people[0]
        language = person.preferred_language or "en"
        preview = {"person": person, "mail": writer.mail(person, session_ids, language=language)}
    return render(
        request,
        "notifications/programme_digest.html",
        {
            "meeting": meeting,
            "chair_section": "publish",
            "release": release,
            "sent": sent,
            "plan": plan,
            "page": page,
            "preview": preview,
            "is_latest": ProgrammeRelease.objects.latest_for(meeting).pk == release.pk,
        },
    )
