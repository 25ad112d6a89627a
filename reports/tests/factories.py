import factory
from django.utils import timezone

from outcomes.models import Outcome, OutcomeRevision, OutcomeSection
from reports.models import GeneratedFile
from reports.services import request_key


class GeneratedFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GeneratedFile

    kind = "programme"
    parameters = factory.LazyAttribute(lambda f: {"meeting": 1, "language": "en"})
    request_key = factory.LazyAttribute(lambda f: request_key(f.kind, f.parameters))
    requested_by = factory.SubFactory("accounts.tests.factories.UserFactory")
    state = GeneratedFile.State.QUEUED


SECTION_TEXT = {
    "summary": "<p>The session discussed how partnerships between countries of origin and destination can "
    "make migration safer, more regular and more beneficial for development. Participants from "
    "governments, international organisations and civil society exchanged experiences of bilateral "
    "labour agreements, pre-departure orientation and the portability of social security.</p>",
    "conclusions": "<ul><li>Partnerships work when both sides share the costs and the benefits.</li>"
    "<li>Data on migrants' skills and needs remain scarce; better evidence is needed.</li>"
    "<li>Civil society is a partner in protecting migrants' rights, not only a witness.</li></ul>",
    "recommendations": "<ol><li>Develop bilateral agreements with clear standards on recruitment.</li>"
    "<li>Invest in the recognition of qualifications across borders.</li>"
    "<li>Involve diaspora organisations in the design of development programmes.</li></ol>",
    "good_practices": "<p>The <strong>Philippines</strong>' pre-departure orientation seminars; the "
    "Mexico–Canada seasonal agricultural workers programme; Spain's collective management of hiring "
    "in countries of origin; Ghana's diaspora engagement policy.</p>",
    "follow_up": "<p>The co-chairs propose that the Chair-in-Office convene a working group to report to "
    "the next meeting, and that the GFMD Platform for Partnerships collect the practices cited.</p>",
}


def publish_outcome(session, *, texts: dict | None = None, repeat: int = 1, state: str = "published"):
    """An outcome of the session with text in every section, written straight to the outcomes
    app's models (for tests and the benchmark when its data has no outcomes)."""

    outcome = Outcome.objects.create(
        session=session, state=state, published_at=timezone.now() if state == "published" else None
    )
    for order, kind in enumerate(OutcomeSection.Kind.values, start=1):
        section = OutcomeSection.objects.create(outcome=outcome, kind=kind, order=order)
        html = (texts or SECTION_TEXT).get(kind, "")
        if html:
            revision = OutcomeRevision.objects.create(section=section, number=1, html=html * repeat)
            section.current_revision = revision
            section.published_revision = revision if state == "published" else None
            section.save(update_fields=["current_revision", "published_revision"])
    return outcome


def publish_translation(outcome, language: str, texts: dict, *, when=None):
    """The outcome's sections of `texts` translated into `language` from the original's published text,
    and published, as outcomes.services.translation_publish leaves them (straight to the models)."""
    for kind, html in texts.items():
        original = outcome.sections.get(kind=kind, language=outcome.original_language)
        section, _created = OutcomeSection.objects.get_or_create(
            outcome=outcome, kind=kind, language=language, defaults={"order": original.order}
        )
        number = section.revisions.count() + 1
        revision = OutcomeRevision.objects.create(
            section=section, number=number, html=html, source_id=original.published_revision_id
        )
        section.current_revision = section.published_revision = revision
        section.save(update_fields=["current_revision", "published_revision"])
    outcome.translations_published_at = when or timezone.now()
    outcome.save(update_fields=["translations_published_at"])
    return outcome
