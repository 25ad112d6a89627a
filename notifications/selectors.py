"""Reading notifications: a person's choices, and who a programme release's digest goes to, with what."""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from delegations.models import Registration, SessionChoice
from gfmd.timeranges import format_time_range
from mailings.notification_kinds import NotificationKind, notification_kinds
from mailings.templates import RenderedMail, edited_texts, render_mail
from notifications.kinds import PAPER_COMMENTS, PAPERS_PUBLISHED, PROGRAMME_CHANGES
from notifications.models import OptOut
from roundtables.models import ProgrammeRelease
from roundtables.programme.published import Programme

# What a participant is told about: the parts of a session that change where and when they must be.
DIGEST_FIELDS = ("time", "room", "title")
PROGRAMME_DIGEST_MAIL = "notifications.programme_changes"
PAPERS_DIGEST_MAIL = "notifications.papers_published"
COMMENT_DIGEST_MAIL = "notifications.paper_comments"


@dataclass(frozen=True)
class Preference:
    kind: NotificationKind
    enabled: bool


def preferences_of(person) -> list[Preference]:
    """Every kind a person may turn off, with their choice (on unless they turned it off). One query."""
    off = set(OptOut.objects.filter(person=person).values_list("kind", flat=True))
    return [Preference(kind, kind.key not in off) for kind in notification_kinds()]


def wants(person, kind: str) -> bool:
    return not OptOut.objects.filter(person=person, kind=kind).exists()


# The programme digest ---------------------------------------------------------------------------------------


def previous_release(release: ProgrammeRelease) -> ProgrammeRelease | None:
    return (
        ProgrammeRelease.objects.filter(meeting_id=release.meeting_id, version__lt=release.version)
        .order_by("-version")
        .first()
    )


def changed_sessions(release: ProgrammeRelease) -> dict[int, list[str]]:
    """{session id: the digest's fields that changed} for the sessions this version changed in time, room or
    title (roundtables.programme.diff, stored on the release). Sessions added or removed are not "changed":
    nobody chose an added one, and a removed one's registrants are told by the Chair's office."""
    changed = {}
    for change in release.changes or []:
        if change.get("object") == "session" and change.get("change") == "changed":
            fields = [name for name in DIGEST_FIELDS if name in change.get("fields", [])]
            if fields:
                changed[change["id"]] = fields
    return changed


@dataclass
class DigestPlan:
    release: ProgrammeRelease
    changed: dict[int, list[str]]
    # person -> the ids of their chosen sessions that changed, in programme order
    recipients: dict = field(default_factory=dict)
    opted_out: int = 0  # affected people left out: they turned programme digests off

    @property
    def count(self) -> int:
        return len(self.recipients)


def digest_plan(release: ProgrammeRelease) -> DigestPlan:
    """Who gets the digest of `release`: each approved registrant of its meeting whose chosen sessions changed
    in time, room or title, with those sessions; people who turned programme digests off are counted apart.
    Two queries, whatever the number of people."""
    changed = changed_sessions(release)
    plan = DigestPlan(release=release, changed=changed)
    if not changed:
        return plan
    choices = (
        SessionChoice.objects.filter(
            registration__meeting_id=release.meeting_id,
            registration__status=Registration.Status.APPROVED,
            registration__person__is_active=True,
            session_id__in=list(changed),
        )
        .exclude(registration__person__email="")
        .select_related("registration__person")
        .order_by("registration__person_id", "session__starts_at", "session__code")
    )
    rows = list(choices)
    off = set(
        OptOut.objects.filter(
            kind=PROGRAMME_CHANGES, person_id__in={row.registration.person_id for row in rows}
        ).values_list("person_id", flat=True)
    )
    left_out = set()
    for row in rows:
        person = row.registration.person
        if person.pk in off:
            left_out.add(person.pk)
            continue
        sessions = plan.recipients.setdefault(person, [])
        if row.session_id not in sessions:
            sessions.append(row.session_id)
    plan.opted_out = len(left_out)
    return plan


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class SessionDigest:
    code: str
    title: str
    changes: list[FieldChange]


class DigestWriter:
    """Writes each recipient's digest in their language; the two versions are read once per language."""

    def __init__(self, release: ProgrammeRelease, changed: dict[int, list[str]]):
        self.release = release
        self.previous = previous_release(release)
        self.changed = changed
        self._programmes: dict[str, tuple[Programme, Programme]] = {}
        self._texts: dict | None = None  # the mail's edited texts, read once for every recipient

    def _pair(self) -> tuple[Programme, Programme]:
        language = translation.get_language() or settings.LANGUAGE_CODE
        if language not in self._programmes:
            self._programmes[language] = (Programme(self.previous), Programme(self.release))
        return self._programmes[language]

    def _value(self, programme: Programme, session, name: str) -> str:
        if session is None:
            return "—"
        if name == "title":
            return session.title
        if name == "room":
            return session.room or _("no room yet")
        if session.starts_at is None:
            return _("no time yet")
        return format_time_range(session.starts_at, session.ends_at, zone=programme.zone)

    def sessions(self, session_ids: list[int]) -> list[SessionDigest]:
        """The changed sessions, in the active language: each changed field, old -> new."""
        old, new = self._pair()
        labels = {"time": _("Time"), "room": _("Room"), "title": _("Title")}
        found = []
        for session_id in session_ids:
            before, after = old.session(session_id), new.session(session_id)
            if after is None:
                continue
            changes = [
                FieldChange(labels[name], self._value(old, before, name), self._value(new, after, name))
                for name in self.changed.get(session_id, [])
            ]
            found.append(SessionDigest(code=after.code, title=after.title, changes=changes))
        return found

    def mail(self, person, session_ids: list[int], *, language: str) -> RenderedMail:
        from accounts.salutations import salutation

        if self._texts is None:
            self._texts = edited_texts(PROGRAMME_DIGEST_MAIL)
        with translation.override(language):
            _old, new = self._pair()
            return render_mail(
                PROGRAMME_DIGEST_MAIL,
                {
                    "person": person,
                    "salutation": salutation(person, language),
                    "meeting": new.meeting.title,
                    "version": self.release.version,
                    "sessions": self.sessions(session_ids),
                    "programme_url": settings.SITE_URL
                    + reverse("roundtables:programme", kwargs={"number": self.release.meeting.number}),
                },
                texts=self._texts,
            )


def digest_sent(release: ProgrammeRelease):
    from notifications.models import ProgrammeDigest

    return ProgrammeDigest.objects.filter(release=release).select_related("confirmed_by", "mailing").first()


# The daily papers digest ------------------------------------------------------------------------------------


def papers_digest_plan(now: dt.datetime) -> dict:
    """{person: [papers]} for today's papers digest: the papers published since each person's last digest (at
    most a day back) for the sessions they chose (approved registrations of meetings not closed), leaving out
    people who had today's digest already or turned papers digests off. Five queries, whatever the number."""
    from papers.models import Paper

    day, since = now.date(), now - dt.timedelta(days=1)
    choices = list(
        SessionChoice.objects.filter(
            registration__status=Registration.Status.APPROVED,
            registration__person__is_active=True,
            registration__meeting__closed_at__isnull=True,
            session__papers__state=Paper.State.PUBLISHED,
            session__papers__published_at__gt=since,
            session__papers__published_at__lte=now,
        )
        .exclude(registration__person__email="")
        .exclude(registration__person__notification_opt_outs__kind=PAPERS_PUBLISHED)
        .values_list("registration__person_id", "session_id")
        .distinct()
    )
    if not choices:
        return {}
    from notifications.models import PapersDigest

    people = {person_id for person_id, _session in choices}
    last = dict(
        PapersDigest.objects.filter(person_id__in=people)
        .order_by("person_id", "sent_at")
        .values_list("person_id", "sent_at")
    )
    done_today = set(PapersDigest.objects.filter(person_id__in=people, day=day).values_list("person_id", flat=True))
    papers = (
        Paper.objects.published()
        .filter(session_id__in={session for _person, session in choices}, published_at__gt=since, published_at__lte=now)
        .select_related("session")
        .order_by("session__code", "published_at")
    )
    by_session: dict[int, list] = {}
    for paper in papers:
        by_session.setdefault(paper.session_id, []).append(paper)
    from accounts.models import User

    persons = User.objects.in_bulk(people - done_today)
    plan: dict = {}
    for person_id, session_id in choices:
        person = persons.get(person_id)
        if person is None:
            continue
        start = max(since, last[person_id]) if person_id in last else since
        new = [paper for paper in by_session.get(session_id, []) if paper.published_at > start]
        if new:
            plan.setdefault(person, []).extend(new)
    return plan


# The daily digest of comments on papers -----------------------------------------------------------------------


def comment_digest_plan(now: dt.datetime) -> dict:
    """{person: [comments]} for today's comment digests: the comments written on the papers a person works on
    since their last digest (at most a day back), their own left out, in meetings not closed.

    Who: the paper's session team and its authors (roundtables.selectors.team_people, every team role, and the
    paper's authors), each kept only if the papers' own rule lets them read the comments
    (papers.comment_paper, the rule the workspace shows them by): the mail quotes the comments, so nobody reads
    in a digest what the portal would not show them. The Chair's office reads comments on the pages but is not
    the paper's team, so gets no digest. People who had today's digest or turned "paper_comments" off are left
    out. Comments written with a decision (a revision request, a rejection's reasons) are left out too: the
    paper's event mail already carried them. Queries: a few, plus one per session and two per person and
    session for the rule (a daily task, for the few papers commented on that day)."""
    from accounts.models import User
    from notifications.models import CommentDigest
    from papers.models import Comment, Paper
    from roundtables.selectors import TEAM_ROLES, team_people

    day, since = now.date(), now - dt.timedelta(days=1)
    comments = list(
        Comment.objects.filter(
            created_at__gt=since,
            created_at__lte=now,
            transition="",
            version__paper__session__meeting__closed_at__isnull=True,
        )
        .select_related("author", "version")
        .order_by("version__paper_id", "created_at", "pk")
    )
    if not comments:
        return {}
    papers = Paper.objects.filter(pk__in={c.version.paper_id for c in comments}).select_related("session__meeting")
    papers = {paper.pk: paper for paper in papers.prefetch_related("authors")}
    sessions = {paper.session_id: paper.session for paper in papers.values()}
    team = {
        session_id: set(team_people(session, roles=TEAM_ROLES).values_list("pk", flat=True))
        for session_id, session in sessions.items()
    }
    readers = {
        paper.pk: team[paper.session_id] | {author.pk for author in paper.authors.all()} for paper in papers.values()
    }
    people = set().union(*readers.values())
    off = set(OptOut.objects.filter(person_id__in=people, kind=PAPER_COMMENTS).values_list("person_id", flat=True))
    done_today = set(CommentDigest.objects.filter(person_id__in=people, day=day).values_list("person_id", flat=True))
    last = dict(
        CommentDigest.objects.filter(person_id__in=people)
        .order_by("person_id", "sent_at")
        .values_list("person_id", "sent_at")
    )
    persons = User.objects.filter(is_active=True).exclude(email="").in_bulk(people - off - done_today)
    plan: dict = {}
    for comment in comments:
        paper = papers[comment.version.paper_id]
        comment.paper = paper
        for person_id in sorted(readers[paper.pk]):
            person = persons.get(person_id)
            if person is None or comment.author_id == person_id:
                continue
            if comment.created_at <= last.get(person_id, since):
                continue  # in an earlier digest
            if not person.has_perm("papers.comment_paper", paper):
                continue
            plan.setdefault(person, []).append(comment)
    return plan
