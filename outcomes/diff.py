"""Server-side comparison of two versions of a section (difflib), for the conflict and history views.

The HTML is read as a list of blocks (paragraphs, headings, list items, table rows), so that the
writer compares what they wrote, not markup; changed blocks are compared word by word."""

import difflib
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BLOCK_TAGS = {"p", "h2", "h3", "h4", "li", "tr", "blockquote", "hr"}
PREFIX = {"h2": "", "h3": "", "h4": "", "li": "• "}


class _BlockReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.stack: list[str] = []

    def _flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            if tag in {"li", "tr"} or not self.stack or self.stack[-1] not in {"li", "tr"}:
                self._flush()
            self.current.append(PREFIX.get(tag, ""))
            self.stack.append(tag)
        elif tag in {"td", "th"} and self.current and "".join(self.current).strip():
            self.current.append(" | ")
        elif tag == "br":
            self.current.append(" ")

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            if self.stack and self.stack[-1] == tag:
                self.stack.pop()
            if tag in {"li", "tr"} or not self.stack:
                self._flush()

    def handle_data(self, data):
        self.current.append(data)

    def close(self):
        super().close()
        self._flush()


def html_blocks(html: str) -> list[str]:
    reader = _BlockReader()
    reader.feed(html or "")
    reader.close()
    return reader.blocks


@dataclass(frozen=True)
class DiffRow:
    change: str  # "equal", "delete", "insert", "replace"
    old: SafeString
    new: SafeString


def _words(text: str) -> list[str]:
    return re.findall(r"\s+|[^\s]+", text)


def _word_diff(old: str, new: str) -> tuple[SafeString, SafeString]:
    a, b = _words(old), _words(new)
    matcher = difflib.SequenceMatcher(lambda w: w.isspace(), a, b, autojunk=False)
    if not old or not new or matcher.ratio() < 0.5:
        # Mostly rewritten: one block out, one block in reads better than a word salad.
        return (
            mark_safe(f"<del>{escape(old)}</del>" if old else ""),
            mark_safe(f"<ins>{escape(new)}</ins>" if new else ""),
        )
    opcodes = matcher.get_opcodes()
    # A lone space between two changes belongs to the change:
    # "<del>two words</del>", not "<del>two</del> <del>words</del>".
    merged: list[list] = []
    for k, (op, i1, i2, j1, j2) in enumerate(opcodes):
        between = 0 < k < len(opcodes) - 1 and op == "equal" and "".join(a[i1:i2]).isspace()
        if merged and (op != "equal" or between) and merged[-1][0] == "change":
            merged[-1][2], merged[-1][4] = i2, j2
        else:
            merged.append(["change" if op != "equal" else "equal", i1, i2, j1, j2])
    left, right = [], []
    for op, i1, i2, j1, j2 in merged:
        old_part, new_part = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if op == "equal":
            left.append(old_part)
            right.append(new_part)
            continue
        if old_part:
            left.append(f"<del>{old_part}</del>")
        if new_part:
            right.append(f"<ins>{new_part}</ins>")
    return mark_safe("".join(left)), mark_safe("".join(right))


def side_by_side(old_html: str, new_html: str) -> list[DiffRow]:
    """Rows of (old block, new block) with deletions and insertions marked up."""
    old, new = html_blocks(old_html), html_blocks(new_html)
    rows: list[DiffRow] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            rows.extend(DiffRow("equal", escape(text), escape(text)) for text in old[i1:i2])
        elif op == "delete":
            rows.extend(DiffRow("delete", mark_safe(f"<del>{escape(t)}</del>"), mark_safe("")) for t in old[i1:i2])
        elif op == "insert":
            rows.extend(DiffRow("insert", mark_safe(""), mark_safe(f"<ins>{escape(t)}</ins>")) for t in new[j1:j2])
        else:
            pairs = max(i2 - i1, j2 - j1)
            for k in range(pairs):
                a = old[i1 + k] if i1 + k < i2 else ""
                b = new[j1 + k] if j1 + k < j2 else ""
                left, right = _word_diff(a, b)
                rows.append(DiffRow("replace", left, right))
    return rows


def has_changes(rows: list[DiffRow]) -> bool:
    return any(row.change != "equal" for row in rows)
