"""Read produced PDFs back (pypdf), as a person's PDF reader would."""

import io

from pypdf import PdfReader


def reader_of(content: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(content))


def page_texts(content: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in reader_of(content).pages]


def full_text(content: bytes) -> str:
    return " ".join(page_texts(content))


def file_content(generated_file) -> bytes:
    with generated_file.file.open("rb") as handle:
        return handle.read()


def attachment_names(content: bytes) -> list[str]:
    """Embedded files of the document catalogue and file-attachment annotations of every page."""
    reader = reader_of(content)
    names = list(reader.attachments)
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            if annotation.get_object().get("/Subtype") == "/FileAttachment":
                names.append("annotation")
    return names
