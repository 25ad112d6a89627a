"""Invitations and reminders: rows written, mails put in the outbox through mailings."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from activity.services import activity_log
from delegations.models import FocalPoint
from mailings.models import Mailing
from mailings.services import MailRecipient, mailing_create
from roundtables.editions import ensure_open
from surveys.audiences import AudiencePlan
from surveys.models import Invitation, Reminder, Survey, SurveyMail

LINK_KIND = "surveys.invitation"


class SurveyError(Exception):
    """A survey action that cannot be done now; the message says why, for the person."""


def require(actor, perm: str, survey: Survey | None, refusal: str = "") -> None:
    """The rule of surveys.permissions for this change: anyone outside the Chair's office is
    refused (PermissionDenied); the Chair's office is told why the survey's state refuses it."""
    if actor is not None and actor.has_perm(perm, survey):
        return
    if not refusal or actor is None or not actor.has_perm("surveys.manage_survey", survey):
        raise PermissionDenied
    raise SurveyError(refusal)


def _closing_date(survey: Survey) -> str:
    closes = timezone.localtime(survey.closes_at, ZoneInfo(survey.meeting.time_zone))
    return _("%(date)s (time in %(city)s)") % {"date": date_format(closes, "j F Y, H:i"), "city": survey.meeting.city}


def _recipient(survey: Survey, invitation: Invitation, person: User) -> MailRecipient:
    return MailRecipient.in_their_language(
        person,
        values=lambda: {
            "survey": survey.title,
            "closing_date": _closing_date(survey),
            "delegation": invitation.delegation.display_name
            if invitation.delegation_id
            else (person.organisation or person.display_name),
        },
        description=invitation.delegation.name if invitation.delegation_id else person.organisation,
        link_kind=LINK_KIND,
        link_object_id=invitation.pk,
    )


def _mail_invitations(
    *, survey, pairs: list[tuple[Invitation, User]], title, subjects, bodies, actor, reminder=None, release=False
) -> Mailing:
    mailing, rows = mailing_create(
        title=title,
        subjects=subjects,
        bodies=bodies,
        recipients=[_recipient(survey, invitation, person) for invitation, person in pairs],
        created_by=actor,
        meeting=survey.meeting,
        release=release,
    )
    SurveyMail.objects.bulk_create(
        SurveyMail(invitation=invitation, reminder=reminder, person=person, mail=row)
        for (invitation, person), row in zip(pairs, rows, strict=True)
    )
    return mailing


def survey_invite(*, survey: Survey, plan: AudiencePlan, subjects: dict, bodies: dict, actor) -> Mailing:
    """Write the invitations of an audience and put one mail per recipient in the outbox."""
    require(actor, "surveys.invite", survey, _("This survey has closed; nobody can be invited any more."))
    if not plan.targets:
        raise SurveyError(
            _("Nobody in this audience can be invited: everyone is invited already or has no focal point.")
        )
    try:
        return _survey_invite(survey=survey, plan=plan, subjects=subjects, bodies=bodies, actor=actor)
    except IntegrityError:
        raise SurveyError(
            _("Some of these recipients were invited meanwhile. Nothing was written; count the recipients again.")
        ) from None


@transaction.atomic
def _survey_invite(*, survey, plan, subjects, bodies, actor) -> Mailing:
    ensure_open(survey.meeting, actor)
    invitations = Invitation.objects.bulk_create(
        Invitation(survey=survey, delegation=target.delegation, person=target.person, invited_by=actor)
        for target in plan.targets
    )
    pairs = [
        (invitation, person)
        for invitation, target in zip(invitations, plan.targets, strict=True)
        for person in target.recipients
    ]
    with translation.override("en"):
        title = _("Survey invitation: %(title)s") % {"title": survey.title}
    mailing = _mail_invitations(survey=survey, pairs=pairs, title=title, subjects=subjects, bodies=bodies, actor=actor)
    activity_log(
        actor=actor,
        action="surveys.survey.invited",
        obj=survey,
        meeting=survey.meeting,
        data={"invitations": len(invitations), "mails": len(pairs), "mailing": mailing.pk},
    )
    return mailing


def pending_recipients(survey: Survey) -> list[tuple[Invitation, User]]:
    """(invitation, person) for every recipient of an invitation not yet answered: the person, or
    the delegation's focal points as they are today."""
    invitations = (
        survey.invitations.filter(submitted_at__isnull=True)
        .select_related("delegation", "person")
        .prefetch_related(
            # The delegation's focal points in the survey's meeting, as they are today.
            Prefetch(
                "delegation__focal_point_roles",
                queryset=FocalPoint.objects.filter(meeting=survey.meeting_id, user__is_active=True)
                .select_related("user")
                .order_by("user__last_name", "user__pk"),
                to_attr="meeting_focal_points",
            )
        )
        .order_by("pk")
    )
    pairs = []
    for invitation in invitations:
        if invitation.person_id:
            if invitation.person.is_active:
                pairs.append((invitation, invitation.person))
        else:
            pairs.extend((invitation, focal_point.user) for focal_point in invitation.delegation.meeting_focal_points)
    return pairs


def _reminder_mailing(*, reminder: Reminder, actor, release: bool) -> Mailing | None:
    survey = reminder.survey
    pairs = pending_recipients(survey)
    if not pairs:
        return None
    with translation.override("en"):
        title = _("Survey reminder: %(title)s") % {"title": survey.title}
    mailing = _mail_invitations(
        survey=survey,
        pairs=pairs,
        title=title,
        subjects=reminder.message.get("subjects", {}),
        bodies=reminder.message.get("bodies", {}),
        actor=actor,
        reminder=reminder,
        release=release,
    )
    reminder.mailing = mailing
    reminder.save(update_fields=["mailing"])
    return mailing


@transaction.atomic
def reminder_create(*, survey: Survey, subjects: dict, bodies: dict, actor) -> Mailing:
    """A reminder written by hand to those who have not answered; it waits in the outbox."""
    locked = Survey.objects.select_for_update().select_related("meeting").get(pk=survey.pk)
    ensure_open(locked.meeting, actor)
    require(actor, "surveys.remind", locked, _("Reminders can be sent only while the survey is open."))
    if Reminder.objects.filter(survey=locked, mailing__state=Mailing.State.OUTBOX).exists():
        raise SurveyError(_("A reminder already waits in the outbox: send or discard it first."))
    reminder = Reminder.objects.create(
        survey=locked,
        kind=Reminder.Kind.MANUAL,
        message={"subjects": subjects, "bodies": bodies},
        fired_at=timezone.now(),
        created_by=actor,
    )
    mailing = _reminder_mailing(reminder=reminder, actor=actor, release=False)
    if mailing is None:
        raise SurveyError(_("Everyone invited has answered: there is nobody to remind."))
    activity_log(
        actor=actor,
        action="surveys.reminder.created",
        obj=locked,
        meeting=locked.meeting,
        data={"reminder": reminder.pk, "mailing": mailing.pk},
    )
    return mailing


@transaction.atomic
def reminder_schedule(*, survey: Survey, send_at: datetime, subjects: dict, bodies: dict, actor) -> Reminder:
    """A reminder that beat sends at `send_at` to those who have not answered by then."""
    require(actor, "surveys.manage_survey", survey)
    ensure_open(survey.meeting, actor)
    if send_at <= timezone.now():
        raise SurveyError(_("Choose a time in the future."))
    if send_at >= survey.closes_at:
        raise SurveyError(_("Choose a time before the survey closes."))
    if Reminder.objects.filter(survey=survey, kind=Reminder.Kind.SCHEDULED, send_at=send_at).exists():
        raise SurveyError(_("A reminder is already scheduled at that time."))
    reminder = Reminder.objects.create(
        survey=survey,
        kind=Reminder.Kind.SCHEDULED,
        send_at=send_at,
        message={"subjects": subjects, "bodies": bodies},
        created_by=actor,
    )
    activity_log(
        actor=actor,
        action="surveys.reminder.scheduled",
        obj=survey,
        meeting=survey.meeting,
        data={"reminder": reminder.pk, "send_at": send_at.isoformat()},
    )
    return reminder


@transaction.atomic
def reminder_cancel(*, reminder: Reminder, actor) -> None:
    require(actor, "surveys.manage_survey", reminder.survey)
    ensure_open(reminder.survey.meeting, actor)
    if not Reminder.objects.filter(pk=reminder.pk, kind=Reminder.Kind.SCHEDULED, fired_at__isnull=True).exists():
        raise SurveyError(_("This reminder has already been sent."))
    activity_log(
        actor=actor,
        action="surveys.reminder.cancelled",
        obj=reminder.survey,
        meeting=reminder.survey.meeting,
        data={"send_at": reminder.send_at.isoformat()},
    )
    reminder.delete()


def reminders_send_due(*, now: datetime | None = None) -> list[Reminder]:
    """Send the scheduled reminders whose time has come (beat, every SURVEYS_REMINDER_CHECK_SECONDS).

    Each is taken by a compare-and-set on fired_at, so two beats (or a task run twice) send it once;
    and SurveyMail's unique constraint refuses a second mail of one reminder to one person."""
    now = now or timezone.now()
    sent = []
    # A closed meeting's scheduled reminders stay unsent (and unfired): its surveys are its record.
    for reminder_id in Reminder.objects.filter(
        kind=Reminder.Kind.SCHEDULED, fired_at__isnull=True, send_at__lte=now, survey__meeting__closed_at__isnull=True
    ).values_list("pk", flat=True):
        with transaction.atomic():
            if not Reminder.objects.filter(pk=reminder_id, fired_at__isnull=True).update(fired_at=now):
                continue
            reminder = Reminder.objects.select_related("survey__meeting").get(pk=reminder_id)
            if reminder.survey.status(now) != Survey.Status.OPEN:
                continue
            # The person approved the message when scheduling it: it is sent without waiting in the outbox.
            if _reminder_mailing(reminder=reminder, actor=None, release=True) is not None:
                activity_log(
                    actor=None,
                    action="surveys.reminder.sent",
                    obj=reminder.survey,
                    meeting=reminder.survey.meeting,
                    data={"reminder": reminder.pk, "mailing": reminder.mailing_id},
                )
                sent.append(reminder)
    return sent
