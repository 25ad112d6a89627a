"""`make bench`: the portal's pages under load, as ratios against a minimal Django view.

For each scale (1x and 10x by default) it builds a database of that size, serves the portal
with gunicorn and production settings, and measures every page with wrk on loopback: requests
per second, median and 99th-percentile latency, SQL queries per request. The minimal view is
measured on the same server in the same run, interleaved with the pages, so that each page's
throughput is reported as a fraction of it: a ratio survives a noisy, shared machine better
than a raw figure. Results go to var/bench/results.{json,md} and the README's table.
"""

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
OUT = BASE_DIR / "var" / "bench"
PY = sys.executable
PORT = 8765
README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"


@dataclass
class Page:
    name: str
    path: str
    as_user: str = ""  # "chair" or "focal_point": the session cookie to send


@dataclass
class Measure:
    name: str
    path: str
    status: int = 0
    queries: int | None = None
    rps: list[float] = field(default_factory=list)
    p50_ms: list[float] = field(default_factory=list)
    p99_ms: list[float] = field(default_factory=list)

    def summary(self, minimal_rps: float | None) -> dict:
        rps = statistics.median(self.rps) if self.rps else 0.0
        return {
            "name": self.name,
            "path": self.path,
            "status": self.status,
            "queries": self.queries,
            "rps": round(rps, 1),
            "rps_spread": round(max(self.rps) - min(self.rps), 1) if self.rps else 0.0,
            "p50_ms": round(statistics.median(self.p50_ms), 2) if self.p50_ms else None,
            "p99_ms": round(statistics.median(self.p99_ms), 2) if self.p99_ms else None,
            "p99_ms_max": round(max(self.p99_ms), 2) if self.p99_ms else None,
            "ratio_to_minimal": round(rps / minimal_rps, 3) if minimal_rps else None,
        }


def pages_for(info: dict) -> list[Page]:
    session_id = info["session_ids"][0]
    return [
        Page("minimal Django view", "/bench/minimal/"),
        Page("home page", "/"),
        Page("public programme", "/programme/"),
        Page("session page", f"/sessions/{session_id}/"),
        Page("paper library with a search", "/papers/?q=migration"),
        Page("Chair's office: registrations", "/delegations/registrations/", "chair"),
        Page("focal point: delegation page", f"/delegations/{info['focal_point_delegation_id']}/", "focal_point"),
        Page("survey results", f"/surveys/{info.get('survey_id', 0)}/results/", "chair"),
    ]


def _env(database_url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG"}}
    env.update(
        DJANGO_SETTINGS_MODULE="gfmd.settings",
        GFMD_ENV="production",
        GFMD_BENCHMARK="1",
        SECRET_KEY="bench-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=f"http://127.0.0.1:{PORT}",
        SECURE_SSL_REDIRECT="false",
        EMAIL_HOST="127.0.0.1",
        DATABASE_URL=database_url,
        LOG_LEVEL="WARNING",
    )
    return env


def _database_url(scale: int) -> str:
    base = os.environ.get("DATABASE_URL", "")
    if base.startswith("postgres"):
        import psycopg2

        name = f"gfmd_bench_x{scale}"
        server, _ = base.rsplit("/", 1)
        conn = psycopg2.connect(f"{server}/postgres")
        conn.autocommit = True
        with conn.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}"')
        conn.close()
        return f"{server}/{name}"
    path = OUT / f"x{scale}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{path}"


def _manage(env: dict, *args: str) -> str:
    done = subprocess.run([PY, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def _session_cookie(env: dict, email: str) -> str:
    code = (
        "from django.contrib.auth import get_user_model, HASH_SESSION_KEY, SESSION_KEY, BACKEND_SESSION_KEY;"
        "from django.contrib.sessions.backends.db import SessionStore;"
        f"u = get_user_model().objects.get(email='{email}');"
        "s = SessionStore(); s[SESSION_KEY] = str(u.pk);"
        "s[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend';"
        "s[HASH_SESSION_KEY] = u.get_session_auth_hash(); s.create(); print(s.session_key)"
    )
    return _manage(env, "shell", "-c", code).strip().splitlines()[-1]


def _probe(url: str, cookie: str) -> tuple[int, int | None]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            count = response.headers.get("X-Query-Count")
            return response.status, int(count) if count else None
    except urllib.error.HTTPError as error:
        return error.code, None


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _wrk(url: str, cookie: str, duration: int, connections: int) -> tuple[float, float, float]:
    cmd = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{duration}s", "--latency", url]
    if cookie:
        cmd[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = {
        pct: float(value) * _UNITS[unit]
        for pct, value, unit in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.MULTILINE)
    }
    return rps, latency["50"], latency["99"]


def measure_scale(scale: int, args) -> dict:
    database_url = _database_url(scale)
    env = _env(database_url)
    print(f"[x{scale}] migrating and generating the data set...", flush=True)
    _manage(env, "migrate", "--noinput")
    _manage(env, "collectstatic", "--noinput")
    info = json.loads(_manage(env, "generate_scale_data", "--scale", str(scale), "--json").strip().splitlines()[-1])
    cookies = {
        "chair": f"sessionid={_session_cookie(env, info['chair_email'])}",
        "focal_point": f"sessionid={_session_cookie(env, info['focal_point_email'])}",
    }
    server = subprocess.Popen(
        [
            str(Path(PY).parent / "gunicorn"),
            "gfmd.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(args.workers),
            "--access-logfile",
            "-" if args.verbose else "/dev/null",
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=env,
        start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{PORT}"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/bench/minimal/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        pages = pages_for(info)
        measures = {page.name: Measure(page.name, page.path) for page in pages}
        for page in pages:
            status, queries = _probe(base + page.path, cookies.get(page.as_user, ""))
            measures[page.name].status, measures[page.name].queries = status, queries
            for _ in range(3):  # warm up caches and connections
                _probe(base + page.path, cookies.get(page.as_user, ""))
        for run in range(args.runs):
            for page in pages:
                if measures[page.name].status != 200:
                    continue
                rps, p50, p99 = _wrk(base + page.path, cookies.get(page.as_user, ""), args.duration, args.connections)
                m = measures[page.name]
                m.rps.append(rps), m.p50_ms.append(p50), m.p99_ms.append(p99)
            print(f"[x{scale}] run {run + 1}/{args.runs} done", flush=True)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    minimal = measures["minimal Django view"]
    minimal_rps = statistics.median(minimal.rps) if minimal.rps else None
    return {"scale": scale, "counts": info["counts"], "pages": [m.summary(minimal_rps) for m in measures.values()]}


def to_markdown(results: dict) -> str:
    meta = results["meta"]
    lines = [
        f"Measured {meta['date']} on {meta['machine']} at commit `{meta['commit']}`; database {meta['database']}; "
        f"gunicorn with {meta['workers']} workers; wrk with {meta['connections']} connections, "
        f"{meta['runs']} runs of {meta['duration']} s per page (median, spread = max - min).",
        "",
    ]
    for scale in results["scales"]:
        lines += [
            f"**Scale x{scale['scale']}** ({scale['counts']['delegations']} delegations, "
            f"{scale['counts']['registrations']} registrations, {scale['counts']['sessions']} sessions)",
            "",
            "| page | status | req/s (spread) | vs minimal view | p50 ms | p99 ms | SQL queries |",
            "|---|---|---|---|---|---|---|",
        ]
        for p in scale["pages"]:
            if p["status"] != 200:
                lines.append(f"| {p['name']} (`{p['path']}`) | {p['status']} | not measured | | | | |")
                continue
            lines.append(
                f"| {p['name']} | 200 | {p['rps']} ({p['rps_spread']}) | {p['ratio_to_minimal']:.0%} | "
                f"{p['p50_ms']} | {p['p99_ms']} | {p['queries']} |"
            )
        lines.append("")
    for name, section in results.get("extra", {}).items():
        lines += [f"**{name}**", "", section, ""]
    return "\n".join(lines)


def update_readme(markdown: str) -> None:
    readme = BASE_DIR / "README.md"
    text = readme.read_text()
    if README_START in text and README_END in text:
        head, rest = text.split(README_START, 1)
        _, tail = rest.split(README_END, 1)
        readme.write_text(f"{head}{README_START}\n{markdown}\n{README_END}{tail}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 2) + 1)
    parser.add_argument("--no-readme", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    OUT.mkdir(parents=True, exist_ok=True)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=BASE_DIR, capture_output=True, text=True
    ).stdout.strip()
    results = {
        "meta": {
            "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
            "commit": commit,
            "database": "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite",
            "workers": args.workers,
            "connections": args.connections,
            "runs": args.runs,
            "duration": args.duration,
        },
        "scales": [measure_scale(int(scale), args) for scale in args.scales.split(",")],
    }
    (OUT / "results.json").write_text(json.dumps(results, indent=2))
    markdown = to_markdown(results)
    (OUT / "results.md").write_text(markdown)
    print(markdown)
    if not args.no_readme:
        update_readme(markdown)


if __name__ == "__main__":
    main()
