"""Monitor's settings: one module, every deployment-specific value read from the environment."""

import datetime as dt
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from articles.limits import REQUEST_MAX_BYTES

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-monitor-local-development-only"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")

# The public address of the site, used in feeds, sitemaps, canonical links and the API.
# Unset: absolute URLs are on the host each request came to (checked against ALLOWED_HOSTS),
# and on monitor.core.sites.FALLBACK_SITE_URL outside any request (webhook payloads).
MONITOR_SITE_URL = os.environ.get("MONITOR_SITE_URL", "").rstrip("/")

INSTALLED_APPS = [
    "monitor.apps.MonitorAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "rest_framework",
    "django_filters",
    # Before django_tasks_db: its db_worker command is Monitor's (monitor/core/management).
    "monitor.core",
    "django_tasks_db",
    "articles.apps.ArticlesConfig",
    "events.apps.EventsConfig",
    "monitor.search.apps.SearchConfig",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "monitor.subscribers",
    "monitor.archive",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "monitor.core.outages.DatabaseOutageMiddleware",
    # Refuses logins of a locked-out account or address (see AXES_* below); last, as axes asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "monitor.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "monitor.core.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "monitor.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'var' / 'monitor.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        # A kept connection is checked before a request reuses it: one the database dropped
        # (a restart, a failover) is replaced instead of failing the request.
        conn_health_checks=True,
    )
}
# A read replica for public pages and the API's reads (monitor/core/replicas.py).
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
        conn_health_checks=DATABASES["default"]["CONN_HEALTH_CHECKS"],
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["monitor.core.replicas.ReplicaRouter"]
    MIDDLEWARE.insert(0, "monitor.core.replicas.PublicReadsMiddleware")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web server and a task worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

# One cache for every process (web server, task worker, commands), so that a change made in
# any of them is seen by all: Redis when REDIS_URL is set (an outage degrades to misses, see
# monitor/core/cache.py), else files on this machine's disk.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "monitor.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "monitor"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": BASE_DIR / os.environ.get("MONITOR_CACHE_DIR", "var/cache"),
            "OPTIONS": {"MAX_ENTRIES": 10000},
        }
    }

# Background work (scheduled publication, notifications) runs through Django's tasks framework,
# on the database by default: `manage.py db_worker` runs it (`make run` starts one).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Or on Redis through RQ, with MONITOR_TASKS_BACKEND=rq and REDIS_URL: then run
# `manage.py rqworker --with-scheduler --job-class django_tasks_rq.Job` instead of db_worker.
if os.environ.get("MONITOR_TASKS_BACKEND", "database") == "rq":
    if not REDIS_URL:
        raise ImproperlyConfigured("MONITOR_TASKS_BACKEND=rq needs REDIS_URL.")
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}

# Webhooks (docs/webhooks.md). Each endpoint's secret is derived from this key: changing
# it changes every secret. Private and loopback receivers (and http) only for local testing.
MONITOR_WEBHOOK_KEY = os.environ.get("MONITOR_WEBHOOK_KEY") or SECRET_KEY
MONITOR_WEBHOOKS_ALLOW_PRIVATE = env_bool("MONITOR_WEBHOOKS_ALLOW_PRIVATE", default=False)
MONITOR_WEBHOOK_SECRET_GRACE_HOURS = int(os.environ.get("MONITOR_WEBHOOK_SECRET_GRACE_HOURS", "24"))
# What follows a committed change (monitor/core/changes.py): each is called, after the commit,
# with the changes a service announced, in this order.
MONITOR_CHANGE_LISTENERS = [
    "monitor.search.listeners.changes_committed",
    "articles.listeners.changes_committed",
    "events.listeners.changes_committed",
    "events.listeners.timelines_committed",
    "events.listeners.representations_committed",
    "articles.listeners.home_committed",
    "monitor.core.caching.changes_committed",
    "monitor.subscribers.webhooks.changes_committed",
]

# How long an outside reviewer's preview link stays valid, unless revoked sooner.
MONITOR_PREVIEW_LINK_DAYS = int(os.environ.get("MONITOR_PREVIEW_LINK_DAYS", "7"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "monitor" / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The largest form a browser may send: an article at its maximum length, however encoded
# (articles/limits.py). Larger requests get monitor.core.errors.bad_request's page.
DATA_UPLOAD_MAX_MEMORY_SIZE = REQUEST_MAX_BYTES

LOGIN_URL = "admin:login"

# Logins are limited per account and per address (django-axes): after AXES_FAILURE_LIMIT
# wrong passwords for one username, or from one address, further attempts are refused for
# AXES_COOLOFF_TIME without checking the password (429 with templates/axes_locked_out.html).
# Attempts are kept in the database, so every web process counts the same. Administrators
# unlock at once in the admin (Axes > Access attempts: delete) or with
# `manage.py axes_reset_username <name>` / `axes_reset_ip <address>`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("MONITOR_LOGIN_FAILURES", "10"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("MONITOR_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes_locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False  # no banner on every command's output

# Security: safe defaults everywhere, strict ones whenever DEBUG is off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content-Security-Policy on every response (Django's ContentSecurityPolicyMiddleware):
# scripts, fonts and everything else only from this site, no inline or injected script
# (the pages hold none: their data blocks are JSON, their code static files). Styles may be
# inline attributes (the admin's and the API docs' widgets set them).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "worker-src": [CSP.SELF, "blob:"],  # ReDoc parses the schema in a worker
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The subscriber API (/api/v1/): keys, plans, errors and paging come from monitor.subscribers.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["monitor.subscribers.authentication.ApiKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["monitor.subscribers.permissions.PlanAllows"],
    "DEFAULT_THROTTLE_CLASSES": ["monitor.subscribers.throttling.PlanRateThrottle"],
    "DEFAULT_PAGINATION_CLASS": "monitor.subscribers.pagination.CursorPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": ["monitor.subscribers.filtering.StrictFilterBackend"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "monitor.subscribers.negotiation.ContentNegotiation",
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "EXCEPTION_HANDLER": "monitor.subscribers.problems.problem_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Monitor subscriber API",
    "DESCRIPTION": "Articles with their sources, and structured events. See docs/api.md.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # Without deep links, an operation's path is plain text, not a link inside its toggle
    # button (axe: nested-interactive); ReDoc's page keeps linkable operations.
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "monitor.subscribers.schema.document_problems",
        "monitor.subscribers.schema.state_limits",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ActorKindEnum": "events.models.Actor.Kind",
        "OutletKindEnum": "articles.models.Outlet.Kind",
        "RegionKindEnum": "articles.models.Region.Kind",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
