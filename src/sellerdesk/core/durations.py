"""Durations in the short form people scan: "2d 3h", "1h40m", "12m"."""

import datetime as dt

from django.utils.translation import gettext as _


def span(delta: dt.timedelta) -> str:
    """A duration in days, hours and minutes, shortest first: "2d 3h", "1h40m", "3h", "12m"."""
    minutes = int(delta.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return _("%(days)dd %(hours)dh") % {"days": days, "hours": hours}
    if hours and not minutes:
        return _("%(hours)dh") % {"hours": hours}
    if hours:
        return _("%(hours)dh%(minutes)02dm") % {"hours": hours, "minutes": minutes}
    if minutes:
        return _("%(minutes)dm") % {"minutes": minutes}
    return _("under a minute")
