"""The visa part of the 2010 demo: a template, Ghana's focal point's letter issued, a request waiting; loaded
twice, the same; no mail."""

import pytest

from logistics.demo.visa import load_visa_demo
from logistics.models.visa import VisaLetter, VisaLetterTemplate
from mailings.models import OutgoingMail

pytestmark = pytest.mark.django_db


def test_demo_letters_load_twice_the_same():
    from django.core.management import call_command

    call_command("load_demo", quiet_accounts=True)
    load_visa_demo()
    assert VisaLetterTemplate.objects.count() == 1
    states = dict(VisaLetter.objects.values_list("person__email", "state"))
    assert states == {"focalpoint.gh@example.org": "issued", "rapporteur@example.org": "requested"}
    issued = VisaLetter.objects.get(state="issued")
    assert issued.reference == "GFMD2010-VL-0001" and issued.issued_at.year == 2010
    assert not OutgoingMail.objects.filter(subject__icontains="visa").exists()
