"""CSV and XLSX exports of a survey's answers, safe to open in a spreadsheet.

A cell that begins with =, +, -, @, a tab or a carriage return (or hides one behind a control
character or a space) is read as a formula by Excel and LibreOffice ("CSV injection"): every cell
goes through gfmd.spreadsheets, the one rule of every export, which gives such text a leading
apostrophe and stores XLSX text cells as strings. Numbers (scale answers) stay numbers."""

import csv
import io
from datetime import datetime

from django.utils import timezone

from gfmd.spreadsheets import append_row, neutralised_row
from surveys.selectors import answer_rows, survey_results


def _cell(value):
    # XLSX has no time zones: the local time, as the results page shows it.
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None)
    return value


def results_csv(survey) -> str:
    header, rows = answer_rows(survey)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(neutralised_row(header))
    for row in rows:
        writer.writerow(
            neutralised_row(
                timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if isinstance(value, datetime) else value
                for value in row
            )
        )
    return buffer.getvalue()


def results_xlsx(survey) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    header, rows = answer_rows(survey)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Answers"
    append_row(sheet, header)
    for row in rows:
        append_row(sheet, [_cell(value) for value in row])
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
