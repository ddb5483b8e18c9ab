"""The row writers of `core.bulk`: what they write must be what the ORM would have written."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sellerdesk.cases.events import EventType
from sellerdesk.cases.models import Case, CaseEvent, Message
from sellerdesk.core import clock
from sellerdesk.core.bulk import insert_linked
from sellerdesk.sla.models import CaseTarget

pytestmark = pytest.mark.django_db


def _new_case(seller, team, **fields) -> Case:
    now = clock.now()
    return Case(
        seller_account=seller.seller_account,
        opened_by=seller,
        subject="Parcel lost",
        category="order_fulfillment",
        language="en",
        team=team,
        created_at=now,
        updated_at=now,
        **fields,
    )


def test_linked_rows_get_keys_and_point_at_each_other(ana, tier1):
    deadline = clock.now() + dt.timedelta(days=2)
    case = _new_case(
        ana,
        tier1,
        business_deadline=deadline,
        revenue_at_stake=Decimal("120.50"),
        revenue_currency="EUR",
        urgent=True,
        order_id="",  # NULL, TRUE, FALSE and '' are written into the SQL, other values are parameters
    )
    target = CaseTarget(case=case, kind="first_response", target_seconds=3600, started_at=case.created_at)
    message = Message(case=case, author=ana, author_role=Message.AuthorRole.SELLER, body="Where is it?")
    event = CaseEvent(
        case=case, actor=ana, kind=EventType.CASE_OPENED, public=True, message=message, data={"urgent": False, "n": [1]}
    )

    insert_linked([case, target, message, event])

    assert all(obj.pk for obj in (case, target, message, event))
    assert not any(obj._state.adding for obj in (case, target, message, event))
    # The links hold the new keys and keep the objects, so reading them costs no query.
    with CaptureQueriesContext(connection) as queries:
        assert (target.case, message.case, event.case, event.message) == (case, case, case, message)
        assert (target.case_id, message.case_id, event.message_id) == (case.pk, case.pk, message.pk)
    assert not queries.captured_queries

    stored = Case.objects.get(pk=case.pk)
    assert (stored.business_deadline, stored.revenue_at_stake, stored.revenue_currency) == (
        deadline,
        Decimal("120.50"),
        "EUR",
    )
    assert (stored.urgent, stored.order_id, stored.assignee_id, stored.orders_affected) == (True, "", None, None)
    assert stored.number  # computed from the key like any saved case
    assert CaseTarget.objects.get(pk=target.pk).case_id == case.pk
    assert Message.objects.get(pk=message.pk).body == "Where is it?"
    saved_event = CaseEvent.objects.get(pk=event.pk)
    assert (saved_event.case_id, saved_event.message_id, saved_event.data) == (
        case.pk,
        message.pk,
        {"urgent": False, "n": [1]},
    )


def test_a_saved_object_after_insert_updates_instead_of_inserting(ana, tier1):
    case = _new_case(ana, tier1)
    insert_linked([case])
    case.subject = "Parcel found"
    case.save()
    assert Case.objects.filter(subject="Parcel found").count() == 1
    assert Case.objects.count() == 1


def test_one_statement_on_postgresql(ana, tier1):
    case = _new_case(ana, tier1)
    rows = [case, Message(case=case, author=ana, author_role="seller", body="Hi")]
    with CaptureQueriesContext(connection) as queries:
        insert_linked(rows)
    expected = 1 if connection.vendor == "postgresql" else 2
    assert len(queries.captured_queries) == expected


def test_a_link_to_an_unsaved_object_outside_the_list_is_refused(ana, tier1):
    case = _new_case(ana, tier1)
    with pytest.raises(ValueError, match="outside the list"):
        insert_linked([Message(case=case, author=ana, author_role="seller", body="Hi")])
    assert not Message.objects.exists()
