"""The public library of published papers: by meeting, roundtable and session, with full-text
search over titles and abstracts and a language filter."""

from django.shortcuts import render

from papers import selectors
from papers.forms import LibraryFilterForm


def library(request):
    form = LibraryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    query = filters.get("q", "")
    papers = list(
        selectors.library(
            meeting=filters.get("meeting"),
            roundtable=filters.get("roundtable"),
            session=filters.get("session"),
            language=filters.get("language", ""),
            query=query,
        )
    )
    return render(
        request,
        "papers/library.html",
        {
            "form": form,
            "papers": papers,
            "query": query,
            "searching": bool(query),
            "filtered": bool(filters and any(filters.values())),
        },
    )
