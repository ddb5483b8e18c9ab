"""Triage of new cases by the local model, and the agents' review of it.

A new case is triaged in the background worker after it is opened: the model's reading is stored
with its confidences; a category the seller left open is filled in (and the case re-routed) only
when the model is confident; a low-confidence reading is marked for an agent to confirm. Agents
confirm or correct it; each correction is kept, with the text, as training data."""

from collections.abc import Iterator

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from sellerdesk.accounts import permissions
from sellerdesk.accounts.models import User
from sellerdesk.cases.audit import record_event
from sellerdesk.cases.categories import Category
from sellerdesk.cases.events import EventType
from sellerdesk.cases.lifecycle import ACTIVE_STATUSES
from sellerdesk.cases.models import Case, Message
from sellerdesk.core import clock
from sellerdesk.core.errors import not_found, validation_error
from sellerdesk.routing.selectors import team_for_new_case
from sellerdesk.sla import services as sla

from . import selectors
from .labels import LANGUAGES, TIERS, URGENCIES
from .models import CaseTriage, TriageCorrection
from .triage import triage


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
