"""Exports that stay small at any size: CSV written row by row as the rows are read from the
database (a StreamingHttpResponse), XLSX written by openpyxl's write-only workbook to a temporary
file (a zip cannot be streamed before its end, but the memory stays that of one row).

Callers pass rows as an iterator over a queryset's `.iterator(chunk_size=...)`, never a list. Every
cell goes through gfmd.spreadsheets, so an export never holds a live formula."""

import csv
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.http import FileResponse, StreamingHttpResponse

from gfmd.spreadsheets import neutralise, neutralised_row

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class _Echo:
    """A file-like object whose write() hands the line back, for csv.writer in a generator."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> Iterable[str]:
    # UTF-8 with a byte-order mark, so that spreadsheet programs read the accents right.
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(neutralised_row(header))
    for row in rows:
        yield writer.writerow(neutralised_row(row))


def _private_attachment(response, filename: str):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def csv_response(header: Sequence[Any], rows: Iterable[Sequence[Any]], *, filename: str) -> StreamingHttpResponse:
    lines = (line.encode("utf-8") for line in csv_lines(header, rows))
    return _private_attachment(StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8"), filename)


@dataclass
class Sheet:
    title: str
    header: Sequence[Any]
    rows: Iterable[Sequence[Any]]
    widths: Sequence[float] = field(default_factory=tuple)
    freeze_header: bool = True


def _cells(sheet, values: Iterable[Any], *, bold: bool = False) -> list:
    """Write-only cells, every text cell a string: openpyxl would store "=..." as a formula and
    "#N/A" as an error otherwise (see gfmd.spreadsheets.append_row)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cells = []
    for value in values:
        cell = WriteOnlyCell(sheet, value=neutralise(value))
        if isinstance(cell.value, str):
            cell.data_type = "s"
        if bold:
            cell.font = Font(bold=True)
        cells.append(cell)
    return cells


def xlsx_file(sheets: Sequence[Sheet]):
    """The workbook in a temporary file, rewound (the caller closes it, or hands it to a response)."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    for spec in sheets:
        sheet = workbook.create_sheet(spec.title[:31])
        for index, width in enumerate(spec.widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        if spec.freeze_header:
            sheet.freeze_panes = "A2"
        sheet.append(_cells(sheet, spec.header, bold=True))
        for row in spec.rows:
            sheet.append(_cells(sheet, row))
    target = tempfile.TemporaryFile()  # noqa: SIM115  (closed by the response)
    workbook.save(target)
    target.seek(0)
    return target


def xlsx_response(sheets: Sequence[Sheet], *, filename: str) -> FileResponse:
    response = FileResponse(xlsx_file(sheets), content_type=XLSX_TYPE)
    return _private_attachment(response, filename)
