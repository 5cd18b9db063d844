"""Fault drill: PostgreSQL stopped and started again while people book through a real gunicorn.

A throw-away PostgreSQL cluster (initdb + pg_ctl, never the machine's shared server) gets a copy of the test
database; gunicorn serves the site from it while four threads keep holding times for two people. The cluster is
stopped for a moment and started again. Requests in flight or arriving meanwhile must get the translated 503 page
with Retry-After (never a 500), later ones must succeed, and no booking may be half-written.
"""

import contextlib
import glob
import http.cookiejar
import itertools
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from appointments import services as appointment_services
from appointments.models import Slot
from tests.appointments.conftest import consultation  # noqa: F401 (fixtures)
from tests.factories import url_in
from tests.resilience.conftest import free_port, wait_until

pytestmark = [
    pytest.mark.fault_drill,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="fault drill: copies the PostgreSQL test database"
    ),
]

BINDIR = (sorted(glob.glob("/usr/lib/postgresql/*/bin")) or [""])[-1]


class ThrowawayPostgres:
    def __init__(self):
        if not BINDIR or not os.path.exists(f"{BINDIR}/initdb"):
            pytest.skip("fault drill: PostgreSQL server binaries (initdb, pg_ctl) are not installed")
        self.root = Path(tempfile.mkdtemp(prefix="kw-drill-pg-"))
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/drill"
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
        self._run(f"{BINDIR}/initdb", "-D", f"{self.root}/data", "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--no-sync", "--no-instructions")

    def _run(self, *command: str):
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *command], check=True, capture_output=True, timeout=120)

    def start(self):
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(f"{BINDIR}/pg_ctl", "-D", f"{self.root}/data", "-o", options, "-l", f"{self.root}/log", "-w",
                  "start")

    def stop(self, mode: str = "fast"):
        self._run(f"{BINDIR}/pg_ctl", "-D", f"{self.root}/data", "-m", mode, "-w", "stop")

    def remove(self):
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)

    def copy_of(self, database: dict):
        env = {**os.environ, "PGPASSWORD": database.get("PASSWORD") or ""}
        subprocess.run(["createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "drill"], check=True)
        dump = subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", "-h", database["HOST"], "-p", str(database["PORT"]),
             "-U", database["USER"], database["NAME"]],
            check=True, capture_output=True, env=env, timeout=120,
        ).stdout
        subprocess.run(
            ["pg_restore", "--no-owner", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", "drill"],
            input=dump, check=True, capture_output=True, timeout=120,
        )

    def query(self, sql: str) -> str:
        return subprocess.run(
            ["psql", "-X", "-qAt", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", "drill",
             "-c", sql], check=True, capture_output=True, text=True, timeout=60,
        ).stdout.strip()


def post(opener, url: str, data: dict):
    request = urllib.request.Request(url, data=urllib.parse.urlencode(data).encode())  # noqa: S310 (http://127.0.0.1)
    return opener.open(request, timeout=30)


def test_postgresql_restarted_under_load(consultation, tmp_path):  # noqa: F811
    slots = [
        (slot.pk, timezone.localtime(slot.starts_at, appointment_services.LOCAL_TIME).date().isoformat())
        for slot in Slot.objects.filter(service=consultation.service_id, opens_at__lte=timezone.now(),
                                        starts_at__gte=timezone.now() + timezone.timedelta(days=1))
        .order_by("starts_at")
    ]
    postgres = ThrowawayPostgres()
    server = None
    try:
        postgres.start()
        postgres.copy_of(connection.settings_dict)
        port = free_port()
        env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
        env.update({
            "DJANGO_SETTINGS_MODULE": "tests.resilience.drill_settings", "DATABASE_URL": postgres.url, "DEBUG": "1",
            "EMAIL_HOST": "", "DRILL_MAIL_DIR": str(tmp_path), "DATABASE_CONN_MAX_AGE": "60",
        })
        with open(tmp_path / "gunicorn.log", "w") as log:
            server = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "portal.wsgi:application", "-b", f"127.0.0.1:{port}", "-w", "2",
                 "--threads", "2", "--timeout", "30", "--log-level", "warning"],
                cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
            )
        base = f"http://127.0.0.1:{port}"

        def healthy():
            try:
                return urllib.request.urlopen(base + "/healthz", timeout=2).status == 200  # noqa: S310
            except OSError:
                return False

        wait_until(healthy, timeout=60, interval=0.3, what=f"gunicorn:\n{(tmp_path / 'gunicorn.log').read_text()}")
        calendar = base + url_in("en", "appointments:day_and_time", service_code=consultation.service.code,
                                 place_slug=consultation.place.slug)
        free = itertools.cycle(slots)
        lock, stop = threading.Lock(), threading.Event()
        results: list[tuple[float, float, int, str, str]] = []  # start, end, status, Retry-After, page

        def person():
            while not stop.is_set():
                with lock:
                    slot_id, day = next(free)
                jar = http.cookiejar.CookieJar()
                opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
                started = time.monotonic()
                try:
                    opener.open(f"{calendar}?day={day}&people=2", timeout=30)
                    token = next(cookie.value for cookie in jar if cookie.name == "csrftoken")
                    response = post(opener, calendar, {"slot": slot_id, "people": 2, "day": day,
                                                       "csrfmiddlewaretoken": token})
                    results.append((started, time.monotonic(), response.status, "", ""))
                except urllib.error.HTTPError as error:
                    results.append((started, time.monotonic(), error.code, error.headers.get("Retry-After", ""),
                                    error.read().decode(errors="replace")))
                except StopIteration:
                    results.append((started, time.monotonic(), 0, "", "no csrf cookie"))

        threads = [threading.Thread(target=person, daemon=True) for _ in range(4)]
        for thread in threads:
            thread.start()
        time.sleep(2)
        down = time.monotonic()
        postgres.stop("fast")  # connections in use are cut
        # Stay down until a request has met the outage: on a busy machine one round of holds can outlast a fixed pause.
        time.sleep(1.5)
        wait_until(lambda: any(status == 503 for _start, _end, status, _retry, _page in results), timeout=30,
                   interval=0.2, what="a request answered while PostgreSQL is down")
        postgres.start()
        up = time.monotonic()
        time.sleep(4)
        stop.set()
        for thread in threads:
            thread.join(timeout=60)

        codes = Counter(status for _start, _end, status, _retry, _page in results)
        failures = [result for result in results if result[2] not in (200, 302, 409)]
        assert codes[500] == 0 and codes[0] == 0, codes
        assert codes[503] >= 1, f"no request met the outage: {codes}"
        assert {status for _start, _end, status, _retry, _page in failures} <= {503, 400, 429}, codes
        for _start, _end, status, retry_after, page in failures:
            if status == 503:
                assert retry_after == "30" and "Service briefly unavailable" in page
        last_failure = max(end for _start, end, status, _retry, _page in results if status == 503)
        after = [status for start, _end, status, _retry, _page in results if start > last_failure]
        assert after and set(after) <= {200, 302, 409}, after
        # No half-written booking: every booking has its seats, and every time counts exactly its seats.
        assert postgres.query(
            "SELECT count(*) FROM appointments_booking b WHERE NOT EXISTS "
            "(SELECT 1 FROM appointments_bookingseat s WHERE s.booking_id = b.id)"
        ) == "0"
        assert postgres.query(
            "SELECT count(*) FROM appointments_slot t WHERE t.booked <> (SELECT count(*) FROM "
            "appointments_bookingseat s WHERE s.slot_id = t.id AND NOT s.released)"
        ) == "0"
        bookings = int(postgres.query("SELECT count(*) FROM appointments_booking"))
        print(f"\nDRILL postgres-restart: {len(results)} holds under load, {codes[503]} answered 503 with "
              f"Retry-After, 0 answered 500; database down {up - down:.1f}s, last 503 {last_failure - up:+.1f}s "
              f"after it was back; {bookings} bookings, none half-written")
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        postgres.remove()
