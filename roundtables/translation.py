"""Fields kept in English, French and Spanish (django-modeltranslation adds title_en, title_fr...)."""

from modeltranslation.translator import TranslationOptions, register

from gfmd import languages
from roundtables.models import Meeting, Room, Roundtable, Session


@register(Meeting)
class MeetingTranslationOptions(TranslationOptions):
    # What the public pages, the iCal feeds and the printed documents show of a meeting. The concept paper
    # stays one text: no page shows it.
    fields = ("title", "theme", "city", "venue")
    required_languages = {languages.DEFAULT: ("title", "theme", "city")}


@register(Room)
class RoomTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = (languages.DEFAULT,)


@register(Roundtable)
class RoundtableTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = {languages.DEFAULT: ("title",)}


@register(Session)
class SessionTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = {languages.DEFAULT: ("title",)}
