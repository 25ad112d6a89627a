"""A mailing's subject and message in English, French and Spanish (subject_template_en, ...)."""

from modeltranslation.translator import TranslationOptions, register

from gfmd import languages
from mailings.models import Mailing


@register(Mailing)
class MailingTranslationOptions(TranslationOptions):
    fields = ("subject_template", "body_template")
    required_languages = (languages.DEFAULT,)
