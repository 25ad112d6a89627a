from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.decorators.cache import cache_control
from django.views.i18n import JavaScriptCatalog

# The admin's own login form would check passwords outside allauth, so without its rate limits:
# it sends people to the portal's sign-in (and back to the admin), as allauth's docs advise.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    # The Chair's office's people pages (portal.people), before roundtables' own /chair/ pages.
    path("chair/", include("portal.people.urls")),
    path("chair/", include("portal.retention.urls")),  # /chair/meetings/<number>/retention/
    path("chair/", include("reports.translations.urls")),  # /chair/meetings/<number>/translations/
    path("chair/", include("api.chair_urls")),  # /chair/meetings/<number>/api-tokens/ (issue 21)
    # Recommendations, follow-up and practices: /recommendations/, /practices/, /tracker/ and their
    # /chair/meetings/<number>/... pages, before roundtables' own.
    path("", include("followup.urls")),
    # Around the meeting (issue 20): visa letters, funding calls, travel and hotels, side events, the
    # personal agenda; /logistics/... and /chair/meetings/<number>/... pages, before roundtables' own.
    path("", include("logistics.urls")),
    path("", include("roundtables.urls")),
    path("notifications/", include("notifications.urls")),  # preferences, unsubscribe, programme digests
    path("me/", include("portal.urls")),
    path("delegations/", include("delegations.urls")),
    path("mailings/", include("mailings.urls")),
    path("communications/", include("communications.urls")),  # issue 19: mailings the Chair's office writes
    path("surveys/", include("surveys.urls")),
    path("", include("papers.urls")),  # /papers/... and /meetings/<number>/papers/
    path("outcomes/", include("outcomes.urls")),
    path("reports/", include("reports.urls")),
    path("api/", include("api.urls")),  # issue 21: the public read-only API (/api/v1/...), its schema and docs
    path("translations/", include("portal.translations.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    # The page names its language in the URL (?lang=), so browsers may keep each catalogue a day.
    path("jsi18n/", cache_control(max_age=86400)(JavaScriptCatalog.as_view()), name="javascript-catalog"),
    path("admin/", admin.site.urls),
]

if settings.BENCHMARK_MODE:
    urlpatterns.append(path("bench/", include("benchmarks.urls")))

# Uncaught exceptions: a database away for a moment is a 503 in the portal's layout (gfmd.errors).
handler500 = "gfmd.errors.server_error"
