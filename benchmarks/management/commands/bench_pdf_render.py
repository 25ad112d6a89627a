import json

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Render one document the portal's way (benchmarks.documents.time_report: from the database, through the "
        "renderer, in parts merged with pypdf) and print its timing as JSON, for the PDF benchmark."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind")
        parser.add_argument("--meeting", type=int, required=True)
        parser.add_argument("--language", default="en")
        parser.add_argument("--out", default="")

    def handle(self, *args, kind: str, meeting: int, language: str, out: str, **options):
        # WeasyPrint is loaded before the clock starts, as in a worker that has rendered a document
        # before; the direct rendering (benchmarks.pdf_direct) loads it before its clock too.
        import weasyprint  # noqa: F401

        from benchmarks.documents import time_report

        timing = time_report(kind, {"meeting": meeting, "language": language}, path=out or None)
        self.stdout.write(json.dumps(timing.as_dict()))
