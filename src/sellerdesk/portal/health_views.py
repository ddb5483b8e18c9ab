"""The seller's account health page: each metric with its state, target and the counts behind it,
both windows, twelve weeks of trend, how it is computed, what to do, and early warnings."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sellerdesk.accounts import permissions
from sellerdesk.performance import health, selectors
from sellerdesk.performance.models import HealthState

from .views import seller_only


def _percent(value: float) -> str:
    return number_format(value, 1)


def _dissatisfaction_texts(report: dict, metric: dict) -> dict:
    thresholds = report["thresholds"][health.DISSATISFACTION]
    days, limit = report["window_days"], _percent(thresholds["red_at_or_above"])
    values = {"days": days, "limit": limit, "warning": _percent(thresholds["yellow_at_or_above"])}
    no, answers = metric["numerator"], metric["denominator"]
    if answers:
        counts = ngettext(
            "%(no)d of %(answers)d buyer who answered said 'no'.",
            "%(no)d of %(answers)d buyers who answered said 'no'.",
            answers,
        ) % {"no": no, "answers": answers}
    else:
        counts = _("No buyer has answered the survey in the last %(days)d days.") % values
    state = metric["state"]
    if state == HealthState.RED:
        advice = [
            _(
                "Your account does not meet this target. Answers older than %(days)d days leave the window, "
                "so every answer from now on counts."
            )
            % values,
        ]
        if metric["to_leave_red"]:
            advice.append(
                ngettext(
                    "With no new 'no' answers, %(count)d more 'yes' answer would bring the rate below %(limit)s%%.",
                    "With no new 'no' answers, %(count)d more 'yes' answers would bring the rate below %(limit)s%%.",
                    metric["to_leave_red"],
                )
                % {"count": metric["to_leave_red"], "limit": limit}
            )
        advice.append(
            _(
                "Find what the unhappy buyers have in common (late deliveries, wrong or damaged items, refunds "
                "refused, a listing that promises too much) and fix that first; then contact the buyers who are "
                "still waiting for a solution."
            )
        )
    elif state == HealthState.YELLOW:
        advice = [
            _(
                "Read the recent contacts whose buyers answered 'no' and look for a common cause: late deliveries, "
                "a listing that promises too much, refunds refused."
            ),
            _("Fix that cause first, then make your first answer solve the problem instead of only acknowledging it."),
        ]
    elif state == HealthState.GREEN:
        advice = [
            _(
                "Keep solving the problem in your first answer: a tracking number, a refund or a replacement, or a "
                "clear next step with a date."
            )
        ]
    else:
        advice = [_("Nothing to do yet: the rate appears once buyers answer the survey.")]
    return {
        "key": health.DISSATISFACTION,
        "title": _("Customer service dissatisfaction rate"),
        "target": _("Below %(limit)s%%") % values,
        "counts": counts,
        "pending": "",
        "how": _(
            "After each contact the buyer is asked: “Did this solve your problem?” The rate is the share of 'no' "
            "among all answers to contacts received in the last %(days)d days; contacts without an answer do not "
            "count. It must stay below %(limit)s%%. From %(warning)s%% it is close to the limit."
        )
        % values,
        "advice": advice,
    }


def _response_texts(report: dict, metric: dict, pending: int) -> dict:
    thresholds = report["thresholds"][health.RESPONSE]
    hours = report["thresholds"]["response_hours"]
    days, limit = report["window_days"], _percent(thresholds["red_at_or_below"])
    values = {"days": days, "hours": hours, "limit": limit, "warning": _percent(thresholds["yellow_at_or_below"])}
    on_time, due = metric["numerator"], metric["denominator"]
    if due:
        counts = ngettext(
            "%(on_time)d of %(due)d contact answered within %(hours)d hours.",
            "%(on_time)d of %(due)d contacts answered within %(hours)d hours.",
            due,
        ) % {"on_time": on_time, "due": due, "hours": hours}
    else:
        counts = _("No buyer contact to judge in the last %(days)d days.") % values
    waiting = ""
    if pending:
        waiting = ngettext(
            "%(count)d unanswered contact is still inside its first %(hours)d hours and not counted yet.",
            "%(count)d unanswered contacts are still inside their first %(hours)d hours and not counted yet.",
            pending,
        ) % {"count": pending, "hours": hours}
    state = metric["state"]
    habit = _(
        "Check your buyer messages at least twice a day, weekends and holidays included, and have someone cover "
        "them when you are away."
    )
    if state == HealthState.RED:
        advice = [
            _("Your account does not meet this target. Answer every buyer who is still waiting today, oldest first.")
        ]
        if metric["to_leave_red"]:
            advice.append(
                ngettext(
                    "%(count)d more contact answered within %(hours)d hours, and none late, would bring compliance "
                    "above %(limit)s%%.",
                    "%(count)d more contacts answered within %(hours)d hours, and none late, would bring compliance "
                    "above %(limit)s%%.",
                    metric["to_leave_red"],
                )
                % {"count": metric["to_leave_red"], "hours": hours, "limit": limit}
            )
        advice.append(habit)
    elif state == HealthState.YELLOW:
        advice = [_("Some buyers waited longer than %(hours)d hours.") % values, habit]
    elif state == HealthState.GREEN:
        advice = [_("Keep answering every buyer within %(hours)d hours, weekends and holidays included.") % values]
    else:
        advice = [_("Nothing to do yet: compliance appears once buyers contact you.")]
    return {
        "key": health.RESPONSE,
        "title": _("Response-time compliance"),
        "target": _("Above %(limit)s%%") % values,
        "counts": counts,
        "pending": waiting,
        "how": _(
            "The share of buyer contacts received in the last %(days)d days that you answered within %(hours)d "
            "hours. A contact counts once you have answered it, or once %(hours)d hours have passed without an "
            "answer (then it is late). It must stay above %(limit)s%%. At %(warning)s%% or less it is close to "
            "the limit."
        )
        % values,
        "advice": advice,
    }


@seller_only
def health_page(request: HttpRequest) -> HttpResponse:
    account = permissions.seller_account_for(request.user, None)
    report = selectors.health_report(account)
    cards = [
        _dissatisfaction_texts(report, report["metrics"][health.DISSATISFACTION]),
        _response_texts(report, report["metrics"][health.RESPONSE], report["contacts_pending"]),
    ]
    for card in cards:
        card["metric"] = report["metrics"][card["key"]]
        card["windows"] = [{"days": w["window_days"], "metric": w["metrics"][card["key"]]} for w in report["windows"]]
        card["warnings"] = [w["message"] for w in report["warnings"] if w["metric"] == card["key"]]
    weeks = selectors.trend(account)
    return render(
        request,
        "portal/health.html",
        {
            "report": report,
            "cards": cards,
            "weeks": weeks,
            "has_data": any(w["contacts"] for w in report["windows"]),
            "limits": {
                "rate": report["thresholds"][health.DISSATISFACTION]["red_at_or_above"],
                "compliance": report["thresholds"][health.RESPONSE]["red_at_or_below"],
            },
        },
    )
