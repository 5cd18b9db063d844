"""Percentiles computed in the database: PostgreSQL's `percentile_cont`, and the same function added to SQLite.

SQLite has no ordered-set aggregates, so a connection gets a `percentile_cont(value, fraction)` aggregate with the
same linear interpolation as PostgreSQL; the values are collected inside the database engine, never in the view.
"""

import math

from django.db.models import Aggregate, DurationField


class PercentileCont(Aggregate):
    function = "percentile_cont"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    allow_distinct = False

    def __init__(self, expression, fraction: float, output_field=None, **extra):
        if not 0 <= fraction <= 1:
            raise ValueError("a percentile is a fraction between 0 and 1")
        super().__init__(expression, fraction=float(fraction), output_field=output_field or DurationField(), **extra)

    def as_sqlite(self, compiler, connection, **extra_context):
        template = "%(function)s(%(expressions)s, %(fraction)s)"
        return self.as_sql(compiler, connection, template=template, **extra_context)


class _SqlitePercentile:
    def __init__(self) -> None:
        self.values: list[float] = []
        self.fraction = 0.5

    def step(self, value, fraction) -> None:
        if value is not None:
            self.values.append(value)
            self.fraction = fraction

    def finalize(self):
        if not self.values:
            return None
        ordered = sorted(self.values)
        position = (len(ordered) - 1) * self.fraction
        low, high = math.floor(position), math.ceil(position)
        result = ordered[low] + (ordered[high] - ordered[low]) * (position - low)
        return int(result) if all(isinstance(v, int) for v in ordered) else result


def register_sqlite_percentile(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_aggregate("percentile_cont", 2, _SqlitePercentile)

