"""The W3C's Nu Html Checker (vnu) in every browser test: each HTML document the portal serves while a browser
test runs is checked, and so is each htmx fragment (inside a minimal document), as the checker judges the
markup that was sent, not the DOM scripts built from it afterwards.

How it works, and why this way. The live server runs in a thread of the test's own process, so the markup is
taken where Django hands it out (`BaseHandler.get_response`, wrapped while the test runs): no Playwright call
is needed, and nothing a test does changes. One checker per test worker runs as vnu's own HTTP service (a Java
process started on first use and kept for the worker's life): starting Java for every page would cost a second
each. The same markup (less its per-request CSRF tokens and CSP nonces) is checked once per worker.

`scripts/test.sh` installs the checker (`scripts/vnu.sh`: the npm registry's `vnu-jar`, Debian's Java). Without
it, the pages are not checked and the test's report says so; under CI a missing checker fails the test.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.handlers.base import BaseHandler

ROOT = Path(__file__).resolve().parent.parent
JAR = Path(os.environ.get("GFMD_VNU_JAR", ROOT / "var/tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar"))
# Parts of a page that change with every request and say nothing about its markup.
VOLATILE = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*|(nonce=")[^"]*|("X-CSRFToken": ")[^"]*')
FRAGMENT_PAGE = (
    b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>htmx fragment</title></head><body>%s'
    b"</body></html>"
)
# A fragment that only fits inside a table or a list is checked inside one.
FRAGMENT_CONTAINERS = {b"tr": (b"<table><tbody>", b"</tbody></table>"), b"li": (b"<ul>", b"</ul>")}
_RESULTS: dict[str, list[dict[str, Any]]] = {}


@dataclass(frozen=True)
class Served:
    url: str
    body: bytes
    fragment: bool


@dataclass(frozen=True)
class HtmlError:
    url: str
    line: int | None
    message: str
    extract: str

    def describe(self) -> str:
        where = f"line {self.line}" if self.line else "document"
        extract = " ".join(self.extract.split())
        return f"  - {where}: {self.message}" + (f"\n      {extract}" if extract else "")


class Checker:
    """vnu's HTTP service, one per worker process, started the first time a page is checked."""

    _instance: Checker | None = None

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._url = ""

    @classmethod
    def shared(cls) -> Checker:
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    @staticmethod
    def missing() -> str | None:
        if shutil.which("java") is None:
            return "Java is not installed (scripts/system-packages.sh --browser installs it)"
        if not JAR.is_file():
            return f"{JAR.relative_to(ROOT) if JAR.is_relative_to(ROOT) else JAR} is missing (run scripts/vnu.sh)"
        return None

    def check(self, markup: bytes) -> list[dict[str, Any]]:
        self._start()
        request = urllib.request.Request(
            f"{self._url}/?out=json",
            data=markup,
            headers={"Content-Type": "text/html; charset=utf-8"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=120) as answer:
            return json.load(answer)["messages"]

    def _start(self) -> None:
        if self._process is not None and self._process.poll() is None:
            return
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self._process = subprocess.Popen(
            [
                "java",
                "-Xmx512m",
                "-Dnu.validator.servlet.bind-address=127.0.0.1",
                "-cp",
                str(JAR),
                "nu.validator.servlet.Main",
                str(port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        atexit.register(self._process.terminate)
        self._url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError("the Nu Html Checker stopped while starting")
            try:
                with urllib.request.urlopen(self._url, timeout=5):
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        raise RuntimeError("the Nu Html Checker did not start within 120 s")


def as_document(served: Served) -> bytes:
    if not served.fragment:
        return served.body
    body = served.body.strip()
    tag = re.match(rb"<([a-zA-Z0-9]+)", body)
    before, after = FRAGMENT_CONTAINERS.get(tag.group(1).lower() if tag else b"", (b"", b""))
    return FRAGMENT_PAGE % (before + body + after)


def errors_in(markup: bytes, url: str) -> list[HtmlError]:
    key = hashlib.sha1(VOLATILE.sub(rb"\1\2\3", markup)).hexdigest()
    if key not in _RESULTS:
        _RESULTS[key] = Checker.shared().check(markup)
    return [
        HtmlError(url=url, line=message.get("lastLine"), message=message["message"], extract=message.get("extract", ""))
        for message in _RESULTS[key]
        if message["type"] in ("error", "non-document-error")
    ]


class HtmlValidity:
    """What one browser test was served, and what the checker found in it."""

    def __init__(self) -> None:
        self.served: list[Served] = []
        self.errors: list[HtmlError] = []
        self.checked = 0
        self.seconds = 0.0
        self.skipped_because: str | None = None
        self._lock = threading.Lock()
        self._active = False

    def watch(self, monkeypatch: Any) -> None:
        validity = self
        original = BaseHandler.get_response

        def get_response(handler: BaseHandler, request: Any) -> Any:
            response = original(handler, request)
            if validity._active and validity._wanted(response):
                fragment = request.headers.get("HX-Request") == "true" and request.headers.get("HX-Boosted") != "true"
                with validity._lock:
                    validity.served.append(Served(request.get_full_path(), response.content, fragment))
            return response

        monkeypatch.setattr(BaseHandler, "get_response", get_response)
        self._active = True

    @staticmethod
    def _wanted(response: Any) -> bool:
        # Error pages of a crash fail the test anyway; file downloads and 304s carry no page.
        return (
            not response.streaming
            and 200 <= response.status_code < 500
            and response.status_code != 304
            and response.get("Content-Type", "").startswith("text/html")
            and bool(response.content.strip())
        )

    def finish(self) -> None:
        self._active = False
        self.skipped_because = Checker.missing()
        if self.skipped_because:
            return
        started = time.perf_counter()
        with self._lock:
            served = list(self.served)
        for page in served:
            for error in errors_in(as_document(page), page.url):
                if error not in self.errors:
                    self.errors.append(error)
            self.checked += 1
        self.seconds = time.perf_counter() - started

    def stop(self) -> None:
        self._active = False

    def summary(self) -> str:
        if self.skipped_because:
            return f"not checked: {self.skipped_because}"
        return f"{self.checked} responses checked by the Nu Html Checker in {self.seconds:.2f} s"

    def report(self) -> str:
        count = len(self.errors)
        lines = [f"Nu Html Checker: {count} error{'' if count == 1 else 's'} in the markup this test was served"]
        by_url: dict[str, list[HtmlError]] = {}
        for error in self.errors:
            by_url.setdefault(error.url, []).append(error)
        for url, errors in by_url.items():
            lines.append(url)
            lines.extend(error.describe() for error in errors)
        return "\n".join(lines)
