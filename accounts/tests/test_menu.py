"""The menu's facts are read in one go with the person's groups."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from accounts.menu import menu_fact_expressions, register_menu_fact
from accounts.selectors import user_roles
from accounts.tests.factories import UserFactory


@pytest.mark.django_db
def test_group_names_are_read_once_with_the_menu_facts(chair, meeting, django_assert_num_queries):
    from accounts.permissions import is_chair_office

    with django_assert_num_queries(2):  # groups with the menu's facts; focal-point delegations
        assert (is_chair_office(chair), user_roles(chair).chair_office, user_roles(chair).menu["works_on_papers"]) == (
            True,
            True,
            False,
        )


def test_every_menu_fact_the_header_reads_is_registered():
    """A template reads a missing fact as False: a misspelt or unregistered name would hide an entry."""
    header = (Path(settings.BASE_DIR) / "templates" / "partials" / "header.html").read_text()
    read = set(re.findall(r"roles\.menu\.(\w+)", header))
    assert read and read <= set(menu_fact_expressions(UserFactory.build(pk=1)))


def test_a_menu_fact_cannot_take_the_groups_name():
    with pytest.raises(ValueError):
        register_menu_fact("group_names", lambda user: None)
