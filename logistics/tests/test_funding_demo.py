"""The funding part of the 2010 demo, loaded twice."""

import pytest
from django.core.management import call_command

from logistics.demo.funding import load_funding_demo
from logistics.models.funding import FundingCall, FundingNomination


@pytest.mark.django_db
def test_the_demo_call_has_ghanas_nominations_one_funded_and_loads_twice():
    call_command("load_demo", verbosity=0)
    for _load in range(2):  # the demo's own load first (it once left the call's nominations out), then again
        call = FundingCall.objects.get(title_en="Participation of delegates from least developed countries")
        assert call.is_open and call.meeting.number == 4
        nominations = FundingNomination.objects.filter(call=call)
        assert nominations.count() == 2
        assert {n.delegation.country.code for n in nominations} == {"GH"}
        assert nominations.filter(state="funded").count() == 1
        load_funding_demo()
