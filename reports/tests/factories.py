import factory

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


def publish_outcome(session, *, texts: dict | None = None, repeat: int = 1, state: str = "published"):
    from reports.bench import publish_sample_outcome

    return publish_sample_outcome(session, texts=texts, repeat=repeat, state=state)
