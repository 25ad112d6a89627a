import datetime as dt

import factory
from django.utils import timezone

from accounts.tests.factories import UserFactory
from delegations.tests.factories import DelegationFactory
from followup.models import FollowUpReport, Practice, PracticePartner, Recommendation, Theme
from followup.themes import ensure_themes
from outcomes.tests.factories import OutcomeFactory


def theme(slug: str = "migration-data") -> Theme:
    """One of the Forum's themes (followup.themes), added again if a transactional test flushed them."""
    ensure_themes()
    return Theme.objects.get(slug=slug)


class RecommendationFactory(factory.django.DjangoModelFactory):
    """A recommendation of a new (drafting) outcome; pass published_at for a published one."""

    class Meta:
        model = Recommendation

    outcome = factory.SubFactory(OutcomeFactory)
    number = factory.Sequence(lambda n: n + 1)
    text_en = factory.Sequence(lambda n: f"Governments should keep their Migration Profiles up to date ({n}).")
    addressees = factory.LazyFunction(lambda: ["governments"])


class FollowUpReportFactory(factory.django.DjangoModelFactory):
    """Pass the meeting (the follow-up cycle it was filed in)."""

    class Meta:
        model = FollowUpReport

    recommendation = factory.SubFactory(RecommendationFactory, published_at=factory.LazyFunction(timezone.now))
    delegation = factory.SubFactory(DelegationFactory)
    status = Recommendation.Status.IN_PROGRESS
    text = "The national Migration Profile is being updated with the statistics office."
    submitted_by = factory.SubFactory(UserFactory)
    submitted_at = factory.LazyFunction(timezone.now)


class PracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Practice

    title_en = factory.Sequence(lambda n: f"Diaspora investment partnership {n}")
    summary_en = "Matching funds for diaspora associations' investments in their home communities."
    submitter_kind = Practice.SubmitterKind.CIVIL_SOCIETY
    organisation = "Migrant Forum in Asia"
    submitted_by = factory.SubFactory(UserFactory)
    submitted_at = factory.LazyFunction(timezone.now)
    period_start = dt.date(2008, 1, 1)


class PracticePartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticePartner

    practice = factory.SubFactory(PracticeFactory)
    name = "International Organization for Migration"
    kind = "international_organisation"
