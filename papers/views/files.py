"""Downloads: the permission is checked first; the file goes out as an attachment that a
browser will neither sniff nor run (nosniff, and a sandboxing Content-Security-Policy)."""

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from papers.filenames import clean_original_name, download_name
from papers.models import Paper, StoredFile, Translation, Version

DOWNLOAD_CSP = "default-src 'none'; sandbox"


def _public_name(paper: Paper, suffix: str = "") -> str:
    session = paper.session
    return f"GFMD {session.meeting.start_date.year} {session.code} {paper.title_en or paper.title}{suffix}"


def _send(stored: StoredFile, *, name: str, public: bool) -> FileResponse:
    """`public`: the name is built by us (not an uploaded file's), and caches may keep it."""
    try:
        handle = stored.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404 from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=download_name(name, stored.extension, replace_extension=not public),
        content_type=stored.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = DOWNLOAD_CSP
    response["Cache-Control"] = "public, max-age=3600" if public else "private, no-store"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


def _gone(request, paper: Paper) -> HttpResponse:
    """A public link to the file of a paper the Chair's office withdrew from the library (a bookmark, a mail,
    a page that quoted it): 410 Gone, with a page that says when and why and links to the paper's page."""
    response = render(
        request, "papers/download_gone.html", {"paper": paper, "meeting": paper.session.meeting}, status=410
    )
    response["Cache-Control"] = "no-cache"  # a cache that kept the file must not keep serving it either
    return response


@require_GET
def version_download(request, pk: int):
    """The team (and the Chair's office) download any version; everybody else only the accepted
    version of a published paper: the one a paper withdrawn from the library no longer offers (410, with
    the reason). Anything else is a 404, as if it did not exist."""
    version = get_object_or_404(Version.objects.select_related("paper__session__meeting"), pk=pk)
    paper = version.paper
    if request.user.has_perm("papers.view_paper_workspace", paper):
        return _send(version, name=clean_original_name(version.original_name), public=False)
    if paper.accepted_version_id == version.pk:
        if paper.is_published:
            return _send(version, name=_public_name(paper), public=True)
        if paper.is_unpublished:
            return _gone(request, paper)
    raise Http404


@require_GET
def translation_download(request, pk: int):
    translation = get_object_or_404(Translation.objects.select_related("paper__session__meeting"), pk=pk)
    paper = translation.paper
    if paper.is_published:
        return _send(translation, name=_public_name(paper, f" {translation.language}"), public=True)
    if request.user.has_perm("papers.view_paper_workspace", paper):
        return _send(translation, name=clean_original_name(translation.original_name), public=False)
    if paper.is_unpublished:
        return _gone(request, paper)
    raise Http404
