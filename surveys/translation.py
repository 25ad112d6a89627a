"""Survey texts in English, French and Spanish (django-modeltranslation adds title_en, title_fr...)."""

from modeltranslation.translator import TranslationOptions, register

from gfmd import languages
from surveys.models import Option, Question, Section, Survey


@register(Survey)
class SurveyTranslationOptions(TranslationOptions):
    fields = ("title", "introduction")
    required_languages = {languages.DEFAULT: ("title",)}


@register(Section)
class SectionTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = {languages.DEFAULT: ("title",)}


@register(Question)
class QuestionTranslationOptions(TranslationOptions):
    fields = ("text", "help_text")
    required_languages = {languages.DEFAULT: ("text",)}


@register(Option)
class OptionTranslationOptions(TranslationOptions):
    fields = ("label",)
    required_languages = (languages.DEFAULT,)
