"""Settings for Woonoverlast, read only from environment variables.

The defaults are the embedded demo: SQLite, a file-system Celery broker and console e-mail.
Production sets DATABASE_URL, CELERY_BROKER_URL, SECRET_KEY, ALLOWED_HOSTS and DEBUG=false.
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("WOONOVERLAST_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()
env.read_env(BASE_DIR / ".env") if (BASE_DIR / ".env").exists() else None

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="django-insecure-demo-only-never-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "woonoverlast.admin.SuperuserAdminConfig",  # the Django admin, for superusers only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "django.contrib.postgres",
    "django_filters",
    "django_htmx",
    "guardian",
    "simple_history",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI as static files: the API docs need no CDN
    "oauth2_provider",
    "partners",
    "cases",
    "meetings",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "woonoverlast.refusals.RefusalMiddleware",
    "partners.middleware.SessionLimitsMiddleware",
    "partners.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "woonoverlast.middleware.NoStoreForAuthenticatedMiddleware",
    # Last, as django-axes asks: it turns a lockout raised during login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

STATIC_MANIFEST = env.bool("STATIC_MANIFEST", default=False)
if STATIC_MANIFEST:
    # Production serves hashed static files itself; the demo and tests use Django's finders.
    MIDDLEWARE.insert(2, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "woonoverlast.urls"
WSGI_APPLICATION = "woonoverlast.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cases.notifications.context_processors.notifications",
            ],
        },
    },
]

FORM_RENDERER = "woonoverlast.forms.FormRenderer"

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Persistent connections: a new PostgreSQL connection per request (a backend process forked,
# authenticated, its caches cold) cost more than many a page's queries (`make load`, ADR 0027).
# Checked before reuse, so a connection the server dropped is replaced, not an error.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"].endswith("postgresql") and not env.bool("DATABASE_JIT", False):
    # PostgreSQL compiles a query to machine code once its estimated cost passes
    # jit_above_cost: 100-230 ms for the figures' queries at a million cases, which then run
    # in a fraction of that, and no query of this application runs long enough to gain it
    # back (bench_access measures both; ADR 0028). DATABASE_JIT=true leaves the server's own.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DATABASES["default"].setdefault("TEST", {})
# Production runs two PostgreSQL roles (ADR 0016): DATABASE_URL of `migrate` names the owner,
# that of web, worker and beat names this application role, which owns nothing and may only
# read and append to the logs. `manage.py grant_app_role` (run as the owner after migrate)
# grants it its privileges. Empty: one role does everything (demo, development, CI).
DATABASE_APP_ROLE = env.str("DATABASE_APP_ROLE", default="")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "partners.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "partners.backends.UserBackend",  # ModelBackend, with the organisation in one query
    "guardian.backends.ObjectPermissionBackend",
]
ANONYMOUS_USER_NAME = None  # guardian: no anonymous user row; nobody anonymous sees case data
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "partners.validators.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "cases:list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=str(VAR_DIR / "staticfiles"))
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
STORAGES = {
    # Attachments are never served by URL: only the access-checked download view reads them.
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"base_url": None},
    },
    "staticfiles": {
        # Production runs collectstatic and sets STATIC_MANIFEST=true for hashed, cached files.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}

ATTACHMENT_MAX_BYTES = env.int("ATTACHMENT_MAX_BYTES", default=10 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
CASE_LIST_PAGE_SIZE = 50
ACCESS_LOG_PAGE_SIZE = 50

# Security headers; the production values come from the environment.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_HTTPONLY = True  # no script reads it: forms carry the token, htmx sends it from a tag
# Behind the TLS proxy the redirect and HSTS are on by default; the demo (DEBUG) has neither.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=SECURE_HSTS_SECONDS > 0)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Sessions: an idle timeout and an absolute lifetime (partners.middleware.SessionLimitsMiddleware);
# the cookie and the stored session never outlive the absolute lifetime.
SESSION_IDLE_TIMEOUT = env.int("SESSION_IDLE_TIMEOUT", default=30 * 60)
SESSION_ABSOLUTE_LIFETIME = env.int("SESSION_ABSOLUTE_LIFETIME", default=10 * 60 * 60)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_LIFETIME

# Two-factor authentication (django-otp, TOTP app + backup codes). Only the demo turns it off.
WOONOVERLAST_REQUIRE_2FA = env.bool("WOONOVERLAST_REQUIRE_2FA", default=True)
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Woonoverlast")

# django-axes: after AXES_FAILURE_LIMIT wrong passwords for one username, that username is
# locked for AXES_COOLOFF_MINUTES (0: until an administrator unlocks it). See docs/adr/0008.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
_axes_cooloff_minutes = env.int("AXES_COOLOFF_MINUTES", default=30)
AXES_COOLOFF_TIME = timedelta(minutes=_axes_cooloff_minutes) if _axes_cooloff_minutes else None
# Per username, not per address: colleagues share one office address behind NAT or the proxy,
# and one person's typos must not lock out a whole organisation (docs/adr/0008).
AXES_LOCKOUT_PARAMETERS = ["username"]
SILENCED_SYSTEM_CHECKS = ["axes.W006"]  # "no ip_address in the lockout": deliberate, see above
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The figures' covering indexes (INCLUDE, migration 0065) serve PostgreSQL; the demo's
    # SQLite builds them as plain indexes, which is all a demo needs: no warning on every start.
    SILENCED_SYSTEM_CHECKS.append("models.W040")
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "partners.views.lockout"
AXES_VERBOSE = False  # its log lines name the username and address; the database keeps them

MAILERS = {
    "default": {
        "BACKEND": env.str(
            "EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
        ),
        # For SMTP, e.g. {"host": "smtp.example.nl", "port": 587, "use_tls": true, ...}
        "OPTIONS": env.json("EMAIL_OPTIONS", default={}),
    }
}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="woonoverlast@localhost")

# Bewaartermijnen: closed cases are destroyed this many months after closure unless a
# retention rule (set in the app) says otherwise; the access log has its own period.
RETENTION_DEFAULT_MONTHS = env.int("RETENTION_DEFAULT_MONTHS", default=24)
ACCESS_LOG_RETENTION_MONTHS = env.int("ACCESS_LOG_RETENTION_MONTHS", default=60)

# Django's cache: shared by every web process when CACHE_URL names a Redis (docker-compose
# does), so that counters such as the API's request rate per client (cases/api/throttling.py)
# count across gunicorn's workers; without it each process has its own memory cache.
CACHE_URL = env.str("CACHE_URL", default="")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "woonoverlast",
        }
    }

# Celery: Redis in production and CI, an embedded file-system broker for the demo.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
_broker_dir = VAR_DIR / "broker"
# Redis: a task that a dead worker had taken is handed out again after this many seconds.
_visibility_timeout = env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)
CELERY_BROKER_TRANSPORT_OPTIONS = (
    {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "processed_folder": str(_broker_dir / "processed"),
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
    }
    if CELERY_BROKER_URL.startswith("filesystem")
    else {
        "visibility_timeout": _visibility_timeout,
        # Kombu looks for such tasks on a timer of its own: by default every 10 s, scanning
        # only on every 10th tick, so ~100 s apart whatever the visibility timeout. A task
        # younger than the timeout at one scan waited for the next, up to 100 s later (and
        # the worker that could take it sat idle). Scan on every tick, and tick often
        # enough that a task comes back within about a quarter of the timeout after it
        # expires (at most a minute later): cheap, one ZRANGE per worker per tick.
        "unacked_restore_throttle": 1,
        "unacked_restore_interval": max(1, min(60, _visibility_timeout // 4)),
        # Keeps several installations (or a test run) apart on one Redis database.
        "global_keyprefix": env.str("CELERY_BROKER_KEY_PREFIX", default=""),
    }
)
if CELERY_BROKER_URL.startswith("filesystem"):
    for _folder in CELERY_BROKER_TRANSPORT_OPTIONS.values():
        if isinstance(_folder, str):
            Path(_folder).mkdir(parents=True, exist_ok=True)
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# A static schedule of idempotent sweeps: no database scheduler needed.
CELERY_BEAT_SCHEDULE = {
    "clear-expired-sessions": {
        "task": "partners.tasks.clear_expired_sessions",
        "schedule": crontab(minute=17, hour=3),
    },
    "sweep-reminders": {
        "task": "cases.notifications.tasks.sweep_reminders",
        "schedule": crontab(minute=5, hour="7-18"),
    },
    "send-pending-emails": {
        "task": "cases.notifications.tasks.send_pending_emails",
        "schedule": crontab(minute="*/10"),
    },
    "send-daily-digests": {
        "task": "cases.notifications.tasks.send_daily_digests",
        "schedule": crontab(minute=30, hour=7),
    },
    # Inzageverzoeken: the privacy officers are reminded 7 days and 1 day before the deadline.
    "inzage-deadline-reminders": {
        "task": "cases.documents.inzage.tasks.remind_inzage_deadlines",
        "schedule": crontab(minute=50, hour=7),
    },
    "retention-sweep": {
        "task": "cases.retention.tasks.retention_sweep",
        "schedule": crontab(minute=40, hour=2),
    },
    # The casusoverleg sweeps are idempotent (a unique key per notice): hourly is safe.
    "meetings-compose-agendas": {
        "task": "meetings.tasks.compose_agendas",
        "schedule": crontab(minute=5),
    },
    "meetings-participant-notices": {
        "task": "meetings.tasks.send_meeting_notices",
        "schedule": crontab(minute=20, hour="7-18"),
    },
    "meetings-minutes-reminders": {
        "task": "meetings.tasks.remind_minutes",
        "schedule": crontab(minute=35, hour=9),
    },
}

# The casusoverleg: notice to participants this many working days before a meeting, and
# the address used in links in e-mails and calendar files (mails carry no personal data).
MEETING_NOTICE_WORKING_DAYS = env.int("MEETING_NOTICE_WORKING_DAYS", default=2)
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # WeasyPrint and fontTools log every layout step at INFO.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True


# The partner API (cases/api/, docs/adr/0020-partner-api.md): OAuth2 client credentials
# (django-oauth-toolkit), one client per partner system, scopes read and write.
# Named, so that a foreign key to it (partners.ApiClient) knows the model.
OAUTH2_PROVIDER_APPLICATION_MODEL = "oauth2_provider.Application"
OAUTH2_PROVIDER = {
    "SCOPES": {"read": "Zaakgegevens lezen", "write": "Zaakgegevens vastleggen"},
    "DEFAULT_SCOPES": ["read"],
    # Which scopes a client may ask for is its own (partners.ApiClient.scopes).
    "SCOPES_BACKEND_CLASS": "partners.oauth.ApiClientScopes",
    "ACCESS_TOKEN_EXPIRE_SECONDS": env.int("API_TOKEN_SECONDS", default=3600),
    # The OAuth 2.0 Security BCP (RFC 9700): only client credentials are used, but the
    # toolkit's other grants and transports stay strict too (check --deploy warns otherwise).
    "COMPLIANT_BCP_RFC9700_IMPLICIT_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PASSWORD_GRANT": True,  # nosec B105 - a flag, no password
    "COMPLIANT_BCP_RFC9700_PKCE_METHOD": True,
    # Never a token in the URL. (bandit B105 reads "TOKEN" keys as secrets: these are flags.)
    "COMPLIANT_BCP_RFC9700_ACCESS_TOKEN_TRANSPORT": True,  # nosec B105
    "COMPLIANT_BCP_RFC9700_AUTHZ_RESPONSE_ISS": True,
    "COMPLIANT_BCP_RFC9700_TOKEN_STORAGE": True,  # nosec B105 - tokens stored as hashes
    "COMPLIANT_BCP_RFC9700_REFRESH_TOKEN": True,  # nosec B105
    "REFRESH_TOKEN_REUSE_PROTECTION": True,  # nosec B105
    "ALLOWED_REDIRECT_URI_SCHEMES": ["https"],
}
API_THROTTLE_RATE = env.str("API_THROTTLE_RATE", default="600/minute")
API_PAGE_SIZE = 50
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "cases.api.authentication.ClientCredentialsAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["cases.api.permissions.ScopePermission"],
    "DEFAULT_THROTTLE_CLASSES": ["cases.api.throttling.PerClientThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "cases.api.errors.exception_handler",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Woonoverlast partner-API",
    "DESCRIPTION": (
        "Koppeling voor de systemen van ketenpartners (politie, GGD, gemeente, corporaties). "
        "Een koppeling handelt namens haar organisatie en ziet elke zaak op het niveau dat "
        "met die organisatie is gedeeld, net als in de applicatie: bestaan, proces of "
        "volledig. Identiteiten van melders komen nooit mee. Een zaak die de organisatie niet "
        "mag kennen geeft 404. Authenticatie: OAuth2 client credentials; vraag een token aan "
        "bij de token-URL met scope `read` en/of `write`."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "OAUTH2_FLOWS": ["clientCredentials"],
    "OAUTH2_TOKEN_URL": "/api/oauth/token/",  # nosec B105 - a path, no secret
    "OAUTH2_SCOPES": OAUTH2_PROVIDER["SCOPES"],
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "ENUM_NAME_OVERRIDES": {
        "MaatregelStatusEnum": "cases.models.measures.Measure.Status",
        "ActiepuntStatusEnum": "cases.models.actions.ActionItem.Status",
        "LogboekSoortEnum": "cases.models.choices.NoteKind",
        "BesluitSoortEnum": "cases.models.decisions.Decision.Kind",
    },
}
