import json

from django.core.management.base import BaseCommand

from benchmarks.scale import generate


class Command(BaseCommand):
    help = "Generate a GFMD-sized meeting (deterministic from --seed; --scale multiplies every count)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2010)
        parser.add_argument("--scale", type=int, default=1)
        parser.add_argument("--json", action="store_true", help="Print what the benchmark needs as JSON.")

    def handle(self, *args, seed: int, scale: int, **options):
        data = generate(seed=seed, scale=scale)
        summary = {
            "meeting_id": data.meeting.pk,
            "chair_email": data.chair.email,
            "focal_point_email": data.focal_point.email,
            "focal_point_delegation_id": data.focal_point_delegation.pk,
            "session_ids": [s.pk for s in data.sessions[:5]],
            "counts": data.counts,
        }
        if options["json"]:
            self.stdout.write(json.dumps(summary))
        else:
            self.stdout.write(self.style.SUCCESS(f"Generated {data.meeting}: {data.counts}"))
