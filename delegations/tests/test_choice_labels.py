"""ChoiceLabels answers get_FOO_display() as Django does, in each reader's language, translating only the
label it shows."""

from django.apps import apps
from django.db import models
from django.utils import translation

from gfmd.choices import ChoiceLabels


def _fields_with_choices():
    for model in apps.get_models():
        if issubclass(model, ChoiceLabels):
            for field in model._meta.concrete_fields:
                if field.choices:
                    yield model, field


def test_every_label_is_django_s_own_in_every_language():
    checked = 0
    for model, field in _fields_with_choices():
        for value, _label in field.flatchoices:
            row = model(**{field.attname: value})
            for language in ("en", "fr", "es"):
                with translation.override(language):
                    assert row._get_FIELD_display(field) == models.Model._get_FIELD_display(row, field)
            checked += 1
    assert checked > 40


def test_an_unknown_value_is_shown_as_it_is():
    from delegations.models import Registration

    assert Registration(status="archived").get_status_display() == "archived"


def test_the_label_follows_the_reader_s_language_after_the_first_call():
    from delegations.models import Registration

    row = Registration(status=Registration.Status.APPROVED)
    with translation.override("en"):
        english = row.get_status_display()
    with translation.override("fr"):
        french = row.get_status_display()
    assert english != french
    # the field's lazy labels are kept (a CountryField's, computed per language, are not)
    assert isinstance(Registration._meta.get_field("status")._gfmd_choice_labels, dict)
