"""API tokens: hashed at rest, shown once, scoped to their meeting, revocable, audited; and the Chair's
office's page of them (wrong people refused)."""

import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.tests.factories import UserFactory
from activity.models import ActivityLog
from api.models import ApiToken
from api.services import token_create, token_revoke
from delegations.models import Registration
from delegations.tests.factories import RegistrationFactory
from gfmd.tests.paging import assert_pages_cost_the_same  # noqa: F401
from roundtables.tests.factories import two_meetings
from surveys.tests.factories import SurveyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings(db, chair):
    return two_meetings()


def bearer(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_token_is_hashed_at_rest_and_shown_once(meetings, chair):
    mexico, _ = meetings
    new = token_create(meeting=mexico, actor=chair, name="Website import")
    token = ApiToken.objects.get()
    assert new.secret.startswith("gfmd_") and len(new.secret) > 40
    assert token.secret_hash == hashlib.sha256(new.secret.encode()).hexdigest()
    assert new.secret not in str(ApiToken.objects.values().get())
    assert token.prefix == new.secret[: len(token.prefix)] and len(token.prefix) < 16
    assert ActivityLog.objects.filter(action="api.token.created", meeting=mexico).count() == 1


def test_only_the_meetings_chair_office_creates_and_revokes(meetings, chair):
    mexico, _ = meetings
    with pytest.raises(PermissionDenied):
        token_create(meeting=mexico, actor=UserFactory(), name="x")
    new = token_create(meeting=mexico, actor=chair, name="x")
    with pytest.raises(PermissionDenied):
        token_revoke(token=new.token, actor=UserFactory())
    with pytest.raises(ValidationError):
        token_create(meeting=mexico, actor=chair, name="   ")
    token_revoke(token=new.token, actor=chair)
    with pytest.raises(ValidationError):
        token_revoke(token=new.token, actor=chair)
    assert ActivityLog.objects.filter(action="api.token.revoked").count() == 1


def test_exports_with_a_token(client, meetings, chair):
    mexico, switzerland = meetings
    RegistrationFactory(meeting=mexico, status=Registration.Status.PENDING, person__last_name="Pendingperson")
    new = token_create(meeting=mexico, actor=chair, name="CRM")
    response = client.get("/api/v1/meetings/4/exports/registrations.csv", **bearer(new.secret))
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert body.splitlines()[0].startswith("Delegation,Kind,Region")
    assert "Pendingperson" in body
    assert "no-store" in response["Cache-Control"]
    log = ActivityLog.objects.filter(action="api.token.used")
    assert log.count() == 1 and log.get().data["export"] == "registrations"
    new.token.refresh_from_db()
    assert new.token.last_used_at is not None

    survey = SurveyFactory(meeting=mexico)
    listing = client.get("/api/v1/meetings/4/exports/surveys/", **bearer(new.secret)).json()
    assert [item["id"] for item in listing] == [survey.pk]
    csv = client.get(f"/api/v1/meetings/4/exports/surveys/{survey.pk}.csv", **bearer(new.secret))
    assert csv.status_code == 200
    b"".join(csv.streaming_content)
    other_survey = SurveyFactory(meeting=switzerland)
    assert (
        client.get(f"/api/v1/meetings/4/exports/surveys/{other_survey.pk}.csv", **bearer(new.secret)).status_code == 404
    )


def test_scope_revocation_and_bad_tokens(client, meetings, chair):
    mexico, _ = meetings
    new = token_create(meeting=mexico, actor=chair, name="CRM")
    url = "/api/v1/meetings/4/exports/registrations.csv"
    assert client.get("/api/v1/meetings/5/exports/registrations.csv", **bearer(new.secret)).status_code == 403
    assert client.get(url).status_code == 401
    assert client.get(url, **bearer("gfmd_forged")).status_code == 401
    assert client.get(url, HTTP_AUTHORIZATION="Bearer a b").status_code == 401
    token_revoke(token=new.token, actor=chair)
    refused = client.get(url, **bearer(new.secret))
    assert refused.status_code == 401 and "revoked" in refused.json()["detail"]
    assert client.post(url, **bearer(new.secret)).status_code in (401, 405)
    # A signed-in Chair's office session opens nothing here: only the token does.
    client.force_login(chair)
    assert client.get(url).status_code == 401


def test_token_page_refuses_the_wrong_people(client, meetings, chair):
    mexico, switzerland = meetings
    url = reverse("api_tokens:list", kwargs={"number": 4})
    assert client.get(url).status_code in (302, 403)
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    # Staff of another meeting only.
    from followup.tests.factories_reports import chair_staff_of

    client.force_login(chair_staff_of(switzerland))
    if not UserFactory._meta.model.objects.get(pk=client.session["_auth_user_id"]).has_perm(
        "api.manage_tokens", mexico
    ):
        assert client.get(url).status_code == 403
    token = token_create(meeting=mexico, actor=chair, name="Mexico's")
    assert client.post(reverse("api_tokens:revoke", kwargs={"number": 4, "pk": token.token.pk})).status_code == 403
    assert client.get(reverse("api_tokens:revoke", kwargs={"number": 5, "pk": token.token.pk})).status_code == 404


def test_chair_office_creates_sees_once_and_revokes_on_the_page(client, meetings, chair):
    client.force_login(chair)
    url = reverse("api_tokens:list", kwargs={"number": 4})
    empty = client.post(url, {"name": ""})
    assert empty.status_code == 400 and "This field is required." in empty.content.decode()
    created = client.post(url, {"name": "Website <script>"})
    token = ApiToken.objects.get()
    body = created.content.decode()
    secret = created.context["created"].secret
    assert secret in body and "Website &lt;script&gt;" in body
    again = client.get(url).content.decode()
    assert secret not in again and token.prefix in again
    revoke_url = reverse("api_tokens:revoke", kwargs={"number": 4, "pk": token.pk})
    assert "Revoke the token" in client.get(revoke_url).content.decode()
    assert client.post(revoke_url).status_code == 302
    token.refresh_from_db()
    assert token.is_revoked


def test_token_list_costs_the_same_for_one_and_three(client, meetings, chair):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    mexico, _ = meetings
    client.force_login(chair)
    url = reverse("api_tokens:list", kwargs={"number": 4})
    token_create(meeting=mexico, actor=chair, name="one")
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    token_create(meeting=mexico, actor=chair, name="two")
    token_create(meeting=mexico, actor=UserFactory(is_superuser=False) if False else chair, name="three")
    with CaptureQueriesContext(connection) as three:
        client.get(url)
    assert len(one) == len(three)
