"""File names: generated for storage, sanitised for downloads."""

import re
import unicodedata
import uuid

from django.utils.text import slugify


def storage_name(extension: str) -> str:
    """A name that says nothing about the upload: a random hex and the detected extension."""
    return f"{uuid.uuid4().hex}.{extension}"


def download_name(name: str, extension: str, *, replace_extension: bool = True, fallback: str = "paper") -> str:
    """ASCII letters, digits, dots, dashes and underscores only, with the detected extension
    (whatever the uploader called the file, a PDF downloads as .pdf). `replace_extension`
    drops the extension the name already has (an uploaded file's name)."""
    base = name or ""
    if replace_extension and re.search(r"\.[A-Za-z0-9]{1,5}$", base):
        base = base.rsplit(".", 1)[0]
    stem = base
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip(".-_")[:80].strip(".-_")
    return f"{stem or slugify(fallback)[:80] or 'paper'}.{extension}"


def clean_original_name(name: str) -> str:
    """The uploader's file name as shown in the workspace: no folders, no control characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip()
    return base[:255] or "paper"
