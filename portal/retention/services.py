"""Anonymising a closed meeting's participants' personal data once its retention period has passed.

One action of the Chair's office (`meeting_anonymise`), in one transaction, recorded once
(`portal.models.MeetingAnonymisation`) and in the activity log, never undone. What it erases, and
what it keeps:

- **Registrations of the meeting**: every field of the registration's own that is not part of the
  record (job title, accessibility and dietary needs, the visa letter flag, the public-list consent,
  and any personal field added later: passport, nationality... every concrete field that is not in
  `REGISTRATION_RECORD`) goes back to its default; a decision's reason is replaced by a placeholder
  (a rejection must keep one). Delegation, role, status, decision time and session choices stay, so
  the counts per delegation and per session are unchanged.
- **Accounts whose only link is this meeting** (no registration for another meeting, no session team
  role, no paper, no focal point, no group, not staff, no survey invitation of another meeting, no
  sign-in since the meeting closed): deactivated, names and organisation blanked, e-mail replaced by
  a unique placeholder (`anonymised-<id>@anonymised.invalid`), password unusable, sessions ended,
  allauth's e-mail addresses deleted. Anyone else keeps their account: only the registration's own
  copies are erased.
- **Delegations' invitations** for the meeting: the address becomes a placeholder.
- **Surveys of the meeting**: a person's submitted response is cut from its invitation (as an
  anonymous survey's is), so that its answers count in the results without a name; a person's
  unsubmitted draft is deleted. Delegations' responses are institutional and stay.
- **Mails** of the meeting (its mailings, its surveys' mails, its invitations' mails) and every mail
  to an anonymised account: address, recipient name and text blanked; mails not yet sent are cancelled.
- **Activity log**: entries about the meeting's registrations, invitations and responses, and about
  anonymised accounts, lose the object's name and personal details (`PERSONAL_LOG_KEYS`).
- **Generated documents** holding names (participants lists, badges) of the meeting: files deleted.

The public record (programme, papers, outcomes and the people named on them) is not touched."""

import secrets
from dataclasses import dataclass
from functools import partial

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Case, CharField, Q, QuerySet, Value, When
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from activity.models import ActivityLog
from activity.services import activity_log
from delegations.models import FocalPoint, Registration
from delegations.models import Invitation as DelegationInvitation
from delegations.services.invitations import INVITATION_LINK
from mailings.models import OutgoingMail
from portal.models import MeetingAnonymisation
from reports.models import GeneratedFile
from roundtables.editions import MANAGE_MEETING
from roundtables.models import Meeting, SessionPerson
from surveys.models import Invitation as SurveyInvitation
from surveys.models import Response

PLACEHOLDER_DOMAIN = "anonymised.invalid"
# Stored in place of a decision's reason (a rejection must keep one): the database's text, not a page's.
REASON_PLACEHOLDER = "Removed after the retention period."
# The registration's fields that are the meeting's record (who came for which delegation, in which
# role, decided when): everything else on a registration is the person's and is reset.
REGISTRATION_RECORD = frozenset(
    {
        "id",
        "meeting",
        "person",
        "delegation",
        "role",
        "status",
        "decided_by",
        "decided_at",
        "badge_serial",
        "created_at",
    }
)
# Details in activity entries that can name or describe a person.
PERSONAL_LOG_KEYS = frozenset({"email", "reason", "name", "person", "job_title", "needs"})
# Generated documents that list people by name.
PERSONAL_DOCUMENTS = ("participants", "badges")
PERSONAL_LOG_MODELS = (Registration, DelegationInvitation, SurveyInvitation, Response)


def retention_period():
    return settings.GFMD_RETENTION_PERIOD


def anonymisable_from(meeting: Meeting):
    """When the meeting's personal data may be anonymised: its closing plus the retention period."""
    return meeting.closed_at + retention_period() if meeting.closed_at else None


def existing_anonymisation(meeting: Meeting) -> MeetingAnonymisation | None:
    return MeetingAnonymisation.objects.filter(meeting=meeting).select_related("done_by").first()


def anonymisation_refusal(meeting: Meeting, *, now=None) -> str | None:
    """Why the meeting cannot be anonymised now, or None. The one check the page and the service share."""
    done = existing_anonymisation(meeting)
    if done is not None:
        return _("The personal data of %(meeting)s was already anonymised on %(when)s by %(who)s.") % {
            "meeting": meeting.title,
            "when": formats.date_format(timezone.localtime(done.done_at), "DATE_FORMAT"),
            "who": done.done_by.display_name if done.done_by else _("someone no longer known"),
        }
    if not meeting.is_closed:
        return _("%(meeting)s is not closed: its personal data is kept while its record is open.") % {
            "meeting": meeting.title
        }
    since = anonymisable_from(meeting)
    if (now or timezone.now()) < since:
        return _("The retention period of %(meeting)s has not passed: it can be anonymised from %(when)s.") % {
            "meeting": meeting.title,
            "when": formats.date_format(timezone.localtime(since), "DATE_FORMAT"),
        }
    return None


@dataclass
class Scope:
    """What an anonymisation of the meeting touches, as querysets (counted for the page, changed by the service)."""

    registrations: QuerySet
    accounts: QuerySet
    invitations: QuerySet
    survey_responses: QuerySet
    survey_drafts: QuerySet
    mails: QuerySet
    documents: QuerySet


def _only_this_meeting(meeting: Meeting, person_ids) -> QuerySet:
    """The accounts among `person_ids` whose only link to the portal is this meeting's registration."""
    focal_points = FocalPoint.objects.values("user_id")  # a focal point of any meeting
    accounts = User.objects.filter(pk__in=person_ids, is_staff=False, is_superuser=False, groups__isnull=True)
    accounts = (
        accounts.exclude(pk__in=Registration.objects.exclude(meeting=meeting).values("person_id"))
        .exclude(pk__in=focal_points)
        .exclude(pk__in=SessionPerson.objects.values("person_id"))
        .exclude(papers_authored__isnull=False)
        .exclude(
            pk__in=SurveyInvitation.objects.filter(person__isnull=False)
            .exclude(survey__meeting=meeting)
            .values("person_id")
        )
    )
    if meeting.closed_at is not None:
        # Someone who signed in after the meeting closed still uses their account.
        accounts = accounts.exclude(last_login__gt=meeting.closed_at)
    return accounts


def anonymisation_scope(meeting: Meeting) -> Scope:
    registrations = Registration.objects.filter(meeting=meeting)
    accounts = _only_this_meeting(meeting, registrations.values("person_id"))
    invitations = DelegationInvitation.objects.filter(meeting=meeting)
    person_invitations = SurveyInvitation.objects.filter(survey__meeting=meeting, person__isnull=False)
    mails = OutgoingMail.objects.filter(
        Q(mailing__meeting=meeting)
        | Q(survey_mail__invitation__survey__meeting=meeting)
        | Q(link_kind=INVITATION_LINK, link_object_id__in=invitations.values("pk"))
        | Q(to__in=accounts.values("email"))
    )
    return Scope(
        registrations=registrations,
        accounts=accounts,
        invitations=invitations,
        survey_responses=Response.objects.filter(invitation__in=person_invitations, state=Response.State.SUBMITTED),
        survey_drafts=Response.objects.filter(invitation__in=person_invitations, state=Response.State.DRAFT),
        mails=mails,
        documents=GeneratedFile.objects.filter(kind__in=PERSONAL_DOCUMENTS, parameters__meeting=meeting.pk).exclude(
            file=""
        ),
    )


def anonymisation_preview(meeting: Meeting) -> dict[str, int]:
    """How many of each kind an anonymisation would change now (the confirmation page's counts)."""
    scope = anonymisation_scope(meeting)
    return {
        "registrations": scope.registrations.count(),
        "accounts": scope.accounts.count(),
        "invitations": scope.invitations.count(),
        "survey_responses": scope.survey_responses.count(),
        "survey_drafts": scope.survey_drafts.count(),
        "mails": scope.mails.values("pk").distinct().count(),
        "documents": scope.documents.count(),
    }


def _placeholder(prefix: str):
    """A unique address per row: anonymised-<prefix><id>@anonymised.invalid (.invalid never delivers)."""
    return Concat(
        Value(f"anonymised-{prefix}"),
        Cast("pk", CharField()),
        Value(f"@{PLACEHOLDER_DOMAIN}"),
        output_field=CharField(),
    )


def _erase_registrations(registrations: QuerySet) -> int:
    personal = {
        field.name: field.get_default()
        for field in Registration._meta.concrete_fields
        if not field.is_relation and field.name not in REGISTRATION_RECORD and field.name != "decision_reason"
    }
    reason = Case(
        When(status=Registration.Status.REJECTED, then=Value(REASON_PLACEHOLDER)),
        When(decision_reason="", then=Value("")),
        default=Value(REASON_PLACEHOLDER),
    )
    return registrations.update(**personal, decision_reason=reason)


def _erase_accounts(accounts: QuerySet) -> tuple[list[int], list[str]]:
    rows = list(accounts.values_list("pk", "email"))
    ids = [pk for pk, _email in rows]
    if ids:
        User.objects.filter(pk__in=ids).update(
            first_name="",
            last_name="",
            honorific="",
            job_title="",
            organisation="",
            email=_placeholder(""),
            is_active=False,
            password=make_password(None),
            # With the password changed too, every session the person held is void.
            session_salt=secrets.token_hex(16),
        )
        EmailAddress.objects.filter(user_id__in=ids).delete()
    return ids, [email for _pk, email in rows]


def _erase_activity(meeting: Meeting, account_ids: list[int]) -> int:
    types = ContentType.objects.get_for_models(*PERSONAL_LOG_MODELS).values()
    user_type = ContentType.objects.get_for_model(User)
    entries = ActivityLog.objects.filter(
        Q(meeting=meeting, content_type__in=types)
        | Q(content_type=user_type, object_id__in=[str(pk) for pk in account_ids])
    )
    changed = []
    for entry in entries.only("pk", "object_repr", "data").iterator(chunk_size=500):
        entry.object_repr = ""
        if isinstance(entry.data, dict):
            entry.data = {key: value for key, value in entry.data.items() if key not in PERSONAL_LOG_KEYS}
        changed.append(entry)
    ActivityLog.objects.bulk_update(changed, ["object_repr", "data"], batch_size=500)
    return len(changed)


def _delete_files(names: list[str]) -> None:
    field = GeneratedFile._meta.get_field("file")
    for name in names:
        field.storage.delete(name)


def meeting_anonymise(*, actor, meeting: Meeting) -> MeetingAnonymisation:
    """Anonymise the meeting's participants' personal data (see the module's description). Only the
    meeting's Chair's office; only a closed meeting whose retention period has passed; only once.

    The one write a closed meeting takes without a correction (no ensure_open): the law's retention
    period, not a change of the record, and the public record and counts are kept."""
    if not actor.has_perm(MANAGE_MEETING, meeting):
        raise PermissionDenied
    with transaction.atomic():
        # The meeting's row is the lock: two anonymisations of one meeting run one after the other,
        # and the second finds the first's record (the one-to-one refuses a second row anyway).
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        reason = anonymisation_refusal(meeting)
        if reason:
            raise ValidationError(reason, code="not_anonymisable")
        now = timezone.now()
        scope = anonymisation_scope(meeting)
        counts = {"registrations": _erase_registrations(scope.registrations)}
        mail_ids = list(scope.mails.values_list("pk", flat=True).distinct())
        account_ids, _emails = _erase_accounts(scope.accounts)
        counts["accounts"] = len(account_ids)
        counts["invitations"] = scope.invitations.update(email=_placeholder("invitation-"))
        counts["survey_responses"] = scope.survey_responses.update(invitation=None)
        counts["survey_drafts"] = scope.survey_drafts.count()
        scope.survey_drafts.delete()
        mails = OutgoingMail.objects.filter(pk__in=mail_ids)
        mails.filter(state__in=(OutgoingMail.State.HELD, OutgoingMail.State.QUEUED, OutgoingMail.State.RETRY)).update(
            state=OutgoingMail.State.CANCELLED
        )
        counts["mails"] = mails.update(
            to=_placeholder("mail-"),
            to_name="",
            body_text="",
            body_html="",
            body_purged_at=Coalesce("body_purged_at", Value(now)),
        )
        files = list(scope.documents.values_list("file", flat=True))
        counts["documents"] = scope.documents.update(file="", expires_at=now)
        transaction.on_commit(partial(_delete_files, files))
        counts["activity_entries"] = _erase_activity(meeting, account_ids)
        record = MeetingAnonymisation.objects.create(meeting=meeting, done_by=actor, done_at=now, counts=counts)
        activity_log(actor=actor, action="portal.meeting.anonymised", obj=meeting, meeting=meeting, data=counts)
    return record
