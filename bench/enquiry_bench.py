#!/usr/bin/env python3
"""Benchmark: the staff enquiry desk over 200,000 enquiries and 1,000,000 messages on PostgreSQL, under gunicorn.

    .venv/bin/python bench/enquiry_bench.py                                # full size (a few minutes of setup)
    .venv/bin/python bench/enquiry_bench.py --enquiries 20000 --messages 100000 --duration 5   # while developing
    .venv/bin/python bench/enquiry_bench.py --reuse-db                     # keep the data of the last run

A run: (1) recreates its own PostgreSQL database (kw_enquiry_bench), migrates it and loads the demo data
(DEBUG=1, as load_demo demands); (2) streams the enquiries and their messages into it with COPY, in one
transaction, with every index and constraint the migrations make: two years of questions by phone, e-mail, the
web form, in person and by letter, in Polish, Ukrainian, Russian and English, for the helpline and every place,
most of them closed, the recent ones new, in progress, waiting or answered with deadlines around now (so that
the "overdue" and "due soon" views hold some), a quarter with a case number, 1 to 9 messages each of a few
sentences; then VACUUM ANALYZE; (3) makes a session for the demo coordinator (TOTP enrolled by load_demo) directly
in the database, as a login with the second factor would; (4) starts gunicorn in production mode (DEBUG=0,
4 sync workers, Redis database 8, port 8769); (5) checks that each URL answers 200 with what it must show,
then runs wrk against each (the minimal view first): the staff list asked again within the minute (from the
desk's cache, infopoints.desk_cache) and drawn afresh, a filtered list (a team, a status and a language) and a
full-text search (a surname among the generated people) drawn afresh, and one enquiry's page (a random one of the
generated enquiries for every request); "afresh": bench/enquiry_desk.lua adds a parameter of its own to every
request, a new cache key each time. Each page is measured twice: at saturation (--connections, 32 requests in
flight: the most requests/s the server gives) and at the desk's load (--desk-connections, 8 in flight: far more
than the office's few dozen staff clicking, yet below saturation, so latency is the page's and not the queue's);
all of it in --rounds rounds (3) that interleave the pages, so that a slower minute of a shared machine does not
fall on one page alone; (6) prints a Markdown table of the medians over the rounds (requests/s at saturation
and its share of the minimal view's, p95 at saturation, and requests/s, p50, p95 and p99 at the desk's load;
whether the goal is met: p95 < 200 ms at the desk's load, and for the lists at least 0.2 × the minimal view at
saturation) and appends the rows as JSON lines to bench/results/<date>.jsonl.

It uses bench/run.py's driver (environment, database, server, wrk) as bench/queue_bench.py does, with its own
database, Redis database and port, so it runs beside the other benchmarks. Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import http.client
import io
import json
import os
import random
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
RESULTS_DIR = BENCH_DIR / "results"  # git-ignored
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
HOST = "127.0.0.1"
PORT = 8769
BASE_URL = f"http://{HOST}:{PORT}"
DATABASE = "kw_enquiry_bench"
REDIS_URL = f"redis://{HOST}:6379/8"  # this benchmark's own Redis database, flushed at each run
WARSAW = ZoneInfo("Europe/Warsaw")
COORDINATOR = "koordynator@demo.kierunek.invalid"
LUA = BENCH_DIR / "enquiry_desk.lua"

P95_GOAL_MS = 200.0
LIST_SHARE_GOAL = 0.2  # a list's requests/s against the minimal view's
SEED = 2026
CHUNK = 20_000  # enquiries per COPY chunk (with their messages)
HISTORY_DAYS = 2 * 365
SEARCH_TEXT_LIMIT = 20_000  # as infopoints.services.enquiry_core.SEARCH_TEXT_LIMIT
REFERENCE_FIRST = 500_000  # generated references ZG-<year>-5xxxxx..; the demo's counters start at 1
SEARCH_SURNAME = "Kovalenko"  # one of the generated surnames: the full-text search looks it up

sys.path.insert(0, str(ROOT))

from bench import run  # noqa: E402 - the shared driver: environment, database, server

run.DATABASE_NAME = DATABASE
run.REDIS_URL = REDIS_URL
run.PORT = PORT
run.BASE_URL = BASE_URL
BenchError = run.BenchError


def say(message: str) -> None:
    print(f"enquiry-bench: {message}", file=sys.stderr, flush=True)


# --- Server ---------------------------------------------------------------------------------------------------
def fetch(path: str, cookie: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection(HOST, PORT, timeout=60)
    try:
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


# --- Data -----------------------------------------------------------------------------------------------------
TEXT = {
    "pl": {
        "names": ["Anna", "Piotr", "Olga", "Jan", "Maria", "Andrij", "Natalia", "Tomasz", "Iryna", "Paweł"],
        "surnames": ["Kowalska", "Nowak", "Kovalenko", "Wiśniewski", "Bondarenko", "Zieliński", "Shevchenko",
                     "Lewandowska", "Melnyk", "Kamiński", "Tkachenko", "Wójcik", "Kravchenko", "Mazur"],
        "subjects": ["Karta pobytu – odbiór", "Pytanie o status sprawy", "Zezwolenie na pobyt czasowy i pracę",
                     "Brakujące dokumenty", "Termin wizyty", "Opłata skarbowa", "Odciski palców",
                     "Zmiana pracodawcy", "Ponaglenie", "Wydłużenie wizy"],
        "sentences": [
            "Dzień dobry, złożyłam wniosek o zezwolenie na pobyt czasowy w marcu i nadal nie mam decyzji.",
            "Czy mogę pracować u nowego pracodawcy, zanim dostanę nową kartę pobytu?",
            "Proszę o informację, jakie dokumenty muszę jeszcze dostarczyć do sprawy.",
            "Nie mogę zarezerwować wizyty na złożenie odcisków palców, wszystkie terminy są zajęte.",
            "Czy opłatę skarbową można zapłacić przelewem i gdzie wysłać potwierdzenie?",
            "Mój paszport traci ważność w przyszłym miesiącu, co mam zrobić z kartą pobytu?",
            "Otrzymałem wezwanie do uzupełnienia braków formalnych, ale nie rozumiem, czego brakuje.",
            "Dziękuję za odpowiedź, wyślę skan umowy o pracę w tym tygodniu.",
            "Czy mogę wyjechać za granicę w czasie trwania postępowania?",
            "Proszę o przesłanie numeru sprawy, bo zgubiłam potwierdzenie złożenia wniosku.",
            "Pracodawca pyta, czy oświadczenie o powierzeniu pracy wystarczy do czasu decyzji.",
            "Chciałbym złożyć ponaglenie, bo minął termin na wydanie decyzji.",
        ],
        "replies": [
            "Dzień dobry, dziękujemy za wiadomość.",
            "Sprawa jest w trakcie rozpatrywania; decyzja zostanie wysłana pocztą na wskazany adres.",
            "Prosimy o przesłanie skanu strony paszportu ze zdjęciem w odpowiedzi na tę wiadomość.",
            "Wizytę można zarezerwować na naszej stronie w zakładce wizyt; nowe terminy publikujemy w poniedziałki.",
            "Opłatę skarbową wpłaca się na rachunek urzędu miasta; potwierdzenie należy dołączyć do wniosku.",
            "Pozdrawiamy, Wydział Spraw Cudzoziemców.",
        ],
        "notes": ["Sprawdzone w systemie: brak odcisków palców.", "Oddzwonić jutro rano.",
                  "Przekazane do działu pobytów czasowych."],
    },
    "uk": {
        "names": ["Олена", "Андрій", "Ірина", "Тарас", "Наталія", "Олег", "Марія", "Юлія", "Богдан", "Світлана"],
        "surnames": ["Коваленко", "Kovalenko", "Шевченко", "Бондаренко", "Ткаченко", "Мельник", "Кравченко",
                     "Олійник", "Поліщук", "Лисенко", "Бойко", "Савченко"],
        "subjects": ["Карта побиту", "Статус справи", "Дозвіл на роботу", "Відбитки пальців", "Запис на візит",
                     "Документи для заяви", "Зміна роботодавця", "Спеціальний закон"],
        "sentences": [
            "Добрий день, я подала заяву на тимчасовий дозвіл на проживання у березні і досі не маю рішення.",
            "Чи можу я працювати у нового роботодавця до отримання нової карти побиту?",
            "Підкажіть, будь ласка, які документи ще потрібно донести до справи.",
            "Не можу записатися на здачу відбитків пальців, усі терміни зайняті.",
            "Чи можна сплатити гербовий збір переказом і куди надіслати підтвердження?",
            "Мій паспорт закінчується наступного місяця, що робити з картою побиту?",
            "Я отримав лист про доповнення документів, але не розумію, чого бракує.",
            "Дякую за відповідь, надішлю скан трудового договору цього тижня.",
            "Чи можу я виїхати за кордон під час розгляду справи?",
            "Чи продовжено статус UKR після зміни спеціального закону?",
        ],
        "replies": [
            "Добрий день! Дякуємо за повідомлення.",
            "Справа розглядається; рішення буде надіслано поштою на вказану адресу.",
            "Надішліть, будь ласка, скан сторінки паспорта з фотографією у відповідь на цей лист.",
            "Записатися на візит можна на нашому сайті; нові терміни з'являються щопонеділка.",
            "З повагою, Відділ у справах іноземців.",
        ],
        "notes": ["Перевірено: відбитків немає.", "Передзвонити завтра."],
    },
    "ru": {
        "names": ["Ольга", "Сергей", "Анна", "Дмитрий", "Екатерина", "Алексей", "Татьяна", "Игорь"],
        "surnames": ["Иванова", "Kovalenko", "Петров", "Смирнова", "Кузнецов", "Попова", "Васильев", "Новикова",
                     "Морозов", "Волкова"],
        "subjects": ["Карта побыту", "Статус дела", "Разрешение на работу", "Отпечатки пальцев",
                     "Запись на визит", "Документы"],
        "sentences": [
            "Здравствуйте, я подала заявление на временный вид на жительство в марте и до сих пор нет решения.",
            "Могу ли я работать у нового работодателя до получения новой карты побыту?",
            "Подскажите, пожалуйста, какие документы ещё нужно донести к делу.",
            "Не могу записаться на сдачу отпечатков пальцев, все даты заняты.",
            "Можно ли оплатить гербовый сбор переводом и куда отправить подтверждение?",
            "Мой паспорт истекает в следующем месяце, что делать с картой побыту?",
            "Спасибо за ответ, отправлю скан трудового договора на этой неделе.",
            "Могу ли я выехать за границу во время рассмотрения дела?",
        ],
        "replies": [
            "Здравствуйте! Спасибо за сообщение.",
            "Дело находится на рассмотрении; решение будет отправлено почтой.",
            "Пришлите, пожалуйста, скан страницы паспорта с фотографией в ответ на это письмо.",
            "С уважением, Отдел по делам иностранцев.",
        ],
        "notes": ["Проверено в системе.", "Перезвонить в пятницу."],
    },
    "en": {
        "names": ["John", "Priya", "Ahmed", "Maria", "David", "Aisha", "Luis", "Mei", "Samuel", "Fatima"],
        "surnames": ["Smith", "Kovalenko", "Patel", "Garcia", "Khan", "Nguyen", "Okafor", "Silva", "Chen"],
        "subjects": ["Residence card collection", "Case status", "Work permit", "Fingerprints appointment",
                     "Missing documents", "Stamp duty", "Change of employer"],
        "sentences": [
            "Hello, I applied for a temporary residence permit in March and still have no decision.",
            "May I start working for a new employer before I receive my new residence card?",
            "Could you tell me which documents I still need to bring for my case?",
            "I cannot book an appointment to give my fingerprints, every date is taken.",
            "Can the stamp duty be paid by bank transfer, and where do I send the confirmation?",
            "My passport expires next month; what happens to my residence card?",
            "Thank you for your answer, I will send the scan of my employment contract this week.",
            "Can I travel abroad while my application is being processed?",
        ],
        "replies": [
            "Hello, thank you for your message.",
            "Your case is being processed; the decision will be sent by post to the address you gave.",
            "Please send us a scan of your passport's photo page in reply to this message.",
            "Kind regards, Foreigners' Affairs Department.",
        ],
        "notes": ["Checked: fingerprints missing.", "Call back on Monday."],
    },
}
LANGUAGES = ["pl"] * 35 + ["uk"] * 35 + ["ru"] * 15 + ["en"] * 15
CHANNELS = ["email"] * 35 + ["web"] * 25 + ["phone"] * 25 + ["in_person"] * 12 + ["letter"] * 3
PRIORITIES = ["normal"] * 90 + ["high"] * 8 + ["urgent"] * 2


def _copy_text(value) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _row(values: list) -> str:
    return "\t".join(_copy_text(value) for value in values) + "\n"


class Generator:
    """COPY rows for enquiries and their messages, reproducible from SEED."""

    def __init__(self, *, enquiries: int, messages: int, first_id: int, first_message_id: int, places: list[int],
                 topics: list[int], staff: list[int], now: datetime):
        self.enquiries, self.messages = enquiries, messages
        self.first_id, self.next_message_id = first_id, first_message_id
        self.places, self.topics, self.staff, self.now = places, topics, staff, now
        self.random = random.Random(SEED)
        self.messages_left = messages
        self.year_numbers: dict[int, int] = {}

    def message_count(self, index: int) -> int:
        """1 to 9 messages, averaging messages/enquiries, and exactly `messages` in all."""
        remaining_enquiries = self.enquiries - index
        if remaining_enquiries == 1:
            return max(1, self.messages_left)
        average = self.messages_left / remaining_enquiries
        low, high = 1, 9
        count = round(self.random.triangular(low, high, min(high, max(low, 3 * average - low - high))))
        return max(1, min(count, self.messages_left - (remaining_enquiries - 1), 9))

    def chunk(self, start: int, stop: int) -> tuple[str, str]:
        rnd = self.random
        enquiries, messages = io.StringIO(), io.StringIO()
        for index in range(start, stop):
            pk = self.first_id + index
            # Older enquiries first: pk order follows creation, as in real use.
            age = timedelta(days=HISTORY_DAYS * (1 - (index + rnd.random()) / self.enquiries))
            created = self.now - age
            language = rnd.choice(LANGUAGES)
            text = TEXT[language]
            channel = rnd.choice(CHANNELS)
            priority = rnd.choice(PRIORITIES)
            place = None if rnd.random() < 0.4 or not self.places else rnd.choice(self.places)
            topic = None if rnd.random() < 0.2 or not self.topics else rnd.choice(self.topics)
            name = f"{rnd.choice(text['names'])} {rnd.choice(text['surnames'])}"
            email = f"person{pk}@example.org" if channel in ("email", "web") else ""
            phone = f"+48 {rnd.randrange(500, 900)} {rnd.randrange(100, 1000)} {rnd.randrange(100, 1000)}" \
                if channel == "phone" or rnd.random() < 0.2 else ""
            case_number = f"WSC-II-S.6151.{rnd.randrange(1, 40000)}.{created.year}" if rnd.random() < 0.25 else ""
            subject = rnd.choice(text["subjects"])
            year = created.year
            self.year_numbers[year] = self.year_numbers.get(year, REFERENCE_FIRST) + 1
            reference = f"ZG-{year}-{self.year_numbers[year]:06d}"
            days_old = age.total_seconds() / 86400
            if days_old > 30:
                status = "closed" if rnd.random() < 0.97 else "answered"
            else:
                status = rnd.choice(["new", "new", "in_progress", "in_progress", "waiting", "answered", "closed",
                                     "closed"])
            first_due = created + timedelta(hours=8 if priority == "normal" else 4)
            resolution_due = created + timedelta(days=5 if priority == "normal" else 2)
            count = self.message_count(index)
            self.messages_left -= count
            moment = created
            responded = None
            bodies = []
            for number in range(count):
                if number == 0:
                    kind, author = "incoming", None
                else:
                    kind = rnd.choice(["outgoing", "outgoing", "incoming", "note"])
                    author = rnd.choice(self.staff) if kind != "incoming" else None
                if status == "new" and kind != "incoming":
                    kind, author = "incoming", None  # nobody has answered a new one yet
                moment = min(self.now, moment + timedelta(minutes=rnd.randrange(5, 60 * 30)))
                if kind == "outgoing" and responded is None:
                    responded = moment
                pool = text["sentences"] if kind == "incoming" else text["replies"] if kind == "outgoing" \
                    else text["notes"]
                body = " ".join(rnd.choice(pool) for _ in range(rnd.randint(1, 5) if kind != "note" else 1))
                if kind == "incoming" and number == 0:
                    body = f"{body}\n\n{name}"
                bodies.append(body)
                messages.write(_row([self.next_message_id, pk, kind, author, body, "", "", 0, moment]))
                self.next_message_id += 1
            due = resolution_due if responded else first_due
            assignee = rnd.choice(self.staff) if status != "new" and rnd.random() < 0.8 else None
            closed_at = moment if status == "closed" else None
            resolved = moment if status in ("closed", "answered") else None
            paused_at = moment if status == "waiting" else None
            search = " ".join(v for v in (reference, subject, name, email, phone, case_number) if v)
            search = "\n".join([search, *bodies])
            if len(search) > SEARCH_TEXT_LIMIT:
                head = SEARCH_TEXT_LIMIT // 10
                search = search[:head] + "\n" + search[-(SEARCH_TEXT_LIMIT - head - 1):]
            values = {
                "id": pk, "reference": reference, "channel": channel, "language": language, "topic_id": topic,
                "subject": subject, "case_number": case_number, "requester_name": name, "requester_email": email,
                "requester_phone": phone, "place_id": place, "status": status, "priority": priority,
                "assignee_id": assignee, "first_response_due": first_due, "resolution_due": resolution_due,
                "due_at": due, "first_responded_at": responded, "resolved_at": resolved, "clock_started_at": created,
                "paused_seconds": 0, "paused_at": paused_at, "closed_at": closed_at, "last_activity_at": moment,
                "partner_id": None, "merged_into_id": None,
                "suggestions_shown": rnd.randrange(0, 6) if channel == "web" else None,
                "link_key": secrets.token_urlsafe(12), "search_text": search, "jsm_issue_key": "",
                "created_at": created, "erased_at": None,
            }
            enquiries.write(_row([values[column] for column in self.enquiry_columns]))
        return enquiries.getvalue(), messages.getvalue()

    enquiry_columns: list[str] = []
    message_columns = ["id", "enquiry_id", "kind", "author_id", "body", "email_message_id", "jsm_comment_id",
                       "attachment_count", "created_at"]


def fill(*, enquiries: int, messages: int) -> dict:
    """COPY the enquiries and messages in (Django set up in this process), then VACUUM ANALYZE."""
    from django.db import connection, transaction

    from infopoints.models import Enquiry, EnquiryMessage
    from portal import roles
    from portal.models import Category, Place, User

    columns = [field.column for field in Enquiry._meta.concrete_fields]
    Generator.enquiry_columns = columns
    message_columns = {field.column for field in EnquiryMessage._meta.concrete_fields}
    if message_columns != set(Generator.message_columns):
        raise BenchError(f"EnquiryMessage's columns changed: {sorted(message_columns)}; update the generator")
    staff = list(User.objects.filter(groups__name__in=[roles.HOTLINE_CONSULTANT, roles.INFO_POINT_STAFF,
                                                       roles.COORDINATOR]).values_list("pk", flat=True).distinct())
    started = time.monotonic()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {Enquiry._meta.db_table}")  # noqa: S608
        first_id = cursor.fetchone()[0] + 1
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {EnquiryMessage._meta.db_table}")  # noqa: S608
        first_message_id = cursor.fetchone()[0] + 1
        generator = Generator(
            enquiries=enquiries, messages=messages, first_id=first_id, first_message_id=first_message_id,
            places=list(Place.objects.values_list("pk", flat=True)),
            topics=list(Category.objects.values_list("pk", flat=True)), staff=sorted(staff),
            now=datetime.now(UTC),
        )
        raw = cursor.cursor  # the psycopg 3 cursor under Django's wrapper: it speaks COPY
        for start in range(0, enquiries, CHUNK):
            try:
                enquiry_rows, message_rows = generator.chunk(start, min(enquiries, start + CHUNK))
            except KeyError as missing:
                raise BenchError(f"Enquiry has a column the generator does not fill: {missing}") from missing
            with raw.copy(f"COPY {Enquiry._meta.db_table} ({', '.join(columns)}) FROM STDIN") as copy:
                copy.write(enquiry_rows)
            message_copy = f"COPY {EnquiryMessage._meta.db_table} ({', '.join(Generator.message_columns)}) FROM STDIN"
            with raw.copy(message_copy) as copy:
                copy.write(message_rows)
            say(f"{min(enquiries, start + CHUNK)} enquiries written ({time.monotonic() - started:.0f} s)")
        for table, last in ((Enquiry._meta.db_table, first_id + enquiries - 1),
                            (EnquiryMessage._meta.db_table, generator.next_message_id - 1)):
            cursor.execute("SELECT setval(pg_get_serial_sequence(%s, 'id'), %s)", [table, last])
    copied = time.monotonic() - started
    with connection.cursor() as cursor:
        # VACUUM too: the visibility map lets index-only scans skip the heap, as on a long-running database.
        cursor.execute(f"VACUUM ANALYZE {Enquiry._meta.db_table}")
        cursor.execute(f"VACUUM ANALYZE {EnquiryMessage._meta.db_table}")
    say(f"{enquiries} enquiries, {messages} messages: COPY {copied:.0f} s, "
        f"VACUUM ANALYZE {time.monotonic() - started - copied:.0f} s")
    return {"first_id": first_id, "last_id": first_id + enquiries - 1, "copy_seconds": round(copied, 1),
            "total_seconds": round(time.monotonic() - started, 1)}


def coordinator_session() -> str:
    """A session of the demo coordinator (TOTP enrolled by load_demo), as after a login with the second factor."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from portal.models import User

    user = User.objects.get(email=COORDINATOR)
    if not user.authenticator_set.filter(type="totp").exists():
        raise BenchError("the demo coordinator has no TOTP: did load_demo change?")
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"sessionid={session.session_key}"


def pick_targets(first_id: int, last_id: int) -> dict:
    """The filtered list's team, status and language: the helpline's new Ukrainian enquiries."""
    from infopoints.models import Enquiry

    helpline_new_uk = Enquiry.objects.filter(place__isnull=True, status="new", language="uk").count()
    search_hits = Enquiry.objects.filter(search_text__contains=SEARCH_SURNAME).count()
    return {"helpline_new_uk": helpline_new_uk, "search_hits_all_statuses": search_hits,
            "first_id": first_id, "last_id": last_id}


def setup_django(env: dict[str, str]) -> None:
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# --- wrk ------------------------------------------------------------------------------------------------------
_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def parse_wrk(output: str) -> dict:
    def find(pattern: str) -> re.Match:
        match = re.search(pattern, output, re.MULTILINE)
        if match is None:
            raise BenchError(f"cannot read wrk's output (looked for {pattern!r}):\n{output}")
        return match

    def ms(value: str, unit: str) -> float:
        return round(float(value) * _UNIT_MS[unit], 3)

    duration = r"([\d.]+)(us|ms|s|m)"
    percentiles = {f"p{pct}": ms(*find(rf"^\s*{pct}%\s+{duration}").groups()) for pct in (50, 75, 90, 99)}
    script = find(r"^script: (\d+) expected, (\d+) unexpected \(p95_ms ([\d.]+); (.*)\)$")
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "requests_per_second": float(find(r"^Requests/sec:\s+([\d.]+)").group(1)),
        "latency_ms": {**percentiles, "p95": round(float(script.group(3)), 3)},
        "requests": int(find(r"^\s*(\d+) requests in").group(1)),
        "socket_errors": sum(int(count) for count in sockets.groups()) if sockets else 0,
        "expected": int(script.group(1)),
        "unexpected": int(script.group(2)),
        "detail": script.group(4),
    }


def run_wrk(wrk: str, path: str, *, cookie: str, duration: int, connections: int, args: list[str]) -> dict:
    command = [wrk, "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "--latency",
               "-H", f"Cookie: {cookie}", "-s", str(LUA), BASE_URL + path]
    if args:
        command += ["--", *args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60)  # noqa: S603
    if result.returncode != 0:
        raise BenchError(f"wrk failed on {path}:\n{result.stdout}{result.stderr}")
    return parse_wrk(result.stdout)


# --- The run --------------------------------------------------------------------------------------------------
def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--enquiries", type=int, default=200_000, help="enquiries to generate (default 200,000)")
    parser.add_argument("--messages", type=int, default=1_000_000, help="messages in all (default 1,000,000)")
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per URL and load (default 10)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds over all URLs; medians are shown (default 3)")
    parser.add_argument("--warmup", type=int, default=2, help="unmeasured seconds before each measure (default 2)")
    parser.add_argument("--connections", type=int, default=32,
                        help="wrk connections at saturation, for requests/s (default 32)")
    parser.add_argument("--desk-connections", type=int, default=8,
                        help="wrk connections at the desk's load, for latency (default 8)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers (default 4)")
    parser.add_argument("--reuse-db", action="store_true", help=f"keep {DATABASE} and its data from the last run")
    options = parser.parse_args(argv)
    if not 1 <= options.enquiries <= 900_000 or not options.enquiries <= options.messages <= 9 * options.enquiries:
        parser.error("--enquiries: 1 to 900,000; --messages: between --enquiries and 9 × --enquiries")
    wrk = shutil.which("wrk")
    if wrk is None:
        raise BenchError("wrk is missing: apt-get install -y wrk")
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    env = run.base_env(secret_key=secrets.token_urlsafe(48))
    run.flush_cache()
    data = {}
    setup_env = {**env, "DEBUG": "1"}
    if not options.reuse_db:
        run.recreate_database()
    run.manage("migrate", "--noinput", env=setup_env)  # with --reuse-db: the migrations added since (indexes)
    if not options.reuse_db:
        run.manage("load_demo", env=setup_env)
    run.manage("collectstatic", "--noinput", "-v", "0", env=env)
    setup_django(env)
    from django.db import connection

    from infopoints.models import Enquiry, EnquiryMessage

    if options.reuse_db:
        bench_ids = Enquiry.objects.filter(reference__regex=r"^ZG-[0-9]{4}-5").order_by("pk")
        first, last = bench_ids.values_list("pk", flat=True).first(), bench_ids.values_list("pk", flat=True).last()
        if first is None:
            raise BenchError("no generated enquiries in the database: run without --reuse-db")
        data = {"first_id": first, "last_id": last, "reused": True}
    else:
        data = fill(enquiries=options.enquiries, messages=options.messages)
    cookie = coordinator_session()
    facts = pick_targets(data["first_id"], data["last_id"])
    counts = {"enquiries": Enquiry.objects.count(), "messages": EnquiryMessage.objects.count()}
    connection.close()

    filtered = "/pl/staff/enquiries/?team=helpline&status=new&language=uk"
    ids = [str(data["first_id"]), str(data["last_id"])]
    # (label, path, wrk script arguments, share goal, what the page must show). "fresh": every request a new cache
    # key, so the list is drawn each time (a new search, a list nobody opened this minute).
    targets = [
        ("minimal view", "/bench/minimal/", [], None, "ok"),
        ("staff list (all open), again within the minute", "/pl/staff/enquiries/", [], LIST_SHARE_GOAL,
         'class="reference"'),
        ("staff list (all open), drawn", "/pl/staff/enquiries/", ["fresh"], LIST_SHARE_GOAL, 'class="reference"'),
        ("filtered list (helpline, new, Ukrainian), drawn", filtered, ["fresh"], LIST_SHARE_GOAL,
         'class="reference"'),
        (f"full-text search ({SEARCH_SURNAME}), drawn", f"/pl/staff/enquiries/?q={SEARCH_SURNAME}", ["fresh"], None,
         SEARCH_SURNAME),
        ("one enquiry's page (random)", "/", ids, None, None),
    ]
    loads = [options.connections, options.desk_connections]
    started = datetime.now(WARSAW)
    server = run.start_server(env=env, workers=options.workers, log_path=RESULTS_DIR / "gunicorn-enquiry.log")
    rows = []
    try:
        for _label, path, args, _share, must_show in targets:
            check_path = f"/pl/staff/enquiries/{data['last_id']}/" if args == ids else path
            status, body = fetch(check_path, cookie)
            if status != 200 or (must_show and must_show not in body):
                raise BenchError(f"{check_path} answered {status} without {must_show!r}: nothing worth measuring")
        # Rounds interleave the pages, so that a slower minute of a shared machine does not fall on one page
        # alone; the table gives each figure's median over the rounds.
        for round_number in range(1, options.rounds + 1):
            for label, path, args, _share_goal, _must_show in targets:
                for connections in loads:
                    if options.warmup:
                        run_wrk(wrk, path, cookie=cookie, duration=options.warmup, connections=connections,
                                args=args)
                    say(f"round {round_number}: {label} at {connections} connections ({options.duration} s)")
                    load = os.getloadavg()[0]
                    figures = run_wrk(wrk, path, cookie=cookie, duration=options.duration, connections=connections,
                                      args=args)
                    rows.append({"date": started.date().isoformat(),
                                 "started_at": started.isoformat(timespec="seconds"), "round": round_number,
                                 "scenario": "enquiries", "label": label, "path": path, "fresh": "fresh" in args,
                                 **figures, "load_average_before": round(load, 2), "data": {**counts, **facts},
                                 "load": {"connections": connections, "duration_s": options.duration,
                                          "workers": options.workers}, "machine": run.machine_facts()})
    finally:
        run.stop_server(server)
    table = judge(rows, targets, saturation=options.connections, desk=options.desk_connections)
    with (RESULTS_DIR / f"{started.date().isoformat()}.jsonl").open("a") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{counts['enquiries']:,} enquiries, {counts['messages']:,} messages; load average "
          f"{os.getloadavg()[0]:.2f} at the end; {facts}")
    print(table)
    return 0 if all(row["unexpected"] + row["socket_errors"] == 0 for row in rows) else 1


def _median_row(measured: list[dict]) -> dict:
    """The median of each figure over the rounds (answers counted over all of them)."""
    return {
        "requests_per_second": statistics.median(row["requests_per_second"] for row in measured),
        "latency_ms": {name: statistics.median(row["latency_ms"][name] for row in measured)
                       for name in measured[0]["latency_ms"]},
        "expected": sum(row["expected"] for row in measured),
    }


def judge(rows: list[dict], targets: list, *, saturation: int, desk: int) -> str:
    """The Markdown table: per page, requests/s at saturation and its share of the minimal view's (the lists'
    goal), and the latency at the desk's load (the p95 goal). A page that answered nothing meets nothing."""
    rounds: dict[tuple[str, int], list[dict]] = {}
    for row in rows:
        rounds.setdefault((row["label"], row["load"]["connections"]), []).append(row)
    by = {key: _median_row(measured) for key, measured in rounds.items()}
    base = by[(targets[0][0], saturation)]["requests_per_second"]
    lines = [
        f"| Page | Requests/s at {saturation} connections | vs minimal view | p95 at {saturation} (ms) "
        f"| Requests/s at {desk} | p50 at {desk} (ms) | p95 at {desk} (ms) | p99 at {desk} (ms) | Goal met |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for index, (label, path, args, share_goal, _must_show) in enumerate(targets):
        busy, calm = by[(label, saturation)], by[(label, desk)]
        share = busy["requests_per_second"] / base if base else 0.0
        answered = busy["expected"] > 0 and calm["expected"] > 0
        met = answered and calm["latency_ms"]["p95"] < P95_GOAL_MS and (share_goal is None or share >= share_goal)
        for row in rounds[(label, saturation)] + rounds[(label, desk)]:
            row["relative_to_minimal"] = round(row["requests_per_second"] / base, 4) if base else 0.0
            row["goal_met"] = None if index == 0 else met
        goal = "–" if index == 0 else ("yes" if met else "**no**")
        shown = "random enquiry" if args and args[0] != "fresh" else path
        lines.append(
            f"| {label} `{shown}` | {busy['requests_per_second']:,.0f} | {share:.0%} | "
            f"{busy['latency_ms']['p95']:,.0f} | {calm['requests_per_second']:,.0f} | "
            f"{calm['latency_ms']['p50']:,.1f} | {calm['latency_ms']['p95']:,.1f} | {calm['latency_ms']['p99']:,.1f} | "
            f"{goal} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    if Path(sys.prefix).resolve() != VENV.resolve():
        os.execv(PYTHON, [str(PYTHON), __file__, *sys.argv[1:]])  # noqa: S606
    try:
        sys.exit(main(sys.argv[1:]))
    except BenchError as exc:
        print(f"enquiry-bench: {exc}", file=sys.stderr)
        sys.exit(1)
