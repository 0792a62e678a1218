"""EcoPortal settings: one module, configured by environment variables.

With no environment at all the portal runs on SQLite and an in-process cache (development).
Production sets DEBUG=0, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and REDIS_URL.
"""

import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from corsheaders import defaults as corsheaders_defaults
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)
# The test runner sets this itself; pytest is recognised so that a bare `pytest` works too.
TESTING = env_bool("ECOPORTAL_TESTING", default=Path(sys.argv[0]).name in {"pytest", "py.test"})

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = "insecure-development-key-never-used-in-production"  # noqa: S105
    else:
        raise ImproperlyConfigured("SECRET_KEY is required when DEBUG is off.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG or TESTING else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "ecoportal.admin_site.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "csp",
    "axes",
    "ecoportal",
    "ecoportal.caching",
    "bulletins",
    "indicators",
    "search",
    "importer",
]

MIDDLEWARE = [
    # First: a page already served whole to a reader with nothing of their own in the request
    # is answered as it went out, without the middleware below (ecoportal/caching/pages.py).
    "ecoportal.caching.pages.WholePageMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    # Before anything reads the request: a method the site never serves is a 405 on any path.
    "ecoportal.middleware_methods.AllowedMethodsMiddleware",
    "ecoportal.middleware_db.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Above LocaleMiddleware: a response in the language the cookie chose varies on the cookie.
    "ecoportal.middleware_language.LanguageCookieVaryMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After sessions, language, CSRF, authentication and messages: it needs the language and
    # the user's session, and must let those middleware finish a response served from the
    # cache (CSRF cookie, Vary, Content-Language, CSP nonce). See ecoportal/caching/pages.py.
    "ecoportal.caching.pages.PublicPageCacheMiddleware",
    # Last, as django-axes requires: turns a lock-out signalled during login into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ecoportal.urls"
WSGI_APPLICATION = "ecoportal.wsgi.application"

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
                "csp.context_processors.nonce",
                "ecoportal.portal.context_processor",
            ],
        },
    },
]

# Database: SQLite file by default (WAL, busy timeout, immediate transactions so that several
# writers queue instead of failing); PostgreSQL or any other backend from DATABASE_URL.
DATA_DIR = Path(os.environ.get("ECOPORTAL_DATA_DIR", BASE_DIR / "var"))
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL,
            conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
            conn_health_checks=True,
        )
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # A database that is down or unreachable fails a request in seconds (answered with the
        # 503 page by DatabaseUnavailableMiddleware) instead of holding a worker for minutes.
        options = DATABASES["default"].setdefault("OPTIONS", {})
        options.setdefault("connect_timeout", int(os.environ.get("DB_CONNECT_TIMEOUT", "3")))
        # No JIT: a page's queries take milliseconds, but a plan the planner overestimates (the
        # newest figures of each series) would spend half a second compiling before it runs.
        options.setdefault("options", "-c jit=off")
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "db.sqlite3",
            # Kept open across requests, as on PostgreSQL: opening the file and running the
            # pragmas below cost each request more than its queries did.
            "CONN_MAX_AGE": int(os.environ.get("DB_CONN_MAX_AGE", "60")),
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=ON;"
                ),
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, otherwise in-process memory. While Redis is unreachable
# the site serves from the database (ResilientRedisCache); short socket timeouts keep a Redis
# that hangs from holding requests.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "ecoportal.caching.backends.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "ecoportal"),
            "TIMEOUT": 300,
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.5")),
                "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "ecoportal",
            "TIMEOUT": 300,
        }
    }

# Whole-page cache of public pages and API responses for anonymous readers (ecoportal.caching),
# invalidated when content changes. "auto": on when the cache is shared by all processes (Redis)
# outside development and tests; an in-process cache cannot see other processes' invalidations.
PAGE_CACHE = os.environ.get("PAGE_CACHE", "auto").strip().lower()
PAGE_CACHE_ENABLED = (
    bool(REDIS_URL) and not DEBUG and not TESTING if PAGE_CACHE == "auto" else env_bool("PAGE_CACHE")
)
# Values derived from content and kept until it changes (list counts and pages, fragments): on
# whenever the cache is shared, even with the page cache off.
PAGE_CACHE_MEMO = os.environ.get("PAGE_CACHE_MEMO", "auto").strip().lower()
PAGE_CACHE_MEMO_ENABLED = (
    bool(REDIS_URL) and not TESTING if PAGE_CACHE_MEMO == "auto" else env_bool("PAGE_CACHE_MEMO")
)
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "600"))
# A streamed response (a CSV download) is kept once it has streamed out whole and came to no
# more than this; a larger one is only streamed, so that a worker's memory stays flat.
PAGE_CACHE_STREAM_LIMIT = int(os.environ.get("PAGE_CACHE_STREAM_LIMIT", str(256 * 1024)))
# Pages served whole (before the middleware) and memoised values are kept in each process's
# memory as well (ecoportal/caching/local.py), up to this many bytes each, the least recently
# read dropped first; 0 keeps none.
PAGE_CACHE_LOCAL_BYTES = int(os.environ.get("PAGE_CACHE_LOCAL_MB", "8")) * 1024 * 1024
# Identifies the deployed code in the keys (e.g. the commit); by default a hash of the sources.
PAGE_CACHE_RELEASE = os.environ.get("PAGE_CACHE_RELEASE", "")
PAGE_CACHE_PREFIXES = [
    "/", "/bulletins/", "/achievements/", "/indicators/", "/regions/", "/feeds/",
    "/sitemap", "/robots.txt", "/api/v1/", "/api/schema/", "/search/",
]
PAGE_CACHE_EXCLUDED_PREFIXES = ["/admin/", "/i18n/", "/bench/", "/healthz"]

if TESTING:
    # The suite signs in hundreds of times (the lock-out tests alone fail 20 passwords a test);
    # production's deliberately slow hashing would be most of its time.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The reader's choice of language outlives the browser session: a year, like the CSRF cookie.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
# Files browsers ask for at the site's root (/favicon.ico), served by whitenoise as they are.
WHITENOISE_ROOT = BASE_DIR / "static-root"

SITE_NAME = "生态环境公报"
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

# Who answers for the portal: named in every page's footer, on /about/ and at the API's root
# (ecoportal.portal). Empty values are said to be unset, never made up.
PORTAL_OPERATOR = os.environ.get("PORTAL_OPERATOR", "")
PORTAL_OPERATOR_EN = os.environ.get("PORTAL_OPERATOR_EN", "")
PORTAL_CONTACT_EMAIL = os.environ.get("PORTAL_CONTACT_EMAIL", "")

# E-mail: the workflow's notifications (bulletins/notifications.py). Development prints them to
# the console; production sends through SMTP once EMAIL_HOST is set (docs/operations.md).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=EMAIL_PORT == 587)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", default=EMAIL_PORT == 465)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
# The licence of the data (figures, quotes, texts as republished here). The default is shown
# to readers as the default, until an operator sets it.
PORTAL_LICENCE = os.environ.get("PORTAL_LICENCE", "")
PORTAL_LICENCE_URL = os.environ.get("PORTAL_LICENCE_URL", "")
PORTAL_DEFAULT_LICENCE = ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")
# The ICP filing number (ICP备案号) a site served in mainland China shows in its footer.
ICP_FILING = os.environ.get("ICP_FILING", "")

# Security: strict by default outside development; TLS is terminated by the proxy in front.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if not DEBUG and not TESTING:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Content-Security-Policy on every response: everything from this origin only, inline scripts
# and styles only with the per-request nonce (templates use {{ CSP_NONCE }}), no framing, no
# plugins. data: images are for the SVG icons in the admin's and Swagger UI's stylesheets.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Brute-force protection of the admin login (django-axes). Failures and lock-outs are rows in
# the database, so every app server sees them. 20 wrong passwords lock that account from that
# address: colleagues behind the same office address, and the account's owner elsewhere, can
# still sign in. Wider limits per account and per address below. `manage.py axes_reset_username
# NAME` (or `axes_reset_ip ADDRESS`, or the user admin's action) lifts a lock-out before its time.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Tests log in with Client.login(), which passes no request; the lock-out tests turn it on.
AXES_ENABLED = env_bool("AXES_ENABLED", default=not TESTING)
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "20"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Guessing spread out (ecoportal.lockout): failures for one account from any addresses lock the
# account everywhere; failures from one address for any usernames lock that address.
LOCKOUT_ACCOUNT_LIMIT = int(os.environ.get("AXES_ACCOUNT_FAILURE_LIMIT", "40"))
LOCKOUT_ADDRESS_LIMIT = int(os.environ.get("AXES_ADDRESS_FAILURE_LIMIT", "40"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "60")))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "ecoportal.lockout.lockout_response"  # templates/axes/lockout.html
AXES_HANDLER = "ecoportal.lockout.SignInLimitsHandler"
# The client address is the one the proxies in front saw, never a header a client can forge:
# with N proxies that each append to X-Forwarded-For, it is the N-th entry from the right
# (ecoportal.lockout.client_address, the same rule as the API throttle's NUM_PROXIES).
# The environment's AXES_PROXY_COUNT defaults to API_NUM_PROXIES (1 in production, 0 in
# development). (axes itself reads neither: it takes the address from AXES_CLIENT_IP_CALLABLE.)
LOCKOUT_PROXY_COUNT = int(
    os.environ.get("AXES_PROXY_COUNT")
    or os.environ.get("API_NUM_PROXIES")
    or ("0" if DEBUG or TESTING else "1")
)
LOCKOUT_ADDRESS_HEADERS = tuple(
    env_list(
        "AXES_META_PRECEDENCE_ORDER",
        "HTTP_X_FORWARDED_FOR,REMOTE_ADDR" if LOCKOUT_PROXY_COUNT else "REMOTE_ADDR",
    )
)
AXES_CLIENT_IP_CALLABLE = "ecoportal.lockout.client_address"

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "ecoportal.api.pagination.PortalPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Every error in one shape with machine-readable codes (ecoportal/api/errors.py).
    "EXCEPTION_HANDLER": "ecoportal.api.errors.exception_handler",
    "UNAUTHENTICATED_USER": None,
    # Anonymous clients, per IP. The suite runs thousands of requests from one address, so
    # tests get a rate they never reach; the throttling tests override it.
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_ANON_RATE") or ("100000/minute" if TESTING else "120/minute"),
        # The schema and the docs page, apart from the data: a budget of their own per address.
        "docs": os.environ.get("API_DOCS_RATE") or ("100000/minute" if TESTING else "30/minute"),
    },
    # Proxies in front that append to X-Forwarded-For (production: the TLS-terminating one);
    # the client address is the one they saw, not a value a client can forge.
    "NUM_PROXIES": int(os.environ.get("API_NUM_PROXIES", "0" if DEBUG or TESTING else "1")),
}

SPECTACULAR_SETTINGS = {
    "TITLE": "EcoPortal API",
    "DESCRIPTION": f"""Read-only data of environmental-protection bulletins, achievement lists and
indicators. Only published content appears; every observation cites its bulletin and the verbatim
sentence that states it.

* **Methods**: GET, HEAD and OPTIONS; any other method is answered with 405.
* **Errors** have one shape, the `Error` component: `status`, a machine-readable `code`, a
  `detail` for people and, on a 400, `errors` naming each parameter with its own `code`
  (`{{"parameter": "region", "code": "unknown_value", "detail": "…"}}`); `retry_after` on a
  429 or 503. A malformed filter, page or page size, a slug that names nothing, an unknown
  parameter, a repeated single-valued one or a `format` not offered is a 400; an unknown item
  a 404 (`not_found`). An empty parameter is the same as none. Messages follow the portal's
  language cookie or `Accept-Language` (Chinese by default, `en` for English).
* **Time**: `year` is the year the reported period ends, on every list; `period_from` and
  `period_to` select by overlap; `period=unknown` lists what states no period. `region`,
  `topic` and `indicator` take several values separated by commas.
* **Pages**: every list has `count`, `page`, `pages`, `page_size`, `next`, `previous` and
  `results`; `page_size` up to 100.
* **Caching**: responses carry an `ETag` (a hash of the content; any publish, withdrawal or edit
  changes it) and `Cache-Control: public, max-age=60`; send `If-None-Match` to get a 304. With
  a shared cache (Redis) they also carry `Last-Modified` (the last change of public content, in
  whole seconds) and `If-Modified-Since` gives a 304; `If-None-Match` decides when both are
  sent. Downloads (CSV, XLSX) always carry both, known before their rows are read.
* **Search**: `q` on bulletins is the search of /search/ (at most 100 characters); without
  `ordering` the best match comes first.
* **Rate limit**: {REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"]} per client address
  (`API_ANON_RATE`); beyond it a 429 with `Retry-After`. Every answer carries
  `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` and `RateLimit-Policy`. This
  schema and the docs page count
  apart: {REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["docs"]} (`API_DOCS_RATE`), errors in JSON.
* **CORS**: any origin may read; `ETag`, `Last-Modified`, `Retry-After`, `Content-Disposition`
  and the `RateLimit-*` headers are exposed, `If-None-Match` and `If-Modified-Since` allowed.
* **Downloads**: `/api/v1/observations/?format=csv` (or `xlsx`) downloads every matching
  observation, with the columns of the JSON.""",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Tag operations by resource (bulletins, observations…) rather than by version.
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    # One named vocabulary of unit codes, however many fields use it.
    "ENUM_NAME_OVERRIDES": {
        "UnitCodeEnum": "indicators.units.CODES",
        "ErrorCodeEnum": "ecoportal.api.errors.ERROR_CODE_CHOICES",
        "ParameterErrorCodeEnum": "ecoportal.api.errors.PARAMETER_CODE_CHOICES",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "ecoportal.api.urls.document_empty_query_values",
        # info.license, info.contact, termsOfService and servers from the portal's settings.
        "ecoportal.portal.schema_info",
        "ecoportal.api.schema.for_strict_clients",
    ],
}

CORS_ALLOW_ALL_ORIGINS = True
# The API, the feeds, and the indicator pages' download addresses (redirects to the API's).
CORS_URLS_REGEX = r"^/(api/.*|feeds/.*|indicators/[^/]+\.(csv|xlsx|json))$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
# What a script in a browser may send and read: conditional requests and their validators, the
# throttle's answers, and a download's file name.
CORS_ALLOW_HEADERS = [*corsheaders_defaults.default_headers, "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = [
    "ETag", "Last-Modified", "Retry-After", "Content-Disposition",
    "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]
