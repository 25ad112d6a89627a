"""The portal's working languages, declared once.

English is the original every text is written in (and what a reader sees where a translation is
missing); French and Spanish are its translations. settings.LANGUAGES and django-modeltranslation
are built from here, and every form, service and selector that handles the three versions of a
text loops over these names instead of spelling the codes again."""

from django.utils.translation import gettext_lazy as _

DEFAULT = "en"
NAMES = {"en": _("English"), "fr": _("French"), "es": _("Spanish")}
CODES = tuple(NAMES)
TRANSLATED = tuple(code for code in CODES if code != DEFAULT)
TRANSLATED_NAMES = {code: NAMES[code] for code in TRANSLATED}


def field_names(*bases: str) -> list[str]:
    """The model fields django-modeltranslation adds: field_names("title") == ["title_en", "title_fr", "title_es"]."""
    return [f"{base}_{code}" for base in bases for code in CODES]
