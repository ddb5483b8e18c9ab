"""Spike alerts: daily counts per case category, policy rule and detector against the 28 days
before; one alert per kind, key and day, updated when the sweep runs again; leads e-mailed once."""

import datetime as dt

import pytest
from django.core import mail

from sellerdesk.core import sweeps
from sellerdesk.insights import services, spikes
from sellerdesk.insights.models import Alert, AlertNotification
from tests.concurrency import at_once, needs_postgresql
from tests.factories import AgentFactory, CaseFactory, LeadFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2025, 3, 10, 15, 0, tzinfo=dt.UTC)
TODAY = NOW.date()


def at(days_ago: int, minute: int = 0) -> dt.datetime:
    """A moment on a past day (UTC), 09:00 plus `minute` minutes."""
    return dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(9, 0), tzinfo=dt.UTC) + dt.timedelta(
        minutes=minute
    )


@pytest.fixture
def quiet_baseline(action_at):
    """One pesticide-claims action every fourth day for four weeks (under rule PR-101)."""
    return [action_at(at(days)) for days in range(1, 29, 4)]


@pytest.fixture
def sweep(django_capture_on_commit_callbacks):
    """Runs the sweep at NOW, with the e-mail tasks it enqueues (immediate backend in tests)."""

    def _sweep(now=NOW):
        with django_capture_on_commit_callbacks(execute=True):
            return services.sweep_spike_alerts(now=now)

    return _sweep


# --- the arithmetic -------------------------------------------------------------------------------------


def test_baseline_is_the_mean_and_standard_deviation_of_the_days_before_with_empty_days_as_zero():
    per_day = {TODAY - dt.timedelta(days=1): 4, TODAY - dt.timedelta(days=2): 0, TODAY: 100}

    mean, std = spikes.baseline(per_day, TODAY, days=4)

    assert mean == 1.0  # (4 + 0 + 0 + 0) / 4; today is not part of its own baseline
    assert std == pytest.approx(3**0.5)


@pytest.mark.parametrize(
    ("mean", "std", "limit"),
    [
        (0.0, 0.0, 5.0),  # nothing usually: the minimum count
        (3.0, 2.0, 9.0),  # noisy: three standard deviations above the mean
        (10.0, 1.0, 20.0),  # busy and steady: twice the mean
    ],
)
def test_threshold_is_the_largest_of_minimum_three_deviations_and_double(mean, std, limit):
    t = spikes.Thresholds(min_count=5, std_factor=3, mean_factor=2, baseline_days=28)

    assert t.threshold(mean, std) == limit


def test_thresholds_come_from_settings(settings):
    settings.SELLERDESK = {**settings.SELLERDESK, "ALERTS": {"MIN_COUNT": 12, "STD_FACTOR": 2, "MEAN_FACTOR": 3}}

    t = spikes.Thresholds.current()

    assert (t.min_count, t.std_factor, t.mean_factor, t.baseline_days) == (12, 2.0, 3.0, 28)


# --- the sweep ------------------------------------------------------------------------------------------


def test_eight_removals_by_one_detector_today_make_one_alert_with_examples(quiet_baseline, action_at, sweep):
    rules = ["PR-101", "PR-102", "PR-201", "PR-202"]  # spread, so that no rule stands out
    today = [action_at(at(0, minute=i), detector="ppe-claims", rule=rules[i % 4]) for i in range(8)]

    written = sweep()

    assert written == 1
    alert = Alert.objects.get()
    assert (alert.kind, alert.key, alert.day, alert.count) == ("detector", "ppe-claims", TODAY, 8)
    assert (alert.baseline_mean, alert.baseline_std, alert.threshold) == (0.0, 0.0, 5.0)
    assert alert.examples == [a.pk for a in reversed(today)][:5]  # the newest five


def test_the_rule_alerts_too_when_all_the_removals_are_under_one_rule(quiet_baseline, action_at, sweep):
    for i in range(8):
        action_at(at(0, minute=i), detector="ppe-claims", rule="PR-102")

    sweep()

    assert sorted(Alert.objects.values_list("kind", "key", "count")) == [
        ("detector", "ppe-claims", 8),
        ("rule", "PR-102", 8),
    ]


def test_rerun_the_same_day_updates_the_count_instead_of_duplicating(quiet_baseline, action_at, sweep):
    for i in range(8):
        action_at(at(0, minute=i), detector="ppe-claims", rule="PR-102")
    sweep()
    first = Alert.objects.get(kind="detector")

    assert sweep() == 0  # nothing new: nothing written
    for i in range(3):
        action_at(at(0, minute=30 + i), detector="ppe-claims", rule="PR-102")
    assert sweep(NOW + dt.timedelta(hours=1)) == 2  # the detector's and the rule's alerts grew

    alert = Alert.objects.get(kind="detector")
    assert Alert.objects.count() == 2
    assert alert.pk == first.pk and alert.count == 11 and alert.created_at == first.created_at
    assert alert.updated_at == NOW + dt.timedelta(hours=1)


def test_a_normal_day_does_not_alert(action_at, sweep):
    # A busy detector: 6 to 8 actions every day, and 9 today — busy, but usual.
    for days in range(1, 29):
        for i in range(6 + days % 3):
            action_at(at(days, minute=i), detector="trademark-match", rule="PR-301")
    for i in range(9):
        action_at(at(0, minute=i), detector="trademark-match", rule="PR-301")

    assert sweep() == 0
    assert not Alert.objects.exists()


def test_below_the_minimum_count_nothing_alerts_even_from_zero(action_at, sweep):
    for i in range(4):
        action_at(at(0, minute=i), detector="expiry-check")

    assert sweep() == 0

    action_at(at(0, minute=10), detector="expiry-check")
    assert sweep() == 2  # five: the detector's and PR-101's alerts


def test_the_minimum_count_is_a_setting(action_at, sweep, settings):
    settings.SELLERDESK = {**settings.SELLERDESK, "ALERTS": {"MIN_COUNT": 6}}
    for i in range(5):
        action_at(at(0, minute=i), detector="expiry-check")

    assert sweep() == 0


def test_a_case_category_spikes_with_cases_as_examples(sweep, tier1):
    for days in range(1, 29, 7):
        CaseFactory(category="payments", created_at=at(days), team=tier1)
    today = [CaseFactory(category="payments", created_at=at(0, minute=i), team=tier1) for i in range(6)]
    CaseFactory(category="listing", created_at=at(0), team=tier1)

    sweep()

    alert = Alert.objects.get()
    assert (alert.kind, alert.key, alert.count) == ("category", "payments", 6)
    assert alert.examples == [c.pk for c in reversed(today)][:5]


def test_yesterdays_late_spike_is_caught_after_midnight(action_at, sweep):
    late = dt.datetime.combine(TODAY, dt.time(23, 50), tzinfo=dt.UTC)
    for i, rule in enumerate(["PR-101", "PR-102", "PR-201", "PR-202", "PR-301", "PR-401"]):
        action_at(late + dt.timedelta(seconds=i), detector="ppe-claims", rule=rule)

    sweep(dt.datetime.combine(TODAY + dt.timedelta(days=1), dt.time(0, 5), tzinfo=dt.UTC))

    assert Alert.objects.get().day == TODAY


def test_the_sweep_is_registered():
    assert ("insights: spike alerts", services.sweep_spike_alerts) in sweeps.registered()


# --- the leads' e-mail -------------------------------------------------------------------------------------


def test_leads_are_emailed_once_per_alert(quiet_baseline, action_at, sweep, lead, tier2_lead, agent):
    rules = ["PR-101", "PR-102", "PR-201", "PR-202"]
    for i in range(8):
        action_at(at(0, minute=i), detector="ppe-claims", rule=rules[i % 4])

    sweep()
    sweep()
    action_at(at(0, minute=20), detector="ppe-claims", rule="PR-301")
    sweep(NOW + dt.timedelta(minutes=5))

    assert sorted(m.to[0] for m in mail.outbox) == sorted([lead.email, tier2_lead.email])
    assert "ppe-claims" in mail.outbox[0].subject
    assert "/workspace/alerts/" in mail.outbox[0].body
    alert = Alert.objects.get()
    assert alert.notified_at is not None
    assert AlertNotification.objects.filter(alert=alert).count() == 2


def test_the_email_task_never_sends_twice_when_retried(lead):
    from sellerdesk.insights.tasks import notify_alert

    from .conftest import AlertFactory

    alert = AlertFactory()
    LeadFactory(username="lead-no-mail", email="", teams=[lead.teams.first()])
    AgentFactory(username="not-a-lead", teams=[lead.teams.first()])

    assert notify_alert.call(alert.pk) == 1
    assert notify_alert.call(alert.pk) == 0
    assert [m.to for m in mail.outbox] == [[lead.email]]


@needs_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_sweeps_at_once_make_one_alert_and_one_email_per_lead(action_at, lead, tier2_lead):
    rules = ["PR-101", "PR-102", "PR-201", "PR-202"]
    for i in range(8):
        action_at(at(0, minute=i), detector="ppe-claims", rule=rules[i % 4])

    results = at_once(lambda _arg: services.sweep_spike_alerts(now=NOW), [1, 2])

    assert sorted(results) == [0, 1]
    assert Alert.objects.count() == 1
    assert sorted(m.to[0] for m in mail.outbox) == sorted([lead.email, tier2_lead.email])
