"""CSV and XLSX exports of a survey's answers, safe to open in a spreadsheet.

A cell that begins with =, +, -, @, a tab or a carriage return is read as a formula by Excel and
LibreOffice ("CSV injection"): such text gets a leading apostrophe, which shows it as the text it
is. Numbers (scale answers) stay numbers."""

import csv
import io
from datetime import datetime

from django.utils import timezone

from gfmd.spreadsheets import neutralise
from surveys.selectors import answer_rows, survey_results


def _cell(value):
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None)
    return neutralise(value)


def results_csv(survey) -> str:
    header, rows = answer_rows(survey)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([neutralise(title) for title in header])
    for row in rows:
        writer.writerow(
            [
                timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
                if isinstance(value, datetime)
                else neutralise(value)
                for value in row
            ]
        )
    return buffer.getvalue()


def results_xlsx(survey) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    header, rows = answer_rows(survey)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Answers"
    sheet.append([neutralise(title) for title in header])
    for row in rows:
        sheet.append([_cell(value) for value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = 28
    # Every text cell is a string, whatever it looks like: never a formula.
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"

    results = survey_results(survey)
    rates = workbook.create_sheet("Response rate")
    rates.append(["Group", "Invited", "Responded", "%"])
    for rate in [results.overall, *results.by_group, *results.by_region, *results.by_kind]:
        rates.append([neutralise(rate.label), rate.invited, rate.responded, rate.percent])
    rates.append([])
    rates.append(["Responded"])
    for name in results.respondents:
        rates.append([neutralise(name)])
    for row in rates.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
