"""visa: one function per write. A person requests a visa support letter for their approved registration;
the Chair's office of the meeting keeps the letter's template, issues letters (one, or all requested in a
background run) and revokes them; a registration withdrawn or rejected revokes its letter (delegations.hooks).

The passport number is sensitive: it is never written to the activity log, a mail, a log line or an
error report (sensitive_variables hides it from Django's error reporter)."""

import datetime as dt
import re
import secrets
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from activity.services import activity_log
from delegations.models import Registration
from gfmd import languages
from logistics.models.visa import VisaIssueRun, VisaLetter, VisaLetterTemplate
from logistics.selectors.visa import NONCE_LENGTH
from mailings.services import send_to_people
from roundtables.editions import ensure_open

State = VisaLetter.State

# The body's placeholders, and what each stands for (the template page lists them).
PLACEHOLDERS = (
    "name",
    "nationality",
    "passport_number",
    "date_of_birth",
    "delegation",
    "meeting",
    "dates",
    "city",
    "venue",
    "consulate_city",
    "reference",
)
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
PASSPORT = re.compile(r"^[A-Z0-9]{5,20}$")
STALE_RUN_SECONDS = 120


@dataclass
class VisaRequest:
    nationality: str
    passport_number: str = field(repr=False)
    date_of_birth: dt.date | None = field(repr=False)
    consulate_city: str
    passport_expiry: dt.date | None = None


def normalise_passport(value: str) -> str:
    return re.sub(r"[\s\-]", "", value or "").upper()


def _site_link(name: str, **kwargs) -> str:
    from django.conf import settings

    return f"{settings.SITE_URL}{reverse(name, kwargs=kwargs or None)}"


def my_letter_link(meeting) -> str:
    return _site_link("logistics:visa_mine", number=meeting.number)


def _lock_registration(registration: Registration) -> Registration:
    return Registration.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=registration.pk)


def _lock_letter(letter: VisaLetter) -> VisaLetter:
    return VisaLetter.objects.select_for_update(of=("self",)).select_related("meeting", "person").get(pk=letter.pk)


@sensitive_variables("data", "passport")
def _check_request(data: VisaRequest, meeting) -> dict:
    """The request's values, or a ValidationError naming each field that is wrong."""
    errors = {}
    passport = normalise_passport(data.passport_number)
    if not passport:
        errors["passport_number"] = _("Enter your passport number.")
    elif not PASSPORT.match(passport):
        errors["passport_number"] = _("A passport number has 5 to 20 letters and digits.")
    if not data.nationality:
        errors["nationality"] = _("Choose your nationality.")
    today = timezone.localdate()
    if data.date_of_birth is None:
        errors["date_of_birth"] = _("Enter your date of birth.")
    elif data.date_of_birth >= today:
        errors["date_of_birth"] = _("The date of birth must be in the past.")
    elif data.date_of_birth < dt.date(1900, 1, 1):
        errors["date_of_birth"] = _("Enter a date of birth after 1900.")
    if data.passport_expiry is not None and data.passport_expiry <= meeting.end_date:
        errors["passport_expiry"] = _(
            "The passport must be valid after the meeting ends (%(date)s): the consulate will refuse it."
        ) % {"date": meeting.end_date.isoformat()}
    city = " ".join((data.consulate_city or "").split())
    if not city:
        errors["consulate_city"] = _("Name the city of the consulate where you apply for the visa.")
    elif len(city) > 100:
        errors["consulate_city"] = _("Keep the city's name under 100 characters.")
    if errors:
        raise ValidationError(errors)
    return {"passport": passport, "city": city}


@sensitive_variables("data", "checked")
@transaction.atomic
def visa_letter_request(*, registration: Registration, actor, data: VisaRequest) -> VisaLetter:
    """The person asks for a letter for their own approved registration, or corrects a request not yet
    issued. An issued letter is not changed: the Chair's office revokes it first."""
    registration = _lock_registration(registration)
    meeting = registration.meeting
    ensure_open(meeting, actor)
    if not actor.has_perm("logistics.own_visa_registration", registration):
        raise PermissionDenied
    if not actor.has_perm("logistics.request_visa_letter", registration):
        raise ValidationError(
            _("Only an approved registration can request a visa letter: yours is %(status)s.")
            % {"status": registration.get_status_display().lower()},
            code="not_approved",
        )
    checked = _check_request(data, meeting)
    letter = VisaLetter.objects.select_for_update(of=("self",)).filter(registration=registration).live().first()
    if letter is not None and letter.state == State.ISSUED:
        raise ValidationError(
            _("Your letter is already issued; ask the Chair's office to revoke it before you change your data."),
            code="issued",
        )
    event = "updated" if letter is not None else "requested"
    if letter is None:
        letter = VisaLetter(registration=registration, meeting=meeting, person_id=registration.person_id)
    letter.nationality = data.nationality
    letter.passport_number = checked["passport"]
    letter.passport_last_digits = checked["passport"][-4:]
    letter.date_of_birth = data.date_of_birth
    letter.passport_expiry = data.passport_expiry
    letter.consulate_city = checked["city"]
    letter.save()
    if not registration.visa_letter_needed:
        registration.visa_letter_needed = True
        registration.save(update_fields=["visa_letter_needed"])
    if event == "requested":
        activity_log(actor=actor, action="logistics.visa_letter.requested", obj=letter, meeting=meeting)
    else:
        activity_log(actor=actor, action="logistics.visa_letter.updated", obj=letter, meeting=meeting)
    return letter


# The template ------------------------------------------------------------------------------------


def default_template_values(meeting) -> dict:
    """What the template form offers before the Chair's office writes its own."""
    return {
        "letterhead_en": "",
        "body_en": (
            "To the Consular Section in {consulate_city}\n\n"
            "The Government, as host of {meeting}, to be held in {city} ({venue}) on {dates}, has the honour to "
            "confirm that {name}, a national of {nationality}, born on {date_of_birth}, holder of passport "
            "number {passport_number}, is an accredited member of the delegation of {delegation}.\n\n"
            "We kindly request that the necessary visa be granted to allow attendance at the meeting."
        ),
        "body_fr": (
            "À la section consulaire de {consulate_city}\n\n"
            "Le Gouvernement, hôte de {meeting}, qui se tiendra à {city} ({venue}) du {dates}, a l'honneur de "
            "confirmer que {name}, de nationalité {nationality}, né(e) le {date_of_birth}, titulaire du passeport "
            "numéro {passport_number}, est membre accrédité(e) de la délégation de {delegation}.\n\n"
            "Nous vous prions de bien vouloir accorder le visa nécessaire à sa participation à la réunion."
        ),
        "body_es": (
            "A la Sección Consular en {consulate_city}\n\n"
            "El Gobierno, anfitrión de {meeting}, que se celebrará en {city} ({venue}) del {dates}, tiene el honor "
            "de confirmar que {name}, de nacionalidad {nationality}, nacido(a) el {date_of_birth}, titular del "
            "pasaporte número {passport_number}, es miembro acreditado de la delegación de {delegation}.\n\n"
            "Le rogamos conceder el visado necesario para su participación en la reunión."
        ),
    }


def check_placeholders(text: str) -> str | None:
    """Why a body cannot be used (an unknown {name}, a stray brace), or None."""
    unknown = sorted({name for name in PLACEHOLDER.findall(text) if name not in PLACEHOLDERS})
    if unknown:
        return _("Unknown placeholder: %(names)s. Use only: %(known)s.") % {
            "names": ", ".join("{" + name + "}" for name in unknown),
            "known": ", ".join("{" + name + "}" for name in PLACEHOLDERS),
        }
    if "{" in PLACEHOLDER.sub("", text) or "}" in PLACEHOLDER.sub("", text):
        return _("A brace that opens or closes no placeholder: write placeholders as {name}.")
    return None


TEMPLATE_FIELDS = (
    *(f"letterhead_{code}" for code in languages.CODES),
    *(f"body_{code}" for code in languages.CODES),
    "signatory_name",
    *(f"signatory_title_{code}" for code in languages.CODES),
)


@transaction.atomic
def visa_template_save(*, meeting, actor, values: dict) -> VisaLetterTemplate:
    ensure_open(meeting, actor)
    if not actor.has_perm("logistics.manage_visa_letters", meeting):
        raise PermissionDenied
    values = {name: (values.get(name) or "").strip() for name in TEMPLATE_FIELDS}
    errors = {}
    for name in ("letterhead_en", "body_en", "signatory_name", "signatory_title_en"):
        if not values[name]:
            errors[name] = _("This field is required.")
    for code in languages.CODES:
        problem = check_placeholders(values[f"body_{code}"])
        if problem:
            errors[f"body_{code}"] = problem
    if errors:
        raise ValidationError(errors)
    template = VisaLetterTemplate.objects.select_for_update().filter(meeting=meeting).first()
    if template is None:
        template = VisaLetterTemplate(meeting=meeting)
    for name, value in values.items():
        setattr(template, name, value)
    template.updated_by = actor
    template.save()
    activity_log(actor=actor, action="logistics.visa_template.saved", obj=template, meeting=meeting)
    return template


# Issuing -----------------------------------------------------------------------------------------


def _issue_locked(letter: VisaLetter, template: VisaLetterTemplate, actor, run: VisaIssueRun | None) -> None:
    meeting = letter.meeting
    registration_ok = Registration.objects.filter(
        pk=letter.registration_id, status=Registration.Status.APPROVED
    ).exists()
    if not registration_ok:
        raise ValidationError(_("The registration of this letter is no longer approved."), code="not_approved")
    template.last_sequence += 1
    template.save(update_fields=["last_sequence"])
    letter.sequence = template.last_sequence
    letter.reference = f"GFMD{meeting.start_date:%Y}-VL-{letter.sequence:04d}"
    letter.token_nonce = secrets.token_urlsafe(12)[:NONCE_LENGTH]
    letter.state = State.ISSUED
    letter.issued_at = timezone.now()
    letter.issued_by = actor
    letter.issue_run = run
    letter.signatory_name = template.signatory_name
    letter.signatory_title = template.signatory_title_en
    letter.save()
    activity_log(
        actor=actor,
        action="logistics.visa_letter.issued",
        obj=letter,
        meeting=meeting,
        data={"reference": letter.reference, "run": run.pk if run else None},
    )
    send_to_people(
        "logistics.visa_issued",
        [letter.person],
        context=lambda person: {
            "meeting": meeting.title,
            "reference": letter.reference,
            "url": my_letter_link(meeting),
        },
    )


def _template_locked(meeting) -> VisaLetterTemplate:
    template = VisaLetterTemplate.objects.select_for_update().filter(meeting=meeting).first()
    if template is None:
        raise ValidationError(
            _("Write the letter's template (letterhead, text, signing officer) before issuing letters."),
            code="no_template",
        )
    return template


@transaction.atomic
def visa_letter_issue(*, letter: VisaLetter, actor) -> VisaLetter:
    """Issue one requested letter: its reference number, verification token and officer. Two clicks at
    once: the row lock makes the second find it issued and be told so."""
    letter = _lock_letter(letter)
    ensure_open(letter.meeting, actor)
    if not actor.has_perm("logistics.issue_visa_letter", letter):
        if not actor.has_perm("logistics.manage_visa_letters", letter):
            raise PermissionDenied
        raise ValidationError(
            _("This letter is %(state)s: only a requested letter can be issued.")
            % {"state": letter.get_state_display().lower()},
            code="not_requested",
        )
    template = _template_locked(letter.meeting)
    _issue_locked(letter, template, actor, None)
    return letter


@transaction.atomic
def visa_issue_all(*, meeting, actor) -> VisaIssueRun:
    """ "Issue all N requested letters": a run that a background task works through. A run already going
    is returned (and its task sent again if it looks lost: a dead worker's run resumes where it stopped)."""
    from logistics.tasks.visa import issue_run_task

    ensure_open(meeting, actor)
    if not actor.has_perm("logistics.manage_visa_letters", meeting):
        raise PermissionDenied
    if not VisaLetterTemplate.objects.filter(meeting=meeting).exists():
        _template_locked(meeting)  # says what to do first
    running = VisaIssueRun.objects.select_for_update().filter(meeting=meeting, state=VisaIssueRun.State.RUNNING).first()
    if running is not None:
        if running.updated_at < timezone.now() - dt.timedelta(seconds=STALE_RUN_SECONDS):
            VisaIssueRun.objects.filter(pk=running.pk).update(updated_at=timezone.now())
            transaction.on_commit(lambda: issue_run_task.delay(running.pk))
        return running
    total = VisaLetter.objects.filter(meeting=meeting, state=State.REQUESTED).count()
    if total == 0:
        raise ValidationError(_("No letter is waiting to be issued."), code="none_requested")
    try:
        with transaction.atomic():
            run = VisaIssueRun.objects.create(meeting=meeting, total=total, started_by=actor)
    except IntegrityError:  # another click started one at the same moment
        return VisaIssueRun.objects.get(meeting=meeting, state=VisaIssueRun.State.RUNNING)
    activity_log(actor=actor, action="logistics.visa_run.started", obj=run, meeting=meeting, data={"total": total})
    transaction.on_commit(lambda: issue_run_task.delay(run.pk))
    return run


def visa_issue_run_step(*, run_id: int) -> bool:
    """Issue the run's next requested letter in its own transaction; False when the run is finished.

    The run's row is locked for the step, so two tasks of one run (sent twice, or resumed while the
    first still works) take turns, and a letter is issued once: the next letter is one still requested,
    after the run's cursor. A letter that cannot be issued (its registration ended) is counted as skipped."""
    with transaction.atomic():
        run = (
            VisaIssueRun.objects.select_for_update(of=("self",))
            .select_related("meeting", "started_by")
            .filter(pk=run_id)
            .first()
        )
        if run is None or run.state != VisaIssueRun.State.RUNNING:
            return False
        letter = (
            VisaLetter.objects.select_for_update(of=("self",))
            .select_related("meeting", "person")
            .filter(meeting=run.meeting, state=State.REQUESTED, requested_at__lte=run.created_at, pk__gt=run.cursor)
            .order_by("pk")
            .first()
        )
        if letter is None:
            run.state = VisaIssueRun.State.FINISHED
            run.finished_at = timezone.now()
            run.save(update_fields=["state", "finished_at", "updated_at"])
            return False
        run.cursor = letter.pk
        actor = run.started_by
        try:
            with transaction.atomic():
                ensure_open(run.meeting, actor)
                if actor is None or not actor.has_perm("logistics.issue_visa_letter", letter):
                    raise PermissionDenied
                _issue_locked(letter, _template_locked(run.meeting), actor, run)
        except (ValidationError, PermissionDenied):
            run.skipped = F("skipped") + 1
        else:
            run.done = F("done") + 1
        run.save(update_fields=["cursor", "done", "skipped", "updated_at"])
    return True


def visa_issue_run_work(*, run_id: int) -> None:
    while visa_issue_run_step(run_id=run_id):
        pass


def visa_issue_runs_sweep() -> int:
    """Send again the task of each run that stopped moving (a lost worker); returns how many."""
    from logistics.tasks.visa import issue_run_task

    stale = VisaIssueRun.objects.filter(
        state=VisaIssueRun.State.RUNNING, updated_at__lt=timezone.now() - dt.timedelta(seconds=STALE_RUN_SECONDS)
    )
    ids = list(stale.values_list("pk", flat=True))
    for run_id in ids:
        issue_run_task.delay(run_id)
    return len(ids)


# Revoking ----------------------------------------------------------------------------------------


def _end(letter: VisaLetter, *, actor, reason: str, automatic: bool) -> None:
    was_issued = letter.state == State.ISSUED
    letter.state = State.REVOKED if was_issued else State.CANCELLED
    letter.revoked_at = timezone.now()
    letter.revoked_by = actor if actor is not None and actor.is_authenticated else None
    letter.revoke_reason = reason
    letter.save(update_fields=["state", "revoked_at", "revoked_by", "revoke_reason", "updated_at"])
    if was_issued:
        activity_log(
            actor=actor,
            action="logistics.visa_letter.revoked",
            obj=letter,
            meeting=letter.meeting,
            data={"reference": letter.reference, "reason": reason, "automatic": automatic},
        )
        send_to_people(
            "logistics.visa_revoked",
            [letter.person],
            context=lambda person: {
                "meeting": letter.meeting.title,
                "reference": letter.reference,
                "reason": reason,
                "url": my_letter_link(letter.meeting),
            },
        )
    else:
        activity_log(
            actor=actor,
            action="logistics.visa_letter.cancelled",
            obj=letter,
            meeting=letter.meeting,
            data={"reason": reason, "automatic": automatic},
        )


@transaction.atomic
def visa_letter_revoke(*, letter: VisaLetter, actor, reason: str) -> VisaLetter:
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError({"reason": _("Say why the letter is revoked: the person and the consulate read it.")})
    if len(reason) > 500:
        raise ValidationError({"reason": _("Keep the reason under 500 characters.")})
    letter = _lock_letter(letter)
    ensure_open(letter.meeting, actor)
    if not actor.has_perm("logistics.revoke_visa_letter", letter):
        if not actor.has_perm("logistics.manage_visa_letters", letter):
            raise PermissionDenied
        raise ValidationError(_("This letter is already %(state)s.") % {"state": letter.get_state_display().lower()})
    _end(letter, actor=actor, reason=reason, automatic=False)
    return letter


def on_registration_end(*, registration, actor) -> None:
    """delegations.hooks: a registration withdrawn or rejected revokes its issued letter (and cancels a
    request), in the decision's own transaction."""
    letters = VisaLetter.objects.select_for_update(of=("self",)).select_related("meeting", "person")
    for letter in letters.filter(registration_id=registration.pk).live():
        if registration.status == Registration.Status.WITHDRAWN:
            reason = _("The registration was withdrawn.")
        else:
            reason = _("The registration was rejected.")
        _end(letter, actor=actor, reason=reason, automatic=True)
