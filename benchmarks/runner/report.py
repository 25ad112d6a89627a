"""The results as Markdown (var/bench/results.md and the README's table) and the targets of the issue,
judged from the figures of the run."""

from pathlib import Path

README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"
# The README keeps one table per database: SQLite (the embedded default) and PostgreSQL + Redis.
README_MARKERS = {
    "SQLite": (README_START, README_END),
    "PostgreSQL": ("<!-- bench:postgresql:start -->", "<!-- bench:postgresql:end -->"),
}
MINIMAL = "minimal Django view"
PUBLIC_PAGES = ("public programme", "session page")
COUNT_NAMES = {
    "delegations": "delegations",
    "registrations": "registrations",
    "sessions": "sessions",
    "papers": "papers",
    "versions": "versions",
    "invitations": "survey invitations",
    "responses": "responses",
    "outcomes": "published outcomes",
}


def _n(value) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def _pct(value) -> str:
    return "" if value is None else f"{value:.0%}" if value >= 0.01 or value == 0 else "< 1%"


def _ms(value) -> str:
    """Milliseconds as read: 0.9, 12.3, 457, 2,040; a dash when no request completed in a run."""
    if value is None:
        return "–"
    return f"{value:.1f}" if value < 100 else f"{value:,.0f}"


def _page_key(page: dict) -> str:
    """Pages are matched across scales by name up to any figures in parentheses (the survey's size)."""
    return page["name"].split(" (")[0] if not page["conditional"] else page["name"]


def targets(results: dict) -> list[dict]:
    """Each target of the issue with what was measured and whether it is met (True, False, or None: not measured)."""
    rows = []
    scales = results.get("scales", [])

    public = []
    for scale in scales:
        for page in scale["pages"]:
            if page["name"] in PUBLIC_PAGES and page["ratio_to_minimal"] is not None:
                public.append((scale["label"], page["name"], page["ratio_to_minimal"], False))
            elif page["conditional"] and page["ratio_to_minimal"] is not None:
                public.append((scale["label"], page["name"].split(",")[0], page["ratio_to_minimal"], True))
    first = [ratio for _label, _name, ratio, conditional in public if not conditional]
    repeat = [ratio for _label, _name, ratio, conditional in public if conditional]
    rows.append(
        {
            "target": "Public programme and session page at ≥ 50% of the minimal view's throughput",
            "measured": "first visit (200): "
            + ", ".join(f"{name} {label} {ratio:.0%}" for label, name, ratio, c in public if not c)
            + "; repeat visit (304): "
            + ", ".join(f"{name} {label} {ratio:.0%}" for label, name, ratio, c in public if c),
            "met": (all(r >= 0.5 for r in first) if first else None),
            "note": "met for repeat visits (304) only"
            if first and repeat and all(r >= 0.5 for r in repeat) and not all(r >= 0.5 for r in first)
            else "",
        }
    )

    slow = []
    measured = 0
    for scale in scales:
        for page in scale["pages"]:
            if page["name"] == MINIMAL:
                continue
            if page["status"] != (304 if page["conditional"] else 200):
                slow.append(f"{_page_key(page)} {scale['label']}: answered {page['status']}")
                continue
            measured += 1
            if page["rps"] < 100 or page["p99_ms"] is None or page["p99_ms"] >= 100:
                slow.append(
                    f"{_page_key(page)} {scale['label']}: {page['rps']:.0f} req/s, p99 {_ms(page['p99_ms'])} ms"
                )
    rows.append(
        {
            "target": "Every page ≥ 100 req/s at 4 connections, 99th percentile < 100 ms",
            "measured": "short of it: " + "; ".join(slow) if slow else f"all {measured} measurements",
            "met": (not slow) if measured else None,
            "note": "",
        }
    )

    by_page: dict[str, dict[str, int | None]] = {}
    for scale in scales:
        for page in scale["pages"]:
            by_page.setdefault(_page_key(page), {})[scale["label"]] = page["queries"]
    changing = {name: counts for name, counts in by_page.items() if len(set(counts.values())) > 1}
    rows.append(
        {
            "target": "SQL queries per page the same at every scale",
            "measured": (
                "; ".join(
                    f"{name}: " + ", ".join(f"{label} {count}" for label, count in counts.items())
                    for name, counts in changing.items()
                )
                if changing
                else "the same on every page" + (f" ({', '.join(s['label'] for s in scales)})" if scales else "")
            ),
            "met": (not changing) if len(scales) > 1 else None,
            "note": "" if len(scales) > 1 else "one scale measured",
        }
    )

    mail = results.get("mail")
    composed = mail.get("composed") if mail else None
    mailings = [("survey", mail)] if mail else []
    if composed:
        mailings.append(("composed", composed))
    rows.append(
        {
            "target": "Mailing at ≥ 50% of the plain SMTP loop's rate",
            "measured": (
                "; ".join(
                    f"{what + ': ' if composed else ''}{m['portal_mails_per_s']} vs {m['plain_mails_per_s']} "
                    f"mails/s: {_pct(m['ratio'])}"
                    for what, m in mailings
                )
                if mailings
                else "not measured"
            ),
            "met": (
                all(m["ratio"] >= 0.5 for _what, m in mailings)
                if mailings and all(m["ratio"] is not None for _what, m in mailings)
                else None
            ),
            "note": "",
        }
    )

    pdfs = results.get("pdfs")
    documents = [pdfs[kind] for kind in ("proceedings", "badges") if pdfs and kind in pdfs]
    rows.append(
        {
            "target": "PDFs within 10% of direct WeasyPrint rendering",
            "measured": (
                "; ".join(
                    f"{doc['kind']}: {doc['portal_seconds']} s vs {doc['direct_seconds']} s ({doc['time_ratio']:.2f}×)"
                    for doc in documents
                )
                if documents
                else "not measured"
            ),
            "met": all(doc["time_ratio"] <= 1.10 for doc in documents) if documents else None,
            "note": "",
        }
    )
    badges = pdfs.get("badges") if pdfs else None
    rows.append(
        {
            "target": "Badges of 3,000 participants in < 60 s and < 1 GB",
            "measured": (
                f"{_n(badges.get('badges', 0))} badges ({badges['pages']} pages): {badges['portal_seconds']} s, "
                f"peak {badges['portal_peak_mb']:.0f} MB"
                if badges
                else "not measured"
            ),
            "met": (badges["portal_seconds"] < 60 and badges["portal_peak_mb"] < 1024) if badges else None,
            "note": "",
        }
    )
    worker = badges.get("worker") if badges else None
    rows.append(
        {
            "target": "Badges through the worker faster than direct WeasyPrint in one process",
            "measured": (
                f"{worker['seconds']} s with {worker['processes']} worker processes (parts in a Celery group) "
                f"vs {badges['direct_seconds']} s direct"
                if worker
                else "not measured"
            ),
            "met": worker["seconds"] < badges["direct_seconds"] if worker else None,
            "note": "",
        }
    )
    return rows


def _verdict(row: dict) -> str:
    if row["met"] is None:
        return "not measured" + (f" ({row['note']})" if row["note"] else "")
    return ("**met**" if row["met"] else "**not met**") + (f" ({row['note']})" if row["note"] else "")


def to_markdown(results: dict) -> str:
    meta = results["meta"]
    lines = [
        f"Measured {meta['date']} on {meta['machine']}, at commit `{meta['commit']}`. Database {meta['database']}, "
        f"broker {meta['broker']}; gunicorn with {meta['workers']} sync workers, production settings; wrk with "
        f"{meta['connections']} connections, {meta['runs']} runs of {meta['duration']} s per page, pages interleaved. "
        "Figures are medians over the runs; the spread is max − min.",
        "",
    ]
    for scale in results["scales"]:
        counts = scale["counts"]
        made = ", ".join(f"{_n(counts[key])} {name}" for key, name in COUNT_NAMES.items() if key in counts)
        if not scale["pages"]:
            lines += [f"**Pages at {scale['label']}** ({made}): not measured (--skip-pages)", ""]
            continue
        lines += [
            f"**Pages at {scale['label']}** ({made}; generated in {scale['generate_seconds']} s)",
            "",
            "| page | req/s (spread) | vs minimal view | p50 ms | p99 ms | one request alone, ms | SQL queries | KB |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for p in scale["pages"]:
            expected = 304 if p["conditional"] else 200
            name = p["name"] + (f" — lists {p['grows']}" if p.get("grows") else "")
            if p["status"] != expected:
                lines.append(f"| {name} (`{p['path']}`) | answered {p['status']}: not measured | | | | | | |")
                continue
            rate = f"{p['rps']:.0f} ({p['rps_spread']:.0f})" if p["rps"] >= 1 else f"{p['rps']:.1f}"
            lines.append(
                f"| {name} | {rate} | {_pct(p['ratio_to_minimal'])} | {_ms(p['p50_ms'])} | {_ms(p['p99_ms'])} | "
                f"{_ms(p.get('alone_ms'))} | {p['queries']} | {p['bytes'] / 1024:.0f} |"
                + (f" ⚠ {p['errors']} errors" if p["errors"] else "")
            )
        lines.append("")
    mail = results.get("mail")
    if mail:
        composed = mail.get("composed")
        sent = f"a survey sent to {_n(mail['recipients'])} recipients"
        if composed:
            sent += f" and a mailing composed to {_n(composed['recipients'])} approved participants"
        lines += [
            f"**Mailings** ({sent}, {len(mail['runs'])} runs; "
            f"the local SMTP server received {_n(mail['smtp_received'])} of {_n(mail['smtp_expected'])} mails)",
            "",
            "| path | mails/s (spread) | seconds | vs plain loop |",
            "|---|---|---|---|",
            f"| portal: Send → Celery worker → SMTP (outbox rows locked, links minted, states recorded) | "
            f"{mail['portal_mails_per_s']:.0f} ({mail['portal_spread']:.0f}) | {mail['portal_seconds']} | "
            f"{_pct(mail['ratio'])} |",
            f"| plain smtplib loop, one connection | {mail['plain_mails_per_s']:.0f} ({mail['plain_spread']:.0f}) | "
            f"{mail['plain_seconds']} | 100% |",
        ]
        if composed:
            lines += [
                f"| composed mailing: Send → Celery worker → SMTP | {composed['portal_mails_per_s']:.0f} "
                f"({composed['portal_spread']:.0f}) | {composed['portal_seconds']} | {_pct(composed['ratio'])} |",
                f"| plain smtplib loop, the composed mails | {composed['plain_mails_per_s']:.0f} "
                f"({composed['plain_spread']:.0f}) | {composed['plain_seconds']} | 100% |",
            ]
        lines += [
            "",
            f"Writing the {_n(mail['recipients'])} invitations and outbox rows (survey_invite, before Send) took "
            f"{mail['outbox_seconds']} s." + (f" ⚠ {mail['not_sent']} mails not sent." if mail["not_sent"] else ""),
        ]
        if composed:
            lines.append(
                f"Putting the composed mailing in the outbox (composed_put_in_outbox: resolving the audience of "
                f"{_n(composed['recipients'])} approved participants and writing their outbox rows, before Send) "
                f"took {composed['outbox_seconds']} s."
                + (f" ⚠ {composed['not_sent']} mails not sent." if composed["not_sent"] else "")
            )
        lines.append("")
    pdfs = results.get("pdfs")
    if pdfs:
        lines += [
            "**PDFs** (each rendering in a process of its own; peak = its maximum resident memory)",
            "",
            "| document | pages | portal s (spread) | direct WeasyPrint s (spread) | time ratio | "
            "portal peak MB | direct peak MB | memory ratio |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for kind in ("proceedings", "badges"):
            if kind not in pdfs:
                continue
            d = pdfs[kind]
            what = (
                f"report of the proceedings ({_n(d.get('outcomes', 0))} outcomes)"
                if kind == "proceedings"
                else f"badges ({_n(d.get('badges', 0))} participants, {d['parts']} parts)"
            )
            lines.append(
                f"| {what} | {d['pages']} | {d['portal_seconds']} ({d['portal_seconds_spread']}) | "
                f"{d['direct_seconds']} ({d['direct_seconds_spread']}) | {d['time_ratio']:.2f}× | "
                f"{d['portal_peak_mb']:.0f} | {d['direct_peak_mb']:.0f} | {d['memory_ratio']:.2f}× |"
            )
        worker = pdfs.get("badges", {}).get("worker")
        if worker:
            lines += [
                "",
                f"The same badges asked of a Celery worker with {worker['processes']} processes, its parts rendered "
                f"side by side (a Celery group) and merged: {worker['seconds']} s ({worker['seconds_spread']}), "
                "from the request to the file stored.",
            ]
        baseline = pdfs.get("baseline_rss_mb")
        if baseline:
            lines += [
                "",
                f"A process that only starts carries {baseline['portal']:.0f} MB on the portal's side (Django and "
                f"WeasyPrint loaded) and {baseline['direct']:.0f} MB on the direct side (WeasyPrint alone).",
            ]
        lines.append("")
    lines += ["**Targets**", "", "| target | measured | where it stands |", "|---|---|---|"]
    for row in results.get("targets", []):
        lines.append(f"| {row['target']} | {row['measured']} | {_verdict(row)} |")
    return "\n".join(lines) + "\n"


def update_readme(markdown: str, readme: Path, database: str = "SQLite") -> bool:
    """Put the table between the README's markers of the run's database; False when they are missing."""
    start, end = README_MARKERS.get(database, (README_START, README_END))
    text = readme.read_text()
    if start not in text or end not in text:
        return False
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    readme.write_text(f"{head}{start}\n{markdown}{end}{tail}")
    return True
