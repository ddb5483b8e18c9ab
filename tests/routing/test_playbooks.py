"""Playbooks: the form first line completes, checked field by field, with every step audited."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from sellerdesk.cases.events import EventType
from sellerdesk.cases.models import CaseEvent
from sellerdesk.core import clock
from sellerdesk.routing import playbooks as forms
from sellerdesk.routing import selectors, services
from sellerdesk.routing.models import CasePlaybook
from tests.factories import PICKUP_VALUES, PlaybookFactory

pytestmark = pytest.mark.django_db

ALL_STEPS = ["open_order", "check_carrier", "request_repickup"]


@pytest.fixture
def work(agent, pickup_case, pickup_playbook):
    """Saves playbook progress on the pickup case as the tier-1 agent."""

    def _save(values=None, steps=None, **kwargs):
        return services.save_playbook(
            actor=agent, case_id=pickup_case.pk, values=values or {}, completed_steps=steps or [], **kwargs
        )

    return _save


def events(case, kind):
    return list(CaseEvent.objects.filter(case=case, kind=kind).order_by("pk"))


# --- field validation ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("order_id", "112-123"),
        ("order_id", "1121234567-1234567"),
        ("listing", "B08XK2L9QZ"),
        ("listing", "NB-SHORT"),
        ("ship_by", "2030-13-01"),
        ("ship_by", "02/05/2030"),
        ("pickup_slot", "tomorrow morning"),
        ("order_value", "-1"),
        ("order_value", "12.345"),
        ("order_value", "twelve"),
        ("order_value", "NaN"),
        ("parcels", "a few"),
        ("carrier", "FedEx"),
        ("contact_email", "not-an-email"),
        ("contact_phone", "call me"),
        ("label_printed", "maybe"),
        ("tracking_id", "1Z9999999999X"),  # 13 characters, the field allows 12
        ("tried", "x" * (forms.TEXTAREA_MAX + 1)),
        ("tracking_id", ["a", "list"]),
        ("tracking_id", {"an": "object"}),
    ],
)
def test_an_invalid_value_is_refused_naming_its_field(work, refused, pickup_case, field, value):
    with refused("validation_error", field) as info:
        work(values={field: value})
    assert set(info.value.fields) == {field}
    assert CasePlaybook.objects.filter(case=pickup_case).count() == 0


def test_a_field_the_playbook_does_not_have_is_refused_by_name(work, refused):
    with refused("validation_error", "colour") as info:
        work(values={"colour": "red", "carrier": "UPS"})
    assert info.value.fields["colour"] == ["This playbook has no such field."]


def test_every_invalid_field_is_named_at_once(work, refused):
    with refused("validation_error", "order_id", "ship_by", "contact_email", "completed_steps"):
        work(values={"order_id": "1", "ship_by": "soon", "contact_email": "@"}, steps=["no_such_step"])


def test_a_text_field_without_max_length_allows_the_default_limit():
    field = {"name": "notes", "type": "text"}
    assert forms.clean_value(field, "x" * forms.TEXT_MAX) == "x" * forms.TEXT_MAX
    with pytest.raises(ValidationError):
        forms.clean_value(field, "x" * (forms.TEXT_MAX + 1))


def test_valid_values_are_stored_in_their_normal_form(work):
    progress = work(
        values={
            "order_id": " 112-1234567-1234567 ",
            "listing": "nb-b08xk2l9qz",
            "ship_by": "2030-05-02",
            "pickup_slot": "2030-05-02T10:30:45",
            "order_value": "1,234.50",
            "parcels": 3,
            "carrier": "UPS",
            "contact_email": "ops@seller.example",
            "contact_phone": "+44 28 9024 5133",
            "label_printed": True,
            "tracking_id": "1Z9999999999",
            "tried": "<b>Called</b> the carrier twice",
        }
    )
    assert progress.values == {
        "order_id": "112-1234567-1234567",
        "listing": "NB-B08XK2L9QZ",
        "ship_by": "2030-05-02",
        "pickup_slot": "2030-05-02T10:30",
        "order_value": "1234.50",
        "parcels": "3",
        "carrier": "UPS",
        "contact_email": "ops@seller.example",
        "contact_phone": "+44 28 9024 5133",
        "label_printed": "yes",
        "tracking_id": "1Z9999999999",
        "tried": "Called the carrier twice",
    }


@pytest.mark.parametrize(("raw", "stored"), [(False, "no"), ("No", "no"), (" YES ", "yes")])
def test_yes_no_accepts_booleans_and_words(work, raw, stored):
    assert work(values={"label_printed": raw}).values["label_printed"] == stored


def test_values_are_kept_between_saves_and_an_empty_value_clears_one(work):
    work(values={"carrier": "DHL", "tracking_id": "TRK1"})
    progress = work(values={"order_id": "112-1234567-1234567", "tracking_id": ""})
    assert progress.values == {"carrier": "DHL", "order_id": "112-1234567-1234567"}


# --- steps --------------------------------------------------------------------------------------------


def test_each_newly_completed_step_writes_exactly_one_internal_event(work, pickup_case):
    work(steps=["open_order"])
    work(steps=["open_order", "check_carrier"])
    work(steps=["check_carrier", "open_order"])  # nothing new

    done = events(pickup_case, EventType.PLAYBOOK_STEP_COMPLETED)
    assert [e.data["step"] for e in done] == ["open_order", "check_carrier"]
    assert all(e.public is False for e in done)
    assert done[0].data["title"] == "Open the order and read its timeline"
    assert done[0].data["playbook"] == "Order not picked up"


def test_a_step_once_done_stays_done(work):
    work(steps=["check_carrier"])
    progress = work(values={"carrier": "UPS"}, steps=[])
    assert progress.completed_steps == ["check_carrier"]


def test_completed_steps_are_kept_in_playbook_order(work):
    assert work(steps=["request_repickup", "open_order"]).completed_steps == ["open_order", "request_repickup"]


def test_an_unknown_step_is_refused(work, refused, pickup_case):
    with refused("validation_error", "completed_steps"):
        work(steps=["open_order", "call_the_ceo"])
    assert events(pickup_case, EventType.PLAYBOOK_STEP_COMPLETED) == []


# --- completion ---------------------------------------------------------------------------------------


def test_all_steps_without_the_required_fields_do_not_complete_it(work, pickup_case, pickup_playbook):
    progress = work(values={"order_id": "112-1234567-1234567"}, steps=ALL_STEPS)
    assert progress.completed_at is None
    missing = forms.missing_for_completion(pickup_playbook, progress.values, progress.completed_steps)
    assert set(missing) == {"ship_by", "carrier"}
    assert events(pickup_case, EventType.PLAYBOOK_COMPLETED) == []


def test_required_fields_without_all_steps_do_not_complete_it(work, pickup_playbook):
    progress = work(values=PICKUP_VALUES, steps=["open_order"])
    assert progress.completed_at is None
    missing = forms.missing_for_completion(pickup_playbook, progress.values, progress.completed_steps)
    assert set(missing) == {"completed_steps"}
    assert "check_carrier" in missing["completed_steps"][0]


def test_every_step_and_required_field_completes_the_playbook_once(work, pickup_case):
    moment = dt.datetime(2030, 5, 1, 9, 0, tzinfo=dt.UTC)
    with clock.frozen_at(moment):
        work(values={"order_id": "112-1234567-1234567"}, steps=ALL_STEPS)
        progress = work(values={"ship_by": "2030-05-02", "carrier": "UPS"})
    assert progress.completed_at == moment
    work(values={"tracking_id": "TRK42"}, steps=ALL_STEPS)

    completed = events(pickup_case, EventType.PLAYBOOK_COMPLETED)
    assert len(completed) == 1
    assert completed[0].public is False
    assert completed[0].data["values"] == {**PICKUP_VALUES, "ship_by": "2030-05-02"}
    assert CasePlaybook.objects.get(case=pickup_case).completed_at == moment
    assert len(events(pickup_case, EventType.PLAYBOOK_STEP_COMPLETED)) == 3


def test_the_panel_shows_progress_and_what_is_missing(work, pickup_case):
    work(values={"carrier": "UPS"}, steps=["open_order"])
    panel = selectors.playbook_panel(pickup_case)
    assert panel["values"] == {"carrier": "UPS"}
    assert [s["done"] for s in panel["steps"]] == [True, False, False]
    assert set(panel["missing"]) == {"order_id", "ship_by", "completed_steps"}
    assert next(f for f in panel["fields"] if f["name"] == "carrier")["value"] == "UPS"


# --- which playbook -----------------------------------------------------------------------------------


def test_an_agent_may_switch_to_another_playbook_of_the_category(work, pickup_case, pickup_playbook):
    missed = PlaybookFactory(subtype="missed-pickup", name="Missed carrier pickup")
    assert selectors.playbook_for_case(pickup_case) == pickup_playbook
    assert missed in selectors.playbook_panel(pickup_case)["alternatives"]

    progress = work(values={"carrier": "DHL"}, playbook_id=missed.pk)
    assert progress.playbook == missed
    assert selectors.playbook_for_case(pickup_case) == missed
    # Later saves without naming a playbook continue the one in use.
    assert work(values={"parcels": "2"}).playbook == missed


def test_a_playbook_of_another_category_is_refused(work, refused, pickup_case):
    other = PlaybookFactory(category="payments", name="Payout missing")
    with refused("validation_error", "playbook"):
        work(values={}, playbook_id=other.pk)
    assert not CasePlaybook.objects.filter(case=pickup_case).exists()


def test_an_inactive_playbook_is_refused(work, refused):
    retired = PlaybookFactory(subtype="retired", active=False)
    with refused("validation_error", "playbook"):
        work(playbook_id=retired.pk)


def test_a_category_without_a_playbook_says_so(agent, pickup_case, refused):
    with refused("no_playbook"):
        services.save_playbook(actor=agent, case_id=pickup_case.pk, values={}, completed_steps=[])


# --- who works the playbook ---------------------------------------------------------------------------


def test_only_agents_of_the_owning_team_work_the_playbook(ana, outsider_agent, pickup_case, pickup_playbook, refused):
    with refused("permission_denied"):
        services.save_playbook(actor=ana, case_id=pickup_case.pk, values={"carrier": "UPS"})
    with refused("not_found"):
        services.save_playbook(actor=outsider_agent, case_id=pickup_case.pk, values={"carrier": "UPS"})
    assert not CasePlaybook.objects.filter(case=pickup_case).exists()


def test_the_seller_never_sees_playbook_events(work, ana, pickup_case):
    from sellerdesk.cases.selectors import timeline

    work(values=PICKUP_VALUES, steps=ALL_STEPS)
    kinds = [e.kind for e in timeline(ana, pickup_case)]
    assert EventType.PLAYBOOK_STEP_COMPLETED not in kinds
    assert EventType.PLAYBOOK_COMPLETED not in kinds


def test_playbook_definitions_written_in_the_admin_are_checked():
    from sellerdesk.routing.playbooks import definition_errors

    good_steps = [{"key": "check", "title": "Check the order"}]
    good_fields = [{"name": "order_id", "label": "Order id", "type": "order_id", "required": True}]
    assert definition_errors(good_steps, good_fields) == {}
    assert "steps" in definition_errors([], good_fields)
    assert "steps" in definition_errors([{"title": "no key"}], good_fields)
    assert "steps" in definition_errors(good_steps * 2, good_fields)
    assert "fields" in definition_errors(good_steps, [{"label": "no name"}])
    assert "fields" in definition_errors(good_steps, [{"name": "x", "label": "X", "type": "colour"}])
    assert "fields" in definition_errors(good_steps, [{"name": "x", "label": "X", "type": "choice"}])
    assert "fields" in definition_errors(good_steps, good_fields * 2)
