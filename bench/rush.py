#!/usr/bin/env python3
"""Benchmark: the booking rush when a day is released. 200 clients make 5,000 attempts at 300 seats.

    .venv/bin/python bench/rush.py                 # fresh kw_bench database, gunicorn, the rush, a Markdown row
    .venv/bin/python bench/rush.py --clients 400   # other shapes

A run: (1) recreates the PostgreSQL database kw_bench, migrates it, loads the demo data and adds one released
day of the service "bench-rush" (150 times x 2 desks = 300 seats, `prepare_booking_rush`); (2) starts gunicorn
in production mode like bench/run.py and measures the minimal view with wrk for the comparison figure; (3) runs
the rush: each client is a thread with its own keep-alive connection that GETs the day's times once (CSRF cookie
and the times' ids), then POSTs holds of random times until the shared budget of attempts is spent, starting a
new session after each success (a new person); (4) checks in PostgreSQL that exactly 300 seats are held, that no
time has more bookings than desks, and that no answer was a 5xx; (5) prints a Markdown row and appends JSON to
bench/results/<date>.jsonl.

The load tool is this script (threads, http.client): wrk cannot stop after a fixed number of attempts nor give
every success a new session. It is a Python client, so its own overhead is in the latency; the figure that
matters is the server's holds per second and that the database ends up exactly full.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import re
import secrets
import statistics
import sys
import threading
import time
from datetime import datetime
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import run  # noqa: E402 - the shared driver: database, server, wrk

SERVICE_CODE = "bench-rush"
PLACE_SLUG = "poznan-foreigners-department"
SEATS = 300
# The flow's day page: GET lists the free times as radio buttons, POST holds one and answers 302 to the details.
DAY_PATH = "/pl/appointments/{service}/{place}/?day={day}"
SLOT_FIELD = "slot"
HELD_LOCATION = "/details/"
# Every client is 127.0.0.1: the per-address limits on holds and on held seats would refuse all but the first few.
LIFTED_LIMITS = {"APPOINTMENT_HOLDS_PER_HOUR": "1000000000", "APPOINTMENT_SEATS_HELD_PER_HOUR": "1000000000"}


class Client(threading.Thread):
    """One person at a browser: keeps a connection open and tries times until the shared budget is spent."""

    def __init__(self, rush: Rush, number: int):
        super().__init__(daemon=True)
        self.rush, self.number = rush, number
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection(run.HOST, run.PORT, timeout=30)

    def exchange(self, method: str, path: str, form: dict | None = None) -> tuple[int, str, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        for header in response.headers.get_all("Set-Cookie") or []:
            self.cookies.update({name: morsel.value for name, morsel in SimpleCookie(header).items()})
        return response.status, response.getheader("Location", ""), response.read().decode("utf-8", "replace")

    def run(self) -> None:
        rng = random.Random(self.number)
        status, _, body = self.exchange("GET", self.rush.path)
        if status != 200 or "csrftoken" not in self.cookies:
            self.rush.record(status, 0.0, held=False, failure=f"GET {self.rush.path} answered {status}")
            return
        self.rush.started.wait()
        while self.rush.take_attempt():
            slot_id = rng.choice(self.rush.slot_ids)
            form = {
                "csrfmiddlewaretoken": self.cookies["csrftoken"],
                SLOT_FIELD: slot_id,
                "people": "1",
                "day": self.rush.day,  # as the page's form sends it: a refusal shows the day's remaining times
            }
            began = time.perf_counter()
            try:
                status, location, _ = self.exchange("POST", self.rush.path, form)
            except (OSError, http.client.HTTPException) as exc:
                self.rush.record(0, time.perf_counter() - began, held=False, failure=type(exc).__name__)
                self.connection.close()
                continue
            held = status == 302 and location.endswith(HELD_LOCATION)
            self.rush.record(status, time.perf_counter() - began, held=held)
            if held:
                self.cookies.pop("sessionid", None)  # the next attempt is somebody else


class Rush:
    def __init__(self, *, path: str, slot_ids: list[str], attempts: int):
        self.path, self.slot_ids, self.budget = path, slot_ids, attempts
        self.day = re.search(r"day=([\d-]+)", path).group(1)
        self.lock = threading.Lock()
        self.started = threading.Event()
        self.latencies: list[float] = []
        self.statuses: dict[int, int] = {}
        self.held = 0
        self.failures: list[str] = []

    def take_attempt(self) -> bool:
        with self.lock:
            if self.budget <= 0:
                return False
            self.budget -= 1
            return True

    def record(self, status: int, seconds: float, *, held: bool, failure: str = "") -> None:
        with self.lock:
            self.statuses[status] = self.statuses.get(status, 0) + 1
            if seconds:
                self.latencies.append(seconds * 1000)
            self.held += held
            if failure:
                self.failures.append(failure)


def prepare_day(env: dict[str, str]) -> str:
    """Release the rush's day (a database without bookings of the bench service); returns the day's address."""
    output = run.manage("prepare_booking_rush", env={**env, "DEBUG": "1"})
    day = re.search(r"on (\d{4}-\d{2}-\d{2})", output).group(1)
    return DAY_PATH.format(service=SERVICE_CODE, place=PLACE_SLUG, day=day)


def day_slots(path: str) -> list[str]:
    """The ids of the times the day's page offers, which must be all of the day's times."""
    cookies: dict[str, str] = {}
    status, _, body = run.http_exchange("GET", path, cookies)
    slot_ids = re.findall(rf'name="{SLOT_FIELD}"[^>]*value="(\d+)"', body) or re.findall(
        rf'value="(\d+)"[^>]*name="{SLOT_FIELD}"', body
    )
    if status != 200 or len(slot_ids) != SEATS // 2:
        raise run.BenchError(f"GET {path} answered {status} with {len(slot_ids)} times, not 200 with {SEATS // 2}")
    return slot_ids


def day_path(env: dict[str, str]) -> tuple[str, list[str]]:
    path = prepare_day(env)
    return path, day_slots(path)


def database_check() -> dict:
    import psycopg

    with psycopg.connect(f"{run.POSTGRES_URL}/{run.DATABASE_NAME}", connect_timeout=10) as connection:
        seats, overbooked = connection.execute(
            "SELECT COALESCE(SUM(s.booked), 0), COUNT(*) FILTER (WHERE s.booked > s.capacity) "
            "FROM appointments_slot s JOIN appointments_bookableservice v ON v.id = s.service_id WHERE v.code = %s",
            [SERVICE_CODE],
        ).fetchone()
        holds, seat_rows = connection.execute(
            "SELECT COUNT(DISTINCT b.id), COUNT(st.id) FROM appointments_booking b "
            "JOIN appointments_bookableservice v ON v.id = b.service_id "
            "JOIN appointments_bookingseat st ON st.booking_id = b.id WHERE v.code = %s AND b.status = 'held'",
            [SERVICE_CODE],
        ).fetchone()
    return {"seats_taken": seats, "overbooked_times": overbooked, "holds": holds, "held_seat_rows": seat_rows}


def rush(*, path: str, slot_ids: list[str], clients: int, attempts: int) -> dict:
    """Run the rush against the running server and check the database; the figures, with `problems` (empty: passed)."""
    state = Rush(path=path, slot_ids=slot_ids, attempts=attempts)
    threads = [Client(state, number) for number in range(clients)]
    for client in threads:
        client.start()
    time.sleep(2)  # every client has its form: the day is "released" for all of them at once
    began = time.perf_counter()
    state.started.set()
    for client in threads:
        client.join()
    elapsed = time.perf_counter() - began

    database = database_check()
    latencies = sorted(state.latencies)
    server_errors = sum(count for status, count in state.statuses.items() if status >= 500 or status == 0)
    problems = []
    if not latencies:
        problems.append(f"no attempt was made; failures: {state.failures[:5]}")
    if database["seats_taken"] != SEATS or database["holds"] != SEATS or state.held != SEATS:
        problems.append(f"expected exactly {SEATS} held seats, got {database} and {state.held} successes seen")
    if database["overbooked_times"]:
        problems.append(f"{database['overbooked_times']} times overbooked")
    if server_errors or state.failures:
        problems.append(f"{server_errors} server errors; failures: {state.failures[:5]}")
    return {
        "clients": clients,
        "attempts": len(latencies),
        "seconds": round(elapsed, 2),
        "attempts_per_second": round(len(latencies) / elapsed, 1),
        "holds_per_second": round(state.held / elapsed, 1),
        "p50_ms": round(statistics.median(latencies), 1) if latencies else 0.0,
        "p99_ms": round(latencies[max(int(len(latencies) * 0.99) - 1, 0)], 1) if latencies else 0.0,
        "statuses": state.statuses,
        "held_by_clients": state.held,
        "server_errors": server_errors,
        **database,
        "problems": problems,
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--attempts", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers (default 4)")
    parser.add_argument("--duration", type=int, default=15, help="seconds of wrk on the minimal view")
    options = parser.parse_args(argv)

    wrk = run.ensure_wrk()
    run.RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    env = run.base_env(secret_key=secrets.token_urlsafe(48))
    scenario = run.Scenario(name="rush", help="booking rush", targets=[])
    run.prepare(scenario, env=env, reuse_db=False)
    started = datetime.now(run.WARSAW)
    server = run.start_server(
        env={**env, **LIFTED_LIMITS}, workers=options.workers, log_path=run.RESULTS_DIR / "gunicorn.log"
    )
    try:
        minimal = run.parse_wrk(
            run.run_wrk(wrk, run.BASELINE, threads=4, connections=64, duration_s=options.duration, script_args=[])
        )
        path, slot_ids = day_path(env)
        figures = rush(path=path, slot_ids=slot_ids, clients=options.clients, attempts=options.attempts)
    finally:
        run.stop_server(server)

    problems = figures.pop("problems")
    row = {
        "date": started.date().isoformat(),
        "started_at": started.isoformat(timespec="seconds"),
        "scenario": "rush",
        **figures,
        "minimal_view_rps": minimal["requests_per_second"],
        "workers": options.workers,
        "machine": run.machine_facts(),
    }
    with (run.RESULTS_DIR / f"{row['date']}.jsonl").open("a", encoding="utf-8") as out:
        out.write(json.dumps(row) + "\n")
    print("| Date | Clients | Attempts | Attempts/s | Holds/s | p50 (ms) | p99 (ms) | Held | 5xx | Minimal view rps |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {row['date']} | {row['clients']} | {row['attempts']} | {row['attempts_per_second']} | "
        f"{row['holds_per_second']} | {row['p50_ms']} | {row['p99_ms']} | {row['seats_taken']} | "
        f"{row['server_errors']} | {minimal['requests_per_second']:.0f} |"
    )
    for problem in problems:
        print(f"rush: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    if Path(sys.prefix).resolve() != run.VENV.resolve():
        import os

        os.execv(run.PYTHON, [str(run.PYTHON), __file__, *sys.argv[1:]])  # noqa: S606
    sys.exit(main(sys.argv[1:]))
