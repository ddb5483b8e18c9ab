"""The seller's account health page: what it shows (values, states in words, counts, both windows,
the trend, how it is computed, what to do, early warnings, the empty state) and who may open it."""

import datetime as dt

import pytest
from django.urls import reverse

from sellerdesk.core import clock
from sellerdesk.performance import services

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)
URL = "/portal/health/"


@pytest.fixture(autouse=True)
def _now():
    with clock.frozen_at(NOW):
        yield


def send(operator, account, n, *, no=0, late=0, days_ago=3, prefix="c"):
    """n contacts, `no` of them answered 'no' (the others 'yes'), `late` answered after 30 hours."""
    received = NOW - dt.timedelta(days=days_ago)
    rows = []
    for i in range(n):
        moment = received + dt.timedelta(minutes=i)
        rows.append(
            {
                "external_id": f"{prefix}-{i}",
                "received_at": moment.isoformat(),
                "responded_at": (moment + dt.timedelta(hours=30 if i < late else 1)).isoformat(),
                "survey_answer": "no" if i < no else "yes",
            }
        )
    return services.ingest_contacts(actor=operator, seller=account.marketplace_seller_id, contacts=rows)


def test_the_page_shows_a_red_dissatisfaction_rate_of_30_percent(client_as, operator, ana):
    send(operator, ana.seller_account, 100, no=30)
    page = client_as(ana).get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert "30.0%" in html
    assert "Fails the target" in html
    assert "badge health-red" in html
    assert "30 of 100 buyers who answered said &#x27;no&#x27;." in html
    assert "Target: Below 25.0%" in html
    assert "How it is computed" in html and "What to do" in html
    # 30 / (100 + 21) is below 25 %; 30 / 120 is not.
    assert "21 more &#x27;yes&#x27; answers would bring the rate below 25.0%" in html
    assert "Appeal or see enforcement actions" in html
    assert reverse("portal:account") in html
    assert "Last 30 days" in html and "Last 90 days" in html
    # Compliance is fine: every contact was answered within the hour.
    assert "100 of 100 contacts answered within 24 hours." in html
    assert "Meets the target" in html


def test_a_yellow_rate_shows_the_early_warning_with_how_many_no_answers_turn_it_red(client_as, operator, ana):
    send(operator, ana.seller_account, 100, no=22)  # 22.0 %: yellow
    html = client_as(ana).get(URL).content.decode()
    assert "22.0%" in html
    assert "Close to the limit" in html
    assert "Early warning" in html
    # (22 + k) / (100 + k) >= 25 % from k = 4 (26/104 = 25.0 %).
    assert "4 more &#x27;no&#x27; answers from your next buyers would turn your dissatisfaction rate red" in html


def test_a_green_rate_with_few_answers_warns_that_one_no_turns_it_red(client_as, operator, ana):
    send(operator, ana.seller_account, 3)  # 0 of 3: green, but 1 of 4 is 25.0 %
    html = client_as(ana).get(URL).content.decode()
    assert "Meets the target" in html
    assert "1 more &#x27;no&#x27; answer from your next buyers would turn your dissatisfaction rate red" in html


def test_late_answers_show_in_compliance_with_its_advice(client_as, operator, ana):
    send(operator, ana.seller_account, 20, late=2)  # 18 / 20 = 90.0 %: red
    html = client_as(ana).get(URL).content.decode()
    assert "90.0%" in html
    assert "18 of 20 contacts answered within 24 hours." in html
    assert "Answer every buyer who is still waiting today" in html


def test_without_contacts_the_page_explains_what_will_appear(client_as, ana):
    page = client_as(ana).get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert "No buyer contacts yet." in html
    assert "Not enough data" in html
    assert "The last 12 weeks" not in html


def test_the_trend_lists_twelve_weeks_with_the_week_of_each_contact(client_as, operator, ana):
    send(operator, ana.seller_account, 10, no=5, days_ago=3, prefix="recent")  # this week: 50 %
    send(operator, ana.seller_account, 10, no=1, days_ago=17, prefix="older")  # week 3 (14–21 days ago): 10 %
    html = client_as(ana).get(URL).content.decode()
    assert "The last 12 weeks" in html
    assert html.count('<th scope="row"><time') == 12
    assert "50.0%" in html and "10.0%" in html
    assert "width: 50.0%" in html


def test_the_page_is_in_the_sellers_language(client_as, operator, ana):
    send(operator, ana.seller_account, 100, no=30)
    client = client_as(ana)
    client.cookies["django_language"] = "es"
    html = client.get(URL).content.decode()
    # The value is formatted for the language; the bar's CSS width is not.
    assert "30,0%" in html
    assert "width: 30.0%" in html
    assert "30.0%" not in html.replace("width: 30.0%", "")


def test_sellers_see_the_account_health_link(client_as, ana):
    assert f'href="{URL}"' in client_as(ana).get(reverse("portal:cases")).content.decode()


def test_only_their_own_account_is_shown(client_as, operator, ana, ben):
    send(operator, ana.seller_account, 100, no=30)
    html = client_as(ben).get(URL).content.decode()
    assert "30.0%" not in html
    assert "No buyer contacts yet." in html


@pytest.mark.parametrize("who", ["agent", "support_admin"])
def test_agents_do_not_have_the_portal_page(request, client_as, who):
    assert client_as(request.getfixturevalue(who)).get(URL).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "login" in response["Location"]
