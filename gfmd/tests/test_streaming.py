"""Streamed exports: CSV written as the rows come, XLSX from a write-only workbook; both neutralised."""

import csv
import io

from openpyxl import load_workbook

from gfmd.streaming import Sheet, csv_response, xlsx_response


def _rows(count: int, consumed: list):
    for number in range(count):
        consumed.append(number)
        yield [f"Person {number}", number, '=HYPERLINK("http://evil")']


def test_csv_is_written_row_by_row_as_the_rows_are_read():
    consumed = []
    response = csv_response(["Name", "Number", "Note"], _rows(3, consumed), filename="x.csv")
    assert response.streaming
    assert consumed == []  # nothing read before the body is sent
    chunks = iter(response.streaming_content)
    first = next(chunks).decode()
    assert first.startswith("\ufeffName,Number,Note")
    assert consumed == []
    second = next(chunks).decode()
    assert consumed == [0]
    body = first + second + b"".join(chunks).decode()
    rows = list(csv.reader(io.StringIO(body.removeprefix("\ufeff"))))
    assert rows[1] == ["Person 0", "0", '\'=HYPERLINK("http://evil")']
    assert len(rows) == 4
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    assert response["Cache-Control"] == "private, no-store"


def test_xlsx_keeps_numbers_and_stores_formulas_as_text():
    consumed = []
    response = xlsx_response(
        [Sheet("Registrations", ["Name", "Number", "Note"], _rows(3, consumed), widths=(20, 8, 30))],
        filename="x.xlsx",
    )
    content = b"".join(response.streaming_content)
    response.file_to_stream.close()  # what close() does, without the request_finished signal (no database here)
    workbook = load_workbook(io.BytesIO(content))
    sheet = workbook["Registrations"]
    assert [cell.value for cell in sheet[2]] == ["Person 0", 0, '\'=HYPERLINK("http://evil")']
    assert sheet["C2"].data_type == "s"
    assert sheet["A1"].font.bold
    assert sheet.max_row == 4
    assert sheet.freeze_panes == "A2"
