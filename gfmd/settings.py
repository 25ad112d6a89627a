"""Settings of the GFMD Meeting Portal, read from the environment.

One module for every environment: a local run needs no variables at all (SQLite
and mail files under var/, a generated secret key), production sets them
(`GFMD_ENV=production` makes SECRET_KEY, ALLOWED_HOSTS, SITE_URL and the proxy set-up,
TRUSTED_PROXY_COUNT or TRUSTED_CLIENT_IP_HEADER, required and turns on the HTTPS
settings). Tests use gfmd.settings_test, which imports this.
"""

import datetime as dt
import secrets
from pathlib import Path

import environ
from django.utils.csp import CSP

from gfmd import languages

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("GFMD_VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

env = environ.Env()
env.read_env(BASE_DIR / ".env", overwrite=False)

PRODUCTION = env.str("GFMD_ENV", default="local") == "production"
DEBUG = env.bool("DEBUG", default=False)


def _local_secret_key() -> str:
    # Generated once per checkout so sessions survive restarts of a local run.
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env.str("SECRET_KEY") if PRODUCTION else env.str("SECRET_KEY", default="") or _local_secret_key()
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The portal's public address, used for links in mails (no request exists in a Celery task).
SITE_URL = env.str("SITE_URL", default="" if PRODUCTION else "http://127.0.0.1:8000").rstrip("/")
if PRODUCTION and not SITE_URL:
    raise environ.ImproperlyConfigured("Set SITE_URL to the portal's public address.")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.postgres",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "allauth",
    "allauth.account",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_countries",
    "django_htmx",
    "django_filters",
    "rules",
    "accounts",
    "activity",
    "mailings",
    "roundtables",
    "delegations",
    "papers",
    "outcomes",
    "followup",
    "communications",
    "notifications",
    "logistics",
    "reports",
    "api",
    "surveys",
    "portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The public API answers GET from any origin (CORS_* below); it must run before CommonMiddleware.
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.PreferredLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # A write refused because its meeting is closed: a 409 page rather than a server error.
    "roundtables.middleware.MeetingClosedMiddleware",
]

ROOT_URLCONF = "gfmd.urls"
WSGI_APPLICATION = "gfmd.wsgi.application"
ASGI_APPLICATION = "gfmd.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'gfmd.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web server and the Celery worker share the file.
    # BEGIN IMMEDIATE: a transaction takes the write lock when it starts (waiting up to the
    # timeout), so read-then-write checks (session seats, quotas, select_for_update, which
    # SQLite ignores) are serialised instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SITE_ID = 1
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:landing"

# django-allauth: e-mail is the login, verified before first use.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[GFMD] "
ACCOUNT_ADAPTER = "mailings.adapter.OutboxAccountAdapter"
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
# allauth's rate limits need a cache shared by every web process, which is Redis whenever
# REDIS_URL is set. Failed sign-ins count per client address and per account (the address
# typed), never for the whole site: hammering one account locks that account for five minutes,
# not everybody else's sign-in, and one address cannot try more than ten passwords a minute
# across accounts. The Django admin's own login goes through this sign-in too (gfmd/urls.py).
ACCOUNT_RATE_LIMITS = {"login": "30/m/ip", "login_failed": "10/m/ip,5/5m/key"}

# Who the client is, for those limits. Behind a reverse proxy every request comes from the
# proxy's address, so counting by REMOTE_ADDR would put every visitor in one bucket (and lock
# everyone out together); X-Forwarded-For cannot be taken at its word either, since a client
# sets whatever it likes in it. So production names its set-up, one way or the other:
# - TRUSTED_PROXY_COUNT: how many proxies of ours stand in front of the portal (0 when none).
#   The client is the address that many hops from the right end of X-Forwarded-For, which our
#   last proxy appended; what the client wrote further left is never read.
# - TRUSTED_CLIENT_IP_HEADER: the header our proxy sets to the client's address (X-Real-IP,
#   CF-Connecting-IP); it wins over the count when both are set.
# allauth reads them as ALLAUTH_*. Anything of the portal that needs the client's address asks
# allauth too (get_adapter().get_client_ip(request)) rather than reading REMOTE_ADDR: one rule.
_TRUSTED_PROXY_COUNT = env.str("TRUSTED_PROXY_COUNT", default="").strip()
TRUSTED_CLIENT_IP_HEADER = env.str("TRUSTED_CLIENT_IP_HEADER", default="").strip()
if PRODUCTION and not _TRUSTED_PROXY_COUNT and not TRUSTED_CLIENT_IP_HEADER:
    raise environ.ImproperlyConfigured(
        "Set TRUSTED_PROXY_COUNT to the number of reverse proxies in front of the portal (0 when "
        "clients connect to it directly), or TRUSTED_CLIENT_IP_HEADER to the header your proxy sets "
        "to the client's address (e.g. X-Real-IP), so that rate limits count each client rather than "
        "the proxy."
    )
if _TRUSTED_PROXY_COUNT and not _TRUSTED_PROXY_COUNT.isdigit():
    raise environ.ImproperlyConfigured(
        f"TRUSTED_PROXY_COUNT must be a whole number of proxies (0 or more), not {_TRUSTED_PROXY_COUNT!r}."
    )
ALLAUTH_TRUSTED_PROXY_COUNT = int(_TRUSTED_PROXY_COUNT or 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = TRUSTED_CLIENT_IP_HEADER or None

LANGUAGE_CODE = languages.DEFAULT
LANGUAGES = list(languages.NAMES.items())
MODELTRANSLATION_LANGUAGES = languages.CODES
MODELTRANSLATION_DEFAULT_LANGUAGE = languages.DEFAULT
MODELTRANSLATION_FALLBACK_LANGUAGES = (languages.DEFAULT,)
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise expects it even before collectstatic
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Uploaded and generated files are never served from a public URL: views check permission first.
MEDIA_URL = "/media-not-public/"
STORAGES = {
    # Swap for django-storages' S3 backend (STORAGE_BACKEND) to share files between machines.
    "default": {"BACKEND": env.str("STORAGE_BACKEND", default="django.core.files.storage.FileSystemStorage")},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

REDIS_URL = env.str("REDIS_URL", default="")
REDIS_CACHE_OPTIONS = {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
if REDIS_URL:
    # A cache that fails (Redis restarting) is skipped, not an error: pages render without it, rate limits
    # let requests through meanwhile; sessions live in the database, not here.
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
else:
    # A file cache is shared by the web server and the worker of a local run (rate limits included).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            # The default keeps 300 entries and culls a third beyond: a published programme of 400
            # sessions has about 1,350 pages in three languages, which must all stay rendered.
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    }
# Parallel test workers share one cache server or folder: each keeps its own keys.
CACHES["default"]["KEY_PREFIX"] = env.str("PYTEST_XDIST_WORKER", default="")
# Public pages of a published programme are rendered once and served from the cache
# (roundtables.programme.pages); off, every request renders them (to measure the difference).
PROGRAMME_PAGE_CACHE = env.bool("GFMD_PROGRAMME_PAGE_CACHE", default=True)

# Mail (Django 6.1's MAILERS): SMTP when EMAIL_HOST is set, otherwise one readable file per
# message under var/mail so that a person can read what the portal sent.
if env.str("EMAIL_HOST", default=""):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env.str("EMAIL_HOST"),
                "port": env.int("EMAIL_PORT", default=587),
                "username": env.str("EMAIL_HOST_USER", default=""),
                "password": env.str("EMAIL_HOST_PASSWORD", default=""),
                "use_tls": env.bool("EMAIL_USE_TLS", default=True),
                "timeout": env.int("EMAIL_TIMEOUT", default=30),
            },
        }
    }
else:
    # Decoded text, headers first, one file per mail named by time and subject (the newest sorts
    # last), so that its links can be clicked: see mailings/backends.py.
    MAILERS = {
        "default": {
            "BACKEND": "mailings.backends.ReadableFileBackend",
            "OPTIONS": {"file_path": str(VAR_DIR / "mail")},
        }
    }
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="GFMD Meeting Portal <noreply@gfmd.example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: Redis when REDIS_URL is set; otherwise kombu's SQLAlchemy transport on a SQLite file,
# so the worker that `make run` starts really consumes tasks without any server.
CELERY_BROKER_URL = env.str(
    "CELERY_BROKER_URL", default=REDIS_URL or f"sqla+sqlite:///{VAR_DIR / 'celery-broker.sqlite3'}"
)
CELERY_RESULT_BACKEND = env.str(
    "CELERY_RESULT_BACKEND", default=REDIS_URL or f"db+sqlite:///{VAR_DIR / 'celery-results.sqlite3'}"
)
CELERY_TASK_ALWAYS_EAGER = False
CELERY_TASK_ACKS_LATE = True  # a task whose worker dies is delivered again, not lost
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=600)
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT - 30
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_RESULT_EXPIRES = 3600
CELERY_TIMEZONE = TIME_ZONE
# Periodic tasks (run `celery -A gfmd beat`, or the worker with -B, beside the worker).
CELERY_BEAT_SCHEDULE = {
    "papers-deadline-reminders": {"task": "gfmd.papers.send_deadline_reminders", "schedule": 3600.0},
    "reports-purge-expired": {"task": "gfmd.reports.purge_expired", "schedule": 3600.0},
    # Jobs no worker is producing any more (queued too long, or running past the time limit).
    "reports-sweep-stalled": {"task": "gfmd.reports.sweep_stalled", "schedule": 300.0},
    # Focal points and coordinators who chose the daily digest: registrations awaiting their decision.
    "delegations-decision-digests": {"task": "gfmd.delegations.send_decision_digests", "schedule": 86400.0},
    # Registrants who keep the announcements: the papers published for their sessions, at most one mail a day
    # (the task sends each person's once per day, so running it hourly only picks up the late ones).
    "notifications-papers-digests": {"task": "gfmd.notifications.send_papers_digests", "schedule": 3600.0},
    # Comments on papers to their team, at most one mail a day per person (the same once-a-day row).
    "notifications-comment-digests": {"task": "gfmd.notifications.send_comment_digests", "schedule": 3600.0},
    # Visa letters issued in bulk: a run whose worker died is resumed (each letter is issued once).
    "logistics-visa-issue-sweep": {"task": "gfmd.logistics.visa_issue_sweep", "schedule": 300.0},
}
# A run's own queue name keeps test workers (and other portals on one Redis) apart.
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="celery")
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# Mailings: the beat sweep (gfmd/celery.py) requeues mails stuck in "sending" past the timeout
# and sends due retries; transient SMTP errors are retried with exponential backoff.
MAILINGS_SWEEP_SECONDS = env.float("MAILINGS_SWEEP_SECONDS", default=30)
MAILINGS_SENDING_TIMEOUT = env.int("MAILINGS_SENDING_TIMEOUT", default=300)
MAILINGS_STALLED_AFTER = env.int("MAILINGS_STALLED_AFTER", default=90)
MAILINGS_RETRY_BASE_SECONDS = env.int("MAILINGS_RETRY_BASE_SECONDS", default=60)
MAILINGS_MAX_ATTEMPTS = env.int("MAILINGS_MAX_ATTEMPTS", default=6)
# Mails a sending task claims in one transaction, then sends over one SMTP connection.
MAILINGS_BATCH_SIZE = env.int("MAILINGS_BATCH_SIZE", default=25)
# The text of a mail is kept this many days after it was sent (for the Chair's office to see what
# went out), then blanked by a daily beat task; the delivery record (to, subject, state) stays.
# Badges and other documents of several parts: one task per part, in parallel on the worker's processes.
REPORTS_PARALLEL_PARTS = env.bool("REPORTS_PARALLEL_PARTS", default=True)
MAILINGS_BODY_RETENTION_DAYS = env.int("MAILINGS_BODY_RETENTION_DAYS", default=30)
# A closed meeting's participants' personal data may be anonymised by its Chair's office once this
# period has passed since the meeting was closed (portal.retention); the public record stays.
GFMD_RETENTION_PERIOD = dt.timedelta(days=env.int("GFMD_RETENTION_DAYS", default=5 * 365))
# Surveys: how often beat looks for scheduled reminders that are due.
SURVEYS_REMINDER_CHECK_SECONDS = env.float("SURVEYS_REMINDER_CHECK_SECONDS", default=300)

# Background papers: the largest file accepted (the web server in front must allow at least this).
PAPERS_MAX_UPLOAD_BYTES = env.int("PAPERS_MAX_UPLOAD_BYTES", default=20 * 1024 * 1024)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Content-Security-Policy (Django's own middleware): no inline script or style anywhere,
# scripts only from our origin with the per-request nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# `make bench` serves the portal with a minimal yardstick view and a per-request SQL query count.
BENCHMARK_MODE = env.bool("GFMD_BENCHMARK", default=False)
# --- The public API (issue 21: api/) -------------------------------------------------------------
# Read-only, under /api/v1/; CORS open to any origin for GET only, and only on /api/.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False
# Swagger UI's files for the documentation page, served from static (no CDN).
INSTALLED_APPS.append("drf_spectacular_sidecar")
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # The public endpoints read no session or cookie; the exports authenticate their own token (api.views).
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    # Per client address (public) and per token (exports), counted in the default cache. `make bench`
    # measures the programme endpoint under load: no limit there.
    "DEFAULT_THROTTLE_RATES": {
        "anon": None if BENCHMARK_MODE else env.str("API_ANON_RATE", default="120/minute"),
        "api_token": None if BENCHMARK_MODE else env.str("API_TOKEN_RATE", default="30/minute"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "GFMD Meeting Portal API",
    "DESCRIPTION": "What the Global Forum on Migration and Development publishes, as data (read-only).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PUBLIC": True,
    "SERVE_AUTHENTICATION": [],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
}
# --- end of the public API's settings ------------------------------------------------------------

INSTALLED_APPS.append("benchmarks")  # its data generator command is always available
if BENCHMARK_MODE:
    MIDDLEWARE.insert(0, "benchmarks.middleware.QueryCountMiddleware")

# Where the demo loader finds the 2010 concept paper (a copy ships in the repository).
GFMD_CONCEPT_PAPER = env.str(
    "GFMD_CONCEPT_PAPER", default=str(BASE_DIR / "roundtables" / "demo" / "gfmd-2010-concept-paper.txt")
)
