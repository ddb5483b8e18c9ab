"""The periodic sweeps, in one list. `sellerdesk run-sweeps` runs each once; `sellerdesk scheduler`
runs them every interval. Every sweep is idempotent and safe to run on two workers at once."""

import logging
import time
from collections.abc import Callable

from django.db import connections

logger = logging.getLogger("sellerdesk.sweeps")


def registered() -> list[tuple[str, Callable[[], int]]]:
    from sellerdesk.assistant.services import abandon_idle_conversations
    from sellerdesk.commitments.services import mark_overdue_commitments_broken
    from sellerdesk.insights.services import sweep_spike_alerts
    from sellerdesk.performance.health import recompute_all_health
    from sellerdesk.performance.recovery import alert_overdue_identity_reviews
    from sellerdesk.sla.services import sweep as sla_sweep

    return [
        ("commitments: mark overdue promises broken and escalate", mark_overdue_commitments_broken),
        ("sla: at-risk marks, breaches, escalation ladder and ceilings", sla_sweep),
        ("performance: recompute account health", recompute_all_health),
        ("performance: tell staff about overdue identity reviews", alert_overdue_identity_reviews),
        ("insights: spike alerts", sweep_spike_alerts),
        ("assistant: conversations idle for a day are abandoned", abandon_idle_conversations),
    ]


def run_all() -> dict[str, int]:
    """Runs every sweep once; a failing sweep is logged and does not stop the others."""
    results: dict[str, int] = {}
    for name, sweep in registered():
        started = time.monotonic()
        try:
            results[name] = sweep()
        except Exception:
            logger.exception("Sweep failed: %s", name)
            results[name] = -1
        logger.info("Sweep %s: %s rows in %.2fs", name, results[name], time.monotonic() - started)
    _release_old_connections()
    return results


def _release_old_connections() -> None:
    """Between runs a long-lived scheduler drops broken or expired connections, as Django does
    between requests; never one inside a caller's transaction, which is still using it."""
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()
