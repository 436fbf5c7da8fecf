"""Settings shared by every environment; everything that differs comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from config.cache_url import DEFAULT_CACHE_URL, parse_cache_url
from config.email_url import parse_email_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # project apps first so their templates and translations win
    "workflow",
    "portal",
    "staff",
    "cms_pages",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail_headless_preview",
    "wagtail.contrib.forms",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    # accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.headless",
    "allauth.usersessions",
    # API
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI served from here, not from a CDN
    "corsheaders",
    # state machine, rules and tasks
    "django_fsm",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "config.request_limits.RequestBodyLimitMiddleware",  # before anything reads the body
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.PrivateNoStoreMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.MemnunLocaleMiddleware",
    "config.middleware.DeepJsonMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "config.middleware.InlineCspForAdminMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.middleware.StaffMfaRequiredMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
    {
        # templates/jinja2/: the parts drawn on every request or once per row (config/jinja.py)
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "NAME": "jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "config.jinja.environment"},
    },
]
# Django's own form templates drawn with Jinja2 (config/form_renderer.py), the rest as before
FORM_RENDERER = "config.form_renderer.FormRenderer"

# Content Security Policy (Django's built-in middleware): nothing is loaded from elsewhere, and
# no inline script or style runs on the public site, the portal or the account pages; an inline
# <script> of ours carries nonce="{{ csp_nonce }}". Our templates have no style attribute (the
# statistics chart draws its bars in SVG), so styles need no 'unsafe-inline' either.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
# Wagtail's admin and the Swagger UI run inline scripts and styles of their own: only their
# answers get this policy (config.middleware.InlineCspForAdminMiddleware).
MEMNUN_CSP_INLINE_ALLOWED_PATHS = ("/admin/", "/api/v1/docs/")
MEMNUN_CSP_INLINE_ALLOWED = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
}

# Database: DATABASE_URL, SQLite file in the checkout when unset (the embedded default).
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout so the web process and the task worker can share the file.
    # IMMEDIATE: a transaction takes the write lock when it begins, so a second writer waits
    # (up to `timeout` seconds) instead of failing with "database is locked" when it tries to
    # upgrade a read lock; after the wait it sees the winner's change (409, as on PostgreSQL).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and os.environ.get(
    "DATABASE_SERVER_SIDE_BINDING", "1"
).lower() not in ("0", "false", "no"):
    # Server-side parameter binding and prepared statements: psycopg prepares a statement the
    # connection has run five times (`prepare_threshold`), and PostgreSQL stops planning it
    # again. With persistent connections that removes most planning from every page: the staff
    # queue's main query plans in 6-8 ms and runs in 1 ms, the staff list of an assignee select
    # plans in 3.8 ms and runs in 0.5 ms (benchmarks/README.md). Django turns psycopg's
    # preparing off unless `prepare_threshold` is given, so it is given here. Behind a pooler
    # that cannot keep prepared statements (PgBouncer before 1.21 in transaction mode), set
    # DATABASE_SERVER_SIDE_BINDING=0 (neither then).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"server_side_binding": True, "prepare_threshold": 5}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache shared by every process (rate limits and throttles must agree across gunicorn workers):
# a database table by default (`manage.py createcachetable`), Redis with CACHE_URL=redis://...
CACHES = {"default": parse_cache_url(os.environ.get("CACHE_URL", DEFAULT_CACHE_URL))}

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

# Internationalisation: Turkish first, English second.
LANGUAGE_CODE = "tr"
LANGUAGES = [("tr", _("Türkçe")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Every time a person reads (pages, console, API offsets, e-mails, PDFs) and the business
# calendar (R10) are in this zone.
MEMNUN_TIME_ZONE = os.environ.get("MEMNUN_TIME_ZONE", "Europe/Istanbul")
TIME_ZONE = MEMNUN_TIME_ZONE
# Wagtail would let each staff member pick a zone of their own; the console stays in one.
WAGTAIL_USER_TIME_ZONES = [MEMNUN_TIME_ZONE]
USE_I18N = True
# "1 Aralık 2026 14:05" / "1 December 2026 14:05" on every page (config/formats/)
FORMAT_MODULE_PATH = ["config.formats"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Complaint attachments live apart from MEDIA_ROOT (never served by URL, only through the
# permission-checked views); point "attachments" at an S3-compatible backend to move them.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
ATTACHMENT_STORAGE = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "attachments": ATTACHMENT_STORAGE,
    # the customers' "my data" ZIPs (portal.DataExport): private too, under data-exports/
    "data_exports": ATTACHMENT_STORAGE,
}
MIB = 1024 * 1024
# Request size (config.request_limits): a body over MAX_REQUEST_BODY or a file over
# MAX_UPLOAD_SIZE is answered 413 without being read into memory; so is a form or JSON body
# (without files) over DATA_UPLOAD_MAX_MEMORY_SIZE.
MEMNUN_MAX_UPLOAD_SIZE = int(os.environ.get("MAX_UPLOAD_SIZE", 10 * 1024 * 1024))
MEMNUN_MAX_REQUEST_BODY = int(
    os.environ.get("MAX_REQUEST_BODY", MEMNUN_MAX_UPLOAD_SIZE + 1024 * 1024)
)
MEMNUN_ATTACHMENT_MAX_BYTES = int(os.environ.get("ATTACHMENT_MAX_BYTES", 10 * MIB))
MEMNUN_ATTACHMENT_TOTAL_BYTES = int(os.environ.get("ATTACHMENT_TOTAL_BYTES", 50 * MIB))
MEMNUN_ATTACHMENTS_PER_COMPLAINT = int(os.environ.get("ATTACHMENTS_PER_COMPLAINT", "20"))
# zip-bomb guard: what an archive may unpack to, in all and relative to its own size
MEMNUN_ATTACHMENT_ZIP_MAX_UNCOMPRESSED_BYTES = 100 * MIB
MEMNUN_ATTACHMENT_ZIP_MAX_RATIO = 100
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "config.request_limits.UploadSizeLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# E-mail: EMAIL_URL (smtp://user:pass@host:587?tls=1, console://, locmem://, file:///path).
MAILERS = {"default": parse_email_url(os.environ.get("EMAIL_URL", "console://"))}
# The company's sender; a bare address is shown with the site's name (workflow.branding).
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "sikayet@example.com")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Tasks: Django's task framework with the database-backed worker (`manage.py db_worker`).
# Wagtail's search/reference index updates go through the same setting (django_tasks backport).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Wagtail
WAGTAIL_SITE_NAME = "memnun"
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", os.environ.get("SITE_URL", ""))
WAGTAILAPI_LIMIT_MAX = 100
# Headless preview: an editor previews a draft in a separate front end when its URL is set
# (HEADLESS_PREVIEW_URL, e.g. https://front.example.com/preview); the front end reads the draft
# from /api/v2/page_preview/?content_type=...&token=... . The site's own preview always works.
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": (
        {"default": os.environ["HEADLESS_PREVIEW_URL"]}
        if os.environ.get("HEADLESS_PREVIEW_URL")
        else {}
    ),
    "ENFORCE_TRAILING_SLASH": False,
}
# CORS only where configured: the content API for the listed front-end origins, nothing else.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/v2/.*$"
CORS_ALLOW_METHODS = ["GET", "OPTIONS"]
# Staff sign in through allauth like everyone else; Wagtail's password reset is off too
# (allauth's /accounts/password/reset/ is rate limited).
WAGTAILADMIN_LOGIN_URL = "admin_login"  # config/admin_login.py: forwards to allauth
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party avatars (CSP, privacy, offline)
WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", os.environ.get("SITE_URL", "http://127.0.0.1:8000")
)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]

# Accounts (django-allauth)
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_ADAPTER = "portal.adapters.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "portal.signup.SignupNameForm"  # first and last name, required
LOGIN_REDIRECT_URL = "/portal/"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Rate limits of the account flows (the web forms and the headless API share them; they live
# in CACHES). After five wrong passwords for one account, the sixth attempt is refused for
# five minutes whatever the password; a refused request answers 429 (templates/429.html).
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
}
# Behind a reverse proxy, how many X-Forwarded-For hops to trust for the client's IP address
# (per-IP rate limits and throttles would otherwise count every visitor as the proxy).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
HEADLESS_CLIENTS = ("browser", "app")
HEADLESS_SERVE_SPECIFICATION = True
HEADLESS_FRONTEND_URLS = {
    "account_confirm_email": "/accounts/confirm-email/{key}/",
    "account_reset_password_from_key": "/accounts/password/reset/key/{key}/",
    "account_signup": "/accounts/signup/",
}

# REST API
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "allauth.headless.contrib.rest_framework.authentication.XSessionTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["workflow.api.filtering.FilterWhenAskedBackend"],
    "DEFAULT_PAGINATION_CLASS": "workflow.api.pagination.Pagination",
    "PAGE_SIZE": 25,
    "EXCEPTION_HANDLER": "workflow.api.exceptions.exception_handler",
    # Scoped throttles (portal/throttles.py) on the shared cache; the portal's HTML forms use
    # the same rates and the same counters as the API endpoints.
    "DEFAULT_THROTTLE_RATES": {
        "complaint_create": "10/hour",  # per person: filing in the portal or by the API
        "guest_filing": "5/hour",  # per IP address: the public form without an account
        "guest_filing_address": "3/hour",  # per e-mail address the tracking link goes to
        "complaint_messages": "20/hour",  # per person and complaint
        "person_messages": "60/hour",  # per person, all complaints together
    },
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,  # 0: REMOTE_ADDR; never an unchecked X-Forwarded-For
    "DEFAULT_PARSER_CLASSES": [
        "workflow.api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "memnun API",
    "DESCRIPTION": "Complaint handling (ISO 10002): customer and staff API.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1/",
    "PREPROCESSING_HOOKS": ["config.schema.only_api_v1"],
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "ComplaintStatusEnum": "workflow.states.Status",
        "ChannelEnum": "workflow.states.Channel",
        "ContactMethodEnum": "workflow.states.CONTACT_METHODS",
        "PreferredContactMethodEnum": "workflow.states.ContactMethod",
        "IntakeChannelEnum": "workflow.states.STAFF_INTAKE_CHANNELS",
        "LanguageEnum": "workflow.states.Language",
        "RecordedAnswerMethodEnum": "workflow.services.recorded.RECORDED_METHODS",
    },
}

# memnun: business calendar (R10) and retention
MEMNUN_BUSINESS_CALENDAR = {
    "TIME_ZONE": MEMNUN_TIME_ZONE,
    "COUNTRY": "TR",
    "WORKDAYS": [0, 1, 2, 3, 4],  # Monday..Friday
    "DAY_START": "09:00",
    "DAY_END": "18:00",
    "HALF_DAY_END": "13:00",
}
# A prepared "my data" ZIP can be downloaded for this many days, then it is deleted.
MEMNUN_DATA_EXPORT_DAYS = int(os.environ.get("DATA_EXPORT_DAYS", "7"))
# What `run_scheduler` runs each round, in order (by command name: `workflow` imports no other
# app); check_deadlines before send_notifications, so the alerts it queues go out at once.
MEMNUN_SCHEDULED_COMMANDS = ["check_deadlines", "expire_data_exports", "send_notifications"]
MEMNUN_NOTIFICATION_MAX_ATTEMPTS = int(os.environ.get("NOTIFICATION_MAX_ATTEMPTS", "6"))
MEMNUN_SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# The company's name in e-mails and the tracking form (else the Wagtail Site's name) and the
# postal address in their footers (else the face-to-face contact channel's address).
MEMNUN_SITE_NAME = os.environ.get("SITE_NAME", "")
MEMNUN_COMPANY_ADDRESS = os.environ.get("COMPANY_ADDRESS", "")
# longest message or information answer (characters), on every surface (the service checks it)
MEMNUN_MESSAGE_MAX_LENGTH = int(os.environ.get("MESSAGE_MAX_LENGTH", "5000"))
# staff intake: how far back a complaint's `received_at` (the real contact time) may lie
MEMNUN_INTAKE_MAX_AGE_DAYS = int(os.environ.get("INTAKE_MAX_AGE_DAYS", "730"))
# read-only function of the CMS that names the policy version in force (R1); see workflow.policy
MEMNUN_POLICY_VERSION_PROVIDER = "cms_pages.selectors.policy_version_in_force"
# demo content of other apps that `load_demo_data` loads after the users (they yield lines)
MEMNUN_DEMO_CONTENT_LOADERS = ["cms_pages.demo.load_site_content"]
# public statistics: a count below this is shown as "fewer than N" and nothing derived from it
MEMNUN_STATISTICS_MIN_COUNT = int(os.environ.get("STATISTICS_MIN_COUNT", "5"))

# Guests' tracking tokens never reach a log line in clear (workflow.redaction): the console
# handler masks them, and config.log_config adds the same filter to the request loggers.
LOGGING_CONFIG = "config.log_config.configure_logging"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"mask_tracking_tokens": {"()": "workflow.redaction.MaskTrackingTokens"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["mask_tracking_tokens"]}
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # the worker (django_tasks_db) already logs every task state; Django's own copy is noise
    "loggers": {"django.tasks": {"level": "WARNING"}, "weasyprint.progress": {"level": "WARNING"}},
}
MEMNUN_STAFF_MFA_REQUIRED = False  # production.py turns it on
