"""The HTML the portal lays out for a document, written to a folder, so that the PDF benchmark can
render exactly the same HTML with WeasyPrint directly (benchmarks.pdf_direct) as its yardstick.

The folder holds part-001.html, part-002.html... (a large document is several parts), the images
each part draws from memory under generated/, the named static assets under static/, and
manifest.json (the parts, and the URL they are resolved against)."""

import json
import shutil
from pathlib import Path

from django.contrib.staticfiles import finders
from django.utils import translation

from reports.registry import get_renderer
from reports.rendering import ASSETS, BASE_URL


def dump_parts(kind: str, params: dict, folder: Path) -> dict:
    renderer = get_renderer(kind)
    params = renderer.clean_params(params)
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "generated").mkdir(parents=True)
    for name in ASSETS:
        target = folder / "static" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(finders.find(name), target)
    parts = []
    with translation.override(params.get("language") or "en"):
        for number, part in enumerate(renderer.build(params), start=1):
            name = f"part-{number:03d}.html"
            (folder / name).write_text(part.html, encoding="utf-8")
            for image, content in part.images.items():
                target = folder / "generated" / image
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
            parts.append({"html": name, "numbered": part.numbered, "images": len(part.images)})
    if len(parts) > 1 and any(part["numbered"] for part in parts):
        # The portal numbers the pages of a multi-part document across its parts with a stylesheet of
        # its own; such a document would not be "the same HTML" rendered directly.
        raise ValueError(f"{kind}: numbered multi-part documents are not comparable with a direct rendering")
    manifest = {"kind": kind, "params": params, "base_url": BASE_URL, "parts": parts}
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return manifest
