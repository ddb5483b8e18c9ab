"""Business calendars: when a team works. SLA targets count only open time on the owning team's
calendar (the SLA policies themselves come with the SLA engine)."""

import datetime as dt
import functools
import zoneinfo

import holidays
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from sellerdesk.accounts.models import validate_timezone

from .business_time import Schedule

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def validate_hours(value) -> None:
    """`{"mon": [["09:00", "17:00"]], ...}`: per weekday, ordered non-overlapping local periods;
    "24:00" closes at midnight."""
    if not isinstance(value, dict) or set(value) - set(WEEKDAYS):
        raise ValidationError(_("Use the weekday keys mon, tue, wed, thu, fri, sat, sun."))
    for day, periods in value.items():
        try:
            parsed = [(_parse(a), _parse(b)) for a, b in periods]
        except (TypeError, ValueError) as exc:
            raise ValidationError(_('%(day)s: give periods as ["09:00", "17:00"].') % {"day": day}) from exc
        for (start, end), following in zip(parsed, [*parsed[1:], None], strict=True):
            if end <= start or (following is not None and following[0] < end):
                raise ValidationError(_("%(day)s: periods must be in order and must not overlap.") % {"day": day})


def _parse(text: str) -> dt.time:
    return dt.time.max if text == "24:00" else dt.time.fromisoformat(text)


class BusinessCalendar(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    timezone = models.CharField(_("time zone"), max_length=64, default="UTC", validators=[validate_timezone])
    always_open = models.BooleanField(_("open around the clock (24/7)"), default=False)
    hours = models.JSONField(
        _("working hours"),
        default=dict,
        blank=True,
        validators=[validate_hours],
        help_text=_('Per weekday, e.g. {"mon": [["09:00", "17:00"]], "sat": []}. "24:00" closes at midnight.'),
    )
    holiday_country = models.CharField(
        _("public holidays of"), max_length=2, blank=True, help_text=_("ISO country code, e.g. ES; empty for none.")
    )
    holiday_subdivision = models.CharField(_("region"), max_length=10, blank=True, help_text=_("e.g. MD, CA"))

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.holiday_country:
            try:
                holidays.country_holidays(self.holiday_country.upper(), subdiv=self.holiday_subdivision or None)
            except (NotImplementedError, KeyError) as exc:
                raise ValidationError(
                    {"holiday_country": _("No public holidays are known for this country/region.")}
                ) from exc
        if not self.always_open and not any(self.hours.get(day) for day in WEEKDAYS):
            raise ValidationError({"hours": _("Give working hours, or mark the calendar as open 24/7.")})

    def schedule(self) -> Schedule:
        """The calendar as the business-time maths uses it (holidays and closures included)."""
        closures = set(self.closures.values_list("date", flat=True))
        public = _public_holidays(self.holiday_country.upper(), self.holiday_subdivision or None)
        return Schedule(
            zone=zoneinfo.ZoneInfo(self.timezone),
            hours={i: [(_parse(a), _parse(b)) for a, b in self.hours.get(day, [])] for i, day in enumerate(WEEKDAYS)},
            is_closed=lambda day: day in closures or (public is not None and day in public),
            always_open=self.always_open,
        )


@functools.cache
def _public_holidays(country: str, subdivision: str | None):
    # The holidays object fills in years on demand; one per country and region per process.
    return holidays.country_holidays(country, subdiv=subdivision) if country else None


class CalendarClosure(models.Model):
    """A custom closed day (a team offsite, a local holiday the package does not know)."""

    calendar = models.ForeignKey(BusinessCalendar, on_delete=models.CASCADE, related_name="closures")
    date = models.DateField(_("date"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["calendar", "date"], name="one_closure_per_day")]

    def __str__(self) -> str:
        return f"{self.calendar}: {self.date}"
