"""The public API's endpoints (read-only, /api/v1/) and the token-authenticated exports."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, generics, permissions, serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView

from api import filters, selectors
from api import serializers as s
from api.authentication import ApiTokenAuthentication
from api.base import CursorPages, PublicAPIMixin
from api.models import ApiToken
from api.services import token_used
from delegations import exports as registration_exports
from delegations.models import Registration
from roundtables.models import Meeting, Session
from roundtables.programme.cache import release_for
from roundtables.programme.published import Programme
from surveys import exports as survey_exports
from surveys.models import Survey

LANGUAGE = OpenApiParameter(
    "language", OpenApiTypes.STR, enum=["en", "fr", "es"], description="The language of the answer's texts."
)


class MeetingPages(CursorPages):
    ordering = "-number"


class PublicList(PublicAPIMixin, generics.ListAPIView):
    pagination_class = CursorPages
    filter_backends = (DjangoFilterBackend,)


# Meetings ----------------------------------------------------------------------------------------


class MeetingList(PublicList):
    """The public meetings, newest first: those with a published programme, no longer in preparation."""

    serializer_class = s.MeetingSerializer
    filterset_class = filters.MeetingFilter
    pagination_class = MeetingPages

    def get_queryset(self):
        return selectors.public_meetings()


@extend_schema(parameters=[LANGUAGE])
class MeetingDetail(PublicAPIMixin, generics.RetrieveAPIView):
    serializer_class = s.MeetingSerializer
    lookup_field = "number"

    def get_queryset(self):
        return selectors.public_meetings()


# The programme: the latest published release, never the live draft -------------------------------


class ReleaseView(PublicAPIMixin, generics.RetrieveAPIView):
    """Reads the meeting's latest release as the public programme pages do (one query for a 304)."""

    def stamp(self, request) -> str:
        meeting, release = release_for(request, self.kwargs["number"])
        if meeting is None or release is None or meeting.status == Meeting.Status.PLANNING:
            raise exceptions.NotFound(_("No published programme for this meeting."))
        self.release = release
        return f"{meeting.number}|{meeting.status}|{release.version}"

    def programme(self) -> Programme:
        return Programme(self.release)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "meeting_number": self.kwargs["number"]}

    def retrieve(self, request, *args, **kwargs):
        return Response(self.get_serializer(self.payload(self.programme()), **self.many).data)

    many: dict = {}

    def payload(self, programme: Programme):
        raise NotImplementedError


@extend_schema(parameters=[LANGUAGE])
class ProgrammeDetail(ReleaseView):
    """The meeting's published programme: its latest version, with roundtables and sessions."""

    serializer_class = s.ProgrammeSerializer

    def payload(self, programme):
        return programme


@extend_schema_view(
    get=extend_schema(
        parameters=[LANGUAGE], responses=s.SessionSerializer(many=True), operation_id="meetings_sessions_list"
    )
)
class SessionList(ReleaseView):
    """The sessions of the published programme (bounded by it: no pages)."""

    serializer_class = s.SessionSerializer
    many = {"many": True}

    def payload(self, programme):
        return programme.sessions


@extend_schema(parameters=[LANGUAGE])
class SessionDetail(ReleaseView):
    serializer_class = s.SessionSerializer

    def payload(self, programme):
        session = programme.session(self.kwargs["pk"])
        if session is None:
            raise exceptions.NotFound(_("No such session in the published programme."))
        return session


@extend_schema_view(
    get=extend_schema(
        parameters=[LANGUAGE], responses=s.RoundtableSerializer(many=True), operation_id="meetings_roundtables_list"
    )
)
class RoundtableList(ReleaseView):
    serializer_class = s.RoundtableSerializer
    many = {"many": True}

    def payload(self, programme):
        return programme.roundtables


# Papers, outcomes, recommendations, practices ---------------------------------------------------


class PaperList(PublicList):
    """Published papers of the public meetings, with their files and download links."""

    serializer_class = s.PaperSerializer
    filterset_class = filters.PaperFilter

    def get_queryset(self):
        return selectors.public_papers()


@extend_schema(parameters=[LANGUAGE])
class PaperDetail(PublicAPIMixin, generics.RetrieveAPIView):
    serializer_class = s.PaperSerializer

    def get_queryset(self):
        return selectors.public_papers()


class OutcomeList(PublicList):
    """Published outcomes, each section in the language asked for (the original, marked, where its
    translation is not published)."""

    serializer_class = s.OutcomeSerializer
    filterset_class = filters.OutcomeFilter

    def get_queryset(self):
        return selectors.public_outcomes()


class RecommendationList(PublicList):
    """Published recommendations with their current status."""

    serializer_class = s.RecommendationSerializer
    filterset_class = filters.RecommendationFilter

    def get_queryset(self):
        return selectors.public_recommendations()


class PracticeList(PublicList):
    """Published practices of the Platform for Partnerships."""

    serializer_class = s.PracticeSerializer
    filterset_class = filters.PracticeFilter

    def get_queryset(self):
        return selectors.public_practices_list()


class ParticipantList(PublicList):
    """The public list of participants: approved, and only those who agreed to be listed."""

    serializer_class = s.ParticipantSerializer
    filterset_class = filters.LanguageOnlyFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Registration.objects.none()
        meeting = get_object_or_404(selectors.public_meetings().only("pk"), number=self.kwargs["number"])
        return selectors.meeting_participants(meeting)


# The Chair's office's exports, with an API token ---------------------------------------------


class TokenThrottle(SimpleRateThrottle):
    """Per token (DEFAULT_THROTTLE_RATES["api_token"])."""

    scope = "api_token"

    def get_cache_key(self, request, view):
        token = request.auth
        return self.cache_format % {"scope": self.scope, "ident": token.pk} if isinstance(token, ApiToken) else None


class TokenForMeeting(permissions.BasePermission):
    """A token reads its own meeting's exports only."""

    message = _("This token is for another meeting.")

    def has_permission(self, request, view) -> bool:
        token = request.auth
        if not isinstance(token, ApiToken):
            raise exceptions.NotAuthenticated(_("Send the meeting's API token: Authorization: Bearer <token>."))
        return token.meeting.number == view.kwargs.get("number")


class ExportView(APIView):
    authentication_classes = (ApiTokenAuthentication,)
    permission_classes = (TokenForMeeting,)
    throttle_classes = (TokenThrottle,)
    renderer_classes = (JSONRenderer,)
    http_method_names = ["get", "head", "options"]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method != "OPTIONS" and request.query_params:
            raise exceptions.ValidationError({"unknown_parameters": sorted(request.query_params)})

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response


class _SurveyItem(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    status = serializers.CharField()
    export_url = serializers.CharField()


@extend_schema(responses={(200, "text/csv"): OpenApiTypes.STR})
class RegistrationExport(ExportView):
    """Every registration of the token's meeting, as the Chair's office's CSV export (times in the
    meeting's zone)."""

    def get(self, request, number: int):
        meeting = request.auth.meeting
        token_used(token=request.auth, export="registrations")
        registrations = (
            Registration.objects.filter(meeting=meeting)
            .select_related("person", "delegation", "decided_by")
            .prefetch_related(Prefetch("sessions", queryset=Session.objects.only("pk", "code").order_by("code")))
            .order_by("delegation__name", "person__last_name", "person__first_name", "pk")
        )
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        return registration_exports.csv_response(
            registrations.iterator(chunk_size=500),
            zone=meeting.time_zone,
            filename=f"gfmd-registrations-{meeting.number}-{stamp}.csv",
        )


@extend_schema(responses=_SurveyItem(many=True))
class SurveyExportList(ExportView):
    """The token's meeting's surveys, each with the link to its results export."""

    def get(self, request, number: int):
        surveys = Survey.objects.filter(meeting=request.auth.meeting).order_by("pk")
        return Response(
            [
                {
                    "id": survey.pk,
                    "title": survey.title,
                    "status": survey.status(),
                    "export_url": request.build_absolute_uri(reverse("api:export_survey", args=[number, survey.pk])),
                }
                for survey in surveys
            ]
        )


@extend_schema(responses={(200, "text/csv"): OpenApiTypes.STR})
class SurveyExport(ExportView):
    """A survey's answers, as the Chair's office's CSV export of its results."""

    def get(self, request, number: int, pk: int):
        survey = get_object_or_404(Survey.objects.select_related("meeting"), pk=pk, meeting=request.auth.meeting)
        token_used(token=request.auth, export=f"survey {survey.pk}")
        with timezone.override(survey.meeting.time_zone):
            return survey_exports.results_csv_response(survey, filename=f"survey-{survey.pk}.csv")
