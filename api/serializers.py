"""What each public endpoint returns: the fields the public pages show, nothing more. Texts in the
reader's language (`?language=` or Accept-Language); links absolute."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from followup.selectors.practices import reading as practice_reading
from followup.selectors.recommendations import addressee_labels, reading_text
from outcomes.selectors import reading_sections


def _absolute(context, url: str) -> str:
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


def _language(context) -> str:
    from django.utils import translation

    return (translation.get_language() or "en")[:2]


class MeetingSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    title = serializers.CharField()
    theme = serializers.CharField()
    host_country = serializers.CharField(source="host_country.code")
    host_country_name = serializers.CharField(source="host_country.name")
    city = serializers.CharField()
    venue = serializers.CharField()
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    time_zone = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField(source="get_status_display")
    is_current = serializers.BooleanField()
    programme_version = serializers.IntegerField(allow_null=True)
    programme_published_at = serializers.DateTimeField(allow_null=True)
    url = serializers.SerializerMethodField()
    page_url = serializers.SerializerMethodField()

    def get_url(self, meeting) -> str:
        return _absolute(self.context, reverse("api:meeting", args=[meeting.number]))

    def get_page_url(self, meeting) -> str:
        return _absolute(self.context, reverse("roundtables:meeting_detail", args=[meeting.number]))


# The programme, from the published release (roundtables.programme.published) -----------------------


class PersonSerializer(serializers.Serializer):
    name = serializers.CharField()
    organisation = serializers.CharField()


class SessionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    kind = serializers.CharField()
    kind_label = serializers.CharField()
    heads_only = serializers.BooleanField()
    title = serializers.CharField()
    description = serializers.CharField()
    roundtable = serializers.SerializerMethodField()
    room = serializers.CharField()
    starts_at = serializers.DateTimeField(allow_null=True)
    ends_at = serializers.DateTimeField(allow_null=True)
    capacity = serializers.IntegerField(allow_null=True)
    co_chairs = serializers.ListField(child=serializers.CharField())
    members = serializers.ListField(child=serializers.CharField())
    moderators = PersonSerializer(many=True)
    rapporteurs = PersonSerializer(many=True)
    authors = PersonSerializer(many=True)
    speakers = PersonSerializer(many=True)
    page_url = serializers.SerializerMethodField()

    def get_roundtable(self, session) -> int | None:
        return session.roundtable.number if session.roundtable else None

    def get_page_url(self, session) -> str:
        number = self.context["meeting_number"]
        return _absolute(self.context, reverse("roundtables:session_detail", args=[number, session.id]))


class RoundtableSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.IntegerField()
    title = serializers.CharField()
    description = serializers.CharField()
    sessions = serializers.SerializerMethodField()

    def get_sessions(self, roundtable) -> list[int]:
        return [session.id for session in roundtable.sessions]


class ProgrammeMeetingSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    title = serializers.CharField()
    theme = serializers.CharField()
    host_country = serializers.CharField(source="host_country.code")
    city = serializers.CharField()
    venue = serializers.CharField()
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    time_zone = serializers.CharField()


class ProgrammeSerializer(serializers.Serializer):
    version = serializers.IntegerField(source="release.version")
    published_at = serializers.DateTimeField(source="release.published_at")
    meeting = ProgrammeMeetingSerializer()
    roundtables = RoundtableSerializer(many=True)
    sessions = SessionSerializer(many=True)


# Papers ------------------------------------------------------------------------------------------


class FileSerializer(serializers.Serializer):
    language = serializers.CharField()
    original = serializers.BooleanField()
    format = serializers.CharField(source="file.file_format")
    content_type = serializers.CharField(source="file.content_type")
    size = serializers.IntegerField(source="file.size")
    sha256 = serializers.CharField(source="file.sha256")
    download_url = serializers.CharField()


class PaperSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    abstract = serializers.CharField()
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    language = serializers.CharField()
    meeting = serializers.IntegerField(source="session.meeting.number")
    session = serializers.IntegerField(source="session_id")
    session_code = serializers.CharField(source="session.code")
    authors = serializers.SerializerMethodField()
    published_at = serializers.DateTimeField()
    modified_at = serializers.DateTimeField(source="updated_at")
    files = serializers.SerializerMethodField()
    page_url = serializers.SerializerMethodField()

    def get_authors(self, paper) -> list[str]:
        return [author.display_name for author in paper.authors.all()]

    @extend_schema_field(FileSerializer(many=True))
    def get_files(self, paper) -> list[dict]:
        files = []
        if paper.accepted_version_id:
            files.append(
                {
                    "language": paper.language,
                    "original": True,
                    "file": paper.accepted_version,
                    "download_url": _absolute(
                        self.context, reverse("papers:version_download", args=[paper.accepted_version_id])
                    ),
                }
            )
        for translation in sorted(paper.translations.all(), key=lambda t: t.language):
            files.append(
                {
                    "language": translation.language,
                    "original": False,
                    "file": translation,
                    "download_url": _absolute(
                        self.context, reverse("papers:translation_download", args=[translation.pk])
                    ),
                }
            )
        return FileSerializer(files, many=True).data

    def get_page_url(self, paper) -> str:
        return _absolute(self.context, reverse("papers:detail", args=[paper.pk]))


# Outcomes ----------------------------------------------------------------------------------------


class SectionSerializer(serializers.Serializer):
    kind = serializers.CharField()
    label = serializers.CharField()
    html = serializers.CharField()
    language = serializers.CharField()
    fallback = serializers.BooleanField(help_text="True when shown in the original language for want of a translation.")


class OutcomeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    meeting = serializers.IntegerField(source="session.meeting.number")
    session = serializers.IntegerField(source="session_id")
    session_code = serializers.CharField(source="session.code")
    original_language = serializers.CharField()
    published_at = serializers.DateTimeField()
    translations_published_at = serializers.DateTimeField(allow_null=True)
    sections = serializers.SerializerMethodField()
    page_url = serializers.SerializerMethodField()

    @extend_schema_field(SectionSerializer(many=True))
    def get_sections(self, outcome) -> list[dict]:
        sections = reading_sections(outcome, _language(self.context), sections=list(outcome.sections.all()))
        return SectionSerializer(sections, many=True).data

    def get_page_url(self, outcome) -> str:
        session = outcome.session
        return _absolute(self.context, reverse("roundtables:session_detail", args=[session.meeting.number, session.pk]))


# Recommendations and practices -------------------------------------------------------------------


class ThemeSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class RecommendationSerializer(serializers.Serializer):
    identifier = serializers.CharField()
    meeting = serializers.IntegerField(source="outcome.session.meeting.number")
    session_code = serializers.CharField(source="outcome.session.code")
    number = serializers.IntegerField()
    text = serializers.SerializerMethodField()
    text_language = serializers.SerializerMethodField()
    addressees = serializers.ListField(child=serializers.CharField())
    addressee_labels = serializers.SerializerMethodField()
    themes = ThemeSerializer(many=True, source="themes.all")
    status = serializers.CharField()
    status_label = serializers.CharField(source="get_status_display")
    status_changed_at = serializers.DateTimeField(allow_null=True)
    published_at = serializers.DateTimeField()
    modified_at = serializers.DateTimeField(source="updated_at")
    page_url = serializers.SerializerMethodField()

    def _reading(self, recommendation):
        if not hasattr(recommendation, "_api_reading"):
            recommendation._api_reading = reading_text(recommendation, _language(self.context))
        return recommendation._api_reading

    def get_text(self, recommendation) -> str:
        return self._reading(recommendation).text

    def get_text_language(self, recommendation) -> str:
        return self._reading(recommendation).language

    def get_addressee_labels(self, recommendation) -> list[str]:
        return addressee_labels(recommendation)

    def get_page_url(self, recommendation) -> str:
        return _absolute(self.context, recommendation.get_absolute_url())


class CountrySerializer(serializers.Serializer):
    name = serializers.CharField(source="display_name")
    country = serializers.CharField(source="country.code")


class PracticeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.SerializerMethodField()
    summary = serializers.SerializerMethodField()
    results = serializers.SerializerMethodField()
    text_language = serializers.SerializerMethodField()
    language = serializers.CharField(help_text="The language the practice was written in.")
    submitter_kind = serializers.CharField()
    organisation = serializers.CharField()
    countries = CountrySerializer(many=True, source="countries.all")
    themes = ThemeSerializer(many=True, source="themes.all")
    period_start = serializers.DateField(allow_null=True)
    period_end = serializers.DateField(allow_null=True)
    links = serializers.ListField(child=serializers.CharField())
    published_at = serializers.DateTimeField()
    modified_at = serializers.DateTimeField(source="updated_at")
    page_url = serializers.SerializerMethodField()

    def _reading(self, practice) -> dict:
        if not hasattr(practice, "_api_reading"):
            practice._api_reading = practice_reading(practice, _language(self.context))
        return practice._api_reading

    def get_title(self, practice) -> str:
        return self._reading(practice)["title"]

    def get_summary(self, practice) -> str:
        return self._reading(practice)["summary"]

    def get_results(self, practice) -> str:
        return self._reading(practice)["results"]

    def get_text_language(self, practice) -> str:
        return self._reading(practice)["fallback_code"] or _language(self.context)

    def get_page_url(self, practice) -> str:
        return _absolute(self.context, practice.get_absolute_url())


# The public list of participants: exactly what its page shows ------------------------------------


class ParticipantSerializer(serializers.Serializer):
    name = serializers.SerializerMethodField()
    head_of_delegation = serializers.SerializerMethodField()
    job_title = serializers.CharField()
    delegation = serializers.CharField(source="delegation.display_name")
    delegation_kind = serializers.CharField(source="delegation.kind")
    delegation_kind_label = serializers.CharField(source="delegation.get_kind_display")

    def get_name(self, registration) -> str:
        person = registration.person
        # As the page shows it (User.display_name), but never the e-mail address it falls back to.
        name = person.display_name
        return "" if name == person.email else name

    def get_head_of_delegation(self, registration) -> bool:
        return registration.role == registration.Role.HEAD
