"""Incident banners: who may post and end them, what they must say, which sellers they concern,
and the banner on every portal page in the seller's language."""

import datetime as dt

import pytest
from django.urls import reverse

from sellerdesk.core import clock
from sellerdesk.insights import services
from sellerdesk.insights.incidents import active_for
from sellerdesk.insights.models import Incident
from tests.factories import CaseFactory, SellerAccountFactory, SellerFactory

from .conftest import AlertFactory, IncidentFactory

pytestmark = pytest.mark.django_db

TEXT = {
    "title": "Many listings removed by detector ppe-claims today",
    "message": "We are reviewing; no need to appeal.",
}


# --- posting and ending -----------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["lead", "support_admin"])
def test_leads_and_admins_post_a_banner_with_sanitised_text(request, who, seeded_configuration):
    actor = request.getfixturevalue(who)

    incident = services.create_incident(
        actor=actor,
        title="<b>Removals</b> under review",
        message="We are on it.<script>alert(1)</script>",
        detector_names=["ppe-claims"],
        rule_codes=["pr-102"],
        countries=["es", "MX"],
    )

    assert incident.title == "Removals under review"
    assert "<script>" not in incident.message and incident.message.startswith("We are on it.")
    assert (incident.rule_codes, incident.countries) == (["PR-102"], ["ES", "MX"])
    assert incident.created_by == actor and incident.ended_at is None


@pytest.mark.parametrize("who", ["agent", "ana"])
def test_agents_and_sellers_cannot_post_banners(request, who, refused):
    with refused("permission_denied"):
        services.create_incident(actor=request.getfixturevalue(who), **TEXT)
    assert not Incident.objects.exists()


def test_a_banner_needs_a_title_a_message_and_known_targets(lead, refused, seeded_configuration):
    with refused("validation_error", "title", "message", "categories", "rule_codes", "detector_names", "countries"):
        services.create_incident(
            actor=lead,
            title="  ",
            message="<p></p>",
            categories=["weather"],
            rule_codes=["PR-999"],
            detector_names=["mind-reader"],
            countries=["Spain"],
        )


def test_a_planned_end_must_be_in_the_future(lead, refused):
    with refused("validation_error", "ends_at"):
        services.create_incident(actor=lead, **TEXT, ends_at=clock.now() - dt.timedelta(minutes=1))


def test_a_spanish_message_without_a_spanish_title_borrows_the_title(lead):
    incident = services.create_incident(actor=lead, **TEXT, message_es="Lo estamos revisando.")

    assert incident.title_es == TEXT["title"]


def test_ending_keeps_the_banner_on_record_with_who_and_when(lead, support_admin):
    incident = services.create_incident(actor=lead, **TEXT)

    ended = services.end_incident(actor=support_admin, incident_id=incident.pk)
    again = services.end_incident(actor=lead, incident_id=incident.pk)

    assert ended.ended_by == support_admin and ended.ended_at is not None
    assert (again.ended_by, again.ended_at) == (support_admin, ended.ended_at)
    with pytest.raises(TypeError):
        incident.delete()
    with pytest.raises(TypeError):
        Incident.objects.all().delete()


def test_an_agent_cannot_end_a_banner(agent, lead, refused):
    incident = services.create_incident(actor=lead, **TEXT)

    with refused("permission_denied"):
        services.end_incident(actor=agent, incident_id=incident.pk)


def test_ending_an_unknown_banner_is_not_found(lead, refused):
    with refused("not_found"):
        services.end_incident(actor=lead, incident_id=424242)


# --- who is concerned ---------------------------------------------------------------------------------


def test_a_banner_naming_nothing_concerns_everyone(ana, ben):
    incident = IncidentFactory()

    assert active_for(ana.seller_account) == [incident]
    assert active_for(ben.seller_account) == [incident]


def test_ended_future_and_expired_banners_concern_nobody(ana):
    now = clock.now()
    IncidentFactory(ended_at=now)
    IncidentFactory(starts_at=now + dt.timedelta(hours=1))
    IncidentFactory(ends_at=now - dt.timedelta(minutes=1))

    assert active_for(ana.seller_account) == []


def test_a_country_banner_concerns_sellers_of_that_country(db):
    spanish = SellerAccountFactory(country="ES")
    american = SellerAccountFactory(country="US")
    incident = IncidentFactory(countries=["ES"])

    assert active_for(spanish) == [incident]
    assert active_for(american) == []


def test_a_detector_banner_concerns_sellers_with_a_recent_action_by_it(action_at):
    hit, spared, long_ago = SellerAccountFactory(), SellerAccountFactory(), SellerAccountFactory()
    action_at(clock.now() - dt.timedelta(days=2), detector="ppe-claims", account=hit)
    action_at(clock.now() - dt.timedelta(days=2), detector="pesticide-claims", account=spared)
    action_at(clock.now() - dt.timedelta(days=20), detector="ppe-claims", account=long_ago)
    incident = IncidentFactory(detector_names=["ppe-claims"])

    assert active_for(hit) == [incident]
    assert active_for(spared) == []
    assert active_for(long_ago) == []


def test_a_rule_banner_concerns_sellers_with_a_recent_action_under_it(action_at):
    hit, spared = SellerAccountFactory(), SellerAccountFactory()
    action_at(clock.now() - dt.timedelta(days=1), detector=None, rule="PR-202", account=hit)
    action_at(clock.now() - dt.timedelta(days=1), detector=None, rule="PR-201", account=spared)
    incident = IncidentFactory(rule_codes=["PR-202"])

    assert active_for(hit) == [incident]
    assert active_for(spared) == []


def test_a_category_banner_concerns_sellers_with_a_recent_case_in_it(tier1):
    hit, spared = SellerAccountFactory(), SellerAccountFactory()
    CaseFactory(seller_account=hit, category="payments", team=tier1)
    CaseFactory(seller_account=spared, category="listing", team=tier1)
    incident = IncidentFactory(categories=["payments"])

    assert active_for(hit) == [incident]
    assert active_for(spared) == []


def test_countries_narrow_down_a_detector_banner(action_at):
    spanish, american = SellerAccountFactory(country="ES"), SellerAccountFactory(country="US")
    for account in (spanish, american):
        action_at(clock.now() - dt.timedelta(days=1), detector="ppe-claims", account=account)
    incident = IncidentFactory(detector_names=["ppe-claims"], countries=["ES"])

    assert active_for(spanish) == [incident]
    assert active_for(american) == []


# --- the portal banner ---------------------------------------------------------------------------------


@pytest.fixture
def detector_incident(action_at, ana, lead):
    action_at(clock.now() - dt.timedelta(hours=2), detector="ppe-claims", account=ana.seller_account)
    return services.create_incident(
        actor=lead,
        title="Listings removed by mistake",
        message="We are reviewing the removals; no need to appeal one by one.",
        title_es="Anuncios retirados por error",
        message_es="Estamos revisando las retiradas; no hace falta recurrir una por una.",
        detector_names=["ppe-claims"],
    )


@pytest.mark.parametrize(
    "page", ["portal:cases", "portal:new", "portal:commitments", "portal:health", "portal:account"]
)
def test_affected_seller_sees_the_banner_on_every_portal_page(client_as, ana, detector_incident, page):
    response = client_as(ana).get(reverse(page))

    assert response.status_code == 200
    assert "Listings removed by mistake" in response.content.decode()
    assert f'id="incident-{detector_incident.pk}"' in response.content.decode()


def test_unaffected_seller_does_not_see_the_banner(client_as, ben, detector_incident):
    response = client_as(ben).get(reverse("portal:cases"))

    assert "Listings removed by mistake" not in response.content.decode()
    assert "incident-banner" not in response.content.decode()


def test_the_banner_is_in_spanish_for_a_seller_reading_spanish(client_as, ana, detector_incident):
    response = client_as(ana).get(reverse("portal:cases"), headers={"accept-language": "es"})

    assert "Anuncios retirados por error" in response.content.decode()
    assert "no hace falta recurrir" in response.content.decode()
    assert "Listings removed by mistake" not in response.content.decode()


def test_an_ended_banner_disappears(client_as, ana, lead, detector_incident):
    services.end_incident(actor=lead, incident_id=detector_incident.pk)

    response = client_as(ana).get(reverse("portal:cases"))

    assert "Listings removed by mistake" not in response.content.decode()


def test_agents_do_not_get_the_seller_banner_in_the_workspace(client_as, agent, detector_incident):
    response = client_as(agent).get(reverse("workspace:queue"))

    assert "incident-banner" not in response.content.decode()


# --- the API -------------------------------------------------------------------------------------------


def test_api_lists_only_the_incidents_that_concern_the_seller(api_as, ana, ben, detector_incident):
    everyone = IncidentFactory(title="Payouts delayed")

    mine = api_as(ana).get("/api/v1/incidents", headers={"accept-language": "es"}).json()
    bens = api_as(ben).get("/api/v1/incidents").json()

    assert [i["id"] for i in mine] == [detector_incident.pk, everyone.pk] or [i["id"] for i in mine] == [
        everyone.pk,
        detector_incident.pk,
    ]
    assert [i["id"] for i in bens] == [everyone.pk]
    assert all(i["record"] is None for i in mine + bens)


def test_api_lists_every_active_incident_for_staff_with_its_record(api_as, agent, lead, detector_incident):
    IncidentFactory(title="Old", ended_at=clock.now())

    body = api_as(agent).get("/api/v1/incidents").json()

    assert [i["id"] for i in body] == [detector_incident.pk]
    assert body[0]["record"]["affected"]["detector_names"] == ["ppe-claims"]
    assert body[0]["record"]["created_by"]["id"] == lead.pk


def test_api_post_and_end_an_incident(api_as, lead, seeded_configuration):
    alert = AlertFactory()
    client = api_as(lead)

    created = client.post(
        "/api/v1/incidents", {**TEXT, "detector_names": ["ppe-claims"], "countries": ["ES"], "alert_id": alert.pk}
    )
    ended = client.post(f"/api/v1/incidents/{created.json()['id']}/end")

    assert created.status_code == 201, created.content
    assert created.json()["active"] is True and created.json()["record"]["alert_id"] == alert.pk
    assert ended.status_code == 200 and ended.json()["active"] is False
    assert ended.json()["record"]["ended_by"]["id"] == lead.pk


def test_api_refuses_a_bad_incident_with_field_details(api_as, lead):
    response = api_as(lead).post(
        "/api/v1/incidents", {"title": "", "message": "x", "categories": ["weather"], "colour": "red"}
    )

    assert response.status_code == 422
    assert {"categories.0", "colour"} <= set(response.json()["fields"])


def test_api_refuses_an_empty_title_from_the_service(api_as, lead):
    response = api_as(lead).post("/api/v1/incidents", {"title": " ", "message": "Something"})

    assert response.status_code == 422 and "title" in response.json()["fields"]


@pytest.mark.parametrize("who", ["agent", "ana"])
def test_api_post_and_end_are_for_leads_and_admins(api_as, request, who, lead):
    incident = services.create_incident(actor=lead, **TEXT)
    client = api_as(request.getfixturevalue(who))

    assert client.post("/api/v1/incidents", TEXT).status_code == 403
    assert client.post(f"/api/v1/incidents/{incident.pk}/end").status_code == 403
    incident.refresh_from_db()
    assert incident.ended_at is None


def test_api_end_of_unknown_incident_is_404(api_as, lead):
    assert api_as(lead).post("/api/v1/incidents/987654/end").status_code == 404


def test_api_incidents_need_a_token():
    from django.test import Client

    assert Client().get("/api/v1/incidents").status_code == 401


def test_sellers_of_an_account_see_it_for_every_user(db):
    account = SellerAccountFactory(country="ES")
    first, second = SellerFactory(seller_account=account), SellerFactory(seller_account=account)
    incident = IncidentFactory(countries=["ES"])

    from sellerdesk.insights import selectors

    assert selectors.incidents_for(first) == [incident] == selectors.incidents_for(second)


def test_api_refuses_control_characters_in_names_and_times_without_a_zone(api_as, lead):
    client = api_as(lead)

    nul = client.post("/api/v1/incidents", {**TEXT, "rule_codes": ["PR-1\u0000"], "detector_names": ["x\u0000"]})
    naive = client.post("/api/v1/incidents", {**TEXT, "ends_at": "2999-01-01T10:00:00"})

    assert nul.status_code == 422 and {"rule_codes.0", "detector_names.0"} <= set(nul.json()["fields"])
    assert naive.status_code == 422 and "ends_at" in naive.json()["fields"]
    assert not Incident.objects.exists()


def test_api_takes_a_planned_end_with_its_zone(api_as, lead):
    response = api_as(lead).post("/api/v1/incidents", {**TEXT, "ends_at": "2999-01-01T10:00:00+01:00"})

    assert response.status_code == 201
    ends_at = dt.datetime.fromisoformat(response.json()["ends_at"])
    assert ends_at == dt.datetime(2999, 1, 1, 9, 0, tzinfo=dt.UTC) == Incident.objects.get().ends_at
