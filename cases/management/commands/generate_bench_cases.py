"""Benchmark data: a million cases and five million status events, streamed into PostgreSQL with COPY.

    DEBUG=1 python manage.py generate_bench_cases --cases 1000000 --events 5000000 [--replace]

Run after `load_demo`: the cases reuse the demo's status catalogue, procedures and the (procedure, place) pairs of
the demo cases, whose processing times the demo has already computed. Only the bench's own cases are created or
replaced; the demo cases stay. Every bench case can be looked up with the same published access code
(BENCH_ACCESS_CODE): that is why the command runs only with DEBUG=1 and only on PostgreSQL.

Rows are written as COPY text in chunks, cases and then their events, all in one transaction; no index or
constraint is dropped, so the figures are those of the tables as the migrations make them. ANALYZE follows.
"""

import random
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from cases import codes
from cases.models import Case, CaseStatus, StatusEvent

# The one access code of every bench case. It is hashed once (codes.access_code_hash, keyed with
# settings.HASHING_KEY) and the same hash is written to all rows: hashing a million codes would take minutes
# and measure nothing. bench/run.py and bench/case_lookup.lua send this code; keep them in step.
BENCH_ACCESS_CODE = "BENCH-CASES"
# Bench case numbers: WSC-II-S.6151.<serial>.2025 with a seven-digit serial from 1000000 on. The demo's numbers
# have four-digit serials, so the two never collide, and a LIKE on the lookup key finds the bench cases only.
NUMBER_TEMPLATE = "WSC-II-S.6151.{serial}.2025"
FIRST_SERIAL = 1_000_000
MAX_CASES = 9_000_000  # the serial stays seven digits long
BENCH_KEY_PATTERN = "WSCIIS6151" + "_" * 7 + "2025"
CHUNK_CASES = 50_000
HISTORY_DAYS = 2 * 365  # cases were filed over the last two years
DAYS_PER_STEP = 30  # the events of a case are spread over about this many days each
SEED = 2025
NULL = r"\N"
# SQL here is built with f-strings only from the models' table and column names; values are always parameters.


class Command(BaseCommand):
    help = "Create many cases with status events for the benchmarks (PostgreSQL, DEBUG=1, after load_demo)."

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, default=1_000_000, help="cases to create (default 1000000)")
        parser.add_argument("--events", type=int, default=5_000_000, help="status events in all (default 5000000)")
        parser.add_argument("--replace", action="store_true", help="delete the bench cases of an earlier run first")

    def handle(self, *args, cases: int, events: int, replace: bool, **options):
        if connection.vendor != "postgresql":
            raise CommandError("generate_bench_cases streams rows with PostgreSQL's COPY: point DATABASE_URL at it.")
        if not settings.DEBUG:
            raise CommandError("Bench cases share a published access code: run this only with DEBUG=1.")
        path = _happy_path()
        if not 1 <= cases <= MAX_CASES:
            raise CommandError(f"--cases must be between 1 and {MAX_CASES}.")
        if not cases <= events <= cases * len(path):
            raise CommandError(
                f"--events must be between --cases and {len(path)} per case (the stages of the catalogue)."
            )
        pairs = _procedure_place_pairs()

        started = time.monotonic()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {Case._meta.db_table} IN EXCLUSIVE MODE")
            existing = _bench_case_count(cursor)
            if existing and not replace:
                raise CommandError(f"{existing} bench cases exist already: add --replace to create them anew.")
            if existing:
                self._say(f"deleting {existing} bench cases of an earlier run", started)
                _delete_bench_cases(cursor)
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {Case._meta.db_table}")  # noqa: S608
            first_id = cursor.fetchone()[0] + 1
            writer = _Writer(path=path, pairs=pairs, cases=cases, events=events, first_id=first_id)
            raw = cursor.cursor  # the psycopg 3 cursor under Django's wrapper: it speaks COPY
            for start in range(0, cases, CHUNK_CASES):
                case_rows, event_rows = writer.chunk(start, min(cases, start + CHUNK_CASES))
                with raw.copy(f"COPY {Case._meta.db_table} ({', '.join(writer.case_columns)}) FROM STDIN") as copy:
                    copy.write(case_rows)
                event_copy = f"COPY {StatusEvent._meta.db_table} ({', '.join(writer.event_columns)}) FROM STDIN"
                with raw.copy(event_copy) as copy:
                    copy.write(event_rows)
                if (start // CHUNK_CASES) % 4 == 3:
                    self._say(f"{min(cases, start + CHUNK_CASES)} cases written", started)
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence(%s, 'id'), %s)", [Case._meta.db_table, first_id + cases - 1]
            )
            self._say(f"{cases} cases and {writer.events_written} events written; committing", started)
        copied = time.monotonic()
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {Case._meta.db_table}")
            cursor.execute(f"ANALYZE {StatusEvent._meta.db_table}")
        self._say("analyzed", started)
        self.stdout.write(
            f"Generated {cases} cases and {writer.events_written} events in {time.monotonic() - started:.0f} s "
            f"(COPY and commit {copied - started:.0f} s, ANALYZE {time.monotonic() - copied:.0f} s). "
            f"Numbers {NUMBER_TEMPLATE.format(serial=FIRST_SERIAL)} to "
            f"{NUMBER_TEMPLATE.format(serial=FIRST_SERIAL + cases - 1)}, access code {BENCH_ACCESS_CODE}."
        )

    def _say(self, message: str, started: float) -> None:
        self.stdout.write(f"[{time.monotonic() - started:6.1f} s] {message}")


def _happy_path() -> list[CaseStatus]:
    """One status per stage, the first that is not a refusal or discontinuation: the path most cases take."""
    path: dict[int, CaseStatus] = {}
    for status in CaseStatus.objects.exclude(
        outcome__in=[CaseStatus.Outcome.NEGATIVE, CaseStatus.Outcome.DISCONTINUED]
    ).order_by("stage", "order", "code"):
        path.setdefault(status.stage, status)
    if len(path) < 2:
        raise CommandError("The status catalogue is empty or nearly so: run load_demo first.")
    return list(path.values())


def _procedure_place_pairs() -> list[tuple[int, int]]:
    """The (procedure, place) pairs of the demo cases: offices that handle such cases, with processing times."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT DISTINCT procedure_id, place_id FROM {Case._meta.db_table} WHERE number_key NOT LIKE %s",  # noqa: S608
            [BENCH_KEY_PATTERN],
        )
        pairs = sorted(tuple(row) for row in cursor.fetchall())
    if not pairs:
        raise CommandError("No demo cases to take procedures and places from: run load_demo first.")
    return pairs


def _bench_case_count(cursor) -> int:
    table = Case._meta.db_table
    cursor.execute(f"SELECT COUNT(*) FROM {table} WHERE number_key LIKE %s", [BENCH_KEY_PATTERN])  # noqa: S608
    return cursor.fetchone()[0]


def _delete_bench_cases(cursor) -> None:
    """Delete the bench cases and whatever refers to them (events, subscriptions), in bulk rather than per row."""
    bench_ids = f"SELECT id FROM {Case._meta.db_table} WHERE number_key LIKE %s"  # noqa: S608
    for relation in Case._meta.related_objects:
        if relation.one_to_many and relation.field.model is not Case:
            table, column = relation.related_model._meta.db_table, relation.field.column
            cursor.execute(f"DELETE FROM {table} WHERE {column} IN ({bench_ids})", [BENCH_KEY_PATTERN])  # noqa: S608
    cursor.execute(f"DELETE FROM {Case._meta.db_table} WHERE number_key LIKE %s", [BENCH_KEY_PATTERN])  # noqa: S608


class _Writer:
    """COPY text for chunks of bench cases and their events, reproducible from SEED and the chunk's start."""

    def __init__(self, *, path: list[CaseStatus], pairs: list[tuple[int, int]], cases: int, events: int, first_id: int):
        self.path = path
        self.pairs = pairs
        self.first_id = first_id
        self.cases = cases
        self.per_case, self.extra = divmod(events, cases)  # the first `extra` cases get one event more
        self.events_written = 0
        now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
        self.hours = HISTORY_DAYS * 24
        warsaw = ZoneInfo(settings.TIME_ZONE)
        # Events fall on whole hours: the timestamp and the local date of every hour of the two years, formatted
        # once, so that millions of rows cost a list lookup each.
        moments = [now - timedelta(hours=self.hours - 1 - index) for index in range(self.hours)]
        self.stamps = [moment.strftime("%Y-%m-%d %H:%M:%S+00") for moment in moments]
        self.local_days = [moment.astimezone(warsaw).date().isoformat() for moment in moments]
        created_at = now.strftime("%Y-%m-%d %H:%M:%S+00")
        languages = [code for code, _name in settings.LANGUAGES]
        code_hash = codes.access_code_hash(BENCH_ACCESS_CODE)

        # Column -> value (or a function of the row) for every column; nullable columns not named get NULL, and a
        # NOT NULL column the code does not know of (a later migration) stops the command instead of COPY failing.
        case_values = {
            "id": None,
            "number": None,
            "number_key": None,
            "procedure_id": None,
            "place_id": None,
            "filed_on": None,
            "status_id": None,
            "status_changed_at": None,
            "final_at": None,
            "access_code_hash": code_hash,
            "contact_email": "",
            "contact_language": None,
            "created_at": created_at,
        }
        event_values = {
            "case_id": None,
            "status_id": None,
            "occurred_at": None,
            "note_to_applicant": "",
            # modeltranslation mirrors the field into the default language's column, as the ORM's rows show.
            f"note_to_applicant_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}": "",
            "internal_note": "",
            "channel": StatusEvent.Channel.IMPORT.value,
            "recorded_at": None,
        }
        self.case_columns = _columns(Case, case_values)
        self.event_columns = _columns(StatusEvent, event_values, skip={"id"})
        self._case_constants = case_values
        self._event_constants = event_values
        self.languages = languages

    def chunk(self, start: int, stop: int) -> tuple[bytes, bytes]:
        rng = random.Random(SEED * 1_000_003 + start)
        path, stamps, local_days, hours = self.path, self.stamps, self.local_days, self.hours
        case_lines: list[str] = []
        event_lines: list[str] = []
        case_template = "\t".join(f"{{{column}}}" for column in self.case_columns) + "\n"
        event_template = "\t".join(f"{{{column}}}" for column in self.event_columns) + "\n"
        # Constants as given, NULL for the rest; the loop fills in what varies from row to row.
        case_fixed = {column: _copy_text(self._case_constants.get(column)) for column in self.case_columns}
        event_fixed = {column: _copy_text(self._event_constants.get(column)) for column in self.event_columns}
        jitter = 0
        for index in range(start, stop):
            count = self.per_case + (1 if index < self.extra else 0)
            # The two cases of a pair differ from the mean by the same amount in opposite directions: histories
            # of 1 to len(path) events, and the total exactly as asked. Chunks start at even indexes.
            if index % 2 == 0:
                partner = self.per_case + (1 if index + 1 < self.extra else 0)
                same = partner == count and index + 1 < self.cases
                jitter = rng.randint(0, min(count - 1, len(path) - count)) if same else 0
                count += jitter
            else:
                count -= jitter
            filed = rng.randrange(0, hours - count)
            last = min(hours - 1, filed + count * DAYS_PER_STEP * 24)
            moments = [filed, *sorted(rng.sample(range(filed + 1, last + 1), count - 1))]
            case_id = self.first_id + index
            serial = FIRST_SERIAL + index
            number = NUMBER_TEMPLATE.format(serial=serial)
            procedure_id, place_id = self.pairs[rng.randrange(len(self.pairs))]
            status = path[count - 1]
            changed = stamps[moments[-1]]
            row = {
                **case_fixed,
                "id": case_id,
                "number": number,
                "number_key": codes.number_key(number),
                "procedure_id": procedure_id,
                "place_id": place_id,
                "filed_on": local_days[filed],
                "status_id": status.pk,
                "status_changed_at": changed,
                "final_at": changed if status.is_final else NULL,
                "contact_language": self.languages[rng.randrange(len(self.languages))],
            }
            case_lines.append(case_template.format_map(row))
            for step, moment in enumerate(moments):
                stamp = stamps[moment]
                event = {
                    **event_fixed,
                    "case_id": case_id,
                    "status_id": path[step].pk,
                    "occurred_at": stamp,
                    "recorded_at": stamp,
                }
                event_lines.append(event_template.format_map(event))
            self.events_written += count
        return "".join(case_lines).encode(), "".join(event_lines).encode()


def _copy_text(value) -> str:
    return NULL if value is None else str(value)


def _columns(model, values: dict, skip: frozenset[str] | set[str] = frozenset()) -> list[str]:
    columns = []
    for field in model._meta.concrete_fields:
        if field.column in skip:
            continue
        if field.column not in values and not field.null:
            raise CommandError(
                f"{model._meta.db_table}.{field.column} is NOT NULL and generate_bench_cases does not fill it: "
                "add it to the command."
            )
        columns.append(field.column)
    return columns
