import factory
from django.utils import timezone

from papers.models import Comment, Paper, SubmissionDeadline, Translation, Version
from papers.tests.files import pdf_bytes


class PaperFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Paper
        skip_postgeneration_save = True

    session = factory.SubFactory("roundtables.tests.factories.SessionFactory")
    kind = Paper.Kind.BACKGROUND
    title_en = factory.Sequence(lambda n: f"Paper on circular migration {n}")
    abstract_en = "How partnerships between countries of origin and destination support development."
    language = "en"
    state = Paper.State.DRAFT

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create and extracted:
            self.authors.set(extracted)


class VersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Version

    paper = factory.SubFactory(PaperFactory)
    number = factory.Sequence(lambda n: n + 1)
    file = factory.django.FileField(filename="paper.pdf", data=factory.LazyFunction(pdf_bytes))
    original_name = "paper.pdf"
    file_format = "pdf"
    size = factory.LazyAttribute(lambda v: v.file.size)
    sha256 = "0" * 64
    uploaded_by = factory.SubFactory("accounts.tests.factories.UserFactory")


class TranslationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Translation

    paper = factory.SubFactory(PaperFactory)
    language = "es"
    file = factory.django.FileField(filename="documento.pdf", data=factory.LazyFunction(lambda: pdf_bytes("Documento")))
    original_name = "documento.pdf"
    file_format = "pdf"
    size = factory.LazyAttribute(lambda v: v.file.size)
    sha256 = "0" * 64


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    version = factory.SubFactory(VersionFactory)
    author = factory.SubFactory("accounts.tests.factories.UserFactory")
    body = "Please shorten the introduction."


def published_paper(**kwargs) -> Paper:
    """A published paper with one accepted version (the way the workflow leaves it)."""
    paper = PaperFactory(state=Paper.State.DRAFT, **kwargs)
    version = VersionFactory(paper=paper, number=1)
    paper.state = Paper.State.PUBLISHED
    paper.accepted_version = version
    paper.published_at = timezone.now()
    paper.save()
    return paper


class SubmissionDeadlineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubmissionDeadline

    meeting = factory.SubFactory("roundtables.tests.factories.MeetingFactory")
    session = None
    due_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=30))
