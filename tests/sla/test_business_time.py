"""Business-time maths on team calendars: nights, weekends, public holidays, DST changes."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from sellerdesk.sla.business_time import Schedule, add_business_time, business_time_between, next_open_moment
from sellerdesk.sla.models import BusinessCalendar, CalendarClosure

MADRID = ZoneInfo("Europe/Madrid")
NEW_YORK = ZoneInfo("America/New_York")
H = dt.timedelta(hours=1)
OFFICE = {day: [["09:00", "17:00"]] for day in ("mon", "tue", "wed", "thu", "fri")}


def calendar(**fields) -> BusinessCalendar:
    defaults = {"name": "Madrid office", "timezone": "Europe/Madrid", "hours": OFFICE, "holiday_country": "ES"}
    return BusinessCalendar.objects.create(**{**defaults, **fields})


def local(zone, *parts):
    return dt.datetime(*parts, tzinfo=zone)


@pytest.mark.django_db
def test_four_business_hours_from_friday_afternoon_end_on_monday_morning():
    schedule = calendar().schedule()
    due = add_business_time(schedule, local(MADRID, 2026, 11, 20, 16), 4 * H)
    assert due == local(MADRID, 2026, 11, 23, 12)


@pytest.mark.django_db
def test_a_public_holiday_is_skipped():
    # 8 December 2026 (Tuesday) is the Immaculate Conception, a national holiday in Spain.
    schedule = calendar().schedule()
    due = add_business_time(schedule, local(MADRID, 2026, 12, 7, 15), 4 * H)
    assert due == local(MADRID, 2026, 12, 9, 11)


@pytest.mark.django_db
def test_a_custom_closure_is_skipped_like_a_holiday():
    office = calendar()
    CalendarClosure.objects.create(calendar=office, date=dt.date(2026, 11, 23), reason="Team offsite")
    due = add_business_time(office.schedule(), local(MADRID, 2026, 11, 20, 16), 4 * H)
    assert due == local(MADRID, 2026, 11, 24, 12)


@pytest.mark.django_db
def test_a_day_that_loses_an_hour_to_dst_counts_23_real_hours_in_madrid():
    # Europe moves clocks forward on Sunday 29 March 2026: that day is 23 hours long.
    around_the_clock = {day: [["00:00", "24:00"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
    schedule = calendar(hours=around_the_clock, holiday_country="").schedule()
    start = local(MADRID, 2026, 3, 28, 12)
    due = add_business_time(schedule, start, 24 * H)
    assert due == local(MADRID, 2026, 3, 29, 13)  # 24 real hours, one wall-clock hour later
    assert due - start == 24 * H
    assert business_time_between(schedule, local(MADRID, 2026, 3, 29, 0), local(MADRID, 2026, 3, 30, 0)) == 23 * H


@pytest.mark.django_db
def test_an_evening_shift_across_the_new_york_fall_back_counts_real_time():
    # The US moves clocks back on Sunday 1 November 2026 at 02:00: 00:00-04:00 local is 5 real hours.
    night_shift = {"sun": [["00:00", "04:00"]]}
    schedule = calendar(
        name="NY nights", timezone="America/New_York", hours=night_shift, holiday_country="US"
    ).schedule()
    opened = local(NEW_YORK, 2026, 11, 1, 0)
    assert business_time_between(schedule, opened, local(NEW_YORK, 2026, 11, 1, 4)) == 5 * H
    assert add_business_time(schedule, opened, 5 * H) == local(NEW_YORK, 2026, 11, 1, 4)


@pytest.mark.django_db
def test_working_hours_in_two_time_zones_give_different_instants_for_the_same_request():
    madrid = calendar().schedule()
    new_york = calendar(name="NY office", timezone="America/New_York", holiday_country="US").schedule()
    asked = dt.datetime(2026, 11, 24, 15, tzinfo=dt.UTC)  # 16:00 in Madrid, 10:00 in New York
    assert add_business_time(madrid, asked, 4 * H) == local(MADRID, 2026, 11, 25, 12)
    assert add_business_time(new_york, asked, 4 * H) == local(NEW_YORK, 2026, 11, 24, 14)


@pytest.mark.django_db
def test_an_us_holiday_is_skipped_on_the_new_york_calendar():
    # Thanksgiving: Thursday 26 November 2026.
    schedule = calendar(name="NY office", timezone="America/New_York", holiday_country="US").schedule()
    due = add_business_time(schedule, local(NEW_YORK, 2026, 11, 25, 15), 4 * H)
    assert due == local(NEW_YORK, 2026, 11, 27, 11)


@pytest.mark.django_db
def test_time_outside_working_hours_does_not_count_and_next_open_moment_finds_monday():
    schedule = calendar().schedule()
    saturday = local(MADRID, 2026, 11, 21, 10)
    assert business_time_between(schedule, saturday, local(MADRID, 2026, 11, 22, 23)) == dt.timedelta(0)
    assert next_open_moment(schedule, saturday) == local(MADRID, 2026, 11, 23, 9)


@pytest.mark.django_db
def test_a_24_7_calendar_adds_plain_time():
    schedule = calendar(always_open=True, hours={}).schedule()
    start = local(MADRID, 2026, 3, 28, 12)
    assert add_business_time(schedule, start, 30 * H) == start + 30 * H


@pytest.mark.django_db
def test_calendar_definitions_are_validated():
    with pytest.raises(ValidationError):
        BusinessCalendar(name="x", timezone="Mars/Base", hours=OFFICE).full_clean()
    with pytest.raises(ValidationError):
        BusinessCalendar(name="x", hours={"monday": [["09:00", "17:00"]]}).full_clean()
    with pytest.raises(ValidationError):
        BusinessCalendar(name="x", hours={"mon": [["17:00", "09:00"]]}).full_clean()
    with pytest.raises(ValidationError):
        BusinessCalendar(name="x", hours={"mon": [["09:00", "13:00"], ["12:00", "17:00"]]}).full_clean()
    with pytest.raises(ValidationError):
        BusinessCalendar(name="x", hours={}).full_clean()  # never open, not 24/7
    with pytest.raises(ValidationError):
        BusinessCalendar(name="x", hours=OFFICE, holiday_country="ZZ").full_clean()
    BusinessCalendar(name="ok", hours=OFFICE, holiday_country="ES", holiday_subdivision="MD").full_clean()


WEEK = Schedule(zone=MADRID, hours={d: [(dt.time(9), dt.time(13)), (dt.time(14), dt.time(18))] for d in range(5)})


@settings(max_examples=200, deadline=None)
@given(
    start=st.datetimes(
        min_value=dt.datetime(2026, 1, 1), max_value=dt.datetime(2027, 12, 31), timezones=st.just(dt.UTC)
    ),
    minutes=st.integers(min_value=0, max_value=60 * 24 * 10),
)
def test_adding_business_time_and_measuring_it_back_agree(start, minutes):
    duration = dt.timedelta(minutes=minutes)
    due = add_business_time(WEEK, start, duration)
    assert due >= start
    assert business_time_between(WEEK, start, due) == duration
