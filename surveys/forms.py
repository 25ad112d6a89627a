"""Forms of the Chair's office (survey, sections, questions, audience, message) and the
recipient's answer form. Bad input gets a clear message next to its field; what was typed stays."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from delegations.models import Delegation
from mailings.placeholders import PLACEHOLDERS, unknown_placeholders
from roundtables.models import Session
from surveys.answers import condition_choices
from surveys.audiences import Audience
from surveys.models import Question, Survey

LANGUAGE_NAMES = {"en": _("English"), "fr": _("French"), "es": _("Spanish")}
DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=DATETIME_LOCAL)


class LanguageTabsMixin:
    """Fields named <base>_en/_fr/_es, grouped in one tab per language (English required)."""

    translated_fields: tuple[str, ...] = ()
    translated_labels: dict = {}

    def _add_translated(self, base: str, label, *, widget=None, required: bool = True, max_length=None) -> None:
        for code, language in LANGUAGE_NAMES.items():
            field = forms.CharField(
                label=f"{label} ({language})",
                required=required and code == "en",
                max_length=max_length,
                widget=widget() if widget else forms.TextInput(),
                help_text=""
                if code == "en"
                else _("Optional: those who read French or Spanish see this; the others see English."),
            )
            field.widget.attrs["lang"] = code
            self.fields[f"{base}_{code}"] = field

    def language_tabs(self) -> list[dict]:
        tabs = []
        for code, name in LANGUAGE_NAMES.items():
            fields = [self[f"{base}_{code}"] for base in self.translated_fields if f"{base}_{code}" in self.fields]
            tabs.append({"code": code, "name": name, "fields": fields, "has_errors": any(f.errors for f in fields)})
        active = next((tab for tab in tabs if tab["has_errors"]), tabs[0])
        active["active"] = True
        return tabs

    def translated(self, base: str) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"{base}_{code}", "") for code in LANGUAGE_NAMES}


class SurveyForm(LanguageTabsMixin, forms.Form):
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
        self._add_translated("title", _("Title"), max_length=300)
        self._add_translated(
            "introduction", _("Introduction"), required=False, widget=lambda: forms.Textarea(attrs={"rows": 5})
        )
        city = meeting.city
        for name in ("opens_at", "closes_at"):
            self.fields[name].help_text = _("Time in %(city)s (%(zone)s).") % {"city": city, "zone": meeting.time_zone}

    @classmethod
    def initial_from(cls, survey: Survey) -> dict:
        initial = {"opens_at": survey.opens_at, "closes_at": survey.closes_at, "anonymous": survey.anonymous}
        for code in LANGUAGE_NAMES:
            initial[f"title_{code}"] = getattr(survey, f"title_{code}") or ""
            initial[f"introduction_{code}"] = getattr(survey, f"introduction_{code}") or ""
        return initial

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("The survey must close after it opens."))
        return cleaned


class SectionForm(LanguageTabsMixin, forms.Form):
    translated_fields = ("title", "description")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._add_translated("title", _("Section title"), max_length=300)
        self._add_translated(
            "description", _("Description"), required=False, widget=lambda: forms.Textarea(attrs={"rows": 3})
        )

    @classmethod
    def initial_from(cls, section) -> dict:
        return {
            f"{base}_{code}": getattr(section, f"{base}_{code}") or ""
            for base in cls.translated_fields
            for code in LANGUAGE_NAMES
        }


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class QuestionForm(LanguageTabsMixin, forms.Form):
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
        self._add_translated("text", _("Question"), max_length=500)
        self._add_translated("help_text", _("Help text"), required=False, max_length=500)
        self._add_translated(
            "options", _("Options, one per line"), required=False, widget=lambda: forms.Textarea(attrs={"rows": 5})
        )
        for code in LANGUAGE_NAMES:
            self.fields[f"options_{code}"].help_text = (
                _("For single and multiple choice questions: at least two.")
                if code == "en"
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
        for code in LANGUAGE_NAMES:
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
            for code in ("fr", "es"):
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
        columns = {code: _lines(self.cleaned_data.get(f"options_{code}", "")) for code in LANGUAGE_NAMES}
        return [
            {code: (columns[code][index] if index < len(columns[code]) else "") for code in LANGUAGE_NAMES}
            for index in range(len(columns["en"]))
        ]


class AudienceForm(forms.Form):
    audience = forms.ChoiceField(label=_("Send to"), choices=Audience.choices, widget=forms.RadioSelect)
    session = forms.ModelChoiceField(
        label=_("Session"), queryset=Session.objects.none(), required=False, empty_label=_("Choose a session")
    )
    delegations = forms.ModelMultipleChoiceField(
        label=_("Delegations"),
        queryset=Delegation.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text=_("Their focal points receive the mail. Hold Ctrl (or ⌘) to choose several."),
    )
    people = forms.ModelMultipleChoiceField(
        label=_("People"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text=_("Focal points, registered participants and session team members."),
    )

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        meeting = survey.meeting
        self.fields["session"].queryset = meeting.sessions.filter(kind="roundtable").order_by("code")
        self.fields["session"].label_from_instance = lambda session: f"{session.code} {session.title}"
        self.fields["delegations"].queryset = Delegation.objects.order_by("name")
        self.fields["people"].queryset = (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(
                Q(focal_point_of__isnull=False)
                | Q(registrations__meeting=meeting)
                | Q(session_roles__session__meeting=meeting)
            )
            .distinct()
            .order_by("last_name", "first_name", "email")
        )
        self.fields["people"].label_from_instance = lambda person: f"{person.display_name} <{person.email}>"

    def clean(self):
        cleaned = super().clean()
        audience = cleaned.get("audience")
        if audience == Audience.SESSION_TEAM and not cleaned.get("session"):
            self.add_error("session", _("Choose the session whose team receives the survey."))
        if audience == Audience.HAND_PICKED and not cleaned.get("delegations") and not cleaned.get("people"):
            self.add_error("delegations", _("Choose at least one delegation or one person."))
        return cleaned


class MessageForm(LanguageTabsMixin, forms.Form):
    """A mailing's subject and message in the three languages, with the placeholders."""

    translated_fields = ("subject", "body")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._add_translated("subject", _("Subject"), max_length=200)
        self._add_translated("body", _("Message"), widget=lambda: forms.Textarea(attrs={"rows": 14}))

    @staticmethod
    def placeholders() -> list[tuple[str, str]]:
        return [(f"{{{name}}}", description) for name, description in PLACEHOLDERS.items()]

    @classmethod
    def initial_from(cls, subjects: dict, bodies: dict) -> dict:
        initial = {}
        for code in LANGUAGE_NAMES:
            initial[f"subject_{code}"] = subjects.get(code, "")
            initial[f"body_{code}"] = bodies.get(code, "")
        return initial

    def clean(self):
        cleaned = super().clean()
        for code in LANGUAGE_NAMES:
            body, subject = cleaned.get(f"body_{code}") or "", cleaned.get(f"subject_{code}") or ""
            for base in self.translated_fields:
                name = f"{base}_{code}"
                unknown = unknown_placeholders(cleaned.get(name) or "")
                if unknown:
                    self.add_error(
                        name,
                        _("Unknown placeholder %(names)s. Use only %(known)s.")
                        % {
                            "names": ", ".join(f"{{{n}}}" for n in unknown),
                            "known": ", ".join(f"{{{n}}}" for n in PLACEHOLDERS),
                        },
                    )
            if body and "{link}" not in body:
                self.add_error(f"body_{code}", _("The message must contain {link}: the recipient's personal link."))
            if bool(body) != bool(subject) and code != "en":
                self.add_error(
                    f"subject_{code}", _("Give both the subject and the message in this language, or neither.")
                )
        return cleaned


class ReminderScheduleForm(MessageForm):
    send_at = forms.DateTimeField(label=_("Send at"), input_formats=[DATETIME_LOCAL], widget=DateTimeLocalInput())

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["send_at"].help_text = _("Time in %(city)s (%(zone)s).") % {
            "city": meeting.city,
            "zone": meeting.time_zone,
        }


class AnswerForm(forms.Form):
    """The recipient's form: one field per question, none required at field level (a draft may be
    saved half-done); required questions are checked on submission, among those shown."""

    def __init__(self, *args, questions: list[Question], **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        yes_no = [("yes", _("Yes")), ("no", _("No"))]
        for question in questions:
            label, help_text = question.text, question.help_text
            if question.kind == Question.Kind.SINGLE:
                field = forms.ChoiceField(
                    choices=[(str(o.pk), o.label) for o in question.options.all()], widget=forms.RadioSelect
                )
            elif question.kind == Question.Kind.MULTIPLE:
                field = forms.MultipleChoiceField(
                    choices=[(str(o.pk), o.label) for o in question.options.all()], widget=forms.CheckboxSelectMultiple
                )
            elif question.kind == Question.Kind.SCALE:
                field = forms.ChoiceField(
                    choices=[(str(n), str(n)) for n in Question.SCALE_VALUES], widget=forms.RadioSelect
                )
            elif question.kind == Question.Kind.YES_NO:
                field = forms.ChoiceField(choices=yes_no, widget=forms.RadioSelect)
            elif question.kind == Question.Kind.SHORT_TEXT:
                field = forms.CharField(max_length=300)
            else:
                field = forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))
            field.required = False
            field.label, field.help_text = label, help_text
            if isinstance(field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
                field.widget.attrs["class"] = "form-check-input"
            else:
                field.widget.attrs["class"] = "form-control"
            self.fields[question.field_name] = field

    def grouped(self, sections) -> list[tuple]:
        """(section, [(question, bound field)...]) for the page, questions numbered through the survey."""
        groups, number = [], 0
        for section in sections:
            items = []
            for question in section.questions.all():
                number += 1
                question.number = number
                items.append((question, self[question.field_name]))
            groups.append((section, items))
        return groups

    @staticmethod
    def initial_for(questions: list[Question], values: dict[int, object]) -> dict:
        initial = {}
        for question in questions:
            value = values.get(question.pk)
            if value is None:
                continue
            if question.kind == Question.Kind.MULTIPLE:
                initial[question.field_name] = [str(item) for item in value]
            elif question.kind == Question.Kind.YES_NO:
                initial[question.field_name] = "yes" if value else "no"
            else:
                initial[question.field_name] = str(value)
        return initial

    def values(self) -> dict[int, object]:
        """The answers that are valid, as stored values (an empty answer is None)."""
        values: dict[int, object] = {}
        for question in self.questions:
            name = question.field_name
            if name not in self.cleaned_data:
                continue  # invalid: its error is shown, and the saved answer is left as it was
            raw = self.cleaned_data[name]
            if question.kind == Question.Kind.MULTIPLE:
                chosen = {int(item) for item in raw}
                values[question.pk] = [o.pk for o in question.options.all() if o.pk in chosen]
            elif question.kind == Question.Kind.SINGLE or question.kind == Question.Kind.SCALE:
                values[question.pk] = int(raw) if raw else None
            elif question.kind == Question.Kind.YES_NO:
                values[question.pk] = (raw == "yes") if raw else None
            else:
                values[question.pk] = raw.strip() or None
        return values
