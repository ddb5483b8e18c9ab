"""Django settings. Everything that differs between machines comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("SELLERDESK_DATA_DIR", Path.cwd() / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("SELLERDESK_DEBUG", False)
# The fallback key is only good for a local demo; production must set SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY", "sellerdesk-insecure-local-demo-key-change-me")
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",  # serves the API docs page from local static files, not a CDN
    "django_tasks",
    "django_tasks_db",
    "sellerdesk",
    "sellerdesk.core",
    "sellerdesk.accounts",
    "sellerdesk.routing",
    "sellerdesk.cases",
    "sellerdesk.commitments",
    "sellerdesk.sla",
    "sellerdesk.assistant",
    "sellerdesk.knowledge",
    "sellerdesk.performance",
    "sellerdesk.insights",
    "sellerdesk.portal",
    "sellerdesk.workspace",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "sellerdesk.core.middleware.ViewerTimezoneMiddleware",
    "sellerdesk.api.errors.ApiJsonErrorsMiddleware",
]

ROOT_URLCONF = "sellerdesk.urls"
WSGI_APPLICATION = "sellerdesk.wsgi.application"
ASGI_APPLICATION = "sellerdesk.asgi.application"

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
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "sellerdesk.insights.context_processors.incident_banners",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'sellerdesk.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets the web server and the worker read while the other writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Parameters travel apart from the SQL, and a statement run SELLERDESK_DB_PREPARE_THRESHOLD
    # times on a connection is prepared once and then only executed: PostgreSQL stops parsing and
    # planning the same INSERTs and SELECTs on every request. Empty turns preparing off (for a
    # connection pooler that cannot keep prepared statements).
    threshold = os.environ.get("SELLERDESK_DB_PREPARE_THRESHOLD", "5")
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=int(threshold) if threshold else None
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "static/"
# Production runs `sellerdesk collectstatic` into this folder; the demo serves from the apps.
STATIC_ROOT = os.environ.get("SELLERDESK_STATIC_ROOT") or None
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = Path(os.environ.get("SELLERDESK_MEDIA_ROOT", DATA_DIR / "media"))

# Request size: the API refuses bodies above this with 413 before parsing them.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

TASKS = {
    "default": {
        "BACKEND": os.environ.get("SELLERDESK_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "support@sellerdesk.invalid")
SITE_URL = os.environ.get("SELLERDESK_SITE_URL", "http://127.0.0.1:8000")

# Behind HTTPS (production), set SELLERDESK_HTTPS=1: secure cookies, HSTS and the proxy's scheme header.
if env_bool("SELLERDESK_HTTPS", False):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SELLERDESK_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SELLERDESK_HSTS_SECONDS", "31536000"))
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Product rules an operator may tune.
SELLERDESK = {
    # A resolved or closed case may be reopened by its seller for this many days.
    "REOPEN_WINDOW_DAYS": int(os.environ.get("SELLERDESK_REOPEN_WINDOW_DAYS", "14")),
    "ATTACHMENT_MAX_BYTES": int(os.environ.get("SELLERDESK_ATTACHMENT_MAX_BYTES", str(10 * 1024 * 1024))),
    "ATTACHMENTS_PER_MESSAGE": 5,
    # Reimbursement limits in the capability matrix are in USD; amounts in other currencies convert
    # at these rates (USD per unit). Operators keep them roughly current.
    "FX_TO_USD": {"USD": 1, "EUR": 1.08, "GBP": 1.27, "CAD": 0.73, "MXN": 0.058, "CNY": 0.14, "JPY": 0.0067},
    # Each process remembers a checked API token (and the team list used to route new cases) this
    # many seconds, saving a query per request; changes reach the API at most this late. 0 = off.
    "API_AUTH_CACHE_SECONDS": int(os.environ.get("SELLERDESK_API_AUTH_CACHE_SECONDS", "30")),
    # API lists count their matches up to this many; past it `count` is this number and
    # `count_exact` is false (counting a team's whole history on every page grows with it).
    "LIST_COUNT_LIMIT": int(os.environ.get("SELLERDESK_LIST_COUNT_LIMIT", "10000")),
    "ROUTING_CACHE_SECONDS": int(os.environ.get("SELLERDESK_ROUTING_CACHE_SECONDS", "30")),
    # API tokens expire after this many days.
    "API_TOKEN_DAYS": int(os.environ.get("SELLERDESK_API_TOKEN_DAYS", "30")),
    # Threads the SLA sweep runs side by side on PostgreSQL (each with its own connection).
    "SLA_SWEEP_WORKERS": int(os.environ.get("SELLERDESK_SLA_SWEEP_WORKERS", "2")),
    # New cases are triaged by the local model in the background worker (see docs/triage-model.md).
    "AUTO_TRIAGE": os.environ.get("SELLERDESK_AUTO_TRIAGE", "1") == "1",
    # Below this calibrated confidence a prediction is not acted on, and an agent is asked to confirm.
    "TRIAGE_CONFIDENCE": float(os.environ.get("SELLERDESK_TRIAGE_CONFIDENCE", "0.6")),
    # The virtual assistant. An OpenAI-compatible endpoint may rephrase its grounded answers: off
    # unless SELLERDESK_LLM_URL is set, and never needed (any failure keeps the grounded text).
    "ASSISTANT": {
        "LLM_URL": os.environ.get("SELLERDESK_LLM_URL") or None,
        "LLM_MODEL": os.environ.get("SELLERDESK_LLM_MODEL", ""),
        "LLM_API_KEY": os.environ.get("SELLERDESK_LLM_API_KEY", ""),
        "LLM_TIMEOUT": float(os.environ.get("SELLERDESK_LLM_TIMEOUT", "5")),
    },
    # The knowledge base's search (knowledge.search): sentence embeddings join BM25 when the optional
    # `embeddings` extra is installed ("auto"); "0" keeps BM25 alone, "1" uses them whenever installed.
    "KNOWLEDGE": {
        "EMBEDDINGS": os.environ.get("SELLERDESK_KNOWLEDGE_EMBEDDINGS", "auto"),
    },
    # Account health (performance.health). Percent targets; a metric is yellow within the warning
    # margin of its limit. The first window decides the states; the others are shown beside it.
    "HEALTH": {
        "WINDOWS_DAYS": [int(d) for d in os.environ.get("SELLERDESK_HEALTH_WINDOWS_DAYS", "30,90").split(",")],
        "DISSATISFACTION_MAX_PERCENT": float(os.environ.get("SELLERDESK_HEALTH_DISSATISFACTION_MAX", "25")),
        "DISSATISFACTION_WARNING_POINTS": float(os.environ.get("SELLERDESK_HEALTH_DISSATISFACTION_WARNING", "5")),
        "RESPONSE_MIN_PERCENT": float(os.environ.get("SELLERDESK_HEALTH_RESPONSE_MIN", "90")),
        "RESPONSE_WARNING_POINTS": float(os.environ.get("SELLERDESK_HEALTH_RESPONSE_WARNING", "5")),
        "RESPONSE_HOURS": int(os.environ.get("SELLERDESK_HEALTH_RESPONSE_HOURS", "24")),
    },
    # Spike alerts (insights.spikes): a key's count today is a spike when it reaches every one of
    # MIN_COUNT, mean + STD_FACTOR x std and MEAN_FACTOR x mean of the BASELINE_DAYS before it.
    "ALERTS": {
        "MIN_COUNT": int(os.environ.get("SELLERDESK_ALERTS_MIN_COUNT", "5")),
        "STD_FACTOR": float(os.environ.get("SELLERDESK_ALERTS_STD_FACTOR", "3")),
        "MEAN_FACTOR": float(os.environ.get("SELLERDESK_ALERTS_MEAN_FACTOR", "2")),
        "BASELINE_DAYS": 28,
    },
    # The recovery channel for locked-out sellers: code lifetime, tries, and how often it may be asked.
    "RECOVERY": {
        "CODE_MINUTES": 15,
        "MAX_ATTEMPTS": 5,
        "CODES_PER_HOUR": 3,  # per seller id typed
        "REQUESTS_PER_HOUR_PER_CLIENT": 10,  # per IP address
        # Behind a reverse proxy every request comes from the proxy: name the header it sets with
        # the visitor's address (e.g. HTTP_X_FORWARDED_FOR); its last entry, the one the proxy
        # added, is used.
        "CLIENT_ADDRESS_HEADER": os.environ.get("SELLERDESK_CLIENT_ADDRESS_HEADER", ""),
        "SESSION_MINUTES": 60,
        # Identity documents are reviewed within this many hours of arriving; past it the staff who
        # review them are e-mailed (once per request) and the queue marks the request overdue.
        "REVIEW_HOURS": int(os.environ.get("SELLERDESK_IDENTITY_REVIEW_HOURS", "24")),
        # Dotted path of a callable(phone, text) that sends a text message; the default logs it.
        "SMS_SENDER": os.environ.get("SELLERDESK_SMS_SENDER", "sellerdesk.performance.recovery.log_sms"),
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
