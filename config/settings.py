"""Settings for Find Help, read from the environment.

Fails closed: with DJANGO_DEBUG off (the default) a DJANGO_SECRET_KEY of at least 50
characters must be given.
"""

import datetime
import ipaddress
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
# It signs the admin's sessions and seals the navigator's answers (navigator/tokens.py): a short
# one could be guessed. Django's own check (security.W009) asks for at least 50 characters.
MIN_SECRET_KEY_LENGTH = 50
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off. "
            "For local development set DJANGO_DEBUG=1."
        )
    SECRET_KEY = "django-insecure-local-development-only"
elif not DEBUG and len(SECRET_KEY) < MIN_SECRET_KEY_LENGTH:
    raise ImproperlyConfigured(
        f"DJANGO_SECRET_KEY is {len(SECRET_KEY)} characters long: it must be at least "
        f"{MIN_SECRET_KEY_LENGTH} when DJANGO_DEBUG is off. Make one with: python -c "
        '"import secrets; print(secrets.token_urlsafe(50))"'
    )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")


def trusted_proxies_setting():
    """FINDHELP_TRUSTED_PROXIES: the proxies in front of the site (a load balancer, a CDN),
    outermost first, comma-separated, each an address or a network (10.0.0.0/24). Only a
    request from them has its X-Forwarded-For read for the client's address
    (config/client.py). None by default: the socket's address."""
    proxies = env_list("FINDHELP_TRUSTED_PROXIES")
    for proxy in proxies:
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError as error:
            raise ImproperlyConfigured(
                f"FINDHELP_TRUSTED_PROXIES: {proxy!r} is not an address or a network"
            ) from error
    return tuple(proxies)


FINDHELP_TRUSTED_PROXIES = trusted_proxies_setting()


def site_url_setting():
    """FINDHELP_SITE_URL: the site's own address (scheme and host, e.g.
    https://findhelp.example.org), the start of every absolute address in a page (the
    shortlist's link, the printed footer, the API's links): never the request's Host or
    X-Forwarded-Proto, which a client can forge and the page cache would keep for everyone.
    Without it: https:// and the first of DJANGO_ALLOWED_HOSTS that is a plain name; in debug,
    or with no such name, the request's own (config/middleware.py, `site_address`)."""
    value = os.environ.get("FINDHELP_SITE_URL", "").strip().rstrip("/")
    if not value:
        names = [h for h in ALLOWED_HOSTS if h and not h.startswith(".") and "*" not in h]
        return "" if DEBUG or not names else f"https://{names[0]}"
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path or parts.query:
        raise ImproperlyConfigured(
            f"FINDHELP_SITE_URL must be a scheme and a host, like https://findhelp.example.org "
            f"(no path): {value!r}"
        )
    return value


FINDHELP_SITE_URL = site_url_setting()

INSTALLED_APPS = [
    "directory.apps.FindHelpAdminConfig",  # django.contrib.admin, its site asks for a code
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "simple_history",
    "import_export",
    "directory",
    "navigator",
    "openreferral",
    "signposting",
    "pages",
]

MIDDLEWARE = [
    # Absolute addresses in pages from FINDHELP_SITE_URL, never from the request's headers.
    "config.middleware.site_address",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside everything that makes an error page (ApiMiddleware's JSON ones too), and outside
    # the page cache: a filtered list is kept by the server's cache but told to no browser.
    "config.middleware.never_stored",
    # Public pages that are the same for everyone, from the cache, as they were sent the first
    # time: gzipped (or not) and with every header the middleware below set (config/page_cache.py).
    "config.page_cache.page_cache",
    # Gzips public pages, never the admin's (BREACH).
    "config.page_cache.PublicGZipMiddleware",
    "openreferral.errors.ApiMiddleware",
    "config.middleware.security_headers",
    # A database that cannot be reached: 503 with the crisis lines (JSON under /api/).
    "config.database.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session's sign-in passed the second factor.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Records who made each change to a service (django-simple-history).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it answers a locked-out sign-in.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

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
                "config.context_processors.site",
                "config.context_processors.shortlist",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# The cache: shared by every app instance (Redis) when CACHE_URL is set, e.g.
# redis://127.0.0.1:6379/0; otherwise each process keeps its own in memory. It holds the public
# pages and lookups that are the same for everyone (directory/caching.py) and the problem
# report form's rate limit.
CACHE_URL = os.environ.get("CACHE_URL", "")
CACHES = {
    "default": (
        {
            "BACKEND": "config.redis_cache.RedisCache",  # Django's, quicker (see there)
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "findhelp"),
        }
        if CACHE_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    )
}
# Public pages and lookups from the cache until the directory changes (0 turns it off), and
# at most this many seconds.
FINDHELP_PAGE_CACHE = env_bool("FINDHELP_PAGE_CACHE", True)
FINDHELP_PAGE_CACHE_SECONDS = int(os.environ.get("FINDHELP_PAGE_CACHE_SECONDS", "600"))

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        # A kept connection is checked before a request uses it, so the site recovers by itself
        # when the database comes back (config/database.py answers 503 meanwhile).
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The same, with a health check that asks the database only when it has said something
    # (config/postgresql/base.py).
    DATABASES["default"]["ENGINE"] = "config.postgresql"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in: django-axes counts failed sign-ins to the admin and, after AXES_FAILURE_LIMIT from
# one client for one username, refuses that pair (even with the right password) for
# AXES_COOLOFF_TIME. A success resets the count. `manage.py axes_reset` lifts a lockout.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
# A username AND an address together, never a username alone: a stranger failing to sign in
# as someone must not lock that person out (docs/admin.md, "Threat model").
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The client's address behind the trusted proxies only (config/client.py), not django-axes'
# own reading of X-Forwarded-For, which would believe any client.
AXES_CLIENT_IP_CALLABLE = "config.client.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"

# Second factor (django-otp): after the password, staff give a code from an authenticator app
# (TOTP). On unless DEBUG is on; DJANGO_ADMIN_2FA=0 turns it off for a local trial, =1 on even
# in debug. A wrong code counts as a failed sign-in for django-axes above, and each device
# waits longer after each wrong code (1 s, 2 s, 4 s…, OTP_TOTP_THROTTLE_FACTOR).
FINDHELP_ADMIN_2FA = env_bool("DJANGO_ADMIN_2FA", not DEBUG)
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Kept out of the failed attempts django-axes records, with the password (always left out).
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code"]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# static/ is the project's own files; frontend_build/ is what the set-up builds from npm packages.
STATICFILES_DIRS = [BASE_DIR / "static", BASE_DIR / "frontend_build"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if env_bool("DJANGO_PLAIN_STATIC", False)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Security: public pages set no cookies; the admin's session and CSRF cookies are secure in
# production.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# A load balancer's health check may ask over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
# Only staff have sessions (the public get none). One ends after this long without a request:
# each request that uses it moves the end on.
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_STAFF_SESSION_MINUTES", "60")) * 60
SESSION_SAVE_EVERY_REQUEST = True
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# Who runs this copy of the site: any council or NHS body can deploy it.
FINDHELP_SERVICE_NAME = os.environ.get("FINDHELP_SERVICE_NAME", "Find Help")
OTP_TOTP_ISSUER = FINDHELP_SERVICE_NAME  # the name authenticator apps show beside the code
# Only an organisation allowed to use the NHS identity may turn the logo on.
FINDHELP_SHOW_NHS_LOGO = env_bool("FINDHELP_SHOW_NHS_LOGO", False)
# Where the quick-exit control sends people: a neutral site.
FINDHELP_EXIT_URL = os.environ.get("FINDHELP_EXIT_URL", "https://www.bbc.co.uk/weather")
# What the "report sent" page promises: a report is usually acted on within this many
# working days (docs/admin.md, "Reports from the public").
FINDHELP_REPORT_DAYS = int(os.environ.get("FINDHELP_REPORT_DAYS", "10"))

# Spreadsheet imports (docs/admin.md, "Spreadsheets"): where a preview's file waits for its
# confirmation (by default findhelp-import-previews in the temp folder); on several servers
# behind a load balancer without sticky sessions, a folder they share.
FINDHELP_IMPORT_PREVIEW_DIR = os.environ.get("FINDHELP_IMPORT_PREVIEW_DIR", "")

# Logs keep paths, never query strings (search words, the navigator's answers): every handler
# has the filter (config/logging.py). Django's own loggers are given these handlers instead of
# its defaults, whose e-mail to ADMINS would carry the whole request.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "no_query_strings": {"()": "config.logging.DropQueryStrings"},
        "one_line_for_client_errors": {"()": "config.logging.OneLineForClientErrors"},
    },
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["no_query_strings", "one_line_for_client_errors"],
        },
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["no_query_strings"],
        },
    },
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
