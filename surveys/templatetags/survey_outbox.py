"""What the outbox page of a survey mailing adds before its Send button: the languages recipients
read where the survey is not translated. A tag, so that the mailings app needs to know nothing of
surveys (the dependency stays one-way: surveys uses mailings)."""

from django import template

from surveys.selectors import reader_language_warnings, survey_of_mailing

register = template.Library()


@register.inclusion_tag("surveys/partials/translation_warning.html")
def survey_translation_warning(mailing, languages) -> dict:
    """`languages` is the page's count of mails by language ([(code, count), ...], one SQL
    aggregate already made for the recipients' list)."""
    survey = survey_of_mailing(mailing)
    warnings = reader_language_warnings(survey, dict(languages)) if survey else []
    return {"translation_warnings": warnings, "survey": survey, "locked": True, "outbox": True}
