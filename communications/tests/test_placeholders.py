"""Only the listed placeholders pass; anything else in braces is an error, never sent raw."""

import pytest

from communications.placeholders import problems


@pytest.mark.parametrize(
    "text",
    [
        "",
        "No placeholder at all.",
        "{salutation}\n\nWelcome to {meeting}, {name} of {delegation}.",
    ],
)
def test_known_placeholders_pass(text):
    assert problems(text, with_session=False) == []


def test_session_only_in_a_mailing_to_one_session():
    assert problems("About {session}", with_session=True) == []
    assert problems("About {session}", with_session=False) == [
        "{session} is only available in a mailing to the participants of one session."
    ]


@pytest.mark.parametrize("text", ["Dear {nmae}", "{link}", "{survey}", "{0.__class__}", "{Name}"])
def test_unknown_placeholder_is_named(text):
    [message] = problems(text, with_session=False)
    assert message.startswith("Unknown placeholder {")
    assert "Use only {salutation}, {name}, {delegation}, {meeting}." in message


@pytest.mark.parametrize("text", ["Price: {", "a } b", "{}", "{{name}}", "{ name }", "{name"])
def test_stray_brace_is_refused(text):
    assert any(
        "A brace that opens or closes no placeholder" in message for message in problems(text, with_session=False)
    )
