"""Guided troubleshooting flows: every problem of a definition is named (unreachable nodes, missing
targets, node types, case categories, English texts, unknown articles); the files load once and
again without change (a changed file is a new version); operators edit flows in the admin through
the same check."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from sellerdesk.assistant import services as assistant
from sellerdesk.assistant.flows import validate_flow
from sellerdesk.assistant.models import Flow
from tests.assistant.conftest import flow_definition

pytestmark = pytest.mark.django_db

SHIPPED = Path(assistant.FLOWS_DIR)


def test_a_good_flow_has_no_problems():
    assert validate_flow(flow_definition()) == []
    assert validate_flow(flow_definition(), article_slugs={"payout-on-hold"}) == []


def test_a_next_that_does_not_exist_and_the_nodes_it_leaves_unreachable_are_named():
    definition = flow_definition()
    definition["nodes"]["what"]["options"][0]["next"] = "nowhere"

    errors = validate_flow(definition)

    assert "nodes.what.options[0] leads to a node that does not exist: 'nowhere'." in errors
    assert "These nodes cannot be reached from the start: hold." in errors


def test_unknown_node_types_case_categories_and_missing_english_are_named():
    definition = flow_definition(start="missing")
    definition["nodes"]["done"]["type"] = "answer"
    definition["nodes"]["case"]["case"]["category"] = "billing"
    definition["nodes"]["case"]["case"]["fields"].append({"name": "order_id", "label": {"es": "Pedido"}})
    definition["nodes"]["what"]["text"] = {"es": "¿Qué pasa?"}
    definition["title"] = "Payments"

    errors = validate_flow(definition)

    assert "start names a node that does not exist: 'missing'." in errors
    assert any(e.startswith("nodes.done.type must be one of: question, article, case, end") for e in errors)
    assert any(e.startswith("nodes.case.case.category must be one of: order_fulfillment") for e in errors)
    assert "nodes.case.case.fields[2].name 'order_id' is used twice." in errors
    assert 'nodes.case.case.fields[2].label has no English text ("en").' in errors
    assert 'nodes.what.text has no English text ("en").' in errors
    assert any(e.startswith("title must be an object of texts by language") for e in errors)


def test_articles_must_exist_when_the_knowledge_base_has_articles():
    errors = validate_flow(flow_definition(), article_slugs={"reset-password"})
    assert errors == ["nodes.hold.article: there is no article 'payout-on-hold' in the knowledge base."]


def test_a_question_needs_options_and_a_flow_needs_nodes():
    definition = flow_definition()
    definition["nodes"]["what"]["options"] = []
    assert "nodes.what.options must be a non-empty list of options." in validate_flow(definition)
    assert validate_flow(flow_definition(nodes={})) == ["nodes must be a non-empty object of nodes by id."]
    assert validate_flow([]) == ["A flow must be a JSON object."]


def test_saving_an_invalid_flow_is_refused_with_every_problem(refused):
    definition = flow_definition(category="billing")
    definition["nodes"]["hold"]["next_options"][0]["next"] = "gone"

    with refused("validation_error", "definition") as info:
        assistant.save_flow(actor=None, definition=definition)

    assert len(info.value.fields["definition"]) == 2
    assert not Flow.objects.exists()


def test_only_operators_edit_flows(agent, support_admin, refused):
    with refused("permission_denied"):
        assistant.save_flow(actor=agent, definition=flow_definition())
    flow, changed = assistant.save_flow(actor=support_admin, definition=flow_definition())
    assert changed and flow.updated_by == support_admin


def write_flow(directory: Path, definition: dict) -> Path:
    path = directory / f"{definition['category']}.json"
    path.write_text(json.dumps(definition, ensure_ascii=False), encoding="utf-8")
    return path


def test_importing_flows_is_idempotent_and_a_changed_file_is_a_new_version(tmp_path, kb):
    write_flow(tmp_path, flow_definition())

    assert assistant.import_flows(tmp_path) == {"created": 1, "updated": 0, "unchanged": 0}
    assert assistant.import_flows(tmp_path) == {"created": 0, "updated": 0, "unchanged": 1}
    flow = Flow.objects.get()
    assert (flow.slug, flow.category, flow.version, flow.active) == ("payments-test", "payments", 1, True)
    assert flow.title == {"en": "Payments and payouts", "es": "Pagos"}

    Flow.objects.update(active=False)  # an operator switched it off
    changed = flow_definition()
    changed["nodes"]["done"]["text"]["en"] = "Payouts are sent every 7 days."
    write_flow(tmp_path, changed)

    assert assistant.import_flows(tmp_path) == {"created": 0, "updated": 1, "unchanged": 0}
    flow.refresh_from_db()
    assert flow.version == 2
    assert flow.definition["nodes"]["done"]["text"]["en"] == "Payouts are sent every 7 days."
    assert flow.active is False  # the import keeps the operator's switch


def test_the_load_flows_command_reports_and_refuses_a_bad_file_by_name(tmp_path, kb, capsys):
    write_flow(tmp_path, flow_definition())
    call_command("load-flows", "--dir", str(tmp_path))
    assert "Flows: 1 created, 0 updated, 0 unchanged." in capsys.readouterr().out

    broken = flow_definition(slug="broken", category="listing")
    broken["nodes"]["what"]["options"][0]["next"] = "nowhere"
    write_flow(tmp_path, broken)
    with pytest.raises(CommandError) as info:
        call_command("load-flows", "--dir", str(tmp_path))
    assert "listing.json: nodes.what.options[0] leads to a node that does not exist: 'nowhere'." in str(info.value)
    (tmp_path / "listing.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="listing.json"):
        call_command("load-flows", "--dir", str(tmp_path))


@pytest.mark.skipif(not any(SHIPPED.glob("*.json")), reason="no flow files shipped yet")
def test_the_shipped_flows_are_valid_and_cover_every_category():
    from sellerdesk.cases.categories import Category
    from sellerdesk.knowledge.services import import_articles

    import_articles()
    counts = assistant.import_flows()

    assert counts["created"] == len(list(SHIPPED.glob("*.json")))
    assert set(Flow.objects.values_list("category", flat=True)) == set(Category.values)


# --- operators edit flows in the admin -------------------------------------------------------------


def admin_change(client, flow, definition, active=True):
    data = {"definition": json.dumps(definition) if not isinstance(definition, str) else definition}
    if active:
        data["active"] = "on"
    return client.post(f"/admin/assistant/flow/{flow.pk}/change/", data)


def test_an_operator_edits_a_flow_in_the_admin_and_the_version_goes_up(client_as, support_admin, payments_flow):
    client = client_as(support_admin)
    assert client.get(f"/admin/assistant/flow/{payments_flow.pk}/change/").status_code == 200
    changed = flow_definition()
    changed["nodes"]["what"]["text"]["en"] = "What happened to your payout?"

    response = admin_change(client, payments_flow, changed)

    assert response.status_code == 302
    payments_flow.refresh_from_db()
    assert payments_flow.version == 2
    assert payments_flow.updated_by == support_admin
    assert payments_flow.definition["nodes"]["what"]["text"]["en"] == "What happened to your payout?"


def test_the_admin_shows_every_problem_of_a_bad_flow_and_keeps_the_old_one(client_as, support_admin, payments_flow):
    client = client_as(support_admin)
    broken = flow_definition()
    broken["nodes"]["hold"]["next_options"][0]["next"] = "gone"

    response = admin_change(client, payments_flow, broken)

    assert response.status_code == 200
    page = response.content.decode()
    assert "nodes.hold.next_options[0] leads to a node that does not exist: &#x27;gone&#x27;." in page
    renamed = admin_change(client, payments_flow, flow_definition(slug="other-slug"))
    assert "A flow&#x27;s slug cannot change" in renamed.content.decode()
    assert admin_change(client, payments_flow, "{oops").status_code == 200
    payments_flow.refresh_from_db()
    assert payments_flow.version == 1


def test_a_new_flow_added_in_the_admin_is_checked_too(client_as, support_admin, kb):
    client = client_as(support_admin)
    response = client.post("/admin/assistant/flow/add/", {"definition": json.dumps(flow_definition()), "active": "on"})
    assert response.status_code == 302
    assert Flow.objects.get().version == 1
    again = client.post("/admin/assistant/flow/add/", {"definition": json.dumps(flow_definition()), "active": "on"})
    assert "exists already" in again.content.decode()
