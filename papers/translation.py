"""A paper's title and abstract in English, French and Spanish (django-modeltranslation).

A paper written in Spanish may have only a Spanish title: the fallback reads any language
that is filled, so no reader sees a blank title."""

from modeltranslation.translator import TranslationOptions, register

from gfmd import languages
from papers.models import Paper


@register(Paper)
class PaperTranslationOptions(TranslationOptions):
    fields = ("title", "abstract")
    fallback_languages = {"default": languages.CODES}
