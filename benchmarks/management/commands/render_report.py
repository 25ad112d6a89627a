import json

from django.core.management.base import BaseCommand, CommandError

from benchmarks.documents import time_report
from reports.registry import all_renderers


class Command(BaseCommand):
    help = (
        "Render one document to a file, without the queue, and print how long it took and the process's "
        "peak memory (for the benchmark). Example: render_report badges --meeting 4 --out badges.pdf"
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=[renderer.kind for renderer in all_renderers()])
        parser.add_argument("--meeting", type=int)
        parser.add_argument("--session", type=int)
        parser.add_argument("--variant", default="")
        parser.add_argument("--language", default="en")
        parser.add_argument("--out", default="", help="Write the PDF here (default: measure only).")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, kind, meeting, session, variant, language, out, **options):
        params = {"language": language}
        for name, value in (("meeting", meeting), ("session", session), ("variant", variant)):
            if value:
                params[name] = value
        try:
            timing = time_report(kind, params, path=out or None)
        except Exception as error:
            raise CommandError(f"{type(error).__name__}: {error}") from error
        if options["json"]:
            self.stdout.write(json.dumps(timing.as_dict()))
        else:
            self.stdout.write(
                f"{timing.kind}: {timing.pages} pages in {timing.seconds} s, peak {timing.peak_rss_mb} MB, "
                f"{timing.bytes} bytes"
            )
