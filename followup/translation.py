"""Fields kept in English, French and Spanish (django-modeltranslation adds text_en, text_fr...)."""

from modeltranslation.translator import TranslationOptions, register

from followup.models import Practice, Recommendation, Theme
from gfmd import languages


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = (languages.DEFAULT,)


@register(Recommendation)
class RecommendationTranslationOptions(TranslationOptions):
    # Written first in the outcome's original language (any of the three): the services require that
    # one, not English.
    fields = ("text",)


@register(Practice)
class PracticeTranslationOptions(TranslationOptions):
    # Submitted in any working language (Practice.language); the services require that one.
    fields = ("title", "summary", "results")
