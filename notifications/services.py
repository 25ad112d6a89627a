"""Writing notifications: a person's choices, the one-click unsubscribe, and the programme digest."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from activity.services import activity_log
from mailings.notification_kinds import is_notification_kind, notification_kinds
from mailings.services import MailRecipient, mailing_create, send_to_people
from notifications.kinds import PAPER_COMMENTS, PAPERS_PUBLISHED, PROGRAMME_CHANGES
from notifications.models import CommentDigest, OptOut, PapersDigest, ProgrammeDigest
from notifications.selectors import (
    COMMENT_DIGEST_MAIL,
    PAPERS_DIGEST_MAIL,
    DigestWriter,
    comment_digest_plan,
    digest_plan,
    papers_digest_plan,
)
from notifications.tokens import unsubscribe_read
from roundtables.editions import ensure_open
from roundtables.models import ProgrammeRelease


class InvalidToken(Exception):
    """An unsubscribe link this portal did not write, for a kind that does not exist, or a person no longer here."""


@transaction.atomic
def preferences_save(*, person, actor, enabled: set[str]) -> list[str]:
    """Turn on the kinds in `enabled` and off the others the person may turn off; returns the kinds now off.
    A person's choices are theirs alone."""
    if actor is None or not actor.is_authenticated or actor.pk != person.pk:
        raise PermissionDenied
    User.objects.select_for_update().filter(pk=person.pk).first()  # one save at a time per person
    kinds = {kind.key for kind in notification_kinds()}
    off = kinds - set(enabled)
    existing = set(OptOut.objects.filter(person=person).values_list("kind", flat=True))
    OptOut.objects.bulk_create([OptOut(person=person, kind=kind) for kind in sorted(off - existing)])
    OptOut.objects.filter(person=person, kind__in=(existing & kinds) - off).delete()
    if off != existing & kinds:
        activity_log(actor=actor, action="notifications.preferences.saved", obj=person, data={"off": sorted(off)})
    return sorted(off)


@transaction.atomic
def notification_turn_off(*, token: str) -> tuple[User, str]:
    """The one-click unsubscribe: the signed token names the person and the kind, and is the only authority
    (the mail client's POST carries no session). Turning off what is already off changes nothing."""
    read = unsubscribe_read(token)
    if read is None or not is_notification_kind(read[1]):
        raise InvalidToken
    person = User.objects.filter(pk=read[0], is_active=True).first()
    if person is None:
        raise InvalidToken
    _opt_out, created = OptOut.objects.get_or_create(person=person, kind=read[1])
    if created:
        activity_log(actor=None, action="notifications.preferences.unsubscribed", obj=person, data={"kind": read[1]})
    return person, read[1]


def _already(digest: ProgrammeDigest) -> ValidationError:
    return ValidationError(
        _("The participants have already been notified of version %(version)s.") % {"version": digest.release.version}
    )


@transaction.atomic
def programme_digest_send(*, release: ProgrammeRelease, actor) -> ProgrammeDigest:
    """Mail each affected participant one digest of what changed in their sessions in `release`, once the
    Chair's office confirmed: a mailing released at once (the outbox's idempotent sending, progress and
    delivery report). Once per release: a second confirmation is refused and sends nothing."""
    locked = ProgrammeRelease.objects.select_for_update().select_related("meeting").get(pk=release.pk)
    if actor is None or not actor.has_perm("notifications.send_programme_digest", locked):
        raise PermissionDenied
    ensure_open(locked.meeting, actor)
    done = ProgrammeDigest.objects.filter(release=locked).select_related("release").first()
    if done is not None:
        raise _already(done)
    latest = ProgrammeRelease.objects.latest_for(locked.meeting)
    if latest.pk != locked.pk:
        raise ValidationError(
            _("Version %(version)s has been published since: notify the participants of that one.")
            % {"version": latest.version}
        )
    plan = digest_plan(locked)
    if not plan.count:
        raise ValidationError(_("Nobody's chosen sessions changed in time, room or title: there is nothing to send."))
    try:
        # The row is the guard against a second confirmation at the same moment (the unique release).
        with transaction.atomic():
            digest = ProgrammeDigest.objects.create(release=locked, confirmed_by=actor, recipients=plan.count)
    except IntegrityError:
        raise _already(ProgrammeDigest.objects.select_related("release").get(release=locked)) from None
    writer = DigestWriter(locked, plan.changed)
    recipients = []
    for person, session_ids in plan.recipients.items():
        language = person.preferred_language or settings.LANGUAGE_CODE
        recipients.append(
            MailRecipient(
                email=person.email,
                name=person.display_name,
                language=language,
                written=writer.mail(person, session_ids, language=language),
            )
        )
    subjects, bodies = {}, {}
    for language, _name in settings.LANGUAGES:
        # What the outbox shows as the mailing's text: the digest with every changed session.
        with translation.override(language):
            subjects[language] = writer.mail(actor, list(plan.changed), language=language).subject
            bodies[language] = _("A digest written for each participant: the sessions they chose that changed.")
    with translation.override("en"):
        title = _("Programme version %(version)s: what changed, to the participants") % {"version": locked.version}
    mailing, rows = mailing_create(
        title=title,
        subjects=subjects,
        bodies=bodies,
        recipients=recipients,
        created_by=actor,
        meeting=locked.meeting,
        release=True,  # the Chair's office confirmed on the page that showed who gets what
        notification_kind=PROGRAMME_CHANGES,
    )
    digest.mailing = mailing
    digest.save(update_fields=["mailing"])
    activity_log(
        actor=actor,
        action="notifications.programme_digest.sent",
        obj=locked,
        meeting=locked.meeting,
        data={"version": locked.version, "recipients": len(rows), "mailing": mailing.pk},
    )
    return digest


def _daily_digests_send(plan: dict, *, row, mail: str, kind: str, words) -> int:
    """One mail per person of `plan` (person -> items), each with its once-a-day row: `row(person, items)`
    creates it, and it is unique per person and day, so a second run the same day sends nothing more. Each
    person's row and mail are written in one transaction. Returns how many were queued."""
    count = 0
    for person, items in plan.items():
        try:
            with transaction.atomic():
                row(person, items)
                send_to_people(
                    mail,
                    [person],
                    context=lambda _person, items=items: {"papers": words(items)},
                    notification_kind=kind,
                )
        except IntegrityError:
            continue  # another run took this person today
        count += 1
    return count


def papers_digests_send(*, now=None) -> int:
    """Today's papers digests (run by beat, notifications.tasks): one mail per person with the papers newly
    published for their sessions; returns how many were queued."""
    now = now or timezone.now()
    return _daily_digests_send(
        papers_digest_plan(now),
        row=lambda person, papers: PapersDigest.objects.create(
            person=person, day=now.date(), sent_at=now, papers=len(papers)
        ),
        mail=PAPERS_DIGEST_MAIL,
        kind=PAPERS_PUBLISHED,
        words=_papers_in_words,
    )


def _papers_in_words(papers) -> list[dict]:
    """Each paper in the active language (modeltranslation falls back to the original), with its page, and its
    session's document pack in that language (reports' public page: a URL by name, no import of reports)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return [
        {
            "session": paper.session.code,
            "title": paper.title,
            "url": settings.SITE_URL + reverse("papers:detail", kwargs={"pk": paper.pk}),
            "pack_url": settings.SITE_URL
            + reverse("reports:session_pack", kwargs={"pk": paper.session_id})
            + f"?language={language}",
        }
        for paper in papers
    ]


# A comment quoted in a digest stops here: the rest is on the paper's page, one click away.
EXCERPT_LENGTH = 400


def comment_digests_send(*, now=None) -> int:
    """Today's comment digests (run by beat, notifications.tasks): one mail per person with the comments written
    on the papers they work on (notifications.selectors.comment_digest_plan says who and what); returns how many
    were queued."""
    now = now or timezone.now()
    return _daily_digests_send(
        comment_digest_plan(now),
        row=lambda person, comments: CommentDigest.objects.create(
            person=person, day=now.date(), sent_at=now, comments=len(comments)
        ),
        mail=COMMENT_DIGEST_MAIL,
        kind=PAPER_COMMENTS,
        words=_comments_in_words,
    )


def _comments_in_words(comments) -> list[dict]:
    """The comments by paper, each paper in the active language with its workspace page (the team's view of
    papers:detail), each comment with its author, the version it is on and its text (cut when long)."""
    from django.utils.text import Truncator

    papers: dict[int, dict] = {}
    for comment in comments:
        paper = comment.paper
        entry = papers.setdefault(
            paper.pk,
            {
                "session": paper.session.code,
                "title": paper.title,
                "url": settings.SITE_URL + reverse("papers:detail", kwargs={"pk": paper.pk}),
                "comments": [],
            },
        )
        entry["comments"].append(
            {
                "author": comment.author.display_name if comment.author else _("A former member of the team"),
                "version": comment.version.number,
                "text": Truncator(comment.body).chars(EXCERPT_LENGTH),
            }
        )
    return list(papers.values())
