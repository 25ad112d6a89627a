"""A translator's write on a paper: its title and abstract in another working language than the one it
is written in (papers.permissions.translate_paper_perm). The translated file is another matter
(papers.services.files.translation_upload).

Each save records the original's text it translated (Paper.translated_from), so the queue knows a
translation whose original changed since, and the form shows what changed.

A lost update is refused as for a session's texts (roundtables.services.translations): the form carries
the text the translator started from, and a different text saved meanwhile is shown, not overwritten."""

from django.db import transaction
from django.utils.translation import gettext as _

from activity.services import activity_log
from papers.models import Paper
from papers.permissions import translate_paper_perm
from papers.services.rules import check_now, check_who
from papers.services.workflow import _locked
from roundtables.services.translations import TranslationConflict, translation_conflicts

PAPER_TEXTS = ("title", "abstract")


def paper_translation_save(
    *, paper: Paper, actor, language: str, texts: dict[str, str], started_from: dict[str, str]
) -> Paper:
    """Save the paper's title and/or abstract in `language` (texts: {"title": ..., "abstract": ...})."""
    unexpected = set(texts) - set(PAPER_TEXTS)
    if unexpected:
        raise ValueError(f"Translators may not change {', '.join(sorted(unexpected))}.")
    perm = translate_paper_perm(language)
    check_who(actor, perm, paper)
    with transaction.atomic():
        paper = _locked(paper, actor)
        check_now(actor, perm, paper, action=_("translated"))
        conflicts = translation_conflicts(paper, language, {base: started_from.get(base, "") for base in texts})
        if conflicts:
            raise TranslationConflict(conflicts)
        changed = []
        sources = dict(paper.translated_from.get(language, {}))
        for base, value in texts.items():
            name = f"{base}_{language}"
            value = (value or "").strip()
            if (getattr(paper, name) or "") != value:
                setattr(paper, name, value)
                changed.append(name)
            # Saved over the original as it reads now: this translation is up to date with it.
            original = getattr(paper, f"{base}_{paper.language}") or ""
            if value:
                sources[base] = original
            else:
                sources.pop(base, None)
        recorded = sources != paper.translated_from.get(language, {})
        if recorded:
            paper.translated_from = {**paper.translated_from, language: sources}
        if changed or recorded:
            paper.save(update_fields=[*changed, *(["translated_from"] if recorded else []), "updated_at"])
        if changed:
            activity_log(
                actor=actor,
                action="papers.paper.translated",
                obj=paper,
                meeting=paper.session.meeting,
                data={"language": language, "fields": changed},
            )
    return paper
