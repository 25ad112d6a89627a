"""The follow-up forms: a delegation's report, a status change, the review's filters and survey choice."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from followup.models import Recommendation, Theme
from followup.services.reports import MAX_ATTACHMENTS, MAX_NOTE, MAX_SURVEY_RECOMMENDATIONS, MAX_TEXT, REPORTABLE
from gfmd import languages
from papers.forms import ACCEPT
from papers.validators import max_upload_bytes


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Up to MAX_ATTACHMENTS files in one input; their content is checked by the service (papers.validators)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(AttachmentsField, self).clean(file, initial) for file in files]


def _reportable_choices():
    return [(value, label) for value, label in Recommendation.Status.choices if value in REPORTABLE]


class ReportForm(forms.Form):
    """A focal point's follow-up report: for which delegation (where they are focal point of several),
    what was done, in which language, with up to three documents."""

    role = forms.TypedChoiceField(label=_("Reporting for"), coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status in your country"), choices=_reportable_choices, widget=forms.RadioSelect)
    text = forms.CharField(
        label=_("What has been done"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Policies, programmes, partnerships, laws or studies. The report is public on the recommendation's "
            "page once filed: as focal point you speak for your government."
        ),
    )
    language = forms.ChoiceField(label=_("Written in"), choices=list(languages.NAMES.items()))
    attachments = AttachmentsField(
        label=_("Documents (optional)"),
        help_text=_(
            "Up to %(count)s files: PDF, Word (.docx, without macros) or OpenDocument text (.odt), each up to "
            "%(limit)s. They are public with the report."
        )
        % {"count": MAX_ATTACHMENTS, "limit": filesizeformat(max_upload_bytes())},
    )

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.roles = {role.pk: role for role in roles}
        self.fields["role"].choices = [
            (role.pk, f"{role.delegation.display_name} · {role.meeting.title}") for role in roles
        ]
        if len(roles) == 1:
            # The one delegation they report for: nothing to choose.
            self.fields["role"].widget = forms.HiddenInput()
            self.fields["role"].initial = roles[0].pk
            self.fields["role"].required = False

    def clean_attachments(self):
        files = self.cleaned_data["attachments"]
        if len(files) > MAX_ATTACHMENTS:
            raise forms.ValidationError(_("Attach at most %(count)s files.") % {"count": MAX_ATTACHMENTS})
        return files

    @property
    def chosen_role(self):
        if len(self.roles) == 1:
            return next(iter(self.roles.values()))
        return self.roles.get(self.cleaned_data.get("role"))


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Recommendation.Status.choices, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why the status changes (public on the recommendation's page)."),
    )


class ReviewFilterForm(forms.Form):
    """The review page's filters (GET): a filter that does not parse is ignored rather than refused."""

    meeting = forms.TypedChoiceField(label=_("Meeting"), required=False, coerce=int, empty_value=None)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].choices = [("", _("All meetings"))] + [(m.number, m.title) for m in meetings]
        self.fields["theme"].choices = [("", _("All themes"))] + [(t.slug, t.name) for t in Theme.objects.all()]
        self.fields["status"].choices = [("", _("All statuses")), *Recommendation.Status.choices]

    def value(self, name):
        if not self.is_bound:
            return None
        self.is_valid()  # the fields that parse are in cleaned_data, the others are left out
        return self.cleaned_data.get(name) or None


class IdsField(forms.Field):
    """A list of ids from checkboxes; the service says which of them may be chosen."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        try:
            return list(dict.fromkeys(int(item) for item in value or ()))
        except (TypeError, ValueError) as exc:
            raise forms.ValidationError(_("Choose recommendations from the list.")) from exc


class SurveyChoiceForm(forms.Form):
    recommendations = IdsField(label=_("Recommendations"))

    def clean_recommendations(self):
        chosen = self.cleaned_data["recommendations"]
        if not chosen:
            raise forms.ValidationError(_("Choose at least one recommendation."))
        if len(chosen) > MAX_SURVEY_RECOMMENDATIONS:
            raise forms.ValidationError(
                _("Choose at most %(count)s recommendations for one survey.") % {"count": MAX_SURVEY_RECOMMENDATIONS}
            )
        return chosen
