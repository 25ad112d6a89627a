"""Storing paper files: checked first, stored under a generated name through the storage API,
and removed again if the row that records them is not saved."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from activity.services import activity_log
from papers.filenames import clean_original_name, storage_name
from papers.models import FILE_FORMATS, Paper, StoredFile, Translation, Version
from papers.services.rules import check_who
from papers.validators import InspectedDocument, inspect_document
from roundtables.editions import ensure_open


def inspect_upload(file, *, field: str = "file") -> InspectedDocument:
    """The file's format, size and checksum, or a ValidationError bound to the form field."""
    if file is None:
        raise ValidationError({field: _("Choose a file to upload.")}, code="required")
    try:
        return inspect_document(file)
    except ValidationError as exc:
        raise ValidationError({field: exc.error_list}) from exc


# Files written inside the current `files_kept_only_if_saved()` block.
_written: ContextVar[list | None] = ContextVar("papers_written_files", default=None)


@contextmanager
def files_kept_only_if_saved():
    """Around a transaction that stores files: if anything in the block fails, the files it
    wrote are deleted again, so a refused or failed upload leaves neither row nor file."""
    written: list = []
    token = _written.set(written)
    try:
        yield
    except BaseException:
        for storage, name in written:
            storage.delete(name)
        raise
    finally:
        _written.reset(token)


def _store(row: StoredFile, *, file, inspected: InspectedDocument) -> None:
    """Write the file under a generated name, then the row."""
    written = _written.get()
    if written is None:
        raise RuntimeError("Store paper files inside files_kept_only_if_saved().")
    row.file_format = inspected.file_format
    row.size = inspected.size
    row.sha256 = inspected.sha256
    row.original_name = clean_original_name(getattr(file, "name", ""))
    file.seek(0)
    row.file.save(storage_name(FILE_FORMATS[inspected.file_format][1]), file, save=False)
    written.append((row.file.storage, row.file.name))
    row.save()


def version_store(*, paper: Paper, actor, file, inspected: InspectedDocument, note: str = "") -> Version:
    """Record a checked file as the paper's next version (no permission check: callers do it)."""
    number = (paper.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = Version(paper=paper, number=number, note=(note or "").strip(), uploaded_by=actor)
    _store(version, file=file, inspected=inspected)
    activity_log(
        actor=actor,
        action="papers.version.uploaded",
        obj=paper,
        meeting=paper.session.meeting,
        data={"version": number, "size": inspected.size, "sha256": inspected.sha256},
    )
    return version


def version_upload(*, paper: Paper, actor, file, note: str = "") -> Version:
    """A new version from the team while the paper is a draft or sent back for revision."""
    check_who(actor, "papers.change_paper", paper)
    inspected = inspect_upload(file)
    with files_kept_only_if_saved(), transaction.atomic():
        paper = Paper.objects.select_for_update().select_related("session__meeting").get(pk=paper.pk)
        ensure_open(paper.session.meeting, actor)
        if not actor.has_perm("papers.change_paper", paper):  # the person may, the paper's state says no
            raise ValidationError(
                {
                    "file": _(
                        "New versions can be uploaded while the paper is a draft or sent back for revision; "
                        "it is “%(state)s”."
                    )
                    % {"state": paper.get_state_display()}
                },
                code="wrong_state",
            )
        return version_store(paper=paper, actor=actor, file=file, inspected=inspected, note=note)


def translation_upload(*, paper: Paper, actor, language: str, file) -> Translation:
    """Add (or replace) the paper's version in another language, once the paper is accepted."""
    check_who(actor, "papers.add_translation", paper)
    if language == paper.language:
        raise ValidationError(
            {"language": _("The paper itself is in this language; choose another one.")}, code="same_language"
        )
    inspected = inspect_upload(file)
    with files_kept_only_if_saved(), transaction.atomic():
        paper = Paper.objects.select_for_update().select_related("session__meeting").get(pk=paper.pk)
        ensure_open(paper.session.meeting, actor)
        if not actor.has_perm("papers.add_translation", paper):  # the person may, the paper's state says no
            raise ValidationError({"file": _("Translations are added once the paper is accepted.")}, code="wrong_state")
        previous = Translation.objects.select_for_update().filter(paper=paper, language=language).first()
        old_name = previous.file.name if previous else None
        translation = previous or Translation(paper=paper, language=language)
        translation.uploaded_by = actor
        _store(translation, file=file, inspected=inspected)
        if old_name:
            storage = translation.file.storage
            transaction.on_commit(lambda: storage.delete(old_name))
        activity_log(
            actor=actor,
            action="papers.translation.replaced" if previous else "papers.translation.uploaded",
            obj=paper,
            meeting=paper.session.meeting,
            data={"language": language, "size": inspected.size, "sha256": inspected.sha256},
        )
    return translation
