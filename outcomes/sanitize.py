"""The one gate every outcome text passes on its way into the database: gfmd.html's allow-list
(the one the PDF renderer applies again), and an editor's empty paragraph counted as no text."""

from gfmd.html import clean_rich_text


def clean_outcome_html(html: str) -> str:
    """Sanitised HTML, stripped of surrounding whitespace; an editor's empty paragraph becomes ""."""
    cleaned = clean_rich_text(html).strip()
    return "" if cleaned in {"<p></p>", "<p><br></p>"} else cleaned
