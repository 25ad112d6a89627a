"""Read the theme, roundtables and sessions out of a GFMD concept paper (plain text).

The 2010 paper names roundtables as "Roundtable 1 - Title" (or "Roundtable 3. Title") and
sessions as "RT 1.1 Title"; the paragraphs that follow a heading are its description.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

ROUNDTABLE_HEADING = re.compile(r"^Roundtable\s+(?P<number>\d+)\s*[-–.:]\s*(?P<title>.+)$")
SESSION_HEADING = re.compile(r"^RT\s+(?P<code>\d+\.\d+)\s+(?P<title>.+)$")
THEME_LINE = re.compile(r'central theme of the .*?:\s*"\**(?P<theme>[^"]+?)\**"')
FOOTNOTE_MARKS = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]")


@dataclass
class SessionText:
    code: str
    title: str
    paragraphs: list[str] = field(default_factory=list)

    @property
    def description(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass
class RoundtableText:
    number: int
    title: str
    paragraphs: list[str] = field(default_factory=list)
    sessions: list[SessionText] = field(default_factory=list)

    @property
    def description(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass
class ConceptPaper:
    title: str
    theme: str
    text: str
    roundtables: list[RoundtableText]


def _clean(line: str) -> str:
    return FOOTNOTE_MARKS.sub("", line).replace("*", "").strip()


def _add_paragraph(paragraphs: list[str], line: str) -> None:
    # The text was extracted from a PDF: a sentence cut by a page break continues in lower case.
    if paragraphs and line[:1].islower() and not paragraphs[-1].endswith((".", ":", "?", "!")):
        paragraphs[-1] = f"{paragraphs[-1]} {line}"
    else:
        paragraphs.append(line)


def parse_concept_paper(path: Path) -> ConceptPaper:
    text = path.read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()]
    non_empty = [line for line in lines if line]
    title = non_empty[0]
    theme_match = THEME_LINE.search(text)
    if theme_match:
        theme = _clean(theme_match.group("theme"))
    else:  # the line after "THEME CONCEPT PAPER"
        theme = _clean(non_empty[non_empty.index("THEME CONCEPT PAPER") + 1])

    roundtables: list[RoundtableText] = []
    current: RoundtableText | SessionText | None = None
    for line in lines:
        if not line:
            continue
        if match := ROUNDTABLE_HEADING.match(line):
            current = RoundtableText(number=int(match["number"]), title=_clean(match["title"]))
            roundtables.append(current)
        elif (match := SESSION_HEADING.match(line)) and roundtables:
            current = SessionText(code=match["code"], title=_clean(match["title"]))
            roundtables[-1].sessions.append(current)
        elif current is not None and not line.startswith(("¹", "²", "³")):
            _add_paragraph(current.paragraphs, _clean(line))
    return ConceptPaper(title=title, theme=theme, text=text, roundtables=roundtables)
