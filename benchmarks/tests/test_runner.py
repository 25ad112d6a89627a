"""The runner's arithmetic and its output: wrk's figures read right, the targets judged from the
figures, the table written between the README's markers. No server is started here."""

from benchmarks.runner.mail import summarise as summarise_mail
from benchmarks.runner.pages import Measure, Page, parse_wrk
from benchmarks.runner.pdfs import summarise as summarise_pdf
from benchmarks.runner.report import README_END, README_MARKERS, README_START, targets, to_markdown, update_readme

WRK_OUTPUT = """Running 5s test @ http://127.0.0.1:8765/programme/
  2 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    15.31ms    9.02ms  93.21ms   80.10%
    Req/Sec   131.40     20.11   170.00     70.00%
  Latency Distribution
     50%  850.00us
     75%   18.02ms
     90%   24.97ms
     99%    1.20s
  1314 requests in 5.01s, 10.30MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:    262.43
Transfer/sec:      2.06MB
"""


def test_wrk_output_is_read_in_milliseconds():
    assert parse_wrk(WRK_OUTPUT) == {"rps": 262.43, "p50_ms": 0.85, "p99_ms": 1200.0, "errors": 7}


def test_a_page_is_divided_by_the_minimal_view_of_the_same_run():
    measure = Measure(Page("session page", "/s/"), status=200, queries=12, rps=[100.0, 200.0, 50.0])
    measure.p50_ms, measure.p99_ms = [10.0, 12.0, 30.0], [40.0, 45.0, 90.0]

    summary = measure.summary([1000.0, 1000.0, 250.0])

    assert (summary["rps"], summary["rps_spread"], summary["ratio_to_minimal"]) == (100.0, 150.0, 0.2)
    assert (summary["p50_ms"], summary["p99_ms"], summary["p99_ms_max"]) == (12.0, 45.0, 90.0)


def test_a_run_that_completed_no_request_has_no_latency():
    out = WRK_OUTPUT.replace("1314 requests in", "0 requests in").replace("262.43", "0.00")

    assert parse_wrk(out) == {"rps": 0.0, "p50_ms": None, "p99_ms": None, "errors": 7}


def _page(name, rps, ratio, queries, *, p99=20.0, conditional=False, status=None):
    return {
        "name": name,
        "path": "/",
        "conditional": conditional,
        "grows": "",
        "status": status or (304 if conditional else 200),
        "queries": queries,
        "bytes": 2048,
        "rps": rps,
        "rps_runs": [rps],
        "rps_spread": 3.0,
        "p50_ms": 10.0,
        "p99_ms": p99,
        "p99_ms_max": p99,
        "alone_ms": 12.5,
        "errors": 0,
        "ratio_to_minimal": ratio,
    }


def _results():
    def scale(label, programme_queries):
        return {
            "scale": 1.0,
            "label": label,
            "counts": {"delegations": 200, "registrations": 3000},
            "generate_seconds": 6.0,
            "pages": [
                _page("minimal Django view", 1000.0, 1.0, 0),
                _page("public programme", 250.0, 0.25, programme_queries),
                _page("public programme, conditional GET (304)", 600.0, 0.6, 2, conditional=True),
                _page("session page", 90.0, 0.09, 12, p99=140.0),
                {**_page("survey results", 0.0, 0.0, 13), "p50_ms": None, "p99_ms": None, "alone_ms": 4420.0},
            ],
        }

    mail = summarise_mail(
        [
            {
                "mails": 100,
                "outbox_seconds": 0.5,
                "portal": {"sent": 100, "seconds": 2.0},
                "plain": {"sent": 100, "seconds": 0.5},
            },
            {
                "mails": 100,
                "outbox_seconds": 0.7,
                "portal": {"sent": 100, "seconds": 1.0},
                "plain": {"sent": 100, "seconds": 0.4},
            },
        ],
        {"messages": 800, "recipients": 800},
        recipients=100,
        composed_runs=[
            {
                "mails": 100,
                "outbox_seconds": 0.25,
                "portal": {"sent": 100, "seconds": 1.0},
                "plain": {"sent": 100, "seconds": 0.5},
            },
            {
                "mails": 100,
                "outbox_seconds": 0.35,
                "portal": {"sent": 99, "seconds": 0.5},
                "plain": {"sent": 100, "seconds": 0.5},
            },
        ],
    )
    run = {
        "portal": {"seconds": 11.0, "pages": 375, "peak_rss_mb": 300.0},
        "direct": {"seconds": 10.0, "pages": 375, "peak_rss_mb": 250.0},
    }
    pdfs = {
        "proceedings": {**summarise_pdf("proceedings", [run], parts=1), "outcomes": 40},
        "badges": {
            **summarise_pdf("badges", [run, run], parts=13),
            "badges": 3000,
            "worker": {"processes": 2, "seconds": 6.5, "seconds_spread": 0.25},
        },
    }
    results = {
        "meta": {
            "date": "2026-11-27 20:00 UTC",
            "machine": "test machine",
            "commit": "abc1234",
            "database": "SQLite",
            "broker": "Redis",
            "workers": 3,
            "connections": 4,
            "runs": 2,
            "duration": 5,
        },
        "scales": [scale("x1", 2), scale("x10", 3)],
        "mail": mail,
        "pdfs": pdfs,
    }
    results["targets"] = targets(results)
    return results


def test_mail_summary_takes_medians_of_the_rates():
    mail = _results()["mail"]

    assert (mail["portal_mails_per_s"], mail["portal_spread"]) == (75.0, 50.0)
    assert (mail["plain_mails_per_s"], mail["plain_spread"]) == (225.0, 50.0)
    assert (mail["ratio"], mail["not_sent"], mail["smtp_expected"]) == (0.333, 0, 799)


def test_mail_summary_has_the_composed_mailing_s_own_figures():
    composed = _results()["mail"]["composed"]

    assert (composed["recipients"], composed["portal_mails_per_s"], composed["portal_spread"]) == (100, 149.0, 98.0)
    assert (composed["plain_mails_per_s"], composed["ratio"], composed["not_sent"]) == (200.0, 0.745, 1)
    assert (composed["outbox_seconds"], len(composed["runs"])) == (0.3, 2)
    assert "smtp_expected" not in composed


def test_a_mail_summary_without_a_composed_mailing_reads_as_before():
    run = {
        "mails": 10,
        "outbox_seconds": 0.1,
        "portal": {"sent": 10, "seconds": 1.0},
        "plain": {"sent": 10, "seconds": 0.5},
    }

    mail = summarise_mail([run], {"messages": 20}, recipients=10)

    assert (mail["composed"], mail["smtp_expected"], mail["ratio"]) == (None, 20, 0.5)
    assert "Mailing at ≥ 50% of the plain SMTP loop's rate | 10.0 vs 20.0 mails/s: 50% | **met**" in to_markdown(
        {"meta": _results()["meta"], "scales": [], "mail": mail, "targets": targets({"mail": mail})}
    )


def test_pdf_summary_compares_time_and_memory():
    badges = _results()["pdfs"]["badges"]

    assert (badges["portal_seconds"], badges["direct_seconds"], badges["time_ratio"]) == (11.0, 10.0, 1.1)
    assert (badges["portal_peak_mb"], badges["memory_ratio"]) == (300.0, 1.2)


def test_targets_are_judged_from_the_figures():
    verdicts = {row["target"]: (row["met"], row["measured"]) for row in _results()["targets"]}

    assert verdicts == {
        "Public programme and session page at ≥ 50% of the minimal view's throughput": (
            False,
            "first visit (200): public programme x1 25%, session page x1 9%, public programme x10 25%, "
            "session page x10 9%; repeat visit (304): public programme x1 60%, public programme x10 60%",
        ),
        "Every page ≥ 100 req/s at 4 connections, 99th percentile < 100 ms": (
            False,
            "short of it: session page x1: 90 req/s, p99 140 ms; survey results x1: 0 req/s, p99 – ms; "
            "session page x10: 90 req/s, p99 140 ms; survey results x10: 0 req/s, p99 – ms",
        ),
        "SQL queries per page the same at every scale": (False, "public programme: x1 2, x10 3"),
        "Mailing at ≥ 50% of the plain SMTP loop's rate": (
            False,
            "survey: 75.0 vs 225.0 mails/s: 33%; composed: 149.0 vs 200.0 mails/s: 74%",
        ),
        "PDFs within 10% of direct WeasyPrint rendering": (
            True,
            "proceedings: 11.0 s vs 10.0 s (1.10×); badges: 11.0 s vs 10.0 s (1.10×)",
        ),
        "Badges of 3,000 participants in < 60 s and < 1 GB": (True, "3,000 badges (375 pages): 11.0 s, peak 300 MB"),
        "Badges through the worker faster than direct WeasyPrint in one process": (
            True,
            "6.5 s with 2 worker processes (parts in a Celery group) vs 10.0 s direct",
        ),
    }


def test_markdown_has_a_row_per_page_and_the_targets():
    markdown = to_markdown(_results())

    assert "| public programme | 250 (3) | 25% | 10.0 | 20.0 | 12.5 | 2 | 2 |" in markdown.splitlines()
    assert "| survey results | 0.0 | 0% | – | – | 4,420 | 13 | 2 |" in markdown.splitlines()
    assert "| badges (3,000 participants, 13 parts) | 375 | 11.0 (0.0) | 10.0 (0.0) | 1.10× | 300 | 250 | 1.20× |" in (
        markdown.splitlines()
    )
    assert markdown.count("**not met**") == 4
    assert "| composed mailing: Send → Celery worker → SMTP | 149 (98) | 0.75 | 74% |" in markdown.splitlines()
    assert "| plain smtplib loop, the composed mails | 200 (0) | 0.5 | 100% |" in markdown.splitlines()
    assert "a survey sent to 100 recipients and a mailing composed to 100 approved participants, 2 runs" in markdown
    assert "resolving the audience of 100 approved participants and writing their outbox rows" in markdown
    assert "took 0.3 s. ⚠ 1 mails not sent." in markdown
    assert (
        "asked of a Celery worker with 2 processes, its parts rendered side by side (a Celery group) and merged: "
        in (markdown)
    )


def test_readme_table_is_replaced_between_the_markers(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"# Title\n\n{README_START}\nold table\n{README_END}\n\nAfter.\n")

    assert update_readme("new table\n", readme) is True
    assert readme.read_text() == f"# Title\n\n{README_START}\nnew table\n{README_END}\n\nAfter.\n"


def test_readme_keeps_a_table_per_database(tmp_path):
    """A PostgreSQL run rewrites its own table and leaves SQLite's alone, and the other way round."""
    pg_start, pg_end = README_MARKERS["PostgreSQL"]
    readme = tmp_path / "README.md"
    readme.write_text(f"{README_START}\nsqlite\n{README_END}\n\n{pg_start}\npg\n{pg_end}\n")

    assert update_readme("new pg\n", readme, "PostgreSQL") is True
    assert readme.read_text() == f"{README_START}\nsqlite\n{README_END}\n\n{pg_start}\nnew pg\n{pg_end}\n"
    assert update_readme("new sqlite\n", readme, "SQLite") is True
    assert readme.read_text() == f"{README_START}\nnew sqlite\n{README_END}\n\n{pg_start}\nnew pg\n{pg_end}\n"


def test_readme_without_markers_is_left_alone(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# Title\n")

    assert update_readme("new table\n", readme) is False
    assert readme.read_text() == "# Title\n"
