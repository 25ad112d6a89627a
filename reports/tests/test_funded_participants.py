"""The funded participants' report for the donors, produced and read back with pypdf."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from accounts.tests.factories import UserFactory
from logistics.models.funding import FundingNomination
from logistics.tests.factories_funding import funding_world, make_call, make_nomination
from reports.registry import get_renderer
from reports.rendering import render_parts
from reports.tests.pdf import page_texts
from roundtables.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def produce(raw: dict) -> bytes:
    renderer = get_renderer("funded_participants")
    params = renderer.clean_params(raw)
    target = io.BytesIO()
    with translation.override(params.get("language", "en")):
        render_parts(renderer.build(params), target, part_count=renderer.part_count(params))
    return target.getvalue()


@pytest.fixture
def funded(meeting, chair):
    world = funding_world(meeting)
    call = make_call(meeting, budget=Decimal("7500"))
    make_nomination(call, world.ama, state=FundingNomination.State.FUNDED, amount=Decimal("2400.50"))
    make_nomination(call, world.kofi, state=FundingNomination.State.FUNDED, amount=Decimal("2500"))
    make_nomination(call, world.yaw)  # pending: not in the report
    return world, call


def test_the_report_lists_delegation_person_cover_amounts_and_totals(funded):
    world, call = funded
    text = " ".join(page_texts(produce({"meeting": world.meeting.pk, "call": call.pk, "language": "en"})))
    assert "Funded participants" in text
    assert "Ghana" in text and "Ama Owusu" in text and "Kofi Boateng" in text
    assert "Yaw Asante" not in text
    assert "2,400.50 USD" in text and "4,900.50 USD" in text and "2,599.50 USD" in text
    assert "Economy-class return airfare" in text
    assert "Total: 2 funded participants" in text


def test_the_report_is_the_chairs_office_only(funded, chair):
    world, call = funded
    renderer = get_renderer("funded_participants")
    params = renderer.clean_params({"meeting": world.meeting.pk, "call": call.pk})
    assert renderer.can_access(chair, params)
    assert not renderer.can_access(world.fp_ghana, params)
    assert not renderer.can_access(world.ama.person, params)
    assert not renderer.can_access(UserFactory(), params)


def test_a_call_of_another_meeting_is_refused(funded):
    _world, call = funded
    with pytest.raises(ValidationError):
        get_renderer("funded_participants").clean_params({"meeting": MeetingFactory().pk, "call": call.pk})


def test_unavailable_until_someone_is_funded(meeting, chair):
    call = make_call(meeting)
    renderer = get_renderer("funded_participants")
    assert renderer.unavailable({"meeting": meeting.pk, "call": call.pk})
    assert renderer.offers(meeting, chair)[0].choice.options == [(call.pk, call.title)]
