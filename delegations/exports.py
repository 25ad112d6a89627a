"""The registrations list as CSV and XLSX files, safe to open in a spreadsheet.

A spreadsheet runs a cell that begins with = + - @ (or hides one behind a control character or a
space) as a formula: "=HYPERLINK(...)" typed as a job title would run on the Chair's office's
machine. Every cell goes through gfmd.spreadsheets, the one rule of every export: such text gets a
leading apostrophe, and XLSX text cells are always stored as strings."""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from delegations.models import Registration
from gfmd import streaming
from gfmd.spreadsheets import neutralised_row
from gfmd.timeranges import iso_moment, naive_moment, zoned_column


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def _when(value, *, zone, typed: bool):
    """A time in the meeting's zone: ISO 8601 with the offset for CSV (which has no types), a real
    date-time cell holding the wall-clock time for XLSX (which has no zones: the header names it)."""
    return naive_moment(value, zone=zone) if typed else iso_moment(value, zone=zone)


def header(*, zone=None) -> list[str]:
    return [
        _("Delegation"),
        _("Kind"),
        _("Region"),
        _("Honorific"),
        _("First name"),
        _("Last name"),
        _("E-mail"),
        _("Job title"),
        _("Role"),
        _("Status"),
        _("Sessions"),
        _("Visa support letter"),
        _("Accessibility needs"),
        _("Dietary needs"),
        _("Public list"),
        zoned_column(_("Registered at"), zone),
        _("Decided by"),
        zoned_column(_("Decided at"), zone),
        _("Reason"),
    ]


def rows(registrations: Iterable[Registration], *, zone=None, typed: bool = False) -> Iterable[list]:
    """One row per registration (expects registrations_visible_to's select/prefetch); times in `zone`
    (the meeting's; the active zone when None), as date-time values when `typed` (XLSX)."""
    for r in registrations:
        yield neutralised_row(
            (
                r.delegation.name,
                r.delegation.get_kind_display(),
                r.delegation.get_region_display(),
                r.person.get_honorific_display() if r.person.honorific else "",
                r.person.first_name,
                r.person.last_name,
                r.person.email,
                r.job_title,
                r.get_role_display(),
                r.get_status_display(),
                " ".join(session.code for session in r.sessions.all()),
                _yes_no(r.visa_letter_needed),
                r.accessibility_needs,
                r.dietary_needs,
                _yes_no(r.public_list_consent),
                _when(r.created_at, zone=zone, typed=typed),
                r.decided_by.display_name if r.decided_by else "",
                _when(r.decided_at, zone=zone, typed=typed),
                r.decision_reason,
            )
        )


# Column widths of the XLSX sheet, one per column of header().
WIDTHS = (28, 14, 10, 8, 16, 18, 28, 28, 18, 10, 18, 8, 24, 18, 8, 20, 20, 20, 30)


def csv_response(registrations: Iterable[Registration], *, zone=None, filename: str):
    return streaming.csv_response(header(zone=zone), rows(registrations, zone=zone), filename=filename)


def xlsx_response(registrations: Iterable[Registration], *, title: str, zone=None, filename: str):
    sheet = streaming.Sheet(title, header(zone=zone), rows(registrations, zone=zone, typed=True), widths=WIDTHS)
    return streaming.xlsx_response([sheet], filename=filename)


def as_csv(registrations: Iterable[Registration], *, zone=None) -> bytes:
    """The whole file at once (tests): the view streams it."""
    return "".join(streaming.csv_lines(header(zone=zone), rows(registrations, zone=zone))).encode("utf-8")


def as_xlsx(registrations: Iterable[Registration], *, title: str, zone=None) -> bytes:
    sheet = streaming.Sheet(title, header(zone=zone), rows(registrations, zone=zone, typed=True), widths=WIDTHS)
    with streaming.xlsx_file([sheet]) as target:
        return target.read()
