"""Forms that build a survey: the survey, its sections, its questions."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from gfmd import languages
from gfmd.forms import DATETIME_LOCAL, DateTimeLocalInput
from surveys.answers import condition_choices
from surveys.forms.base import SurveyTranslatedFieldsMixin
from surveys.models import Question, Survey

OPENING_GRACE = dt.timedelta(minutes=15)


class SurveyForm(SurveyTranslatedFieldsMixin, forms.Form):
    translated_fields = ("title", "introduction")

    opens_at = forms.DateTimeField(label=_("Opens at"), input_formats=[DATETIME_LOCAL], widget=DateTimeLocalInput())
    closes_at = forms.DateTimeField(label=_("Closes at"), input_formats=[DATETIME_LOCAL], widget=DateTimeLocalInput())
    anonymous = forms.BooleanField(
        label=_("Anonymous"),
        required=False,
        help_text=_("The results show which delegations responded, never what each one answered."),
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_translated("title", _("Title"), max_length=300)
        self.add_translated(
            "introduction", _("Introduction"), required=False, widget=lambda: forms.Textarea(attrs={"rows": 5})
        )
        self.meeting = meeting
        city = meeting.city
        for name in ("opens_at", "closes_at"):
            self.fields[name].help_text = _("Time in %(city)s (%(zone)s).") % {"city": city, "zone": meeting.time_zone}

    @classmethod
    def initial_from(cls, survey: Survey) -> dict:
        initial = {"opens_at": survey.opens_at, "closes_at": survey.closes_at, "anonymous": survey.anonymous}
        for code in languages.CODES:
            initial[f"title_{code}"] = getattr(survey, f"title_{code}") or ""
            initial[f"introduction_{code}"] = getattr(survey, f"introduction_{code}") or ""
        return initial

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        now = timezone.now()
        # "Now" typed into a form filled a few minutes ago is already in the past: a short grace
        # keeps a survey that opens at once possible.
        if opens and self._moved("opens_at", opens) and opens < now - OPENING_GRACE:
            self.add_error(
                "opens_at", _("It is now %(now)s in %(city)s: the survey cannot open in the past.") % self._now(now)
            )
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("The survey must close after it opens."))
        elif closes and self._moved("closes_at", closes) and closes <= now:
            self.add_error(
                "closes_at", _("It is now %(now)s in %(city)s: the survey would already be closed.") % self._now(now)
            )
        return cleaned

    def _moved(self, name: str, value) -> bool:
        """A time the Chair's office did not change (a survey that opened last week, being edited)
        stands as it was saved; only a new or changed time is checked against the clock."""
        saved = self.initial.get(name)
        return saved is None or saved.replace(second=0, microsecond=0) != value

    def _now(self, now) -> dict:
        return {"now": date_format(timezone.localtime(now), "j F Y, H:i"), "city": self.meeting.city}


class SectionForm(SurveyTranslatedFieldsMixin, forms.Form):
    translated_fields = ("title", "description")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_translated("title", _("Section title"), max_length=300)
        self.add_translated(
            "description", _("Description"), required=False, widget=lambda: forms.Textarea(attrs={"rows": 3})
        )

    @classmethod
    def initial_from(cls, section) -> dict:
        return {
            f"{base}_{code}": getattr(section, f"{base}_{code}") or ""
            for base in cls.translated_fields
            for code in languages.CODES
        }


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class QuestionForm(SurveyTranslatedFieldsMixin, forms.Form):
    translated_fields = ("text", "help_text", "options")

    section = forms.ChoiceField(label=_("Section"))
    kind = forms.ChoiceField(label=_("Kind of answer"), choices=Question.Kind.choices)
    required = forms.BooleanField(label=_("An answer is required"), required=False)
    condition = forms.ChoiceField(
        label=_("Show this question"),
        required=False,
        help_text=_("A question can depend on the answer to an earlier choice, yes/no or scale question."),
    )

    def __init__(self, *args, survey: Survey, sections, question: Question | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.survey, self.question = survey, question
        self.add_translated("text", _("Question"), max_length=500)
        self.add_translated("help_text", _("Help text"), required=False, max_length=500)
        self.add_translated(
            "options", _("Options, one per line"), required=False, widget=lambda: forms.Textarea(attrs={"rows": 5})
        )
        for code in languages.CODES:
            self.fields[f"options_{code}"].help_text = (
                _("For single and multiple choice questions: at least two.")
                if code == languages.DEFAULT
                else _("Optional: the same options, in the same order.")
            )
        self.sections = {str(section.pk): section for section in sections}
        self.fields["section"].choices = [(str(section.pk), section.title) for section in sections]
        # Only an earlier question can decide whether this one is shown (the services check the
        # final position too, once the section is known).
        self.candidates = {}
        groups = [("", _("Always"))]
        earlier = [candidate for section in sections for candidate in section.questions.all()]
        if question is not None:
            earlier = earlier[: [c.pk for c in earlier].index(question.pk)]
        for candidate in earlier:
            if candidate.kind not in Question.CONDITION_KINDS:
                continue
            self.candidates[str(candidate.pk)] = candidate
            choices = [
                (f"{candidate.pk}={value}", _("…if the answer is “%(answer)s”") % {"answer": label})
                for value, label in condition_choices(candidate)
            ]
            groups.append((_("Only if “%(question)s”") % {"question": candidate.text[:80]}, choices))
        self.fields["condition"].choices = groups

    @classmethod
    def initial_from(cls, question: Question) -> dict:
        initial = {
            "section": str(question.section_id),
            "kind": question.kind,
            "required": question.required,
            "condition": f"{question.show_if_question_id}={question.show_if_value}"
            if question.show_if_question_id
            else "",
        }
        options = list(question.options.all())
        for code in languages.CODES:
            initial[f"text_{code}"] = getattr(question, f"text_{code}") or ""
            initial[f"help_text_{code}"] = getattr(question, f"help_text_{code}") or ""
            initial[f"options_{code}"] = "\n".join(getattr(option, f"label_{code}") or "" for option in options).strip()
        return initial

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        english = _lines(cleaned.get("options_en", ""))
        if kind in Question.CHOICE_KINDS:
            if len(english) < 2:
                self.add_error("options_en", _("Give at least two options, one per line."))
            for code in languages.TRANSLATED:
                other = _lines(cleaned.get(f"options_{code}", ""))
                if other and len(other) != len(english):
                    self.add_error(
                        f"options_{code}",
                        _("Give as many options as in English (%(count)s), in the same order, or none.")
                        % {"count": len(english)},
                    )
        condition = cleaned.get("condition") or ""
        cleaned["show_if_question"], cleaned["show_if_value"] = None, ""
        if condition:
            question_id, _sep, value = condition.partition("=")
            source = self.candidates.get(question_id)
            if source is None or value not in dict(condition_choices(source)):
                self.add_error("condition", _("Choose an answer of an earlier question."))
            else:
                cleaned["show_if_question"], cleaned["show_if_value"] = source, value
        section = self.sections.get(cleaned.get("section") or "")
        if section is None:
            self.add_error("section", _("Choose a section."))
        cleaned["section_obj"] = section
        return cleaned

    def option_labels(self) -> list[dict]:
        columns = {code: _lines(self.cleaned_data.get(f"options_{code}", "")) for code in languages.CODES}
        return [
            {code: (columns[code][index] if index < len(columns[code]) else "") for code in languages.CODES}
            for index in range(len(columns[languages.DEFAULT]))
        ]
