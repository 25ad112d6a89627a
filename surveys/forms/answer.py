"""The recipient's answer form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from surveys.models import Question


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
