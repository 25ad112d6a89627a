import json

from django.core.management.base import BaseCommand

from benchmarks import mailing


class Command(BaseCommand):
    help = (
        "The mail benchmark's steps (run by `make bench`): prepare a survey mailing to N recipients in the "
        "outbox (or compose one to the meeting's N approved participants), send it through the Celery worker "
        "and wait, or send the same mails with a plain smtplib loop."
    )

    def add_arguments(self, parser):
        steps = parser.add_subparsers(dest="step", required=True)
        prepare = steps.add_parser("prepare")
        prepare.add_argument("--recipients", type=int, default=5000)
        prepare.add_argument("--seed", type=int, default=2010)
        compose = steps.add_parser("compose")
        compose.add_argument("--recipients", type=int, default=5000)
        compose.add_argument("--seed", type=int, default=2010)
        send = steps.add_parser("send")
        send.add_argument("--mailing", type=int, required=True)
        send.add_argument("--timeout", type=float, default=600)
        plain = steps.add_parser("plain")
        plain.add_argument("--mailing", type=int, required=True)
        plain.add_argument("--host", default="127.0.0.1")
        plain.add_argument("--port", type=int, required=True)

    def handle(self, *args, step: str, **options):
        if step == "prepare":
            result = mailing.prepare(recipients_count=options["recipients"], seed=options["seed"])
        elif step == "compose":
            result = mailing.prepare_composed(recipients_count=options["recipients"], seed=options["seed"])
        elif step == "send":
            result = mailing.send(mailing_id=options["mailing"], timeout=options["timeout"])
        else:
            result = mailing.plain_loop(mailing_id=options["mailing"], host=options["host"], port=options["port"])
        self.stdout.write(json.dumps(result))
