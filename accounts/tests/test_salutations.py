import pytest
from django.utils import translation

from accounts.models import User
from accounts.salutations import salutation


def person(honorific: str = "", first: str = "Grace", last: str = "Adeyemi") -> User:
    return User(email="grace@example.org", honorific=honorific, first_name=first, last_name=last)


@pytest.mark.parametrize(
    ("honorific", "language", "expected"),
    [
        ("ms", "en", "Dear Ms Adeyemi,"),
        ("ms", "fr", "Madame Adeyemi,"),
        ("ms", "es", "Estimada Sra. Adeyemi:"),
        ("mr", "en", "Dear Mr Adeyemi,"),
        ("mr", "fr", "Monsieur Adeyemi,"),
        ("mr", "es", "Estimado Sr. Adeyemi:"),
        ("dr", "fr", "Docteur Adeyemi,"),
        ("prof", "en", "Dear Professor Adeyemi,"),
        ("he", "en", "Your Excellency,"),
        ("he", "fr", "Excellence,"),
        ("he", "es", "Excelencia:"),
        ("", "en", "Dear Grace Adeyemi,"),
        ("", "fr", "Madame, Monsieur,"),
        ("", "es", "Estimado/a Grace Adeyemi:"),
        ("mx", "en", "Dear Mx Adeyemi,"),
        ("mx", "fr", "Madame, Monsieur,"),
        ("mx", "es", "Estimado/a Grace Adeyemi:"),
    ],
)
def test_salutation_is_written_per_language(honorific, language, expected):
    assert salutation(person(honorific), language) == expected


def test_salutation_without_any_name_is_generic():
    nameless = person("ms", first="", last="")
    assert [salutation(nameless, language) for language in ("en", "fr", "es")] == [
        "Dear Sir or Madam,",
        "Madame, Monsieur,",
        "Estimado/a señor/a:",
    ]


def test_salutation_defaults_to_the_active_language():
    with translation.override("fr"):
        assert salutation(person("ms")) == "Madame Adeyemi,"
    with translation.override("de"):  # a language the portal writes no salutations in
        assert salutation(person("ms")) == "Dear Ms Adeyemi,"
