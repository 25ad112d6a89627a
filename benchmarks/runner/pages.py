"""The pages under load: gunicorn with production settings, wrk on loopback, the minimal view as yardstick.

Every page is measured in every run, one after the other (minimal view first), so that a page and
the yardstick it is divided by see the same machine at nearly the same moment."""

import re
import statistics
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from .processes import OUT, PORT, PY, Background, BenchError, manage, port_free, wait_until

BASE = f"http://127.0.0.1:{PORT}"


@dataclass
class Page:
    name: str
    path: str
    as_user: str = ""  # "chair" or "focal_point": the session cookie to send
    conditional: bool = False  # sent with If-None-Match: the ETag of the page (a browser's second visit)
    expect: int = 200
    grows: str = ""  # what the page lists in full, so its size grows with the meeting (told in the table)


@dataclass
class Measure:
    page: Page
    status: int = 0
    queries: int | None = None
    bytes: int = 0
    headers: dict = field(default_factory=dict)
    rps: list[float] = field(default_factory=list)
    p50_ms: list[float] = field(default_factory=list)
    p99_ms: list[float] = field(default_factory=list)
    alone_ms: float | None = None  # one request on an idle server (median of three)
    errors: int = 0

    def summary(self, minimal_runs: list[float]) -> dict:
        """Medians over the runs. The ratio pairs each run with the minimal view's figure of the same
        run (measured less than a minute before), then takes the median of those ratios."""
        rps = statistics.median(self.rps) if self.rps else 0.0
        ratios = [page / minimal for page, minimal in zip(self.rps, minimal_runs, strict=False) if minimal]
        return {
            "name": self.page.name,
            "path": self.page.path,
            "conditional": self.page.conditional,
            "grows": self.page.grows,
            "status": self.status,
            "queries": self.queries,
            "bytes": self.bytes,
            "rps": round(rps, 1),
            "rps_runs": [round(value, 1) for value in self.rps],
            "rps_spread": round(max(self.rps) - min(self.rps), 1) if self.rps else 0.0,
            "p50_ms": _median(self.p50_ms),
            "p99_ms": _median(self.p99_ms),
            "p99_ms_max": round(max(latencies), 2)
            if (latencies := [v for v in self.p99_ms if v is not None])
            else None,
            "alone_ms": self.alone_ms,
            "errors": self.errors,
            "ratio_to_minimal": round(statistics.median(ratios), 3) if ratios else None,
        }


def _median(values: list[float | None]) -> float | None:
    """The median of the runs that completed requests (a run of a very slow page may complete none)."""
    known = [value for value in values if value is not None]
    return round(statistics.median(known), 2) if known else None


MINIMAL = "minimal Django view"


def pages_for(info: dict) -> list[Page]:
    """The pages of the issue, at their real URLs, for the data set `info` describes (generate_scale_data --json)."""
    number = info["meeting_number"]
    session = f"/meetings/{number}/sessions/{info['session_ids'][0]}/"
    return [
        Page(MINIMAL, "/bench/minimal/"),
        Page("home page", "/", grows="every roundtable and session"),
        Page("public programme", f"/meetings/{number}/programme/", grows="every session"),
        Page(
            "public programme, conditional GET (304)",
            f"/meetings/{number}/programme/",
            conditional=True,
            expect=304,
        ),
        Page("API: the programme", f"/api/v1/meetings/{number}/programme/", grows="every session"),
        Page(
            "API: the programme, conditional GET (304)",
            f"/api/v1/meetings/{number}/programme/",
            conditional=True,
            expect=304,
        ),
        Page("session page", session),
        Page("session page, conditional GET (304)", session, conditional=True, expect=304),
        Page(
            f"paper library, search «{info['library_query']}»",
            f"/meetings/{number}/papers/?q={info['library_query']}",
            grows="the matching papers of the meeting (50 a page)",
        ),
        # Every page that works on one meeting's data names the meeting in its URL, as the portal links them.
        Page("Chair's office: registrations", f"/delegations/meetings/{number}/registrations/", "chair"),
        Page(
            "focal point: delegation page",
            f"/delegations/meetings/{number}/{info['focal_point_delegation_id']}/",
            "focal_point",
        ),
        # The lists a meeting grows, a page of each, as their readers ask for them.
        Page(
            "paper library, page 2 of the meeting's papers",
            f"/meetings/{number}/papers/?page=2",
            grows="50 papers a page",
        ),
        Page(
            "Chair's office: registrations, approved, page 3",
            f"/delegations/meetings/{number}/registrations/?status=approved&page=3",
            "chair",
        ),
        Page("participants list", f"/delegations/meetings/{number}/participants/", "chair"),
        Page("civil-society organisations", f"/delegations/meetings/{number}/civil-society/", "chair"),
        Page("Chair's office: activity log", f"/chair/meetings/{number}/activity/", "chair"),
        Page("Chair's office: mailings", f"/mailings/meetings/{number}/", "chair"),
        *(
            [Page("Chair's office: outbox of the largest mailing", f"/mailings/{mailing}/", "chair")]
            if (mailing := info.get("largest_mailing_id"))
            else []
        ),
        *[
            Page(
                f"survey invitations, {survey['label']}",
                f"/surveys/{survey['id']}/invitations/",
                "chair",
            )
            for survey in info["results_surveys"][-1:]
        ],
        # The archive: every published meeting, and a meeting's page.
        Page("archive: the meetings", "/meetings/"),
        Page("archive: a meeting's page", f"/meetings/{number}/"),
        *[
            Page(
                f"survey results, {survey['label']} ({survey['invitations']:,} invited, "
                f"{survey['responses']:,} responses)",
                f"/surveys/{survey['id']}/results/",
                "chair",
                grows="counts of every answer; the first 200 respondents and 50 written answers a question",
            )
            for survey in info["results_surveys"]
        ],
    ]


def session_cookie(env: dict, email: str) -> str:
    code = (
        "from django.contrib.auth import get_user_model, HASH_SESSION_KEY, SESSION_KEY, BACKEND_SESSION_KEY;"
        "from django.contrib.sessions.backends.db import SessionStore;"
        f"u = get_user_model().objects.get(email='{email}');"
        "s = SessionStore(); s[SESSION_KEY] = str(u.pk);"
        "s[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend';"
        "s[HASH_SESSION_KEY] = u.get_session_auth_hash(); s.create(); print(s.session_key)"
    )
    return "sessionid=" + manage(env, "shell", "-c", code).strip().splitlines()[-1]


def probe(url: str, headers: dict) -> tuple[int, int | None, int, dict]:
    """(status, SQL queries, body bytes, response headers) of one request."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            body = response.read()
            status, found = response.status, response.headers
    except urllib.error.HTTPError as error:  # urllib treats 304 and every 4xx/5xx as errors
        body, status, found = error.read(), error.code, error.headers
    count = found.get("X-Query-Count")
    return status, int(count) if count else None, len(body), dict(found.items())


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_wrk(out: str) -> dict:
    """Requests per second, median and 99th-percentile latency (ms) and errors from `wrk --latency` output."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = {
        pct: float(value) * _UNITS[unit]
        for pct, value, unit in re.findall(r"^\s+(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", out, re.MULTILINE)
    }
    if int(re.search(r"(\d+) requests in", out).group(1)) == 0:  # nothing completed within the run
        latency = {"50": None, "99": None}
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses:\s+(\d+)", out))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if socket:
        errors += sum(int(n) for n in socket.groups())
    return {"rps": rps, "p50_ms": latency["50"], "p99_ms": latency["99"], "errors": errors}


def wrk(url: str, headers: dict, *, duration: float, connections: int) -> dict:
    cmd = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "30s"]
    for name, value in headers.items():
        cmd += ["-H", f"{name}: {value}"]
    done = subprocess.run([*cmd, url], capture_output=True, text=True)
    if done.returncode:
        raise BenchError(f"wrk failed on {url}: {(done.stderr or done.stdout)[-1000:]}")
    return parse_wrk(done.stdout)


def _cpu_ticks(master: int) -> int:
    """CPU time (clock ticks) used so far by the gunicorn master and its workers."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(stat.parent.name), int(fields[1])
        if pid == master or ppid == master:
            total += int(fields[11]) + int(fields[12])  # utime + stime
    return total


def wait_idle(master: int, *, timeout: float = 300) -> None:
    """Wait until the server has finished what wrk left in flight: when wrk stops, sync workers still
    render the requests it abandoned, and those would weigh on whatever is measured next."""
    deadline = time.monotonic() + timeout
    before = _cpu_ticks(master)
    while time.monotonic() < deadline:
        time.sleep(0.25)
        now = _cpu_ticks(master)
        if now - before <= 1:  # at most one tick (10 ms) in 250 ms: nothing is running
            return
        before = now


def alone_ms(url: str, headers: dict) -> float:
    """The median time of three requests one after the other, on an otherwise idle server."""
    times = []
    for _ in range(3):
        started = time.perf_counter()
        probe(url, headers)
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def _serving() -> bool:
    try:
        return probe(BASE + "/bench/minimal/", {})[0] == 200
    except OSError:
        return False


def measure_pages(env: dict, info: dict, args, *, label: str) -> list[dict]:
    if not port_free(PORT):
        raise BenchError(f"Port {PORT} is taken: stop whatever listens there and run the benchmark again.")
    cookies = {
        "chair": session_cookie(env, info["chair_email"]),
        "focal_point": session_cookie(env, info["focal_point_email"]),
    }
    gunicorn = [str(Path(PY).parent / "gunicorn"), "gfmd.wsgi", "--bind", f"127.0.0.1:{PORT}"]
    gunicorn += ["--workers", str(args.workers), "--access-logfile", "-" if args.verbose else "/dev/null"]
    gunicorn += ["--no-control-socket"]
    with Background("gunicorn", gunicorn, env, log=OUT / f"gunicorn-{label}.log") as server:
        wait_until(_serving, timeout=60, what="gunicorn", process=server.process)
        pages = pages_for(info)
        measures = []
        for page in pages:
            headers = {"Cookie": cookies[page.as_user]} if page.as_user else {}
            if page.conditional:
                etag = probe(BASE + page.path, headers)[3].get("ETag")
                if etag:
                    headers["If-None-Match"] = etag
            measure = Measure(page, headers=headers)
            measure.status, measure.queries, measure.bytes, _ = probe(BASE + page.path, headers)
            measures.append(measure)
        master = server.process.pid
        for measure in measures:  # warm every worker's caches and connections, then time one request alone
            if measure.status == measure.page.expect:
                wrk(BASE + measure.page.path, measure.headers, duration=1, connections=args.connections)
                wait_idle(master)
                measure.alone_ms = alone_ms(BASE + measure.page.path, measure.headers)
        for run in range(args.runs):
            for measure in measures:
                if measure.status != measure.page.expect:
                    continue
                result = wrk(
                    BASE + measure.page.path, measure.headers, duration=args.duration, connections=args.connections
                )
                wait_idle(master)
                measure.rps.append(result["rps"])
                measure.p50_ms.append(result["p50_ms"])
                measure.p99_ms.append(result["p99_ms"])
                measure.errors += result["errors"]
            print(f"[{label}] pages: run {run + 1}/{args.runs} done", flush=True)
    minimal = next(m for m in measures if m.page.name == MINIMAL)
    return [measure.summary(minimal.rps) for measure in measures]
