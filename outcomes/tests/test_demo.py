"""The demo's outcomes: 1.1 left to draft, 1.2 and 2.2 published through the real workflow and signed
off by both co-chair governments, so every document the reports page offers can be produced."""

import re

import pytest
from django.core.management import call_command

from outcomes.models import Approval, Outcome, OutcomeRevision
from outcomes.selectors import reading_sections, sign_offs, translation_rows
from roundtables.models import Meeting, SessionPerson

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_loaded():
    call_command("load_demo", quiet_accounts=True)
    return Meeting.objects.current()


def test_demo_publishes_two_outcomes_signed_off_by_both_co_chairs(demo_loaded):
    # 2010's; Athens 2009's outcome in the archive is tested with the demo's earlier meetings (portal).
    published = (
        Outcome.objects.published()
        .filter(session__meeting=demo_loaded)
        .select_related("session")
        .order_by("session__code")
    )
    assert [outcome.session.code for outcome in published] == ["1.2", "2.2"]
    signed = {
        outcome.session.code: [(s.delegation.name, s.approval.approved_by.email, s.counts) for s in sign_offs(outcome)]
        for outcome in published
    }
    assert signed == {
        "1.2": [
            ("Morocco", "cochair.ma@example.org", True),
            ("United States of America", "cochair.us@example.org", True),
        ],
        "2.2": [("Ecuador", "cochair.ec@example.org", True), ("Greece", "cochair.gr@example.org", True)],
    }
    summary = published[0].original_sections.get(kind="summary").html
    assert summary.startswith("<p>The session looked at irregular migration as the other face of regular migration")
    assert [section.html != "" for section in published[1].original_sections.all()] == [True] * 5
    assert Outcome.objects.filter(session__code="1.1").exists() is False  # left for the rapporteur to draft


def test_demo_representatives_are_tied_to_their_government(demo_loaded):
    assert sorted(
        SessionPerson.objects.filter(role=SessionPerson.Role.CO_CHAIR_REPRESENTATIVE).values_list(
            "session__code", "person__email", "delegation__country"
        )
    ) == [
        ("1.1", "cochair.es@example.org", "ES"),
        ("1.2", "cochair.ma@example.org", "MA"),
        ("1.2", "cochair.us@example.org", "US"),
        ("2.2", "cochair.ec@example.org", "EC"),
        ("2.2", "cochair.gr@example.org", "GR"),
    ]


def test_loading_the_demo_again_changes_no_outcome(demo_loaded):
    before = (
        list(Outcome.objects.values_list("pk", "state", "published_at")),
        OutcomeRevision.objects.count(),
        list(Approval.objects.values_list("pk", "approved_by", "approved_at")),
    )
    call_command("load_demo", quiet_accounts=True)
    after = (
        list(Outcome.objects.values_list("pk", "state", "published_at")),
        OutcomeRevision.objects.count(),
        list(Approval.objects.values_list("pk", "approved_by", "approved_at")),
    )
    assert after == before


def test_demo_outcomes_are_dated_on_the_meeting_s_closing_day(demo_loaded):
    from zoneinfo import ZoneInfo

    from activity.models import ActivityLog

    zone = ZoneInfo("America/Mexico_City")
    published = Outcome.objects.published().filter(session__meeting=demo_loaded).order_by("session__code")
    assert [o.published_at.astimezone(zone).strftime("%Y-%m-%d %H:%M") for o in published] == [
        "2010-11-10 18:00",
        "2010-11-10 18:00",
    ]
    assert sorted({a.approved_at.astimezone(zone).date().isoformat() for a in Approval.objects.all()}) == ["2010-11-10"]
    assert sorted(
        {
            e.created_at.year
            for e in ActivityLog.objects.filter(action="outcomes.outcome.published", meeting=demo_loaded)
        }
    ) == [2010]


# --- the translations -----------------------------------------------------------------------------


def _outcome(meeting, code):
    return Outcome.objects.get(session__meeting=meeting, session__code=code)


def _read(outcome, language):
    # The first three words of each section's text.
    return [
        (s.kind, s.language, s.fallback, " ".join(re.sub("<[^>]+>", " ", s.html).split()[:3]))
        for s in reading_sections(outcome, language)
    ]


def test_demo_outcome_1_2_is_published_in_all_three_languages(demo_loaded):
    outcome = _outcome(demo_loaded, "1.2")

    assert _read(outcome, "fr") == [
        ("summary", "fr", False, "La session a"),
        ("conclusions", "fr", False, "La migration irrégulière"),
        ("recommendations", "fr", False, "Ouvrir et faire"),
        ("good_practices", "fr", False, "Les participants ont"),
        ("follow_up", "fr", False, "Les coprésidents proposent"),
    ]
    assert _read(outcome, "es") == [
        ("summary", "es", False, "La sesión examinó"),
        ("conclusions", "es", False, "La migración irregular"),
        ("recommendations", "es", False, "Abrir y dar"),
        ("good_practices", "es", False, "Los participantes citaron"),
        ("follow_up", "es", False, "Los copresidentes proponen"),
    ]
    assert [s.fallback for s in _read_sections(outcome, "en")] == [False] * 5


def _read_sections(outcome, language):
    return reading_sections(outcome, language)


def test_demo_outcome_2_2_has_its_translation_pending(demo_loaded):
    outcome = _outcome(demo_loaded, "2.2")

    assert [(s.kind, s.language, s.fallback) for s in _read_sections(outcome, "fr")] == [
        ("summary", "fr", False),
        ("conclusions", "fr", False),
        ("recommendations", "fr", False),
        ("good_practices", "en", True),
        ("follow_up", "en", True),
    ]
    assert [s.fallback for s in _read_sections(outcome, "es")] == [True] * 5
    assert [row.status for row in translation_rows(outcome, "fr")] == [
        "up_to_date",
        "up_to_date",
        "up_to_date",
        "missing",
        "missing",
    ]


def test_demo_translators_are_named_for_2010_and_made_the_translations(demo_loaded):
    from allauth.account.models import EmailAddress

    from accounts.models import User
    from roundtables.models import MeetingRole

    roles = MeetingRole.objects.active().filter(meeting=demo_loaded, role__startswith="translator_")
    assert sorted(roles.values_list("user__email", "role", "user__preferred_language")) == [
        ("translator.es@example.org", "translator_es", "es"),
        ("translator.fr@example.org", "translator_fr", "fr"),
    ]
    assert EmailAddress.objects.filter(email__startswith="translator.", verified=True).count() == 2
    assert User.objects.get(email="translator.fr@example.org").check_password("gfmd-demo-2010")
    authors = OutcomeRevision.objects.filter(section__outcome__session__meeting=demo_loaded, source__isnull=False)
    assert sorted(set(authors.values_list("section__language", "author__email"))) == [
        ("es", "translator.es@example.org"),
        ("fr", "translator.fr@example.org"),
    ]
    assert sorted(set(authors.values_list("section__outcome__session__code", flat=True))) == ["1.2", "2.2"]


def test_loading_the_demo_again_adds_no_translation(demo_loaded):
    before = (
        list(Outcome.objects.order_by("pk").values_list("pk", "translations_published_at")),
        OutcomeRevision.objects.filter(source__isnull=False).count(),
    )
    call_command("load_demo", quiet_accounts=True)
    after = (
        list(Outcome.objects.order_by("pk").values_list("pk", "translations_published_at")),
        OutcomeRevision.objects.filter(source__isnull=False).count(),
    )
    assert after == before
    assert before[1] == 13  # 1.2: five in French and five in Spanish; 2.2: three in French
