"""`make bench`: the portal's pages, mailings and PDFs at GFMD scale, as ratios against the machine's own limits.

For each scale (1x and 10x by default) it builds a fresh database of that size (generate_scale_data),
serves the portal with gunicorn and production settings, and measures every page with wrk on
loopback: requests per second, median and 99th-percentile latency, SQL queries per request (the
X-Query-Count header of benchmarks.middleware). A minimal Django view on the same server, measured
in the same runs, is the yardstick each page is divided by: a ratio survives a noisy, shared
machine better than a raw figure.

On the first scale's data it then measures a survey mailing to 5,000 recipients and a mailing the Chair's
office composes to 5,000 approved participants, each through a real Celery worker to a local SMTP server,
against a plain smtplib loop; and the report of the proceedings
and the badges of every participant, against the same HTML rendered by WeasyPrint directly.

Results: var/bench/results.json and results.md, and the README's table (between its bench markers).
"""

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys

from benchmarks.runner.mail import measure_mail
from benchmarks.runner.pages import measure_pages
from benchmarks.runner.pdfs import measure_pdfs
from benchmarks.runner.processes import BASE_DIR, OUT, STATE, BenchError, bench_env, database_url, manage
from benchmarks.runner.report import targets, to_markdown, update_readme


def _label(scale: float) -> str:
    return f"x{scale:g}"


def prepare_scale(scale: float, args) -> tuple[dict, dict]:
    """A fresh database of the scale, migrated, with static files collected and the data generated."""
    env = bench_env(database_url(scale))
    label = _label(scale)
    print(f"[{label}] migrating and generating the data set...", flush=True)
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    output = manage(env, "generate_scale_data", "--scale", str(scale), "--seed", str(args.seed), "--json")
    info = json.loads(output.strip().splitlines()[-1])
    print(f"[{label}] generated in {info['seconds']} s: {info['counts']}", flush=True)
    # Publishing the programme queued the task that renders its public pages into the cache; no worker
    # runs while the pages are measured, so it is run here, as a deployment's worker runs it.
    warm = (
        "from roundtables.models import ProgrammeRelease; from roundtables.tasks import warm_programme_pages_task;"
        f"print(warm_programme_pages_task(ProgrammeRelease.objects.filter(meeting_id={info['meeting_id']})"
        ".latest('version').pk))"
    )
    rendered = manage(env, "shell", "-c", warm).strip().splitlines()[-1]
    print(f"[{label}] the published programme's pages rendered into the cache: {rendered}", flush=True)
    return env, info


def _machine() -> str:
    cpu = ""
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), "")
    except OSError:
        pass
    memory = ""
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = f", {pages / 2**30:.0f} GB RAM"
    except (ValueError, OSError):
        pass
    return (
        f"{cpu or platform.machine()}, {os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def _commit() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=BASE_DIR, capture_output=True, text=True)
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"], cwd=BASE_DIR, capture_output=True, text=True
    )
    return done.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout.strip() else "")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10", help="comma-separated scale factors (default 1,10)")
    parser.add_argument("--seed", type=int, default=2010)
    parser.add_argument("--runs", type=int, default=3, help="runs of every page (default 3)")
    parser.add_argument("--duration", type=int, default=5, help="seconds of wrk per page and run (default 5)")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument(
        "--workers",
        type=int,
        default=2 * (os.cpu_count() or 1) + 1,
        help="gunicorn sync workers (default 2 × cores + 1)",
    )
    parser.add_argument("--mail-recipients", type=int, default=5000)
    parser.add_argument("--mail-runs", type=int, help="default: --runs")
    parser.add_argument("--worker-concurrency", type=int, default=2, help="Celery worker processes")
    parser.add_argument("--pdf-runs", type=int, help="default: --runs")
    parser.add_argument(
        "--skip-pages", action="store_true", help="measure no page (with --skip-pdf: the mailings alone)"
    )
    parser.add_argument("--skip-mail", action="store_true")
    parser.add_argument("--skip-pdf", action="store_true")
    parser.add_argument("--no-readme", action="store_true", help="leave the README's table alone")
    parser.add_argument("--verbose", action="store_true", help="gunicorn's access log in var/bench")
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="measure nothing: rewrite results.md and the README from results.json",
    )
    args = parser.parse_args(argv)
    args.mail_runs = args.mail_runs or args.runs
    args.pdf_runs = args.pdf_runs or args.runs
    return args


def write_report(results: dict, *, readme: bool) -> None:
    results["targets"] = targets(results)
    database = results["meta"].get("database", "SQLite")
    # The latest run, and the latest of its database (the README shows SQLite's and PostgreSQL's).
    for name in ("results", f"results-{database.lower()}"):
        (OUT / f"{name}.json").write_text(json.dumps(results, indent=2))
    markdown = to_markdown(results)
    (OUT / "results.md").write_text(markdown)
    print(markdown)
    if readme:
        if update_readme(markdown, BASE_DIR / "README.md", database):
            print("README.md: the benchmark table is updated.")
        else:
            print("README.md has no bench markers: the table is in var/bench/results.md only.")


def main(argv=None) -> None:
    args = parse_args(argv)
    if args.report_only:
        write_report(json.loads((OUT / "results.json").read_text()), readme=not args.no_readme)
        return
    if not args.skip_pages and not shutil.which("wrk"):
        sys.exit("wrk is missing: sudo apt-get install wrk (scripts/bench.sh installs it when run as root)")
    OUT.mkdir(parents=True, exist_ok=True)
    STATE.mkdir(parents=True, exist_ok=True)
    using_postgres = os.environ.get("DATABASE_URL", "").startswith("postgres")
    results = {
        "meta": {
            "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": _machine(),
            "commit": _commit(),
            "database": "PostgreSQL" if using_postgres else "SQLite",
            "broker": "Redis" if os.environ.get("REDIS_URL") else "SQLite (kombu SQLAlchemy transport)",
            "workers": args.workers,
            "connections": args.connections,
            "runs": args.runs,
            "duration": args.duration,
            "seed": args.seed,
        },
        "scales": [],
        "mail": None,
        "pdfs": None,
    }
    try:
        for index, scale in enumerate(float(value) for value in args.scales.split(",")):
            label = _label(scale)
            env, info = prepare_scale(scale, args)
            pages = [] if args.skip_pages else measure_pages(env, info, args, label=label)
            results["scales"].append(
                {
                    "scale": scale,
                    "label": label,
                    "counts": info["counts"],
                    "generate_seconds": info["seconds"],
                    "pages": pages,
                }
            )
            if index == 0 and not args.skip_pdf:
                pdfs = measure_pdfs(env, info["meeting_id"], args, label=label)
                pdfs["proceedings"]["outcomes"] = info["counts"]["outcomes"]
                pdfs["badges"]["badges"] = info["counts"]["approved_registrations"]
                results["pdfs"] = pdfs
            # After the PDFs: the composed mailing registers people for the purpose up to its 5,000 approved
            # participants, who would otherwise have badges too.
            if index == 0 and not args.skip_mail:
                results["mail"] = measure_mail(env, args, label=label)
    except BenchError as error:
        sys.exit(f"The benchmark stopped: {error}")
    write_report(results, readme=not args.no_readme)


if __name__ == "__main__":
    main()
