"""Funding calls and nominations: who may, in which state, within which budget."""

import datetime as dt
import threading
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import OperationalError, connection
from django.utils import timezone

from accounts.tests.factories import UserFactory, grant_chair_staff
from activity.models import ActivityLog
from logistics.models.funding import FundingCall, FundingNomination
from logistics.services import funding as services
from logistics.tests.factories_funding import funding_world, make_call, make_nomination
from mailings.models import OutgoingMail
from roundtables.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(meeting, chair):
    return funding_world(meeting)


def call_data(**kwargs) -> dict:
    data = {
        "title": {"en": "Participation of delegates from least developed countries", "fr": "", "es": ""},
        "description": {"en": "Economy airfare and three hotel nights.", "fr": "", "es": ""},
        "covers": ["airfare", "hotel"],
        "covers_other": "",
        "eligibility": "group",
        "country_group": "lower_income",
        "delegations": [],
        "budget": "2500",
        "currency": "USD",
        "cost_per_place": "2500",
        "max_nominations": 2,
        "deadline": timezone.now() + dt.timedelta(days=5),
    }
    data.update(kwargs)
    return data


def nominate(call, world, registration, cost="2500", actor=None):
    return services.funding_nominate(
        call=call,
        delegation=registration.delegation,
        registration=registration,
        estimated_cost=cost,
        justification="Leads the ministry's diaspora desk.",
        actor=actor or world.fp_ghana,
    )


# -- Calls ---------------------------------------------------------------------------------------------


def test_the_chairs_office_creates_and_opens_a_call(world, chair):
    call = services.funding_call_create(meeting=world.meeting, data=call_data(), actor=chair)
    assert call.state == FundingCall.State.DRAFT
    assert call.budget == Decimal("2500.00") and call.places == 1
    services.funding_call_open(call=call, actor=chair)
    call.refresh_from_db()
    assert call.state == FundingCall.State.OPEN
    assert ActivityLog.objects.filter(action="logistics.funding_call.opened").count() == 1


def test_only_the_meetings_chairs_office_runs_its_calls(world):
    other_meeting_staff = UserFactory()
    grant_chair_staff(other_meeting_staff, [MeetingFactory()])
    for actor in (world.fp_ghana, other_meeting_staff, UserFactory()):
        with pytest.raises(PermissionDenied):
            services.funding_call_create(meeting=world.meeting, data=call_data(), actor=actor)
    call = make_call(world.meeting, state=FundingCall.State.DRAFT)
    with pytest.raises(PermissionDenied):
        services.funding_call_open(call=call, actor=other_meeting_staff)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("budget", "-1"),
        ("budget", "abc"),
        ("budget", "NaN"),
        ("budget", "Infinity"),
        ("budget", "1e40"),
        ("budget", "10.001"),
        ("cost_per_place", "0"),
        ("cost_per_place", "3000"),
        ("currency", "BTC"),
        ("max_nominations", "0"),
        ("country_group", "atlantis"),
        ("eligibility", "everyone"),
        ("deadline", None),
    ],
)
def test_hostile_call_input_is_refused_next_to_its_field(world, chair, field, value):
    with pytest.raises(ValidationError) as refused:
        services.funding_call_create(meeting=world.meeting, data=call_data(**{field: value}), actor=chair)
    assert field in refused.value.message_dict
    assert FundingCall.objects.count() == 0


def test_a_list_call_names_state_delegations(world, chair):
    with pytest.raises(ValidationError) as refused:
        services.funding_call_create(
            meeting=world.meeting, data=call_data(eligibility="delegations", delegations=[]), actor=chair
        )
    assert "delegations" in refused.value.message_dict
    call = services.funding_call_create(
        meeting=world.meeting, data=call_data(eligibility="delegations", delegations=[world.ghana]), actor=chair
    )
    assert list(call.delegations.all()) == [world.ghana]


def test_a_closed_meeting_is_read_only(world, chair):
    call = make_call(world.meeting)
    world.meeting.closed_at = timezone.now()
    world.meeting.save()
    with pytest.raises(ValidationError, match="closed"):
        services.funding_call_close(call=call, actor=chair)
    with pytest.raises(ValidationError, match="closed"):
        nominate(call, world, world.kofi)


def test_a_past_deadline_cannot_be_opened(world, chair):
    call = make_call(world.meeting, state=FundingCall.State.DRAFT, deadline=timezone.now() - dt.timedelta(hours=1))
    with pytest.raises(ValidationError):
        services.funding_call_open(call=call, actor=chair)


def test_the_budget_never_drops_below_what_is_committed(world, chair):
    call = make_call(world.meeting, budget=Decimal("3000"), cost_per_place=Decimal("1000"))
    make_nomination(call, world.ama, cost=Decimal("1000"), state="funded", amount=Decimal("1500"))
    with pytest.raises(ValidationError) as refused:
        services.funding_call_update(call=call, data=call_data(budget="1000", cost_per_place="500"), actor=chair)
    assert "budget" in refused.value.message_dict


# -- Nominations ---------------------------------------------------------------------------------------


def test_ghana_nominates_two_against_a_budget_of_one_and_the_second_is_refused(world):
    call = make_call(world.meeting)  # 2,500 USD, one place at 2,500
    first = nominate(call, world, world.kofi)
    assert first.state == FundingNomination.State.PENDING
    with pytest.raises(ValidationError) as refused:
        nominate(call, world, world.ama)
    assert "estimated_cost" in refused.value.message_dict
    assert "0.00 USD remains" in refused.value.message_dict["estimated_cost"][0]
    assert FundingNomination.objects.count() == 1


def test_only_focal_points_of_eligible_delegations_nominate_their_own_people(world):
    call = make_call(world.meeting, budget=Decimal("10000"), cost_per_place=Decimal("1000"))
    # Mexico is not a lower-income economy: its focal point is refused with a message.
    with pytest.raises(ValidationError, match="not eligible"):
        nominate(call, world, world.mexican, cost="1000", actor=world.fp_mexico)
    # Mexico's focal point for Ghana's people: not their delegation.
    with pytest.raises(PermissionDenied):
        nominate(call, world, world.kofi, cost="1000", actor=world.fp_mexico)
    # A delegate of Ghana is not its focal point.
    with pytest.raises(PermissionDenied):
        nominate(call, world, world.kofi, cost="1000", actor=world.ama.person)
    # Ghana's focal point for a Mexican: not in their delegation.
    with pytest.raises(ValidationError) as refused:
        services.funding_nominate(
            call=call,
            delegation=world.ghana,
            registration=world.mexican,
            estimated_cost="1000",
            justification="x",
            actor=world.fp_ghana,
        )
    assert "registration" in refused.value.message_dict


def test_a_withdrawn_registration_cannot_be_nominated(world):
    call = make_call(world.meeting, budget=Decimal("10000"), cost_per_place=Decimal("1000"))
    world.yaw.status = "withdrawn"
    world.yaw.save()
    with pytest.raises(ValidationError) as refused:
        nominate(call, world, world.yaw, cost="1000")
    assert "registration" in refused.value.message_dict


def test_at_most_n_nominations_per_delegation_and_one_per_person(world):
    call = make_call(world.meeting, budget=Decimal("10000"), cost_per_place=Decimal("1000"), max_nominations=2)
    nominate(call, world, world.kofi, cost="1000")
    with pytest.raises(ValidationError, match="already nominated"):
        nominate(call, world, world.kofi, cost="1000")
    nominate(call, world, world.ama, cost="1000")
    with pytest.raises(ValidationError) as refused:
        nominate(call, world, world.yaw, cost="1000")
    assert "most this call allows" in refused.value.message_dict["registration"][0]


def test_after_the_deadline_or_when_not_open_nominations_are_refused(world):
    late = make_call(world.meeting, deadline=timezone.now() - dt.timedelta(minutes=1))
    with pytest.raises(ValidationError, match="deadline"):
        nominate(late, world, world.kofi)
    draft = make_call(world.meeting, state=FundingCall.State.DRAFT)
    with pytest.raises(ValidationError, match="not open"):
        nominate(draft, world, world.kofi)


@pytest.mark.parametrize("cost", ["-5", "0", "abc", "NaN", "1.234", "99999999999999"])
def test_hostile_estimated_costs_are_refused(world, cost):
    call = make_call(world.meeting)
    with pytest.raises(ValidationError) as refused:
        nominate(call, world, world.kofi, cost=cost)
    assert "estimated_cost" in refused.value.message_dict


# -- Decisions -----------------------------------------------------------------------------------------


def test_funding_and_declining_mail_the_person_and_the_focal_point_in_their_language(world, chair):
    call = make_call(world.meeting, budget=Decimal("5000"))
    funded = make_nomination(call, world.ama, cost=Decimal("2500"))
    declined = make_nomination(call, world.kofi, cost=Decimal("2500"))
    services.funding_decide(nomination=funded, fund=True, amount="2400.50", actor=chair)
    services.funding_decide(nomination=declined, fund=False, reason="Already funded by his ministry.", actor=chair)
    funded.refresh_from_db()
    assert funded.state == "funded" and funded.amount == Decimal("2400.50")
    mails = OutgoingMail.objects.all()
    recipients = sorted(m.to for m in mails)
    expected = [world.ama.person.email, world.kofi.person.email, world.fp_ghana.email, world.fp_ghana.email]
    assert recipients == sorted(expected)
    french = mails.get(to=world.ama.person.email)
    assert "Owusu" in french.subject and "2,400.50" not in french.body_text
    assert "2400,50" in french.body_text.replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    assert "Already funded by his ministry." in mails.get(to=world.kofi.person.email).body_text


def test_decisions_are_the_meetings_chairs_office_only(world):
    call = make_call(world.meeting)
    nomination = make_nomination(call, world.kofi)
    other = UserFactory()
    grant_chair_staff(other, [MeetingFactory()])
    for actor in (world.fp_ghana, other):
        with pytest.raises(PermissionDenied):
            services.funding_decide(nomination=nomination, fund=True, amount="100", actor=actor)


@pytest.mark.parametrize("amount", ["-1", "0", "", "1e3x", "12.345"])
def test_amounts_are_never_negative_nor_odd(world, chair, amount):
    call = make_call(world.meeting)
    nomination = make_nomination(call, world.kofi)
    with pytest.raises(ValidationError) as refused:
        services.funding_decide(nomination=nomination, fund=True, amount=amount, actor=chair)
    assert "amount" in refused.value.message_dict


def test_declining_needs_a_reason_and_a_decision_is_taken_once(world, chair):
    call = make_call(world.meeting)
    nomination = make_nomination(call, world.kofi)
    with pytest.raises(ValidationError) as refused:
        services.funding_decide(nomination=nomination, fund=False, reason="  ", actor=chair)
    assert "reason" in refused.value.message_dict
    services.funding_decide(nomination=nomination, fund=True, amount="2500", actor=chair)
    with pytest.raises(ValidationError, match="already decided"):
        services.funding_decide(nomination=nomination, fund=False, reason="Changed our mind", actor=chair)


def test_funding_beyond_the_budget_is_refused(world, chair):
    call = make_call(world.meeting, budget=Decimal("1000"), cost_per_place=Decimal("500"))
    first = make_nomination(call, world.kofi, cost=Decimal("500"))
    second = make_nomination(call, world.ama, cost=Decimal("500"))
    services.funding_decide(nomination=first, fund=True, amount="600", actor=chair)
    with pytest.raises(ValidationError) as refused:
        services.funding_decide(nomination=second, fund=True, amount="500", actor=chair)
    assert "400.00 USD remains" in refused.value.message_dict["amount"][0]
    services.funding_decide(nomination=second, fund=True, amount="400", actor=chair)


# -- Races ---------------------------------------------------------------------------------------------


def _race(calls):
    """Run the callables at the same moment; (results, refusals, errors)."""
    barrier = threading.Barrier(len(calls))
    results, refused, errors = [], [], []

    def run(call):
        try:
            barrier.wait(timeout=10)
            for _attempt in range(40):
                try:
                    results.append(call())
                    break
                except OperationalError:  # SQLite: the writer that lost waits and tries again
                    continue
        except ValidationError as error:
            refused.append(error)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results, refused, errors


@pytest.mark.django_db(transaction=True)
def test_two_decisions_on_the_last_affordable_place_one_wins(chair):
    world = funding_world(MeetingFactory(is_current=True))
    grant_chair_staff(chair, [world.meeting])
    other_chair = UserFactory()
    grant_chair_staff(other_chair, [world.meeting])
    call = make_call(world.meeting, budget=Decimal("1000"), cost_per_place=Decimal("500"))
    first = make_nomination(call, world.kofi, cost=Decimal("500"))
    second = make_nomination(call, world.ama, cost=Decimal("500"))
    results, refused, errors = _race(
        [
            lambda: services.funding_decide(nomination=first, fund=True, amount="600", actor=chair),
            lambda: services.funding_decide(nomination=second, fund=True, amount="600", actor=other_chair),
        ]
    )
    assert errors == []
    assert (len(results), len(refused)) == (1, 1)
    assert "The budget cannot fund this" in refused[0].message_dict["amount"][0]
    assert FundingNomination.objects.filter(state="funded").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_nominations_for_the_last_funded_place_one_wins(chair):
    world = funding_world(MeetingFactory(is_current=True))
    second_fp = UserFactory()
    from delegations.tests.factories import make_focal_point

    make_focal_point(second_fp, world.ghana, world.meeting)
    call = make_call(world.meeting)  # one place
    results, refused, errors = _race(
        [
            lambda: nominate(call, world, world.kofi),
            lambda: nominate(call, world, world.ama, actor=second_fp),
        ]
    )
    assert errors == []
    assert (len(results), len(refused)) == (1, 1)
    assert FundingNomination.objects.count() == 1
    assert mail.outbox == []
