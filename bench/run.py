#!/usr/bin/env python3
"""Benchmark driver: one subcommand per scenario, each measured next to the minimal view in the same run.

    .venv/bin/python bench/run.py pages            # fresh kw_bench database, gunicorn, wrk, Markdown table
    .venv/bin/python bench/run.py pages --reuse-db # skip drop/migrate/load_demo when nothing changed
    .venv/bin/python bench/run.py cases            # case-status lookup against 1,000,000 cases (+ ~3 min setup)
    .venv/bin/python bench/rush.py                  # the booking rush: 200 clients, 5,000 attempts, 300 seats

A run: (1) waits, bounded, until the scenario's data exists in the code base; (2) drops and recreates the
PostgreSQL database kw_bench, migrates it and loads the demo data (DEBUG=1, as load_demo demands);
(3) collects static files and starts gunicorn in production mode (DEBUG=0) on 127.0.0.1:8765; (4) checks
that every URL answers 200 (a scripted target checks its own flow instead, e.g. a POST that must answer 302),
then runs wrk against each, minimal view first; (5) stops gunicorn, prints one Markdown table row per URL and
appends the figures as JSON lines to bench/results/<date>.jsonl.

To add a scenario, append a Scenario to SCENARIOS below: it becomes a subcommand. Only paths are given,
never hosts: every request goes to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from http.cookies import SimpleCookie
from importlib import metadata
from pathlib import Path
from urllib.parse import quote_plus, urlencode
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
RESULTS_DIR = BENCH_DIR / "results"  # git-ignored
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
GUNICORN = VENV / "bin" / "gunicorn"

HOST = "127.0.0.1"
PORT = 8765
BASE_URL = f"http://{HOST}:{PORT}"
DATABASE_NAME = "kw_bench"
POSTGRES_URL = f"postgres://postgres@{HOST}:5432"
REDIS_URL = f"redis://{HOST}:6379/9"  # database 9 belongs to the benchmarks and is flushed at each run
WARSAW = ZoneInfo("Europe/Warsaw")

SETUP_TIMEOUT_S = 15 * 60  # migrate, load_demo or collectstatic taking longer than this is a hang
SERVER_START_TIMEOUT_S = 60
SERVER_STOP_TIMEOUT_S = 30
QUIET_PCT = 20  # other work keeping the CPUs busier than this makes a measurement noisy


# --- Scenarios ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Target:
    """One URL to load: `path` on the bench server; `wrk_script` (relative to bench/) for POSTs or mixes.

    A scripted target replaces the "answers 200" check with `check`, run against the live server before anything
    is measured: it drives the script's flow once (e.g. GET a form, POST it, expect a 302 and the page behind it)
    and raises BenchError if anything answers otherwise. `script_args`, called right before the target's warm-up,
    gives the script its arguments after `--`. The script must print "script: <n> expected, <m> unexpected ..."
    in done(): the unexpected answers are the row's errors.
    """

    label: str
    path: str
    wrk_script: str | None = None
    check: Callable[[], None] | None = None
    script_args: Callable[[], list[str]] | None = None
    # Request headers for every request of the target (wrk -H), e.g. HX-Request for an htmx fragment.
    headers: tuple[tuple[str, str], ...] = ()
    # Arguments that must differ between two wrk runs (warm-up and measurement), given the run's seconds: e.g.
    # a fresh range of search queries, so that the measurement never finds the warm-up's answers cached.
    run_args: Callable[[int], list[str]] | None = None
    # The `all` table's goal: requests/s as a share of the minimal view's, and at most this p99 (None: none).
    goal: float | None = None
    p99_limit_ms: float | None = None


@dataclass(frozen=True)
class Requirement:
    """Something another change must bring before the scenario can run; `check()` is True once it has."""

    description: str
    check: Callable[[], bool]


@dataclass(frozen=True)
class Scenario:
    name: str
    help: str
    targets: list[Target]
    requires: list[Requirement] = field(default_factory=list)
    # Extra `manage.py` commands run after load_demo (with DEBUG=1), e.g. to create cases to look up.
    setup_commands: list[list[str]] = field(default_factory=list)
    # Extra environment for gunicorn only, e.g. settings the scenario must change to measure anything.
    server_env: dict[str, str] = field(default_factory=dict)


BASELINE = Target("minimal view", "/bench/minimal/")


def _file_mentions(relative_path: str, text: str) -> Callable[[], bool]:
    def check() -> bool:
        path = ROOT / relative_path
        return path.is_file() and text in path.read_text(encoding="utf-8", errors="replace")

    return check


# --- The cases scenario ---------------------------------------------------------------------------------
# In step with cases/management/commands/generate_bench_cases.py, which creates the cases: numbers
# WSC-II-S.6151.<serial>.2025 with serials from 1000000 on, all with the access code BENCH-CASES.
BENCH_CASES = 1_000_000
BENCH_EVENTS = 5_000_000
BENCH_CASE_NUMBER = "WSC-II-S.6151.{serial}.2025"
BENCH_FIRST_SERIAL = 1_000_000
BENCH_ACCESS_CODE = "BENCH-CASES"
CASE_LOOKUP_PATH = "/pl/case-status/"
CASE_RESULT_PATH = "/pl/case-status/result/"
CASE_LOOKUP_COOKIE = "case_lookup"  # cases.selectors.LOOKUP_COOKIE: the signed case id a lookup leaves
CASE_RESULT_SESSIONS = 1000  # browsers that have looked up a random case, for the result-page target
# The lookup allows 10 attempts a minute per client address; every wrk request comes from 127.0.0.1, so the
# limits are lifted for the bench (gunicorn only) to measure the lookup rather than the 429 page. The counters
# are still kept in Redis on every lookup, so their cost is in the figures.
LIFTED_LOOKUP_LIMITS = {
    "CASE_LOOKUPS_PER_MINUTE": "1000000000",
    "CASE_LOOKUP_FAILURES": "1000000000",
    "CASE_LOOKUP_CASE_FAILURES": "1000000000",
}


# The names the flow checks and the wrk scripts rely on: when a form changes, fix them here (and in the .lua).
CSRF_COOKIE = "csrftoken"
CSRF_FIELD = "csrfmiddlewaretoken"  # Django accepts the cookie's secret as the form's token


def _bench_case_number(serial: int) -> str:
    return BENCH_CASE_NUMBER.format(serial=serial)


def page_says(body: str) -> str:
    """What an unexpected answer shows (its error message, else its title), for a failure message."""
    for pattern in (r'class="errorlist[^"]*"[^>]*>(.*?)</', r"<title>(.*?)</title>"):
        match = re.search(pattern, body, re.DOTALL)
        if match:
            text = " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())
            return f"; the page says: {text[:160]!r}"
    return f"; the answer begins: {' '.join(body[:120].split())!r}" if body else ""


def csrf_form_get(path: str, cookies: dict[str, str], *, flow: str) -> str:
    """GET a form as a browser does; the CSRF cookie lands in `cookies`. Returns the page."""
    status, location, body = http_exchange("GET", path, cookies)
    if status != 200:
        raise BenchError(f"{flow}, step 1: GET {path} answered {status} {location!r}, not 200{page_says(body)}")
    if CSRF_COOKIE not in cookies:
        raise BenchError(
            f"{flow}, step 1: GET {path} set no {CSRF_COOKIE!r} cookie (cookies set: {sorted(cookies) or 'none'}); "
            "if the cookie was renamed, change CSRF_COOKIE in bench/run.py"
        )
    if f'name="{CSRF_FIELD}"' not in body:
        raise BenchError(f"{flow}, step 1: GET {path} shows no form with a {CSRF_FIELD!r} field")
    return body


def _case_lookup_once(serial: int, cookies: dict[str, str]) -> None:
    """Look up one bench case as a browser does (GET the form once, POST it); what it sets lands in `cookies`."""
    flow = "case lookup flow"
    if CSRF_COOKIE not in cookies:
        csrf_form_get(CASE_LOOKUP_PATH, cookies, flow=flow)
    form = {CSRF_FIELD: cookies[CSRF_COOKIE], "number": _bench_case_number(serial), "access_code": BENCH_ACCESS_CODE}
    status, location, body = http_exchange("POST", CASE_LOOKUP_PATH, cookies, form=form)
    if status != 302 or location != CASE_RESULT_PATH or CASE_LOOKUP_COOKIE not in cookies:
        hint = " (was the database made by a run with this --cases? try without --reuse-db)" if status == 400 else ""
        raise BenchError(
            f"{flow}, step 2: POST {CASE_LOOKUP_PATH} of {form['number']} answered {status} {location!r}, "
            f"not 302 to {CASE_RESULT_PATH} with the {CASE_LOOKUP_COOKIE!r} cookie{hint}{page_says(body)}"
        )


def _case_result_shown(serial: int, cookies: dict[str, str]) -> None:
    status, location, body = http_exchange("GET", CASE_RESULT_PATH, cookies)
    if status != 200 or _bench_case_number(serial) not in body:
        raise BenchError(
            f"case lookup flow, step 3: GET {CASE_RESULT_PATH} after the lookup answered {status} {location!r}, "
            f"not 200 with the case number (cookies sent: {sorted(cookies)}){page_says(body)}"
        )


def check_case_flow(cases: int = BENCH_CASES) -> None:
    """The first and the last bench case can be looked up, and the result page shows them."""
    for serial in (BENCH_FIRST_SERIAL, BENCH_FIRST_SERIAL + cases - 1):
        cookies: dict[str, str] = {}
        _case_lookup_once(serial, cookies)
        _case_result_shown(serial, cookies)


def case_lookup_args(cases: int = BENCH_CASES) -> list[str]:
    number_format = BENCH_CASE_NUMBER.replace("{serial}", "%d")
    return [str(cases), str(BENCH_FIRST_SERIAL), number_format, BENCH_ACCESS_CODE]


def case_result_args(cases: int = BENCH_CASES) -> list[str]:
    """Look up CASE_RESULT_SESSIONS random cases, one browser each; returns the file of their cookies.

    Made right before the target runs, since a lookup stays open for 30 minutes (cases.views.LOOKUP_SECONDS).
    Every cookie the lookup set is kept, whatever its name (a session, or a signed cookie of the case).
    """
    say(f"looking up {CASE_RESULT_SESSIONS} random cases for browsers to load the result page with")
    rng = random.Random()
    lines = []
    for index in range(CASE_RESULT_SESSIONS):
        serial = BENCH_FIRST_SERIAL + rng.randrange(cases)
        cookies: dict[str, str] = {}
        _case_lookup_once(serial, cookies)
        if index == 0:
            _case_result_shown(serial, cookies)
        lines.append("; ".join(f"{name}={value}" for name, value in cookies.items()))
    sessions_file = RESULTS_DIR / "case_sessions.txt"
    sessions_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(sessions_file)]


SCENARIOS = [
    Scenario(
        name="pages",
        help="public pages: home, list of places, one place's detail",
        targets=[
            Target("home", "/pl/"),
            Target("places", "/pl/places/"),
            Target("place detail", "/pl/places/poznan-foreigners-department/"),
            # A query string skips the anonymous page cache: the cost of rendering the page from the database.
            Target("places, rendered every time", "/pl/places/?uncached=1"),
        ],
        requires=[
            Requirement(
                "portal/demo/places_data.py defines the place poznan-foreigners-department",
                _file_mentions("portal/demo/places_data.py", "poznan-foreigners-department"),
            )
        ],
    ),
    Scenario(
        name="guides",
        help="guides: the list, one guide page (served from the cache after the first request), search",
        targets=[
            Target("guide list", "/pl/guides/"),
            Target("guide page", "/uk/guides/temporary-residence-work/"),
            Target("guide page, rendered every time", "/uk/guides/temporary-residence-work/?uncached=1"),
            Target("search", "/uk/search/?q=karta+pobytu"),
        ],
    ),
    Scenario(
        name="cases",
        help=f"case-status lookup and result page against {BENCH_CASES:,} cases with {BENCH_EVENTS:,} events",
        targets=[
            Target(
                f"case lookup, POST, random case of {BENCH_CASES:,}",
                CASE_LOOKUP_PATH,
                wrk_script="case_lookup.lua",
                check=check_case_flow,
                script_args=case_lookup_args,
            ),
            Target(
                f"case result page, GET, {CASE_RESULT_SESSIONS:,} looked-up cases",
                CASE_RESULT_PATH,
                wrk_script="case_result.lua",
                check=check_case_flow,
                script_args=case_result_args,
            ),
        ],
        requires=[
            Requirement(
                "cases/demo_catalogue.py defines the status catalogue that load_demo loads",
                _file_mentions("cases/demo_catalogue.py", "STATUSES"),
            ),
        ],
        setup_commands=[
            ["generate_bench_cases", "--cases", str(BENCH_CASES), "--events", str(BENCH_EVENTS)],
        ],
        server_env=LIFTED_LOOKUP_LIMITS,
    ),
]


# --- Small helpers --------------------------------------------------------------------------------------
def say(message: str) -> None:
    """Progress goes to stderr, so that stdout carries only the Markdown table."""
    print(f"bench: {message}", file=sys.stderr, flush=True)


class BenchError(Exception):
    """A run cannot go on; the message says why and, where possible, what to do."""


def ensure_wrk() -> str:
    wrk = shutil.which("wrk")
    if wrk:
        return wrk
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise BenchError("wrk is missing: run 'sudo apt-get install -y wrk' and try again.")
    say("installing wrk (Debian package)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    lock_wait = ["-o", "DPkg::Lock::Timeout=300"]  # another apt-get may be running; wait for it, bounded
    for step in (["update", "-qq"], ["install", "-y", "-qq", "wrk"]):
        command = ["apt-get", *lock_wait, *step]
        subprocess.run(command, env=env, check=True, timeout=SETUP_TIMEOUT_S, stdout=subprocess.DEVNULL)  # noqa: S603
    wrk = shutil.which("wrk")
    if not wrk:
        raise BenchError("apt-get did not install wrk; install it by hand and try again.")
    return wrk


def wait_for_requirements(scenario: Scenario, *, wait_minutes: float, poll_seconds: float) -> None:
    deadline = time.monotonic() + wait_minutes * 60
    max_polls = int(wait_minutes * 60 / poll_seconds) + 1
    for _ in range(max_polls + 1):
        missing = [requirement.description for requirement in scenario.requires if not requirement.check()]
        if not missing:
            return
        if time.monotonic() >= deadline:
            break
        say(f"waiting for: {'; '.join(missing)} (next check in {poll_seconds:.0f} s)")
        time.sleep(min(poll_seconds, max(0.0, deadline - time.monotonic())))
    raise BenchError(f"gave up after {wait_minutes:g} min waiting for: {'; '.join(missing)}")


def base_env(secret_key: str) -> dict[str, str]:
    """Production-mode environment for the server; setup steps override DEBUG only.

    Mode, database, cache, hosts, secret and e-mail are set explicitly, so neither the developer's .env nor
    the shell can point the benchmark at another database or switch it to development mode.
    """
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings_bench",
        "DATABASE_URL": f"{POSTGRES_URL}/{DATABASE_NAME}",
        "REDIS_URL": REDIS_URL,
        "SECRET_KEY": secret_key,
        # Access codes are stored as hashes keyed with HASHING_KEY (SECRET_KEY when unset): a fixed key keeps the
        # bench cases' codes valid in a --reuse-db run, whose SECRET_KEY is new. It protects nothing real.
        "HASHING_KEY": "bench-only-hashing-key-for-the-kw_bench-database-0123456789",
        "DEBUG": "0",
        "ALLOWED_HOSTS": HOST,
        "SITE_URL": BASE_URL,
        "EMAIL_HOST": "localhost",
        "SECURE_SSL_REDIRECT": "0",
        # Our own collected files: the benchmark never rewrites var/static under someone's running dev server.
        "STATIC_ROOT": str(RESULTS_DIR / "static"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def manage(*args: str, env: dict[str, str]) -> str:
    """Run one manage.py command; returns what it printed."""
    say(f"manage.py {' '.join(args)}")
    command = [str(PYTHON), "manage.py", *args]
    result = subprocess.run(  # noqa: S603
        command, cwd=ROOT, env=env, timeout=SETUP_TIMEOUT_S, capture_output=True, text=True
    )
    if result.returncode != 0:
        output = result.stdout[-2000:] + result.stderr[-4000:]
        raise BenchError(f"manage.py {' '.join(args)} failed:\n{output}")
    return result.stdout


def recreate_database() -> None:
    import psycopg

    say(f"dropping and creating the database {DATABASE_NAME}")
    with psycopg.connect(f"{POSTGRES_URL}/postgres", autocommit=True, connect_timeout=10) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE_NAME}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DATABASE_NAME}"')


def flush_cache() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL, socket_timeout=10).flushdb()


def prepare(scenario: Scenario, *, env: dict[str, str], reuse_db: bool) -> None:
    flush_cache()  # a warm cache left by the previous run would flatter the first figures
    setup_env = {**env, "DEBUG": "1"}
    if not reuse_db:
        recreate_database()
        manage("migrate", "--noinput", env=setup_env)
        manage("load_demo", env=setup_env)
        for command in scenario.setup_commands:
            output = manage(*command, env=setup_env)
            for line in output.strip().splitlines()[-1:]:
                say(f"  {line}")
    manage("collectstatic", "--noinput", "-v", "0", env=env)


# --- Server ---------------------------------------------------------------------------------------------
def http_exchange(
    method: str,
    path: str,
    cookies: dict[str, str],
    *,
    form: dict[str, str] | None = None,
    timeout: float = 30.0,
    headers: tuple[tuple[str, str], ...] = (),
) -> tuple[int, str, str]:
    """One request as a browser sends it (cookies in, cookies set by the answer kept); (status, Location, body)."""
    sent = dict(headers)
    if cookies:
        sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    body = None
    if form is not None:
        body = urlencode(form)
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    connection = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookies.update({name: morsel.value for name, morsel in SimpleCookie(header).items()})
        return response.status, response.getheader("Location", ""), response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def get_status(path: str, timeout: float = 5.0, headers: tuple[tuple[str, str], ...] = ()) -> int:
    """Status of one GET on the bench server, redirects not followed (a redirect is not the page)."""
    connection = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
    try:
        connection.request("GET", path, headers=dict(headers))
        return connection.getresponse().status
    finally:
        connection.close()


def port_in_use() -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex((HOST, PORT)) == 0


def _gunicorn_has_setting(name: str) -> bool:
    from gunicorn.config import KNOWN_SETTINGS

    return any(setting.name == name for setting in KNOWN_SETTINGS)


def start_server(*, env: dict[str, str], workers: int, log_path: Path) -> subprocess.Popen:
    if port_in_use():
        raise BenchError(f"something already listens on {HOST}:{PORT}; stop it first")
    command = [
        str(GUNICORN), "bench.wsgi_bench:application",
        "--chdir", str(ROOT),
        "--bind", f"{HOST}:{PORT}",
        "--workers", str(workers),
        "--worker-class", "sync",
        "--graceful-timeout", "10",
    ]  # fmt: skip
    if _gunicorn_has_setting("control_socket_disable"):
        command.append("--no-control-socket")  # recent gunicorn would open one in ~/.gunicorn
    say(f"starting gunicorn ({workers} sync workers) on {BASE_URL}, log in {log_path.relative_to(ROOT)}")
    with log_path.open("w") as log:
        # A session of its own, so that the master and its workers form one group we can end together.
        server = subprocess.Popen(  # noqa: S603
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    last_problem = "no answer yet"
    for _ in range(SERVER_START_TIMEOUT_S * 4):
        if server.poll() is not None:
            raise BenchError(f"gunicorn exited with {server.returncode}:\n{log_path.read_text()[-3000:]}")
        try:
            status = get_status("/healthz")
            if status == 200:
                return server
            last_problem = f"/healthz answered {status}"
        except OSError as exc:
            last_problem = str(exc)
        if time.monotonic() >= deadline:
            break
        time.sleep(0.25)
    stop_server(server)
    raise BenchError(f"gunicorn unhealthy after {SERVER_START_TIMEOUT_S} s ({last_problem}); see {log_path}")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is not None:
        return
    say("stopping gunicorn")
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=SERVER_STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)  # the group of the master we started, workers included
        server.wait(timeout=SERVER_STOP_TIMEOUT_S)


# --- wrk ------------------------------------------------------------------------------------------------
_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def _ms(value: str, unit: str) -> float:
    return float(value) * _UNIT_MS[unit]


def parse_wrk(output: str) -> dict:
    """The figures of wrk 4's text report with --latency; raises BenchError if a needed one is missing."""
    number = r"([\d.]+)"
    duration = number + r"(us|ms|s|m|h)"

    def find(pattern: str) -> re.Match:
        match = re.search(pattern, output, re.MULTILINE)
        if match is None:
            raise BenchError(f"cannot read wrk's output (looked for {pattern!r}):\n{output}")
        return match

    latency = find(rf"^\s*Latency\s+{duration}\s+{duration}\s+{duration}")
    percentiles = {f"p{pct}": round(_ms(*find(rf"^\s*{pct}%\s+{duration}").groups()), 3) for pct in (50, 75, 90, 99)}
    total = find(r"^\s*(\d+) requests in " + duration)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    socket_errors = [int(count) for count in sockets.groups()] if sockets else [0, 0, 0, 0]
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    script = re.search(r"^script: (\d+) expected, (\d+) unexpected ?(.*)$", output, re.MULTILINE)
    return {
        "requests_per_second": float(find(r"^Requests/sec:\s+" + number).group(1)),
        "latency_ms": {
            "avg": round(_ms(*latency.groups()[0:2]), 3),
            **percentiles,
            "max": round(_ms(*latency.groups()[4:6]), 3),
        },
        "requests": int(total.group(1)),
        "elapsed_s": round(_ms(*total.groups()[1:3]) / 1000, 2),
        "socket_errors": dict(zip(("connect", "read", "write", "timeout"), socket_errors, strict=True)),
        "non_2xx_3xx": int(non_2xx.group(1)) if non_2xx else 0,
        # What a wrk script counted itself (every answer checked against the flow); None for plain GETs.
        "script": {
            "expected": int(script.group(1)),
            "unexpected": int(script.group(2)),
            "detail": script.group(3).strip(),
        }
        if script
        else None,
    }


def run_wrk(
    wrk: str, target: Target, *, threads: int, connections: int, duration_s: int, script_args: list[str]
) -> str:
    command = [wrk, f"-t{threads}", f"-c{connections}", f"-d{duration_s}s", "--timeout", "10s", "--latency"]
    for name, value in target.headers:
        command += ["-H", f"{name}: {value}"]
    if target.wrk_script:
        command += ["-s", str(BENCH_DIR / target.wrk_script)]
    command.append(BASE_URL + target.path)
    if script_args:
        command += ["--", *script_args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=duration_s + 60)  # noqa: S603
    if result.returncode != 0:
        raise BenchError(f"wrk failed on {target.path}:\n{result.stdout}{result.stderr}")
    return result.stdout


# --- Reporting ------------------------------------------------------------------------------------------
TABLE_HEADER = (
    "| Date | Scenario | Page | Requests/s | p50 (ms) | p99 (ms) | vs minimal view | Errors |\n"
    "|---|---|---|---:|---:|---:|---:|---:|"
)


def row_errors(row: dict) -> int:
    """Socket errors plus wrong answers: a script sees every answer (its count includes wrk's non-2xx/3xx).

    A run in which no answer came at all counts as one error: it measured nothing.
    """
    wrong = row["script"]["unexpected"] if row["script"] is not None else row["non_2xx_3xx"]
    return sum(row["socket_errors"].values()) + wrong + (row["requests"] == 0)


def table_row(row: dict) -> str:
    errors = row_errors(row)
    latency = row["latency_ms"]
    return (
        f"| {row['date']} | {row['scenario']} | {row['label']} `{row['path']}` "
        f"| {row['requests_per_second']:,.0f} | {latency['p50']:.1f} | {latency['p99']:.1f} "
        f"| {row['relative_to_minimal']:.0%} | {errors} |"
    )


def cpu_busy_percent(sample_s: float = 1.0) -> float | None:
    """How busy the CPUs are while the bench itself is idle (between two URLs): other work's share.

    The load average cannot tell, since it still carries the previous URL's load for a minute.
    """

    def times() -> list[int]:
        with open("/proc/stat") as stat:
            return [int(value) for value in stat.readline().split()[1:]]

    try:
        first = times()
        time.sleep(sample_s)
        second = times()
    except (OSError, ValueError):
        return None  # not Linux
    deltas = [b - a for a, b in zip(first, second, strict=True)]
    idle = deltas[3] + (deltas[4] if len(deltas) > 4 else 0)  # idle + iowait
    return round(100 * (1 - idle / sum(deltas)), 1) if sum(deltas) else None


def wait_for_quiet(*, max_wait_s: int) -> float | None:
    """Wait, at most max_wait_s, until other work leaves the CPUs; returns the last busy share measured."""
    deadline = time.monotonic() + max_wait_s
    busy = cpu_busy_percent()
    for _ in range(max_wait_s // 5 + 1):
        if busy is None or busy <= QUIET_PCT or time.monotonic() >= deadline:
            break
        say(f"CPUs {busy}% busy with other work; waiting for them to calm down (at most {max_wait_s} s)")
        time.sleep(4)
        busy = cpu_busy_percent()
    return busy


def machine_facts() -> dict:
    return {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "django": metadata.version("django"),
        "gunicorn": metadata.version("gunicorn"),
    }


# --- The run --------------------------------------------------------------------------------------------
def check_targets(targets: list[Target]) -> None:
    """Every target answers what it should before anything is measured: a redirect or an error page is not the page."""
    for target in targets:
        if target.check is not None:
            # A script may POST or mix paths: its own check drives that flow (e.g. a POST answering 302).
            target.check()
        elif target.wrk_script:
            raise BenchError(f"{target.label}: a scripted target needs a check of its flow")
        else:
            status = get_status(target.path, timeout=30, headers=target.headers)
            if status != 200:
                raise BenchError(
                    f"{target.label}: GET {target.path} answered {status}, not 200: nothing worth measuring"
                )


def run_scenario(scenario: Scenario, options: argparse.Namespace) -> int:
    wrk = ensure_wrk()
    wait_for_requirements(scenario, wait_minutes=options.wait_minutes, poll_seconds=options.poll_seconds)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    env = base_env(secret_key=secrets.token_urlsafe(48))  # 64 characters, new for every run
    prepare(scenario, env=env, reuse_db=options.reuse_db)

    started = datetime.now(WARSAW)
    date = started.date().isoformat()
    machine = machine_facts()
    load = {
        "threads": options.threads,
        "connections": options.connections,
        "duration_s": options.duration,
        "warmup_s": options.warmup,
        "workers": options.workers,
    }
    targets = [BASELINE, *scenario.targets]
    rows: list[dict] = []

    server_env = {**env, **scenario.server_env}
    server = start_server(env=server_env, workers=options.workers, log_path=RESULTS_DIR / "gunicorn.log")
    try:
        check_targets(targets)
        print(TABLE_HEADER, flush=True)
        for target in targets:
            shape = {"threads": options.threads, "connections": options.connections}
            arguments = target.script_args() if target.script_args else []
            if options.warmup:
                say(f"warming up {target.path} ({options.warmup} s)")
                run_wrk(wrk, target, **shape, script_args=arguments, duration_s=options.warmup)
            say(f"measuring {target.path} ({options.duration} s)")
            busy_before = wait_for_quiet(max_wait_s=options.quiet_wait)
            figures = parse_wrk(run_wrk(wrk, target, **shape, script_args=arguments, duration_s=options.duration))
            if target.wrk_script and figures["script"] is None:
                raise BenchError(f"{target.wrk_script} printed no 'script: ...' line; its answers went unchecked")
            baseline_rps = rows[0]["requests_per_second"] if rows else figures["requests_per_second"]
            relative = figures["requests_per_second"] / baseline_rps if baseline_rps else 0.0
            row = {
                "date": date,
                "started_at": started.isoformat(timespec="seconds"),
                "scenario": scenario.name,
                "label": target.label,
                "path": target.path,
                **figures,
                "relative_to_minimal": round(relative, 4),
                "load": load,
                "cpu_busy_before_pct": busy_before,
                "machine": machine,
            }
            rows.append(row)
            print(table_row(row), flush=True)
    finally:
        stop_server(server)

    results_file = RESULTS_DIR / f"{date}.jsonl"
    with results_file.open("a", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    say(f"{len(rows)} results appended to {results_file.relative_to(ROOT)}")
    failed = [row["path"] for row in rows if row_errors(row)]
    busiest = max((row["cpu_busy_before_pct"] or 0) for row in rows)
    if busiest > QUIET_PCT:
        say(f"warning: other work kept the CPUs {busiest}% busy before a measurement; figures are noisy")
    if failed:
        say(f"warning: errors during the load on {', '.join(failed)}; see {RESULTS_DIR / 'gunicorn.log'}")
    return 0


# --- The `all` command: every row of the performance table, against the minimal view, in one run ---------------
README = ROOT / "README.md"
README_START = "<!-- bench:table:start -->"
README_END = "<!-- bench:table:end -->"
ALL_CASES_EVENTS_PER_CASE = 5
# The booking flow's names (bench/rush.py holds the rest: the service, the slot field, where a hold leads).
DAY_HTMX_HEADERS = (("HX-Request", "true"),)
REFUSAL_STATUS = 409
REFUSAL_MARKER = 'id="booking-error"'  # the refusal's message on the day page (templates/appointments/_picker.html)
TIME_SEATS_AT_MOST = 20  # holds tried before a time must be full (the rush's day has 2 desks a time)
# The search whose every query is new: pairs of adjacent words of the demo guides in SEARCH_LANGUAGE.
SEARCH_PATH = "/uk/search/"
SEARCH_LANGUAGE = "uk"
SEARCH_MAX_RPS = 500  # queries set aside per second of a wrk run (more are counted as beyond the range)
RUSH_RESET = (
    "from appointments.models import Booking\n"
    "print(Booking.objects.filter(service__code={code!r}).delete()[0], 'rows of earlier rushes deleted')"
)


def day_slot_ids(body: str, field_name: str) -> list[str]:
    return re.findall(rf'name="{field_name}"[^>]*value="(\d+)"', body) or re.findall(
        rf'value="(\d+)"[^>]*name="{field_name}"', body
    )


def expect_page(
    label: str, path: str, *, headers: tuple[tuple[str, str], ...] = (), contains: str = "", fragment: bool = False
) -> Callable[[], None]:
    """A check that GET `path` answers 200 (no redirect) with `contains` in it; a fragment has no <html>."""

    def check() -> None:
        status, location, body = http_exchange("GET", path, {}, headers=headers)
        shown = f"{label}: GET {path}" + (f" with {dict(headers)}" if headers else "")
        if status != 200:
            raise BenchError(f"{shown} answered {status} {location!r}, not 200{page_says(body)}")
        if contains and contains not in body:
            raise BenchError(f"{shown} answered 200 without {contains!r}{page_says(body)}")
        if fragment and "<html" in body:
            raise BenchError(f"{shown} answered a whole page, not the htmx fragment")

    return check


class RefusalFlow:
    """One time of the day held full by bench browsers, so that every POST of it is refused as in a rush.

    The time stays held between rounds (holds expire, so each round checks and holds again where needed).
    """

    def __init__(self, path: str, slot_field: str, held_location_end: str):
        self.path, self.slot_field, self.held_end = path, slot_field, held_location_end
        self.day = re.search(r"day=([\d-]+)", path).group(1)  # type: ignore[union-attr]
        self.slot: str | None = None

    def fields(self) -> dict[str, str]:
        # What the day page's form sends besides the CSRF token (the lua script adds that from the cookie).
        return {self.slot_field: self.slot or "", "people": "1", "day": self.day}

    def _post(self) -> tuple[int, str, str]:
        cookies: dict[str, str] = {}  # a new browser each time: one hold each, as many people do
        csrf_form_get(self.path, cookies, flow="refusal flow")
        form = {CSRF_FIELD: cookies[CSRF_COOKIE], **self.fields()}
        return http_exchange("POST", self.path, cookies, form=form)

    def take(self) -> None:
        flow = "refusal flow"
        if self.slot is None:
            body = csrf_form_get(self.path, {}, flow=flow)
            free = day_slot_ids(body, self.slot_field)
            if not free:
                raise BenchError(f"{flow}, step 1: GET {self.path} offers no time ({self.slot_field!r} radio buttons)")
            self.slot = free[0]
        for _ in range(TIME_SEATS_AT_MOST):
            status, location, body = self._post()
            if status == REFUSAL_STATUS:
                if REFUSAL_MARKER not in body:
                    raise BenchError(
                        f"{flow}, step 2: POST of the full time {self.slot} answered {status} without "
                        f"{REFUSAL_MARKER!r} (REFUSAL_MARKER in bench/run.py){page_says(body)}"
                    )
                return
            if status != 302 or not location.endswith(self.held_end):
                raise BenchError(
                    f"{flow}, step 2: POST of time {self.slot} to {self.path} answered {status} {location!r}: "
                    f"neither 302 to …{self.held_end} (a seat held) nor {REFUSAL_STATUS} (full){page_says(body)}"
                )
        raise BenchError(f"{flow}: time {self.slot} still takes holds after {TIME_SEATS_AT_MOST} of them")

    def args(self) -> list[str]:
        self.take()
        return [CSRF_COOKIE, CSRF_FIELD, str(REFUSAL_STATUS), REFUSAL_MARKER, urlencode(self.fields())]


def search_phrases(language: str = SEARCH_LANGUAGE) -> list[str]:
    """Distinct words and runs of two to four adjacent words (letters only, 3 or more each) of the demo
    guides' texts in `language`: queries that find something, as people type them."""
    texts: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get(language), str):
                texts.append(node[language])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted((ROOT / "portal" / "demo" / "guides").glob("*.json")):
        walk(json.loads(path.read_text(encoding="utf-8")))
    phrases: dict[str, None] = {}
    for text in texts:
        for sentence in re.split(r"[.,!?;:()\[\]\"«»„“”\n]", text):
            words = re.findall(r"[^\W\d_]{3,}", sentence.casefold())
            for size in (1, 2, 3, 4):
                for start in range(len(words) - size + 1):
                    phrases[" ".join(words[start : start + size])] = None
    return list(phrases)


class SearchQueries:
    """A file of shuffled phrases; each wrk run gets a range of its own, so no query is asked twice in a run."""

    def __init__(self, threads: int):
        self.threads = threads
        phrases = search_phrases()
        if len(phrases) < 1000:
            raise BenchError(f"only {len(phrases)} search phrases in the demo guides ({SEARCH_LANGUAGE}); need 1000")
        random.Random().shuffle(phrases)
        self.count = len(phrases)
        self.file = RESULTS_DIR / "search_queries.txt"
        self.file.write_text("\n".join(quote_plus(phrase) for phrase in phrases) + "\n", encoding="utf-8")
        self.offset = 0

    def args(self, duration_s: int) -> list[str]:
        budget = duration_s * SEARCH_MAX_RPS
        offset, self.offset = self.offset, self.offset + budget
        if self.offset > self.count:
            say(f"warning: {self.count} search phrases run out; later uncached searches may find cached answers")
        return [str(self.file), str(offset % self.count), str(budget), str(self.threads)]

    def check(self) -> None:
        phrase = self.file.read_text(encoding="utf-8").split("\n", 1)[0]
        expect_page("uncached search", f"{SEARCH_PATH}?q={phrase}")()


def reset_rush_day(env: dict[str, str]) -> str:
    """A fresh released day for the rush (earlier rushes' bookings deleted first); returns the day's address."""
    from bench import rush

    output = manage("shell", "-c", RUSH_RESET.format(code=rush.SERVICE_CODE), env={**env, "DEBUG": "1"})
    say(f"  {output.strip()}")
    return rush.prepare_day(env)


def all_targets(*, day_path: str, cases: int, threads: int) -> list[Target]:
    """The rows of README's performance table that wrk measures, minimal view first, with their goals."""
    from bench import rush

    refusal = RefusalFlow(day_path, rush.SLOT_FIELD, rush.HELD_LOCATION)
    search = SearchQueries(threads)
    guide = "/uk/guides/temporary-residence-work/"
    return [
        BASELINE,
        Target(
            f"case lookup, POST, random case of {cases:,}",
            CASE_LOOKUP_PATH,
            wrk_script="case_lookup.lua",
            check=partial(check_case_flow, cases),
            script_args=partial(case_lookup_args, cases),
            goal=0.30,
        ),
        Target(
            f"case result page, {CASE_RESULT_SESSIONS:,} looked-up cases",
            CASE_RESULT_PATH,
            wrk_script="case_result.lua",
            check=partial(check_case_flow, cases),
            script_args=partial(case_result_args, cases),
            goal=0.30,
        ),
        Target(
            "guide page without the page cache (its article cached; right after an edit: profile.py guide-after-edit)",
            guide + "?uncached=1",
            goal=0.15,
        ),
        Target("guide page, page cache", guide, goal=0.70, p99_limit_ms=20),
        Target("home, page cache", "/pl/", goal=0.70),
        Target("places, page cache", "/pl/places/", goal=0.70),
        Target(
            "form page (case lookup form)",
            CASE_LOOKUP_PATH,
            check=expect_page("form page", CASE_LOOKUP_PATH, contains=f'name="{CSRF_FIELD}"'),
            goal=0.50,
        ),
        Target("search, cached query", f"{SEARCH_PATH}?q=karta+pobytu", goal=0.30),
        Target(
            "search, a new query each request (words of the demo guides)",
            SEARCH_PATH,
            wrk_script="search_queries.lua",
            check=search.check,
            run_args=search.args,
            goal=0.10,
        ),
        Target(
            "a day's free times (150 times)",
            day_path,
            check=expect_page("day page", day_path, contains=f'name="{rush.SLOT_FIELD}"'),
            goal=0.30,
        ),
        Target(
            "a day's free times, htmx fragment",
            day_path,
            headers=DAY_HTMX_HEADERS,
            check=expect_page(
                "day fragment", day_path, headers=DAY_HTMX_HEADERS, contains=f'name="{rush.SLOT_FIELD}"', fragment=True
            ),
            goal=0.30,
        ),
        Target(
            "rush refusal: POST of a taken time (409)",
            day_path,
            wrk_script="form_post.lua",
            check=refusal.take,
            script_args=refusal.args,
        ),
    ]


def all_server_env() -> dict[str, str]:
    """The union of the scenarios' server settings (the lifted lookup and booking limits)."""
    from bench import rush

    merged: dict[str, str] = {}
    for scenario in SCENARIOS:
        merged.update(scenario.server_env)
    return {**merged, **rush.LIFTED_LIMITS}


def median_row(label: str, path: str, rounds: list[dict], target: Target | None = None) -> dict:
    """The row of the table: medians over the rounds (the share is the median of each round's own share)."""
    rps = statistics.median(r["requests_per_second"] for r in rounds)
    return {
        "label": label,
        "path": path,
        "requests_per_second": round(rps, 1),
        "p50_ms": round(statistics.median(r["latency_ms"]["p50"] for r in rounds), 1),
        "p99_ms": round(statistics.median(r["latency_ms"]["p99"] for r in rounds), 1),
        "share": round(statistics.median(r["relative_to_minimal"] for r in rounds), 4),
        "errors": sum(row_errors(r) for r in rounds),
        "goal": target.goal if target else None,
        "p99_limit_ms": target.p99_limit_ms if target else None,
        "rounds": len(rounds),
    }


def row_met(row: dict) -> bool | None:
    """Whether a row meets its goal; None when it has none (the minimal view, rows only tracked)."""
    if row["goal"] is None:
        return None
    met = row["share"] >= row["goal"] and not row["errors"] and not row.get("problems")
    if row["p99_limit_ms"] is not None:
        met = met and row["p99_ms"] < row["p99_limit_ms"]
    return met


def _goal_text(row: dict) -> str:
    if row["goal"] is None:
        return "—"
    text = f"≥ {row['goal']:.0%}"
    if row["p99_limit_ms"] is not None:
        limit = row["p99_limit_ms"]
        text += f", p99 < {limit / 1000:g} s" if limit >= 1000 else f", p99 < {limit:g} ms"
    return text + (row.get("goal_extra") or "")


def all_table(rows: list[dict], *, date: str, minimal_rps: float, rounds: int, duration: int, warmup: int) -> str:
    """The Markdown the README shows: a line with the date and the minimal view, then one row per measurement."""
    lines = [
        f"Measured on {date} by `.venv/bin/python bench/run.py all` ({rounds} interleaved rounds of {duration} s "
        f"after {warmup} s of warm-up, median per row; gunicorn with 4 sync workers, PostgreSQL and Redis, "
        f"{os.cpu_count()} CPUs). Minimal Django view in the same run: **{minimal_rps:,.0f} requests/s**.",
        "",
        "| Row | Requests/s | p50 (ms) | p99 (ms) | Share of the minimal view | Goal | Met | Errors |",
        "|---|---:|---:|---:|---:|---|---|---:|",
    ]
    for row in rows:
        met = row_met(row)
        lines.append(
            f"| {row['label']} `{row['path']}` | {row['requests_per_second']:,.0f} | {row['p50_ms']:,.1f} "
            f"| {row['p99_ms']:,.1f} | {row['share']:.0%} | {_goal_text(row)} "
            f"| {'—' if met is None else ('yes' if met else '**no**')} | {row['errors']} |"
        )
    return "\n".join(lines) + "\n"


def readme_replace(text: str, table: str) -> str:
    """README text with `table` between the markers; BenchError when they are missing or out of order."""
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < 0 or end < start:
        raise BenchError(
            f"README.md needs the markers {README_START} and {README_END} (in that order) around the "
            "performance table for --write-readme; add them and run again"
        )
    return text[: start + len(README_START)] + "\n" + table + text[end:]


def estimate_seconds(options: argparse.Namespace, targets: int = 13) -> dict[str, float]:
    """What a run of `all` should take on a quiet 2-core machine, per phase (measured on 2026-12-01)."""
    setup = 0.0 if options.reuse_db else 120 + 160 * options.cases / 1_000_000
    per_target = options.warmup + options.duration + 2.5  # wrk start-up and the idle-CPU sample
    lookups = 12.0 * CASE_RESULT_SESSIONS / 1000  # the result page's browsers, made each round
    measuring = options.rounds * (targets * per_target + lookups)
    rush = 0.0 if options.skip_rush else 30 + options.attempts / 40  # 36 attempts/s before this work's changes
    return {"setup": setup, "measuring": measuring, "rush": rush}


def run_all(options: argparse.Namespace) -> int:
    from bench import rush

    wrk = ensure_wrk()
    if options.write_readme:
        readme_replace(README.read_text(encoding="utf-8"), "")  # fail now, not after twenty minutes
    requirements = [requirement for scenario in SCENARIOS for requirement in scenario.requires]
    wait_for_requirements(
        Scenario(name="all", help="", targets=[], requires=requirements),
        wait_minutes=options.wait_minutes,
        poll_seconds=options.poll_seconds,
    )
    phases = estimate_seconds(options)
    say(
        f"expected run time on a quiet 2-core machine: about {sum(phases.values()) / 60:.0f} min ("
        + ", ".join(f"{name} {seconds / 60:.1f} min" for name, seconds in phases.items())
        + "); longer when other work keeps the CPUs busy"
    )
    began = time.monotonic()
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    env = base_env(secret_key=secrets.token_urlsafe(48))
    events = options.cases * ALL_CASES_EVENTS_PER_CASE
    setup = Scenario(
        name="all",
        help="",
        targets=[],
        setup_commands=[["generate_bench_cases", "--cases", str(options.cases), "--events", str(events)]],
    )
    prepare(setup, env=env, reuse_db=options.reuse_db)
    day_path = reset_rush_day(env)
    targets = all_targets(day_path=day_path, cases=options.cases, threads=options.threads)
    say(f"setup took {time.monotonic() - began:.0f} s")

    started = datetime.now(WARSAW)
    date = started.date().isoformat()
    machine = machine_facts()
    load = {
        "threads": options.threads,
        "connections": options.connections,
        "duration_s": options.duration,
        "warmup_s": options.warmup,
        "workers": options.workers,
        "rounds": options.rounds,
    }
    server_env = {**env, **all_server_env()}
    measured: dict[int, list[dict]] = {index: [] for index in range(len(targets))}
    shape = {"threads": options.threads, "connections": options.connections}
    server = start_server(env=server_env, workers=options.workers, log_path=RESULTS_DIR / "gunicorn.log")
    try:
        check_targets(targets)
        for round_number in range(1, options.rounds + 1):
            minimal_rps = 0.0
            for index, target in enumerate(targets):
                arguments = target.script_args() if target.script_args else []
                if options.warmup:
                    extra = target.run_args(options.warmup) if target.run_args else []
                    run_wrk(wrk, target, **shape, script_args=arguments + extra, duration_s=options.warmup)
                busy_before = wait_for_quiet(max_wait_s=options.quiet_wait)
                say(f"round {round_number}/{options.rounds}: {target.label} ({options.duration} s)")
                extra = target.run_args(options.duration) if target.run_args else []
                output = run_wrk(wrk, target, **shape, script_args=arguments + extra, duration_s=options.duration)
                figures = parse_wrk(output)
                if target.wrk_script and figures["script"] is None:
                    raise BenchError(f"{target.wrk_script} printed no 'script: ...' line; its answers went unchecked")
                if index == 0:
                    minimal_rps = figures["requests_per_second"]
                row = {
                    "date": date,
                    "started_at": started.isoformat(timespec="seconds"),
                    "scenario": "all",
                    "round": round_number,
                    "label": target.label,
                    "path": target.path,
                    **figures,
                    "relative_to_minimal": round(figures["requests_per_second"] / minimal_rps, 4) if minimal_rps else 0,
                    "load": load,
                    "cpu_busy_before_pct": busy_before,
                    "machine": machine,
                }
                measured[index].append(row)
                if row_errors(row):
                    say(f"  {row_errors(row)} errors: {figures['script'] or figures['socket_errors']}")
    finally:
        stop_server(server)

    rows = [median_row(t.label, t.path, measured[i], t) for i, t in enumerate(targets)]
    minimal_rps = rows[0]["requests_per_second"]
    rush_row = None
    if not options.skip_rush:
        say(f"the booking rush: {options.clients} clients, {options.attempts:,} attempts at {rush.SEATS} seats")
        stop_server(server)
        flush_cache()
        rush_path = reset_rush_day(env)
        server = start_server(env=server_env, workers=options.workers, log_path=RESULTS_DIR / "gunicorn-rush.log")
        try:
            figures = rush.rush(
                path=rush_path, slot_ids=rush.day_slots(rush_path), clients=options.clients, attempts=options.attempts
            )
        finally:
            stop_server(server)
        rush_row = {
            "label": f"booking rush: {options.clients} clients, {options.attempts:,} attempts, {rush.SEATS} seats "
            f"(attempts/s; {figures['seats_taken']} held, {figures['server_errors']} 5xx)",
            "path": rush_path,
            "requests_per_second": figures["attempts_per_second"],
            "p50_ms": figures["p50_ms"],
            "p99_ms": figures["p99_ms"],
            "share": round(figures["attempts_per_second"] / minimal_rps, 4) if minimal_rps else 0.0,
            "errors": figures["server_errors"],
            "goal": 0.20,
            "p99_limit_ms": 1500.0,
            "goal_extra": f", exactly {rush.SEATS} held, no 5xx",
            "problems": figures["problems"],
            "rush": figures,
        }
        rows.insert(1, rush_row)
        for problem in figures["problems"]:
            say(f"rush: {problem}")

    table = all_table(
        rows,
        date=date,
        minimal_rps=minimal_rps,
        rounds=options.rounds,
        duration=options.duration,
        warmup=options.warmup,
    )
    print(table, flush=True)
    results_file = RESULTS_DIR / f"{date}.jsonl"
    with results_file.open("a", encoding="utf-8") as out:
        for round_rows in measured.values():
            for row in round_rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        for row in rows:
            summary = {"date": date, "started_at": started.isoformat(timespec="seconds"), "scenario": "all"}
            out.write(json.dumps({**summary, "kind": "median", **row, "met": row_met(row), "load": load}) + "\n")
    elapsed = time.monotonic() - began
    say(f"rounds and medians appended to {results_file.relative_to(ROOT)}; the run took {elapsed:.0f} s")
    if options.write_readme:
        README.write_text(readme_replace(README.read_text(encoding="utf-8"), table), encoding="utf-8")
        say("the table is in README.md between the bench:table markers")
    busiest = max((row["cpu_busy_before_pct"] or 0) for rounds in measured.values() for row in rounds)
    if busiest > QUIET_PCT:
        say(f"warning: other work kept the CPUs {busiest}% busy before a measurement; figures are noisy")
    failed = [row["label"] for row in rows if row["errors"] or row.get("problems")]
    if failed:
        say(f"errors in: {'; '.join(failed)}; see {RESULTS_DIR / 'gunicorn.log'}")
    return 1 if failed else 0


def _common_options(*, duration: int, warmup: int) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--duration", type=int, default=duration, help=f"seconds of load per URL (default {duration})")
    common.add_argument("--warmup", type=int, default=warmup, help=f"unmeasured seconds first (default {warmup})")
    common.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    common.add_argument("--connections", type=int, default=32, help="wrk open connections (default 32)")
    common.add_argument("--workers", type=int, default=4, help="gunicorn sync workers (default 4)")
    common.add_argument("--quiet-wait", type=int, default=120, help="wait for idle CPUs per URL (default 120 s)")
    common.add_argument("--reuse-db", action="store_true", help=f"keep the existing {DATABASE_NAME} database")
    common.add_argument("--wait-minutes", type=float, default=60, help="wait for missing data (default 60)")
    common.add_argument("--poll-seconds", type=float, default=180, help="check this often (default 180)")
    return common


ALL_HELP = (
    "every row of README's performance table against the minimal view in one run: one database (demo data, "
    "the bench cases, the rush's day), one gunicorn, interleaved rounds, the median per row, then the booking rush"
)


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="scenario", required=True, metavar="SCENARIO")
    common = _common_options(duration=15, warmup=3)
    for scenario in SCENARIOS:
        commands.add_parser(scenario.name, parents=[common], help=scenario.help, description=scenario.help)
    every = commands.add_parser("all", parents=[_common_options(duration=10, warmup=2)], help=ALL_HELP)
    every.add_argument("--rounds", type=int, default=3, help="interleaved rounds, median per row (default 3)")
    every.add_argument("--cases", type=int, default=BENCH_CASES, help=f"bench cases (default {BENCH_CASES:,})")
    every.add_argument("--clients", type=int, default=200, help="the rush's clients (default 200)")
    every.add_argument("--attempts", type=int, default=5000, help="the rush's attempts (default 5000)")
    every.add_argument("--skip-rush", action="store_true", help="measure the URL rows only")
    every.add_argument(
        "--write-readme", action="store_true", help=f"put the table into README.md between {README_START} and its end"
    )
    options = parser.parse_args(argv)
    for name in ("duration", "threads", "connections", "workers"):
        if getattr(options, name) < 1:
            parser.error(f"--{name} must be at least 1")
    if options.connections < options.threads:
        parser.error("--connections must be at least --threads (wrk needs one connection per thread)")
    if not 0 <= options.warmup <= 600 or not 1 <= options.duration <= 600 or not 0 <= options.quiet_wait <= 600:
        parser.error("--duration, --warmup and --quiet-wait are limited to 600 s")
    if options.poll_seconds < 1 or options.wait_minutes < 0:
        parser.error("--poll-seconds must be at least 1 and --wait-minutes not negative")
    if options.scenario == "all" and (
        not 1 <= options.rounds <= 9 or options.cases < 2 or options.clients < 1 or options.attempts < 1
    ):
        parser.error("--rounds is 1 to 9; --cases at least 2; --clients and --attempts at least 1")
    return options


def main(argv: list[str]) -> int:
    if Path(sys.prefix).resolve() != VENV.resolve():
        if not PYTHON.exists():
            print("bench: .venv is missing: run ./dev test (or ./dev run) once first.", file=sys.stderr)
            return 2
        os.execv(PYTHON, [str(PYTHON), __file__, *argv])  # noqa: S606 - the driver needs psycopg and redis
    options = parse_arguments(argv)
    # A kill ends the run as Ctrl-C does, through the `finally` that stops gunicorn (its own process group).
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        if options.scenario == "all":
            return run_all(options)
        scenario = next(scenario for scenario in SCENARIOS if scenario.name == options.scenario)
        return run_scenario(scenario, options)
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("bench: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    # Run as the module bench.run, the one bench/rush.py imports: one copy of the settings and of BenchError.
    sys.path.insert(0, str(ROOT))
    from bench import run as driver

    sys.exit(driver.main(sys.argv[1:]))
