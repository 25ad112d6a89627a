"""axe-core in every browser test: each page a journey loads is audited against WCAG 2.1 A and AA.

How it works, and why this way. Playwright's sync API runs event handlers while it dispatches the browser's
events, and a handler that waits on the page (an audit while a dialog is open) can wait for ever, so the
`load` handler only notes the page as waiting for an audit. The audit itself runs on the test's side, just
before the test's next Playwright call of any kind (a click, a fill, an `expect`, a screenshot, closing a
context): every Playwright sync call goes through `SyncBase._sync`, which `AccessibilityAudit.watch` wraps.
So a page is audited once it has loaded and before the journey touches it again, with nothing to change in
the tests; the page last loaded is audited when the test body ends. A part of a page that htmx swaps in asks
for an audit the same way (an init script listens for `htmx:afterSettle` and calls an exposed binding, whose
callback only takes note). Injecting axe through `evaluate` (the DevTools protocol) is not subject to the
page's Content-Security-Policy, so the portal's strict policy stays as it is.

A serious or critical violation fails the test once its body has run, with every violation found
on the way (rule, impact, URL, help, the elements' selectors and axe's summary). A state reached
otherwise (a dialog opened, a section unfolded) is audited by calling the `audit` fixture.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import greenlet
from playwright._impl._sync_base import SyncBase
from playwright.sync_api import Browser, BrowserContext, Error, Page

AXE_PATH = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = ("serious", "critical")
# Only the violations are needed: asking for passes and incomplete results too would double the time
# axe spends building its report on large pages.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}

# Runs in the page, once axe is in it. Colours are measured once the transitions under way have ended (a button
# the test just clicked is still fading to its hover colours); endless animations (spinners) are not waited for.
RUN_AXE = """async (options) => {
  const ending = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
  const settled = Promise.all(ending.map((a) => a.finished.catch(() => null)));
  await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 2000))]);
  const results = await axe.run(document, options);
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    helpUrl: violation.helpUrl,
    nodes: violation.nodes.map((node) => ({target: node.target.join(" "), summary: node.failureSummary})),
  }));
}"""


# Injected by the DevTools protocol like `evaluate`, so the Content-Security-Policy does not apply to it.
SETTLED_BINDING = "__axeAuditAfterSwap"
SETTLED_SCRIPT = f"document.addEventListener('htmx:afterSettle', () => window.{SETTLED_BINDING}());"

# What identifies a page state for axe: its markup (less the per-request CSRF tokens) and the viewport.
# The same state audited twice gives the same answer, so a worker audits the sign-in page, the home page
# and the like once, not in every test that passes through them.
FINGERPRINT = """() => {
  if (document.contentType !== "text/html" || !document.documentElement) return null;
  let html = document.documentElement.outerHTML;
  for (const input of document.querySelectorAll("input[name=csrfmiddlewaretoken]")) {
    if (input.value) html = html.split(input.value).join("");
  }
  let hash = 0x811c9dc5;
  for (let i = 0; i < html.length; i++) hash = Math.imul(hash ^ html.charCodeAt(i), 16777619);
  return {
    axe: typeof window.axe === "object",
    fingerprint: `${innerWidth}x${innerHeight}:${html.length}:${(hash >>> 0).toString(16)}`,
  };
}"""
_RESULTS_BY_FINGERPRINT: dict[str, list[dict[str, Any]]] = {}


@dataclass(frozen=True)
class Violation:
    url: str
    rule: str
    impact: str
    help: str
    help_url: str
    targets: tuple[tuple[str, str], ...]  # (selector, axe's summary of what fails)

    @property
    def fails(self) -> bool:
        return self.impact in FAILING_IMPACTS

    def describe(self) -> str:
        lines = [f"{self.rule} ({self.impact}) on {self.url}", f"  {self.help}: {self.help_url}"]
        for selector, summary in self.targets:
            detail = " ".join(summary.split()) if summary else ""
            lines.append(f"  - {selector}" + (f"\n      {detail}" if detail else ""))
        return "\n".join(lines)


class AccessibilityAudit:
    """The audits of one test: the pages watched, those waiting for an audit, what was found."""

    def __init__(self) -> None:
        self.violations: list[Violation] = []
        self.audited_pages = 0
        self.reused = 0
        self.seconds = 0.0
        self._pending: list[Page] = []
        self._pages: list[Page] = []
        self._watched: dict[int, Any] = {}  # holding each context and page, so that no id() is reused
        self._busy = False
        self._active = False
        self._axe_source: str | None = None
        self._test_greenlet: greenlet.greenlet | None = None

    # -- wiring ----------------------------------------------------------------------------------
    def watch(self, monkeypatch: Any) -> None:
        """From now on every context the test opens, and every page in it, is audited."""
        audit = self
        original_sync = SyncBase._sync
        original_new_context = Browser.new_context
        original_new_page = Browser.new_page

        def _sync(sync_object: SyncBase, awaitable: Any) -> Any:
            __tracebackhide__ = True
            # Only from the test itself: Playwright runs the test's event and route handlers in greenlets of
            # their own, and one of them accepting a dialog must not wait for an audit that waits for it.
            if audit._pending and not audit._busy and greenlet.getcurrent() is audit._test_greenlet:
                try:
                    audit.audit_pending()
                except BaseException:
                    if asyncio.iscoroutine(awaitable):
                        awaitable.close()  # the test's own call will not run: no "never awaited" warning
                    raise
            return original_sync(sync_object, awaitable)

        def new_context(browser: Browser, *args: Any, **kwargs: Any) -> BrowserContext:
            context = original_new_context(browser, *args, **kwargs)
            audit.watch_context(context)
            return context

        def new_page(browser: Browser, *args: Any, **kwargs: Any) -> Page:
            page = original_new_page(browser, *args, **kwargs)
            audit.watch_context(page.context)
            return page

        self._test_greenlet = greenlet.getcurrent()
        monkeypatch.setattr(SyncBase, "_sync", _sync)
        monkeypatch.setattr(Browser, "new_context", new_context)
        monkeypatch.setattr(Browser, "new_page", new_page)
        self._active = True

    def watch_context(self, context: BrowserContext) -> None:
        if id(context) in self._watched:
            return
        self._watched[id(context)] = context
        context.on("page", self.watch_page)
        # htmx replaces parts of a page without loading it: each settled swap asks for an audit the same way.
        context.expose_binding(SETTLED_BINDING, self._settled)
        context.add_init_script(script=SETTLED_SCRIPT)
        for page in context.pages:
            self.watch_page(page)

    def watch_page(self, page: Page) -> None:
        if id(page) in self._watched:
            return
        self._watched[id(page)] = page
        self._pages.append(page)
        # Runs on Playwright's dispatcher: only take note, the test's next call runs the audit.
        page.on("load", self._loaded)

    def _loaded(self, page: Page) -> None:
        if self._active and page not in self._pending:
            self._pending.append(page)

    def finish(self) -> None:
        """At the end of the test body: let a navigation still under way load, then audit what is waiting."""
        for page in self._pages:
            if not page.is_closed():
                with contextlib.suppress(Error):  # closed meanwhile: nothing left to audit
                    page.wait_for_load_state("load")
        self.audit_pending()
        self.stop()

    def _settled(self, source: dict[str, Any]) -> None:
        self._loaded(source["page"])

    def stop(self) -> None:
        self._active = False
        self._pending.clear()

    # -- auditing --------------------------------------------------------------------------------
    def audit_pending(self) -> None:
        while self._pending:
            page = self._pending.pop(0)
            if not page.is_closed():
                self.audit(page, reuse=True)

    def audit(self, page: Page, *, reuse: bool = False) -> list[Violation]:
        """Audit the page as it is now; return its serious and critical violations. With reuse, a page whose
        markup was audited before in this worker gets that answer (hover, focus and transitions aside, it is
        the same page); an explicit audit always runs axe, since the state it checks may not show in the markup."""
        if self._busy:
            return []
        self._busy = True
        started = time.perf_counter()
        try:
            found = self._run(page, reuse=reuse)
        finally:
            self._busy = False
            self.seconds += time.perf_counter() - started
        if found is None:
            return []
        self.audited_pages += 1
        for violation in found:
            if violation not in self.violations:
                self.violations.append(violation)
        return [violation for violation in found if violation.fails]

    def _run(self, page: Page, *, reuse: bool) -> list[Violation] | None:
        url = page.url
        if not url.startswith(("http://", "https://")):
            return None
        try:
            # A page the journey has just sent on to another document is audited once that one has loaded.
            page.wait_for_load_state("load")
            state = page.evaluate(FINGERPRINT)
            if state is None:
                return None
            raw = _RESULTS_BY_FINGERPRINT.get(state["fingerprint"]) if reuse else None
            if raw is not None:
                self.reused += 1
            else:
                for frame in page.frames:
                    if frame is not page.main_frame or not state["axe"]:
                        frame.evaluate(f"() => {{ if (typeof window.axe !== 'object') {{ {self._axe()}\n}} }}")
                raw = page.evaluate(RUN_AXE, AXE_OPTIONS)
                if reuse:
                    _RESULTS_BY_FINGERPRINT[state["fingerprint"]] = raw
        except Error as error:
            # The page went on to another document while it was being audited (a redirect by script,
            # an htmx HX-Redirect): that document's own load queues its audit.
            if "context was destroyed" in error.message or "navigat" in error.message:
                return None
            raise
        return [
            Violation(
                url=url,
                rule=item["rule"],
                impact=item["impact"] or "minor",
                help=item["help"],
                help_url=item["helpUrl"],
                targets=tuple((node["target"], node["summary"] or "") for node in item["nodes"]),
            )
            for item in raw
        ]

    def _axe(self) -> str:
        if self._axe_source is None:
            self._axe_source = AXE_PATH.read_text(encoding="utf-8")
        return self._axe_source

    # -- reporting -------------------------------------------------------------------------------
    @property
    def failures(self) -> list[Violation]:
        return [violation for violation in self.violations if violation.fails]

    def report(self) -> str:
        failures = self.failures
        header = (
            f"axe-core {len(failures)} serious or critical WCAG 2.1 A/AA violation"
            f"{'' if len(failures) == 1 else 's'} on the pages this test visited"
        )
        return "\n\n".join([header, *(violation.describe() for violation in failures)])
