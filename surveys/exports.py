"""CSV and XLSX exports of a survey's answers, safe to open in a spreadsheet.

A cell that begins with =, +, -, @, a tab or a carriage return (or hides one behind a control
character or a space) is read as a formula by Excel and LibreOffice ("CSV injection"): every cell
goes through gfmd.spreadsheets, the one rule of every export, which gives such text a leading
apostrophe and stores XLSX text cells as strings. Numbers (scale answers) stay numbers."""

import csv
import io
from datetime import datetime

from gfmd.spreadsheets import append_row, neutralised_row
from gfmd.timeranges import iso_moment, naive_moment, zoned_column
from surveys.selectors import answer_rows, survey_results


def _zoned(survey) -> tuple[list[str], list[list], str]:
    """The rows, with the meeting's zone named in the header of every column that holds times (the
    submission time): the exports write times in the host city's zone, as the results page shows them."""
    header, rows = answer_rows(survey)
    zone = survey.meeting.time_zone
    timed = {index for row in rows for index, value in enumerate(row) if isinstance(value, datetime)}
    if not survey.anonymous:
        timed.add(2)  # "Submitted at", even before anyone has answered
    header = [zoned_column(column, zone) if index in timed else column for index, column in enumerate(header)]
    return header, rows, zone


def results_csv(survey) -> str:
    # CSV has no types: times as ISO 8601 with the offset ("2010-02-15T10:30:00-06:00").
    header, rows, zone = _zoned(survey)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(neutralised_row(header))
    for row in rows:
        writer.writerow(
            neutralised_row(iso_moment(value, zone=zone) if isinstance(value, datetime) else value for value in row)
        )
    return buffer.getvalue()


def results_xlsx(survey) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    header, rows, zone = _zoned(survey)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Answers"
    append_row(sheet, header)
    for row in rows:
        # XLSX has no time zones: real date-time cells holding the host city's wall-clock time, the
        # zone named in the column's header.
        append_row(sheet, [naive_moment(v, zone=zone) if isinstance(v, datetime) else v for v in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = 28

    results = survey_results(survey)
    rates = workbook.create_sheet("Response rate")
    append_row(rates, ["Group", "Invited", "Responded", "%"])
    for rate in [results.overall, *results.by_group, *results.by_region, *results.by_kind]:
        append_row(rates, [rate.label, rate.invited, rate.responded, rate.percent])
    rates.append([])
    append_row(rates, ["Responded"])
    for name in results.respondents:
        append_row(rates, [name])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
