"""How every page, form, PDF and export writes a time: in the meeting's zone, and a range with both days.

One formatter for time ranges (`format_time_range`), so a session from Monday 09:00 to Tuesday 13:00 reads
"Mon 8 Nov, 09:00 - Tue 9 Nov, 13:00" everywhere instead of "Mon 8 Nov, 09:00-13:00" in some places.
Day and month names come from Django's own catalogues (`date_format`); only the order of the parts
differs by language, so it is written here per language rather than in a catalogue a translator could
break. Times are 24-hour in all three working languages.

Exports use `iso_moment` (ISO 8601 with the offset, no microseconds) and `naive_moment` (the wall-clock
time in the meeting's zone, for XLSX cells, which know no zones).
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

# The day part of a range, per language and style. Django's "M" is capitalised in every language ("Nov"),
# which French and Spanish do not do; "N" gives their lower-case abbreviation with its full stop.
DAY_FORMATS = {
    "short": {"en": "D j M", "fr": "D j N", "es": "D j N"},
    "long": {"en": "l j F", "fr": "l j F", "es": r"l j \d\e F"},
    "full": {"en": "l j F Y", "fr": "l j F Y", "es": r"l j \d\e F \d\e Y"},
}
TIME_FORMAT = "H:i"


def as_zone(zone: ZoneInfo | dt.tzinfo | str | None) -> dt.tzinfo:
    """A zone from a name ("America/Mexico_City"), a zone, or the active zone when None."""
    if zone is None:
        return timezone.get_current_timezone()
    if isinstance(zone, str):
        return ZoneInfo(zone or "UTC")
    return zone


def _language(language: str | None) -> str:
    code = (language or translation.get_language() or "en").split("-")[0]
    return code if code in DAY_FORMATS["short"] else "en"


def _local(moment: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    if timezone.is_naive(moment):
        # A naive time is taken to be already in the meeting's zone (as a form's cleaned value is).
        return moment.replace(tzinfo=zone)
    return timezone.localtime(moment, zone)


def time_range_parts(
    start: dt.datetime,
    end: dt.datetime | None,
    *,
    zone: ZoneInfo | dt.tzinfo | str | None = None,
    language: str | None = None,
    style: str = "short",
) -> tuple[tuple[dt.datetime, str], str, tuple[dt.datetime, str] | None]:
    """The start (local time, text), the separator and the end (local time, text) of a range: the pieces
    the template tag wraps in <time> elements. The end repeats its day only when it is another day."""
    zone, language = as_zone(zone), _language(language)
    # "time": under a heading that already names the day (the schedule grid, the programme's day), only
    # the hours, unless the range runs into another day.
    day_format = DAY_FORMATS["short" if style == "time" else style][language]
    with translation.override(language):
        start_local = _local(start, zone)
        start_text = f"{date_format(start_local, day_format)}, {date_format(start_local, TIME_FORMAT)}"
        if end is None:
            return (start_local, start_text), "", None
        end_local = _local(end, zone)
        if end_local.date() == start_local.date():
            if style == "time":
                start_text = date_format(start_local, TIME_FORMAT)
            return (start_local, start_text), "\u2013", (end_local, date_format(end_local, TIME_FORMAT))
        # Both parts hold spaces, so the dash between them is spaced too.
        end_text = f"{date_format(end_local, day_format)}, {date_format(end_local, TIME_FORMAT)}"
        return (start_local, start_text), " \u2013 ", (end_local, end_text)


def format_time_range(
    start: dt.datetime,
    end: dt.datetime | None,
    *,
    zone: ZoneInfo | dt.tzinfo | str | None = None,
    language: str | None = None,
    style: str = "short",
) -> str:
    """ "Mon 8 Nov, 09:00-13:00" on one day, "Mon 8 Nov, 09:00 - Tue 9 Nov, 13:00" over two, in the zone
    given (the meeting's) or the active one; "lun 8 nov., 09:00 - mar 9 nov., 13:00" in French."""
    (_start, start_text), separator, end_part = time_range_parts(start, end, zone=zone, language=language, style=style)
    return start_text if end_part is None else f"{start_text}{separator}{end_part[1]}"


def spans_days(start: dt.datetime, end: dt.datetime, *, zone: ZoneInfo | dt.tzinfo | str | None = None) -> bool:
    zone = as_zone(zone)
    return _local(start, zone).date() != _local(end, zone).date()


def iso_moment(moment: dt.datetime | None, *, zone: ZoneInfo | dt.tzinfo | str | None = None) -> str:
    """ISO 8601 with the offset, to the second: "2010-11-08T09:00:00-06:00" ('' for no time). Used in CSV
    exports and in the datetime attribute of <time> (which the HTML checker refuses with microseconds)."""
    if moment is None:
        return ""
    return _local(moment, as_zone(zone)).replace(microsecond=0).isoformat()


def naive_moment(moment: dt.datetime | None, *, zone: ZoneInfo | dt.tzinfo | str | None = None):
    """The wall-clock time in the zone without its tzinfo, for an XLSX cell (XLSX has no zones: the column
    header names the zone instead)."""
    if moment is None:
        return None
    return _local(moment, as_zone(zone)).replace(tzinfo=None, microsecond=0)


def zoned_column(column: str, zone: ZoneInfo | dt.tzinfo | str | None = None) -> str:
    """An export's column header that names the zone its times are in: "Decided at (America/Mexico_City)"."""
    return _("%(column)s (%(zone)s)") % {"column": column, "zone": zone_name(zone)}


def zone_name(zone: ZoneInfo | dt.tzinfo | str | None = None) -> str:
    """The zone's IANA name ("America/Mexico_City"), as the exports' column headers and the PDFs name it."""
    zone = as_zone(zone)
    return getattr(zone, "key", None) or str(zone)
