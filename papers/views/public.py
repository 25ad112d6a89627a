"""The public library of published papers: every meeting's at /papers/, one meeting's at
/meetings/<number>/papers/ (the archive's meeting page links there), with full-text search over titles
and abstracts, a language filter and pages."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language

from papers import selectors
from papers.forms import LibraryFilterForm
from papers.search import headlines, highlighted
from roundtables.selectors import published_meetings

# The demo's library fits on one page; a real one grows by a few dozen papers a year.
PER_PAGE = 50


def library(request):
    # Earlier links (the archive's, the workspaces') and the meeting filter name the meeting by its
    # primary key: a public meeting's papers have their own URL, under its number.
    meeting_id = request.GET.get("meeting", "")
    if meeting_id.isdigit():
        meeting = published_meetings().filter(pk=meeting_id).first()
        if meeting is not None:
            params = request.GET.copy()
            del params["meeting"]
            params.pop("page", None)
            url = reverse("papers:meeting_library", kwargs={"number": meeting.number})
            return redirect(f"{url}?{params.urlencode()}" if params else url)
    return _library(request, meeting=None)


def meeting_library(request, number: int):
    meeting = get_object_or_404(published_meetings(), number=number)
    return _library(request, meeting=meeting)


def _library(request, *, meeting):
    params = request.GET.copy()
    params.pop("page", None)
    form = LibraryFilterForm(params or None, meeting=meeting)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    query = filters.get("q", "")
    papers = selectors.library(
        meeting=meeting or filters.get("meeting"),
        roundtable=filters.get("roundtable"),
        session=filters.get("session"),
        language=filters.get("language", ""),
        query=query,
        reader_language=get_language(),
    )
    page = Paginator(papers, PER_PAGE).get_page(request.GET.get("page"))
    shown = list(page.object_list)
    # A search's passage of the abstract, the words found marked, for the papers shown (papers.search).
    passages = headlines([paper.pk for paper in shown], query, get_language()) if query else {}
    for paper in shown:
        paper.headline_html = highlighted(passages.get(paper.pk, "")) if query else ""
    return render(
        request,
        "papers/library.html",
        {
            "meeting": meeting,
            "library_url": (
                reverse("papers:meeting_library", kwargs={"number": meeting.number})
                if meeting
                else reverse("papers:library")
            ),
            "form": form,
            "page": page,
            # The filters and the search, kept by the links to the other pages.
            "page_query": params.urlencode(),
            "papers": shown,
            "query": query,
            "searching": bool(query),
            "filtered": bool(filters and any(filters.values())),
        },
    )
