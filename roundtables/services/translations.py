"""Translators' writes on a meeting's structure: a session's and a roundtable's title and description in
French or Spanish (English is the original). The meeting's translator into that language or its Chair's
office (roundtables.permissions.translate_text_perm), on an open meeting.

A lost update is refused: the form carries the text the translator started from (`started_from`); when
another person saved a different translation meanwhile, the service says so next to the field and
changes nothing, so the page can show both texts."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from activity.services import activity_log
from gfmd import languages
from roundtables.editions import ensure_open
from roundtables.models import Roundtable, Session
from roundtables.permissions import translate_text_perm
from roundtables.services._common import apply_fields, require_perm

TRANSLATED_TEXTS = ("title", "description")  # of a session and of a roundtable


def stored_text(value) -> str:
    """A translation column as text: modeltranslation leaves an untranslated column NULL or empty."""
    return value or ""


class TranslationConflict(ValidationError):
    """Another translation was saved meanwhile: {field base: message}, shown next to each field."""


def translation_conflicts(saved: models.Model, language: str, started_from: dict[str, str]) -> dict[str, str]:
    """{field base: message} for each text whose stored translation differs from the one the form started
    from: someone saved another text meanwhile."""
    conflicts = {}
    for base, started in started_from.items():
        if stored_text(getattr(saved, f"{base}_{language}")).strip() != (started or "").strip():
            conflicts[base] = _(
                "Someone saved another translation of this text while you were working: it is shown below. "
                "Your text is kept here; save again to replace theirs with it."
            )
    return conflicts


def _translation_save(
    *, obj, model, actor, language: str, texts: dict[str, str], started_from: dict[str, str], action: str
):
    if language not in languages.TRANSLATED:
        raise ValueError(f"{language} is not a translation language of the meeting's structure.")
    unexpected = set(texts) - set(TRANSLATED_TEXTS)
    if unexpected:
        raise ValueError(f"Translators may not change {', '.join(sorted(unexpected))}.")
    require_perm(actor, translate_text_perm(language), obj)
    ensure_open(obj.meeting, actor)
    saved = model.objects.select_for_update().get(pk=obj.pk)
    conflicts = translation_conflicts(saved, language, {base: started_from.get(base, "") for base in texts})
    if conflicts:
        raise TranslationConflict(conflicts)
    fields = {f"{base}_{language}": (value or "").strip() for base, value in texts.items()}
    changes = apply_fields(saved, fields)
    if changes:
        saved.save(update_fields=sorted(fields))
        activity_log(
            actor=actor, action=action, obj=saved, meeting=obj.meeting, data={"language": language, "changes": changes}
        )
    return saved


@transaction.atomic
def session_translation_save(
    *, session: Session, actor, language: str, texts: dict[str, Any], started_from: dict[str, str]
) -> Session:
    """Save the session's title and/or description in `language` (texts: {"title": ..., "description": ...})."""
    return _translation_save(
        obj=session,
        model=Session,
        actor=actor,
        language=language,
        texts=texts,
        started_from=started_from,
        action="roundtables.session.translated",
    )


@transaction.atomic
def roundtable_translation_save(
    *, roundtable: Roundtable, actor, language: str, texts: dict[str, Any], started_from: dict[str, str]
) -> Roundtable:
    """Save the roundtable's title and/or description in `language`."""
    return _translation_save(
        obj=roundtable,
        model=Roundtable,
        actor=actor,
        language=language,
        texts=texts,
        started_from=started_from,
        action="roundtables.roundtable.translated",
    )
