#!/usr/bin/env python3
"""Where a request's time goes: CPU milliseconds per request and a cProfile of the slow rows, in Markdown.

    .venv/bin/python bench/profile.py                          # every slow row of `bench/run.py all`
    .venv/bin/python bench/profile.py refusal case-result      # some rows, by name (--list shows them)
    .venv/bin/python bench/profile.py "/uk/guides/temporary-residence-work/?uncached=1" --requests 100

Runs in this process, through django.test.Client, with the bench server's settings (DEBUG=0, Redis database 9 as
the cache, the lifted lookup and booking limits) against the database kw_bench that `bench/run.py all` made (run
that first; do not run both at once). Per row: a warm-up, then N requests timed with time.process_time() (CPU of
this process: Django, the ORM and the templates; PostgreSQL's and Redis's own work is elsewhere, which is why
wall time is also given), counting the SQL queries and Redis commands; then the same N requests under cProfile,
and the 15 functions with the most cumulative time. The test client skips the network and gunicorn but does
everything else a worker does (the whole middleware stack, CSRF checks included); it adds little of its own.
"""

from __future__ import annotations

import argparse
import os
import pstats
import random
import re
import secrets
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote_plus

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, this file's folder would come first on the path, and this file would stand in for the
# standard library's `profile`, which cProfile imports: the project's root instead.
sys.path[:] = [
    str(ROOT),
    *(entry for entry in sys.path if Path(entry or ".").resolve() != Path(__file__).resolve().parent),
]
import cProfile  # noqa: E402

from bench import run  # noqa: E402 - the shared driver: settings, flows, names

TOP = 15


@dataclass(frozen=True)
class Row:
    name: str
    description: str
    # Given the client, returns the function that makes one request and returns its status.
    make: Callable[[object], Callable[[], int]]


def _get(path: str, headers: dict[str, str] | None = None) -> Callable[[object], Callable[[], int]]:
    def make(client) -> Callable[[], int]:
        return lambda: client.get(path, headers=headers or {}).status_code

    return make


def _csrf(client, path: str) -> str:
    response = client.get(path)
    token = client.cookies.get(run.CSRF_COOKIE)
    if response.status_code != 200 or token is None:
        raise run.BenchError(f"GET {path} answered {response.status_code} without the {run.CSRF_COOKIE!r} cookie")
    return token.value


def _case_lookup(cases: int) -> Callable[[object], Callable[[], int]]:
    def make(client) -> Callable[[], int]:
        token = _csrf(client, run.CASE_LOOKUP_PATH)

        def one() -> int:
            serial = run.BENCH_FIRST_SERIAL + random.randrange(cases)
            form = {
                run.CSRF_FIELD: token,
                "number": run._bench_case_number(serial),
                "access_code": run.BENCH_ACCESS_CODE,
            }
            return client.post(run.CASE_LOOKUP_PATH, form).status_code

        return one

    return make


def _case_result(cases: int) -> Callable[[object], Callable[[], int]]:
    def make(client) -> Callable[[], int]:
        _case_lookup(cases)(client)()
        return lambda: client.get(run.CASE_RESULT_PATH).status_code

    return make


_fresh_day: list[str] = []


def _rush_day() -> str:
    """The rush's day with all its times free (after `all`, the rush has filled it): released again, once."""
    if _fresh_day:
        return _fresh_day[0]
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import override_settings

    from appointments.models import Booking, Slot
    from bench import rush

    Booking.objects.filter(service__code=rush.SERVICE_CODE).delete()
    with override_settings(DEBUG=True):  # the command refuses to run on anything but a bench database
        call_command("prepare_booking_rush", stdout=open(os.devnull, "w"))  # noqa: SIM115
    cache.clear()  # Redis database 9, the bench's: nothing cached about the earlier day survives
    first = Slot.objects.filter(service__code=rush.SERVICE_CODE).order_by("starts_at").first()
    if first is None:
        raise run.BenchError("no day of the rush in kw_bench: run `bench/run.py all` (or bench/rush.py) first")
    day = first.starts_at.astimezone(run.WARSAW).date().isoformat()
    _fresh_day.append(rush.DAY_PATH.format(service=rush.SERVICE_CODE, place=rush.PLACE_SLUG, day=day))
    return _fresh_day[0]


def _day(headers: dict[str, str] | None = None) -> Callable[[object], Callable[[], int]]:
    def make(client) -> Callable[[], int]:
        return _get(_rush_day(), headers)(client)

    return make


def _refusal(client) -> Callable[[], int]:
    """POST a full time of the rush's day (filling one with holds of new browsers first if none is full)."""
    from django.test import Client

    from bench import rush

    path = _rush_day()
    day = re.search(r"day=([\d-]+)", path).group(1)  # type: ignore[union-attr]
    token = _csrf(client, path)  # the day page's form sets the CSRF cookie
    offered = run.day_slot_ids(client.get(path).content.decode(), rush.SLOT_FIELD)
    from appointments.models import Slot

    slot = str(
        Slot.objects.filter(service__code=rush.SERVICE_CODE).order_by("starts_at").values_list("pk", flat=True).first()
    )
    form = {run.CSRF_FIELD: token, rush.SLOT_FIELD: slot, "people": "1", "day": day}
    for _ in range(run.TIME_SEATS_AT_MOST):
        browser = Client(HTTP_HOST=run.HOST, enforce_csrf_checks=True)  # another person, who holds a seat of it
        status = browser.post(path, {**form, run.CSRF_FIELD: _csrf(browser, path)}).status_code
        if status == run.REFUSAL_STATUS:
            say(f"refusal: time {slot} is full; {len(offered) - 1} other times offered")
            return lambda: client.post(path, form).status_code  # this client never held anything
    raise run.BenchError(f"time {slot} of {path} still takes holds after {run.TIME_SEATS_AT_MOST}")


def _guide_after_edit(path: str) -> Callable[[object], Callable[[], int]]:
    """The page right after an editor saved content: every request first moves the content version, as a save does,
    so nothing cached about published content (page, article, glossary terms, banner) is used."""

    def make(client) -> Callable[[], int]:
        from portal.text import content_version_bump

        def one() -> int:
            content_version_bump()
            return client.get(path).status_code

        return one

    return make


def _search_uncached(client) -> Callable[[], int]:
    phrases = run.search_phrases()
    random.shuffle(phrases)
    queries = iter(phrases)
    return lambda: client.get(f"{run.SEARCH_PATH}?q={quote_plus(next(queries))}").status_code


def rows(cases: int) -> list[Row]:
    """The rows of `bench/run.py all` that are not served from the page cache (those cost little CPU)."""
    guide = "/uk/guides/temporary-residence-work/"
    return [
        Row("case-lookup", f"POST {run.CASE_LOOKUP_PATH}, a random case", _case_lookup(cases)),
        Row("case-result", f"GET {run.CASE_RESULT_PATH} after a lookup", _case_result(cases)),
        Row("guide-uncached", f"GET {guide}?uncached=1", _get(guide + "?uncached=1")),
        Row("guide-after-edit", f"GET {guide} right after a content change", _guide_after_edit(guide)),
        Row("form-page", f"GET {run.CASE_LOOKUP_PATH}", _get(run.CASE_LOOKUP_PATH)),
        Row("search-cached", f"GET {run.SEARCH_PATH}?q=karta+pobytu", _get(f"{run.SEARCH_PATH}?q=karta+pobytu")),
        Row("search-uncached", f"GET {run.SEARCH_PATH}?q=… (a new query each request)", _search_uncached),
        Row("day", "GET the rush's day page", _day()),
        Row("day-fragment", "GET the rush's day page, htmx fragment", _day(dict(run.DAY_HTMX_HEADERS))),
        Row("refusal", "POST of a full time of the rush's day (409)", _refusal),
    ]


def say(message: str) -> None:
    print(f"profile: {message}", file=sys.stderr, flush=True)


def setup_django() -> None:
    """The bench server's environment (bench/run.py base_env and the lifted limits), then Django."""
    os.environ.update({**run.base_env(secret_key=secrets.token_urlsafe(48)), **run.all_server_env()})
    import django

    django.setup()


class Counters:
    """SQL queries (a connection wrapper) and Redis commands (the client's execute_command) while active."""

    def __init__(self) -> None:
        self.queries = 0
        self.redis = 0

    def __enter__(self) -> Counters:
        import redis
        from django.db import connection

        def count_query(execute, sql, params, many, context):
            self.queries += 1
            return execute(sql, params, many, context)

        self._wrapper = connection.execute_wrapper(count_query)
        self._wrapper.__enter__()
        self._original = redis.Redis.execute_command
        original = self._original

        def execute_command(client, *args, **options):
            self.redis += 1
            return original(client, *args, **options)

        redis.Redis.execute_command = execute_command  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc) -> None:
        import redis

        redis.Redis.execute_command = self._original  # type: ignore[method-assign]
        self._wrapper.__exit__(*exc)


def _where(key: tuple[str, int, str]) -> str:
    filename, line, name = key
    if filename == "~":
        return name  # a built-in
    for prefix in (str(ROOT) + "/.venv/", str(ROOT) + "/", sys.prefix + "/", sys.base_prefix + "/"):
        if filename.startswith(prefix):
            filename = filename[len(prefix) :]
            break
    filename = re.sub(r"^lib/python[\d.]+/site-packages/", "", filename)
    return f"{filename}:{line} {name}"


def profile_row(row: Row, *, requests: int, warmup: int) -> str:
    from django.test import Client

    client = Client(HTTP_HOST=run.HOST, enforce_csrf_checks=True)
    one = row.make(client)
    for _ in range(warmup):
        one()
    statuses: Counter[int] = Counter()
    with Counters() as counted:
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(requests):
            statuses[one()] += 1
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        one()
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    ranked = sorted(stats.items(), key=lambda item: item[1][3], reverse=True)
    # Left out: what every request passes through whole (the test client, the middleware chain's wrappers).
    chain = 0.9 * ranked[0][1][3] if ranked else 0.0
    top = [item for item in ranked if item[1][3] < chain][:TOP]
    answers = ", ".join(f"{status} × {count}" for status, count in sorted(statuses.items()))
    lines = [
        f"### {row.name}: {row.description}",
        "",
        f"{requests} requests: **{1000 * cpu / requests:.1f} ms CPU** per request, {1000 * wall / requests:.1f} ms "
        f"wall, {counted.queries / requests:.1f} SQL queries and {counted.redis / requests:.1f} Redis commands per "
        f"request (answers: {answers}).",
        "",
        "Functions every request spends 90 % or more of its time in (the test client, the middleware chain) are "
        "left out.",
        "",
        "| Cumulative ms/request | Own ms/request | Calls/request | Function |",
        "|---:|---:|---:|---|",
    ]
    for key, (_primitive, calls, own, cumulative, _callers) in top:
        lines.append(
            f"| {1000 * cumulative / requests:.2f} | {1000 * own / requests:.2f} | {calls / requests:g} "
            f"| `{_where(key)}` |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rows", nargs="*", help="row names (see --list) or paths starting with /; default: all")
    parser.add_argument("--requests", type=int, default=200, help="requests timed, and as many profiled (200)")
    parser.add_argument("--warmup", type=int, default=20, help="requests first, not counted (20)")
    parser.add_argument("--cases", type=int, default=run.BENCH_CASES, help="bench cases in kw_bench (1,000,000)")
    parser.add_argument("--list", action="store_true", help="list the rows and stop")
    options = parser.parse_args(argv)
    known = {row.name: row for row in rows(options.cases)}
    if options.list:
        for row in known.values():
            print(f"{row.name}: {row.description}")
        return 0
    if options.requests < 1 or options.warmup < 0:
        parser.error("--requests must be at least 1 and --warmup not negative")
    chosen = []
    for name in options.rows or list(known):
        if name.startswith("/"):
            chosen.append(Row(name, f"GET {name}", _get(name)))
        elif name in known:
            chosen.append(known[name])
        else:
            parser.error(f"unknown row {name!r}; rows: {', '.join(known)}; or give a path starting with /")
    setup_django()
    print(f"CPU per request in-process (DEBUG=0, Redis cache, {run.DATABASE_NAME}); top {TOP} by cumulative time.\n")
    try:
        for row in chosen:
            say(f"{row.name}: {options.warmup} + 2 × {options.requests} requests")
            print(profile_row(row, requests=options.requests, warmup=options.warmup), flush=True)
    except run.BenchError as exc:
        print(f"profile: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    if Path(sys.prefix).resolve() != run.VENV.resolve():
        os.execv(run.PYTHON, [str(run.PYTHON), __file__, *sys.argv[1:]])  # noqa: S606 - needs Django and redis
    sys.exit(main(sys.argv[1:]))
