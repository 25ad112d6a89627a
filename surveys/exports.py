"""CSV and XLSX exports of a survey's answers, safe to open in a spreadsheet.

A cell that begins with =, +, -, @, a tab or a carriage return (or hides one behind a control
character or a space) is read as a formula by Excel and LibreOffice ("CSV injection"): every cell
goes through gfmd.spreadsheets, the one rule of every export, which gives such text a leading
apostrophe and stores XLSX text cells as strings. Numbers (scale answers) stay numbers."""

from collections.abc import Iterator
from datetime import datetime
from itertools import chain

from gfmd.streaming import Sheet, csv_lines, csv_response, xlsx_file, xlsx_response
from gfmd.timeranges import iso_moment, naive_moment, zoned_column
from surveys.selectors import answer_rows, iter_respondent_names, survey_results


def _zoned(survey) -> tuple[list[str], Iterator[list], str]:
    """The rows, with the meeting's zone named in the header of the column that holds times (the
    submission time, which an anonymous survey's rows do not carry): the exports write times in the
    host city's zone, as the results page shows them."""
    header, rows = answer_rows(survey)
    zone = survey.meeting.time_zone
    if not survey.anonymous:
        header[2] = zoned_column(header[2], zone)
    return header, rows, zone


def _csv_rows(survey) -> tuple[list[str], Iterator[list]]:
    # CSV has no types: times as ISO 8601 with the offset ("2010-02-15T10:30:00-06:00").
    header, rows, zone = _zoned(survey)
    return header, ([iso_moment(v, zone=zone) if isinstance(v, datetime) else v for v in row] for row in rows)


def _sheets(survey) -> list[Sheet]:
    header, rows, zone = _zoned(survey)
    # XLSX has no time zones: real date-time cells holding the host city's wall-clock time, the zone
    # named in the column's header.
    answers = ([naive_moment(v, zone=zone) if isinstance(v, datetime) else v for v in row] for row in rows)
    results = survey_results(survey)
    rates = [
        [rate.label, rate.invited, rate.responded, rate.percent]
        for rate in [results.overall, *results.by_group, *results.by_region, *results.by_kind]
    ]
    respondents = chain([[], ["Responded"]], ([name] for name in iter_respondent_names(survey)))
    return [
        Sheet("Answers", header, answers, widths=[28] * len(header)),
        Sheet(
            "Response rate", ["Group", "Invited", "Responded", "%"], chain(rates, respondents), widths=(40, 10, 10, 6)
        ),
    ]


def results_csv_response(survey, *, filename: str):
    header, rows = _csv_rows(survey)
    return csv_response(header, rows, filename=filename)


def results_xlsx_response(survey, *, filename: str):
    return xlsx_response(_sheets(survey), filename=filename)


def results_csv(survey) -> str:
    """The whole CSV as text (tests, the PDF report's annex): the view streams it instead."""
    return "".join(csv_lines(*_csv_rows(survey))).removeprefix("\ufeff")


def results_xlsx(survey) -> bytes:
    with xlsx_file(_sheets(survey)) as target:
        return target.read()
