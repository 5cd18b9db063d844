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
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from http.cookies import SimpleCookie
from importlib import metadata
from pathlib import Path
from urllib.parse import urlencode
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
CASE_RESULT_SESSIONS = 1000  # browsers that have looked up a random case, for the result-page target
CASE_LOOKUP_COOKIE = "case_lookup"  # cases.selectors.LOOKUP_COOKIE: the signed case id a lookup leaves
# The lookup allows 10 attempts a minute per client address; every wrk request comes from 127.0.0.1, so the
# limits are lifted for the bench (gunicorn only) to measure the lookup rather than the 429 page. The counters
# are still kept in Redis on every lookup, so their cost is in the figures.
LIFTED_LOOKUP_LIMITS = {
    "CASE_LOOKUPS_PER_MINUTE": "1000000000",
    "CASE_LOOKUP_FAILURES": "1000000000",
    "CASE_LOOKUP_CASE_FAILURES": "1000000000",
}


def _bench_case_number(serial: int) -> str:
    return BENCH_CASE_NUMBER.format(serial=serial)


def _case_lookup_once(serial: int, cookies: dict[str, str]) -> None:
    """Look up one bench case as a browser does (GET the form once, POST it); its cookie lands in `cookies`."""
    if "csrftoken" not in cookies:
        status, _location, body = http_exchange("GET", CASE_LOOKUP_PATH, cookies)
        if status != 200 or "csrftoken" not in cookies or 'name="csrfmiddlewaretoken"' not in body:
            raise BenchError(f"GET {CASE_LOOKUP_PATH} answered {status} without a CSRF cookie and form token")
    form = {
        "csrfmiddlewaretoken": cookies["csrftoken"],  # Django accepts the cookie's secret as the form token
        "number": _bench_case_number(serial),
        "access_code": BENCH_ACCESS_CODE,
    }
    status, location, _body = http_exchange("POST", CASE_LOOKUP_PATH, cookies, form=form)
    if status != 302 or location != CASE_RESULT_PATH or CASE_LOOKUP_COOKIE not in cookies:
        hint = " (was the database made by a cases run? try without --reuse-db)" if status == 400 else ""
        raise BenchError(
            f"POST {CASE_LOOKUP_PATH} for {form['number']} answered {status} {location!r}, "
            f"not 302 to {CASE_RESULT_PATH} with the lookup cookie{hint}"
        )


def _case_result_shown(serial: int, cookies: dict[str, str]) -> None:
    status, _location, body = http_exchange("GET", CASE_RESULT_PATH, cookies)
    if status != 200 or _bench_case_number(serial) not in body:
        raise BenchError(f"GET {CASE_RESULT_PATH} after a lookup answered {status}, not 200 with the case number")


def check_case_flow() -> None:
    """The first and the last bench case can be looked up, and the result page shows them."""
    for serial in (BENCH_FIRST_SERIAL, BENCH_FIRST_SERIAL + BENCH_CASES - 1):
        cookies: dict[str, str] = {}
        _case_lookup_once(serial, cookies)
        _case_result_shown(serial, cookies)


def case_lookup_args() -> list[str]:
    number_format = BENCH_CASE_NUMBER.replace("{serial}", "%d")
    return [str(BENCH_CASES), str(BENCH_FIRST_SERIAL), number_format, BENCH_ACCESS_CODE]


def case_result_args() -> list[str]:
    """Look up CASE_RESULT_SESSIONS random cases, one browser each; returns the file of their cookies.

    Made right before the target runs, since a lookup stays open for 30 minutes (cases.views.LOOKUP_SECONDS).
    """
    say(f"looking up {CASE_RESULT_SESSIONS} random cases for cookies to load the result page with")
    rng = random.Random()
    lines = []
    for index in range(CASE_RESULT_SESSIONS):
        serial = BENCH_FIRST_SERIAL + rng.randrange(BENCH_CASES)
        cookies: dict[str, str] = {}
        _case_lookup_once(serial, cookies)
        if index == 0:
            _case_result_shown(serial, cookies)
        lines.append(f"csrftoken={cookies['csrftoken']}; {CASE_LOOKUP_COOKIE}={cookies[CASE_LOOKUP_COOKIE]}")
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
            Requirement(
                "the lookup view posts to the result page",
                _file_mentions("cases/views.py", 'redirect("cases:result")'),
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
    method: str, path: str, cookies: dict[str, str], *, form: dict[str, str] | None = None, timeout: float = 30.0
) -> tuple[int, str, str]:
    """One request as a browser sends it (cookies in, cookies set by the answer kept); (status, Location, body)."""
    headers = {"Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items())} if cookies else {}
    body = None
    if form is not None:
        body = urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookies.update({name: morsel.value for name, morsel in SimpleCookie(header).items()})
        return response.status, response.getheader("Location", ""), response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def get_status(path: str, timeout: float = 5.0) -> int:
    """Status of one GET on the bench server, redirects not followed (a redirect is not the page)."""
    connection = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
    try:
        connection.request("GET", path)
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
    """Socket errors plus wrong answers: a script sees every answer (its count includes wrk's non-2xx/3xx)."""
    wrong = row["script"]["unexpected"] if row["script"] is not None else row["non_2xx_3xx"]
    return sum(row["socket_errors"].values()) + wrong


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
        for target in targets:
            if target.wrk_script:
                # A script may POST or mix paths: its own check drives that flow (e.g. a POST answering 302).
                if target.check is None:
                    raise BenchError(f"{target.label}: a scripted target needs a check of its flow")
                target.check()
                continue
            status = get_status(target.path, timeout=30)
            if status != 200:
                raise BenchError(f"{target.path} answered {status}, not 200: nothing worth measuring")
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


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--duration", type=int, default=15, help="seconds of load per URL (default 15)")
    common.add_argument("--warmup", type=int, default=3, help="unmeasured seconds first (default 3)")
    common.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    common.add_argument("--connections", type=int, default=32, help="wrk open connections (default 32)")
    common.add_argument("--workers", type=int, default=4, help="gunicorn sync workers (default 4)")
    common.add_argument("--quiet-wait", type=int, default=120, help="wait for idle CPUs per URL (default 120 s)")
    common.add_argument("--reuse-db", action="store_true", help=f"keep the existing {DATABASE_NAME} database")
    common.add_argument("--wait-minutes", type=float, default=60, help="wait for missing data (default 60)")
    common.add_argument("--poll-seconds", type=float, default=180, help="check this often (default 180)")
    commands = parser.add_subparsers(dest="scenario", required=True, metavar="SCENARIO")
    for scenario in SCENARIOS:
        commands.add_parser(scenario.name, parents=[common], help=scenario.help, description=scenario.help)
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
    return options


def main(argv: list[str]) -> int:
    if Path(sys.prefix).resolve() != VENV.resolve():
        if not PYTHON.exists():
            print("bench: .venv is missing: run ./dev test (or ./dev run) once first.", file=sys.stderr)
            return 2
        os.execv(PYTHON, [str(PYTHON), __file__, *argv])  # noqa: S606 - the driver needs psycopg and redis
    options = parse_arguments(argv)
    scenario = next(scenario for scenario in SCENARIOS if scenario.name == options.scenario)
    try:
        return run_scenario(scenario, options)
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("bench: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
