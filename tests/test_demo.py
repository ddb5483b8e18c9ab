"""The demo marketplace loads through the services, and the issue's API check holds on it: pushing
100 contacts for seller-ana's account, 30 of whose survey answers are "no", gives a red 30.0%."""

import datetime as dt

import pytest

from sellerdesk.accounts.models import SellerAccount, User
from sellerdesk.core import clock
from sellerdesk.demo import loader
from sellerdesk.performance.models import AccountEvent, Appeal, Complaint, EnforcementAction

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(seeded_configuration):
    return loader.load(cases=26)


def test_demo_statuses_each_have_a_reason_and_appeals_are_in_every_state(demo):
    statuses = dict(SellerAccount.objects.values_list("marketplace_seller_id", "status"))
    assert statuses["MN-F9B2E4N6"] == "suspended"
    assert statuses["MN-K6W3F1D8"] == "restricted"
    assert statuses["MN-T8X1O6Q3"] == "under_review"
    for seller_id, status in statuses.items():
        if status != "active":
            reason = AccountEvent.objects.filter(seller_account__marketplace_seller_id=seller_id, kind="status_changed")
            assert reason.exists(), seller_id
    assert set(Appeal.objects.values_list("status", flat=True)) >= {"submitted", "approved", "denied"}
    assert EnforcementAction.objects.filter(status="reversed").count() == 2
    assert Complaint.objects.filter(status="received").count() == 5
    assert SellerAccount.objects.exclude(registered_email="").count() == 8
    assert demo["buyer_contacts"] > 0


def test_the_demo_has_a_detector_spike_for_the_leads(demo):
    from sellerdesk.insights.models import Alert
    from sellerdesk.insights.services import sweep_spike_alerts

    sweep_spike_alerts()
    alert = Alert.objects.get(kind="detector", key="ppe-claims")
    assert alert.count >= 8


def test_the_issue_api_check_on_the_demo(demo, api_as):
    admin = User.objects.get(username="admin")
    admin.set_password("pw")
    admin.save()
    seller_id = User.objects.get(username="seller-ana").seller_account.marketplace_seller_id
    now = clock.now()
    contacts = [
        {
            "external_id": f"check-{n}",
            "received_at": (now - dt.timedelta(days=3, minutes=n)).isoformat(),
            "responded_at": (now - dt.timedelta(days=3, minutes=n) + dt.timedelta(hours=2)).isoformat(),
            "survey_answer": "no" if n < 30 else "yes",
        }
        for n in range(100)
    ]
    api = api_as(admin)
    pushed = api.post("/api/v1/performance/contacts", {"seller": seller_id, "contacts": contacts})
    assert pushed.status_code == 200, pushed.content
    assert pushed.json()["accepted"] == 100
    health = api.get("/api/v1/performance/health", seller=seller_id).json()
    metric = health["metrics"]["dissatisfaction_rate"]
    assert (metric["value"], metric["state"], metric["numerator"], metric["denominator"]) == (30.0, "red", 30, 100)
    assert health["overall"] == "red"
