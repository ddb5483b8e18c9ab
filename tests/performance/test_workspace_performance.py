"""The workspace's seller performance pages: who may open them (staff with the capability to change
account status; other agents 403, sellers 404), the seller overview with its forms and errors in
place, the complaint queue with the credibility signals in words, and the detectors' table."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from sellerdesk.accounts.models import AccountStatus
from sellerdesk.core import clock
from sellerdesk.performance import services
from sellerdesk.performance.models import (
    AccountEvent,
    AccountEventKind,
    ActionStatus,
    Complaint,
    ComplaintStatus,
    EnforcementAction,
)
from sellerdesk.workspace.performance_views import TakeActionForm
from tests.factories import SellerAccountFactory

pytestmark = pytest.mark.django_db

REASON = "Listing L-4471 is being reviewed for pesticide claims."
EVIDENCE = "The title of listing L-4471 says 'kills 99.9% of germs' without a registration number."
DECISION = "The buyer's photos of order 112-5550001 show a used charger."


@pytest.fixture(autouse=True)
def _configured(seeded_configuration):
    """The capability matrix, policy rules and detectors as the data migrations seed them."""


@pytest.fixture
def ana_action(ana, take_action):
    return take_action(ana.seller_account)


@pytest.fixture
def ana_complaint(ana, complain):
    return complain(ana.seller_account)


def action_post(**overrides):
    return {
        "act-kind": "listing_removed",
        "act-rule": "PR-101",
        "act-items": "listing L-4471\nASIN: B08XK2L9QZ\n\n",
        "act-evidence": EVIDENCE,
        "act-source": "detector",
        "act-detector": "pesticide-claims",
        "act-detector_confidence": "0.9",
        **{f"act-{k}": v for k, v in overrides.items()},
    }


def pages(ana, action, complaint):
    account = ana.seller_account
    return [
        ("get", reverse("workspace:performance"), {}),
        ("get", reverse("workspace:performance_seller", args=[account.pk]), {}),
        ("get", reverse("workspace:performance_complaints"), {}),
        ("get", reverse("workspace:performance_detectors"), {}),
        (
            "post",
            reverse("workspace:performance_status", args=[account.pk]),
            {"st-status": "suspended", "st-reason": REASON},
        ),
        ("post", reverse("workspace:performance_action", args=[account.pk]), action_post(kind="account_suspended")),
        ("post", reverse("workspace:performance_reverse", args=[action.pk]), {f"reverse-{action.pk}-reason": REASON}),
        (
            "post",
            reverse("workspace:performance_decide", args=[complaint.pk]),
            {f"c-{complaint.pk}-decision": "validate", f"c-{complaint.pk}-reason": DECISION},
        ),
    ]


def state(ana, action, complaint):
    ana.seller_account.refresh_from_db()
    action.refresh_from_db()
    complaint.refresh_from_db()
    return (
        ana.seller_account.status,
        action.status,
        complaint.status,
        EnforcementAction.objects.count(),
        AccountEvent.objects.count(),
    )


# --- who may open the pages ---------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in(client, ana, ana_action, ana_complaint):
    for method, url, data in pages(ana, ana_action, ana_complaint):
        response = client.get(url) if method == "get" else client.post(url, data)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url


@pytest.mark.parametrize("who", ["ana", "ben"])
def test_sellers_get_404_on_every_page(client_as, ana, ben, ana_action, ana_complaint, who):
    client = client_as({"ana": ana, "ben": ben}[who])
    before = state(ana, ana_action, ana_complaint)
    for method, url, data in pages(ana, ana_action, ana_complaint):
        response = client.get(url) if method == "get" else client.post(url, data)
        assert response.status_code == 404, (who, url)
    assert state(ana, ana_action, ana_complaint) == before


def test_tier1_agent_without_the_capability_gets_403_on_every_page(client_as, agent, ana, ana_action, ana_complaint):
    client = client_as(agent)
    before = state(ana, ana_action, ana_complaint)
    for method, url, data in pages(ana, ana_action, ana_complaint):
        response = client.get(url) if method == "get" else client.post(url, data)
        assert response.status_code == 403, url
        assert "Not available to your tier" in response.content.decode()
    assert state(ana, ana_action, ana_complaint) == before


@pytest.mark.parametrize("who", ["perf_agent", "senior_agent", "support_admin"])
def test_staff_with_the_capability_open_every_page(request, client_as, ana, ana_action, ana_complaint, who):
    client = client_as(request.getfixturevalue(who))
    for method, url, _data in pages(ana, ana_action, ana_complaint):
        if method == "get":
            assert client.get(url).status_code == 200, url


def test_the_nav_link_shows_only_to_staff_with_the_capability(client_as, agent, perf_agent, support_admin):
    link = f'href="{reverse("workspace:performance")}"'
    assert link not in client_as(agent).get(reverse("workspace:queue")).content.decode()
    assert link in client_as(perf_agent).get(reverse("workspace:queue")).content.decode()
    assert link in client_as(support_admin).get(reverse("workspace:queue")).content.decode()


def test_unknown_seller_action_or_complaint_is_404(client_as, perf_agent):
    client = client_as(perf_agent)
    assert client.get(reverse("workspace:performance_seller", args=[999999])).status_code == 404
    assert client.post(reverse("workspace:performance_reverse", args=[999999]), {}).status_code == 404
    response = client.post(
        reverse("workspace:performance_decide", args=[999999]),
        {"c-999999-decision": "validate", "c-999999-reason": DECISION},
    )
    assert response.status_code == 404


# --- the sellers list ------------------------------------------------------------------------------------------


def test_sellers_list_is_searchable_and_shows_open_items(client_as, perf_agent, ana, ben, ana_action, ana_complaint):
    client = client_as(perf_agent)
    page = client.get(reverse("workspace:performance")).content.decode()
    assert "Ana&#x27;s Crafts" in page and "Ben&#x27;s Gadgets" in page

    found = client.get(reverse("workspace:performance"), {"q": ben.seller_account.marketplace_seller_id})
    assert "Ben&#x27;s Gadgets" in found.content.decode() and "Ana&#x27;s Crafts" not in found.content.decode()

    attention = client.get(reverse("workspace:performance"), {"attention": "1"}).content.decode()
    assert "Ana&#x27;s Crafts" in attention and "Ben&#x27;s Gadgets" not in attention

    empty = client.get(reverse("workspace:performance"), {"q": "no such shop"}).content.decode()
    assert "No seller matches these filters." in empty


# --- the seller overview ------------------------------------------------------------------------------------


def test_overview_shows_status_with_its_reason_health_actions_and_notice(client_as, perf_agent, ana, ana_action):
    services.change_account_status(
        actor=perf_agent, seller_account_id=ana.seller_account.pk, status=AccountStatus.UNDER_REVIEW, reason=REASON
    )
    page = client_as(perf_agent).get(reverse("workspace:performance_seller", args=[ana.seller_account.pk]))

    html = page.content.decode()
    assert REASON in html
    assert "Account health" in html
    assert f'id="action-{ana_action.pk}"' in html
    assert "kills 99.9% of germs" in html  # the notice
    assert "Status: Active → Under review" in html  # the account history


def test_status_form_changes_the_status(client_as, perf_agent, ana):
    account = ana.seller_account
    response = client_as(perf_agent).post(
        reverse("workspace:performance_status", args=[account.pk]), {"st-status": "suspended", "st-reason": REASON}
    )
    assert response.status_code == 302
    account.refresh_from_db()
    assert account.status == AccountStatus.SUSPENDED
    [event] = AccountEvent.objects.filter(seller_account=account, kind=AccountEventKind.STATUS_CHANGED)
    assert event.actor == perf_agent and event.data["reason"] == REASON


def test_status_form_shows_a_missing_reason_and_an_invalid_change_in_place(client_as, perf_agent, ana):
    client = client_as(perf_agent)
    url = reverse("workspace:performance_status", args=[ana.seller_account.pk])

    missing = client.post(url, {"st-status": "suspended", "st-reason": ""})
    assert missing.status_code == 400
    assert "Tell the seller why" in missing.content.decode()

    invalid = client.post(url, {"st-status": "active", "st-reason": REASON})
    assert invalid.status_code == 400
    assert "An account that is active cannot become active." in invalid.content.decode()
    ana.seller_account.refresh_from_db()
    assert ana.seller_account.status == AccountStatus.ACTIVE


def test_take_action_form_reads_item_lines(client_as, perf_agent, ana):
    response = client_as(perf_agent).post(
        reverse("workspace:performance_action", args=[ana.seller_account.pk]), action_post()
    )
    assert response.status_code == 302, response.content.decode()
    action = EnforcementAction.objects.get()
    assert action.items == [{"kind": "listing", "id": "L-4471"}, {"kind": "asin", "id": "B08XK2L9QZ"}]
    assert (action.detector.name, action.detector_confidence) == ("pesticide-claims", 0.9)


def test_take_action_form_sent_twice_takes_one_action(client_as, perf_agent, ana):
    staff = client_as(perf_agent)
    page = staff.get(reverse("workspace:performance_seller", args=[ana.seller_account.pk]))
    key = re.search(r'name="idempotency_key" value="([^"]+)"', page.content.decode()).group(1)
    url = reverse("workspace:performance_action", args=[ana.seller_account.pk])

    first = staff.post(url, {**action_post(), "idempotency_key": key})
    double_click = staff.post(url, {**action_post(), "idempotency_key": key})

    assert first.status_code == double_click.status_code == 302
    assert first["Location"] == double_click["Location"]
    assert EnforcementAction.objects.count() == 1


def test_take_action_form_sent_again_with_other_facts_says_so_and_offers_a_new_key(client_as, perf_agent, ana):
    staff = client_as(perf_agent)
    url = reverse("workspace:performance_action", args=[ana.seller_account.pk])
    staff.post(url, {**action_post(), "idempotency_key": "form-1"})

    back_button = staff.post(url, {**action_post(kind="account_suspended"), "idempotency_key": "form-1"})

    assert back_button.status_code == 400
    assertContains(back_button, "This form was already sent and took an action", status_code=400)
    assertNotContains(back_button, 'name="idempotency_key" value="form-1"', status_code=400)
    assert EnforcementAction.objects.count() == 1
    ana.seller_account.refresh_from_db()
    assert ana.seller_account.status == AccountStatus.ACTIVE


def test_item_lines_the_service_cannot_read_are_passed_on():
    form = TakeActionForm({"act-items": "listing L-1\nL-2\nsku:  SKU 9 \n", "act-kind": "warning"}, prefix="act")
    form.fields["rule"].choices = [("", "")]
    form.is_valid()
    assert form.items_list() == [
        {"kind": "listing", "id": "L-1"},
        {"kind": "l-2", "id": ""},
        {"kind": "sku", "id": "SKU 9"},
    ]


def test_a_refused_notice_shows_each_missing_fact_next_to_its_field(client_as, perf_agent, ana):
    response = client_as(perf_agent).post(
        reverse("workspace:performance_action", args=[ana.seller_account.pk]),
        action_post(kind="account_suspended", rule="", items="", evidence="Policy violation"),
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "A notice must name the rule broken, the exact items and the evidence" in html
    assert "Name the policy rule that was broken." in html
    assert "Name the exact listing, order, ASIN or SKU concerned." in html
    assert "Describe the evidence" in html
    assert html.count('class="field has-error') >= 3
    assert not EnforcementAction.objects.exists()
    ana.seller_account.refresh_from_db()
    assert ana.seller_account.status == AccountStatus.ACTIVE


def test_an_unvalidated_complaint_cannot_suspend_from_the_form(client_as, perf_agent, ana, ana_complaint):
    response = client_as(perf_agent).post(
        reverse("workspace:performance_action", args=[ana.seller_account.pk]),
        action_post(kind="account_suspended", source="complaint", complaint=str(ana_complaint.pk)),
    )
    assert response.status_code == 400
    assert "an unvalidated complaint cannot lead to enforcement" in response.content.decode()
    ana.seller_account.refresh_from_db()
    assert ana.seller_account.status == AccountStatus.ACTIVE
    assert not EnforcementAction.objects.exists()


def test_a_validated_complaint_suspends_from_the_form(client_as, perf_agent, ana, ana_complaint):
    services.decide_complaint(actor=perf_agent, complaint_id=ana_complaint.pk, valid=True, reason=DECISION)
    response = client_as(perf_agent).post(
        reverse("workspace:performance_action", args=[ana.seller_account.pk]),
        action_post(
            kind="account_suspended",
            rule="PR-301",
            items="order 112-5550001",
            source="complaint",
            complaint=str(ana_complaint.pk),
        ),
    )
    assert response.status_code == 302
    ana.seller_account.refresh_from_db()
    assert ana.seller_account.status == AccountStatus.SUSPENDED
    assert EnforcementAction.objects.get().complaint == ana_complaint


def test_funds_held_form_needs_an_amount(client_as, perf_agent, ana):
    client = client_as(perf_agent)
    url = reverse("workspace:performance_action", args=[ana.seller_account.pk])
    refused = client.post(url, action_post(kind="funds_held", source="reviewer"))
    assert refused.status_code == 400 and "Give the amount held." in refused.content.decode()

    done = client.post(url, action_post(kind="funds_held", source="reviewer", amount_held="300", currency="USD"))
    assert done.status_code == 302
    assert EnforcementAction.objects.get().amount_held == 300


def test_reverse_form_lifts_the_action_and_shows_a_missing_reason_in_place(client_as, perf_agent, ana, take_action):
    action = take_action(ana.seller_account, kind="account_suspended")
    client = client_as(perf_agent)
    url = reverse("workspace:performance_reverse", args=[action.pk])

    missing = client.post(url, {f"reverse-{action.pk}-reason": ""})
    assert missing.status_code == 400 and "Write down why" in missing.content.decode()

    done = client.post(url, {f"reverse-{action.pk}-reason": "L-4471 shows its registration number."})
    assert done.status_code == 302
    action.refresh_from_db()
    ana.seller_account.refresh_from_db()
    assert action.status == ActionStatus.REVERSED and ana.seller_account.status == AccountStatus.ACTIVE


# --- complaints ------------------------------------------------------------------------------------------------


def test_complaint_queue_explains_the_signals_in_words(client_as, perf_agent, ana, complain):
    rival = "RIVAL-9"
    for _n in range(4):
        complain(
            SellerAccountFactory(),
            complainant_kind="seller",
            complainant_id=rival,
            listing_id="",
            product_category="toys",
        )
    first = complain(ana.seller_account, complainant_kind="seller", complainant_id=rival, product_category="toys")
    complain(
        ana.seller_account,
        product_category="toys",
        complainant_kind="seller",
        complainant_id=rival,
        complainant_since=(clock.now() - dt.timedelta(days=3)).date(),
    )

    html = client_as(perf_agent).get(reverse("workspace:performance_complaints")).content.decode()

    assert "complainant account 3 days old" in html
    assert "complained about 4 other sellers in “toys” in 90 days" in html
    assert f"duplicate of complaint #{first.pk}" in html
    assert "the complainant is another seller, possibly a competitor" in html
    assert "Low credibility" in html or "Medium credibility" in html


def test_validate_and_reject_from_the_queue(client_as, perf_agent, ana, ben, complain):
    good = complain(ana.seller_account)
    bad = complain(ben.seller_account, complainant_id="BUYER-2")
    client = client_as(perf_agent)

    response = client.post(
        reverse("workspace:performance_decide", args=[good.pk]),
        {f"c-{good.pk}-decision": "validate", f"c-{good.pk}-reason": DECISION},
    )
    assert response.status_code == 302
    client.post(
        reverse("workspace:performance_decide", args=[bad.pk]),
        {f"c-{bad.pk}-decision": "reject", f"c-{bad.pk}-reason": "The order was never delivered to this buyer."},
    )

    assert Complaint.objects.get(pk=good.pk).status == ComplaintStatus.VALIDATED
    assert Complaint.objects.get(pk=bad.pk).status == ComplaintStatus.REJECTED
    validated = client.get(reverse("workspace:performance_complaints"), {"status": "validated"}).content.decode()
    assert f'id="complaint-{good.pk}"' in validated and f'id="complaint-{bad.pk}"' not in validated
    waiting = client.get(reverse("workspace:performance_complaints")).content.decode()
    assert "No complaint is waiting for validation." in waiting


def test_decision_without_a_reason_is_shown_in_place(client_as, perf_agent, ana_complaint):
    response = client_as(perf_agent).post(
        reverse("workspace:performance_decide", args=[ana_complaint.pk]),
        {f"c-{ana_complaint.pk}-decision": "validate", f"c-{ana_complaint.pk}-reason": ""},
    )
    assert response.status_code == 400
    assert "Write down why" in response.content.decode()
    ana_complaint.refresh_from_db()
    assert ana_complaint.status == ComplaintStatus.RECEIVED


def test_complaints_filtered_by_seller(client_as, perf_agent, ana, ben, complain):
    mine = complain(ana.seller_account)
    other = complain(ben.seller_account, complainant_id="BUYER-2")
    html = (
        client_as(perf_agent)
        .get(reverse("workspace:performance_complaints"), {"seller": ana.seller_account.pk})
        .content.decode()
    )
    assert f'id="complaint-{mine.pk}"' in html and f'id="complaint-{other.pk}"' not in html


# --- detectors -------------------------------------------------------------------------------------------------


def test_detectors_table_highlights_a_high_overturn_rate(client_as, perf_agent, ana, take_action):
    kept = take_action(ana.seller_account)
    lifted = take_action(ana.seller_account, items=[{"kind": "listing", "id": "L-2"}])
    services.reverse_action(actor=perf_agent, action_id=lifted.pk, reason="L-2 has its registration number.")
    take_action(ana.seller_account, rule="PR-201", detector="trademark-match", items=[{"kind": "asin", "id": "B01"}])
    assert kept.status == ActionStatus.ACTIVE

    html = client_as(perf_agent).get(reverse("workspace:performance_detectors")).content.decode()

    assert "50.0%" in html
    assert html.count('class="overturn-alert"') == 1  # pesticide-claims; trademark-match is at 0%
    assert "0.0%" in html
    assert client_as(perf_agent).get(reverse("workspace:performance_detectors"), {"days": "30"}).status_code == 200


def test_reversing_twice_says_why_on_the_page(client_as, perf_agent, ana, take_action):
    action = take_action(ana.seller_account)
    services.reverse_action(actor=perf_agent, action_id=action.pk, reason="L-4471 shows its registration number.")
    response = client_as(perf_agent).post(
        reverse("workspace:performance_reverse", args=[action.pk]),
        {f"reverse-{action.pk}-reason": "L-4471 shows its registration number."},
    )
    assert response.status_code == 400
    assert "This action is no longer in force." in response.content.decode()


def test_deciding_a_decided_complaint_says_why_on_the_page(client_as, perf_agent, ana_complaint):
    services.decide_complaint(actor=perf_agent, complaint_id=ana_complaint.pk, valid=True, reason=DECISION)
    response = client_as(perf_agent).post(
        reverse("workspace:performance_decide", args=[ana_complaint.pk]),
        {f"c-{ana_complaint.pk}-decision": "reject", f"c-{ana_complaint.pk}-reason": DECISION},
    )
    assert response.status_code == 400
    assert "This complaint has already been decided." in response.content.decode()


def test_odd_query_parameters_do_not_break_the_pages(client_as, perf_agent, ana):
    client = client_as(perf_agent)
    assert (
        client.get(reverse("workspace:performance"), {"q": "a\x00b", "status": "nope", "page": "x"}).status_code == 200
    )
    assert client.get(reverse("workspace:performance_complaints"), {"status": "x", "seller": "²"}).status_code == 200
    assert client.get(reverse("workspace:performance_complaints"), {"seller": "999999"}).status_code == 404
    assert client.get(reverse("workspace:performance_detectors"), {"days": "-3"}).status_code == 200
