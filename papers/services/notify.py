"""Who is concerned by a paper's news, and the mails they get (each in their own language)."""

from collections.abc import Iterable

from django.conf import settings
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.roles import CHAIR_OFFICE
from mailings.services import queue_mail
from papers.models import Paper
from roundtables.selectors import AUTHOR, CO_CHAIR, MEMBER, MODERATOR, RAPPORTEUR, team_people

# event: (subject, first sentence). %(title)s is the paper's title, %(actor)s who acted.
EVENTS = {
    "created": (_("New draft paper: %(title)s"), _("%(actor)s started a new draft paper for your session.")),
    "submitted": (_("Paper submitted: %(title)s"), _("%(actor)s submitted this paper for review.")),
    "review_started": (_("Paper in review: %(title)s"), _("%(actor)s started reviewing this paper.")),
    "revision_requested": (
        _("Revision requested: %(title)s"),
        _("%(actor)s asked for a revision of this paper. Upload a new version and submit it again."),
    ),
    "accepted": (_("Paper accepted: %(title)s"), _("%(actor)s accepted this paper.")),
    "rejected": (_("Paper not accepted: %(title)s"), _("%(actor)s did not accept this paper.")),
    "published": (_("Paper published: %(title)s"), _("%(actor)s published this paper: the public can now read it.")),
    "withdrawn": (_("Paper withdrawn: %(title)s"), _("%(actor)s withdrew this paper.")),
    "unpublished": (
        _("Paper withdrawn from the library: %(title)s"),
        _("%(actor)s withdrew this paper from the public library. Its public page now says why."),
    ),
    "reminder_week_before": (
        _("Background paper due in a week: session %(code)s"),
        _("The background paper of your session is due in a week and has not been submitted yet."),
    ),
    "reminder_day_before": (
        _("Background paper due tomorrow: session %(code)s"),
        _("The background paper of your session is due tomorrow and has not been submitted yet."),
    ),
    "reminder_overdue": (
        _("Background paper overdue: session %(code)s"),
        _("The deadline for the background paper of your session has passed and the paper has not been submitted."),
    ),
}


def authors(paper: Paper) -> QuerySet[User]:
    return paper.authors.all()


def co_chairs(session) -> QuerySet[User]:
    """Co-chairs' representatives on the session and focal points of its co-chair delegations."""
    return team_people(session, roles=[CO_CHAIR])


def chair_office() -> QuerySet[User]:
    return User.objects.filter(groups__name=CHAIR_OFFICE).distinct()


def team_contacts(session) -> QuerySet[User]:
    """Who answers for a session's paper: its authors, co-chairs' representatives, rapporteur and
    moderator, and the focal points of every team delegation."""
    team = team_people(session, roles=[AUTHOR, CO_CHAIR, RAPPORTEUR, MODERATOR, MEMBER])
    return (
        team | User.objects.filter(papers_authored__session=session, papers_authored__kind=Paper.Kind.BACKGROUND)
    ).distinct()


def _unique(people: Iterable[Iterable[User]], *, exclude=None) -> list[User]:
    seen: dict[str, User] = {}
    for group in people:
        for person in group:
            if not person.is_active or not person.email or (exclude is not None and person.pk == exclude.pk):
                continue
            seen.setdefault(person.email.lower(), person)
    return list(seen.values())


def paper_url(paper: Paper) -> str:
    return f"{settings.SITE_URL}{reverse('papers:detail', kwargs={'pk': paper.pk})}"


def mail_paper_event(
    *, paper: Paper, event: str, actor, recipients: Iterable[Iterable[User]], message: str = ""
) -> int:
    """Queue one mail per person concerned (the actor excepted), in their preferred language."""
    people = _unique(recipients, exclude=actor if actor is not None and actor.is_authenticated else None)
    subject_text, lead_text = EVENTS[event]
    for person in people:
        with translation.override(person.preferred_language or settings.LANGUAGE_CODE):
            params = {"title": paper.title, "actor": actor.display_name if actor else _("The portal")}
            context = {
                "person": person,
                "paper": paper,
                "session": paper.session,
                "lead": lead_text % params,
                "message": message,
                "url": paper_url(paper),
            }
            subject = str(subject_text % params)
            body = render_to_string("papers/mail/paper_event.txt", context)
        queue_mail(to=person.email, subject=subject, body_text=body)
    return len(people)


def mail_reminder(*, session, kind: str, due_at, paper: Paper | None) -> int:
    people = _unique([team_contacts(session)])
    subject_text, lead_text = EVENTS[f"reminder_{kind}"]
    url = f"{settings.SITE_URL}{reverse('papers:workspace', kwargs={'session_id': session.pk})}"
    for person in people:
        with translation.override(person.preferred_language or settings.LANGUAGE_CODE):
            context = {
                "person": person,
                "session": session,
                "paper": paper,
                "lead": lead_text,
                "due_at": due_at,
                "time_zone": session.meeting.time_zone,
                "url": url,
            }
            subject = str(subject_text % {"code": session.code})
            body = render_to_string("papers/mail/deadline_reminder.txt", context)
        queue_mail(to=person.email, subject=subject, body_text=body)
    return len(people)
