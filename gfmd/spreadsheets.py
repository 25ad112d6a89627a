"""Cells for CSV and XLSX exports that a spreadsheet will never run as formulas.

Every export of the portal (registrations, survey results...) writes people's own text, so each
cell goes through neutralise() once, here, rather than through a rule of each app's own.

What neutralise() does, in this order, and why:

1. It drops control characters (all of Unicode's "Cc" but tab, line feed and carriage return,
   which multi-line answers legitimately hold), the two non-characters U+FFFE and U+FFFF and
   lone surrogates. XML 1.0, hence XLSX, cannot hold them at all, and a spreadsheet may skip
   them when it reads a cell: "\\x01=HYPERLINK(...)" must be judged as the "=HYPERLINK(...)" a
   spreadsheet would see, so they go *before* the formula check, never after.
2. It looks past leading whitespace (tab and carriage return included) and invisible format
   characters (zero-width space, byte-order mark, direction marks): spreadsheets and their
   import dialogues trim some of them, and a formula must not hide behind one.
3. If the first visible character starts a formula, or the cell itself starts with a tab or a
   carriage return (OWASP's list: = + - @ tab CR), the cell gets a leading apostrophe. The
   formula starts include every character whose compatibility form (NFKC) is = + - or @: the
   full-width forms that Excel reads in East Asian input modes (U+FF1D, U+FF0B, U+FF0D,
   U+FF20), the small, superscript and subscript forms; and the minus sign U+2212, which
   LibreOffice's formula parser reads as a minus although NFKC keeps it as it is.

The apostrophe is what OWASP's "CSV injection" page advises: Excel and LibreOffice take a cell
typed with a leading apostrophe as text, and in a CSV it shows as a visible apostrophe, which
is harmless. The rest of the text is kept as it was typed (leading spaces included), so nothing a
person wrote is lost. Numbers and dates keep their type, so spreadsheets can still sum and sort
them; the XLSX writer below also stores every text cell as a string, never as a formula.
"""

import unicodedata
from collections.abc import Iterable
from typing import Any

from gfmd.text import printable

# What OWASP lists as the first character of a formula, as this module's callers may check it.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Read as a minus by LibreOffice's formula parser, though NFKC does not fold it to "-".
_MINUS_SIGNS = frozenset("\u2212")


def _is_invisible(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) == "Cf"


def _starts_formula(char: str) -> bool:
    return char in _MINUS_SIGNS or unicodedata.normalize("NFKC", char)[:1] in ("=", "+", "-", "@")


def would_be_formula(text: str) -> bool:
    """Whether a spreadsheet could read this text, as it stands, as a formula."""
    text = printable(text)
    if text.startswith(("\t", "\r")):
        return True
    for char in text:
        if not _is_invisible(char):
            return _starts_formula(char)
    return False


def neutralise(value: Any) -> Any:
    """The cell's value: text without the characters XML forbids, with a leading apostrophe
    when a spreadsheet would read it as a formula; numbers and dates unchanged; "" for None."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    text = printable(value)
    if would_be_formula(text):
        text = "'" + text
    return text


def neutralised_row(values: Iterable[Any]) -> list[Any]:
    return [neutralise(value) for value in values]


def append_row(sheet, values: Iterable[Any]) -> None:
    """Append a row of neutralised cells to an openpyxl worksheet, every text cell a string.

    openpyxl stores a str that starts with "=" as a formula, and one that spells an error code
    ("#N/A") as an error: the type is forced, whatever the text looks like."""
    from openpyxl.cell import Cell

    cells = []
    for value in neutralised_row(values):
        cell = Cell(sheet, value=value)
        if isinstance(value, str):
            cell.data_type = "s"
        cells.append(cell)
    sheet.append(cells)
