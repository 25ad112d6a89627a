"""A local SMTP server for the mail benchmark (aiosmtpd): accepts every mail, keeps only a count.

    python -m benchmarks.smtp_sink --port 8825 --stats var/bench/smtp.json

On SIGTERM it writes {"messages": N, "recipients": M} to the stats file and stops."""

import argparse
import json
import signal
import threading
from pathlib import Path


class CountingHandler:
    def __init__(self):
        self.messages = 0
        self.recipients = 0

    async def handle_DATA(self, server, session, envelope):
        self.messages += 1
        self.recipients += len(envelope.rcpt_tos)
        return "250 Message accepted"


def main(argv=None) -> None:
    from aiosmtpd.controller import Controller

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--stats", type=Path, required=True)
    args = parser.parse_args(argv)
    handler = CountingHandler()
    controller = Controller(handler, hostname=args.host, port=args.port)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    controller.start()
    print(f"SMTP sink listening on {args.host}:{args.port}", flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        controller.stop()
        args.stats.write_text(json.dumps({"messages": handler.messages, "recipients": handler.recipients}))


if __name__ == "__main__":
    main()
