"""Every write to a recommendation: marking it in an outcome, publishing it with the outcome, its
status history and the sessions that build on it.

Each function locks the outcome (then the recommendation), checks its rule (who and when,
followup.permissions.recommendations), validates, saves and logs in one transaction. Not the person:
PermissionDenied; the person, but not now or with missing input: ValidationError with a message for them.

Numbers (R1, R2...) are part of the public identifier and never reused: the next is one more than the
highest number the outcome ever used, counting removed recommendations, whose removal is logged on the
outcome with their number (a removal is allowed only before the recommendation was ever published, so
no identifier that was public can disappear, and none is ever given to another text)."""

import re
import unicodedata
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import IntegerField, Max
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from activity.models import ActivityLog
from activity.services import activity_log
from followup.models import Addressee, Recommendation, Theme
from followup.permissions.recommendations import WHO
from gfmd import languages
from outcomes.models import Outcome
from roundtables.editions import ensure_open
from roundtables.selectors import translator_languages

# A recommendation is a sentence or a short paragraph, not a section of the outcome.
TEXT_MAX_LENGTH = 2000
REMOVED = "followup.recommendation.removed"

# Control characters (tabs and line breaks excepted) have no place in a published sentence.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_text(text: str | None) -> str:
    """Plain text: markup removed (it is escaped again on output), control and direction-override
    characters dropped, spaces tidied, surrounding whitespace stripped."""
    text = unicodedata.normalize("NFC", str(text or ""))
    text = strip_tags(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _check_who(actor, perm: str, obj) -> None:
    if actor is None or not actor.has_perm(WHO.get(perm, perm), obj):
        raise PermissionDenied


def _require_now(actor, perm: str, obj, message: str) -> None:
    """The whole rule (who and when) on the locked rows; the "who" half alone answers PermissionDenied."""
    if actor is not None and actor.has_perm(perm, obj):
        return
    _check_who(actor, perm, obj)
    raise ValidationError(message)


def _not_drafting() -> str:
    return _("The outcome is no longer being drafted: its recommendations cannot be changed.")


def _lock_outcome(outcome: Outcome) -> Outcome:
    return Outcome.objects.select_for_update().select_related("session", "session__meeting").get(pk=outcome.pk)


def _lock_recommendation(recommendation: Recommendation) -> Recommendation:
    """The outcome first, then the recommendation: the order every service takes, so two never wait on each other."""
    outcome = _lock_outcome(recommendation.outcome)
    locked = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    locked.outcome = outcome
    return locked


def _log(*, actor, action: str, obj, outcome: Outcome, data: dict) -> None:
    activity_log(actor=actor, action=action, obj=obj, meeting=outcome.session.meeting, data=data)


def _texts(texts: dict[str, str] | None) -> dict[str, str]:
    """The texts sent, by working language, cleaned and checked for length (other keys are ignored)."""
    cleaned = {}
    for language, text in (texts or {}).items():
        if language not in languages.CODES:
            continue
        value = clean_text(text)
        if len(value) > TEXT_MAX_LENGTH:
            message = _("The %(language)s text is too long: at most %(limit)s characters (it has %(count)s).") % {
                "language": languages.NAMES[language],
                "limit": TEXT_MAX_LENGTH,
                "count": len(value),
            }
            raise ValidationError({f"text_{language}": message})
        cleaned[language] = value
    return cleaned


def _addressees(addressees: Iterable[str] | None) -> list[str]:
    chosen = {str(value) for value in (addressees or ())}
    if not chosen:
        raise ValidationError({"addressees": _("Say to whom the recommendation is addressed.")})
    if not chosen <= set(Addressee.values):
        raise ValidationError({"addressees": _("Choose the addressees from the list.")})
    return [value for value in Addressee.values if value in chosen]  # in the list's order


def _themes(themes: Iterable | None) -> list[Theme]:
    try:
        ids = {int(getattr(theme, "pk", theme)) for theme in (themes or ())}
    except (TypeError, ValueError):
        raise ValidationError({"themes": _("Choose the themes from the list.")}) from None
    found = list(Theme.objects.filter(pk__in=ids))
    if len(found) != len(ids):
        raise ValidationError({"themes": _("Choose the themes from the list.")})
    return found


def _require_original(outcome: Outcome, texts: dict[str, str]) -> None:
    if not texts.get(outcome.original_language):
        message = _("Write the recommendation in the outcome's original language (%(language)s).") % {
            "language": outcome.get_original_language_display()
        }
        raise ValidationError({f"text_{outcome.original_language}": message})


def removed_numbers_max(outcome: Outcome) -> int:
    """The highest number of the outcome's removed recommendations (0 if none was removed)."""
    entries = ActivityLog.objects.filter(
        action=REMOVED, content_type=ContentType.objects.get_for_model(Outcome), object_id=str(outcome.pk)
    )
    return entries.aggregate(n=Max(Cast(KT("data__number"), IntegerField())))["n"] or 0


def next_number(outcome: Outcome) -> int:
    """One more than the highest number the outcome ever used (removed recommendations included)."""
    used = outcome.recommendations.aggregate(n=Max("number"))["n"] or 0
    return max(used, removed_numbers_max(outcome)) + 1


@transaction.atomic
def recommendation_add(
    *, outcome: Outcome, actor, texts: dict[str, str], addressees: Iterable[str], themes: Iterable = ()
) -> Recommendation:
    """Mark a recommendation in the outcome being drafted: its text in the outcome's original language
    (and, if known, the others), to whom it is addressed (at least one) and its themes. Numbered next."""
    outcome = _lock_outcome(outcome)
    ensure_open(outcome.session.meeting, actor)
    _require_now(actor, "followup.add_recommendation", outcome, _not_drafting())
    texts = _texts(texts)
    _require_original(outcome, texts)
    addressees = _addressees(addressees)
    themes = _themes(themes)
    recommendation = Recommendation(
        outcome=outcome, number=next_number(outcome), addressees=addressees, created_by=actor
    )
    for language in languages.CODES:
        setattr(recommendation, f"text_{language}", texts.get(language) or None)
    recommendation.save()
    recommendation.themes.set(themes)
    _log(
        actor=actor,
        action="followup.recommendation.added",
        obj=recommendation,
        outcome=outcome,
        data={"number": recommendation.number, "languages": sorted(k for k, v in texts.items() if v)},
    )
    return recommendation


def translation_languages(actor, recommendation: Recommendation) -> set[str]:
    """The languages other than the original the actor may write at this stage: every one for the
    rapporteur while drafting and for the Chair's office; a translator's own."""
    outcome = recommendation.outcome
    others = set(languages.CODES) - {outcome.original_language}
    if actor.has_perm("followup.change_recommendation", recommendation) or actor.has_perm(
        "roundtables.manage_meeting", outcome
    ):
        return others
    return others & set(translator_languages(actor, outcome.session.meeting_id))


@transaction.atomic
def recommendation_update(
    *,
    recommendation: Recommendation,
    actor,
    texts: dict[str, str],
    addressees: Iterable[str] | None = None,
    themes: Iterable | None = None,
) -> Recommendation:
    """Change a recommendation. `texts` holds only the languages to change (a text sent empty is
    cleared, except the original's, which stays required). The original text, addressees and themes are
    the rapporteur's (or the Chair's office's) while the outcome is drafted; the other languages' texts
    are also a translator's (their own language) at any stage, and show on the public page at once
    (they translate a text the co-chairs signed off; the original never changes after submission).
    Addressees and themes left None are kept."""
    recommendation = _lock_recommendation(recommendation)
    outcome = recommendation.outcome
    ensure_open(outcome.session.meeting, actor)
    if actor is None or not (
        actor.has_perm("followup.mark_recommendations", recommendation)
        or actor.has_perm("followup.translate_recommendation", recommendation)
    ):
        raise PermissionDenied
    texts = _texts(texts)
    original = outcome.original_language
    changed = {
        language: text
        for language, text in texts.items()
        if text != (getattr(recommendation, f"text_{language}") or "")
    }
    new_addressees = _addressees(addressees) if addressees is not None else recommendation.addressees
    new_themes = _themes(themes) if themes is not None else None
    themes_changed = new_themes is not None and {t.pk for t in new_themes} != set(
        recommendation.themes.values_list("pk", flat=True)
    )
    rapporteur_part = original in changed or new_addressees != recommendation.addressees or themes_changed
    if rapporteur_part:
        # A translator touching the original, the addressees or the themes is refused (403).
        _require_now(actor, "followup.change_recommendation", recommendation, _not_drafting())
        _require_original(outcome, {original: changed.get(original, getattr(recommendation, f"text_{original}"))})
    if set(changed) - {original} - translation_languages(actor, recommendation):
        if actor.has_perm("followup.mark_recommendations", recommendation):
            raise ValidationError(_not_drafting())  # the rapporteur, once the outcome is submitted
        raise ValidationError(_("You may change the text only in the languages you translate into."))
    if not changed and not rapporteur_part:
        return recommendation  # nothing to write (a form saved twice)
    for language, text in changed.items():
        setattr(recommendation, f"text_{language}", text or None)
    recommendation.addressees = new_addressees
    recommendation.save()  # updated_at moves: the session page's stamp follows it
    if themes_changed:
        recommendation.themes.set(new_themes)
    _log(
        actor=actor,
        action="followup.recommendation.changed" if rapporteur_part else "followup.recommendation.translated",
        obj=recommendation,
        outcome=outcome,
        data={"number": recommendation.number, "languages": sorted(changed)},
    )
    return recommendation


@transaction.atomic
def recommendation_remove(*, recommendation: Recommendation, actor) -> None:
    """Remove a recommendation that was never published, while the outcome is drafted. Its number is
    logged on the outcome, so the next recommendation does not take it."""
    recommendation = _lock_recommendation(recommendation)
    outcome = recommendation.outcome
    ensure_open(outcome.session.meeting, actor)
    _require_now(
        actor,
        "followup.remove_recommendation",
        recommendation,
        _("A published recommendation cannot be removed: edit it instead.")
        if recommendation.published_at is not None
        else _not_drafting(),
    )
    number, identifier = recommendation.number, recommendation.identifier
    recommendation.delete()
    # The key written out (it is REMOVED): the activity labels' test reads the literal keys the code records.
    _log(
        actor=actor,
        action="followup.recommendation.removed",
        obj=outcome,
        outcome=outcome,
        data={"number": number, "identifier": identifier},
    )


def recommendations_publish(*, outcome, actor) -> int:
    """The outcome was published (outcomes.hooks): its recommendations are published with it, in the
    same transaction. Returns how many went public for the first time."""
    return Recommendation.objects.filter(outcome=outcome, published_at__isnull=True).update(published_at=timezone.now())
