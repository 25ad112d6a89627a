import json
from pathlib import Path

from django.core.management.base import BaseCommand

from benchmarks.pdf_html import dump_parts


class Command(BaseCommand):
    help = (
        "Write the HTML the portal lays out for a document (and its images and stylesheets) to a folder, "
        "for the PDF benchmark to render directly with WeasyPrint."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind")
        parser.add_argument("--meeting", type=int, required=True)
        parser.add_argument("--language", default="en")
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args, kind: str, meeting: int, language: str, out: Path, **options):
        manifest = dump_parts(kind, {"meeting": meeting, "language": language}, out)
        self.stdout.write(json.dumps({"kind": kind, "parts": len(manifest["parts"]), "folder": str(out)}))
