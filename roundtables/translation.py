"""Fields kept in English, French and Spanish (django-modeltranslation adds title_en, title_fr...)."""

from modeltranslation.translator import TranslationOptions, register

from gfmd import languages
from roundtables.models import Meeting, Roundtable, Session


@register(Meeting)
class MeetingTranslationOptions(TranslationOptions):
    fields = ("title", "theme")
    required_languages = (languages.DEFAULT,)


@register(Roundtable)
class RoundtableTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = {languages.DEFAULT: ("title",)}


@register(Session)
class SessionTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = {languages.DEFAULT: ("title",)}
