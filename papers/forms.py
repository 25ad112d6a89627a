from django import forms
from django.conf import settings
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from delegations.models import Delegation, Registration
from gfmd import languages
from gfmd.forms import DATETIME_LOCAL, DateTimeLocalInput
from papers.models import Paper
from papers.validators import max_upload_bytes
from roundtables.models import Meeting, Roundtable, Session
from roundtables.selectors import TEAM_ROLES, team_delegations_of
from roundtables.selectors import team_people as people_on_team

ACCEPT = ".pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
ACCEPT += "application/vnd.oasis.opendocument.text"


class DocumentField(forms.FileField):
    """A file input that says what it takes; the content is checked by papers.validators."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text",
            _("PDF, Word (.docx, without macros) or OpenDocument text (.odt), up to %(limit)s.")
            % {"limit": filesizeformat(max_upload_bytes())},
        )
        super().__init__(**kwargs)
        self.widget.attrs.update({"accept": ACCEPT, "data-max-bytes": str(max_upload_bytes())})


def team_people(session: Session):
    """People who may be named authors: the session's team (roundtables' meaning), and the approved
    delegates of its team delegations."""
    return (
        User.objects.filter(
            Q(pk__in=people_on_team(session, roles=TEAM_ROLES, only_active=False).values("pk"))
            | Q(
                registrations__delegation__in=team_delegations_of(session),
                registrations__meeting=session.meeting_id,
                registrations__status=Registration.Status.APPROVED,
            )
        )
        .distinct()
        .order_by("last_name", "first_name")
    )


class PersonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.display_name} ({obj.organisation})" if obj.organisation else obj.display_name


class PaperDetailsForm(forms.Form):
    """A paper's details: kind, language, title and abstract in each language, authors."""

    kind = forms.ChoiceField(label=_("Kind"), choices=Paper.Kind.choices)
    language = forms.ChoiceField(label=_("Written in"), choices=settings.LANGUAGES)
    authors = PersonChoiceField(
        label=_("Authors"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Authors may revise and submit the paper."),
    )
    contributing_delegations = forms.ModelMultipleChoiceField(
        label=_("Contributing delegations"),
        queryset=Delegation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, session: Session, paper: Paper | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session
        for code, name in settings.LANGUAGES:
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Title (%(language)s)") % {"language": name},
                max_length=300,
                required=False,
                widget=forms.TextInput(attrs={"lang": code}),
            )
        for code, name in settings.LANGUAGES:
            self.fields[f"abstract_{code}"] = forms.CharField(
                label=_("Abstract (%(language)s)") % {"language": name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 4, "lang": code}),
            )
        people = team_people(session)
        if paper is not None:
            # The paper's authors stay choosable even when they are not on the session's team
            # (a guest author may edit the paper and must not drop out by saving it).
            people = (
                User.objects.filter(Q(pk__in=people.values("pk")) | Q(papers_authored=paper))
                .distinct()
                .order_by("last_name", "first_name")
            )
        self.fields["authors"].queryset = people
        self.fields["contributing_delegations"].queryset = team_delegations_of(session)

    def clean(self):
        data = super().clean()
        language = data.get("language")
        if language and not data.get(f"title_{language}", "").strip():
            self.add_error(
                f"title_{language}",
                _("Give the title in the language the paper is written in (%(language)s).")
                % {"language": languages.NAMES[language]},
            )
        return data

    def texts(self, prefix: str) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"{prefix}_{code}", "") for code, _name in settings.LANGUAGES}

    @classmethod
    def initial_from(cls, paper: Paper) -> dict:
        initial = {
            "kind": paper.kind,
            "language": paper.language,
            "authors": list(paper.authors.all()),
            "contributing_delegations": list(paper.contributing_delegations.all()),
        }
        for code, _name in settings.LANGUAGES:
            initial[f"title_{code}"] = getattr(paper, f"title_{code}") or ""
            initial[f"abstract_{code}"] = getattr(paper, f"abstract_{code}") or ""
        return initial


class PaperCreateForm(PaperDetailsForm):
    file = DocumentField(label=_("File"))
    note = forms.CharField(
        label=_("Note to the team"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Optional: what this first draft covers, what is still missing."),
    )


class VersionForm(forms.Form):
    file = DocumentField(label=_("New version"))
    note = forms.CharField(
        label=_("What changed"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For the reviewers: what you changed since the last version."),
    )


class TranslationForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    file = DocumentField(label=_("Translated file"))

    def __init__(self, *args, paper: Paper, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(c, n) for c, n in settings.LANGUAGES if c != paper.language]


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class TransitionForm(forms.Form):
    """The buttons of the workflow; some need a message."""

    ACTIONS = ("submit", "start_review", "request_revision", "accept", "reject", "publish", "withdraw", "unpublish")
    NEED_MESSAGE = ("request_revision", "reject")

    action = forms.ChoiceField(choices=[(a, a) for a in ACTIONS], widget=forms.HiddenInput)
    message = forms.CharField(
        label=_("Message to the authors"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_("Required to request a revision or to reject; it is kept with the version reviewed."),
    )


class DeadlineForm(forms.Form):
    due_at = forms.DateTimeField(
        label=_("Papers due"),
        widget=DateTimeLocalInput(),
        input_formats=[DATETIME_LOCAL, "%Y-%m-%d %H:%M"],
        help_text=_("In the meeting's time zone."),
    )


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search titles and abstracts"), required=False, max_length=200)
    meeting = forms.ModelChoiceField(
        label=_("Meeting"), queryset=Meeting.objects.none(), required=False, empty_label=_("All meetings")
    )
    roundtable = forms.ModelChoiceField(
        label=_("Roundtable"), queryset=Roundtable.objects.none(), required=False, empty_label=_("All roundtables")
    )
    session = forms.ModelChoiceField(
        label=_("Session"), queryset=Session.objects.none(), required=False, empty_label=_("All sessions")
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("Any language")), *settings.LANGUAGES], required=False
    )

    def __init__(self, *args, meeting: Meeting | None = None, **kwargs):
        """With a meeting (its own library, /meetings/<number>/papers/): the URL names the meeting, so
        no meeting field, and the roundtables and sessions are that meeting's."""
        super().__init__(*args, **kwargs)
        published = Paper.objects.published()
        if meeting is not None:
            del self.fields["meeting"]
            meeting_id = meeting.pk
        else:
            self.fields["meeting"].queryset = (
                Meeting.objects.filter(sessions__papers__in=published).distinct().order_by("-number")
            )
            meeting_id = self.data.get("meeting") if self.is_bound else None
        roundtables = Roundtable.objects.select_related("meeting").order_by("-meeting__number", "order", "number")
        sessions = Session.objects.filter(kind=Session.Kind.ROUNDTABLE).select_related("meeting")
        # The sessions offered are those of the roundtable chosen: a meeting's every session would make
        # the select grow with the programme (400 sessions at `make bench`'s 10x, half the page's time).
        # Without a roundtable the field still accepts a session named by a link (kept hidden).
        roundtable_id = self.data.get("roundtable") if self.is_bound else None
        self.offers_sessions = bool(roundtable_id and str(roundtable_id).isdigit())
        if meeting_id and str(meeting_id).isdigit():
            roundtables = roundtables.filter(meeting_id=meeting_id)
            sessions = sessions.filter(meeting_id=meeting_id)
            if self.offers_sessions:
                sessions = sessions.filter(roundtable_id=roundtable_id)
        else:
            roundtables = roundtables.filter(sessions__papers__in=published).distinct()
            sessions = sessions.filter(papers__in=published).distinct()
        self.fields["roundtable"].queryset = roundtables
        self.fields["session"].queryset = sessions.order_by("-meeting__number", "code")
        self.fields["roundtable"].label_from_instance = lambda rt: (
            _("%(year)s · RT %(number)s %(title)s")
            % {
                "year": rt.meeting.start_date.year,
                "number": rt.number,
                "title": rt.title,
            }
        )
        self.fields["session"].label_from_instance = lambda s: f"{s.meeting.start_date.year} · {s.code} {s.title}"
