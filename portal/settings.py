"""Settings for Kierunek Wielkopolska.

Every value that differs between a laptop and production is read from the environment here, and only here.
Without any variables the site runs on the embedded default: SQLite under var/, Celery tasks executed eagerly,
a local-memory cache and e-mails written to var/mail/. Production (DEBUG off) refuses to start unless the
settings it cannot guess are given. See .env.example for the full list.
"""

import datetime
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from portal.configuration import SettingsError
from portal.error_reporting import admins_parse, sentry_init

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
# A developer's .env (written by ./dev) fills in what the shell does not set; real variables always win.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# --- Mode and secrets -----------------------------------------------------------------------------------
DEBUG = env.bool("DEBUG", default=False)
DEVELOPMENT_SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"  # noqa: S105
SECRET_KEY = env.str("SECRET_KEY", default=DEVELOPMENT_SECRET_KEY)
if not DEBUG and (SECRET_KEY == DEVELOPMENT_SECRET_KEY or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5):
    raise SettingsError("SECRET_KEY: production mode (DEBUG off) needs a random key of at least 50 characters.")

# A separate key for the keyed hashes of access codes, so that a leaked database alone reveals nothing.
HASHING_KEY = env.str("HASHING_KEY", default="") or SECRET_KEY
if not DEBUG and (HASHING_KEY == DEVELOPMENT_SECRET_KEY or len(HASHING_KEY) < 50):
    raise SettingsError(
        "HASHING_KEY: production mode needs a random key of at least 50 characters (or leave it unset)."
    )

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise SettingsError("ALLOWED_HOSTS: production mode needs the site's host names, comma-separated.")

SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000" if DEBUG else "").rstrip("/")
if not SITE_URL.startswith(("http://", "https://")):
    raise SettingsError("SITE_URL: give the public address of the site, e.g. https://migrant.example.gov.pl")

# --- Applications ---------------------------------------------------------------------------------------
INSTALLED_APPS = [
    "modeltranslation",  # must come before django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",  # the form renderer reads form templates through TEMPLATES
    "django.contrib.sitemaps",
    "django_htmx",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "portal",
    "cases",
    "appointments",
    "infopoints",
]

MIDDLEWARE = [
    "portal.middleware.HealthCheckMiddleware",
    "portal.api.middleware.ApiMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.ContentSecurityPolicyMiddleware",  # django-csp's, with the header built once
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.middleware.StaffMFARequiredMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
AUTH_USER_MODEL = "portal.User"

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
                "portal.context_processors.site",
                "portal.context_processors.urgent_notices",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------------------
try:
    DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
except (environ.ImproperlyConfigured, ValueError, KeyError) as exc:
    raise SettingsError(f"DATABASE_URL: cannot be read ({exc}); expected e.g. postgres://user@host:5432/name") from exc
if DATABASES["default"]["ENGINE"] not in ("django.db.backends.sqlite3", "django.db.backends.postgresql"):
    raise SettingsError("DATABASE_URL: only PostgreSQL (postgres://) and SQLite (sqlite:///) are supported.")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: cache, Celery broker, rate-limit counters ---------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL and not REDIS_URL.startswith(("redis://", "rediss://")):
    raise SettingsError("REDIS_URL: expected redis://host:6379/0")
if not DEBUG and not REDIS_URL:
    # Several gunicorn workers need one cache (page versions, rate limits) and a real worker for e-mail.
    raise SettingsError("REDIS_URL: production mode needs Redis (shared cache, rate limits, Celery).")
if REDIS_URL:
    # Fails open (portal.cache_backend): with Redis away pages are rendered afresh instead of answering 500.
    CACHES = {
        "default": {
            "BACKEND": "portal.cache_backend.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The layout's pieces that are the same for all readers of a language (menus, footer: templates/base.html) are
# kept by each worker process: they change only with a deployment, which starts new processes.
CACHES["layout"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "layout",
    "OPTIONS": {"MAX_ENTRIES": 2000},
}

CELERY_BROKER_URL = REDIS_URL or "memory://"
# Without Redis there is no worker: tasks run in the calling process, which is what a laptop wants.
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = "Europe/Warsaw"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE = {
    "purge-sent-emails": {"task": "portal.tasks.purge_old_emails", "schedule": 60 * 60 * 6},
    "retry-stuck-emails": {"task": "portal.tasks.resend_pending_emails", "schedule": 60},
    "send-pending-tasks": {"task": "portal.tasks.send_pending_tasks", "schedule": 60},
    "flush-guide-views": {"task": "portal.tasks.flush_guide_views", "schedule": 60 * 10},
    "flush-page-views": {"task": "portal.tasks.flush_page_views", "schedule": 60 * 10},
    "purge-mistake-reports": {"task": "portal.tasks.purge_mistake_reports", "schedule": 60 * 60 * 24},
    "announce-due-notices": {"task": "portal.tasks.announce_due_notices", "schedule": 60},
    "purge-unconfirmed-subscriptions": {"task": "portal.tasks.purge_unconfirmed_subscriptions", "schedule": 60 * 60},
    "flush-faq-views": {"task": "portal.tasks.flush_faq_views", "schedule": 60 * 10},
    "purge-audit-events": {"task": "portal.tasks.purge_audit_events", "schedule": 60 * 60 * 24},
    "clear-expired-sessions": {"task": "portal.tasks.clear_expired_sessions", "schedule": 60 * 60 * 6},
    "case-retention": {"task": "cases.tasks.apply_case_retention", "schedule": 60 * 60 * 24},
    "case-lookup-records": {"task": "cases.tasks.purge_lookup_records", "schedule": 60 * 60 * 24},
    "case-lookup-records-flush": {"task": "cases.tasks.flush_lookup_records", "schedule": 60},
    "case-processing-times": {"task": "cases.tasks.refresh_processing_times", "schedule": 60 * 60 * 24},
    "case-api-calls": {"task": "cases.tasks.purge_api_calls", "schedule": 60 * 60 * 24},
    "case-unconfirmed-subscriptions": {"task": "cases.tasks.purge_unconfirmed_subscriptions", "schedule": 60 * 60},
    "appointment-slots": {"task": "appointments.tasks.generate_slots", "schedule": 60 * 60},
    "appointment-holds": {"task": "appointments.tasks.expire_holds_and_return_seats", "schedule": 60},
    "appointment-draws": {"task": "appointments.tasks.run_due_draws", "schedule": 60 * 5},
    "appointment-reminders": {"task": "appointments.tasks.send_reminders", "schedule": 60 * 30},
    "appointment-retention": {"task": "appointments.tasks.apply_booking_retention", "schedule": 60 * 60 * 24},
    "enquiry-retention": {"task": "infopoints.tasks.enquiries.apply_enquiry_retention", "schedule": 60 * 60 * 6},
    # Each team's overdue enquiries, every morning at 07:30 (crontab(minute, hour)).
    "enquiry-digest": {"task": "infopoints.tasks.enquiries.send_overdue_digests", "schedule": crontab(30, 7)},
    "queue-close-days": {"task": "infopoints.tasks.close_queue_days", "schedule": 60 * 60},
    # After the queue's day close (hourly), so yesterday's tickets are final; the last days are recomputed anyway.
    "report-rollups": {"task": "infopoints.tasks.roll_up_closed_days", "schedule": crontab(20, 2)},
    "report-jobs-purge": {"task": "infopoints.tasks.purge_old_report_jobs", "schedule": 60 * 60 * 24},
    "enquiry-mailbox": {"task": "infopoints.tasks.poll_enquiry_mailbox", "schedule": 120},
    "enquiry-jsm-sync": {"task": "infopoints.tasks.jsm_sync_open_enquiries", "schedule": 60 * 10},
}

# --- E-mail ---------------------------------------------------------------------------------------------
EMAIL_HOST = env.str("EMAIL_HOST", default="")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env.int("EMAIL_PORT", default=587)
    EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
    EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
    EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=True)
    EMAIL_TIMEOUT = 20
elif DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
else:
    raise SettingsError("EMAIL_HOST: production mode needs an SMTP server to send confirmations and notices.")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Kierunek Wielkopolska <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Sent e-mails (and the addresses in them) are deleted from the outbox after this many days.
EMAIL_OUTBOX_RETENTION_DAYS = env.int("EMAIL_OUTBOX_RETENTION_DAYS", default=30)
# Against e-mail bombing: at most this many e-mails to one address per hour and per day, whatever causes them.
EMAIL_PER_RECIPIENT_PER_HOUR = env.int("EMAIL_PER_RECIPIENT_PER_HOUR", default=10)
EMAIL_PER_RECIPIENT_PER_DAY = env.int("EMAIL_PER_RECIPIENT_PER_DAY", default=30)
# An e-mail still waiting this long after it was queued is handed to a worker again by the periodic task
# (the broker was down at commit, or a worker died with it).
EMAIL_RESEND_AFTER_SECONDS = env.int("EMAIL_RESEND_AFTER_SECONDS", default=120)
# Days after which readers' reports of mistakes (and any e-mail address left in them) are deleted.
MISTAKE_REPORT_RETENTION_DAYS = env.int("MISTAKE_REPORT_RETENTION_DAYS", default=180)

# --- Cases ----------------------------------------------------------------------------------------------
# Contact e-mails and subscriptions are erased this many days after a case reaches a final status ...
CASE_CONTACT_RETENTION_DAYS = env.int("CASE_CONTACT_RETENTION_DAYS", default=30)
# ... and the case itself is anonymized (number, access code, notes) after this many.
CASE_RETENTION_DAYS = env.int("CASE_RETENTION_DAYS", default=365)
# Records of lookups (a hashed case number and the outcome; never an address) are kept for abuse monitoring.
CASE_LOOKUP_RECORD_RETENTION_DAYS = env.int("CASE_LOOKUP_RECORD_RETENTION_DAYS", default=90)
# Against guessing: attempts per client address and minute; failures per case number and address before that
# address waits a cool-down; failures per case from all addresses (much higher) before a short back-off that
# only addresses which already failed on the case have to sit out (the owner's first try still gets through).
CASE_LOOKUPS_PER_MINUTE = env.int("CASE_LOOKUPS_PER_MINUTE", default=10)
CASE_LOOKUP_FAILURES = env.int("CASE_LOOKUP_FAILURES", default=5)
CASE_LOOKUP_COOLDOWN_SECONDS = env.int("CASE_LOOKUP_COOLDOWN_SECONDS", default=60 * 60)
CASE_LOOKUP_CASE_FAILURES = env.int("CASE_LOOKUP_CASE_FAILURES", default=50)
CASE_LOOKUP_CASE_BACKOFF_SECONDS = env.int("CASE_LOOKUP_CASE_BACKOFF_SECONDS", default=5 * 60)
# Statutory time limits did not run until this day (art. 100d of the Ukrainian special act, last extended to
# 4 March 2026). If a later act extends the suspension, set the new last day here (YYYY-MM-DD).
try:
    CASE_TIME_LIMITS_SUSPENDED_UNTIL = datetime.date.fromisoformat(
        env.str("CASE_TIME_LIMITS_SUSPENDED_UNTIL", "2026-03-04")
    )
except ValueError as exc:
    raise SettingsError("CASE_TIME_LIMITS_SUSPENDED_UNTIL: write the date as YYYY-MM-DD.") from exc

# --- Appointments ---------------------------------------------------------------------------------------
# Choosing a time holds it this long; the booking must be confirmed from the e-mail within it.
APPOINTMENT_HOLD_MINUTES = env.int("APPOINTMENT_HOLD_MINUTES", default=10)
# Times starting sooner than this cannot be booked on the site (the desk needs the list).
APPOINTMENT_MIN_LEAD_MINUTES = env.int("APPOINTMENT_MIN_LEAD_MINUTES", default=60)
# Against bots: holds per client address and hour; confirmation e-mails per address (e-mail) and hour.
APPOINTMENT_HOLDS_PER_HOUR = env.int("APPOINTMENT_HOLDS_PER_HOUR", default=20)
APPOINTMENT_EMAILS_PER_HOUR = env.int("APPOINTMENT_EMAILS_PER_HOUR", default=5)
# Seats (not holds: a family hold counts each person) one client address, or one e-mail address, may hold an hour.
APPOINTMENT_SEATS_HELD_PER_HOUR = env.int("APPOINTMENT_SEATS_HELD_PER_HOUR", default=20)
# A freed time offered to the waiting list can be claimed for this long.
APPOINTMENT_OFFER_CLAIM_HOURS = env.int("APPOINTMENT_OFFER_CLAIM_HOURS", default=4)
# A booking's manage link (and its PDF, calendar file and QR code) stops working this many days after the visit.
APPOINTMENT_MANAGE_LINK_DAYS_AFTER_VISIT = env.int("APPOINTMENT_MANAGE_LINK_DAYS_AFTER_VISIT", default=7)
# Names, e-mails, phones and case numbers of bookings are erased this many days after the visit.
APPOINTMENT_RETENTION_DAYS = env.int("APPOINTMENT_RETENTION_DAYS", default=30)

# --- Enquiry desk ---------------------------------------------------------------------------------------
# Attachments of enquiries: PDF, JPEG or PNG (checked by content), at most this size each and this many a message
# (together below nginx's client_max_body_size of 10 MB in deploy/nginx.conf).
ENQUIRY_ATTACHMENT_MAX_BYTES = env.int("ENQUIRY_ATTACHMENT_MAX_BYTES", default=3 * 1024 * 1024)
ENQUIRY_ATTACHMENTS_PER_MESSAGE = env.int("ENQUIRY_ATTACHMENTS_PER_MESSAGE", default=3)
# Questions from the web form per client address and hour.
ENQUIRY_WEB_PER_HOUR = env.int("ENQUIRY_WEB_PER_HOUR", default=5)
# An enquiry waiting for the person (or answered) with no news for this many days is closed ...
ENQUIRY_AUTO_CLOSE_DAYS = env.int("ENQUIRY_AUTO_CLOSE_DAYS", default=14)
# ... and its personal data (contact, case number, texts, files) is erased this many days after closing.
ENQUIRY_RETENTION_DAYS = env.int("ENQUIRY_RETENTION_DAYS", default=90)
# Indicator PDF reports asked for on the dashboard are kept this many days, then deleted (they can be made again).
REPORT_JOB_RETENTION_DAYS = env.int("REPORT_JOB_RETENTION_DAYS", default=30)

# --- Enquiries by e-mail and JSM (infopoints.mail_intake, .imap_poll, .jsm) -------------------------------
# Incoming mail: the address people write to (mail naming it in X-Loop, or sent from it, is a loop), limits
# checked before and while parsing, and how many messages one sender may send an hour before it counts as a loop.
ENQUIRY_MAIL_ADDRESS = env.str("ENQUIRY_MAIL_ADDRESS", default="")
ENQUIRY_MAIL_MAX_BYTES = env.int("ENQUIRY_MAIL_MAX_BYTES", default=25 * 1024 * 1024)
ENQUIRY_MAIL_MAX_PARTS = env.int("ENQUIRY_MAIL_MAX_PARTS", default=100)
ENQUIRY_MAIL_MAX_DEPTH = env.int("ENQUIRY_MAIL_MAX_DEPTH", default=8)
ENQUIRY_MAIL_MAX_ATTACHMENTS = env.int("ENQUIRY_MAIL_MAX_ATTACHMENTS", default=10)
ENQUIRY_MAIL_MAX_ATTACHMENT_BYTES = env.int("ENQUIRY_MAIL_MAX_ATTACHMENT_BYTES", default=10 * 1024 * 1024)
ENQUIRY_MAIL_PER_SENDER_PER_HOUR = env.int("ENQUIRY_MAIL_PER_SENDER_PER_HOUR", default=20)
# An IMAP mailbox polled for enquiries (off without a host). TLS: "tls" (port 993), "starttls" or "none".
ENQUIRY_IMAP_HOST = env.str("ENQUIRY_IMAP_HOST", default="")
ENQUIRY_IMAP_PORT = env.int("ENQUIRY_IMAP_PORT", default=993)
ENQUIRY_IMAP_USER = env.str("ENQUIRY_IMAP_USER", default="")
ENQUIRY_IMAP_PASSWORD = env.str("ENQUIRY_IMAP_PASSWORD", default="")
ENQUIRY_IMAP_FOLDER = env.str("ENQUIRY_IMAP_FOLDER", default="INBOX")
ENQUIRY_IMAP_TLS = env.str("ENQUIRY_IMAP_TLS", default="tls")
if ENQUIRY_IMAP_TLS not in ("tls", "starttls", "none"):
    raise SettingsError('ENQUIRY_IMAP_TLS: expected "tls", "starttls" or "none".')
# Where handled messages go ("" = they stay in the folder, marked as seen).
ENQUIRY_IMAP_DONE_FOLDER = env.str("ENQUIRY_IMAP_DONE_FOLDER", default="")
# JIRA Service Management (off without a base URL): the service desk, a request type id per topic
# ("work=10,studies=11,other=12"), and the account (e-mail and API token) the portal acts as.
JSM_BASE_URL = env.str("JSM_BASE_URL", default="").rstrip("/")
JSM_SERVICE_DESK_ID = env.str("JSM_SERVICE_DESK_ID", default="")
JSM_REQUEST_TYPES = env.dict("JSM_REQUEST_TYPES", default={})
JSM_EMAIL = env.str("JSM_EMAIL", default="")
JSM_API_TOKEN = env.str("JSM_API_TOKEN", default="")
JSM_TIMEOUT_SECONDS = env.float("JSM_TIMEOUT_SECONDS", default=15.0)
JSM_MAX_ATTEMPTS = env.int("JSM_MAX_ATTEMPTS", default=4)
# --- Info-point queue ----------------------------------------------------------------------------------
# A called ticket can be marked as missed after this many recalls.
QUEUE_RECALLS_BEFORE_MISSED = env.int("QUEUE_RECALLS_BEFORE_MISSED", default=2)
# A checked-in appointment ticket goes first once its time is this close.
QUEUE_APPOINTMENT_DUE_MINUTES = env.int("QUEUE_APPOINTMENT_DUE_MINUTES", default=10)
# Minutes per visit for the wait estimate until the day has served visitors of its own.
QUEUE_DEFAULT_VISIT_MINUTES = env.int("QUEUE_DEFAULT_VISIT_MINUTES", default=8)
# How long an enrolment link of a kiosk or display works, and how long the enrolled browser stays enrolled.
QUEUE_ENROLMENT_LINK_HOURS = env.int("QUEUE_ENROLMENT_LINK_HOURS", default=24)
QUEUE_DEVICE_COOKIE_DAYS = env.int("QUEUE_DEVICE_COOKIE_DAYS", default=5 * 365)

# --- Audit trail ----------------------------------------------------------------------------------------
# Staff actions (who did what to which booking, case, time, ticket or enquiry) are kept this many days.
AUDIT_RETENTION_DAYS = env.int("AUDIT_RETENTION_DAYS", default=730)

# --- Languages and time ---------------------------------------------------------------------------------
LANGUAGE_CODE = "pl"
# Each language is named in itself, so that a reader finds their own in the switcher.
LANGUAGES = [("pl", "Polski"), ("en", "English"), ("uk", "Українська"), ("ru", "Русский")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Warsaw"
USE_TZ = True
MODELTRANSLATION_DEFAULT_LANGUAGE = "pl"
MODELTRANSLATION_LANGUAGES = ("pl", "en", "uk", "ru")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("pl",)}
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static and uploaded files --------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Client addresses (rate limits) ---------------------------------------------------------------------
# How many reverse proxies in front of the application append to X-Forwarded-For (nginx in docker-compose: 1).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

# --- Accounts (staff only; migrants never need an account) ---------------------------------------------
# allauth's backend, with permissions cached between requests (portal/permissions_cache.py).
AUTHENTICATION_BACKENDS = ["portal.permissions_cache.StaffAuthenticationBackend"]
ACCOUNT_ADAPTER = "portal.accounts.StaffAccountAdapter"
ACCOUNT_FORMS = {"login": "portal.accounts.StaffLoginForm"}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
# A password reset for an address with no account sends nothing (no "unknown account" e-mail to strangers).
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key", "reset_password": "20/m/ip,3/m/key"}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "staff_home"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Kierunek Wielkopolska"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Security headers -----------------------------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # container health checks speak plain HTTP inside the host
SECURE_HSTS_SECONDS = 0 if DEBUG else 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8  # one working day for staff
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# --- Integration API (/api/v1/, see README "Integration API") --------------------------------------------------
# Browsers on these origins may call the API (CORS); none by default, so the API is closed to other sites' scripts.
API_CORS_ORIGINS = [origin.rstrip("/") for origin in env.list("API_CORS_ORIGINS", default=[])]
# A request body over this size is refused with 413 before it is parsed.
API_MAX_BODY_BYTES = env.int("API_MAX_BODY_BYTES", default=1024 * 1024)
# Each call of a token is recorded (token, route, status, time) and kept this long.
API_CALL_RETENTION_DAYS = env.int("API_CALL_RETENTION_DAYS", default=90)
# The page size of the API's lists when the caller asks for none, and the most it may ask for.
API_PAGE_SIZE = 20
API_MAX_PAGE_SIZE = 100
NINJA_PAGINATION_PER_PAGE = API_PAGE_SIZE

# --- Logging: never personal data; case numbers and e-mail addresses stay out of log lines ---------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        # Signed links (booking management, confirmations) are secrets: request lines are logged without them.
        "redact_secrets": {"()": "portal.access_log.RedactSecretsFilter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        # Server errors to ADMINS: the route, the exception type and the stack, never a value (see error_reporting).
        "mail_admins": {
            "class": "portal.error_reporting.PrivateAdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Request lines with query strings are not logged by Django itself; keep its 4xx warnings quiet.
        # Not propagated to "django", whose default handlers would send a second, unfiltered e-mail.
        "django.request": {"level": "ERROR", "handlers": ["console", "mail_admins"], "propagate": False},
        "django.server": {"filters": ["redact_secrets"]},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# --- Release: cached pages and PDFs from an earlier deployment are never served after an upgrade -------------
RELEASE = env.str("RELEASE", default="") or (
    (BASE_DIR / "RELEASE").read_text().strip() if (BASE_DIR / "RELEASE").exists() else "development"
)

# --- Health check: /healthz says "ok" or "unavailable" to anyone; the per-part detail needs this token in the
# X-Healthz-Token header, sent from inside the host (not through the proxy). Empty: no detail for anybody.
HEALTHZ_TOKEN = env.str("HEALTHZ_TOKEN", default="")

# --- Error reporting: ADMINS e-mail on server errors, Sentry if configured, never personal data ---------------
# ADMINS: comma-separated "Name <address>" or addresses. Without ADMINS and SENTRY_DSN, start-up logs one line.
ADMINS = admins_parse(env.list("ADMINS", default=[]))
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    sentry_init(dsn=SENTRY_DSN, release=RELEASE, environment=env.str("SENTRY_ENVIRONMENT", default="production"))

# --- Portal -------------------------------------------------------------------------------------------------
PORTAL_NAME = _("Kierunek Wielkopolska")
# Two-factor secret of the demo staff accounts; load_demo refuses to run in production, so they never exist there.
DEMO_TOTP_SECRET = "KIERUNEKDEMOTOTPSECRETAAAAAAAAAA"  # noqa: S105
# The tabbed translation fields in the admin use jQuery UI, served from static/ like everything else (the CSP
# refuses other sites). django-modeltranslation reads this setting as JQUERY_UI_URL, without its usual prefix.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
CSRF_TRUSTED_ORIGINS = [SITE_URL]
FORM_RENDERER = "portal.form_rendering.PortalFormRenderer"  # one field template: templates/forms/field.html
FORMS_URLFIELD_ASSUME_HTTPS = True  # the Django 6 default, chosen now
