"""Thin views of the translators' queue and of the side-by-side forms; the rules are the owning apps'
(outcomes.translate_outcomes for the queue, roundtables.translate_text_<language>,
papers.translate_paper_<language> for the texts), checked again by their services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import linebreaks
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from gfmd import languages
from gfmd.forms import add_service_errors
from gfmd.paging import query_without
from outcomes.diff import has_changes, side_by_side
from outcomes.selectors import outcomes_awaiting_translation
from papers import services as paper_services
from papers.models import Paper
from papers.permissions import translate_paper_perm, translate_paper_who_perm
from papers.selectors import papers_awaiting_translation
from roundtables import services as roundtable_services
from roundtables.editions import MANAGE_MEETING, may_write, meeting_or_current
from roundtables.forms import TranslationForm
from roundtables.models import Meeting, Roundtable, Session
from roundtables.permissions import translate_text_perm
from roundtables.selectors import texts_awaiting_translation, translator_languages
from roundtables.services.translations import TranslationConflict

PAGE_SIZE = 20
QUEUE_RULE = "outcomes.translate_outcomes"  # object: the meeting (its translators and its Chair's office)


def _queue_languages(user, meeting) -> tuple[str, ...]:
    """The languages the person works on in the meeting: the Chair's office all, a translator theirs."""
    if user.has_perm(MANAGE_MEETING, meeting):
        return languages.CODES
    mine = translator_languages(user, meeting.pk)
    return tuple(code for code in languages.CODES if code in mine)


def _translator_meetings(user):
    """The meetings the person translates for, newest first (the queue's choice of meeting)."""
    return (
        Meeting.objects.filter(roles__user=user, roles__role__startswith="translator_", roles__revoked_at__isnull=True)
        .distinct()
        .order_by("-number")
    )


def queue_url(meeting, language: str) -> str:
    return reverse("translator:queue", kwargs={"number": meeting.number}) + "?" + urlencode({"language": language})


@login_required
def queue(request, number: int | None = None):
    """What awaits the language in the meeting: three lists, each in pages."""
    meeting = meeting_or_current(number)
    if meeting is None:
        raise Http404("No meeting is current.")
    if not request.user.has_perm(QUEUE_RULE, meeting):
        raise PermissionDenied
    choices = _queue_languages(request.user, meeting)
    default = next((code for code in choices if code != languages.DEFAULT), choices[0])
    language = request.GET.get("language") if request.GET.get("language") in choices else default

    def page(queryset, param: str):
        return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get(param))

    chair = request.user.has_perm(MANAGE_MEETING, meeting)
    return render(
        request,
        "portal/translations/queue.html",
        {
            "meeting": meeting,
            "chair": chair,
            "language": language,
            "language_name": languages.NAMES[language],
            "language_choices": [(code, languages.NAMES[code]) for code in choices],
            "meetings": None if chair else list(_translator_meetings(request.user)),
            "outcomes": page(outcomes_awaiting_translation(meeting, language), "outcomes"),
            "outcomes_query": query_without(request, "outcomes"),
            "papers": page(papers_awaiting_translation(meeting, language), "papers"),
            "papers_query": query_without(request, "papers"),
            "texts": page(
                texts_awaiting_translation(meeting, language)
                if language in languages.TRANSLATED
                else Session.objects.none(),
                "texts",
            ),
            "texts_query": query_without(request, "texts"),
            "may_write": may_write(meeting, request.user),
        },
    )


def _changes(source: str | None, original: str):
    """What changed in the original since the text a translation was made from (diff rows of
    outcomes.diff), or None when nothing did or nothing was recorded."""
    if source is None or source == original:
        return None
    rows = side_by_side(linebreaks(source), linebreaks(original))
    return rows if has_changes(rows) else None


def _translate_page(
    request, *, obj, meeting, kind_label, heading, texts, language, original_language, save, sources=None
):
    """The side-by-side form: the original on the left (read-only, what changed since the last translation
    marked where the owning app records it: `sources`, {base: the original it was made from}), the
    translation on the right. A refused save keeps what was typed and shows, next to the field, the text
    someone saved meanwhile."""

    def stored(instance) -> dict[str, str]:
        return {base: getattr(instance, f"{base}_{language}") or "" for base in texts}

    current = stored(obj)
    initial = {**current, **{f"{base}_started": text for base, text in current.items()}}
    form = TranslationForm(request.POST or None, initial=initial, texts=texts, language=language)
    meanwhile = {}
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                save(texts=form.texts_typed(), started_from=form.started_from())
            except ValidationError as error:
                add_service_errors(form, error)
                if isinstance(error, TranslationConflict):
                    obj.refresh_from_db()
                    meanwhile = {base: text for base, text in stored(obj).items() if base in error.message_dict}
                    form.restart_from(stored(obj))
            else:
                messages.success(
                    request,
                    _("Your %(language)s translation of %(what)s was saved.")
                    % {"language": languages.NAMES[language], "what": heading},
                )
                return redirect(queue_url(meeting, language))
        status = 400
    sources = sources or {}
    originals = []
    for base in texts:
        text = getattr(obj, f"{base}_{original_language}") or ""
        originals.append((TranslationForm.LABELS[base], text, _changes(sources.get(base), text)))
    fields = [(form[base], form[f"{base}_started"], meanwhile.get(base)) for base in texts]
    return render(
        request,
        "portal/translations/translate.html",
        {
            "meeting": meeting,
            "kind_label": kind_label,
            "heading": heading,
            "language": language,
            "language_name": languages.NAMES[language],
            "original_language": original_language,
            "original_language_name": languages.NAMES[original_language],
            "originals": originals,
            "form": form,
            "fields": fields,
            "back": queue_url(meeting, language),
        },
        status=status,
    )


def _text_language(language: str) -> str:
    if language not in languages.TRANSLATED:  # English is the structure's original
        raise Http404("Not a translation language.")
    return language


@login_required
def session_translate(request, pk: int, language: str):
    language = _text_language(language)
    session = get_object_or_404(Session.objects.select_related("meeting"), pk=pk)
    if not request.user.has_perm(translate_text_perm(language), session):
        raise PermissionDenied
    return _translate_page(
        request,
        obj=session,
        meeting=session.meeting,
        kind_label=_("Session"),
        heading=_("session %(code)s") % {"code": session.code},
        texts=("title", "description"),
        language=language,
        original_language=languages.DEFAULT,
        save=lambda **kwargs: roundtable_services.session_translation_save(
            session=session, actor=request.user, language=language, **kwargs
        ),
    )


@login_required
def roundtable_translate(request, pk: int, language: str):
    language = _text_language(language)
    roundtable = get_object_or_404(Roundtable.objects.select_related("meeting"), pk=pk)
    if not request.user.has_perm(translate_text_perm(language), roundtable):
        raise PermissionDenied
    return _translate_page(
        request,
        obj=roundtable,
        meeting=roundtable.meeting,
        kind_label=_("Roundtable"),
        heading=_("roundtable %(number)s") % {"number": roundtable.number},
        texts=("title", "description"),
        language=language,
        original_language=languages.DEFAULT,
        save=lambda **kwargs: roundtable_services.roundtable_translation_save(
            roundtable=roundtable, actor=request.user, language=language, **kwargs
        ),
    )


@login_required
def paper_translate(request, pk: int, language: str):
    if language not in languages.CODES:
        raise Http404("Not a working language.")
    paper = get_object_or_404(Paper.objects.select_related("session", "session__meeting"), pk=pk)
    if not request.user.has_perm(translate_paper_who_perm(language), paper):
        raise PermissionDenied
    if not request.user.has_perm(translate_paper_perm(language), paper):
        raise Http404("This paper is not translated now.")  # not accepted nor published: not in any queue
    return _translate_page(
        request,
        obj=paper,
        meeting=paper.session.meeting,
        kind_label=paper.get_kind_display(),
        heading=_("the paper of session %(code)s") % {"code": paper.session.code},
        texts=("title", "abstract"),
        language=language,
        original_language=paper.language,
        save=lambda **kwargs: paper_services.paper_translation_save(
            paper=paper, actor=request.user, language=language, **kwargs
        ),
        sources=paper.translated_from.get(language, {}),
    )
