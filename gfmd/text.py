"""Characters no output of the portal can carry: one definition for the exports, the pages and the names."""

import re

# Control characters but tab, LF and CR; the non-characters U+FFFE and U+FFFF; lone surrogates. XML 1.0 (hence
# XLSX) cannot hold them, and HTML forbids them: a page that prints one is not valid HTML.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def printable(text: str) -> str:
    """The text without the characters no page, PDF or spreadsheet may hold."""
    return CONTROL_CHARACTERS.sub("", text)
