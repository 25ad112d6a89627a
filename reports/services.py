"""Every write of the reports app: requesting a document, the job's state transitions, clean-up."""

import hashlib
import json
import logging
import tempfile
from datetime import timedelta
from functools import partial

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from activity.services import activity_log
from outcomes.models import Outcome, OutcomeSection
from reports import conf
from reports.models import GeneratedFile, GeneratedPart
from reports.registry import ReportError, get_renderer
from reports.rendering import Deadline, ReportTimeout, merge_pdfs, render_part, render_parts
from reports.throttle import report_request_throttle

logger = logging.getLogger(__name__)

TIMEOUT_MESSAGE = _(
    "The document took longer than the time limit and was stopped. Try again later; if it fails "
    "again, ask the portal's technical team to raise the limit."
)
STALE_MESSAGE = _("The document was not produced in time (the worker stopped or is not running). Try again.")
CANCELLED_MESSAGE = _("The job was stopped before it finished.")
# The kind of a session's document pack (reports.documents.session_pack).
SESSION_PACK = "session_pack"
# A queued job nobody picked up in this time is considered lost (no worker running).
QUEUED_TOO_LONG = 30 * 60


class JobGone(Exception):
    """The row was deleted or no longer running (marked failed by the stale sweep)."""


def request_key(kind: str, params: dict) -> str:
    payload = json.dumps([kind, params], sort_keys=True, separators=(",", ":"), cls=DjangoJSONEncoder)
    return hashlib.sha256(payload.encode()).hexdigest()


def request_report(*, kind: str, params: dict, user) -> GeneratedFile:
    """Ask for a document. Returns the queued or running job of the same request if there is one
    (whoever started it); otherwise creates a row and sends the task once the transaction commits.

    Raises ValidationError for bad parameters, PermissionDenied if the user may not see the
    content, ReportError with the renderer's reason if the document cannot be produced now (the
    reports page disables its offer for the same reason), ReportThrottled if the user asked for
    too many documents lately."""
    from reports.tasks import generate_report_task

    # A read of the meeting's record: a closed meeting's documents may still be asked for (no ensure_open);
    # the job and file rows are the portal's, not the meeting's data.
    renderer = get_renderer(kind)
    params = renderer.clean_params(params)
    if not user.is_authenticated or not renderer.can_access(user, params):
        raise PermissionDenied
    reason = renderer.unavailable(params)
    if reason:
        raise ReportError(reason)
    report_request_throttle(user)
    key = request_key(kind, params)
    _fail_stale_jobs(key)
    for _attempt in range(3):
        running = GeneratedFile.objects.active().filter(request_key=key).first()
        if running is not None:
            return running
        try:
            with transaction.atomic():
                generated = GeneratedFile.objects.create(
                    kind=kind, parameters=params, request_key=key, requested_by=user
                )
                activity_log(
                    actor=user, action="reports.file.requested", obj=generated, data={"kind": kind, "params": params}
                )
                transaction.on_commit(partial(generate_report_task.delay, generated.pk))
            return generated
        except IntegrityError:
            # Someone asked for the same document at the same moment: follow their job.
            continue
    raise ReportError(gettext("The document could not be requested; try again."))


def _fail_stale_jobs(key: str) -> None:
    now = timezone.now()
    lost_queued = now - timedelta(seconds=QUEUED_TOO_LONG)
    lost_running = now - timedelta(seconds=conf.time_limit() + 60)
    GeneratedFile.objects.filter(request_key=key, state=GeneratedFile.State.QUEUED, created_at__lt=lost_queued).update(
        state=GeneratedFile.State.FAILED, error=str(STALE_MESSAGE), finished_at=now
    )
    GeneratedFile.objects.filter(
        request_key=key, state=GeneratedFile.State.RUNNING, started_at__lt=lost_running
    ).update(state=GeneratedFile.State.FAILED, error=str(STALE_MESSAGE), finished_at=now)


def report_retry(*, generated_file: GeneratedFile, user) -> GeneratedFile:
    """Ask again for a failed document (a new job, so the failure stays on record)."""
    if generated_file.state != GeneratedFile.State.FAILED:
        return generated_file
    return request_report(kind=generated_file.kind, params=generated_file.parameters, user=user)


def worker_lost_message() -> str:
    return ngettext(
        "The worker producing this document stopped before finishing, %(count)s time, so it was not "
        "tried again (the document may be too large for the worker's memory). Ask the portal's "
        "technical team to look at the worker's log before trying again.",
        "The worker producing this document stopped before finishing, %(count)s times, so it was not "
        "tried again (the document may be too large for the worker's memory). Ask the portal's "
        "technical team to look at the worker's log before trying again.",
        GeneratedFile.MAX_ATTEMPTS,
    ) % {"count": GeneratedFile.MAX_ATTEMPTS}


def report_start(*, file_id: int) -> GeneratedFile | None:
    """queued -> running, counting the attempt. A redelivered task (its worker died) finds the
    row running and starts it again, at most MAX_ATTEMPTS times in all; the delivery after the
    last attempt marks it failed instead, so a document that kills its worker never loops. A
    finished or failed row is left alone."""
    with transaction.atomic():
        generated = GeneratedFile.objects.select_for_update().filter(pk=file_id).first()
        if generated is None or not generated.is_active:
            return None
        if generated.attempts >= GeneratedFile.MAX_ATTEMPTS:
            _mark_failed(generated, worker_lost_message())
            return None
        generated.state = GeneratedFile.State.RUNNING
        generated.progress = 1
        generated.attempts += 1
        generated.started_at = timezone.now()
        generated.save(update_fields=["state", "progress", "attempts", "started_at"])
    return generated


def report_progress(*, file_id: int, percent: int) -> None:
    updated = GeneratedFile.objects.filter(pk=file_id, state=GeneratedFile.State.RUNNING).update(
        progress=max(1, min(99, int(percent)))
    )
    if not updated:
        raise JobGone


def report_finish(*, file_id: int, content: File, filename: str, page_count: int | None) -> GeneratedFile | None:
    """running -> done, with the file stored in the default storage."""
    with transaction.atomic():
        generated = GeneratedFile.objects.select_for_update().filter(pk=file_id).first()
        if generated is None or generated.state != GeneratedFile.State.RUNNING:
            return generated
        generated.file.save(filename, content, save=False)
        generated.filename = filename
        generated.page_count = page_count
        generated.state = GeneratedFile.State.DONE
        generated.progress = 100
        generated.error = ""
        generated.finished_at = timezone.now()
        generated.expires_at = generated.finished_at + conf.keep_for()
        generated.save()
    return generated


def _mark_failed(generated: GeneratedFile, error: str) -> None:
    """The failed state and its log entry; the caller holds the row's lock."""
    generated.state = GeneratedFile.State.FAILED
    generated.error = str(error)[:2000]
    generated.finished_at = timezone.now()
    generated.save(update_fields=["state", "error", "finished_at"])
    activity_log(
        actor=None,
        action="reports.file.failed",
        obj=generated,
        data={"kind": generated.kind, "error": generated.error, "attempts": generated.attempts},
    )


def report_fail(*, file_id: int, error: str) -> GeneratedFile | None:
    """queued/running -> failed, with a message the person who asked can read."""
    with transaction.atomic():
        generated = GeneratedFile.objects.select_for_update().filter(pk=file_id).first()
        if generated is None or not generated.is_active:
            return generated
        _mark_failed(generated, error)
    return generated


def reports_sweep_stalled() -> int:
    """Fail the jobs nobody is producing any more: queued for longer than QUEUED_TOO_LONG (no
    worker running), or running past the hard time limit (the worker died and the task was not
    delivered again). Returns how many. Meant for a periodic task; the request of the same
    document does the same for its own key."""
    now = timezone.now()
    stalled = GeneratedFile.objects.filter(
        Q(state=GeneratedFile.State.QUEUED, created_at__lt=now - timedelta(seconds=QUEUED_TOO_LONG))
        | Q(state=GeneratedFile.State.RUNNING, started_at__lt=now - timedelta(seconds=conf.time_limit() + 60))
    )
    count = 0
    for file_id in stalled.values_list("pk", flat=True):
        with transaction.atomic():
            generated = GeneratedFile.objects.select_for_update().filter(pk=file_id).first()
            if generated is None or not generated.is_active:
                continue
            language = generated.parameters.get("language") or settings.LANGUAGE_CODE
            with translation.override(language):
                exhausted = generated.attempts >= GeneratedFile.MAX_ATTEMPTS
                _mark_failed(generated, worker_lost_message() if exhausted else str(STALE_MESSAGE))
            count += 1
    return count


def _document_language(file_id: int) -> str:
    return (
        GeneratedFile.objects.filter(pk=file_id).values_list("parameters__language", flat=True).first()
        or settings.LANGUAGE_CODE
    )


def _fail_for(file_id: int, kind: str, error: BaseException) -> GeneratedFile | None:
    """Record why rendering stopped, in words the person who asked can read."""
    if isinstance(error, JobGone):
        return report_fail(file_id=file_id, error=str(CANCELLED_MESSAGE))
    if isinstance(error, ReportTimeout | SoftTimeLimitExceeded):
        return report_fail(file_id=file_id, error=str(TIMEOUT_MESSAGE))
    if isinstance(error, ReportError):
        return report_fail(file_id=file_id, error=str(error))
    logger.error("Report %s (%s) failed", file_id, kind, exc_info=error)
    message = gettext(
        "The document could not be produced because of an unexpected error (%(error)s). "
        "The technical team can find the details in the worker's log. Try again."
    ) % {"error": type(error).__name__}
    return report_fail(file_id=file_id, error=message)


def report_generate(*, file_id: int) -> GeneratedFile | None:
    """The task's work: render the document with a time limit, store it, or record why not. A
    document of several parts whose renderer can build them apart (badges) is split instead, and
    its parts rendered in parallel (report_split)."""
    with translation.override(_document_language(file_id)):
        # Started in the document's language: a refusal after the last attempt is written in it.
        generated = report_start(file_id=file_id)
        if generated is None:
            return None
        renderer = get_renderer(generated.kind)
        params = generated.parameters
        reason = renderer.unavailable(params)
        if reason:  # things changed since the request (an outcome unpublished, a participant withdrawn)
            return report_fail(file_id=file_id, error=reason)
        try:
            if renderer.write is not None:
                return _write_file(file_id, renderer, params)
            if renderer.renders_in_parallel and conf.parallel_parts() and renderer.part_count(params) > 1:
                return report_split(generated=generated, renderer=renderer)
            with tempfile.SpooledTemporaryFile(max_size=32 * 1024 * 1024) as target:
                pages = render_parts(
                    renderer.build(params),
                    target,
                    part_count=renderer.part_count(params),
                    progress=lambda percent: report_progress(file_id=file_id, percent=percent),
                    time_limit=conf.time_limit(),
                )
                target.seek(0)
                filename = renderer.filename(params)
                return report_finish(
                    file_id=file_id, content=File(target, name=filename), filename=filename, page_count=pages
                )
        except Exception as error:  # recorded on the row for the person who asked, and logged in full
            return _fail_for(file_id, generated.kind, error)


def _write_file(file_id: int, renderer, params: dict) -> GeneratedFile | None:
    """A file the renderer writes itself (a zip of stored files), spooled to disk past 32 MB, with the
    same time limit and progress as a PDF's."""
    deadline = Deadline(conf.time_limit())

    def progress(percent: int) -> None:
        deadline.check()
        report_progress(file_id=file_id, percent=percent)

    with tempfile.SpooledTemporaryFile(max_size=32 * 1024 * 1024) as target:
        pages = renderer.write(params, target, progress)
        target.seek(0)
        filename = renderer.filename(params)
        return report_finish(file_id=file_id, content=File(target, name=filename), filename=filename, page_count=pages)


# Rendering in parallel: a Celery group of part tasks, then one merge --------------------------

# The progress shown while the parts are merged: parts done go from 5 to 90.
MERGING_PROGRESS = 95


def report_split(*, generated: GeneratedFile, renderer) -> GeneratedFile:
    """Split a running job into parts (their items fixed now) and send one task per part not yet
    done, as a Celery group: the worker's processes render them side by side, and the task that
    finishes the last part sends the merge. A job delivered again after its worker died keeps the
    parts it has (the same items, the finished ones not rendered again)."""
    from celery import group

    from reports.tasks import merge_report_parts_task, render_report_part_task

    with transaction.atomic():
        locked = GeneratedFile.objects.select_for_update().filter(pk=generated.pk).first()
        if locked is None or locked.state != GeneratedFile.State.RUNNING:
            return locked
        if not locked.parts.exists():
            GeneratedPart.objects.bulk_create(
                GeneratedPart(generated_file=locked, index=index, items=items)
                for index, items in enumerate(renderer.split(locked.parameters))
            )
            locked.progress = 5
            locked.save(update_fields=["progress"])
        pending = list(locked.parts.exclude(state=GeneratedPart.State.DONE).values_list("index", flat=True))
        if pending:
            tasks = group(render_report_part_task.s(locked.pk, index) for index in pending)
            transaction.on_commit(tasks.apply_async)
        else:
            transaction.on_commit(partial(merge_report_parts_task.delay, locked.pk))
    return locked


def report_part_render(*, file_id: int, index: int) -> GeneratedPart | None:
    """A part task's work: render one part to its own PDF, then count it done. A part already done
    (the task delivered again) is not rendered again; a part whose worker died MAX_ATTEMPTS times
    fails the whole job, as report_start does for a document in one piece."""
    with translation.override(_document_language(file_id)):
        with transaction.atomic():
            part = (
                GeneratedPart.objects.select_for_update()
                .select_related("generated_file")
                .filter(generated_file_id=file_id, index=index)
                .first()
            )
            if part is None or part.generated_file.state != GeneratedFile.State.RUNNING:
                return None
            generated = part.generated_file
            if part.state != GeneratedPart.State.DONE:
                if part.attempts >= GeneratedFile.MAX_ATTEMPTS:
                    report_fail(file_id=file_id, error=worker_lost_message())
                    return None
                part.state = GeneratedPart.State.RUNNING
                part.attempts += 1
                part.save(update_fields=["state", "attempts"])
        if part.state != GeneratedPart.State.DONE:
            try:
                _render_one_part(part, generated)
            except Exception as error:
                _fail_for(file_id, generated.kind, error)
                return None
        _count_part_done(file_id)
    return part


def _render_one_part(part: GeneratedPart, generated: GeneratedFile) -> None:
    renderer = get_renderer(generated.kind)
    built = renderer.build_part(generated.parameters, part.items)
    content, pages = None, 0
    if built is not None:
        buffer = tempfile.SpooledTemporaryFile(max_size=32 * 1024 * 1024)  # noqa: SIM115  (closed below)
        try:
            pages = render_part(built.html, buffer, images=built.images)
            buffer.seek(0)
            content = ContentFile(buffer.read())
        finally:
            buffer.close()
    with transaction.atomic():
        locked = GeneratedPart.objects.select_for_update().filter(pk=part.pk).first()
        if locked is None or locked.state == GeneratedPart.State.DONE:
            return
        if content is not None:
            locked.file.save(f"gfmd-{generated.pk}-part-{part.index + 1}.pdf", content, save=False)
        locked.page_count = pages
        locked.state = GeneratedPart.State.DONE
        locked.finished_at = timezone.now()
        locked.save()
    part.state = GeneratedPart.State.DONE


def _count_part_done(file_id: int) -> None:
    """Progress from the parts done; the part that completes the set sends the merge, once: under
    the job's lock, the first to see every part done moves the progress to MERGING_PROGRESS, and the
    others see it there. (Should its worker die between the commit and the send, the stalled-job
    sweep fails the job, and asking again starts afresh.)"""
    from reports.tasks import merge_report_parts_task

    with transaction.atomic():
        generated = GeneratedFile.objects.select_for_update().filter(pk=file_id).first()
        if generated is None or generated.state != GeneratedFile.State.RUNNING:
            return
        if generated.progress >= MERGING_PROGRESS:
            return
        done, total = part_counts(generated)
        generated.progress = MERGING_PROGRESS if done == total else max(generated.progress, 5 + 85 * done // total)
        generated.save(update_fields=["progress"])
        if done == total:
            transaction.on_commit(partial(merge_report_parts_task.delay, file_id))


def part_counts(generated: GeneratedFile) -> tuple[int, int]:
    """(parts done, parts) of a job rendered in parallel, in one query; (0, 0) for one in one piece."""
    from django.db.models import Count

    counts = generated.parts.aggregate(total=Count("pk"), done=Count("pk", filter=Q(state=GeneratedPart.State.DONE)))
    return counts["done"], counts["total"]


def report_parts_merge(*, file_id: int) -> GeneratedFile | None:
    """The merge task's work: join the parts' PDFs in their order into the job's file, then delete
    the parts. Delivered twice, the second finds the job done and does nothing."""
    generated = GeneratedFile.objects.filter(pk=file_id, state=GeneratedFile.State.RUNNING).first()
    if generated is None:
        return None
    parts = list(generated.parts.order_by("index"))
    if not parts or any(part.state != GeneratedPart.State.DONE for part in parts):
        return None
    with translation.override(_document_language(file_id)):
        sources = [part.file.open("rb") for part in parts if part.file]
        try:
            if not sources:
                return report_fail(file_id=file_id, error=gettext("There is nothing to put in this document."))
            with tempfile.SpooledTemporaryFile(max_size=32 * 1024 * 1024) as target:
                merge_pdfs(sources, target)
                target.seek(0)
                filename = get_renderer(generated.kind).filename(generated.parameters)
                finished = report_finish(
                    file_id=file_id,
                    content=File(target, name=filename),
                    filename=filename,
                    page_count=sum(part.page_count or 0 for part in parts),
                )
        except Exception as error:
            return _fail_for(file_id, generated.kind, error)
        finally:
            for source in sources:
                source.close()
    _delete_parts(GeneratedPart.objects.filter(generated_file_id=file_id))
    return finished


def _delete_parts(parts) -> int:
    count = 0
    for part in parts:
        if part.file:
            part.file.delete(save=False)
        part.delete()
        count += 1
    return count


def report_download_log(*, generated_file: GeneratedFile, user) -> None:
    """Who downloaded which document (lists of participants hold personal data)."""
    activity_log(actor=user, action="reports.file.downloaded", obj=generated_file, data={"kind": generated_file.kind})


def reports_purge_expired() -> int:
    """Delete the files of expired documents (the rows stay, as a record), and the parts left by
    jobs that failed while rendering in parallel. Returns how many files."""
    count = _delete_parts(GeneratedPart.objects.exclude(generated_file__state__in=GeneratedFile.ACTIVE_STATES))
    for generated in GeneratedFile.objects.filter(expires_at__lte=timezone.now()).exclude(file=""):
        generated.file.delete(save=False)
        generated.save(update_fields=["file"])
        count += 1
    return count


# The public report of the proceedings ---------------------------------------------------------

# After a public job failed, visitors wait this long before another is started for the same content.
PUBLIC_RETRY_PAUSE = timedelta(minutes=10)


def published_outcomes_stamp(meeting, language: str | None = None) -> str:
    """What the proceedings of a meeting hold now, as a short digest: its published outcomes and when
    each was published, and, for `language`, which of their sections' texts in it are published.
    Publishing, unpublishing or republishing an outcome changes it; so does publishing a translation
    into `language` (and only into it: the English file stays when the French translation is published)."""
    published = Outcome.objects.filter(session__meeting=meeting, state=Outcome.State.PUBLISHED).order_by("session_id")
    payload = ",".join(
        f"{session}:{when.isoformat()}" for session, when in published.values_list("session_id", "published_at")
    )
    if language is not None:
        texts = (
            OutcomeSection.objects.filter(outcome__in=published, language=language, published_revision__isnull=False)
            .order_by("outcome_id", "kind")
            .values_list("outcome_id", "kind", "published_revision_id")
        )
        payload += ";" + ",".join(f"{outcome}:{kind}:{revision}" for outcome, kind, revision in texts)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def public_proceedings(*, meeting, language: str) -> GeneratedFile | None:
    """The report of the proceedings for the public archive: the file produced for the meeting's
    published outcomes as they are now, in `language`, or the job producing it. None when nothing is
    published (the caller answers 404). The caller checks that the meeting is public.

    Anonymous visitors cannot make unbounded work: the parameters carry the published outcomes'
    stamp, so there is one request key per meeting, language and state of its outcomes in that
    language; a job is started only when that key has no file, no job under way, and no failure in
    the last PUBLIC_RETRY_PAUSE. So at most one job per (meeting, language) each time an outcome or
    a translation into that language is published or the file expires (REPORTS_KEEP_DAYS), whoever
    visits. A French request never gets the English file: the language is part of the key."""
    from reports.documents.outcomes import meeting_unavailable
    from reports.tasks import generate_report_task

    params = {"meeting": meeting.pk, "language": language, "published": published_outcomes_stamp(meeting, language)}
    if meeting_unavailable(params):
        return None
    key = request_key("proceedings", params)
    _fail_stale_jobs(key)
    for _attempt in range(3):
        same = GeneratedFile.objects.filter(request_key=key)
        found = (
            same.downloadable().order_by("-finished_at").first()
            or same.active().first()
            or same.filter(state=GeneratedFile.State.FAILED, finished_at__gt=timezone.now() - PUBLIC_RETRY_PAUSE)
            .order_by("-finished_at")
            .first()
        )
        if found is not None:
            return found
        try:
            with transaction.atomic():
                generated = GeneratedFile.objects.create(kind="proceedings", parameters=params, request_key=key)
                activity_log(
                    actor=None,
                    action="reports.file.requested",
                    obj=generated,
                    meeting=meeting,
                    data={"kind": "proceedings", "params": params, "public": True},
                )
                transaction.on_commit(partial(generate_report_task.delay, generated.pk))
            return generated
        except IntegrityError:
            continue  # another visitor started it at the same moment: follow theirs
    raise ReportError(gettext("The document could not be requested; try again."))


# A session's document pack, for anyone ------------------------------------------------------------------


def session_pack_params(*, session_id, language: str) -> dict:
    """The pack's parameters now (its session, language, the programme's version and its papers' stamp).
    Raises ValidationError when the session is not in the published programme (the views answer 404)."""
    return get_renderer(SESSION_PACK).clean_params({"session": session_id, "language": language})


def session_pack_current(params: dict) -> GeneratedFile | None:
    """The pack of these parameters to show: the file made for them, else the job making it, else the last
    one that failed (to say so); None when nobody asked for it yet."""
    key = request_key(SESSION_PACK, params)
    _fail_stale_jobs(key)
    same = GeneratedFile.objects.filter(request_key=key)
    return (
        same.downloadable().order_by("-finished_at").first()
        or same.active().first()
        or same.filter(state=GeneratedFile.State.FAILED).order_by("-finished_at", "-pk").first()
    )


def session_pack_request(*, session_id, language: str, user, client: str = "") -> GeneratedFile:
    """Ask for a session's document pack: anyone may, signed in or not, since it holds only published content.

    Every request counts against the requests throttle (the person's, or the address's when not signed
    in). One file per (session, language, programme version, published papers) serves everyone: the
    file already made for them is returned while it lasts, the job making it is followed, and a new job
    is started only when neither exists (a failed one is tried again). The job row names nobody
    (requested_by stays empty, as for the public proceedings): the pack is nobody's own, and the activity
    log keeps who asked.

    Raises ValidationError for a session not in the published programme, ReportError with the reason
    when there is nothing to pack (or too much), ReportThrottled past the throttle."""
    from reports.tasks import generate_report_task

    renderer = get_renderer(SESSION_PACK)
    params = session_pack_params(session_id=session_id, language=language)
    reason = renderer.unavailable(params)
    if reason:
        raise ReportError(reason)
    report_request_throttle(user, client=client)
    key = request_key(SESSION_PACK, params)
    for _attempt in range(3):
        found = session_pack_current(params)
        if found is not None and found.state != GeneratedFile.State.FAILED:
            return found
        try:
            with transaction.atomic():
                generated = GeneratedFile.objects.create(kind=SESSION_PACK, parameters=params, request_key=key)
                activity_log(
                    actor=user,
                    action="reports.file.requested",
                    obj=generated,
                    data={"kind": SESSION_PACK, "params": params, "public": True},
                )
                transaction.on_commit(partial(generate_report_task.delay, generated.pk))
            return generated
        except IntegrityError:
            continue  # someone asked for the same pack at the same moment: follow their job
    raise ReportError(gettext("The document could not be requested; try again."))
