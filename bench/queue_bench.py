#!/usr/bin/env python3
"""Benchmark: the info-point queue polled by 500 screens and phones while 5 desks call.

    .venv/bin/python bench/queue_bench.py                    # fresh database, gunicorn, three measurements
    .venv/bin/python bench/queue_bench.py --duration 30      # longer runs

A run: (1) recreates its own PostgreSQL database (kw_queue_bench), migrates it, loads the demo data, then adds at
the Poznań headquarters 600 waiting tickets, 5 desk clerks with open desks (sessions made directly, TOTP
enrolled) and an enrolled display (its signed device cookie); (2) starts gunicorn in production mode with Redis
(database 7) as cache; (3) measures with wrk: the minimal Django view; the unchanged poll (500 connections, each
request the display's board or one of 480 phone tickets' status part with the current ETag: 304 without a query);
(4) runs the same poll load again while 5 desk threads call next, wait, and finish, over HTTP like the console,
with one display thread polling the board every second like the real screen: it records how long after each call
(the POST's answer) the call is first on the board (among the calls now, or the calls before when the desk
finished it between two polls); (5) prints Markdown rows and appends JSON to
bench/results/<date>.jsonl.

Polls during the desks' run carry the ETag of the start, so after the first call every poll is a full answer: an
upper bound of the cost (real screens take the new ETag after one 200).
"""

from __future__ import annotations

import argparse
import http.client
import json
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

# This benchmark's own database, Redis database and port, so it never disturbs the other benchmarks.
run.DATABASE_NAME = "kw_queue_bench"
run.REDIS_URL = f"redis://{run.HOST}:6379/7"
run.PORT = 8767
run.BASE_URL = f"http://{run.HOST}:{run.PORT}"

PLACE = "poznan-foreigners-department"
DESKS = 5
TICKETS = 600
PHONES = 480
DISPLAYS = 20
POLL_CONNECTIONS = 500

SETUP = r'''
import json, secrets
from datetime import timedelta
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from django.core.signing import get_cookie_signer
from django.utils import timezone
from infopoints import services
from infopoints.models import DayCounter, Desk, Device, Matter, Ticket
from infopoints.views_devices import COOKIE, COOKIE_SALT
from portal.models import Place, User
from portal.roles import INFO_POINT_STAFF

place = Place.objects.get(slug="%(place)s")
now = timezone.now()
today = timezone.localdate(now)
matters = list(Matter.objects.filter(place=place, is_checkin=False).order_by("letter"))
tickets = []
for index in range(%(tickets)d):
    matter = matters[index %% len(matters)]
    counter, _ = DayCounter.objects.get_or_create(place=place, day=today, letter=matter.letter)
    counter.last_number += 1
    counter.save()
    issued = now - timedelta(seconds=%(tickets)d - index)
    tickets.append(Ticket.objects.create(place=place, matter=matter, day=today, letter=matter.letter,
        number=counter.last_number, token=secrets.token_urlsafe(16), issued_at=issued, queued_at=issued))
desks = []
group = Group.objects.get(name=INFO_POINT_STAFF)
Desk.objects.filter(place=place).update(staff=None)
for number in range(1, %(desks)d + 1):
    user, _ = User.objects.get_or_create(email=f"bench-desk-{number}@bench.invalid", defaults={"is_staff": True})
    user.groups.add(group)
    user.places.add(place)
    if not user.authenticator_set.exists():
        TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    desk, _ = Desk.objects.get_or_create(place=place, number=number)
    services.desk_open(desk_id=desk.pk, user=user, matter_ids=[m.pk for m in matters])
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    desks.append({"desk": desk.pk, "session": session.session_key})
display = Device.objects.get(place=place, kind="display")
display = services.device_enrol(token=services.device_enrolment_token(display)) if display.enrolment_open else display
cookie = get_cookie_signer(salt=COOKIE + COOKIE_SALT).sign(f"{display.pk}:{display.secret_version}")
print("QUEUE_BENCH " + json.dumps({"tokens": [t.token for t in tickets[-%(phones)d:]], "desks": desks,
                                   "display_cookie": f"{COOKIE}={cookie}"}))
'''


def setup(env: dict[str, str]) -> dict:
    code = SETUP % {"place": PLACE, "tickets": TICKETS, "desks": DESKS, "phones": PHONES}
    output = run.manage("shell", "-c", code, env={**env, "DEBUG": "1"})
    line = next(line for line in output.splitlines() if line.startswith("QUEUE_BENCH "))
    return json.loads(line.removeprefix("QUEUE_BENCH "))


def board_path() -> str:
    return f"/display/{PLACE}/board/?l=pl,uk,ru"


def polls_file(data: dict, path: Path) -> int:
    """The polls with their current ETags (one GET each); returns how many."""
    lines = []
    cookie = data["display_cookie"]
    cookies = dict([cookie.split("=", 1)])
    status, etag = _get_etag(board_path(), cookies)
    if status != 200 or not etag:
        raise run.BenchError(f"the board answered {status} without an ETag: is the display enrolled?")
    lines += [f"{board_path()}\t{cookie}\t{etag}"] * DISPLAYS
    for token in data["tokens"]:
        phone = f"/uk/queue/{token}/status/"
        status, etag = _get_etag(phone, {})
        if status != 200 or not etag:
            raise run.BenchError(f"{phone} answered {status} without an ETag")
        lines.append(f"{phone}\t-\t{etag}")
    path.write_text("\n".join(lines) + "\n")
    return len(lines)


def _get_etag(path: str, cookies: dict[str, str]) -> tuple[int, str]:
    connection = http.client.HTTPConnection(run.HOST, run.PORT, timeout=30)
    try:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())} if cookies else {}
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("ETag", "")
    finally:
        connection.close()


class Desk(threading.Thread):
    """A clerk: call next, wait a moment (the visitor walks up), finish; over HTTP like the console's buttons."""

    def __init__(self, bench: Bench, desk_id: int, session: str, pause_s: float):
        super().__init__(daemon=True)
        self.bench, self.desk_id, self.pause_s = bench, desk_id, pause_s
        self.cookies = {"sessionid": session}
        self.connection = http.client.HTTPConnection(run.HOST, run.PORT, timeout=60)

    def exchange(self, method: str, path: str, form: dict | None = None) -> tuple[int, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            form = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **form}
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        for header in response.headers.get_all("Set-Cookie") or []:
            self.cookies.update({name: morsel.value for name, morsel in SimpleCookie(header).items()})
        return response.status, response.read().decode("utf-8", "replace")

    @staticmethod
    def current_ticket(page: str) -> str | None:
        """The id of the ticket at the desk, from the forms of the console's "At the desk" card."""
        card = page.split('class="card queue-current"', 1)[-1].split("</section>", 1)[0]
        found = re.search(r'name="ticket" value="(\d+)"', card)
        return found.group(1) if found else None

    def run(self) -> None:
        try:
            self.work()
        except (OSError, http.client.HTTPException) as exc:  # a timeout on an overloaded machine is a result too
            self.bench.failures.append(f"desk {self.desk_id}: {type(exc).__name__}")

    def work(self) -> None:
        console = f"/pl/staff/queue/desks/{self.desk_id}/"
        status, page = self.exchange("GET", console)
        current = self.current_ticket(page)
        if status == 200 and "queue-call" not in page and current:
            # Someone is at the desk already (the demo's morning leaves a called visitor at desk 1; a stopped run
            # may leave one anywhere): the console offers "Call next" only once the desk is free, so finish first.
            self.exchange("POST", console + "finish/", {"ticket": current, "served": "1"})
            status, page = self.exchange("GET", console)
        if status != 200 or "queue-call" not in page:
            self.bench.failures.append(f"console answered {status} without the call button")
            return
        while not self.bench.desks_stop.is_set():
            status, _ = self.exchange("POST", console + "call/", {})
            called_at = time.monotonic()
            if status != 302:
                self.bench.failures.append(f"call answered {status}")
                return
            status, page = self.exchange("GET", console)
            code = re.search(r'class="queue-code">([A-Z]\d{3})', page)
            ticket = self.current_ticket(page)
            if not code or not ticket:
                if "queue-call" not in page:  # not "nobody waiting": something else is on the page
                    self.bench.failures.append(f"console without a ticket ({status}): {page[:300]!r}")
                return
            self.bench.called(code.group(1), called_at)
            time.sleep(self.pause_s)
            status, _ = self.exchange("POST", console + "finish/", {"ticket": ticket, "served": "1"})
            if status != 302:
                self.bench.failures.append(f"finish answered {status}")
                return


class Display(threading.Thread):
    """The waiting-room screen: polls the board every second with its ETag, notes when each call first appears.

    A call counts as shown once its code is on the board, among the calls now or, when the desk finished it before
    the next poll, among the calls before ("Called before", the last six): the screen showed it either way."""

    def __init__(self, bench: Bench, cookie: str):
        super().__init__(daemon=True)
        self.bench = bench
        self.cookie = cookie
        self.connection = http.client.HTTPConnection(run.HOST, run.PORT, timeout=30)

    def run(self) -> None:
        etag = ""
        while not self.bench.stop.is_set():
            began = time.monotonic()
            headers = {"Cookie": self.cookie, **({"If-None-Match": etag} if etag else {})}
            try:
                self.connection.request("GET", board_path(), headers=headers)
                response = self.connection.getresponse()
                body = response.read().decode("utf-8", "replace")
            except (OSError, http.client.HTTPException):
                self.connection.close()
                body, response = "", None
            if response is not None and response.status == 200:
                etag = response.getheader("ETag", "")
                seen_at = time.monotonic()
                now_part, _, last_part = body.partition('class="board-last"')
                for code in re.findall(r'board-code">([A-Z]\d{3})<', now_part):
                    self.bench.seen(code, seen_at, among_last=False)
                for code in re.findall(r'board-code">([A-Z]\d{3})<', last_part):
                    self.bench.seen(code, seen_at, among_last=True)
            time.sleep(max(0.0, 1.0 - (time.monotonic() - began)))


class Bench:
    def __init__(self):
        self.lock = threading.Lock()
        self.desks_stop = threading.Event()  # no new calls; the display keeps watching for the last ones
        self.stop = threading.Event()
        self.calls: dict[str, float] = {}
        self.first_seen: dict[str, tuple[float, bool]] = {}
        self.failures: list[str] = []

    def called(self, code: str, at: float) -> None:
        with self.lock:
            self.calls[code] = at

    def seen(self, code: str, at: float, *, among_last: bool) -> None:
        # The desk learns its ticket's code only after the call's answer, so the board may show a code before the
        # desk reports it: each code's first appearance is kept and matched with its call at the end.
        with self.lock:
            self.first_seen.setdefault(code, (at, among_last))

    def delays(self) -> tuple[list[float], int]:
        """Milliseconds from each call's answer to its first appearance; how many appeared only as an earlier call."""
        with self.lock:
            shown = [(code, *self.first_seen[code]) for code in self.calls if code in self.first_seen]
            delays = sorted(max(0.0, at - self.calls[code]) * 1000 for code, at, _last in shown)
            return delays, sum(1 for *_rest, among_last in shown if among_last)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers (default 4)")
    parser.add_argument("--duration", type=int, default=15, help="seconds of each wrk run")
    parser.add_argument("--connections", type=int, default=POLL_CONNECTIONS, help="polling clients (500)")
    parser.add_argument("--reuse-db", action="store_true", help="keep the database of the last run (faster)")
    parser.add_argument("--warmup", type=int, default=3, help="unmeasured seconds before each measurement (3)")
    parser.add_argument("--quiet-wait", type=int, default=60,
                        help="wait at most this long for idle CPUs before each measurement (60 s)")
    parser.add_argument("--desk-pause", type=float, default=2.0, help="seconds between a call and its finish")
    options = parser.parse_args(argv)

    wrk = run.ensure_wrk()
    run.RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    env = run.base_env(secret_key=secrets.token_urlsafe(48))
    run.prepare(run.Scenario(name="queue", help="queue polling", targets=[]), env=env,
                reuse_db=options.reuse_db)
    data = setup(env)
    started = datetime.now(run.WARSAW)
    server = run.start_server(env=env, workers=options.workers, log_path=run.RESULTS_DIR / "gunicorn-queue.log")
    bench = Bench()
    poll_target = run.Target("queue poll", "/", wrk_script="queue_poll.lua")
    busy_before: dict[str, float | None] = {}

    def measure(label: str, target: run.Target, connections: int, script_args: list[str]) -> dict:
        # As bench/run.py does per URL: warm the workers up unmeasured (the first requests import and connect),
        # then wait (bounded) for other work to leave the CPUs, and note how busy they were.
        if options.warmup:
            run.run_wrk(wrk, target, threads=2, connections=connections, duration_s=options.warmup,
                        script_args=script_args)
        busy_before[label] = run.wait_for_quiet(max_wait_s=options.quiet_wait)
        return run.parse_wrk(run.run_wrk(wrk, target, threads=2, connections=connections,
                                         duration_s=options.duration, script_args=script_args))

    try:
        minimal = measure("minimal", run.BASELINE, 64, [])
        file = run.RESULTS_DIR / "queue-polls.tsv"
        count = polls_file(data, file)
        unchanged = measure("unchanged_poll", poll_target, options.connections, [str(file)])
        busy_before["poll_while_calling"] = run.wait_for_quiet(max_wait_s=options.quiet_wait)
        display = Display(bench, data["display_cookie"])
        desks = [Desk(bench, d["desk"], d["session"], options.desk_pause) for d in data["desks"]]
        display.start()
        for desk in desks:
            desk.start()
        busy = run.parse_wrk(run.run_wrk(wrk, poll_target, threads=2, connections=options.connections,
                                         duration_s=options.duration, script_args=[str(file)]))
        bench.desks_stop.set()
        for desk in desks:
            desk.join(timeout=30)
        time.sleep(5)  # the calls made at the end of the poll load reach the display too
        bench.stop.set()
        display.join(timeout=30)
    finally:
        run.stop_server(server)

    delays, only_among_last = bench.delays()
    row = {
        "date": started.date().isoformat(),
        "started_at": started.isoformat(timespec="seconds"),
        "scenario": "queue",
        "polls": count,
        "connections": options.connections,
        "minimal": minimal,
        "unchanged_poll": unchanged,
        "poll_while_calling": busy,
        "calls_made": len(bench.calls),
        "calls_seen": len(delays),
        "calls_seen_only_among_last_calls": only_among_last,
        "call_to_display_ms": {
            "p50": round(statistics.median(delays), 1) if delays else None,
            "p99": round(delays[max(0, int(len(delays) * 0.99) - 1)], 1) if delays else None,
            "max": round(delays[-1], 1) if delays else None,
        },
        "failures": bench.failures[:10],
        "cpu_busy_before_pct": busy_before,
        "workers": options.workers,
        "machine": run.machine_facts(),
    }
    with (run.RESULTS_DIR / f"{row['date']}.jsonl").open("a", encoding="utf-8") as out:
        out.write(json.dumps(row) + "\n")
    base = minimal["requests_per_second"] or float("nan")  # a minimal view that answered nothing: no ratio
    print("| Requests | Requests/s | p50 (ms) | p99 (ms) | vs minimal view | Errors |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, figures in (("minimal Django view (same run)", minimal), ("unchanged poll (304)", unchanged),
                           ("poll while 5 desks call (stale ETags: 200)", busy)):
        errors = (figures["script"] or {}).get("unexpected", 0) + sum(figures["socket_errors"].values())
        print(f"| {label} | {figures['requests_per_second']:,.0f} | {figures['latency_ms']['p50']:.1f} | "
              f"{figures['latency_ms']['p99']:.1f} | {figures['requests_per_second'] / base:.0%} | {errors} |")
    delay = row["call_to_display_ms"]
    print(f"\nCall → display: {len(bench.calls)} calls made, {len(delays)} seen ({only_among_last} of them first "
          f"among the calls before), p50 {delay['p50']} ms, p99 {delay['p99']} ms, max {delay['max']} ms")
    if bench.failures:
        print(f"queue: failures: {bench.failures[:5]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    if Path(sys.prefix).resolve() != run.VENV.resolve():
        import os

        os.execv(run.PYTHON, [str(run.PYTHON), __file__, *sys.argv[1:]])  # noqa: S606
    sys.exit(main(sys.argv[1:]))
