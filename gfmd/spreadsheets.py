"""Cells for CSV and XLSX exports that a spreadsheet will never run as formulas.

Every export of the portal (registrations, survey results...) writes people's own text, so each
cell goes through neutralise() once, here, rather than through a rule of each app's own.
"""

import re

# A spreadsheet reads a cell starting with one of these as a formula (full-width forms included,
# which some spreadsheets fold to ASCII), also after leading spaces.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0", "＝", "＋", "－", "＠")
# Characters that XML 1.0, hence XLSX, cannot hold at all; NUL among them.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def neutralise(value):
    """The cell's value, with a leading apostrophe when it would be read as a formula.

    Numbers and dates keep their type, so spreadsheets can still sum and sort them."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    if value.lstrip(" ").startswith(FORMULA_STARTS):
        value = "'" + value
    return _ILLEGAL_XML.sub("", value)
