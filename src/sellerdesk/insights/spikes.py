"""Spike detection on daily counts: cases created per category, enforcement actions per policy rule
and per detector. The counting is one GROUP BY (key, day) query per kind over the baseline window;
only the per-key arithmetic (at most keys x 30 numbers) runs in Python.

A key's count on a day is a spike when it reaches every one of:
- MIN_COUNT (default 5): a handful of cases is never a trend;
- mean + STD_FACTOR (3) x standard deviation of the BASELINE_DAYS (28) days before: unusual;
- MEAN_FACTOR (2) x that mean: at least double, so that a busy but noisy key does not alert daily.
Days are UTC calendar days; a day without any row counts as 0 in the baseline.
"""

import datetime as dt
import math
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import TruncDate

from .models import AlertKind

EXAMPLES = 5


@dataclass(frozen=True)
class Thresholds:
    min_count: int
    std_factor: float
    mean_factor: float
    baseline_days: int

    @classmethod
    def current(cls) -> "Thresholds":
        conf = {"MIN_COUNT": 5, "STD_FACTOR": 3.0, "MEAN_FACTOR": 2.0, "BASELINE_DAYS": 28}
        conf.update(settings.SELLERDESK.get("ALERTS", {}))
        return cls(
            min_count=int(conf["MIN_COUNT"]),
            std_factor=float(conf["STD_FACTOR"]),
            mean_factor=float(conf["MEAN_FACTOR"]),
            baseline_days=int(conf["BASELINE_DAYS"]),
        )

    def threshold(self, mean: float, std: float) -> float:
        return max(float(self.min_count), mean + self.std_factor * std, self.mean_factor * mean)


@dataclass(frozen=True)
class Spike:
    kind: str
    key: str
    day: dt.date
    count: int
    mean: float
    std: float
    threshold: float


def baseline(per_day: dict[dt.date, int], day: dt.date, days: int) -> tuple[float, float]:
    """Mean and (population) standard deviation of the `days` days before `day`."""
    values = [per_day.get(day - dt.timedelta(days=back), 0) for back in range(1, days + 1)]
    mean = sum(values) / days
    return mean, math.sqrt(sum((v - mean) ** 2 for v in values) / days)


def day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)
    return start, start + dt.timedelta(days=1)


def _source(kind: str):
    """The rows a kind counts and the column that is its key."""
    from sellerdesk.cases.models import Case
    from sellerdesk.performance.models import EnforcementAction

    if kind == AlertKind.CATEGORY:
        return Case.objects.all(), "category"
    if kind == AlertKind.RULE:
        return EnforcementAction.objects.all(), "rule__code"
    return EnforcementAction.objects.filter(detector__isnull=False), "detector__name"


def daily_counts(kind: str, first: dt.date, last: dt.date) -> dict[str, dict[dt.date, int]]:
    """{key: {day: count}} from `first` to `last` (UTC days, both included), in one query."""
    rows, key = _source(kind)
    start, end = day_bounds(first)[0], day_bounds(last)[1]
    counted = (
        rows.filter(created_at__gte=start, created_at__lt=end)
        .annotate(day=TruncDate("created_at", tzinfo=dt.UTC))
        .order_by()
        .values(key, "day")
        .annotate(n=Count("pk"))
    )
    counts: dict[str, dict[dt.date, int]] = {}
    for row in counted:
        day = row["day"]
        if isinstance(day, dt.datetime):  # some backends hand back a datetime at midnight
            day = day.date()
        counts.setdefault(row[key], {})[day] = row["n"]
    return counts


def find_spikes(days: list[dt.date], thresholds: Thresholds | None = None) -> list[Spike]:
    """The spikes of every kind and key on these days, each against the baseline before its day."""
    t = thresholds or Thresholds.current()
    first = min(days) - dt.timedelta(days=t.baseline_days)
    spikes = []
    for kind in AlertKind.values:
        for key, per_day in daily_counts(kind, first, max(days)).items():
            for day in days:
                count = per_day.get(day, 0)
                if count < t.min_count:
                    continue
                mean, std = baseline(per_day, day, t.baseline_days)
                limit = t.threshold(mean, std)
                if count >= limit:
                    spikes.append(Spike(kind, key, day, count, mean, std, limit))
    return spikes


def example_ids(kind: str, key: str, day: dt.date, limit: int = EXAMPLES) -> list[int]:
    """The newest cases or actions behind a spike."""
    rows, column = _source(kind)
    start, end = day_bounds(day)
    return list(
        rows.filter(created_at__gte=start, created_at__lt=end, **{column: key})
        .order_by("-created_at", "-pk")
        .values_list("pk", flat=True)[:limit]
    )
