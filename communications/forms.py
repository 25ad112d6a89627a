"""The composer's form: the audience, the texts in three languages, the documents to link.

The form parses; communications.services.validate_draft decides (placeholders, single-line subjects,
who may write to whom) and its errors come back next to the fields of the same names."""

import re
from functools import reduce
from operator import or_

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from communications import placeholders
from communications.models import Audience, ComposedMailing
from communications.permissions import focal_point_delegation_ids
from communications.services import Draft
from delegations.models import Delegation
from gfmd import languages
from gfmd.forms import TranslatedFieldsMixin
from papers.models import Paper

_ADDRESS_SEPARATORS = re.compile(r"[\s,;]+")


class ComposeForm(TranslatedFieldsMixin, forms.Form):
    translated_fields = ("subject", "body")
    optional_help_text = _("Optional. Those who read this language get it; without it they get English, with a note.")
    tab_id_prefix = "compose"

    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("For the list of mailings and the outbox; recipients do not see it."),
    )
    audience = forms.ChoiceField(label=_("Send to"), choices=Audience.choices, widget=forms.RadioSelect)
    session = forms.ModelChoiceField(
        label=_("Session"), queryset=None, required=False, empty_label=_("Choose a session")
    )
    delegation = forms.ModelChoiceField(
        label=_("Delegation"), queryset=None, required=False, empty_label=_("Choose a delegation")
    )
    people = forms.CharField(
        label=_("People"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Their e-mail addresses, one per line (at most %(count)s). Use “Find a person” to look one up.")
        % {"count": ComposedMailing.MAX_PEOPLE},
    )
    papers = forms.ModelMultipleChoiceField(
        label=_("Documents to link"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The meeting's published papers, sent as links to their pages on the portal, never as files."),
    )

    def __init__(self, *args, meeting, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.add_translated("subject", _("Subject"), max_length=200)
        self.add_translated("body", _("Message"), widget=lambda: forms.Textarea(attrs={"rows": 12}))
        self.fields["session"].queryset = meeting.sessions.order_by("starts_at", "order", "code")
        self.fields["session"].label_from_instance = lambda session: f"{session.code} {session.title}"
        if actor.has_perm("communications.write_to_any_audience", meeting):
            self.fields["delegation"].queryset = Delegation.objects.active().order_by("name")
        else:
            # A focal point writes to their own delegation's participants, and to nobody else.
            self.fields["audience"].choices = [(Audience.DELEGATION.value, Audience.DELEGATION.label)]
            self.fields["delegation"].queryset = Delegation.objects.filter(
                pk__in=focal_point_delegation_ids(actor, meeting)
            ).order_by("name")
            self.fields["delegation"].empty_label = None
        self.fields["delegation"].label_from_instance = lambda delegation: delegation.display_name
        self.fields["papers"].queryset = (
            Paper.objects.published()
            .filter(session__meeting=meeting)
            .select_related("session")
            .order_by("session__code", "title")
        )
        self.fields["papers"].label_from_instance = lambda paper: f"{paper.session.code} · {paper.title}"

    def placeholders(self) -> list[tuple[str, str]]:
        audience = self.data.get("audience") if self.is_bound else self.initial.get("audience")
        names = placeholders.available(with_session=audience == Audience.SESSION)
        if audience != Audience.SESSION:
            names["session"] = placeholders.SESSION
        return [(f"{{{name}}}", description) for name, description in names.items()]

    @classmethod
    def initial_from(cls, composed: ComposedMailing) -> dict:
        initial = {
            "title": composed.title,
            "audience": composed.audience,
            "session": composed.session_id,
            "delegation": composed.delegation_id,
            "people": "\n".join(composed.people.order_by("email").values_list("email", flat=True)),
            "papers": list(composed.papers.values_list("pk", flat=True)),
        }
        for code in languages.CODES:
            initial[f"subject_{code}"] = composed.subject(code)
            initial[f"body_{code}"] = composed.body(code)
        return initial

    def clean_people(self) -> list[User]:
        addresses = [address for address in _ADDRESS_SEPARATORS.split(self.cleaned_data.get("people") or "") if address]
        if len(addresses) > ComposedMailing.MAX_PEOPLE:
            raise forms.ValidationError(_("Choose at most %(count)s people.") % {"count": ComposedMailing.MAX_PEOPLE})
        wanted = {address.lower() for address in addresses}
        if not wanted:
            return []
        # E-mail addresses are compared without case (accounts keep them as typed); at most MAX_PEOPLE terms.
        people = list(User.objects.filter(is_active=True).filter(reduce(or_, (Q(email__iexact=a) for a in wanted))))
        found = {person.email.lower() for person in people}
        unknown = sorted(wanted - found)
        if unknown:
            raise forms.ValidationError(
                _("No active account has the address %(addresses)s.") % {"addresses": ", ".join(unknown)}
            )
        return people

    def draft(self) -> Draft:
        data = self.cleaned_data
        return Draft(
            title=data.get("title", ""),
            audience=data.get("audience", ""),
            subjects=self.translated("subject"),
            bodies=self.translated("body"),
            session=data.get("session"),
            delegation=data.get("delegation"),
            people=data.get("people") or [],
            papers=list(data.get("papers") or []),
        )


class FindPersonForm(forms.Form):
    """The hand-picked list's look-up: a few accounts by name or e-mail address."""

    LIMIT = 20
    q = forms.CharField(label=_("Find a person"), min_length=2, max_length=100, required=False)

    def results(self) -> list[User]:
        if not self.is_valid() or not self.cleaned_data.get("q"):
            return []
        query = self.cleaned_data["q"].strip()
        people = User.objects.filter(is_active=True)
        for word in query.split()[:4]:
            people = people.filter(
                Q(email__icontains=word) | Q(first_name__icontains=word) | Q(last_name__icontains=word)
            )
        return list(people.order_by("last_name", "first_name", "pk")[: self.LIMIT])
