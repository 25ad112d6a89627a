import json
import time

from django.core.management.base import BaseCommand, CommandError

from benchmarks.scale import generate


class Command(BaseCommand):
    help = (
        "Generate a GFMD-sized meeting (deterministic from --seed; --scale multiplies every count, "
        "a fraction such as 0.05 makes a small one) and make it the current meeting."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2010)
        parser.add_argument("--scale", type=float, default=1.0)
        parser.add_argument("--json", action="store_true", help="Print what the benchmark needs as JSON.")

    def handle(self, *args, seed: int, scale: float, **options):
        if scale <= 0:
            raise CommandError("--scale must be above zero.")
        started = time.perf_counter()
        data = generate(seed=seed, scale=scale)
        seconds = round(time.perf_counter() - started, 1)
        summary = {"seed": seed, "scale": scale, "seconds": seconds, **data.summary()}
        if options["json"]:
            self.stdout.write(json.dumps(summary))
        else:
            lines = [f"Generated {data.meeting} (number {data.meeting.number}) in {seconds} s:"]
            lines += [f"  {name.replace('_', ' ')}: {count:,}" for name, count in data.counts.items()]
            self.stdout.write(self.style.SUCCESS("\n".join(lines)))
