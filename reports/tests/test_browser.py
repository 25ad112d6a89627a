"""The Chair's office asks for the report of the proceedings, watches its progress while a real
Celery worker produces it, and downloads the PDF."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from playwright.sync_api import expect

from conftest import sign_in
from gfmd.celery import app as celery_app
from reports.tests.factories import publish_outcome
from reports.tests.pdf import page_texts

pytestmark = [pytest.mark.browser, pytest.mark.worker]


def _database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    host = db["HOST"] or "localhost"
    return f"postgres://{db['USER']}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def report_worker(tmp_path, transactional_db, media_root):
    """A real `celery worker` on the configured broker but a queue of its own, against the test
    database, writing files where the live server reads them; stopped afterwards."""
    broker = settings.CELERY_BROKER_URL
    queue = f"reports-test-{os.getpid()}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "gfmd.settings",
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": broker,
        "GFMD_VAR_DIR": str(tmp_path / "worker"),
        "MEDIA_ROOT": str(media_root),
        "PYTHONUNBUFFERED": "1",
    }
    log_path = tmp_path / "worker.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "gfmd", "worker", "--pool=solo", "--loglevel=INFO",
             "--without-gossip", "--without-mingle", "--without-heartbeat", "-Q", queue],
            cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    previous = (celery_app.conf.task_always_eager, celery_app.conf.task_default_queue)
    celery_app.conf.task_always_eager = False
    celery_app.conf.task_default_queue = queue
    try:
        yield log_path
    finally:
        celery_app.conf.task_always_eager, celery_app.conf.task_default_queue = previous
        process.terminate()
        process.wait(timeout=30)
        print(log_path.read_text()[-3000:])  # shown when the test fails


def test_chair_asks_for_the_proceedings_watches_progress_and_downloads(
    demo, report_worker, live_server, page, screenshot
):
    from roundtables.models import Meeting

    meeting = Meeting.objects.current()
    # The demo already holds published outcomes (1.2, 2.2): the others get a long sample text.
    for session in meeting.sessions.filter(kind="roundtable", outcome__isnull=True):
        publish_outcome(session, repeat=3)

    sign_in(page, live_server, "chair@example.org")
    page.get_by_role("button", name="Chair's office").click()
    page.get_by_role("link", name="Reports").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reports")
    screenshot("reports")

    page.get_by_role("button", name=re.compile(r"^Produce the PDF\W+Report of the proceedings$")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Report of the proceedings · Fourth Meeting of the Global Forum on Migration and Development"
    )
    expect(page.get_by_label("Progress")).to_be_visible()
    screenshot("progress")

    download = page.get_by_role("link", name="Download the PDF")
    expect(download).to_be_visible(timeout=120_000)
    expect(page.get_by_label("Progress")).to_have_count(0)
    expect(page.locator("#report-announcement")).to_have_text("The PDF is ready to download.")
    screenshot("ready")
    with page.expect_download() as event:
        download.click()
    assert event.value.suggested_filename == "gfmd-4-proceedings-en.pdf"
    pages = page_texts(Path(event.value.path()).read_bytes())
    assert "Report of the proceedings" in pages[0]
    assert pages[1].startswith("Contents The theme of the meeting")
    assert "1.1 Partnerships for more regular and protected migration" in pages[1]
    assert "SESSION 3.3" in " ".join(pages)


def test_a_delegate_gets_not_found_for_the_chairs_file(demo, live_server, page, chair_file):
    sign_in(page, live_server, "delegate.mx@example.org")
    response = page.goto(f"{live_server.url}/reports/files/{chair_file.pk}/download/")
    assert response.status == 404


@pytest.fixture
def chair_file(demo):
    from accounts.models import User
    from reports.models import GeneratedFile
    from reports.services import request_key

    params = {"meeting": 1, "variant": "full", "language": "en"}
    return GeneratedFile.objects.create(
        kind="participants",
        parameters=params,
        request_key=request_key("participants", params),
        requested_by=User.objects.get(email="chair@example.org"),
        state=GeneratedFile.State.FAILED,
    )


def test_badge_verification_at_the_door_before_and_after_a_new_approval(demo, live_server, page, screenshot):
    """A steward scans Sofía's badge: valid. She withdraws, registers again and is approved again:
    her old badge answers "not valid" and names nobody; the reprinted one is valid."""
    from accounts.models import User
    from delegations.models import Registration
    from delegations.services import registration_approve, registration_create, registration_withdraw
    from reports.badges import badge_token
    from roundtables.models import Meeting

    page.set_viewport_size({"width": 390, "height": 844})  # the steward's phone
    registration = Registration.objects.select_related("person", "delegation", "meeting").get(
        person__email="delegate.mx@example.org"
    )
    old_badge = f"{live_server.url}/reports/badges/verify/{badge_token(registration.pk, registration.badge_serial)}/"
    page.goto(old_badge)
    expect(page.get_by_role("heading", level=1)).to_have_text("Valid")
    expect(page.get_by_text("Ms Sofía Castillo")).to_be_visible()
    expect(page.locator(".badge-check-delegation")).to_have_text("Mexico")
    expect(page.get_by_text(registration.meeting.title)).to_be_visible()
    screenshot("valid")

    registration_withdraw(registration=registration, actor=registration.person)
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Not valid")
    expect(page.get_by_text("Sofía")).to_have_count(0)
    screenshot("withdrawn")

    Meeting.objects.filter(pk=registration.meeting_id).update(status="open")
    registration_create(
        person=registration.person,
        meeting=registration.meeting,
        delegation=registration.delegation,
        role=registration.role,
        sessions=[],
    )
    registration_approve(registration=registration, actor=User.objects.get(email="chair@example.org"))
    registration.refresh_from_db()
    page.goto(old_badge)
    expect(page.get_by_role("heading", level=1)).to_have_text("Not valid")
    expect(
        page.get_by_text("This badge does not admit its bearer. Send them to the registration desk.")
    ).to_be_visible()
    for secret in ("Sofía", "Castillo", "Mexico", "Withdrawn", "Delegate"):
        expect(page.get_by_text(secret)).to_have_count(0)
    screenshot("old-badge")

    page.goto(f"{live_server.url}/reports/badges/verify/{badge_token(registration.pk, registration.badge_serial)}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Valid")
    expect(page.get_by_text("Ms Sofía Castillo")).to_be_visible()
    page.goto(f"{live_server.url}/reports/badges/verify/{registration.pk}-forgedsignature0/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Not valid")


def test_reports_page_disables_a_document_that_cannot_be_produced_yet(demo, live_server, page, screenshot):
    """Whatever outcomes the demo holds, none is published here: the report of the proceedings is
    shown disabled with the reason; once one outcome is published it can be asked for."""
    from django.utils import timezone

    from outcomes.models import Outcome
    from roundtables.models import Meeting

    meeting = Meeting.objects.current()
    Outcome.objects.filter(session__meeting=meeting).update(state=Outcome.State.APPROVED, published_at=None)

    sign_in(page, live_server, "chair@example.org")
    page.goto(f"{live_server.url}/reports/")
    card = page.locator("article.report-offer").filter(
        has=page.get_by_role("heading", name="Report of the proceedings")
    )
    button = card.get_by_role("button", name=re.compile("Produce the PDF"))
    expect(button).to_be_disabled()
    expect(card.get_by_text("No outcome of this meeting has been published yet.")).to_be_visible()
    expect(button).to_have_accessible_description("No outcome of this meeting has been published yet.")
    screenshot("disabled")

    session = meeting.sessions.filter(kind="roundtable").order_by("code").first()
    if hasattr(session, "outcome"):
        Outcome.objects.filter(pk=session.outcome.pk).update(state=Outcome.State.PUBLISHED, published_at=timezone.now())
    else:
        publish_outcome(session)
    page.reload()
    expect(button).to_be_enabled()
    expect(card.get_by_text("No outcome of this meeting has been published yet.")).to_have_count(0)
