"""What the seller is told about our reply (expected by when, paused while we wait for them, late),
what they never see of the SLA engine, and the business impact they can state on a new case."""

import datetime as dt
import html
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from pytest_django.asserts import assertRedirects

from sellerdesk.cases import services
from sellerdesk.cases.lifecycle import Status
from sellerdesk.cases.models import Case, CaseEvent
from sellerdesk.core import clock
from sellerdesk.sla import services as sla
from sellerdesk.sla.models import SlaPolicy

pytestmark = pytest.mark.django_db

# A Monday, 09:00 UTC: 04:00 in New York, the seller's zone. Tier 1 works around the clock, so the
# standard policy's first response is due 24 hours after opening (Tue 4 Mar, 04:00 EST).
T0 = dt.datetime(2025, 3, 3, 9, 0, tzinfo=dt.UTC)
CASES = reverse("portal:cases")
NEW = reverse("portal:new")

EXPECTED = "Expected reply by 4 Mar 2025, 04:00 EST"
PAUSED = "We're waiting for your reply — our response clock is paused"
LATE_ESCALATED = "Our reply is late — it has been escalated to the team lead"


def at(hours: float) -> dt.datetime:
    return T0 + dt.timedelta(hours=hours)


def case_url(case: Case, name: str = "case") -> str:
    return reverse(f"portal:{name}", args=[case.pk])


def text(page) -> str:
    """The page's visible text, tags removed and entities decoded, spaces collapsed."""
    body = re.sub(r"<[^>]+>", " ", page.content.decode())
    return re.sub(r"\s+", " ", html.unescape(body))


def get(client, url, when):
    with clock.frozen_at(when):
        response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.fixture
def seller(client_as, ana):
    return client_as(ana)


@pytest.fixture
def case(ana, tier1, lead, open_case_as):
    """Ana's case, opened at T0 through the service (so with its SLA targets); Tier 1 has a lead."""
    with clock.frozen_at(T0):
        opened = open_case_as(ana, subject="Payout missing", order_id="ORD-7")
    return opened


def test_case_page_and_list_tell_the_seller_when_to_expect_a_reply(seller, case):
    assert EXPECTED in text(get(seller, case_url(case), at(1)))
    assert EXPECTED in text(get(seller, CASES, at(1)))
    # The live part of the page, polled every few seconds, keeps it current.
    assert EXPECTED in text(get(seller, case_url(case, "timeline"), at(1)))


def test_while_waiting_on_the_seller_the_clock_is_said_to_be_paused(seller, case, agent):
    with clock.frozen_at(at(1)):
        services.assign_case(actor=agent, case_id=case.pk)
        services.post_message(actor=agent, case_id=case.pk, body="Which bank account is it?")
        services.change_status(actor=agent, case_id=case.pk, status=Status.WAITING_ON_SELLER)

    page = text(get(seller, case_url(case), at(2)))
    assert PAUSED in page
    assert "Expected reply by" not in page
    assert "We're waiting for your reply" in text(get(seller, CASES, at(2)))


def test_nothing_is_promised_once_support_has_answered(seller, case, agent):
    with clock.frozen_at(at(1)):
        services.assign_case(actor=agent, case_id=case.pk)
        services.post_message(actor=agent, case_id=case.pk, body="We are on it.")

    page = text(get(seller, case_url(case), at(2)))
    assert "Expected reply by" not in page
    assert "Our reply is late" not in page
    assert "paused" not in page


def test_a_late_reply_says_it_reached_the_team_lead_only_once_it_has(seller, case):
    page = text(get(seller, case_url(case), at(25)))  # overdue, but the ladder has not run yet
    assert "Our reply is late — it was expected by 4 Mar 2025, 04:00 EST" in page
    assert LATE_ESCALATED not in page

    with clock.frozen_at(at(25)):
        sla.sweep()  # the breach: the standard ladder notifies the team's leads

    assert LATE_ESCALATED in text(get(seller, case_url(case), at(25)))
    assert "Our reply is late" in text(get(seller, CASES, at(25)))


def test_a_late_reply_under_a_ladder_without_a_lead_step_makes_no_such_claim(seller, case):
    for policy in SlaPolicy.objects.all():
        policy.steps.filter(action__in=["notify_lead", "escalate_senior"]).delete()
    with clock.frozen_at(at(25)):
        sla.sweep()

    page = text(get(seller, case_url(case), at(25)))
    assert "Our reply is late — it was expected by" in page
    assert "team lead" not in page.replace("Each request goes to the team lead", "")


def test_the_seller_never_sees_the_priority_the_policy_or_the_ladder(seller, case, agent, tier1):
    from tests.factories import AgentFactory

    AgentFactory(username="other", teams=[tier1])
    with clock.frozen_at(at(0)):
        services.assign_case(actor=agent, case_id=case.pk)
    with clock.frozen_at(at(19)):
        sla.sweep()
    with clock.frozen_at(at(25)):
        sla.sweep()  # warned, breached, reassigned
    assert CaseEvent.objects.filter(case=case, kind="sla_step").count() == 2

    for url in (case_url(case), case_url(case, "timeline"), CASES):
        page = get(seller, url, at(25))
        content = text(page)
        for internal in ("SLA", "Standard", "Policy", "ladder", "score", "critical", "owner warned", "lead notified"):
            assert internal not in content, (url, internal)
        assert "kind-sla_step" not in page.content.decode()
        assert "Reassigned by" not in content
    # The reassignment itself is public: who has the case now.
    assert "assigned the case to" in text(get(seller, case_url(case), at(25)))


def test_a_resolved_case_promises_nothing(seller, case):
    with clock.frozen_at(at(1)):
        services.change_status(actor=case.opened_by, case_id=case.pk, status=Status.RESOLVED)

    page = text(get(seller, case_url(case), at(30)))
    assert "Expected reply by" not in page
    assert "Our reply is late" not in page


def test_another_seller_cannot_see_the_case(client_as, ben, case):
    other = client_as(ben)

    assert other.get(case_url(case)).status_code == 404
    assert other.get(case_url(case, "timeline")).status_code == 404
    assert "Payout missing" not in text(other.get(CASES))


# --- the business impact on a new case ---------------------------------------------------------------


def new_case_form(**overrides) -> dict:
    return {"subject": "Payout missing", "body": "My payout of March did not arrive.", "category": "", **overrides}


def test_new_case_form_offers_the_impact_fields_with_help(seller):
    page = seller.get(NEW)

    content = text(page)
    assert "Revenue at stake" in content
    assert "Orders affected" in content
    assert "Roughly how much in sales or payouts this problem is holding up." in content
    options = re.findall(r'<option value="([A-Z]{3})"', page.content.decode())
    assert options == ["USD", "EUR", "GBP", "CAD", "MXN", "CNY", "JPY"]


def test_new_case_with_its_business_impact_is_opened_and_ranked_by_it(seller, tier1):
    with clock.frozen_at(T0):
        response = seller.post(
            NEW, new_case_form(revenue_at_stake="1200.50", revenue_currency="EUR", orders_affected="3")
        )

    case = Case.objects.get()
    assertRedirects(response, case_url(case), fetch_redirect_response=False)
    assert (case.revenue_at_stake, case.revenue_currency, case.orders_affected) == (Decimal("1200.50"), "EUR", 3)
    plain = Case.objects.filter(pk=case.pk).values_list("priority_at", flat=True).get()
    assert plain < at(24)  # moved ahead of its reply due time by the impact
    assert "Revenue at stake 1,200.50 EUR Orders affected 3" in text(get(seller, case_url(case), at(1)))


def test_new_case_without_impact_still_opens(seller, tier1):
    seller.post(NEW, new_case_form(revenue_at_stake="", revenue_currency="", orders_affected=""))

    case = Case.objects.get()
    assert (case.revenue_at_stake, case.revenue_currency, case.orders_affected) == (None, "", None)


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"revenue_at_stake": "-5", "revenue_currency": "EUR"}, {"revenue_at_stake": ["Give a positive amount."]}),
        (
            {"revenue_at_stake": "500"},
            {"revenue_currency": ["Choose one of: CAD, CNY, EUR, GBP, JPY, MXN, USD."]},
        ),
        ({"revenue_at_stake": "lots", "revenue_currency": "USD"}, {"revenue_at_stake": ["Enter a number."]}),
        ({"revenue_currency": "XYZ", "revenue_at_stake": "5"}, {"revenue_currency": None}),
        ({"orders_affected": "2000000"}, {"orders_affected": ["Give a number between 0 and 1,000,000."]}),
        ({"orders_affected": "a few"}, {"orders_affected": ["Enter a whole number."]}),
    ],
)
def test_bad_impact_values_are_shown_beside_their_fields_and_open_nothing(seller, tier1, fields, errors):
    response = seller.post(NEW, new_case_form(**fields))

    assert response.status_code == 200
    form_errors = response.context["form"].errors
    assert set(form_errors) == set(errors)
    for name, messages in errors.items():
        if messages is not None:
            assert form_errors[name] == messages
        field_html = response.content.decode()
        field_html = field_html[field_html.rfind('<div class="field', 0, field_html.find(f'id="id_{name}"')) :]
        assert field_html.startswith('<div class="field has-error">')
        assert '<p class="field-error" role="alert">' in field_html[: field_html.find("</div>")]
    assert not Case.objects.exists()
