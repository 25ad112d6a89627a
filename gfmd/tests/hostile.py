"""What a spreadsheet would run as a formula, written apart from gfmd.spreadsheets so that the
exports' tests check the rule rather than repeat it; and hypothesis strategies for the text a
hostile participant could type."""

import unicodedata

from hypothesis import strategies as st

# OWASP's formula starts, and every character whose compatibility form (NFKC) is one of them
# (full-width, small, superscript and subscript forms), and the minus sign LibreOffice reads.
FORMULA_CHARACTERS = frozenset("=+-@\u2212")


def spreadsheet_would_evaluate(cell) -> bool:
    """Whether a spreadsheet could take this cell for a formula: it starts with a tab or a carriage
    return, or its first character once control characters, whitespace and invisible format
    characters are skipped is (a compatibility form of) = + - @ or the minus sign."""
    if not isinstance(cell, str):
        return False
    # A control character may be skipped by the reader, so it hides nothing behind it.
    cell = "".join(char for char in cell if char in "\t\n\r" or unicodedata.category(char) != "Cc")
    if cell.startswith(("\t", "\r")):
        return True
    for char in cell:
        if unicodedata.category(char) in ("Cc", "Cf") or char.isspace():
            continue
        return char in FORMULA_CHARACTERS or unicodedata.normalize("NFKC", char)[:1] in FORMULA_CHARACTERS
    return False


# The starts that make a cell a formula, or hide one: generated often, so that most examples are
# hostile rather than left to chance.
PREFIXES = [
    "=",
    "+",
    "-",
    "@",
    "\t",
    "\r",
    "\n",
    " ",
    "\x01",
    "\x1f",
    "\x7f",
    "\x85",
    "\u00a0",
    "\u200b",
    "\u2028",
    "\u202e",
    "\ufeff",
    "\u3000",
    "＝",
    "＋",
    "－",
    "＠",
    "\u2212",
    "\u207a",
    "\u208c",
    "\ufe62",
    "\ufe6b",
    "\u2a75",
    "'",
]


def hostile_text(*, max_size: int = 40, nul: bool = True) -> st.SearchStrategy[str]:
    """Arbitrary Unicode (no surrogates, which no UTF-8 text holds), often behind hostile starts.

    nul=False leaves out U+0000 for text that goes into the database: PostgreSQL cannot store it
    and the portal's forms refuse it (Django's ProhibitNullCharactersValidator)."""
    characters = st.characters(exclude_categories=["Cs"], exclude_characters=None if nul else "\x00")
    prefixes = st.lists(st.sampled_from(PREFIXES), max_size=3).map("".join)
    return st.builds(lambda prefix, rest: (prefix + rest)[:max_size], prefixes, st.text(characters, max_size=max_size))
