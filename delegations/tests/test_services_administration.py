"""The Chair's office administers delegations: the rules refuse anyone else, an edit made on an
older version is refused with what changed, a retired delegation takes nothing new, a merge moves
everything or nothing."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.tests.factories import ChairOfficeFactory, UserFactory
from activity.models import ActivityLog
from activity.registry import action_label
from delegations import services
from delegations.models import Delegation, DelegationQuota, FocalPoint, Invitation, MeetingMembership, Registration
from delegations.tests.factories import (
    DelegationQuotaFactory,
    InvitationFactory,
    OrganisationFactory,
    RegistrationFactory,
    make_focal_point,
    make_membership,
)
from roundtables.models import SessionDelegation, SessionPerson
from roundtables.services import team_delegation_add
from roundtables.tests.factories import SessionDelegationFactory, SessionPersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _an_open_meeting(open_meeting):
    """A Chair's office is the staff of an open meeting (roundtables.MeetingRole): the default Chair's office
    member of these tests is staff of this one."""


STATE = {"kind": "state", "name": "", "country": "CH", "region": "europe"}


def edit(delegation, actor, *, version=None, **changes):
    values = {
        "kind": delegation.kind,
        "name": delegation.name,
        "country": delegation.country.code,
        "region": delegation.region,
        **changes,
    }
    return services.delegation_update(
        delegation=delegation, actor=actor, version=delegation.version if version is None else version, **values
    )


# Who may


@pytest.mark.parametrize("who", ["focal_point", "delegate", "anonymous"])
def test_only_the_chair_office_administers_delegations(who, open_meeting, mexico, focal_point_mexico):
    actor = {
        "focal_point": focal_point_mexico,
        "delegate": RegistrationFactory(meeting=open_meeting, delegation=mexico, status="approved").person,
        "anonymous": AnonymousUser(),
    }[who]
    with pytest.raises(PermissionDenied):
        services.delegation_create(actor=actor, **STATE)
    with pytest.raises(PermissionDenied):
        edit(mexico, actor, name="Mexique")
    with pytest.raises(PermissionDenied):
        services.delegation_retire(delegation=mexico, actor=actor)
    with pytest.raises(PermissionDenied):
        services.delegation_reactivate(delegation=mexico, actor=actor)
    with pytest.raises(PermissionDenied):
        services.delegation_merge(source=mexico, target=OrganisationFactory(), actor=actor)
    mexico.refresh_from_db()
    assert (mexico.name, mexico.retired_at, mexico.version) == ("Mexico", None, 1)
    assert not ActivityLog.objects.filter(action__startswith="delegations.delegation.").exists()


# Create and edit


def test_create_names_a_state_after_its_country_and_logs_it(chair):
    delegation = services.delegation_create(actor=chair, **STATE)
    assert (delegation.name, delegation.country.code, delegation.region) == ("Switzerland", "CH", "europe")
    entry = ActivityLog.objects.get(action="delegations.delegation.created")
    assert entry.actor == chair and entry.data["fields"]["country"] == "CH"
    assert str(action_label(entry.action)) == "Delegation created"


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"kind": "state", "country": "", "name": "Nowhere"}, "country", "A state needs its country."),
        ({"kind": "state", "country": "MX", "name": "Mexico 2"}, "country", "already has a delegation: Mexico."),
        ({"kind": "observer", "country": "", "name": ""}, "name", "An organisation needs its name."),
        ({"kind": "observer", "country": "", "name": "mexico"}, "name", "Another delegation is already called"),
    ],
)
def test_create_refuses_what_the_constraints_refuse_next_to_the_field(chair, mexico, values, field, message):
    with pytest.raises(ValidationError) as refused:
        services.delegation_create(actor=chair, **{**STATE, **values})
    assert message in " ".join(refused.value.message_dict[field])


def test_a_retired_state_is_named_when_its_country_is_taken(chair, mexico):
    services.delegation_retire(delegation=mexico, actor=chair)
    with pytest.raises(ValidationError) as refused:
        services.delegation_create(actor=chair, **{**STATE, "country": "MX"})
    assert "retired; reactivate it instead" in refused.value.message_dict["country"][0]


def test_edit_saves_raises_the_version_and_logs_what_changed(chair, mexico):
    edit(mexico, chair, region="europe", name="Estados Unidos Mexicanos")
    mexico.refresh_from_db()
    assert (mexico.region, mexico.name, mexico.version) == ("europe", "Estados Unidos Mexicanos", 2)
    entry = ActivityLog.objects.get(action="delegations.delegation.changed")
    assert entry.data == {
        "version": 2,
        "changes": {"name": ["Mexico", "Estados Unidos Mexicanos"], "region": ["americas", "europe"]},
    }


def test_the_later_of_two_edits_is_refused_with_what_the_other_changed(chair, mexico):
    colleague = ChairOfficeFactory(first_name="Ana", last_name="Silva")
    read_at = mexico.version  # both opened the form at this version
    edit(Delegation.objects.get(pk=mexico.pk), colleague, version=read_at, region="europe")

    with pytest.raises(services.EditConflict) as refused:
        edit(mexico, chair, version=read_at, name="United Mexican States")
    assert refused.value.changed == {"region": "Ana Silva"}
    assert "region" in refused.value.messages[0].lower()
    mexico.refresh_from_db()
    assert (mexico.name, mexico.region, mexico.version) == ("Mexico", "europe", 2)
    # Saved again on the version now read, it goes through.
    edit(mexico, chair, name="United Mexican States")
    mexico.refresh_from_db()
    assert (mexico.name, mexico.region, mexico.version) == ("United Mexican States", "europe", 3)


def test_an_edit_opened_before_a_retirement_is_refused(chair, mexico):
    read_at = mexico.version
    services.delegation_retire(delegation=mexico, actor=ChairOfficeFactory())
    with pytest.raises(services.EditConflict) as refused:
        edit(mexico, chair, version=read_at, region="europe")
    assert list(refused.value.changed) == ["retired_at"]


# Retire and reactivate


def test_retire_keeps_history_and_reactivate_restores(chair, open_meeting, mexico):
    registration = RegistrationFactory(meeting=open_meeting, delegation=mexico, status="approved")
    team_role = SessionDelegationFactory(delegation=mexico)
    services.delegation_retire(delegation=mexico, actor=chair)
    mexico.refresh_from_db()
    assert mexico.is_retired and not Delegation.objects.active().filter(pk=mexico.pk).exists()
    assert Registration.objects.get(pk=registration.pk).delegation == mexico
    assert SessionDelegation.objects.filter(pk=team_role.pk).exists()
    with pytest.raises(ValidationError):
        services.delegation_retire(delegation=mexico, actor=chair)
    services.delegation_reactivate(delegation=mexico, actor=chair)
    mexico.refresh_from_db()
    assert not mexico.is_retired
    assert list(ActivityLog.objects.order_by("pk").values_list("action", flat=True)) == [
        "delegations.delegation.retired",
        "delegations.delegation.reactivated",
    ]


def test_a_retired_delegation_is_refused_by_registration_invitation_and_team(
    chair, open_meeting, mexico, focal_point_mexico, sessions
):
    invitation = InvitationFactory(meeting=open_meeting, delegation=mexico, email="ines@example.org")
    services.delegation_retire(delegation=mexico, actor=chair)
    person = UserFactory(email="ines@example.org")
    with pytest.raises(ValidationError) as refused:
        services.registration_create(
            person=person, meeting=open_meeting, delegation=mexico, role="delegate", sessions=[]
        )
    assert "retired" in refused.value.message_dict["delegation"][0]
    with pytest.raises(ValidationError):
        services.registration_create(
            person=person, meeting=open_meeting, delegation=mexico, role="delegate", sessions=[], invitation=invitation
        )
    invitation.refresh_from_db()
    assert invitation.used_at is None  # the refusal rolled back its use
    with pytest.raises(ValidationError) as refused:
        services.invitation_create(
            delegation=mexico,
            meeting=open_meeting,
            email="new@example.org",
            role="delegate",
            invited_by=focal_point_mexico,
        )
    assert "retired" in refused.value.message_dict["delegation"][0]
    with pytest.raises(ValidationError) as refused:
        team_delegation_add(session=sessions["1.1"], delegation=mexico, role="member", actor=chair)
    assert "retired" in refused.value.message_dict["delegation"][0]
    assert not Registration.objects.exists()
    assert not SessionDelegation.objects.exists()


# Merge


def test_merge_moves_everything_and_deletes_the_duplicate(chair, open_meeting, sessions):
    duplicate, keeper = (
        OrganisationFactory(name="IOM"),
        OrganisationFactory(name="International Organization for Migration"),
    )
    kept_focal_point, new_focal_point = UserFactory(), UserFactory()
    make_focal_point(kept_focal_point, keeper, open_meeting)
    make_focal_point(new_focal_point, duplicate, open_meeting)
    membership = make_membership(duplicate, open_meeting, friends_of_the_forum=True)
    registrations = RegistrationFactory.create_batch(2, meeting=open_meeting, delegation=duplicate)
    invitation = InvitationFactory(meeting=open_meeting, delegation=duplicate)
    quota = DelegationQuotaFactory(meeting=open_meeting, delegation=duplicate, places=4)
    team_role = SessionDelegationFactory(session=sessions["1.1"], delegation=duplicate, role="member")
    representative = SessionPersonFactory(session=sessions["2.1"], role="co_chair_rep", delegation=duplicate)

    services.delegation_merge(source=duplicate, target=keeper, actor=chair)

    assert not Delegation.objects.filter(pk=duplicate.pk).exists()
    assert {r.delegation_id for r in Registration.objects.filter(pk__in=[r.pk for r in registrations])} == {keeper.pk}
    assert Invitation.objects.get(pk=invitation.pk).delegation == keeper
    assert DelegationQuota.objects.get(pk=quota.pk).delegation == keeper
    assert SessionDelegation.objects.get(pk=team_role.pk).delegation == keeper
    assert SessionPerson.objects.get(pk=representative.pk).delegation == keeper
    assert {row.user for row in FocalPoint.objects.filter(delegation=keeper, meeting=open_meeting)} == {
        kept_focal_point,
        new_focal_point,
    }
    assert MeetingMembership.objects.get(pk=membership.pk).delegation == keeper
    entry = ActivityLog.objects.get(action="delegations.delegation.merged")
    assert entry.data["merged"] == "IOM" and entry.object_id == str(keeper.pk)
    assert entry.data["moved"]["registrations"] == 2
    assert entry.data["moved"]["focal points"] == 1


@pytest.mark.parametrize("conflict", ["head", "quota", "team", "kind", "retired"])
def test_merge_refuses_what_would_break_a_rule_and_changes_nothing(chair, open_meeting, sessions, conflict):
    source, target = (
        OrganisationFactory(name="IOM"),
        OrganisationFactory(name="International Organization for Migration"),
    )
    moving = RegistrationFactory(meeting=open_meeting, delegation=source)
    expected = {
        "head": "Both have a head of delegation",
        "quota": "Both have a quota",
        "team": "Both are on the team of session 1.1",
        "kind": "not of the same kind",
        "retired": "is retired",
    }[conflict]
    if conflict == "head":
        RegistrationFactory(meeting=open_meeting, delegation=source, role="head")
        RegistrationFactory(meeting=open_meeting, delegation=target, role="head", status="approved")
    elif conflict == "quota":
        DelegationQuotaFactory(meeting=open_meeting, delegation=source, places=2)
        DelegationQuotaFactory(meeting=open_meeting, delegation=target, places=5)
    elif conflict == "team":
        SessionDelegationFactory(session=sessions["1.1"], delegation=source)
        SessionDelegationFactory(session=sessions["1.1"], delegation=target)
    elif conflict == "kind":
        Delegation.objects.filter(pk=target.pk).update(kind="civil_society")
    else:
        Delegation.objects.filter(pk=target.pk).update(retired_at=timezone.now() - dt.timedelta(days=1))

    with pytest.raises(ValidationError) as refused:
        services.delegation_merge(source=source, target=Delegation.objects.get(pk=target.pk), actor=chair)
    assert expected in " ".join(refused.value.message_dict["target"])
    assert Delegation.objects.filter(pk=source.pk).exists()
    assert Registration.objects.get(pk=moving.pk).delegation_id == source.pk
    assert not ActivityLog.objects.filter(action="delegations.delegation.merged").exists()


def test_a_retired_delegation_is_not_offered_by_the_pickers(chair, mexico, ghana):
    from delegations.forms import RegistrationForm
    from delegations.selectors import delegations_named
    from roundtables.forms import TeamDelegationForm
    from roundtables.selectors import search_delegations

    services.delegation_retire(delegation=ghana, actor=chair)
    assert [d.name for d in delegations_named("gha").delegations] == []
    assert [d.name for d in delegations_named("mex").delegations] == ["Mexico"]
    assert not RegistrationForm(sessions=[]).fields["delegation"].queryset.filter(pk=ghana.pk).exists()
    assert not TeamDelegationForm().fields["delegation"].queryset.filter(pk=ghana.pk).exists()
    assert search_delegations("gha") == []


def test_merge_moves_the_records_of_apps_above_delegations_even_hidden_ones(chair, sessions):
    """A co-chair's sign-off (outcomes, related_name "+") moves too: deleting the duplicate must not
    cascade it away. Where both hold one for the same outcome, the merge is refused."""
    from django.apps import apps

    from outcomes.tests.factories import OutcomeFactory

    Approval = apps.get_model("outcomes", "Approval")
    source, target = (
        OrganisationFactory(name="IOM"),
        OrganisationFactory(name="International Organization for Migration"),
    )
    outcome, other_outcome = OutcomeFactory(session=sessions["1.1"]), OutcomeFactory(session=sessions["2.1"])
    moving = Approval.objects.create(outcome=outcome, delegation=source)
    Approval.objects.create(outcome=other_outcome, delegation=source)
    Approval.objects.create(outcome=other_outcome, delegation=target)

    with pytest.raises(ValidationError) as refused:
        services.delegation_merge(source=source, target=target, actor=chair)
    assert "both have approvals" in refused.value.message_dict["target"][0]
    assert Approval.objects.get(pk=moving.pk).delegation_id == source.pk  # nothing moved

    Approval.objects.filter(outcome=other_outcome, delegation=source).delete()
    services.delegation_merge(source=source, target=target, actor=chair)
    assert Approval.objects.get(pk=moving.pk).delegation_id == target.pk
