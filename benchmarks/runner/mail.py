"""Mailings: a survey sent to N recipients, and a mailing the Chair's office composes to the meeting's N
approved participants, each through the real Celery worker to a local SMTP server (aiosmtpd), against a
plain smtplib loop sending the same mails on one connection, in the same run."""

import json
import statistics
from pathlib import Path

from .processes import OUT, PY, Background, BenchError, free_port, last_json_line, manage, port_free, wait_until


def _worker_ready(log: Path) -> bool:
    return log.exists() and " ready." in log.read_text(errors="replace")


def measure_mail(env: dict, args, *, label: str) -> dict:
    port = free_port()
    stats = OUT / f"smtp-{label}.json"
    stats.unlink(missing_ok=True)
    env = {**env, "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(port), "EMAIL_USE_TLS": "false"}
    sink = Background("smtp", [PY, "-m", "benchmarks.smtp_sink", "--port", str(port), "--stats", str(stats)], env)
    worker_log = OUT / f"worker-{label}.log"
    worker = None
    runs, composed_runs = [], []
    try:
        wait_until(lambda: not port_free(port), timeout=30, what="SMTP server", process=sink.process)
        worker = Background(
            "worker",
            [
                str(Path(PY).parent / "celery"),
                "-A",
                "gfmd",
                "worker",
                "--loglevel=INFO",
                f"--concurrency={args.worker_concurrency}",
                "--pool=prefork",
                "-Q",
                env["CELERY_TASK_DEFAULT_QUEUE"],
                "-n",
                f"bench-{label}@%h",
            ],
            env,
            log=worker_log,
        )
        wait_until(lambda: _worker_ready(worker_log), timeout=90, what="Celery worker", process=worker.process)
        for run in range(args.mail_runs):
            survey = _one_run(env, "prepare", args, run=run, port=port)
            runs.append(survey)
            composed = _one_run(env, "compose", args, run=run, port=port)
            composed_runs.append(composed)
            print(
                f"[{label}] mail: run {run + 1}/{args.mail_runs}: survey {survey['portal']['seconds']} s, "
                f"composed {composed['portal']['seconds']} s (outbox {composed['outbox_seconds']} s), "
                f"plain loop {survey['plain']['seconds']} s / {composed['plain']['seconds']} s "
                f"for {survey['mails']} / {composed['mails']} mails",
                flush=True,
            )
    finally:
        if worker is not None:
            worker.stop()
        sink.stop()
    received = json.loads(stats.read_text()) if stats.exists() else {}
    return summarise(runs, received, recipients=args.mail_recipients, composed_runs=composed_runs)


def _one_run(env: dict, prepare: str, args, *, run: int, port: int) -> dict:
    """One mailing put in the outbox by `bench_mail prepare` (a survey) or `compose` (a composed mailing),
    then sent by the worker and by the plain loop."""
    prepared = json.loads(last_json_line(manage(env, "bench_mail", prepare, "--recipients", str(args.mail_recipients))))
    mailing = str(prepared["mailing"])
    result = {"mails": prepared["mails"], "outbox_seconds": prepared["outbox_seconds"]}
    # Alternate which goes first, so that neither always meets a warmer machine.
    for step in ["portal", "plain"] if run % 2 == 0 else ["plain", "portal"]:
        if step == "portal":
            result["portal"] = json.loads(last_json_line(manage(env, "bench_mail", "send", "--mailing", mailing)))
        else:
            result["plain"] = json.loads(
                last_json_line(manage(env, "bench_mail", "plain", "--mailing", mailing, "--port", str(port)))
            )
    return result


def _rate(mails: int, seconds: float) -> float:
    return mails / seconds if seconds else 0.0


def _figures(runs: list[dict]) -> dict:
    portal = [_rate(run["portal"]["sent"], run["portal"]["seconds"]) for run in runs]
    plain = [_rate(run["plain"]["sent"], run["plain"]["seconds"]) for run in runs]
    expected = sum(run["portal"]["sent"] + run["plain"]["sent"] for run in runs)
    portal_rate, plain_rate = statistics.median(portal), statistics.median(plain)
    return {
        "runs": runs,
        "portal_mails_per_s": round(portal_rate, 1),
        "portal_spread": round(max(portal) - min(portal), 1),
        "portal_seconds": round(statistics.median(run["portal"]["seconds"] for run in runs), 2),
        "plain_mails_per_s": round(plain_rate, 1),
        "plain_spread": round(max(plain) - min(plain), 1),
        "plain_seconds": round(statistics.median(run["plain"]["seconds"] for run in runs), 2),
        "outbox_seconds": round(statistics.median(run["outbox_seconds"] for run in runs), 2),
        "ratio": round(portal_rate / plain_rate, 3) if plain_rate else None,
        "not_sent": sum(run["mails"] - run["portal"]["sent"] for run in runs),
        "expected": expected,
    }


def summarise(runs: list[dict], received: dict, *, recipients: int, composed_runs: list[dict] | None = None) -> dict:
    """The survey mailing's figures, with the composed mailing's under "composed" (the same figures, its
    mails counted in what the SMTP server should have received)."""
    if not runs:
        raise BenchError("The mail benchmark made no run.")
    figures = _figures(runs)
    expected = figures.pop("expected")
    composed = None
    if composed_runs:
        composed = _figures(composed_runs)
        expected += composed.pop("expected")
        # At a scale whose meeting has more approved participants than asked, all of them are written to.
        composed["recipients"] = max(run["mails"] for run in composed_runs)
    return {
        "recipients": recipients,
        **figures,
        "composed": composed,
        "smtp_received": received.get("messages"),
        "smtp_expected": expected,
    }
