"""Shared pieces of the SLA engine tests: a Madrid office calendar and a way to read a case's targets."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from sellerdesk.sla.models import BusinessCalendar, CaseTarget

MADRID = ZoneInfo("Europe/Madrid")
OFFICE = {day: [["09:00", "17:00"]] for day in ("mon", "tue", "wed", "thu", "fri")}


def madrid(*parts) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=MADRID)


def targets_of(case) -> list[CaseTarget]:
    """Every target the case has had, oldest first."""
    return list(CaseTarget.objects.filter(case=case).select_related("policy").order_by("started_at", "pk"))


def live_target(case, kind: str) -> CaseTarget:
    """The one running or paused target of this kind."""
    return CaseTarget.objects.select_related("policy").get(case=case, kind=kind, phase__in=["running", "paused"])


@pytest.fixture
def office_calendar(db):
    """Mon–Fri 09:00–17:00 in Madrid, Spanish public holidays closed."""
    return BusinessCalendar.objects.create(
        name="Madrid office", timezone="Europe/Madrid", hours=OFFICE, holiday_country="ES"
    )


@pytest.fixture
def office_hours(tier1, office_calendar):
    """Tier 1 works office hours in Madrid (instead of around the clock)."""
    tier1.calendar = office_calendar
    tier1.save()
    return tier1
