"""How the surveys' forms draw their texts in the working languages (gfmd.forms has the mixin)."""

from django.utils.translation import gettext_lazy as _

from gfmd.forms import TranslatedFieldsMixin


class SurveyTranslatedFieldsMixin(TranslatedFieldsMixin):
    """The surveys' pages keep their own wording and their fading tabs, whose ids start with "f-"
    (or the form's prefix: the reminders page holds two forms)."""

    optional_help_text = _("Optional: those who read French or Spanish see this; the others see English.")
    tab_id_prefix = "f"
    tab_lang = False
    tab_fade = True
