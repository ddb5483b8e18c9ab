"""Fixtures of insights: done cases with their messages, enforcement actions at given times, alerts
and incidents written straight to their tables (the services are tested on their own)."""

import datetime as dt

import factory
import pytest

from sellerdesk.cases.lifecycle import Status
from sellerdesk.cases.models import Message
from sellerdesk.core import clock
from sellerdesk.insights.models import Alert, Incident
from sellerdesk.performance.models import Detector, EnforcementAction, PolicyRule
from tests.factories import AdminFactory, CaseFactory, MessageFactory, SellerAccountFactory


class EnforcementActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EnforcementAction

    seller_account = factory.SubFactory(SellerAccountFactory)
    kind = "listing_removed"
    rule = factory.LazyFunction(lambda: PolicyRule.objects.get(code="PR-101"))
    items = factory.LazyFunction(lambda: [{"kind": "listing", "id": "L-1"}])
    evidence = "The title claims to kill germs."
    source = "detector"
    detector = factory.LazyFunction(lambda: Detector.objects.get(name="pesticide-claims"))
    detector_version = "1"
    created_by = factory.SubFactory(AdminFactory)
    notice = "Your listing was removed."
    created_at = factory.LazyFunction(clock.now)


class AlertFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Alert

    kind = "detector"
    key = "ppe-claims"
    day = factory.LazyFunction(lambda: clock.now().astimezone(dt.UTC).date())
    count = 8
    baseline_mean = 0.25
    baseline_std = 0.5
    threshold = 5
    examples = factory.LazyFunction(list)


class IncidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Incident

    title = "Listings removed by mistake"
    message = "We are reviewing them; no need to appeal one by one."
    created_by = factory.SubFactory(AdminFactory)
    starts_at = factory.LazyFunction(lambda: clock.now() - dt.timedelta(hours=1))


@pytest.fixture
def action_at(seeded_configuration):
    """`action_at(when, detector="ppe-claims", rule="PR-102", account=...)`: one enforcement action."""
    admin = AdminFactory(username="perf-bot")

    def _make(when, *, detector: str | None = "pesticide-claims", rule: str = "PR-101", account=None):
        fields = {"created_at": when, "created_by": admin, "rule": PolicyRule.objects.get(code=rule)}
        fields["detector"] = Detector.objects.get(name=detector) if detector else None
        fields["source"] = "detector" if detector else "reviewer"
        if account is not None:
            fields["seller_account"] = account
        return EnforcementActionFactory(**fields)

    return _make


@pytest.fixture
def done_case():
    """`done_case(team, subject, body, reply=..., category=...)`: a resolved case with the seller's
    first message and the agent's reply before resolution."""

    def _make(team, subject, body, *, reply="", category="other", status=Status.RESOLVED, account=None, age_days=3):
        opened = clock.now() - dt.timedelta(days=age_days)
        done = opened + dt.timedelta(hours=5)
        fields = {"team": team, "subject": subject, "category": category, "status": status, "created_at": opened}
        if account is not None:
            fields["seller_account"] = account
        if status == Status.RESOLVED:
            fields["resolved_at"] = done
        elif status == Status.CLOSED:
            fields["closed_at"] = done
        case = CaseFactory(updated_at=done, **fields)
        MessageFactory(case=case, body=body, created_at=opened)
        if reply:
            MessageFactory(
                case=case,
                author=None,
                author_role=Message.AuthorRole.AGENT,
                body=reply,
                created_at=done - dt.timedelta(hours=1),
            )
        return case

    return _make
