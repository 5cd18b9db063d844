"""How long cases took, per procedure and place: recomputed nightly from the history of decided cases."""

import statistics
from collections import defaultdict
from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from cases import result_cache
from cases.models import ProcessingTime, Stage, StatusEvent


def processing_times_refresh(*, today: date | None = None) -> int:
    """Recompute how long cases took over the last 12 months, per procedure and place; returns rows written.

    Runs nightly in Celery beat. It reads the events of decided cases once, in order, in chunks, so it stays
    within memory on millions of rows; a lookup then reads a handful of precomputed rows.
    """
    today = today or timezone.localdate()
    since = timezone.make_aware(datetime.combine(today - timedelta(days=365), datetime.min.time()))
    whole: dict[tuple[int, int], list[int]] = defaultdict(list)
    per_stage: dict[tuple[int, int, int], list[int]] = defaultdict(list)

    decided_recently = StatusEvent.objects.filter(occurred_at__gte=since).exclude(status__outcome="").values("case_id")
    events = (
        StatusEvent.objects.filter(case_id__in=decided_recently)
        .order_by("case_id", "occurred_at", "pk")
        .values_list(
            "case_id",
            "case__procedure_id",
            "case__place_id",
            "case__filed_on",
            "occurred_at",
            "status__stage",
            "status__outcome",
        )
    )
    current_case = None
    decided = False
    stage_started: tuple[int, datetime] | None = None
    for case_id, procedure_id, place_id, filed_on, occurred_at, stage, outcome in events.iterator(chunk_size=5000):
        if case_id != current_case:
            current_case, decided, stage_started = case_id, False, None
        if stage_started and stage_started[0] != stage:
            per_stage[(procedure_id, place_id, stage_started[0])].append((occurred_at - stage_started[1]).days)
            stage_started = None
        if stage_started is None:
            stage_started = (stage, occurred_at)
        if outcome and not decided:
            decided = True
            whole[(procedure_id, place_id)].append((timezone.localdate(occurred_at) - filed_on).days)

    now = timezone.now()
    rows = [
        _processing_time(procedure_id, place_id, ProcessingTime.WHOLE_CASE, days, now)
        for (procedure_id, place_id), days in whole.items()
    ] + [
        _processing_time(procedure_id, place_id, stage, days, now)
        for (procedure_id, place_id, stage), days in per_stage.items()
        if stage < Stage.DECISION
    ]
    with transaction.atomic():
        ProcessingTime.objects.all().delete()
        ProcessingTime.objects.bulk_create(rows, batch_size=1000)
        result_cache.catalogue_changed()
    return len(rows)


def _processing_time(procedure_id: int, place_id: int, stage: int, days: list[int], now) -> ProcessingTime:
    days = sorted(max(0, value) for value in days)
    p80 = days[min(len(days) - 1, int(len(days) * 0.8))]
    median = round(statistics.median(days))
    return ProcessingTime(
        procedure_id=procedure_id,
        place_id=place_id,
        stage=stage,
        median_days=median,
        p80_days=max(p80, median),
        sample_size=len(days),
        computed_at=now,
    )
