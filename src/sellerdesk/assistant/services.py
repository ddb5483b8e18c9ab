"""Triage of new cases by the local model, and the agents' review of it; the virtual assistant's
conversations (see `chat`) and the guided troubleshooting flows it walks.

A new case is triaged in the background worker after it is opened: the model's reading is stored
with its confidences; a category the seller left open is filled in (and the case re-routed) only
when the model is confident; a low-confidence reading is marked for an agent to confirm. Agents
confirm or correct it; each correction is kept, with the text, as training data."""

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from sellerdesk.accounts import permissions
from sellerdesk.accounts.models import User
from sellerdesk.cases import services as cases_services
from sellerdesk.cases.audit import record_event
from sellerdesk.cases.categories import Category
from sellerdesk.cases.events import EventType
from sellerdesk.cases.lifecycle import ACTIVE_STATUSES
from sellerdesk.cases.models import Case, Channel, Message
from sellerdesk.core import clock
from sellerdesk.core.errors import SellerdeskError, not_found, validation_error
from sellerdesk.core.text import clean_text
from sellerdesk.routing.selectors import team_for_new_case
from sellerdesk.sla import services as sla

from . import chat as chat_engine
from . import grounding, selectors
from .errors import AssistantError
from .flows import check_flow
from .labels import LANGUAGES, TIERS, URGENCIES
from .models import CaseTriage, Conversation, Flow, TriageCorrection, Turn
from .triage import triage

# The shipped guided troubleshooting flows, one file per category.
FLOWS_DIR = Path(__file__).resolve().parent.parent / "knowledge" / "content" / "flows"


def _first_message(case: Case) -> Message | None:
    return case.messages.filter(internal=False).order_by("created_at", "pk").first()


@transaction.atomic
def triage_case(case_id: int, *, category_chosen: bool) -> CaseTriage | None:
    """Triages one case (once: a retry returns the stored reading). Called by the background task
    after the case is opened, with whether the seller chose the category."""
    case = (
        Case.objects.select_for_update(of=("self",)).select_related("seller_account", "team").filter(pk=case_id).first()
    )
    if case is None:
        return None
    existing = CaseTriage.objects.filter(case=case).first()
    if existing is not None:
        return existing
    first = _first_message(case)
    result = triage(first.body if first else "", case.subject)
    sure = settings.SELLERDESK["TRIAGE_CONFIDENCE"]
    active = case.status in ACTIVE_STATUSES
    apply_category = (
        not category_chosen and active and result.category_confidence >= sure and result.category in Category.values
    )
    reading = CaseTriage.objects.create(
        case=case,
        model_version=result.model_version,
        language=result.language,
        language_confidence=result.language_confidence,
        category=result.category,
        category_confidence=result.category_confidence,
        urgency=result.urgency,
        urgency_confidence=result.urgency_confidence,
        tier=result.tier,
        tier_confidence=result.tier_confidence,
        references=result.references.as_dict(),
        category_applied=apply_category,
        needs_review=(not category_chosen and not apply_category) or result.urgency_confidence < sure,
    )
    changed: dict[str, str] = {}
    now = clock.now()
    if active and result.urgency_confidence >= sure:
        case.assessed_urgency = result.urgency
        changed["assessed_urgency"] = result.urgency
    if active and result.language_confidence >= sure and result.language != case.language:
        case.language = result.language
        changed["language"] = result.language
    if apply_category and result.category != case.category:
        case.category = result.category
        changed["category"] = result.category
        # Still where routing first put it and nobody has it: route it again for its real category.
        if case.assignee_id is None and not case.transfers.exists():
            team = team_for_new_case(category=case.category, language=case.language)
            if team is not None and team.pk != case.team_id:
                previous = case.team_id
                case.team = team
                sla.on_team_change(case, previous_team_id=previous, now=now)
                changed["team"] = team.name
    sla.refresh_case(case)
    case.save()
    record_event(
        case,
        actor=None,
        kind=EventType.TRIAGED,
        public=False,
        data={
            "category": result.category,
            "category_confidence": result.category_confidence,
            "urgency": result.urgency,
            "urgency_confidence": result.urgency_confidence,
            "tier": result.tier,
            "language": result.language,
            "applied": changed,
            "needs_review": reading.needs_review,
            "model_version": result.model_version,
        },
    )
    return reading


def triage_untriaged(*, limit: int | None = None) -> int:
    """Triages active cases that have no reading yet (e.g. opened while auto-triage was off, or
    before the model was installed). Returns how many were triaged."""
    ids = (
        Case.objects.filter(triage__isnull=True, status__in=ACTIVE_STATUSES).order_by("pk").values_list("pk", flat=True)
    )
    done = 0
    for case_id in ids[:limit] if limit else ids:
        if triage_case(case_id, category_chosen=True) is not None:
            done += 1
    return done


@transaction.atomic
def review_triage(
    *,
    actor: User,
    case_id: int,
    category: str | None = None,
    urgency: str | None = None,
    tier: str | None = None,
    language: str | None = None,
) -> CaseTriage:
    """An agent of the owning team reviews the model's reading: each value given is what the case
    really is (a value left out stands as it is). Where that differs from what the model said (or
    from an earlier review), a correction is kept with the case's text for retraining; category,
    urgency and language apply to the case (moving it to another team stays a transfer)."""
    case = permissions.get_case_for(actor, case_id, for_update=True)
    permissions.require_case_worker(actor, case, "review the triage")
    reading = CaseTriage.objects.select_for_update().filter(case=case).first()
    if reading is None:
        raise not_found(_("This case has not been triaged yet."))
    wanted = {"category": category, "urgency": urgency, "tier": tier, "language": language}
    allowed = {"category": Category.values, "urgency": URGENCIES, "tier": TIERS, "language": LANGUAGES}
    errors = {
        name: [_("Choose one of: %(choices)s.") % {"choices": ", ".join(allowed[name])}]
        for name, value in wanted.items()
        if value is not None and value not in allowed[name]
    }
    if errors:
        raise validation_error(errors)
    # What the training data says now for each field: the latest correction, else the prediction.
    taught = {name: getattr(reading, name) for name in wanted}
    for correction in TriageCorrection.objects.filter(case=case).order_by("created_at", "pk"):
        taught[correction.field] = correction.corrected
    current = selectors.values_in_effect(case, reading)
    first = _first_message(case)
    now = clock.now()
    corrections = [
        TriageCorrection(
            case=case,
            field=name,
            predicted=getattr(reading, name),
            corrected=value,
            corrected_by=actor,
            subject=case.subject,
            text=first.body if first else "",
            model_version=reading.model_version,
            created_at=now,
        )
        for name, value in ((n, wanted[n] or current[n]) for n in wanted)
        if value != taught[name]
    ]
    TriageCorrection.objects.bulk_create(corrections)
    if category is not None:
        case.category = category
    if urgency is not None:
        case.assessed_urgency = urgency
    if language is not None:
        case.language = language
    reading.needs_review = False
    reading.reviewed_by = actor
    reading.reviewed_at = now
    reading.save()
    case.updated_at = now
    sla.refresh_case(case)
    case.save()
    record_event(
        case,
        actor=actor,
        kind=EventType.TRIAGE_REVIEWED,
        public=False,
        data={"corrected": {c.field: {"from": c.predicted, "to": c.corrected} for c in corrections}},
    )
    return reading


def training_examples() -> Iterator[dict]:
    """One labelled example per reviewed case with corrections: the model's reading with the
    agent's corrections applied (the fields the agent left alone were confirmed by the review)."""
    latest: dict[int, dict[str, str]] = {}
    for correction in TriageCorrection.objects.order_by("created_at", "pk"):
        latest.setdefault(correction.case_id, {})[correction.field] = correction.corrected
    readings = CaseTriage.objects.filter(case_id__in=list(latest)).select_related("case")
    texts = {
        c.case_id: (c.subject, c.text)
        for c in TriageCorrection.objects.filter(case_id__in=list(latest)).order_by("case_id", "-created_at")
    }
    for reading in readings:
        fixed = latest[reading.case_id]
        subject, text = texts[reading.case_id]
        yield {
            "id": f"case-{reading.case_id}",
            "subject": subject,
            "text": text,
            "language": fixed.get("language", reading.language),
            "category": fixed.get("category", reading.category),
            "urgency": fixed.get("urgency", reading.urgency),
            "tier": fixed.get("tier", reading.tier),
            "style": "agent_correction",
        }


# ================================================================================================ the virtual assistant

MAX_TURNS = 200


@dataclass
class ChatResult:
    """A conversation after a seller's input: the assistant turns just added, what the seller may
    answer now (options, always with "talk to a person", and a form), active incidents and the
    hand-over case."""

    conversation: Conversation
    messages: list[Turn]
    options: list[dict]
    form: list[dict] | None
    incident: list[dict]
    case: Case | None


def _check_input(message, choice, form) -> str | None:
    given = [name for name, value in (("message", message), ("choice", choice), ("form", form)) if value is not None]
    if len(given) > 1:
        raise validation_error(
            {name: [_("Send a message, a choice or the form, one at a time.")] for name in given},
        )
    if message is None:
        return None
    text = clean_text(message)
    if not text:
        raise validation_error({"message": [_("Write a message.")]})
    if len(text) > chat_engine.MESSAGE_MAX:
        raise validation_error(
            {"message": [_("A message may be at most %(max)d characters.") % {"max": chat_engine.MESSAGE_MAX}]}
        )
    return text


def _add_turn(conversation: Conversation, role: str, text: str, data: dict | None = None) -> Turn:
    return Turn.objects.create(conversation=conversation, role=role, text=text, data=data or {}, created_at=clock.now())


def _result(conversation: Conversation, added: list[Turn]) -> ChatResult:
    return ChatResult(
        conversation=conversation,
        messages=[t for t in added if t.role == Turn.Role.ASSISTANT],
        options=chat_engine.public_options(conversation.state),
        form=chat_engine.public_form(conversation.state),
        incident=grounding.incidents_for(conversation.seller_account, conversation.language),
        case=conversation.case,
    )


def _hand_over(user: User, conversation: Conversation) -> Turn:
    """Opens the case for the conversation (once: the conversation's key makes a retry find it) and
    marks the conversation handed over. The case is routed like any other."""
    details = chat_engine.case_details(conversation)
    turns = list(conversation.turns.order_by("created_at", "pk"))
    case, _created = cases_services.open_case(
        opener=user,
        subject=details["subject"],
        body=chat_engine.transcript(conversation, turns),
        category=details["category"],
        order_id=details["order_id"],
        listing_id=details["listing_id"],
        urgent=details["urgent"],
        channel=Channel.CHAT,
        language=conversation.language,
        idempotency_key=f"assistant-conversation-{conversation.pk}",
    )
    conversation.case = case
    conversation.status = Conversation.Status.HANDED_OVER
    conversation.state = {**conversation.state, "options": [], "awaiting": None}
    with translation.override(conversation.language):
        text = _(
            "I opened case %(number)s with this conversation. A person from our support team will answer you there."
        ) % {"number": case.number}
    return _add_turn(conversation, Turn.Role.ASSISTANT, text, {"case": case.pk})


@transaction.atomic
def chat(
    user: User,
    conversation_id: int | None = None,
    *,
    message: str | None = None,
    choice: str | None = None,
    form: dict[str, str] | None = None,
    handover: bool = False,
    language: str | None = None,
) -> ChatResult:
    """A seller's turn in a conversation with the virtual assistant (a new conversation without an
    id). A message is a new question: it is triaged and answered from articles and the flow of its
    category. A choice walks the flow; saying an article solved the problem (or did not) is
    recorded as feedback on it. A case node's form, once valid, hands over; so does `handover`, at
    any turn: a case is opened with the whole conversation, the form and the triage reading, and
    routed like any case. A repeated hand-over returns the same case. `language` is the seller's
    page language, used only when the conversation starts without a message."""
    permissions.require_seller(user, "use the assistant")
    text = _check_input(message, choice, form)
    if text is None and choice is None and form is None and not handover:
        raise validation_error({"message": [_("Write a message, choose an option or ask for a person.")]})
    if conversation_id is None:
        if text is None and not handover:
            raise validation_error({"message": [_("Tell the assistant what the problem is.")]})
        first_language = chat_engine.hint_language(language)
        conversation = Conversation.objects.create(
            seller=user,
            seller_account=user.seller_account,
            language=first_language,
            state={"language": first_language},
        )
    else:
        conversation = selectors.conversation_for(user, conversation_id, for_update=True)
    if conversation.status == Conversation.Status.HANDED_OVER:
        if handover and text is None and choice is None and form is None:
            return _result(conversation, [])
        raise SellerdeskError(
            AssistantError.CONVERSATION_HANDED_OVER,
            _("This conversation is with a person now, on case %(number)s: write there.")
            % {"number": conversation.case.number},
        )
    if conversation.turns.count() >= MAX_TURNS:
        raise validation_error(
            {"message": [_("This conversation is very long: talk to a person, or start a new conversation.")]}
        )
    first = not conversation.turns.filter(role=Turn.Role.SELLER).exists()
    added: list[Turn] = []

    if text is not None:
        step = chat_engine.on_message(conversation, text, first=first, answer=not handover)
    elif choice is not None:
        if choice == chat_engine.HANDOVER:
            step, handover = None, True
        else:
            option = chat_engine.offered(conversation.state, choice)
            if option is None:
                raise validation_error({"choice": [_("This option is not offered now: choose one of the buttons.")]})
            step = chat_engine.on_choice(conversation, option)
    elif form is not None:
        if conversation.state.get("awaiting") != "form":
            raise validation_error({"form": [_("No form is asked for now.")]})
        values, errors = chat_engine.check_form(conversation.state, form)
        if errors:
            raise validation_error(errors)
        step = chat_engine.on_form(conversation, values)
    else:
        step = None

    asked_for_a_person = handover  # the button, not a form or an answer that leads to a person
    incidents_before = first and text is not None
    if step is not None:
        if step.language:
            conversation.language = step.language
        if conversation.status == Conversation.Status.ABANDONED:
            conversation.status = Conversation.Status.OPEN  # the seller came back
        added.append(_add_turn(conversation, Turn.Role.SELLER, step.seller_text, step.seller_data))
        if incidents_before:
            with translation.override(conversation.language):
                for incident in grounding.incidents_for(conversation.seller_account, conversation.language):
                    notice = _("Known issue: %(title)s. %(message)s") % incident
                    added.append(_add_turn(conversation, Turn.Role.ASSISTANT, notice, {"incident": incident}))
        offered_now = {"options": chat_engine.public_options(step.state), "form": chat_engine.public_form(step.state)}
        for index, said in enumerate(step.said):
            data = dict(said.data)
            if index == len(step.said) - 1 and not step.handover:
                data.update(offered_now)
            added.append(_add_turn(conversation, Turn.Role.ASSISTANT, said.text, data))
        conversation.state = step.state
        if step.status:
            conversation.status = step.status
        if step.feedback:
            slug, article_language, helpful = step.feedback
            grounding.give_feedback(user, slug=slug, language=article_language, helpful=helpful)
        handover = handover or step.handover
    if handover:
        if asked_for_a_person:
            with translation.override(conversation.language):
                added.append(_add_turn(conversation, Turn.Role.SELLER, _("Talk to a person"), {"choice": "handover"}))
        added.append(_hand_over(user, conversation))
    conversation.updated_at = clock.now()
    conversation.save()
    return _result(conversation, added)


def abandon_idle_conversations(*, now=None, idle_hours: int = 24) -> int:
    """Open conversations nobody has written in for `idle_hours` are abandoned (one UPDATE); a
    message on one opens it again."""
    now = now or clock.now()
    return Conversation.objects.filter(
        status=Conversation.Status.OPEN, updated_at__lt=now - dt.timedelta(hours=idle_hours)
    ).update(status=Conversation.Status.ABANDONED)


# ------------------------------------------------------------------------------------------------ flows


def _flow_fields(definition: dict) -> dict:
    return {"category": definition["category"], "title": definition["title"], "definition": definition}


@transaction.atomic
def save_flow(*, actor: User | None, definition, active: bool | None = None) -> tuple[Flow, bool]:
    """Creates or changes the flow named by the definition's slug, once the definition is a valid
    flow (see `flows.validate_flow`). A change of the definition bumps the version; the same
    definition again changes nothing. Operators only (`actor` None: the import command).
    Returns (flow, changed)."""
    if actor is not None:
        permissions.require_operator(actor, "edit flows")
    check_flow(definition)
    flow = Flow.objects.select_for_update().filter(slug=definition["slug"]).first()
    now = clock.now()
    if flow is None:
        flow = Flow.objects.create(
            slug=definition["slug"],
            active=True if active is None else active,
            updated_at=now,
            updated_by=actor,
            **_flow_fields(definition),
        )
        return flow, True
    changed = flow.definition != definition
    if changed:
        for name, value in _flow_fields(definition).items():
            setattr(flow, name, value)
        flow.version += 1
    if active is not None and active != flow.active:
        flow.active = active
        changed = True
    if changed:
        flow.updated_at = now
        flow.updated_by = actor
        flow.save()
    return flow, changed


@transaction.atomic
def import_flows(directory: Path | None = None) -> dict[str, int]:
    """Loads every flow file (`*.json`) of the knowledge content into the database: new flows are
    created, changed ones get a new version, the same ones are left alone (safe to run again). The
    files win over edits made in the admin; whether a flow is active is kept. A bad file stops the
    import with its name and every problem in it, and nothing is loaded (one transaction)."""
    directory = directory or FLOWS_DIR
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    if not directory.is_dir():
        return counts
    for path in sorted(directory.glob("*.json")):
        try:
            definition = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as error:
            raise validation_error({path.name: [str(error)]}, _("A flow file is not valid JSON.")) from error
        try:
            existed = Flow.objects.filter(
                slug=definition.get("slug") if isinstance(definition, dict) else None
            ).exists()
            _flow, changed = save_flow(actor=None, definition=definition)
        except SellerdeskError as error:
            raise validation_error(
                {path.name: [t for texts in (error.fields or {}).values() for t in texts]},
                _("The flow file %(name)s is not valid.") % {"name": path.name},
            ) from error
        counts["unchanged" if not changed else "updated" if existed else "created"] += 1
    return counts
