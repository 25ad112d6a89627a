"""Who is concerned by a paper's news, and the mails they get (each in their own language)."""

from collections.abc import Iterable

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from mailings.services import send_to_people
from papers.models import Paper
from roundtables.selectors import AUTHOR, CO_CHAIR, MEMBER, MODERATOR, RAPPORTEUR, meeting_chair_staff, team_people


def authors(paper: Paper) -> QuerySet[User]:
    return paper.authors.all()


def co_chairs(session) -> QuerySet[User]:
    """Co-chairs' representatives on the session and focal points of its co-chair delegations."""
    return team_people(session, roles=[CO_CHAIR])


def chair_office(meeting) -> QuerySet[User]:
    """The meeting's own Chair's office staff."""
    return meeting_chair_staff(meeting)


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
    context = {
        "paper": paper,
        "session": paper.session,
        "event": event,
        "message": message,
        "url": paper_url(paper),
    }
    return send_to_people(
        "papers.paper_event",
        people,
        # "The portal" in the person's language when nobody acted.
        context=lambda person: {**context, "actor_name": actor.display_name if actor else _("The portal")},
    )


def mail_reminder(*, session, kind: str, due_at, paper: Paper | None) -> int:
    people = _unique([team_contacts(session)])
    url = f"{settings.SITE_URL}{reverse('papers:workspace', kwargs={'session_id': session.pk})}"
    context = {
        "session": session,
        "paper": paper,
        "kind": kind,
        "due_at": due_at,
        "time_zone": session.meeting.time_zone,
        "url": url,
    }
    return send_to_people("papers.deadline_reminder", people, context=context)
