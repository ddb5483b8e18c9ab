"""How long until a deadline, in the short form agents scan a queue for: "in 1h40m", "2h overdue".

Computed in the views (never in templates), from the one clock the services use."""

import datetime as dt

from django.utils.translation import gettext as _

from sellerdesk.core.durations import span

# Under this much time left a deadline is shown in red: the case must be worked now.
SOON = dt.timedelta(hours=4)


def time_left(target: dt.datetime | None, now: dt.datetime) -> dict | None:
    """What a page shows about a deadline: `text` ("in 1h40m" / "2h overdue"), `at` (the time
    itself), `overdue`, and `soon` (less than four hours left, or overdue)."""
    if target is None:
        return None
    left = target - now
    if left.total_seconds() < 0:
        return {"at": target, "text": _("%(span)s overdue") % {"span": span(-left)}, "overdue": True, "soon": True}
    return {"at": target, "text": _("in %(span)s") % {"span": span(left)}, "overdue": False, "soon": left < SOON}
