"""The workspace pages of alerts and incident banners, and the alerts API: leads and admins only;
agents who lead no team get 404 on the pages and 403 from the API; sellers likewise."""

import datetime as dt

import pytest
from django.urls import reverse

from sellerdesk.core import clock
from sellerdesk.insights.models import Incident

from .conftest import AlertFactory, IncidentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def alert(action_at, tier1):
    actions = [action_at(clock.now() - dt.timedelta(minutes=i), detector="ppe-claims") for i in range(3)]
    return AlertFactory(examples=[a.pk for a in actions])


@pytest.fixture
def case_alert(ana, tier1, payments_team):
    from tests.factories import CaseFactory

    mine = CaseFactory(seller_account=ana.seller_account, team=tier1, subject="Payout missing", category="payments")
    other = CaseFactory(team=payments_team, subject="Secret payments case", category="payments")
    return AlertFactory(kind="category", key="payments", examples=[mine.pk, other.pk]), mine, other


LEAD_GETS = ["workspace:alerts", "workspace:incidents", "workspace:lead_insights"]


@pytest.mark.parametrize("name", LEAD_GETS)
@pytest.mark.parametrize("who", ["lead", "support_admin"])
def test_leads_and_admins_open_the_pages(client_as, request, who, name, alert):
    response = client_as(request.getfixturevalue(who)).get(reverse(name))

    assert response.status_code == 200


@pytest.mark.parametrize("name", LEAD_GETS)
@pytest.mark.parametrize("who", ["agent", "ana"])
def test_agents_and_sellers_get_404(client_as, request, who, name, alert):
    assert client_as(request.getfixturevalue(who)).get(reverse(name)).status_code == 404


@pytest.mark.parametrize("name", LEAD_GETS)
def test_pages_need_signing_in(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302 and reverse("login") in response["Location"]


@pytest.mark.parametrize("who", ["agent", "ana"])
def test_agents_and_sellers_cannot_acknowledge_post_or_end(client_as, request, who, alert, lead):
    incident = IncidentFactory(created_by=lead)
    client = client_as(request.getfixturevalue(who))

    assert client.post(reverse("workspace:alert_acknowledge", args=[alert.pk])).status_code == 404
    assert client.post(reverse("workspace:incidents"), {"title": "x", "message": "y"}).status_code == 404
    assert client.post(reverse("workspace:incident_end", args=[incident.pk])).status_code == 404
    alert.refresh_from_db()
    incident.refresh_from_db()
    assert (alert.acknowledged_at, incident.ended_at, Incident.objects.count()) == (None, None, 1)


def test_alerts_page_shows_the_numbers_examples_and_actions(client_as, lead, alert):
    page = client_as(lead).get(reverse("workspace:alerts")).content.decode()

    assert "Actions by detector ppe-claims" in page
    assert f'id="alert-{alert.pk}"' in page
    assert page.count("Listing removed · PR-101") == 3
    assert reverse("workspace:alert_acknowledge", args=[alert.pk]) in page
    assert f"{reverse('workspace:incidents')}?alert={alert.pk}" in page


def test_action_examples_link_to_the_seller_page_for_enforcement_staff_only(client_as, support_admin, lead, alert):
    from sellerdesk.performance.models import EnforcementAction

    action = EnforcementAction.objects.get(pk=alert.examples[0])
    url = reverse("workspace:performance_seller", args=[action.seller_account_id])

    assert url in client_as(support_admin).get(reverse("workspace:alerts")).content.decode()
    assert url not in client_as(lead).get(reverse("workspace:alerts")).content.decode()


def test_case_examples_link_only_the_cases_the_lead_may_see(client_as, lead, case_alert):
    _alert, mine, other = case_alert

    page = client_as(lead).get(reverse("workspace:alerts")).content.decode()

    assert reverse("workspace:case", args=[mine.pk]) in page and "Payout missing" in page
    assert other.number in page
    assert reverse("workspace:case", args=[other.pk]) not in page
    assert "Secret payments case" not in page


def test_acknowledging_moves_the_alert_out_of_the_open_list(client_as, lead, alert):
    client = client_as(lead)

    response = client.post(reverse("workspace:alert_acknowledge", args=[alert.pk]), follow=True)

    alert.refresh_from_db()
    assert alert.acknowledged_by == lead and alert.acknowledged_at is not None
    assert "Alert acknowledged" in response.content.decode()
    assert "No alert waits for you" in response.content.decode()
    everything = client.get(reverse("workspace:alerts"), {"status": "all"}).content.decode()
    assert f'id="alert-{alert.pk}"' in everything and "Acknowledged by" in everything


def test_acknowledging_an_unknown_alert_is_404(client_as, lead):
    assert client_as(lead).post(reverse("workspace:alert_acknowledge", args=[99999])).status_code == 404


def test_old_alerts_leave_the_page(client_as, lead):
    AlertFactory(day=clock.now().date() - dt.timedelta(days=40))

    page = client_as(lead).get(reverse("workspace:alerts"), {"status": "all"}).content.decode()

    assert "No spike in this period." in page


def test_lead_view_loads_the_insights_card(client_as, lead, alert):
    page = client_as(lead).get(reverse("workspace:lead")).content.decode()
    card = client_as(lead).get(reverse("workspace:lead_insights"), headers={"HX-Request": "true"}).content.decode()

    assert f'hx-get="{reverse("workspace:lead_insights")}"' in page
    assert "ppe-claims" in card and reverse("workspace:alerts") in card


# --- incident banners page -------------------------------------------------------------------------------


def test_banner_form_is_prefilled_from_the_alert(client_as, lead, alert):
    page = client_as(lead).get(reverse("workspace:incidents"), {"alert": alert.pk}).content.decode()

    assert "Many listings removed by detector ppe-claims today" in page
    assert "no need" in page and "appeal them one by one" in page
    assert '<option value="ppe-claims" selected>' in page
    assert f'name="alert" value="{alert.pk}"' in page


def test_an_unknown_alert_leaves_the_form_empty(client_as, lead):
    response = client_as(lead).get(reverse("workspace:incidents"), {"alert": "424242"})

    assert response.status_code == 200
    assert "That alert does not exist any more" in response.content.decode()


def test_posting_a_banner_from_the_alert(client_as, lead, alert, ana):
    response = client_as(lead).post(
        reverse("workspace:incidents"),
        {
            "title": "Many listings removed by detector ppe-claims today",
            "message": "We are reviewing; no need to appeal one by one.",
            "detector_names": ["ppe-claims"],
            "countries": "es, mx",
            "alert": alert.pk,
        },
        follow=True,
    )

    incident = Incident.objects.get()
    assert (incident.detector_names, incident.countries, incident.alert) == (["ppe-claims"], ["ES", "MX"], alert)
    assert "Banner posted" in response.content.decode()
    assert f'id="incident-{incident.pk}"' in response.content.decode()


def test_a_refused_banner_shows_the_errors_next_to_the_fields(client_as, lead):
    response = client_as(lead).post(
        reverse("workspace:incidents"), {"title": "Outage", "message": "Bad", "countries": "Spain"}
    )

    assert response.status_code == 400
    assert "Give countries as two-letter codes" in response.content.decode()
    assert 'value="Outage"' in response.content.decode()
    assert not Incident.objects.exists()


def test_a_banner_without_title_is_refused_in_place(client_as, lead):
    response = client_as(lead).post(reverse("workspace:incidents"), {"title": "", "message": "Bad"})

    assert response.status_code == 400 and "field-error" in response.content.decode()


def test_ending_a_banner_from_the_page(client_as, lead, support_admin):
    incident = IncidentFactory(created_by=support_admin)

    response = client_as(lead).post(reverse("workspace:incident_end", args=[incident.pk]), follow=True)

    incident.refresh_from_db()
    assert incident.ended_by == lead
    page = response.content.decode()
    assert "Banner taken down" in page and "No banner is shown to sellers right now." in page
    assert "ended by" in page


def test_ending_an_unknown_banner_is_404(client_as, lead):
    assert client_as(lead).post(reverse("workspace:incident_end", args=[777])).status_code == 404


def test_pages_refuse_other_methods(client_as, lead, alert):
    client = client_as(lead)

    assert client.get(reverse("workspace:alert_acknowledge", args=[alert.pk])).status_code == 405
    assert client.post(reverse("workspace:alerts")).status_code == 405


# --- the alerts API ---------------------------------------------------------------------------------------


def test_api_lists_open_alerts_with_examples(api_as, lead, alert):
    response = api_as(lead).get("/api/v1/alerts")

    assert response.status_code == 200, response.content
    (item,) = response.json()
    assert (item["kind"], item["key"], item["count"]) == ("detector", "ppe-claims", 8)
    assert item["label"] == "Actions by detector ppe-claims"
    assert [e["id"] for e in item["examples"]] == alert.examples
    assert item["examples"][0]["type"] == "action" and item["examples"][0]["url"] is None


def test_api_acknowledge_then_the_open_list_is_empty(api_as, lead, alert):
    client = api_as(lead)

    acknowledged = client.post(f"/api/v1/alerts/{alert.pk}/acknowledge")

    assert acknowledged.status_code == 200
    assert acknowledged.json()["acknowledged_by"]["id"] == lead.pk
    assert client.get("/api/v1/alerts").json() == []
    assert len(client.get("/api/v1/alerts", status="all").json()) == 1


def test_api_alert_filters_are_checked(api_as, lead):
    response = api_as(lead).get("/api/v1/alerts", status="new", days=0)

    assert response.status_code == 422 and {"status", "days"} <= set(response.json()["fields"])


@pytest.mark.parametrize("who", ["agent", "ana"])
def test_api_alerts_are_for_leads_and_admins(api_as, request, who, alert):
    client = api_as(request.getfixturevalue(who))

    assert client.get("/api/v1/alerts").status_code == 403
    assert client.post(f"/api/v1/alerts/{alert.pk}/acknowledge").status_code == 403
    alert.refresh_from_db()
    assert alert.acknowledged_at is None


def test_api_acknowledge_unknown_alert_is_404(api_as, support_admin):
    assert api_as(support_admin).post("/api/v1/alerts/123456/acknowledge").status_code == 404
