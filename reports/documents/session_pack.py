"""A session's document pack: one zip with the session's published papers in the reader's language (the
translation when there is one, else the accepted version in the paper's own language), its entry in the
published programme, and a README saying what is inside and which papers are not in the language asked for.

Anyone may have it, signed in or not: it holds only what the public pages already offer. Its parameters
carry the state of what it holds (the programme's version and a digest of the session's published papers
and their translations), so one file per session, language and state serves every reader
(reports.services.session_pack_request), and a new paper or translation makes the next request build anew.

The zip is written entry by entry, each paper's file copied from storage in chunks: the worker never holds
more than a chunk of a paper, and the total is capped (reports.conf.pack_max_bytes)."""

import datetime as dt
import hashlib
import re
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.db.models import OuterRef
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gfmd import languages
from papers.models import Paper
from papers.selectors import published_papers_stamp
from reports import conf
from reports.documents.common import clean_id, clean_language, pdf_filename
from reports.registry import Renderer, ReportError, register
from roundtables.models import Meeting, ProgrammeRelease, Session
from roundtables.programme.published import Programme, PublishedSession

KIND = "session_pack"
PROGRAMME_ENTRY = "programme-entry.txt"
README = "README.txt"
# Copied from storage into the zip this many bytes at a time.
CHUNK = 1024 * 1024
# Zip entries carry a date; the pack's are fixed by what it holds (never the time it was made), so that the
# same papers and programme give the same bytes. A zip cannot date anything before 1980.
ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)


# Which session, and whether the public may see it ----------------------------------------------------------


def published_release(session: Session) -> ProgrammeRelease | None:
    """The latest programme release of the session's meeting if the public may see it and it lists the
    session (the rule of the public session page, roundtables.views.public); None otherwise."""
    meeting = session.meeting
    release = ProgrammeRelease.objects.latest_for(meeting)
    if release is None or not (meeting.is_current or meeting.status != Meeting.Status.PLANNING):
        return None
    if not any(item["id"] == session.pk for item in release.snapshot.get("sessions", [])):
        return None
    return release


def public_session(session_id) -> tuple[Session, ProgrammeRelease] | None:
    """The session and its published release, or None when the public may not see it (or it is unknown)."""
    session = Session.objects.select_related("meeting").filter(pk=session_id).first() if session_id else None
    if session is None:
        return None
    release = published_release(session)
    return (session, release) if release is not None else None


def papers_stamp(session: Session) -> str:
    """What the pack would hold of papers now, as a short digest: the session page's stamp of its published
    papers and their translations (papers.selectors.published_papers_stamp), in one query."""
    value = (
        Session.objects.filter(pk=session.pk)
        .annotate(stamp=published_papers_stamp(session.pk, OuterRef("meeting_id")))
        .values_list("stamp", flat=True)
        .first()
    )
    return hashlib.sha256(str(value or "").encode()).hexdigest()[:16]


def pack_params(session: Session, release: ProgrammeRelease, language: str) -> dict:
    return {
        "session": session.pk,
        "meeting": session.meeting_id,
        "language": language,
        "release": release.version,
        "papers": papers_stamp(session),
    }


def clean_params(raw: dict) -> dict:
    """{"session", "meeting", "language", "release", "papers"}: the state is read now, whatever the request
    said, so a request can neither name a stale state nor make up one."""
    session_id = clean_id(raw, "session")
    found = public_session(session_id)
    if found is None:
        raise ValidationError(gettext("This session is not in the published programme."), code="invalid")
    return pack_params(*found, clean_language(raw))


def can_access(user, params: dict) -> bool:
    """Public: anyone, signed in or not, for a session of the published programme."""
    return public_session(params.get("session")) is not None


# What goes in ----------------------------------------------------------------------------------------------


@dataclass
class Entry:
    """One paper's file in the pack."""

    paper: Paper
    stored: object  # papers.models.Version or Translation
    name: str
    language: str
    translated: bool  # the file is a translation into the language asked for

    @property
    def fell_back(self) -> bool:
        return self.language != self.pack_language

    pack_language: str = ""


def published_papers(session_id: int) -> list[Paper]:
    return list(
        Paper.objects.published()
        .filter(session_id=session_id, accepted_version__isnull=False)
        .select_related("accepted_version", "session")
        .prefetch_related("translations")
        .order_by("kind", "published_at", "pk")
    )


_UNSAFE = re.compile(r"[^\w\s.,;'()&+\-]", re.UNICODE)


def entry_name(code: str, title: str, extension: str, taken: set[str]) -> str:
    """`<code> - <title>.<ext>`, safe as a file name on every system: letters (any script), digits, spaces
    and a little punctuation; no folder separators, no control characters, no runs of dots, nothing
    leading or trailing a name cannot; at most 120 characters before the extension. Two papers with the
    same title get " (2)", " (3)"... The extension is the one the papers' validators recognised."""
    stem = unicodedata.normalize("NFC", f"{code} - {title}")
    stem = _UNSAFE.sub(" ", stem.replace("_", " "))
    stem = re.sub(r"\.{2,}", ".", stem)
    stem = re.sub(r"\s+", " ", stem).strip(" .-")[:120].strip(" .-") or "paper"
    name, number = f"{stem}.{extension}", 1
    while name.casefold() in taken:
        number += 1
        name = f"{stem} ({number}).{extension}"
    taken.add(name.casefold())
    return name


def pack_entries(params: dict) -> list[Entry]:
    """Each published paper's file in the pack's language: its translation if there is one, the accepted
    version when the paper is written in that language or has no translation into it."""
    language = params["language"]
    taken = {PROGRAMME_ENTRY.casefold(), README.casefold()}
    entries = []
    with translation.override(language):
        for paper in published_papers(params["session"]):
            translated = next((t for t in paper.translations.all() if t.language == language), None)
            if paper.language == language or translated is None:
                stored, file_language = paper.accepted_version, paper.language
            else:
                stored, file_language = translated, language
            entries.append(
                Entry(
                    paper=paper,
                    stored=stored,
                    name=entry_name(paper.session.code, paper.title, stored.extension, taken),
                    language=file_language,
                    translated=stored is translated,
                    pack_language=language,
                )
            )
    return entries


def _too_large_message(total: int) -> str:
    return gettext(
        "The papers of this session together (%(size)s) are larger than a pack may hold (%(limit)s). "
        "Download them one by one from the session's page."
    ) % {"size": filesizeformat(total), "limit": filesizeformat(conf.pack_max_bytes())}


def unavailable(params: dict) -> str | None:
    if public_session(params.get("session")) is None:
        return gettext("This session is not in the published programme.")
    entries = pack_entries({"session": params["session"], "language": params.get("language") or "en"})
    if not entries:
        return gettext("No paper of this session has been published yet.")
    total = sum(entry.stored.size for entry in entries)
    if total > conf.pack_max_bytes():
        return _too_large_message(total)
    return None


# The texts ---------------------------------------------------------------------------------------------------


def _name(person) -> str:
    """A published person (name and organisation) or a delegation's name (a string)."""
    if isinstance(person, str):
        return person
    return f"{person.name} ({person.organisation})" if person.organisation else person.name


def _people(label: str, people) -> list[str]:
    names = [_name(person) for person in people]
    return [f"{label}: {', '.join(names)}"] if names else []


def programme_entry(programme: Programme, item: PublishedSession) -> str:
    """The session's entry in the published programme, in the active language, as plain text."""
    meeting = programme.meeting
    lines = [meeting.title, "", f"{item.code} {item.title}"]
    if item.roundtable is not None:
        roundtable = item.roundtable
        words = {"number": roundtable.number, "title": roundtable.title}
        lines.append(gettext("Roundtable %(number)s: %(title)s") % words)
    else:
        lines.append(str(item.kind_label))
    lines.append("")
    when = programme.span(item) if item.starts_at else gettext("Time to be announced")
    lines.append(f"{gettext('When')}: {when}")
    if item.room:
        place = f"{item.room}, {meeting.venue}" if meeting.venue else item.room
        lines.append(f"{gettext('Where')}: {place}")
    if item.heads_only:
        lines.append(gettext("Heads of delegation only"))
    team = [
        *_people(gettext("Co-chairs"), item.co_chairs),
        *_people(gettext("Team members"), item.members),
        *_people(gettext("Moderator"), item.moderators),
        *_people(gettext("Rapporteur"), item.rapporteurs),
        *_people(gettext("Background paper authors"), item.authors),
        *_people(gettext("Speakers"), item.speakers),
    ]
    if team:
        lines += ["", gettext("The session's team"), *team]
    if item.description:
        lines += ["", gettext("About this session"), item.description]
    release = programme.release
    lines += [
        "",
        gettext("From the programme published on %(date)s (version %(version)s).")
        % {"date": programme.local(release.published_at).strftime("%Y-%m-%d"), "version": release.version},
    ]
    return "\n".join(lines) + "\n"


def readme(params: dict, programme: Programme, item: PublishedSession, entries: list[Entry]) -> str:
    language_name = str(languages.NAMES[params["language"]])
    lines = [
        gettext("Document pack of session %(code)s: %(title)s") % {"code": item.code, "title": item.title},
        programme.meeting.title,
        gettext("Language asked for: %(language)s") % {"language": language_name},
        "",
        gettext("What is inside:"),
        f"- {PROGRAMME_ENTRY}: " + gettext("the session's entry in the published programme"),
    ]
    for entry in entries:
        kind = entry.paper.get_kind_display()
        lines.append(f"- {entry.name}: {kind}, {languages.NAMES.get(entry.language, entry.language)}")
    fallen = [entry for entry in entries if entry.fell_back]
    if fallen:
        lines += [
            "",
            gettext("Not available in %(language)s, so in the language they were written in:")
            % {"language": language_name},
        ]
        lines += [f"- {entry.name}" for entry in fallen]
    lines += [
        "",
        gettext("Only published papers are included. The latest versions are on the session's page of the portal."),
    ]
    return "\n".join(lines) + "\n"


# The zip -------------------------------------------------------------------------------------------------------


def _zip_info(name: str, when: dt.datetime | None, *, compress: bool) -> zipfile.ZipInfo:
    moment = max(when or ZIP_EPOCH, ZIP_EPOCH).astimezone(dt.UTC)
    info = zipfile.ZipInfo(name, date_time=moment.timetuple()[:6])
    # PDF, DOCX and ODT are compressed already: stored as they are; the texts are deflated.
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    return info


def write(params: dict, target: BinaryIO, progress: Callable[[int], None]) -> None:
    """Write the pack to `target`. Deterministic: the same papers, translations and programme version
    give the same bytes. Fails with a message for the reader past the size cap, counted on the bytes
    actually copied (a stored size could be wrong)."""
    found = public_session(params["session"])
    if found is None:
        raise ReportError(gettext("This session is not in the published programme."))
    session, _release = found
    release = ProgrammeRelease.objects.filter(meeting_id=session.meeting_id, version=params["release"]).first()
    if release is None:
        raise ReportError(gettext("This version of the programme no longer exists."))
    with translation.override(params["language"]):
        programme = Programme(release)
        item = programme.session(session.pk)
        if item is None:
            raise ReportError(gettext("This session is not in the published programme."))
        entries = pack_entries(params)
        if not entries:
            raise ReportError(gettext("No paper of this session has been published yet."))
        limit = conf.pack_max_bytes()
        total = sum(entry.stored.size for entry in entries)
        if total > limit:
            raise ReportError(_too_large_message(total))
        progress(5)
        written, shown = 0, 5
        with zipfile.ZipFile(target, "w") as archive:
            archive.writestr(
                _zip_info(README, release.published_at, compress=True), readme(params, programme, item, entries)
            )
            archive.writestr(
                _zip_info(PROGRAMME_ENTRY, release.published_at, compress=True), programme_entry(programme, item)
            )
            for entry in entries:
                info = _zip_info(entry.name, entry.paper.published_at, compress=False)
                with entry.stored.file.open("rb") as source, archive.open(info, "w") as sink:
                    while chunk := source.read(CHUNK):
                        written += len(chunk)
                        if written > limit:
                            raise ReportError(_too_large_message(written))
                        sink.write(chunk)
                        percent = 5 + 90 * written // max(total, 1)
                        if percent > shown:  # one update of the row per percent, not per chunk
                            progress(percent)
                            shown = percent
    progress(99)


def filename(params: dict) -> str:
    session = Session.objects.select_related("meeting").filter(pk=params["session"]).first()
    words = (session.meeting.number, "session", session.code) if session else ("session", params["session"])
    return pdf_filename(*words, "papers", params.get("language", "")).removesuffix(".pdf") + ".zip"


def title(params: dict) -> str:
    session = Session.objects.filter(pk=params.get("session")).first()
    if session is None:
        return str(_("Session document pack"))
    return gettext("Document pack of session %(code)s: %(title)s") % {"code": session.code, "title": session.title}


def _no_pages(params):
    raise AssertionError("A session pack is written as a zip, never laid out as a PDF.")  # pragma: no cover
    yield  # a generator, like every build()


register(
    Renderer(
        kind=KIND,
        label=_("Session document pack"),
        description=_("The session's published papers in one language, with its programme entry (a zip)."),
        can_access=can_access,
        build=_no_pages,
        write=write,
        filename=filename,
        clean_params=clean_params,
        unavailable=unavailable,
        title=title,
        content_type="application/zip",
        extension="zip",
        order=900,
    )
)
