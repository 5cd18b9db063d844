"""Demo cases: the status catalogue, procedures, a case in every status and a year of finished cases.

The finished cases are what the processing-time figures are computed from, so the result page shows them at
once. Everything is generated from a fixed seed: running it again gives the same cases and creates nothing twice.
"""

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from cases import codes, services
from cases.demo_catalogue import PROCEDURES, STATUSES
from cases.models import Case, CaseStatus, IntegrationToken, Procedure, StatusEvent
from portal.models import Guide, Place

LANGUAGES = ("pl", "en", "uk", "ru")
CASE_PLACES = [
    "poznan-foreigners-department",
    "kalisz-branch-office",
    "konin-branch-office",
    "leszno-branch-office",
    "pila-branch-office",
]
FINISHED_PER_PROCEDURE_AND_PLACE = 12
DEMO_CODE_PREFIX = "DEMKW-"
# Suffixes from the access-code alphabet, one per showcase case.
SHOWCASE_SUFFIXES = "ABCDEFGHJKMNPQRSTUVWXYZ"
# The three cases the run command prints: a visit to book (the card's collection), an overdue case with a
# ponaglenie, a refusal.
HIGHLIGHTED = ["card-ready", "review", "decision-refused"]
# The usual path of a case, with typical days between steps (the generator varies them).
HAPPY_PATH = [
    ("filed", 0),
    ("formal-check", 3),
    ("personal-appearance", 20),
    ("review", 25),
    ("opinions-requested", 10),
    ("decision-granted", 40),
    ("card-production", 5),
    ("card-ready", 20),
    ("closed", 10),
]


@transaction.atomic
def load(stdout) -> None:
    statuses = catalogue_load()
    procedures = procedures_load()
    places = {place.slug: place for place in Place.objects.filter(slug__in=CASE_PLACES)}
    if not Case.objects.filter(number__startswith="WSC-II").exists():
        _finished_cases(statuses, procedures, places)
        _showcase_cases(statuses, procedures, places)
    services.processing_times_refresh()
    stdout.write("Demo cases (case number / access code) at /pl/case-status/:\n")
    for index, code in enumerate(HIGHLIGHTED):
        stdout.write(f"  {_showcase_number(index)} / {_showcase_code(index)}   ({statuses[code].name_en})\n")
    _api_tokens_load(places)
    stdout.write("Demo integration API tokens (docs at /api/v1/docs/):\n")
    for name, plaintext, scopes, _places in API_TOKENS:
        stdout.write(f"  {plaintext}   {name} ({', '.join(scopes)})\n")


# Tokens of the integration API known in advance, so the README's curl examples work against `./dev run`.
API_TOKENS = [
    ("Demo: a public website", "kw_demo_read", ["read"], []),
    ("Demo: UAM Welcome Center", "kw_demo_partner", ["read", "case-status", "book"], []),
    ("Demo: case management system", "kw_demo_import", ["import"], CASE_PLACES),
]


def _api_tokens_load(places: dict[str, Place]) -> None:
    for name, plaintext, scopes, place_slugs in API_TOKENS:
        if not IntegrationToken.objects.filter(name=name).exists():
            services.integration_token_create(
                name=name,
                scopes=scopes,
                plaintext=plaintext,
                places=[places[slug] for slug in place_slugs if slug in places],
                office_wide=not place_slugs,
            )


def catalogue_load() -> dict[str, CaseStatus]:
    statuses = {}
    for entry in STATUSES:
        fields = {key: entry[key] for key in ("stage", "order", "visit", "outcome", "is_final", "action_deadline_days")}
        for field in ("name", "explanation", "applicant_action"):
            for language in LANGUAGES:
                fields[f"{field}_{language}"] = entry[field][language]
        statuses[entry["code"]], _created = CaseStatus.objects.update_or_create(code=entry["code"], defaults=fields)
    return statuses


def procedures_load() -> dict[str, Procedure]:
    guides = {guide.slug: guide for guide in Guide.objects.filter(slug__in=[p["guide_slug"] for p in PROCEDURES])}
    procedures = {}
    for entry in PROCEDURES:
        fields = {
            "guide": guides.get(entry["guide_slug"]),
            "time_limit_days": entry["time_limit_days"],
            "time_limit_months": entry.get("time_limit_months"),
            "time_limit_basis": entry["time_limit_basis"],
            "name_in_polish_law": entry["name_in_polish_law"],
            **{f"name_{language}": entry["name"][language] for language in LANGUAGES},
        }
        procedures[entry["code"]], _created = Procedure.objects.update_or_create(code=entry["code"], defaults=fields)
    return procedures


def _moment(day: date, rng: random.Random) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(8 + rng.randrange(8), rng.randrange(60))))


def _finished_cases(statuses, procedures, places) -> None:
    """A year of decided cases per procedure and place, with realistic spread, for the processing-time figures."""
    rng = random.Random(2026)
    today = timezone.localdate()
    cases, paths = [], []
    serial = 0
    for procedure in procedures.values():
        slow = 2.0 if procedure.time_limit_months or (procedure.time_limit_days or 0) > 60 else 1.0
        for place_slug in CASE_PLACES:
            busy = 1.4 if place_slug == "poznan-foreigners-department" else 1.0
            for _ in range(FINISHED_PER_PROCEDURE_AND_PLACE):
                serial += 1
                path, day = [], None
                decided_on = today - timedelta(days=rng.randrange(20, 330))
                steps = list(HAPPY_PATH)
                if rng.random() < 0.25:
                    steps.insert(2, ("formal-deficiencies", 5))
                ending = rng.random()
                if ending < 0.08:
                    steps = [*steps[: steps.index(("decision-granted", 40))], ("decision-refused", 40), ("closed", 20)]
                elif ending < 0.12:
                    steps = [*steps[:3], ("not-examined", 15)]
                # Walk backwards from the decision so that every case is decided within the last 12 months.
                gaps = [max(1, round(days * slow * busy * rng.uniform(0.5, 1.8))) for _code, days in steps]
                decision_index = next(i for i, (code, _d) in enumerate(steps) if statuses[code].outcome)
                day = decided_on - timedelta(days=sum(gaps[1 : decision_index + 1]))
                for index, (code, _days) in enumerate(steps):
                    if index:
                        day = day + timedelta(days=gaps[index])
                    if day > today:
                        break
                    path.append((statuses[code], _moment(day, rng)))
                number = f"WSC-II-{rng.choice('SPR')}.6151.{serial:04d}.{path[0][1].year}"
                last_status, last_moment = path[-1]
                cases.append(
                    Case(
                        number=number,
                        number_key=codes.number_key(number),
                        procedure=procedure,
                        place=places[place_slug],
                        filed_on=timezone.localdate(path[0][1]),
                        status=last_status,
                        status_changed_at=last_moment,
                        final_at=last_moment if last_status.is_final else None,
                    )
                )
                paths.append(path)
    _save(cases, paths)


def _showcase_number(index: int) -> str:
    return f"WSC-II-S.6151.{9001 + index}.2026"


def _showcase_code(index: int) -> str:
    return DEMO_CODE_PREFIX + "CASE" + SHOWCASE_SUFFIXES[index]


def _showcase_cases(statuses, procedures, places) -> None:
    """One open case in every status, each with its own access code; the first three are printed at start-up."""
    rng = random.Random(9001)
    today = timezone.localdate()
    order = HIGHLIGHTED + [code for code in statuses if code not in HIGHLIGHTED]
    cases, paths = [], []
    path_codes = [code for code, _days in HAPPY_PATH]
    for index, code in enumerate(order):
        target = statuses[code]
        # The history up to the status: the usual path to its stage, then the status itself.
        before = [c for c in path_codes if statuses[c].stage < target.stage and c != code]
        if target.outcome and target.outcome != "positive":
            before = [c for c in before if statuses[c].stage < 60]
        if code == "appeal-forwarded":
            before = [c for c in path_codes if statuses[c].stage < 60] + ["decision-refused"]
        history = before + [code]
        if code == "review":
            # The overdue example: review began in April 2026, so the 60 days have long passed.
            days_back = [230, 225, 210, 200]
        else:
            days_back = sorted((rng.randrange(3, 200) for _ in history), reverse=True)
            days_back[-1] = min(days_back[-1], 6)
        path = []
        for status_code, back in zip(history, days_back, strict=False):
            path.append((statuses[status_code], _moment(today - timedelta(days=back), rng)))
        last_status, last_moment = path[-1]
        number = _showcase_number(index)
        cases.append(
            Case(
                number=number,
                number_key=codes.number_key(number),
                procedure=procedures["temporary-residence-work" if index % 2 == 0 else "temporary-residence-family"],
                place=places["poznan-foreigners-department"],
                filed_on=timezone.localdate(path[0][1]),
                status=last_status,
                status_changed_at=last_moment,
                final_at=last_moment if last_status.is_final else None,
                access_code_hash=codes.access_code_hash(_showcase_code(index)),
            )
        )
        paths.append(path)
    _save(cases, paths)


def _save(cases: list[Case], paths: list[list]) -> None:
    Case.objects.bulk_create(cases, batch_size=500)
    saved = {case.number_key: case for case in Case.objects.filter(number_key__in=[c.number_key for c in cases])}
    StatusEvent.objects.bulk_create(
        [
            StatusEvent(
                case=saved[case.number_key], status=status, occurred_at=moment, channel=StatusEvent.Channel.DEMO
            )
            for case, path in zip(cases, paths, strict=True)
            for status, moment in path
        ],
        batch_size=1000,
    )
