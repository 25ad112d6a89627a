"""PDFs: the report of the proceedings and the badges of every participant, rendered by the portal
(reports: its renderer, from the database, in parts merged with pypdf) and, as the yardstick, the same
HTML rendered with WeasyPrint directly. Each rendering runs in a process of its own, whose peak
resident memory (ru_maxrss, C allocations included) the kernel reports when it ends."""

import json
import os
import statistics
import subprocess
from pathlib import Path

from .processes import BASE_DIR, OUT, PY, Background, BenchError, last_json_line, manage, wait_until

DOCUMENTS = ["proceedings", "badges"]


def run_measured(cmd: list[str], env: dict) -> tuple[dict, float]:
    """Run a child to its end; (its JSON output, its peak resident memory in MB)."""
    out_path = OUT / "child-output.txt"
    with open(out_path, "w") as out, open(OUT / "child-errors.txt", "w") as err:
        process = subprocess.Popen(cmd, cwd=BASE_DIR, env=env, stdout=out, stderr=err)
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise BenchError(f"{' '.join(cmd[:4])} failed:\n{(OUT / 'child-errors.txt').read_text()[-3000:]}")
    return json.loads(last_json_line(out_path.read_text())), round(usage.ru_maxrss / 1024, 1)


def measure_pdfs(env: dict, meeting_id: int, args, *, label: str) -> dict:
    folder = OUT / "pdf"
    results = {}
    for kind in DOCUMENTS:
        html = folder / f"{kind}-html"
        dumped = json.loads(
            last_json_line(manage(env, "bench_pdf_html", kind, "--meeting", str(meeting_id), "--out", str(html)))
        )
        runs = []
        for run in range(args.pdf_runs):
            portal_cmd = [PY, "manage.py", "bench_pdf_render", kind, "--meeting", str(meeting_id)]
            portal_cmd += ["--out", str(folder / f"{kind}-portal.pdf")]
            direct_cmd = [PY, "-m", "benchmarks.pdf_direct", str(html), "--json"]
            order = [("portal", portal_cmd), ("direct", direct_cmd)]
            result = {}
            for name, cmd in order if run % 2 == 0 else reversed(order):
                output, peak = run_measured(cmd, env)
                result[name] = {"seconds": output["seconds"], "pages": output["pages"], "peak_rss_mb": peak}
            runs.append(result)
            print(
                f"[{label}] {kind}: run {run + 1}/{args.pdf_runs}: portal {result['portal']['seconds']} s "
                f"{result['portal']['peak_rss_mb']} MB, direct {result['direct']['seconds']} s "
                f"{result['direct']['peak_rss_mb']} MB",
                flush=True,
            )
        results[kind] = summarise(kind, runs, parts=dumped["parts"])
    results["baseline_rss_mb"] = baseline_rss_mb(env)
    if "badges" in results:
        results["badges"]["worker"] = measure_badges_in_worker(env, meeting_id, args, label=label)
    return results


def measure_badges_in_worker(env: dict, meeting_id: int, args, *, label: str) -> dict:
    """The badges as a person gets them: a job sent to a real Celery worker with --concurrency
    processes, which renders the parts side by side (a Celery group) and merges them."""
    log = OUT / f"worker-pdf-{label}.log"
    log.unlink(missing_ok=True)
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
            f"bench-pdf-{label}@%h",
        ],
        env,
        log=log,
    )
    seconds = []
    try:
        ready = lambda: log.exists() and " ready." in log.read_text(errors="replace")  # noqa: E731
        wait_until(ready, timeout=90, what="Celery worker", process=worker.process)
        for run in range(args.pdf_runs):
            done = json.loads(last_json_line(manage(env, "bench_report_job", "badges", "--meeting", str(meeting_id))))
            seconds.append(done["seconds"])
            print(f"[{label}] badges, worker: run {run + 1}/{args.pdf_runs}: {done['seconds']} s", flush=True)
    finally:
        worker.stop()
    return {
        "processes": args.worker_concurrency,
        "seconds": round(statistics.median(seconds), 2),
        "seconds_spread": round(max(seconds) - min(seconds), 2),
    }


def summarise(kind: str, runs: list[dict], *, parts: int) -> dict:
    def median(side: str, key: str) -> float:
        return statistics.median(run[side][key] for run in runs)

    def spread(side: str, key: str) -> float:
        values = [run[side][key] for run in runs]
        return round(max(values) - min(values), 2)

    portal_s, direct_s = median("portal", "seconds"), median("direct", "seconds")
    portal_mb, direct_mb = median("portal", "peak_rss_mb"), median("direct", "peak_rss_mb")
    return {
        "kind": kind,
        "parts": parts,
        "pages": runs[0]["portal"]["pages"],
        "direct_pages": runs[0]["direct"]["pages"],
        "runs": runs,
        "portal_seconds": round(portal_s, 2),
        "portal_seconds_spread": spread("portal", "seconds"),
        "direct_seconds": round(direct_s, 2),
        "direct_seconds_spread": spread("direct", "seconds"),
        "time_ratio": round(portal_s / direct_s, 3) if direct_s else None,
        "portal_peak_mb": round(portal_mb, 1),
        "portal_peak_mb_spread": spread("portal", "peak_rss_mb"),
        "direct_peak_mb": round(direct_mb, 1),
        "direct_peak_mb_spread": spread("direct", "peak_rss_mb"),
        "memory_ratio": round(portal_mb / direct_mb, 3) if direct_mb else None,
    }


def baseline_rss_mb(env: dict) -> dict:
    """Peak memory of a process that only starts (Django and WeasyPrint imported, nothing rendered):
    what each side of the comparison carries before it lays out a page."""
    django_cmd = [PY, "manage.py", "shell", "-c", "import json, weasyprint; print(json.dumps({}))"]
    plain_cmd = [PY, "-c", "import json, weasyprint; print(json.dumps({}))"]
    return {"portal": run_measured(django_cmd, env)[1], "direct": run_measured(plain_cmd, env)[1]}
