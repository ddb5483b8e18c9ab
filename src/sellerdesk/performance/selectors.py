"""Reads of seller performance for the API and the web pages. Sections: account health; the
account, its actions and appeals; staff views (sellers, complaints, detectors); recovery."""

import dataclasses
import datetime as dt

from django.db.models import Case, Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from sellerdesk.accounts import permissions
from sellerdesk.accounts.capabilities import Capability, may_anywhere, require_capability_anywhere
from sellerdesk.accounts.models import AccountStatus, Role, SellerAccount, User
from sellerdesk.cases import models as cases_models
from sellerdesk.core import clock
from sellerdesk.core.errors import not_found, validation_error
from sellerdesk.sla.models import CaseTarget, TargetKind

from . import health, notices
from .models import (
    OPEN_APPEAL_STATUSES,
    STATUS_OF_ACTION,
    AccountEvent,
    AccountEventKind,
    AccountHealth,
    ActionKind,
    ActionStatus,
    Appeal,
    AppealDecision,
    AppealStatus,
    BuyerContact,
    Complaint,
    ComplaintStatus,
    Detector,
    EnforcementAction,
    HealthState,
    SurveyAnswer,
)

# --- account health ----------------------------------------------------------------------------------

# An early warning also appears on a green metric when this few more "no" answers or late contacts
# would turn it red (a seller with few answers can go from green to red in one day).
FEW_TO_RED = 3
TREND_WEEKS = 12


def _tenths_down(numerator: int, denominator: int) -> float | None:
    return (1000 * numerator // denominator) / 10 if denominator else None


def _tenths_up(numerator: int, denominator: int) -> float | None:
    return -(-1000 * numerator // denominator) / 10 if denominator else None


# Shown values are rounded towards the good side (the rate down, compliance up) to one decimal, so a
# shown value never reaches a limit the exact value has not: 24.96% shows as 24.9% (yellow, not red)
# and 89.96% compliance as 90.0% (red, as the exact value is). The states use the exact counts.


def _yes_answers_to_leave_red(no: int, answers: int, t: health.Thresholds) -> int | None:
    """How many more "yes" answers (and no "no") would bring a red rate below the limit."""
    if not answers or no * 1000 < t.red_no * answers or t.red_no <= 0:
        return None
    # smallest k with no * 1000 < red * (answers + k)
    return no * 1000 // t.red_no - answers + 1


def _on_time_contacts_to_leave_red(on_time: int, due: int, t: health.Thresholds) -> int | None:
    """How many more contacts answered in time would bring red compliance above the limit."""
    if not due or on_time * 1000 > t.red_on_time * due or t.red_on_time >= 1000:
        return None
    # smallest k with (on_time + k) * 1000 > red * (due + k)
    return (t.red_on_time * due - on_time * 1000) // (1000 - t.red_on_time) + 1


def _metrics(row: AccountHealth, t: health.Thresholds) -> dict:
    yellow_rate = round(t.dissatisfaction_max - t.dissatisfaction_warning, 1)
    yellow_compliance = round(t.response_min + t.response_warning, 1)
    return {
        health.DISSATISFACTION: {
            "value": _tenths_down(row.survey_no, row.survey_answers),
            "unit": "percent",
            "state": row.dissatisfaction_state,
            "target": {"operator": "<", "value": float(t.dissatisfaction_max)},
            "warning": {"operator": ">=", "value": yellow_rate},
            "numerator": row.survey_no,
            "denominator": row.survey_answers,
            "to_red": health.no_answers_to_red(row.survey_no, row.survey_answers, t),
            "to_leave_red": _yes_answers_to_leave_red(row.survey_no, row.survey_answers, t),
        },
        health.RESPONSE: {
            "value": _tenths_up(row.on_time, row.contacts_due),
            "unit": "percent",
            "state": row.response_state,
            "target": {"operator": ">", "value": float(t.response_min)},
            "warning": {"operator": "<=", "value": yellow_compliance},
            "numerator": row.on_time,
            "denominator": row.contacts_due,
            "to_red": health.late_contacts_to_red(row.on_time, row.contacts_due, t),
            "to_leave_red": _on_time_contacts_to_leave_red(row.on_time, row.contacts_due, t),
        },
    }


def _window(row: AccountHealth, t: health.Thresholds) -> dict:
    return {
        "window_days": row.window_days,
        "overall": row.overall,
        "contacts": row.contacts,
        # Unanswered contacts still inside their first hours: not judged yet.
        "contacts_pending": row.contacts - row.contacts_due,
        "metrics": _metrics(row, t),
    }


def _warnings(window: dict, t: health.Thresholds) -> list[dict]:
    """What would turn a metric red soon: every yellow metric, and a green one that few answers or
    late contacts would turn red."""
    warnings = []
    rate = window["metrics"][health.DISSATISFACTION]
    count = rate["to_red"]
    if count is not None and (
        rate["state"] == HealthState.YELLOW or (rate["state"] == HealthState.GREEN and count <= FEW_TO_RED)
    ):
        warnings.append(
            {
                "metric": health.DISSATISFACTION,
                "state": rate["state"],
                "count": count,
                "message": ngettext(
                    "%(count)d more 'no' answer from your next buyers would turn your dissatisfaction rate red "
                    "(%(limit)s%% or more).",
                    "%(count)d more 'no' answers from your next buyers would turn your dissatisfaction rate red "
                    "(%(limit)s%% or more).",
                    count,
                )
                % {"count": count, "limit": number_format(t.dissatisfaction_max, 1)},
            }
        )
    compliance = window["metrics"][health.RESPONSE]
    count = compliance["to_red"]
    if count is not None and (
        compliance["state"] == HealthState.YELLOW or (compliance["state"] == HealthState.GREEN and count <= FEW_TO_RED)
    ):
        warnings.append(
            {
                "metric": health.RESPONSE,
                "state": compliance["state"],
                "count": count,
                "message": ngettext(
                    "%(count)d more contact answered later than %(hours)d hours would turn your response-time "
                    "compliance red (%(limit)s%% or less).",
                    "%(count)d more contacts answered later than %(hours)d hours would turn your response-time "
                    "compliance red (%(limit)s%% or less).",
                    count,
                )
                % {"count": count, "hours": t.response_hours, "limit": number_format(t.response_min, 1)},
            }
        )
    return warnings


def _health_rows(account: SellerAccount, t: health.Thresholds, now: dt.datetime | None) -> dict[int, AccountHealth]:
    rows = {r.window_days: r for r in AccountHealth.objects.filter(seller_account=account, window_days__in=t.windows)}
    if len(rows) < len(t.windows):
        # Not computed yet (a new seller, or a window added to the settings): compute it now, for
        # this seller only; it is the same statement that adding contacts runs.
        health.recompute([account.pk], now=now)
        rows = {
            r.window_days: r for r in AccountHealth.objects.filter(seller_account=account, window_days__in=t.windows)
        }
    return rows


def health_report(account: SellerAccount, *, now: dt.datetime | None = None, window: int | None = None) -> dict:
    """A seller's account health as the API returns it: the metrics of the window the seller is
    judged on (the first configured one, or `window`) with the counts behind them, every window,
    when they were computed, the thresholds and the early warnings. The caller has checked that
    the viewer may see this account (`permissions.seller_account_for`)."""
    t = health.Thresholds.current()
    if window is None:
        window = t.primary_window
    elif window not in t.windows:
        raise validation_error(
            {"window": [_("Choose one of: %(choices)s.") % {"choices": ", ".join(str(days) for days in t.windows)}]}
        )
    rows = _health_rows(account, t, now)
    windows = [_window(rows[days], t) for days in t.windows]
    chosen = next(w for w in windows if w["window_days"] == window)
    return {
        "seller": account.marketplace_seller_id,
        "window_days": window,
        "overall": chosen["overall"],
        "metrics": chosen["metrics"],
        "contacts": chosen["contacts"],
        "contacts_pending": chosen["contacts_pending"],
        "windows": windows,
        "computed_at": min(r.computed_at for r in rows.values()),
        "thresholds": {
            "windows_days": list(t.windows),
            "response_hours": t.response_hours,
            health.DISSATISFACTION: {
                "red_at_or_above": float(t.dissatisfaction_max),
                "yellow_at_or_above": round(t.dissatisfaction_max - t.dissatisfaction_warning, 1),
            },
            health.RESPONSE: {
                "red_at_or_below": float(t.response_min),
                "yellow_at_or_below": round(t.response_min + t.response_warning, 1),
            },
        },
        "warnings": _warnings(chosen, t),
    }


def trend(account: SellerAccount, weeks: int = TREND_WEEKS, *, now: dt.datetime | None = None) -> list[dict]:
    """The seller's metrics week by week (weeks ending now), oldest first: one GROUP BY over this
    seller's contacts of the period, through the (seller_account, received_at) index."""
    now = now or clock.now()
    t = health.Thresholds.current()
    week = dt.timedelta(days=7)
    limit = dt.timedelta(hours=t.response_hours)
    # Week 0 is the last seven days; the first matching WHEN wins.
    bucket = Case(
        *[When(received_at__gt=now - (i + 1) * week, then=Value(i)) for i in range(weeks)],
        output_field=IntegerField(),
    )
    counts = {
        row["week"]: row
        for row in BuyerContact.objects.filter(
            seller_account=account, received_at__gt=now - weeks * week, received_at__lte=now
        )
        .annotate(week=bucket)
        .values("week")
        .annotate(
            contacts=Count("id"),
            answers=Count("id", filter=Q(survey_answer__in=[SurveyAnswer.YES, SurveyAnswer.NO])),
            no=Count("id", filter=Q(survey_answer=SurveyAnswer.NO)),
            due=Count("id", filter=Q(response_seconds__isnull=False) | Q(received_at__lte=now - limit)),
            on_time=Count("id", filter=Q(response_seconds__lte=int(limit.total_seconds()))),
        )
        .order_by()
    }
    result = []
    for i in reversed(range(weeks)):
        row = counts.get(i, {})
        answers, no = row.get("answers", 0), row.get("no", 0)
        due, on_time = row.get("due", 0), row.get("on_time", 0)
        result.append(
            {
                "start": now - (i + 1) * week,
                "end": now - i * week,
                "contacts": row.get("contacts", 0),
                "answers": answers,
                "no": no,
                "rate": _tenths_down(no, answers),
                "rate_state": health.dissatisfaction_state(no, answers, t),
                "due": due,
                "on_time": on_time,
                "compliance": _tenths_up(on_time, due),
                "compliance_state": health.response_state(on_time, due, t),
            }
        )
    return result


# --- account status, enforcement actions and appeals (seller and staff) ------------------------------

# What each status means for the seller, in their words.
STATUS_MEANINGS = {
    AccountStatus.ACTIVE: gettext_lazy("You can sell normally."),
    AccountStatus.UNDER_REVIEW: gettext_lazy(
        "Our team is reviewing your account. You can keep selling while we do; we will write to you here."
    ),
    AccountStatus.RESTRICTED: gettext_lazy("Some of your products cannot be sold."),
    AccountStatus.SUSPENDED: gettext_lazy(
        "You cannot sell: your listings are hidden from buyers until the suspension is lifted."
    ),
    AccountStatus.DEACTIVATED: gettext_lazy("Your account can no longer sell. You can still appeal the decision."),
}


@dataclasses.dataclass
class NextStep:
    """One thing the seller can do now. `kind`: appeal, follow_appeal, escalate, fix_items,
    wait_for_review, contact_support or nothing."""

    kind: str
    text: str
    action_id: int | None = None
    appeal_id: int | None = None


@dataclasses.dataclass
class ActionView:
    """An enforcement action with its appeals (newest first) and what the seller may do about it."""

    action: EnforcementAction
    appeals: list[Appeal]

    @property
    def in_force(self) -> bool:
        return self.action.status == ActionStatus.ACTIVE

    @property
    def latest_appeal(self) -> Appeal | None:
        return self.appeals[0] if self.appeals else None

    @property
    def open_appeal(self) -> Appeal | None:
        return next((a for a in self.appeals if a.status in OPEN_APPEAL_STATUSES), None)

    @property
    def can_appeal(self) -> bool:
        return self.in_force and self.open_appeal is None

    @property
    def name(self) -> str:
        return action_name(self.action)


@dataclasses.dataclass
class AccountOverview:
    account: SellerAccount
    status: str
    meaning: str
    # The reason of the last status change, and when it was made (empty when it never changed).
    reason: str
    changed_at: dt.datetime | None
    next_steps: list[NextStep]
    actions: list[ActionView]  # in force first, then the past ones; newest first within each

    @property
    def status_label(self) -> str:
        return str(AccountStatus(self.status).label)

    @property
    def in_force(self) -> list[ActionView]:
        return [a for a in self.actions if a.in_force]

    @property
    def past(self) -> list[ActionView]:
        return [a for a in self.actions if not a.in_force]


def action_name(action: EnforcementAction) -> str:
    """How the seller recognises an action: "Account suspended under rule PR-101 Pesticide claims"."""
    return _("%(action)s under rule %(code)s %(title)s") % {
        "action": action.get_kind_display(),
        "code": action.rule.code,
        "title": action.rule.title,
    }


def _actions_with_appeals(account: SellerAccount) -> list[ActionView]:
    actions = (
        EnforcementAction.objects.filter(seller_account=account)
        .select_related("rule", "detector", "complaint")
        .prefetch_related(
            Prefetch("appeals", queryset=Appeal.objects.select_related("case").order_by("-created_at", "-id"))
        )
        .order_by("-created_at", "-id")
    )
    views = [ActionView(action=a, appeals=list(a.appeals.all())) for a in actions]
    # In force first, those that set the account's status (the most pressing) at the very top.
    in_force = sorted((v for v in views if v.in_force), key=lambda v: v.action.kind not in STATUS_OF_ACTION)
    return in_force + [v for v in views if not v.in_force]


def _next_steps(account: SellerAccount, actions: list[ActionView]) -> list[NextStep]:
    steps: list[NextStep] = []
    for view in (v for v in actions if v.in_force):
        action, latest, name = view.action, view.latest_appeal, view.name
        if view.open_appeal is not None:
            appeal = view.open_appeal
            text = (
                _("We need more information about your appeal of “%(action)s”: answer on the appeal's case.")
                if appeal.status == AppealStatus.MORE_INFO
                else _("Your appeal of “%(action)s” is under review; follow it on its page.")
            ) % {"action": name}
            steps.append(NextStep("follow_appeal", text, action.pk, appeal.pk))
        elif latest is not None and latest.status == AppealStatus.DENIED and latest.escalated_at is None:
            steps.append(
                NextStep(
                    "escalate",
                    _(
                        "Your appeal of “%(action)s” was denied: you may ask once for a senior review, "
                        "or appeal again with a new plan of action."
                    )
                    % {"action": name},
                    action.pk,
                    latest.pk,
                )
            )
        else:
            steps.append(
                NextStep(
                    "appeal",
                    _("Appeal “%(action)s” if you think it is wrong, with a plan of action.") % {"action": name},
                    action.pk,
                )
            )
        items = "; ".join(notices.describe_item(i) for i in action.items)
        fix = _("Fix what the notice names (%(items)s).") % {"items": items}
        if action.rule.how_to_comply:
            fix += " " + action.rule.how_to_comply
        if all(step.text != fix for step in steps):  # two actions about the same items: say it once
            steps.append(NextStep("fix_items", fix, action.pk))
    if account.status == AccountStatus.UNDER_REVIEW:
        steps.append(
            NextStep("wait_for_review", _("Wait for our review: we write to you here, and you can answer on the case."))
        )
    if not steps and account.status == AccountStatus.ACTIVE:
        steps.append(NextStep("nothing", _("Nothing to do: your account is in good standing.")))
    steps.append(
        NextStep("contact_support", _("A question about your account? Open a case: a person answers in writing."))
    )
    return steps


def account_overview(user: User, seller: str | None = None) -> AccountOverview:
    """The seller's account as they see it: the status, what it means, why it is so, what they can
    do, and every enforcement action with its notice and appeals. Sellers read their own account;
    staff who work seller accounts name one (`seller`, a marketplace seller id): the notices and
    their evidence are not for every agent."""
    account = permissions.seller_account_for(user, seller)
    if user.is_agent:
        require_capability_anywhere(user, Capability.CHANGE_ACCOUNT_STATUS)
    return overview_of(account)


def overview_of(account: SellerAccount) -> AccountOverview:
    """`account_overview` of an account already known to be the reader's (the recovery channel)."""
    last_change = (
        AccountEvent.objects.filter(seller_account=account, kind=AccountEventKind.STATUS_CHANGED, public=True)
        .order_by("-created_at", "-id")
        .first()
    )
    actions = _actions_with_appeals(account)
    return AccountOverview(
        account=account,
        status=account.status,
        meaning=str(STATUS_MEANINGS.get(account.status, "")),
        reason=(last_change.data.get("reason") or "") if last_change else "",
        changed_at=last_change.created_at if last_change else None,
        next_steps=_next_steps(account, actions),
        actions=actions,
    )


def account_history(user: User) -> QuerySet[AccountEvent]:
    """The seller's public account history, newest first (what happened, by whom, why)."""
    account = permissions.seller_account_for(user, None)
    return AccountEvent.objects.filter(seller_account=account, public=True).select_related("actor")


def describe_account_event(event: AccountEvent) -> str:
    """One public account event in the seller's words (its data holds codes and reasons)."""
    data = event.data or {}

    def label(choices, value):
        return choices(value).label if value in choices.values else value or ""

    kind = event.kind
    if kind == AccountEventKind.STATUS_CHANGED:
        text = _("Status changed from %(from)s to %(to)s.") % {
            "from": label(AccountStatus, data.get("from")),
            "to": label(AccountStatus, data.get("to")),
        }
        return f"{text} {data['reason']}" if data.get("reason") else text
    if kind == AccountEventKind.ACTION_TAKEN:
        items = "; ".join(notices.describe_item(i) for i in data.get("items") or [] if isinstance(i, dict))
        return _("%(action)s under rule %(code)s: %(items)s.") % {
            "action": label(ActionKind, data.get("kind")),
            "code": data.get("rule", ""),
            "items": items,
        }
    if kind == AccountEventKind.ACTION_REVERSED:
        return _("%(action)s under rule %(code)s was reversed: %(reason)s") % {
            "action": label(ActionKind, data.get("kind")),
            "code": data.get("rule", ""),
            "reason": data.get("reason", ""),
        }
    if kind == AccountEventKind.APPEAL_FILED:
        return _("Appeal filed (case %(case)s).") % {"case": data.get("case", "")}
    if kind == AccountEventKind.APPEAL_DECIDED:
        decision = data.get("decision")
        heading = {
            AppealDecision.APPROVE: _("Appeal approved:"),
            AppealDecision.DENY: _("Appeal denied:"),
            AppealDecision.MORE_INFO: _("More information needed for the appeal:"),
        }.get(decision, _("Appeal decided:"))
        return f"{heading} {data.get('reason', '')}".strip()
    if kind == AccountEventKind.APPEAL_ESCALATED:
        return _("Senior review of the appeal requested: %(reason)s") % {"reason": data.get("reason", "")}
    return str(label(AccountEventKind, kind))


def _appeal_query() -> QuerySet[Appeal]:
    return Appeal.objects.select_related(
        "action", "action__rule", "action__detector", "action__complaint", "case", "case__team", "decided_by"
    ).prefetch_related(Prefetch("action__appeals", queryset=Appeal.objects.order_by("-created_at", "-id")))


def appeals_for(user: User, *, status: str | None = None) -> QuerySet[Appeal]:
    """The appeals whose case the user may see: a seller's own, an agent's teams'; newest first."""
    visible = cases_models.Case.objects.filter(permissions.case_scope(user)).values("pk")
    qs = _appeal_query().filter(case__in=visible)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-created_at", "-id")


def appeal_for(user: User, appeal_id: int) -> Appeal:
    """One appeal the user may see; another seller's (or another team's) is `not_found`."""
    appeal = appeals_for(user).filter(pk=appeal_id).first()
    if appeal is None:
        raise not_found(_("There is no such appeal."))
    return appeal


def appeal_for_case(case: cases_models.Case) -> Appeal | None:
    """The appeal a case was opened for, if it is an appeal's case (the caller has checked the case)."""
    return _appeal_query().filter(case=case).first()


def action_for_seller(user: User, action_id: int) -> ActionView:
    """One enforcement action on the seller's own account, with its appeals; otherwise `not_found`."""
    seller = user.is_authenticated and user.is_seller and user.seller_account_id
    return action_view_of(permissions.seller_account_for(user, None) if seller else None, action_id)


def action_view_of(account: SellerAccount | None, action_id: int) -> ActionView:
    """One enforcement action on this account, with its appeals; otherwise `not_found`."""
    action = (
        EnforcementAction.objects.filter(pk=action_id, seller_account=account)
        .select_related("rule", "detector", "complaint")
        .first()
        if account is not None
        else None
    )
    if action is None:
        raise not_found(_("There is no such enforcement action on your account."))
    appeals = list(action.appeals.select_related("case").order_by("-created_at", "-id"))
    return ActionView(action=action, appeals=appeals)


def earlier_appeals(appeal: Appeal) -> list[Appeal]:
    """The appeals of the same action filed before this one, newest first (context for the agent)."""
    return list(
        Appeal.objects.filter(action_id=appeal.action_id, created_at__lte=appeal.created_at)
        .exclude(pk=appeal.pk)
        .select_related("case", "decided_by")
        .order_by("-created_at", "-id")
    )


def appeal_evidence(user: User, appeal: Appeal) -> list[cases_models.Attachment]:
    """The evidence files of an appeal: its case's attachments (a seller's view leaves out files on
    internal notes)."""
    qs = cases_models.Attachment.objects.filter(case_id=appeal.case_id).order_by("created_at", "pk")
    if not permissions.can_see_internal(user):
        qs = qs.filter(message__internal=False)
    return list(qs)


def decision_target(appeal: Appeal) -> CaseTarget | None:
    """The appeal-decision SLA target of the appeal's case: the running one, else the latest."""
    return (
        CaseTarget.objects.filter(case_id=appeal.case_id, kind=TargetKind.APPEAL_DECISION)
        .order_by("-started_at", "-pk")
        .first()
    )


# --- staff: sellers, complaints, detectors -----------------------------------------------------------

# Staff reads. Who may call them is the capability to change account status (`is_enforcement_staff`):
# the seller_performance and senior tiers, and admins (operators and their integrations).


def is_enforcement_staff(user) -> bool:
    """Staff who work seller accounts: status, enforcement actions, complaints and detectors."""
    return may_anywhere(user, Capability.CHANGE_ACCOUNT_STATUS)


def _count_per_account(queryset):
    """A correlated count of `queryset` rows per seller account (0 when none), for annotate()."""
    per_account = (
        queryset.filter(seller_account=OuterRef("pk"))
        .order_by()
        .values("seller_account")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return Coalesce(Subquery(per_account), 0)


def staff_sellers(*, query: str = "", status: str | None = None, needs_attention: bool = False):
    """Seller accounts with their open items: actions in force, complaints awaiting validation and
    appeals under review, each counted in the same query. `query` matches the name or the
    marketplace seller id; `needs_attention` keeps accounts with an open item or a status other
    than active."""
    qs = SellerAccount.objects.annotate(
        active_actions=_count_per_account(EnforcementAction.objects.filter(status=ActionStatus.ACTIVE)),
        open_complaints=_count_per_account(Complaint.objects.filter(status=ComplaintStatus.RECEIVED)),
        open_appeals=_count_per_account(Appeal.objects.filter(status__in=OPEN_APPEAL_STATUSES)),
    )
    query = (query or "").replace("\x00", "")  # PostgreSQL text cannot hold NUL
    if query:
        qs = qs.filter(Q(name__icontains=query) | Q(marketplace_seller_id__icontains=query))
    if status:
        qs = qs.filter(status=status)
    if needs_attention:
        qs = qs.filter(Q(active_actions__gt=0) | Q(open_complaints__gt=0) | Q(open_appeals__gt=0) | ~Q(status="active"))
    return qs.order_by("name", "pk")


def staff_account(marketplace_seller_id: str = "", *, pk: int | None = None) -> SellerAccount:
    """A seller account by its marketplace seller id or its id (staff reads); `not_found` when there
    is none."""
    seller_id = (marketplace_seller_id or "").strip()
    qs = SellerAccount.objects.all()
    if pk is not None:
        qs = qs.filter(pk=pk)
    elif not seller_id or "\x00" in seller_id:  # PostgreSQL text cannot hold NUL: no such seller
        qs = qs.none()
    else:
        qs = qs.filter(marketplace_seller_id=seller_id)
    account = qs.first()
    if account is None:
        raise not_found(_("There is no such seller."))
    return account


def complaint_queue(*, status: str | None = ComplaintStatus.RECEIVED, seller_account=None):
    """Complaints for staff, with their seller and rule. Those awaiting validation come oldest first
    (a queue); decided ones newest first. `status=None` gives every complaint."""
    qs = Complaint.objects.select_related("seller_account", "rule", "decided_by")
    if status:
        qs = qs.filter(status=status)
    if seller_account is not None:
        qs = qs.filter(seller_account=seller_account)
    if status == ComplaintStatus.RECEIVED:
        return qs.order_by("created_at", "pk")
    return qs.order_by("-created_at", "-pk")


def staff_actions(*, seller_account=None, status: str | None = None, detector: str | None = None):
    """Enforcement actions for staff, newest first, with what their rows show loaded."""
    qs = EnforcementAction.objects.select_related("seller_account", "rule", "detector", "complaint", "created_by")
    if seller_account is not None:
        qs = qs.filter(seller_account=seller_account)
    if status:
        qs = qs.filter(status=status)
    if detector:
        qs = qs.filter(detector__name=detector)
    return qs.order_by("-created_at", "-pk")


def actions_for(account):
    """Every action on one account (staff view), newest first, with its appeals counted."""
    return staff_actions(seller_account=account).annotate(
        appeal_count=Count("appeals", distinct=True),
        open_appeal_count=Count("appeals", filter=Q(appeals__status__in=OPEN_APPEAL_STATUSES), distinct=True),
    )


def enforcement_action_for(user, action_id: int) -> EnforcementAction:
    """One action as its reader may see it: a seller only an action on their own account, staff any.
    Anything else does not exist for the reader (`not_found`)."""
    qs = EnforcementAction.objects.select_related("seller_account", "rule", "detector", "complaint", "created_by")
    if user.is_authenticated and user.is_active and user.role == Role.SELLER and user.seller_account_id:
        qs = qs.filter(seller_account_id=user.seller_account_id)
    elif not is_enforcement_staff(user):
        qs = qs.none()
    action = qs.filter(pk=action_id).first()
    if action is None:
        raise not_found(_("There is no such enforcement action."))
    return action


def seller_overview(account) -> dict:
    """What staff see of one seller account: its status and the reason given for the last change,
    the status history, the audit trail, actions (in force first), open complaints and appeals."""
    events = AccountEvent.objects.filter(seller_account=account).select_related("actor")
    status_history = list(events.filter(kind=AccountEventKind.STATUS_CHANGED)[:50])
    actions = list(actions_for(account))
    return {
        "account": account,
        "last_status_change": status_history[0] if status_history else None,
        "status_history": status_history,
        "events": list(events[:100]),
        "active_actions": [a for a in actions if a.status == ActionStatus.ACTIVE],
        "actions": actions,
        "open_complaints": list(complaint_queue(status=ComplaintStatus.RECEIVED, seller_account=account)),
        "complaints": list(complaint_queue(status=None, seller_account=account)[:50]),
        "appeals": list(
            Appeal.objects.filter(seller_account=account)
            .select_related("action", "action__rule", "case", "decided_by")
            .order_by("-created_at", "-pk")[:50]
        ),
        "open_appeals": Appeal.objects.filter(seller_account=account, status__in=OPEN_APPEAL_STATUSES).count(),
    }


def detector_stats(since: dt.datetime | None = None) -> list[dict]:
    """Per detector: the actions it led to, the appeals of those actions, the appeals approved, and
    its overturn rate — the share of its actions that were overturned: reversed by an approved
    appeal or by a staff review (reversed actions ÷ actions; None without actions). With `since`,
    only actions taken from then on count (with their appeals, whenever filed). One aggregate query."""
    taken = Q(actions__created_at__gte=since) if since else Q()
    stats = Detector.objects.annotate(
        action_count=Count("actions", filter=taken or None, distinct=True),
        appeal_count=Count("actions__appeals", filter=taken or None, distinct=True),
        approved_count=Count(
            "actions__appeals", filter=taken & Q(actions__appeals__status=AppealStatus.APPROVED), distinct=True
        ),
        overturned_count=Count("actions", filter=taken & Q(actions__status=ActionStatus.REVERSED), distinct=True),
    ).order_by("name")
    return [
        {
            "name": d.name,
            "version": d.version,
            "description": d.description,
            "active": d.active,
            "actions": d.action_count,
            "appeals": d.appeal_count,
            "appeals_approved": d.approved_count,
            "overturned": d.overturned_count,
            "overturn_rate": round(d.overturned_count / d.action_count, 4) if d.action_count else None,
        }
        for d in stats
    ]


# --- recovery (a verified recovery session reads its own account) -----------------------------------


def recovery_overview(account) -> dict:
    """What a seller in a verified recovery session sees: the account overview (status, why, the
    actions with their notices and appeals) and the appeal and account-access cases to follow."""
    from sellerdesk.cases.models import Case
    from sellerdesk.performance.recovery import RECOVERY_CATEGORIES

    cases = (
        Case.objects.filter(seller_account=account, category__in=RECOVERY_CATEGORIES)
        .select_related("team")
        .order_by("-updated_at", "-pk")[:20]
    )
    return {"overview": overview_of(account), "cases": list(cases)}


def identity_reviews(*, review: str):
    """Identity-document requests of the recovery channel in one review state (staff reads): those
    waiting come oldest first."""
    from .models import RecoveryMethod, RecoveryRequest

    qs = RecoveryRequest.objects.filter(method=RecoveryMethod.DOCUMENTS, review=review).select_related(
        "seller_account", "reviewed_by"
    )
    return qs.order_by("created_at", "pk") if review == "pending" else qs.order_by("-reviewed_at", "-pk")


def identity_review(request_id: int):
    from .models import RecoveryMethod, RecoveryRequest

    found = (
        RecoveryRequest.objects.filter(pk=request_id, method=RecoveryMethod.DOCUMENTS)
        .select_related("seller_account", "reviewed_by")
        .prefetch_related("documents")
        .first()
    )
    if found is None:
        raise not_found(_("There is no such identity review."))
    return found
