"""A translator's write on a paper: its title and abstract in another working language than the one it
is written in (papers.permissions.translate_paper_perm). The translated file is another matter
(papers.services.files.translation_upload).

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
        for base, value in texts.items():
            name = f"{base}_{language}"
            value = (value or "").strip()
            if (getattr(paper, name) or "") != value:
                setattr(paper, name, value)
                changed.append(name)
        if changed:
            paper.save(update_fields=[*changed, "updated_at"])
            activity_log(
                actor=actor,
                action="papers.paper.translated",
                obj=paper,
                meeting=paper.session.meeting,
                data={"language": language, "fields": changed},
            )
    return paper
