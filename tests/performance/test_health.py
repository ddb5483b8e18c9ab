"""Account health arithmetic on hand-computed fixtures: the states at their exact boundaries, the
counts to red and back, the shown values, and the set-based SQL recompute (windows, the first
24 hours, zero answers), the incremental update, the periodic sweep, the report and the trend."""

import datetime as dt

import pytest

from sellerdesk.core import clock
from sellerdesk.performance import health, selectors, services
from sellerdesk.performance.models import AccountHealth, BuyerContact
from tests.concurrency import at_once, needs_postgresql
from tests.factories import SellerAccountFactory

NOW = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)
HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)


@pytest.fixture
def t(settings):
    return health.Thresholds.current()


# --- states at their boundaries (pure arithmetic) ----------------------------------------------------


@pytest.mark.parametrize(
    ("no", "answers", "state"),
    [
        (0, 0, "no_data"),  # zero answers is no data, never red
        (0, 1, "green"),
        (25, 100, "red"),  # exactly 25.0 % is red
        (1, 4, "red"),
        (249, 1000, "yellow"),  # 24.9 %
        (2499, 10000, "yellow"),  # 24.99 %
        (20, 100, "yellow"),  # exactly 20.0 % is yellow
        (199, 1000, "green"),  # 19.9 %
        (30, 100, "red"),
        (100, 100, "red"),
    ],
)
def test_dissatisfaction_state_at_its_boundaries(t, no, answers, state):
    assert health.dissatisfaction_state(no, answers, t) == state


@pytest.mark.parametrize(
    ("on_time", "due", "state"),
    [
        (0, 0, "no_data"),
        (90, 100, "red"),  # exactly 90.0 % is red
        (9, 10, "red"),
        (901, 1000, "yellow"),  # 90.1 %
        (95, 100, "yellow"),  # exactly 95.0 % is still yellow
        (951, 1000, "green"),  # 95.1 %
        (100, 100, "green"),
        (0, 5, "red"),
    ],
)
def test_response_state_at_its_boundaries(t, on_time, due, state):
    assert health.response_state(on_time, due, t) == state


def test_the_overall_state_is_the_worst_metric_and_no_data_never_hides_a_metric():
    assert health.worst("green", "red") == "red"
    assert health.worst("yellow", "green") == "yellow"
    assert health.worst("no_data", "green") == "green"
    assert health.worst("no_data", "no_data") == "no_data"


@pytest.mark.parametrize(
    ("no", "answers", "more"),
    [
        (0, 3, 1),  # 1 / 4 = 25.0 %
        (24, 100, 2),  # 25 / 101 = 24.75 %, 26 / 102 = 25.49 %
        (22, 100, 4),  # 26 / 104 = 25.0 %
        (0, 0, 1),
        (25, 100, None),  # already red
    ],
)
def test_no_answers_to_red(t, no, answers, more):
    assert health.no_answers_to_red(no, answers, t) == more


@pytest.mark.parametrize(
    ("on_time", "due", "more"),
    [
        (100, 100, 12),  # 100 / 112 = 89.3 %, 100 / 111 = 90.09 %
        (95, 100, 6),  # 95 / 106 = 89.6 %, 95 / 105 = 90.5 %
        (10, 10, 2),  # 10 / 12 = 83.3 %, 10 / 11 = 90.9 %
        (90, 100, None),
    ],
)
def test_late_contacts_to_red(t, on_time, due, more):
    assert health.late_contacts_to_red(on_time, due, t) == more


@pytest.mark.parametrize(
    ("no", "answers", "more"),
    [(30, 100, 21), (25, 100, 1), (1, 1, 4), (24, 100, None), (0, 0, None)],  # 1 / 5 = 20 %
)
def test_yes_answers_that_bring_a_red_rate_back(t, no, answers, more):
    assert selectors._yes_answers_to_leave_red(no, answers, t) == more


@pytest.mark.parametrize(
    ("on_time", "due", "more"),
    [(90, 100, 1), (80, 100, 101), (0, 1, 10), (91, 100, None)],  # 181 / 201 = 90.05 %; 10 / 11 = 90.9 %
)
def test_on_time_contacts_that_bring_red_compliance_back(t, on_time, due, more):
    assert selectors._on_time_contacts_to_leave_red(on_time, due, t) == more


def test_shown_values_never_reach_a_limit_the_exact_value_has_not(t):
    # The rate rounds down: 24.96 % shows 24.9 % and is yellow; 30 % shows 30.0.
    assert selectors._tenths_down(2496, 10000) == 24.9
    assert health.dissatisfaction_state(2496, 10000, t) == "yellow"
    assert selectors._tenths_down(30, 100) == 30.0
    assert selectors._tenths_down(1, 3) == 33.3
    # Compliance rounds up: 89.96 % shows 90.0 % (red, as it is); 90.04 % shows 90.1 % (yellow).
    assert selectors._tenths_up(8996, 10000) == 90.0
    assert health.response_state(8996, 10000, t) == "red"
    assert selectors._tenths_up(9004, 10000) == 90.1
    assert health.response_state(9004, 10000, t) == "yellow"
    assert selectors._tenths_up(2, 3) == 66.7
    assert selectors._tenths_down(0, 0) is None


def test_thresholds_come_from_the_settings(settings):
    settings.SELLERDESK = {
        **settings.SELLERDESK,
        "HEALTH": {**settings.SELLERDESK["HEALTH"], "DISSATISFACTION_MAX_PERCENT": 10.0},
    }
    t = health.Thresholds.current()
    assert health.dissatisfaction_state(10, 100, t) == "red"
    assert health.dissatisfaction_state(5, 100, t) == "yellow"
    assert health.dissatisfaction_state(4, 100, t) == "green"


# --- the SQL recompute on hand-computed fixtures -------------------------------------------------------


def contact(account, name, received, *, after=None, answer=""):
    """A contact received at `received`, answered `after` later (None: unanswered)."""
    return BuyerContact.objects.create(
        seller_account=account,
        external_id=name,
        received_at=received,
        responded_at=received + after if after is not None else None,
        response_seconds=int(after.total_seconds()) if after is not None else None,
        survey_answer=answer,
    )


def row(account, window):
    return AccountHealth.objects.get(seller_account=account, window_days=window)


def counts(r):
    return (r.survey_no, r.survey_answers, r.contacts, r.contacts_due, r.on_time)


@pytest.fixture
def fixture_seller(db):
    """One seller's contacts, each chosen for a rule (hand-computed below)."""
    account = SellerAccountFactory()
    # Inside the 30-day window:
    contact(account, "a", NOW - 2 * DAY, after=HOUR, answer="yes")  # due, on time
    contact(account, "b", NOW - 3 * DAY, after=24 * HOUR, answer="no")  # exactly 24 h: on time
    contact(account, "c", NOW - 4 * DAY, after=24 * HOUR + dt.timedelta(seconds=1), answer="no")  # late
    contact(account, "d", NOW - 25 * HOUR)  # unanswered for 25 h: due and late
    contact(account, "e", NOW - 23 * HOUR)  # unanswered, still inside its first 24 h: not judged
    contact(account, "f", NOW - 2 * HOUR, after=HOUR, answer="yes")  # answered inside 24 h: judged, on time
    contact(account, "g", NOW - 30 * DAY + dt.timedelta(seconds=1), after=HOUR)  # just inside the window
    # On the boundary and beyond:
    contact(account, "h", NOW - 30 * DAY, after=48 * HOUR, answer="no")  # exactly 30 days: 90-day window only
    contact(account, "i", NOW - 60 * DAY, after=HOUR, answer="yes")  # 90-day window only
    contact(account, "j", NOW - 90 * DAY, after=HOUR, answer="no")  # exactly 90 days: in no window
    contact(account, "k", NOW + HOUR, after=HOUR, answer="no")  # after NOW: not counted
    return account


@pytest.mark.django_db
def test_recompute_counts_by_the_rules(fixture_seller):
    assert health.recompute([fixture_seller.pk], now=NOW) == 2
    thirty = row(fixture_seller, 30)
    # answers a, b, c, f (2 'no'); contacts a–g (7); due a, b, c, d, f, g (6); on time a, b, f, g (4)
    assert counts(thirty) == (2, 4, 7, 6, 4)
    assert thirty.dissatisfaction_state == "red"  # 2 / 4 = 50 %
    assert thirty.response_state == "red"  # 4 / 6 = 66.7 %
    assert thirty.overall == "red"
    assert thirty.computed_at == NOW
    ninety = row(fixture_seller, 90)
    # plus h (late, 'no') and i (on time, 'yes')
    assert counts(ninety) == (3, 6, 9, 8, 5)


@pytest.mark.django_db
def test_a_contact_inside_its_first_24_hours_is_judged_once_they_have_passed(fixture_seller):
    health.recompute([fixture_seller.pk], now=NOW + 2 * HOUR)  # "e" is now 25 h old, unanswered: late
    assert counts(row(fixture_seller, 30))[3:] == (7, 4)


@pytest.mark.django_db
def test_window_boundary_moves_with_now(fixture_seller):
    # A second earlier, "h" (received exactly 30 days before NOW) is inside the 30-day window.
    health.recompute([fixture_seller.pk], now=NOW - dt.timedelta(seconds=1))
    r = row(fixture_seller, 30)
    assert r.contacts == 8  # a to h
    assert (r.survey_no, r.survey_answers) == (3, 5)


@pytest.mark.django_db
def test_zero_answers_is_no_data_and_the_other_metric_decides(db):
    account = SellerAccountFactory()
    for i in range(10):
        contact(account, f"z{i}", NOW - (i + 2) * DAY, after=HOUR)
    health.recompute([account.pk], now=NOW)
    r = row(account, 30)
    assert counts(r) == (0, 0, 10, 10, 10)
    assert (r.dissatisfaction_state, r.response_state, r.overall) == ("no_data", "green", "green")


@pytest.mark.django_db
def test_a_seller_without_contacts_has_rows_with_no_data(db):
    account = SellerAccountFactory()
    health.recompute(now=NOW)
    r = row(account, 30)
    assert counts(r) == (0, 0, 0, 0, 0)
    assert (r.dissatisfaction_state, r.response_state, r.overall) == ("no_data", "no_data", "no_data")


def answers(account, no, total, *, late=0, prefix="x"):
    BuyerContact.objects.bulk_create(
        BuyerContact(
            seller_account=account,
            external_id=f"{prefix}-{account.pk}-{i}",
            received_at=NOW - 2 * DAY,
            responded_at=NOW - 2 * DAY + (30 * HOUR if i < late else HOUR),
            response_seconds=int((30 * HOUR if i < late else HOUR).total_seconds()),
            survey_answer="no" if i < no else "yes",
        )
        for i in range(total)
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("no", "total", "state"),
    [(25, 100, "red"), (249, 1000, "yellow"), (20, 100, "yellow"), (199, 1000, "green")],
)
def test_sql_states_at_the_dissatisfaction_boundaries(no, total, state):
    account = SellerAccountFactory()
    answers(account, no, total)
    health.recompute(now=NOW)
    assert row(account, 30).dissatisfaction_state == state


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("late", "total", "state"),
    [(10, 100, "red"), (99, 1000, "yellow"), (5, 100, "yellow"), (49, 1000, "green")],
)
def test_sql_states_at_the_compliance_boundaries(late, total, state):
    account = SellerAccountFactory()
    answers(account, 0, total, late=late)
    health.recompute(now=NOW)
    assert row(account, 30).response_state == state


@pytest.mark.django_db
def test_sql_and_python_agree_for_every_seller_at_once(t):
    sellers = []
    for no, total, late in [(30, 100, 0), (0, 4, 1), (7, 35, 3), (0, 0, 0)]:
        account = SellerAccountFactory()
        answers(account, no, total, late=late)
        sellers.append((account, no, total, late))
    assert health.recompute(now=NOW) == 2 * len(sellers)
    for account, no, total, late in sellers:
        r = row(account, 30)
        assert r.dissatisfaction_state == health.dissatisfaction_state(no, total, t)
        assert r.response_state == health.response_state(total - late, total, t)


@pytest.mark.django_db
def test_recomputing_one_seller_leaves_the_others_alone(fixture_seller):
    other = SellerAccountFactory()
    health.recompute(now=NOW - HOUR)
    health.recompute([fixture_seller.pk], now=NOW)
    assert row(fixture_seller, 30).computed_at == NOW
    assert row(other, 30).computed_at == NOW - HOUR


# --- incremental: contacts in update that seller at once ----------------------------------------------


@pytest.mark.django_db
def test_adding_a_contact_updates_that_sellers_health_at_once(operator):
    account = SellerAccountFactory()
    with clock.frozen_at(NOW):
        services.ingest_contacts(
            actor=operator,
            seller=account.marketplace_seller_id,
            contacts=[
                {"external_id": "one", "received_at": (NOW - DAY).isoformat(), "survey_answer": "yes"},
            ],
        )
        assert (row(account, 30).survey_no, row(account, 30).survey_answers) == (0, 1)
        services.ingest_contacts(
            actor=operator,
            seller=account.marketplace_seller_id,
            contacts=[{"external_id": "two", "received_at": (NOW - DAY).isoformat(), "survey_answer": "no"}],
        )
    r = row(account, 30)
    assert (r.survey_no, r.survey_answers, r.dissatisfaction_state) == (1, 2, "red")


# --- the periodic sweep ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_sweep_recomputes_everything_only_when_the_rows_are_old(fixture_seller):
    other = SellerAccountFactory()
    assert health.recompute_all_health(now=NOW) == 4  # no rows yet: everything
    assert health.recompute_all_health(now=NOW + 30 * dt.timedelta(minutes=1)) == 0  # fresh: nothing
    assert row(other, 30).computed_at == NOW
    assert health.recompute_all_health(now=NOW + HOUR) == 4  # an hour later: everything again
    assert row(other, 30).computed_at == NOW + HOUR


@pytest.mark.django_db
def test_the_sweep_computes_new_sellers_without_recomputing_the_others(fixture_seller):
    health.recompute_all_health(now=NOW)
    newcomer = SellerAccountFactory()
    assert health.recompute_all_health(now=NOW + 5 * dt.timedelta(minutes=1)) == 2
    assert row(newcomer, 30).computed_at == NOW + 5 * dt.timedelta(minutes=1)
    assert row(fixture_seller, 30).computed_at == NOW


@needs_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_sweeping_at_once_recompute_everything_once():
    for _ in range(3):
        SellerAccountFactory()
    results = at_once(lambda _arg: health.recompute_all_health(now=NOW), [1, 2])
    assert sorted(results) == [0, 6]
    assert AccountHealth.objects.count() == 6


def test_the_sweep_is_registered():
    from sellerdesk.core import sweeps

    assert ("performance: recompute account health", health.recompute_all_health) in sweeps.registered()


# --- the report and the trend ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_report_of_the_fixture_seller(fixture_seller):
    health.recompute([fixture_seller.pk], now=NOW)
    report = selectors.health_report(fixture_seller, now=NOW)
    assert report["window_days"] == 30
    assert report["overall"] == "red"
    rate = report["metrics"]["dissatisfaction_rate"]
    assert (rate["value"], rate["numerator"], rate["denominator"], rate["state"]) == (50.0, 2, 4, "red")
    compliance = report["metrics"]["response_time_compliance"]
    assert (compliance["value"], compliance["numerator"], compliance["denominator"]) == (66.7, 4, 6)
    assert compliance["target"] == {"operator": ">", "value": 90.0}
    assert report["contacts"] == 7
    assert report["contacts_pending"] == 1  # "e"
    assert report["computed_at"] == NOW
    assert [w["window_days"] for w in report["windows"]] == [30, 90]
    assert report["windows"][1]["metrics"]["dissatisfaction_rate"]["value"] == 50.0  # 3 / 6
    assert report["warnings"] == []  # both red: nothing left to warn about
    assert (
        selectors.health_report(fixture_seller, now=NOW, window=90)["metrics"]["dissatisfaction_rate"]["numerator"] == 3
    )


@pytest.mark.django_db
def test_the_report_warns_while_green_when_one_answer_would_turn_it_red(db):
    account = SellerAccountFactory()
    answers(account, 0, 3)  # 3 'yes', all answered within the hour
    report = selectors.health_report(account, now=NOW)  # no row yet: computed on the way
    assert AccountHealth.objects.filter(seller_account=account).count() == 2
    assert report["overall"] == "green"
    rate, compliance = report["warnings"]
    # 1 'no' makes 1 / 4 = 25.0 %; 1 late contact makes 3 / 4 = 75.0 %.
    assert (rate["metric"], rate["state"], rate["count"]) == ("dissatisfaction_rate", "green", 1)
    assert "1 more 'no' answer from" in rate["message"]
    assert (compliance["metric"], compliance["state"], compliance["count"]) == ("response_time_compliance", "green", 1)
    assert "1 more contact answered later than 24 hours" in compliance["message"]


@pytest.mark.django_db
def test_a_green_seller_with_many_answers_gets_no_warning(db):
    account = SellerAccountFactory()
    answers(account, 10, 100)  # 10 %
    report = selectors.health_report(account, now=NOW)
    assert report["overall"] == "green"
    assert report["metrics"]["dissatisfaction_rate"]["to_red"] == 20  # 30 / 120 = 25.0 %
    assert report["metrics"]["response_time_compliance"]["to_red"] == 12
    assert report["warnings"] == []


@pytest.mark.django_db
def test_an_unknown_window_is_refused(db, refused):
    with refused("validation_error", "window"):
        selectors.health_report(SellerAccountFactory(), now=NOW, window=7)


@pytest.mark.django_db
def test_the_trend_puts_each_contact_in_its_week(fixture_seller):
    weeks = selectors.trend(fixture_seller, now=NOW)
    assert len(weeks) == 12
    assert weeks[-1]["end"] == NOW and weeks[0]["start"] == NOW - 84 * DAY
    this_week = weeks[-1]  # a, b, c, d, e, f (last 7 days)
    assert (this_week["contacts"], this_week["answers"], this_week["no"]) == (6, 4, 2)
    assert (this_week["due"], this_week["on_time"]) == (5, 3)
    assert (this_week["rate"], this_week["rate_state"]) == (50.0, "red")
    assert (this_week["compliance"], this_week["compliance_state"]) == (60.0, "red")
    # g (NOW - 30 d + 1 s) is in the week 28–35 days ago, with h (exactly 30 days ago).
    week_five = weeks[-5]
    assert week_five["start"] == NOW - 35 * DAY
    assert (week_five["contacts"], week_five["answers"], week_five["no"], week_five["on_time"]) == (2, 1, 1, 1)
    # i (60 days ago) is in the ninth week back; j (90 days) and k (the future) are in none.
    assert weeks[-9]["contacts"] == 1
    assert sum(w["contacts"] for w in weeks) == 9
    empty = weeks[-2]
    assert (empty["rate"], empty["rate_state"], empty["compliance"]) == (None, "no_data", None)
