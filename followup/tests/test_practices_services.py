"""The practices' services and rules: who may submit, change, withdraw, review and publish, and when;
one publication when two reviewers publish; the submitter's mails; the activity log."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.tests.factories import ChairOfficeFactory, UserFactory
from activity.models import ActivityLog
from delegations.models import Delegation, Registration
from delegations.tests.factories import RegistrationFactory
from followup.models import Practice
from followup.services import practices as services
from followup.tests.factories import PracticeFactory, RecommendationFactory
from followup.tests.factories_practices import civil_society_delegation, participant, practice_input, state
from mailings.models import OutgoingMail
from papers.tests.factories import published_paper
from roundtables.tests.factories import MeetingFactory, SessionFactory

pytestmark = pytest.mark.django_db
pytest_plugins = ["followup.tests.fixtures_practices"]  # the fixtures: submitter, reviewer, media_root


def _submitted(submitter, **overrides) -> Practice:
    return services.practice_submit(actor=submitter, data=practice_input(**overrides))


# -- Submitting ------------------------------------------------------------------------------------


def test_participant_submits_a_practice_with_partners_themes_and_countries(submitter):
    ghana, senegal = state("GH"), state("SN")

    practice = _submitted(submitter, countries=[ghana, senegal])

    assert practice.state == Practice.State.SUBMITTED
    assert practice.title_en == "Diaspora mentoring for young entrepreneurs"
    assert practice.submitted_by == submitter
    assert [(p.name, p.kind) for p in practice.partners.all()] == [
        ("International Organization for Migration", "international_organisation")
    ]
    assert sorted(c.country.code for c in practice.countries.all()) == ["GH", "SN"]
    assert [t.slug for t in practice.themes.all()] == ["diasporas"]
    assert practice.links == ["https://www.example.org/mentoring"]
    assert ActivityLog.objects.filter(action="followup.practice.submitted", object_id=str(practice.pk)).count() == 1


def test_person_without_a_delegation_cannot_submit(db):
    stranger = UserFactory()

    with pytest.raises(PermissionDenied):
        services.practice_submit(actor=stranger, data=practice_input())
    assert Practice.objects.count() == 0


def test_withdrawn_registration_no_longer_lets_a_person_submit(db):
    person = UserFactory()
    RegistrationFactory(person=person, delegation=civil_society_delegation(), status=Registration.Status.WITHDRAWN)

    with pytest.raises(PermissionDenied):
        services.practice_submit(actor=person, data=practice_input())


def test_submitter_names_only_a_delegation_they_are_registered_with(submitter):
    other = Delegation.objects.create(name="Another NGO", kind=Delegation.Kind.CIVIL_SOCIETY)

    with pytest.raises(ValidationError) as error:
        _submitted(submitter, delegation=other)
    assert error.value.message_dict["delegation"] == ["Choose one of the delegations you are registered with."]


def test_title_and_summary_are_required_in_the_chosen_language(submitter):
    with pytest.raises(ValidationError) as error:
        _submitted(submitter, language="fr")
    assert set(error.value.message_dict) == {"title_fr", "summary_fr"}


def test_reversed_period_is_refused_with_a_clear_message(submitter):
    with pytest.raises(ValidationError) as error:
        _submitted(submitter, period_start=dt.date(2010, 1, 1), period_end=dt.date(2009, 1, 1))
    assert error.value.message_dict["period_end"] == ["The practice cannot end before it started: check the two dates."]


@pytest.mark.parametrize(
    "link",
    ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://example.org/x", "example", "https://"],
)
def test_links_other_than_http_are_refused(submitter, link):
    with pytest.raises(ValidationError) as error:
        _submitted(submitter, links=["https://ok.example.org", link])
    assert list(error.value.message_dict) == ["link_2"]


def test_countries_must_be_state_delegations(submitter):
    with pytest.raises(ValidationError) as error:
        _submitted(submitter, countries=[civil_society_delegation()])
    assert error.value.message_dict["countries"] == ["Countries are the Forum's state delegations."]


def test_at_most_ten_partners(submitter):
    partners = [(f"Partner {n}", "civil_society") for n in range(11)]
    with pytest.raises(ValidationError) as error:
        _submitted(submitter, partners=partners)
    assert error.value.message_dict["partners"] == ["At most 10 partners."]


# -- The submitter's changes ----------------------------------------------------------------------


def test_submitter_edits_while_submitted(submitter):
    practice = _submitted(submitter)

    services.practice_update(practice=practice, actor=submitter, data=practice_input(organisation="MFA", partners=[]))

    practice.refresh_from_db()
    assert practice.organisation == "MFA"
    assert practice.partners.count() == 0


def test_another_submitter_cannot_edit(submitter):
    practice = _submitted(submitter)
    other = participant()

    with pytest.raises(PermissionDenied):
        services.practice_update(practice=practice, actor=other, data=practice_input(organisation="Hijacked"))
    practice.refresh_from_db()
    assert practice.organisation == "Migrant Forum in Asia"


def test_published_practice_cannot_be_edited_by_its_submitter(submitter, reviewer):
    practice = _submitted(submitter)
    services.practice_publish(practice=practice, actor=reviewer)

    with pytest.raises(ValidationError) as error:
        services.practice_update(practice=practice, actor=submitter, data=practice_input(organisation="Changed"))
    assert error.value.messages == ["This practice is “Published”: it cannot be changed this way now."]


def test_returned_practice_goes_back_to_review_when_changed(submitter, reviewer):
    practice = _submitted(submitter)
    services.practice_return(practice=practice, actor=reviewer, note="Please add the results.")

    services.practice_update(practice=practice, actor=submitter, data=practice_input())

    practice.refresh_from_db()
    assert practice.state == Practice.State.SUBMITTED


def test_submitter_withdraws_and_cannot_withdraw_twice(submitter):
    practice = _submitted(submitter)

    services.practice_withdraw(practice=practice, actor=submitter)

    practice.refresh_from_db()
    assert practice.state == Practice.State.WITHDRAWN
    with pytest.raises(ValidationError):
        services.practice_withdraw(practice=practice, actor=submitter)


# -- Review --------------------------------------------------------------------------------------


def test_delegate_cannot_publish(submitter):
    practice = _submitted(submitter)
    delegate = participant(state("MX", Delegation.Region.AMERICAS))

    with pytest.raises(PermissionDenied):
        services.practice_publish(practice=practice, actor=delegate)
    with pytest.raises(PermissionDenied):
        services.practice_publish(practice=practice, actor=submitter)
    practice.refresh_from_db()
    assert practice.state == Practice.State.SUBMITTED


def test_chair_office_publishes_and_the_submitter_is_mailed(submitter, reviewer):
    practice = _submitted(submitter)

    services.practice_publish(practice=practice, actor=reviewer)

    practice.refresh_from_db()
    assert practice.state == Practice.State.PUBLISHED
    assert practice.published_by == reviewer
    mails = OutgoingMail.objects.filter(to=submitter.email)
    assert [m.subject for m in mails] == ["Your practice is published: Diaspora mentoring for young entrepreneurs"]
    assert f"/practices/{practice.pk}/" in mails[0].body_text


def test_second_publication_is_refused_with_a_clear_message(submitter, reviewer):
    practice = _submitted(submitter)
    colleague = ChairOfficeFactory()
    stale = Practice.objects.get(pk=practice.pk)  # the second reviewer's page, read before the first published

    services.practice_publish(practice=practice, actor=reviewer)
    with pytest.raises(ValidationError) as error:
        services.practice_publish(practice=stale, actor=colleague)

    assert error.value.code == "already_published"
    assert "already published" in error.value.messages[0]
    assert reviewer.display_name in error.value.messages[0]
    practice.refresh_from_db()
    assert practice.published_by == reviewer
    assert ActivityLog.objects.filter(action="followup.practice.published").count() == 1
    assert OutgoingMail.objects.filter(to=submitter.email).count() == 1


def test_return_needs_a_note_and_mails_it(submitter, reviewer):
    practice = _submitted(submitter)

    with pytest.raises(ValidationError) as error:
        services.practice_return(practice=practice, actor=reviewer, note="  ")
    assert list(error.value.message_dict) == ["note"]

    services.practice_return(practice=practice, actor=reviewer, note="Add the countries, please.")
    practice.refresh_from_db()
    assert practice.state == Practice.State.RETURNED
    mail = OutgoingMail.objects.get(to=submitter.email)
    assert "Add the countries, please." in mail.body_text
    assert f"/practices/{practice.pk}/edit/" in mail.body_text


def test_decline_mails_the_submitter_and_a_declined_practice_cannot_be_published(submitter, reviewer):
    practice = _submitted(submitter)

    services.practice_decline(practice=practice, actor=reviewer, note="Out of the Forum's scope.")

    practice.refresh_from_db()
    assert practice.state == Practice.State.DECLINED
    assert OutgoingMail.objects.get(to=submitter.email).subject == (
        "Your practice will not be published: Diaspora mentoring for young entrepreneurs"
    )
    with pytest.raises(ValidationError):
        services.practice_publish(practice=practice, actor=reviewer)


def test_reviewer_links_sessions_published_papers_and_recommendations(submitter, reviewer):
    practice = _submitted(submitter)
    session = SessionFactory(meeting=MeetingFactory())
    paper = published_paper()
    recommendation = RecommendationFactory(published_at=dt.datetime(2009, 11, 4, tzinfo=dt.UTC))

    services.practice_review_update(
        practice=practice, actor=reviewer, sessions=[session], papers=[paper], recommendations=[recommendation]
    )

    assert list(practice.sessions.all()) == [session]
    assert list(practice.papers.all()) == [paper]
    assert list(practice.recommendations.all()) == [recommendation]


def test_unpublished_recommendation_or_paper_cannot_be_linked(submitter, reviewer):
    practice = _submitted(submitter)
    draft = RecommendationFactory()

    with pytest.raises(ValidationError) as error:
        services.practice_review_update(practice=practice, actor=reviewer, recommendations=[draft])
    assert error.value.message_dict["recommendations"] == ["Only published recommendations can be linked."]
    assert practice.recommendations.count() == 0


def test_reviewer_fills_translations_but_not_an_empty_original(submitter, reviewer):
    practice = _submitted(submitter)
    texts = {
        "title": {"en": practice.title_en, "fr": "Mentorat de la diaspora"},
        "summary": {"en": practice.summary_en, "es": "Profesionales de la diáspora..."},
        "results": {"en": practice.results_en},
    }

    services.practice_review_update(practice=practice, actor=reviewer, texts=texts)

    practice.refresh_from_db()
    assert (practice.title_fr, practice.summary_es) == ("Mentorat de la diaspora", "Profesionales de la diáspora...")
    with pytest.raises(ValidationError):
        services.practice_review_update(
            practice=practice, actor=reviewer, texts={"title": {"en": ""}, "summary": {"en": ""}}
        )


def test_delegate_cannot_change_the_review_links(submitter):
    practice = _submitted(submitter)

    with pytest.raises(PermissionDenied):
        services.practice_review_update(practice=practice, actor=submitter, sessions=[])


def test_withdrawn_practice_cannot_be_reviewed(submitter, reviewer):
    practice = PracticeFactory(submitted_by=submitter, state=Practice.State.WITHDRAWN)

    with pytest.raises(ValidationError):
        services.practice_review_update(practice=practice, actor=reviewer, sessions=[])
    with pytest.raises(ValidationError):
        services.practice_return(practice=practice, actor=reviewer, note="x")
