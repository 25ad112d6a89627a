"""What a person may type as their name."""

import pytest
from django.core.exceptions import ValidationError

from accounts.models import User
from accounts.validators import validate_no_markup


@pytest.mark.parametrize("name", ["Amara", "María José", "O'Neill-Ayala", "Nguyễn Thị"])
def test_a_name_as_people_write_it_is_accepted(name):
    validate_no_markup(name)


@pytest.mark.parametrize("name", ["Ama\x01ra", "Amara\x7f", "\x1b[31mAmara", "Ama\ufffera"])
def test_a_control_character_is_refused_with_a_clear_message(name):
    with pytest.raises(ValidationError) as refused:
        validate_no_markup(name)
    assert refused.value.code == "control"
    assert "control characters" in refused.value.messages[0]


def test_a_name_stored_with_a_control_character_still_prints_without_it():
    # Written before the validator refused them, or by an import: no page may carry the character.
    person = User(email="amara@example.org", first_name="Ama\x01ra", last_name="Diallo")
    assert person.display_name == "Amara Diallo"
