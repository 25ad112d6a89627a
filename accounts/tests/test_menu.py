"""The menu's facts are read in one go with the person's groups."""

import pytest

from accounts.selectors import user_roles


@pytest.mark.django_db
def test_group_names_are_read_once_with_the_menu_facts(chair, django_assert_num_queries):
    from accounts.permissions import is_chair_office

    with django_assert_num_queries(2):  # groups with the menu's facts; focal-point delegations
        assert (is_chair_office(chair), user_roles(chair).chair_office, user_roles(chair).menu["works_on_papers"]) == (
            True,
            True,
            False,
        )
