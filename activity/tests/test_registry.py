"""Every action the code records has a label: the activity page never shows a raw key."""

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.utils import translation

from activity.registry import Action, action_label, readable, register_actions, registered_actions

# The portal's own apps, at the top of the project (not Django's or the libraries').
APPS = {
    config.label: Path(config.path)
    for config in apps.get_app_configs()
    if Path(config.path).parent == Path(settings.BASE_DIR)
}
KEY = re.compile(r"^(?:" + "|".join(APPS) + r")\.[a-z_]+\.[a-z_]+$")


def _production_modules():
    for folder in APPS.values():
        for path in sorted(folder.rglob("*.py")):
            if "tests" not in path.parts and "migrations" not in path.parts:
                yield path


def recorded_actions() -> set[str]:
    """Every `action=` the code passes: the literal keys, and the keys built by an f-string
    (`action=f"papers.paper.{event}"`) completed with each literal its module passes as `event=`."""
    keys = set()
    for path in _production_modules():
        tree = ast.parse(path.read_text(), filename=str(path))
        calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
        literals: dict[str, set[str]] = {}
        built: list[tuple[str, str]] = []
        for call in calls:
            for keyword in call.keywords:
                value = keyword.value
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    literals.setdefault(keyword.arg, set()).add(value.value)
                    if keyword.arg == "action" and KEY.match(value.value):
                        keys.add(value.value)
                elif keyword.arg == "action" and isinstance(value, ast.IfExp):  # one key or another
                    keys |= {
                        branch.value
                        for branch in (value.body, value.orelse)
                        if isinstance(branch, ast.Constant) and KEY.match(str(branch.value))
                    }
                elif keyword.arg == "action" and isinstance(value, ast.JoinedStr):
                    parts = value.values
                    if (
                        len(parts) == 2
                        and isinstance(parts[0], ast.Constant)
                        and isinstance(parts[1], ast.FormattedValue)
                        and isinstance(parts[1].value, ast.Name)
                    ):
                        built.append((parts[0].value, parts[1].value.id))
                    else:
                        raise AssertionError(f"{path}: an action built in a way this test cannot follow")
        for prefix, name in built:
            completed = {prefix + literal for literal in literals.get(name, ())}
            assert completed, f"{path}: no literal `{name}=` completes {prefix!r}"
            keys |= {key for key in completed if KEY.match(key)}
    return keys


def test_the_scan_reads_every_app_of_the_portal():
    assert {"activity", "roundtables", "delegations", "papers", "outcomes", "surveys", "reports"} <= set(APPS)
    assert "admin" not in APPS


def test_the_scan_finds_the_actions_of_every_kind():
    keys = recorded_actions()
    # A literal key, a key passed through a helper (outcomes' _log) and both kinds of built key.
    assert {
        "roundtables.session.created",
        "outcomes.outcome.published",
        "papers.paper.review_started",
        "delegations.registration.withdrawn",
    } <= keys


def test_every_recorded_action_is_registered():
    missing = sorted(recorded_actions() - set(registered_actions()))
    assert missing == []


def test_every_registered_action_is_recorded():
    # A label whose action is no longer recorded is dead text for the translators.
    assert sorted(set(registered_actions()) - recorded_actions()) == []


def test_labels_are_translated_when_shown():
    with translation.override("fr"):
        assert action_label("roundtables.session.created") == "Séance ajoutée"


def test_object_history_uses_its_short_form_or_the_label():
    assert action_label("papers.paper.submitted", on_object=True) == "Submitted for review"
    assert action_label("papers.paper.submitted") == "Paper submitted for review"
    assert action_label("papers.version.uploaded", on_object=True) == "Paper version uploaded"


def test_an_unregistered_action_reads_as_words():
    assert readable("papers.paper.review_started") == "Paper review started"
    assert action_label("elsewhere.thing.done") == "Thing done"


@pytest.fixture
def restore_registry():
    from activity import registry

    saved = dict(registry._actions)
    yield
    registry._actions.clear()
    registry._actions.update(saved)


def test_register_actions_takes_a_label_or_an_action(restore_registry):
    register_actions({"elsewhere.thing.done": "Thing done here", "elsewhere.thing.undone": Action("Undone", "un")})
    assert action_label("elsewhere.thing.done") == "Thing done here"
    assert action_label("elsewhere.thing.undone", on_object=True) == "un"
