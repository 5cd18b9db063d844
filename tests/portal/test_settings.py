"""Start-up refuses unsafe or malformed configuration with one line naming the setting."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "test-only-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP",
    "ALLOWED_HOSTS": "migrant.example.gov.pl",
    "SITE_URL": "https://migrant.example.gov.pl",
    "EMAIL_HOST": "smtp.example.gov.pl",
    "DATABASE_URL": "sqlite:////tmp/kw-settings-test.sqlite3",
    "REDIS_URL": "redis://127.0.0.1:6379/15",
}


def manage(*args: str, **overrides: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in PRODUCTION and key != "REDIS_URL"}
    env.update(overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("override", "named_setting"),
    [
        ({"SECRET_KEY": "django-insecure-development-only-key-never-use-in-production"}, "SECRET_KEY"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
        ({"SITE_URL": "migrant.example.gov.pl"}, "SITE_URL"),
        ({"EMAIL_HOST": ""}, "EMAIL_HOST"),
        ({"DATABASE_URL": "mysql-but-wrong://nowhere"}, "DATABASE_URL"),
        ({"REDIS_URL": "http://127.0.0.1:6379"}, "REDIS_URL"),
        ({"REDIS_URL": ""}, "REDIS_URL"),
        ({"HASHING_KEY": "short"}, "HASHING_KEY"),
    ],
)
def test_production_start_stops_with_one_line_naming_the_bad_setting(override, named_setting):
    result = manage("check", **{**PRODUCTION, **override})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Configuration error: {named_setting}")


def test_production_settings_pass_the_deployment_checklist_without_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_mode_sends_strict_security_headers():
    result = manage(
        "shell",
        "-c",
        "from django.test import Client\n"
        "r = Client().get('/pl/accessibility/', secure=True, HTTP_HOST='migrant.example.gov.pl')\n"
        "names = ('Content-Security-Policy', 'Strict-Transport-Security', 'X-Frame-Options', 'Referrer-Policy')\n"
        "for header in names:\n"
        "    print(r.headers[header])\n"
        "print(r.status_code)",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    csp, hsts, frame_options, referrer, status = result.stdout.strip().splitlines()[-5:]
    assert status == "200"
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "max-age=31536000" in hsts
    assert frame_options == "DENY"
    assert referrer == "same-origin"


def test_container_health_check_on_127_0_0_1_is_answered_in_production_mode():
    # Docker calls http://127.0.0.1:8000/healthz: not a public host name, and plain HTTP.
    result = manage(
        "shell",
        "-c",
        "from django.test import Client\n"
        "r = Client().get('/healthz', HTTP_HOST='127.0.0.1:8000', HTTP_X_HEALTHZ_TOKEN='t' * 32)\n"
        "print(r.status_code, sorted(r.json()['checks']))",
        **PRODUCTION,
        HEALTHZ_TOKEN="t" * 32,
    )
    assert result.returncode == 0, result.stderr
    status, checks = result.stdout.strip().splitlines()[-1].split(" ", 1)
    assert status in ("200", "503")  # 503 only if this machine has no Redis; never 400 or a redirect
    assert checks == "['broker', 'cache', 'database']"
