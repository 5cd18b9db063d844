#!/usr/bin/env python3
"""Benchmark: the coordinators' indicator dashboard and the PDF report over a year of data on PostgreSQL.

    .venv/bin/python bench/reports_bench.py                 # 1,000,000 tickets, 200,000 enquiries, 500,000 bookings
    .venv/bin/python bench/reports_bench.py --scale 0.1 --reuse   # a tenth of it; --reuse keeps the database
    .venv/bin/python bench/reports_bench.py --database kw_mine    # another database name (it is dropped first)

A run: (1) recreates its own database (kw_reports_bench), migrates it and loads the demo places, staff, services,
schedules and queue matters; (2) fills a year (the 365 days before today) with INSERT … SELECT over
generate_series, in the database: queue tickets spread over every place's matters and days, enquiries over
channels, languages and teams, bookings over every schedule, and case-status lookups, notifications and page
views in proportion; (3) runs ANALYZE and rolls the closed days up (`manage.py roll_up_reports`, as the nightly
task and a back-fill do; `--no-rollups` leaves them out to measure the raw aggregates); (4) asks for the
dashboard of the last full quarter, everywhere, through
Django's test client as the demo coordinator (the view, its queries and the template; no network and no
server), `--repeat` times after two warm-up requests, and reports the median and the 95th percentile; (5) builds
the quarterly PDF report the way the worker does (`services.report_job_build`) and reports its time. Results are
printed as Markdown and appended as JSON to bench/results/<date>.jsonl.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = os.environ.get("REPORTS_BENCH_DATABASE", "kw_reports_bench")
ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"


def recreate_database() -> None:
    import psycopg

    with psycopg.connect(ADMIN_URL, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DATABASE}"')


def setup_django() -> None:
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/8")
    # Production mode, as bench/run.py sets it (the test client's host is "testserver").
    os.environ.update({
        "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(48), "HASHING_KEY": "bench-only-hashing-key-" + "x" * 40,
        "ALLOWED_HOSTS": "testserver,127.0.0.1", "SITE_URL": "http://127.0.0.1:8768", "EMAIL_HOST": "localhost",
        "SECURE_SSL_REDIRECT": "0", "STATIC_ROOT": str(ROOT / "bench" / "results" / "static"),
    })
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)  # production pages name the hashed files


def insert_select(model, expressions: dict[str, str], source: str) -> int:
    """INSERT INTO model's table SELECT … FROM source: `expressions` give SQL for some columns, every other column
    gets its field's default (the same value for every row), so the statement follows the model as it changes."""
    from django.db import connection

    columns, values, params = [], [], []
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(connection.ops.quote_name(field.column))
        if field.column in expressions:
            values.append(expressions[field.column])
        else:
            values.append("%s")
            params.append(field.get_db_prep_save(field.get_default(), connection))
    # The SQL is this script's own (column names from the models, expressions written above); no outside input.
    sql = f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) SELECT {', '.join(values)} FROM {source}"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def load_base() -> None:
    import io

    from appointments import demo as appointments_demo
    from infopoints import demo_queue
    from portal.demo.loader import load_places, load_staff

    load_places()
    load_staff()
    appointments_demo.load(io.StringIO())
    demo_queue.load(io.StringIO())


def fill(first: date, last: date, *, tickets: int, enquiries: int, bookings: int) -> dict[str, int]:
    from appointments.models import Booking, Schedule
    from cases.models import LookupRecord
    from infopoints.models import Enquiry, Matter, Ticket
    from portal.models import OutboundEmail, PageViewDay

    days = (last - first).days + 1
    matters = Matter.objects.filter(is_checkin=False).count()
    per_matter_day = max(1, round(tickets / (matters * days)))
    span = f"generate_series('{first}'::date, '{last}'::date, interval '1 day') AS d(day)"
    moment = "(d.day + time '08:00' + n.n * interval '3 minutes') AT TIME ZONE 'Europe/Warsaw'"
    wait = "(interval '1 minute' * floor(random() * 60))"
    made = {}
    made["tickets"] = insert_select(Ticket, {
        "place_id": "m.place_id", "matter_id": "m.id", "day": "d.day", "letter": "m.letter", "number": "n.n",
        "status": "CASE WHEN random() < 0.06 THEN 'no_show' ELSE 'served' END",
        "issued_at": moment, "queued_at": moment, "called_at": f"{moment} + {wait}",
        "finished_at": f"{moment} + interval '90 minutes'",
        "language": "(ARRAY['pl','uk','uk','ru','en'])[1 + floor(random() * 5)::int]",
    }, f"infopoints_matter m CROSS JOIN {span} CROSS JOIN generate_series(1, {per_matter_day}) AS n(n) "
       "WHERE NOT m.is_checkin")
    places = "(SELECT array_agg(id) AS ids FROM portal_place) p"
    made["enquiries"] = insert_select(Enquiry, {
        "reference": "'ZG-' || to_char(t.at, 'YYYY') || '-' || lpad(g.n::text, 6, '0')",
        "channel": "(ARRAY['phone','email','web','in_person','letter'])[1 + floor(random() * 5)::int]",
        "language": "(ARRAY['pl','uk','ru','en'])[1 + floor(random() * 4)::int]",
        "place_id": "CASE WHEN random() < 0.3 THEN NULL ELSE p.ids[1 + floor(random() * cardinality(p.ids))::int] END",
        "status": "'closed'", "closed_at": "t.at + interval '2 days'", "created_at": "t.at",
        "last_activity_at": "t.at", "first_response_due": "t.at + interval '8 hours'",
        "first_responded_at": "t.at + interval '1 hour' * floor(random() * 16)", "link_key": "''",
    }, f"generate_series(1, {enquiries}) AS g(n) CROSS JOIN {places} CROSS JOIN LATERAL "
       f"(SELECT '{first}'::timestamptz + (g.n::float / {enquiries}) * interval '{days} days' AS at) t")
    schedules = Schedule.objects.count()
    made["bookings"] = insert_select(Booking, {
        "reference": "'B' || lpad(s.id::text, 3, '0') || lpad(g.n::text, 8, '0')",
        "place_id": "s.place_id", "service_id": "s.service_id",
        "starts_at": f"'{first}'::timestamptz + (g.n::float / {max(1, bookings // schedules)}) "
                     f"* interval '{days} days'",
        "status": "(ARRAY['completed','completed','completed','checked_in','no_show','cancelled',"
                  "'cancelled_staff','expired'])[1 + floor(random() * 8)::int]",
        "created_at": "now()",
    }, f"appointments_schedule s CROSS JOIN generate_series(1, {max(1, bookings // schedules)}) AS g(n)")
    made["lookups"] = insert_select(LookupRecord, {
        "number_hash": "md5(g.n::text)", "outcome": "(ARRAY['found','found','found','not-found','limited'])"
        "[1 + floor(random() * 5)::int]",
        "created_at": f"'{first}'::timestamptz + random() * interval '{days} days'",
    }, f"generate_series(1, {enquiries}) AS g(n)")
    made["notifications"] = insert_select(OutboundEmail, {
        "dedupe_key": "'case-event:bench:' || g.n", "kind": "'case-event'", "subject": "'s'", "status": "'sent'",
        "created_at": f"'{first}'::timestamptz + random() * interval '{days} days'",
        "sent_at": f"'{first}'::timestamptz + random() * interval '{days} days'",
    }, f"generate_series(1, {enquiries // 4}) AS g(n)")
    made["page view rows"] = insert_select(PageViewDay, {
        "day": "d.day", "language": "l.code", "page": "'guide'", "item": "'guide-' || g.n",
        "views": "floor(random() * 40)::int",
    }, f"{span} CROSS JOIN (VALUES ('pl'), ('en'), ('uk'), ('ru')) AS l(code) "
       "CROSS JOIN generate_series(1, 40) AS g(n)")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return made


def last_full_quarter(today: date) -> tuple[date, date]:
    first_this = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
    last = first_this - timedelta(days=1)
    return last.replace(month=(last.month - 1) // 3 * 3 + 1, day=1), last


def measure(repeat: int, first: date, last: date) -> dict:
    from django.test import Client

    from infopoints import services
    from infopoints.models import ReportJob
    from portal.models import User

    coordinator = User.objects.get(email="koordynator@demo.kierunek.invalid")
    client = Client()
    client.force_login(coordinator)
    url = f"/pl/staff/reports/?kind=custom&first_day={first}&last_day={last}"
    for _warm in range(2):
        assert client.get(url).status_code == 200
    times = []
    for _n in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    times.sort()
    p95 = times[max(0, round(0.95 * len(times)) - 1)]
    # The worker's part only: asking for the report (a row and a queued task) is not what takes time.
    job = ReportJob.objects.create(requested_by=coordinator, period_start=first, period_end=last)
    started = time.perf_counter()
    outcome = services.report_job_build(job_id=job.pk)
    pdf_seconds = time.perf_counter() - started
    return {"dashboard_ms_median": round(statistics.median(times), 1), "dashboard_ms_p95": round(p95, 1),
            "requests": repeat, "pdf_seconds": round(pdf_seconds, 2), "pdf_outcome": outcome}


def main() -> None:
    global DATABASE
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full year's data (default 1)")
    parser.add_argument("--repeat", type=int, default=20, help="dashboard requests measured (default 20)")
    parser.add_argument("--reuse", action="store_true", help="keep the database of an earlier run")
    parser.add_argument("--no-rollups", action="store_true", help="measure without the daily rollups")
    parser.add_argument("--database", help=f"the database to (re)create (default {DATABASE})")
    args = parser.parse_args()
    if args.database:
        DATABASE = args.database
    if not args.reuse:
        recreate_database()
    setup_django()
    from django.core.management import call_command

    today = date.today()
    first_day, last_day = today - timedelta(days=365), today - timedelta(days=1)
    made = {}
    if not args.reuse:
        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        load_base()
        made = fill(first_day, last_day, tickets=int(1_000_000 * args.scale), enquiries=int(200_000 * args.scale),
                    bookings=int(500_000 * args.scale))
        made["setup_seconds"] = round(time.perf_counter() - started, 1)
    if not args.no_rollups:
        from infopoints.models import RollupDay

        started = time.perf_counter()
        call_command("roll_up_reports", "--since", first_day.isoformat(), "--until", last_day.isoformat())
        made["rollup_seconds"] = round(time.perf_counter() - started, 1)
    else:
        from infopoints.models import BookingDay, EnquiryDay, QueueDay, QueueWaitDay, RollupDay

        for model in (RollupDay, QueueDay, QueueWaitDay, EnquiryDay, BookingDay):
            model.objects.all().delete()
    made["rolled_up_days"] = RollupDay.objects.count()
    quarter = last_full_quarter(today)
    result = {"bench": "reports", "at": datetime.now().isoformat(timespec="seconds"), "scale": args.scale,
              "quarter": [quarter[0].isoformat(), quarter[1].isoformat()], **made,
              **measure(args.repeat, *quarter)}
    print("| data | dashboard, a quarter: median | p95 | quarterly PDF |")
    print("|---|---|---|---|")
    print(f"| {made or 'reused'} | {result['dashboard_ms_median']} ms | {result['dashboard_ms_p95']} ms "
          f"| {result['pdf_seconds']} s ({result['pdf_outcome']}) |")
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    with open(results / f"{date.today().isoformat()}.jsonl", "a") as out:
        out.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
