"""Business-time arithmetic on a calendar: working hours per weekday in a time zone, closed days
(public holidays and custom closures), or open around the clock.

All maths happens on real instants: an opening interval is built from local wall times on a local
date and converted to UTC, so a working day that contains a DST change is 1 hour shorter or longer
in real time, exactly as it is for the people working it."""

import dataclasses
import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

# Searching further than this for open time means the calendar is effectively never open.
MAX_DAYS = 3 * 366

Intervals = dict[int, list[tuple[dt.time, dt.time]]]


@dataclasses.dataclass(frozen=True)
class Schedule:
    """`hours[weekday]` (Monday = 0) lists (open, close) local times; close may be 24:00 written as
    `time.max`. `is_closed(date)` says whether a local date is a holiday or a closure."""

    zone: ZoneInfo
    hours: Intervals
    is_closed: Callable[[dt.date], bool] = lambda day: False
    always_open: bool = False

    def open_intervals(self, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        """The open periods of one local date, as aware UTC instants, in order."""
        if self.is_closed(day):
            return []
        periods = []
        for opens, closes in self.hours.get(day.weekday(), []):
            start = dt.datetime.combine(day, opens, tzinfo=self.zone)
            end = (
                dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=self.zone)
                if closes == dt.time.max
                else dt.datetime.combine(day, closes, tzinfo=self.zone)
            )
            start_utc, end_utc = start.astimezone(dt.UTC), end.astimezone(dt.UTC)
            if end_utc > start_utc:
                periods.append((start_utc, end_utc))
        return periods


def _days_from(schedule: Schedule, moment: dt.datetime):
    day = moment.astimezone(schedule.zone).date() - dt.timedelta(days=1)  # an interval may start the day before
    for offset in range(MAX_DAYS):
        yield day + dt.timedelta(days=offset)
    raise ValueError("This calendar has no open time in the next three years.")


def add_business_time(schedule: Schedule, start: dt.datetime, duration: dt.timedelta) -> dt.datetime:
    """The instant at which `duration` of open time has passed since `start`."""
    if start.tzinfo is None:
        raise ValueError("start must be timezone-aware")
    if schedule.always_open or duration <= dt.timedelta(0):
        return start + max(duration, dt.timedelta(0))
    remaining = duration
    cursor = start.astimezone(dt.UTC)
    for day in _days_from(schedule, cursor):
        for opens, closes in schedule.open_intervals(day):
            if closes <= cursor:
                continue
            begin = max(opens, cursor)
            available = closes - begin
            if available >= remaining:
                return begin + remaining
            remaining -= available
            cursor = closes
    raise AssertionError("unreachable")


def business_time_between(schedule: Schedule, start: dt.datetime, end: dt.datetime) -> dt.timedelta:
    """Open time elapsed from `start` to `end` (zero if end is not after start)."""
    if end <= start:
        return dt.timedelta(0)
    if schedule.always_open:
        return end - start
    total = dt.timedelta(0)
    start, end = start.astimezone(dt.UTC), end.astimezone(dt.UTC)
    for day in _days_from(schedule, start):
        if dt.datetime.combine(day, dt.time(0), tzinfo=schedule.zone) > end:
            return total
        for opens, closes in schedule.open_intervals(day):
            overlap = min(closes, end) - max(opens, start)
            if overlap > dt.timedelta(0):
                total += overlap
    return total


def next_open_moment(schedule: Schedule, moment: dt.datetime) -> dt.datetime:
    """`moment` itself if the calendar is open then, otherwise when it next opens."""
    if schedule.always_open:
        return moment
    for day in _days_from(schedule, moment):
        for opens, closes in schedule.open_intervals(day):
            if closes > moment:
                return max(opens, moment)
    raise AssertionError("unreachable")
