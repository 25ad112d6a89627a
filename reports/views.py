from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from rules.contrib.views import permission_required

from gfmd import languages
from reports import services
from reports.badges import valid_badge_registration
from reports.documents.common import clean_language, meeting_of
from reports.documents.session_pack import pack_entries, public_session
from reports.documents.session_pack import unavailable as pack_unavailable
from reports.models import GeneratedFile
from reports.registry import ReportError, find_renderer, get_renderer, offers_for
from reports.selectors import files_requested_by
from reports.throttle import ReportThrottled
from roundtables.editions import chair_meeting_or_404
from roundtables.programme.published import Programme
from roundtables.selectors import current_meeting, published_meetings

RESERVED_FIELDS = {"kind", "csrfmiddlewaretoken", "next"}


@permission_required("reports.view_reports_page", raise_exception=True)
def reports_index(request, number: int | None = None):
    """The Chair's office's reports page for a meeting: every document it can ask for (disabled, with
    the reason, when it cannot be produced yet), and its recent files."""
    meeting = chair_meeting_or_404(request.user, number, perm="reports.view_reports_page")
    offers = offers_for(meeting, request.user)
    files = list(files_requested_by(request.user))
    for generated in files:
        renderer = find_renderer(generated.kind)
        generated.label = renderer.label if renderer else generated.kind
    return render(request, "reports/index.html", {"meeting": meeting, "offers": offers, "files": files})


def _next_url(request) -> str | None:
    candidate = request.POST.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return None


def _throttled(request, error: ReportThrottled, *, back: str):
    """429 Too Many Requests, with the reason and the way back, and when to try again."""
    response = render(request, "reports/throttled.html", {"message": str(error), "back": back}, status=429)
    response["Retry-After"] = str(error.retry_after)
    return response


@login_required
@require_POST
def report_request(request):
    """Ask for a document (from any page's form): follow its job on the file's page."""
    raw = {key: value for key, value in request.POST.items() if key not in RESERVED_FIELDS}
    if "language" not in raw:
        raw["language"] = request.LANGUAGE_CODE
    try:
        generated = services.request_report(kind=request.POST.get("kind", ""), params=raw, user=request.user)
    except PermissionDenied:
        raise Http404 from None
    except ReportThrottled as error:
        return _throttled(request, error, back=_next_url(request) or reverse("reports:index"))
    except (ValidationError, ReportError) as error:
        for message in getattr(error, "messages", None) or [str(error)]:
            messages.error(request, message)
        return redirect(_next_url(request) or "reports:index")
    return redirect("reports:file_detail", pk=generated.pk)


def _visible_file(request, pk: int) -> GeneratedFile:
    """The file if the user may see its content; 404 otherwise (knowing the id is not enough)."""
    generated = get_object_or_404(GeneratedFile, pk=pk)
    if not request.user.has_perm("reports.view_generatedfile", generated):
        raise Http404
    return generated


def _retry_unavailable(generated: GeneratedFile, renderer) -> str | None:
    """Why asking again would be refused (the service's own check), for a disabled button."""
    return renderer.unavailable(generated.parameters) if generated.state == GeneratedFile.State.FAILED else None


def _file_context(generated: GeneratedFile) -> dict:
    renderer = get_renderer(generated.kind)
    parts_done, parts_total = services.part_counts(generated) if generated.is_active else (0, 0)
    return {
        "file": generated,
        "parts_done": parts_done,
        "parts_total": parts_total,
        # Its times are shown in the host city's zone, as every page of the portal shows them.
        "meeting": meeting_of(generated.parameters) or current_meeting(),
        "renderer": renderer,
        "title": renderer.describe(generated.parameters),
        "retry_unavailable": _retry_unavailable(generated, renderer),
    }


@login_required
@require_GET
def file_detail(request, pk: int):
    generated = _visible_file(request, pk)
    return render(request, "reports/file_detail.html", _file_context(generated))


@login_required
@require_GET
def file_status(request, pk: int):
    """The fragment htmx polls every second while the job is queued or running."""
    generated = _visible_file(request, pk)
    context = {**_file_context(generated), "announce": request.GET.get("polling") == "1"}
    return render(request, "reports/file_detail.html#status", context)


@login_required
@require_GET
def file_download(request, pk: int):
    generated = _visible_file(request, pk)
    if not generated.is_downloadable:
        raise Http404
    services.report_download_log(generated_file=generated, user=request.user)
    renderer = get_renderer(generated.kind)
    response = FileResponse(
        generated.file.open("rb"), as_attachment=True, filename=generated.filename, content_type=renderer.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def file_retry(request, pk: int):
    generated = _visible_file(request, pk)
    try:
        retried = services.report_retry(generated_file=generated, user=request.user)
    except PermissionDenied:
        raise Http404 from None
    except ReportThrottled as error:
        return _throttled(request, error, back=reverse("reports:file_detail", kwargs={"pk": generated.pk}))
    except (ValidationError, ReportError) as error:
        for message in getattr(error, "messages", None) or [str(error)]:
            messages.error(request, message)
        return redirect("reports:file_detail", pk=generated.pk)
    return redirect("reports:file_detail", pk=retried.pk)


@require_GET
@never_cache
def badge_verify(request, token: str):
    """Where a badge's QR code leads: may this person in? Public, since the stewards at the door
    are not signed in; the signed token cannot be guessed from an id. A badge that does not admit
    its bearer answers the same page whatever the reason (forged, withdrawn, rejected, pending, an
    older badge): it names nobody, so the link of a withdrawn person tells nothing about them.
    Never cached, so that a phone does not show yesterday's answer."""
    registration = valid_badge_registration(token)
    response = render(
        request,
        "reports/badge_verify.html",
        {"registration": registration, "valid": registration is not None},
        status=200 if registration is not None else 404,
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_GET
def public_proceedings(request, number: int):
    """The report of the proceedings of a meeting in the public archive, for anyone: the PDF when it is
    ready, otherwise a page saying it is being produced (services.public_proceedings bounds the work).
    One file per working language: `?language=fr` (the meeting page's choice), else the reader's.
    404 for a meeting the public may not see, or one without a published outcome."""
    meeting = get_object_or_404(published_meetings(), number=number)
    chosen = request.GET.get("language", "")
    language = chosen if chosen in languages.CODES else clean_language({"language": request.LANGUAGE_CODE})
    generated = services.public_proceedings(meeting=meeting, language=language)
    if generated is None:
        raise Http404
    if generated.is_downloadable:
        response = FileResponse(generated.file.open("rb"), filename=generated.filename, content_type="application/pdf")
        response["X-Content-Type-Options"] = "nosniff"
        # A URL that names its language is the same file for everyone; without it, the file depends on
        # the reader's language (their cookie or browser), which a shared cache must not hand to others.
        response["Cache-Control"] = "public, max-age=600" if chosen == language else "private, max-age=600"
        response["Content-Language"] = language
        return response
    context = {"meeting": meeting, "file": generated, "language": language, "language_name": languages.NAMES[language]}
    response = render(request, "reports/public_proceedings.html", context)
    response["Cache-Control"] = "no-store"
    return response


# A session's document pack, for anyone ------------------------------------------------------------------


def _public_session_or_404(pk: int):
    found = public_session(pk)
    if found is None:
        raise Http404("No such session in the published programme.")
    return found


def _pack_language(request) -> str:
    chosen = request.POST.get("language") or request.GET.get("language") or ""
    return chosen if chosen in languages.CODES else clean_language({"language": request.LANGUAGE_CODE})


def _client(request) -> str:
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return ""


def _pack_file_or_404(pk: int, file_pk: int) -> GeneratedFile:
    """A pack of this session (whoever asked for it: its content is public while the session is)."""
    _public_session_or_404(pk)
    generated = GeneratedFile.objects.filter(pk=file_pk, kind=services.SESSION_PACK).first()
    if generated is None or generated.parameters.get("session") != pk:
        raise Http404
    return generated


def _pack_context(session, release, language: str, generated: GeneratedFile | None) -> dict:
    item = Programme(release).session(session.pk)
    params = {"session": session.pk, "language": language}
    return {
        "meeting": session.meeting,
        "session": session,
        "item": item,
        "language": language,
        "language_name": languages.NAMES[language],
        "file": generated,
        "entries": pack_entries(params),
        "unavailable": pack_unavailable(params),
    }


@never_cache
@require_http_methods(["GET", "POST"])
def session_pack(request, pk: int):
    """The document pack of a session of the published programme, for anyone: GET shows it in the language
    asked for (its file when made, or the job making it, with its progress), POST asks for it and comes
    back here. The public session page links here with a plain GET form, since that page is cached for
    every reader alike and may carry nothing of one person (not even a CSRF token)."""
    session, release = _public_session_or_404(pk)
    language = _pack_language(request)
    if request.method == "POST":
        try:
            services.session_pack_request(
                session_id=session.pk, language=language, user=request.user, client=_client(request)
            )
        except ValidationError:
            raise Http404 from None
        except ReportThrottled as error:
            back = f"{reverse('reports:session_pack', kwargs={'pk': session.pk})}?language={language}"
            return _throttled(request, error, back=back)
        except ReportError as error:
            messages.error(request, str(error))
        return redirect(f"{reverse('reports:session_pack', kwargs={'pk': session.pk})}?language={language}")
    try:
        params = services.session_pack_params(session_id=session.pk, language=language)
    except ValidationError:
        raise Http404 from None
    generated = services.session_pack_current(params)
    return render(request, "reports/session_pack.html", _pack_context(session, release, language, generated))


@require_GET
@never_cache
def session_pack_status(request, pk: int, file_pk: int):
    """The fragment htmx polls every second while the pack is queued or being made."""
    generated = _pack_file_or_404(pk, file_pk)
    return render(
        request, "reports/session_pack.html#status", {"file": generated, "announce": request.GET.get("polling") == "1"}
    )


@require_GET
def session_pack_download(request, pk: int, file_pk: int):
    """The zip, as an attachment a browser neither sniffs nor opens. Public while the session is in the
    published programme (the renderer's can_access, as for the request); the same file for everyone, so
    caches may keep it (its address names the file, and a new pack is a new file)."""
    generated = _pack_file_or_404(pk, file_pk)
    renderer = get_renderer(generated.kind)
    if not generated.is_downloadable or not renderer.can_access(request.user, generated.parameters):
        raise Http404
    response = FileResponse(
        generated.file.open("rb"), as_attachment=True, filename=generated.filename, content_type=renderer.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "public, max-age=600"
    return response
