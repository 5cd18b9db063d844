"""Manage links that expire after the visit, access logs without the links' secrets, and the shape of the app's
code: no import circle among its modules, services as a package whose public names callers keep, no long module."""

import ast
import logging
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from appointments import emails, services
from appointments.models import Booking
from portal.access_log import RedactingGunicornLogger, RedactSecretsFilter, redact
from tests.appointments.test_manage import confirmed

pytestmark = pytest.mark.django_db

APP = Path(__file__).resolve().parents[2] / "appointments"


@pytest.fixture(autouse=True)
def quiet(monkeypatch):
    for name in ("send_confirmation_request", "send_confirmed", "send_cancelled"):
        monkeypatch.setattr(emails, name, lambda *args, **kwargs: None, raising=False)


def manage_url(booking, name="appointments:booking"):
    with translation.override("en"):
        return reverse(name, args=[services.booking_token(booking, services.MANAGE_SALT)])


# --- Manage links expire --------------------------------------------------------------------------------------


def test_a_manage_link_works_until_some_days_after_the_visit_and_then_not(client, consultation, settings):
    settings.APPOINTMENT_MANAGE_LINK_DAYS_AFTER_VISIT = 7
    booking = confirmed(consultation)
    assert client.get(manage_url(booking)).status_code == 200
    Booking.objects.filter(pk=booking.pk).update(starts_at=timezone.now() - timedelta(days=6))
    assert client.get(manage_url(booking)).status_code == 200
    Booking.objects.filter(pk=booking.pk).update(starts_at=timezone.now() - timedelta(days=9))
    assert client.get(manage_url(booking)).status_code == 404
    assert client.get(manage_url(booking, "appointments:booking_ics")).status_code == 404


def test_the_expiry_is_counted_from_the_end_of_the_visits_day(consultation, settings):
    settings.APPOINTMENT_MANAGE_LINK_DAYS_AFTER_VISIT = 0
    booking = confirmed(consultation)
    token = services.booking_token(booking, services.MANAGE_SALT)
    expires = services.manage_link_expires_at(booking)
    assert expires > booking.starts_at and (expires - booking.starts_at) <= timedelta(days=1)
    assert services.booking_from_manage_token(token, now=expires - timedelta(seconds=1)) == booking
    assert services.booking_from_manage_token(token, now=expires) is None


# --- Access logs ----------------------------------------------------------------------------------------------


def test_request_lines_paths_and_referrers_lose_the_secret_of_signed_links(consultation):
    booking = confirmed(consultation)
    path = manage_url(booking, "appointments:booking_cancel")
    token = services.booking_token(booking, services.MANAGE_SALT)
    assert token in path
    assert redact(path) == path.replace(token, "[token]")
    assert redact("/pl/guides/karta-pobytu-praca/") == "/pl/guides/karta-pobytu-praca/"

    logger = RedactingGunicornLogger(SimpleNamespace(**{
        "errorlog": "-", "loglevel": "info", "accesslog": None, "access_log_format": "", "syslog": False,
        "logconfig": None, "logconfig_dict": {}, "logconfig_json": None, "capture_output": False,
        "disable_redirect_access_to_syslog": False, "user": 0, "group": 0, "umask": 0,
        "statsd_host": None, "dogstatsd_tags": "", "statsd_prefix": "",
    }))
    environ = {"REQUEST_METHOD": "GET", "RAW_URI": path + "?x=1", "PATH_INFO": path, "SERVER_PROTOCOL": "HTTP/1.1",
               "QUERY_STRING": "", "HTTP_REFERER": "https://example.org" + path}
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    atoms = logger.atoms(response, SimpleNamespace(headers=[("REFERER", "https://example.org" + path)]), environ,
                         timedelta(seconds=1))
    for key in ("r", "U", "f", "{referer}i"):
        assert token not in atoms[key] and "[token]" in atoms[key]


def test_the_development_server_log_loses_the_secret_too(consultation):
    booking = confirmed(consultation)
    token = services.booking_token(booking, services.MANAGE_SALT)
    record = logging.LogRecord("django.server", logging.INFO, "", 0, '"%s" %s %s',
                               (f"GET {manage_url(booking)} HTTP/1.1", "200", "512"), None)
    assert RedactSecretsFilter().filter(record)
    assert token not in record.getMessage() and "[token]" in record.getMessage()


def test_the_development_server_logger_has_the_filter():
    assert "redact_secrets" in settings.LOGGING["loggers"]["django.server"]["filters"]


def test_production_runs_gunicorn_with_the_redacting_logger():
    config = (Path(settings.BASE_DIR) / "gunicorn.conf.py").read_text()
    assert 'logger_class = "portal.access_log.RedactingGunicornLogger"' in config


# --- The shape of the code ------------------------------------------------------------------------------------


def _module_name(path: Path) -> str:
    parts = path.relative_to(APP.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The appointments modules `path` imports at module level (function-level imports would hide a circle)."""
    found = set()
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("appointments"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("appointments"))
    return found


def test_no_import_circle_among_the_apps_modules():
    modules = {
        _module_name(path): path
        for path in APP.rglob("*.py")
        if "migrations" not in path.parts and "management" not in path.parts
    }
    graph = {name: {dep for dep in _imports(path) if dep in modules and dep != name} for name, path in modules.items()}
    # A package's __init__ re-exporting its submodules is not a circle of the submodules back to the package.
    for name in graph:
        graph[name] = {dep for dep in graph[name] if not (name.startswith(dep + ".") and dep in modules)}

    visiting, done, circle = set(), set(), []

    def visit(name, trail):
        if name in done:
            return
        if name in visiting:
            circle.append(trail[trail.index(name):] + [name])
            return
        visiting.add(name)
        for dep in sorted(graph[name]):
            visit(dep, trail + [name])
        visiting.discard(name)
        done.add(name)

    for name in sorted(graph):
        visit(name, [])
    assert circle == []


def test_no_function_level_import_of_the_apps_own_modules():
    hidden = []
    for path in APP.rglob("*.py"):
        if "migrations" in path.parts or path.name == "apps.py":  # AppConfig.ready() must import late
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.ImportFrom) and (inner.module or "").startswith(("appointments", "cases")):
                        hidden.append(f"{path.name}:{inner.lineno}")
    assert hidden == []


def test_no_module_over_500_lines_outside_migrations_and_demo_data():
    long = [
        str(path.relative_to(APP.parent))
        for path in APP.rglob("*.py")
        if "migrations" not in path.parts and path.name != "demo.py" and len(path.read_text().splitlines()) > 500
    ]
    assert long == []


def test_callers_keep_one_import_for_the_public_services():
    for name in ("booking_confirm", "booking_check_in", "hold_create", "slots_generate", "reminders_send",
                 "bookings_retention_apply", "BookingError", "booking_token", "MANAGE_SALT", "LOCAL_TIME"):
        assert hasattr(services, name), name


def test_the_expired_message_names_the_hold_length_from_the_setting(settings):
    from appointments.errors import message_for

    settings.APPOINTMENT_HOLD_MINUTES = 15
    with translation.override("en"):
        assert "held for 15 minutes" in message_for("expired")
    with translation.override("pl"):
        assert "15 minut" in message_for("expired")
