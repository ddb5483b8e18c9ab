"""The assistant's triage: language, category, urgency and suggested tier of any seller text, with
calibrated confidences and the references found in it (runs on the local model only); each case's
reading by the model, which agents confirm or correct; and the virtual assistant's chat for
sellers, with its metrics for leads."""

import datetime as dt
from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Query, Router
from pydantic import Field

from sellerdesk.accounts import permissions
from sellerdesk.assistant import chat as chat_engine
from sellerdesk.assistant import selectors, services
from sellerdesk.assistant.labels import LANGUAGES, TIERS, URGENCIES
from sellerdesk.assistant.models import CaseTriage
from sellerdesk.assistant.triage import triage
from sellerdesk.core import clock
from sellerdesk.core.errors import CoreError, SellerdeskError, not_found
from sellerdesk.core.text import MAX_DB_ID
from sellerdesk.knowledge.search import suggest as suggest_articles

from .cases import CategoryName
from .schemas import ERRORS, Out, PersonRef, StrictSchema, person

router = Router(tags=["assistant"])


class TriageIn(StrictSchema):
    text: str = Field(min_length=1, max_length=20_000)
    subject: str | None = Field(None, max_length=200)


class Prediction(Out):
    value: str
    confidence: float = Field(description="Calibrated probability, 0–1.")


class MoneyOut(Out):
    amount: str
    currency: str | None
    text: str


class DateOut(Out):
    text: str
    iso: str | None


class ReferencesOut(Out):
    order_ids: list[str]
    asins: list[str]
    skus: list[str]
    shipment_ids: list[str]
    amounts: list[MoneyOut]
    dates: list[DateOut]


class TriageArticleOut(Out):
    slug: str
    title: str
    summary: str
    url: str
    language: str
    fallback: bool = Field(description="In English: the knowledge base has no good match in the text's language.")


class TriageOut(Out):
    language: Prediction
    category: Prediction
    urgency: Prediction
    tier: Prediction
    references: ReferencesOut
    model_version: str
    articles: list[TriageArticleOut] = Field(description="The top knowledge articles for the text, best first.")


@router.post("/assistant/triage", response={200: TriageOut, **ERRORS})
def triage_text(request: HttpRequest, payload: TriageIn):
    """Any signed-in user: triage a seller message (a new case, an e-mail, a chat turn)."""
    result = triage(payload.text, payload.subject)
    return {
        "language": {"value": result.language, "confidence": result.language_confidence},
        "category": {"value": result.category, "confidence": result.category_confidence},
        "urgency": {"value": result.urgency, "confidence": result.urgency_confidence},
        "tier": {"value": result.tier, "confidence": result.tier_confidence},
        "references": result.references.as_dict(),
        "model_version": result.model_version,
        "articles": [
            {
                "slug": h.slug,
                "title": h.title,
                "summary": h.summary,
                "url": h.url,
                "language": h.language,
                "fallback": h.fallback,
            }
            for h in suggest_articles(
                f"{payload.subject or ''}\n{payload.text}", language=result.language, category=result.category
            )
        ],
    }


# --- a case's reading by the model, and the agents' review of it --------------------------------------

UrgencyName = Literal[URGENCIES]  # type: ignore[valid-type]
TierName = Literal[TIERS]  # type: ignore[valid-type]
LanguageName = Literal[LANGUAGES]  # type: ignore[valid-type]


class CaseTriageOut(Out):
    language: Prediction
    category: Prediction
    urgency: Prediction
    tier: Prediction
    references: ReferencesOut
    model_version: str
    category_applied: bool = Field(description="The seller left the category open and the case took the model's.")
    needs_review: bool = Field(description="A prediction is below the confidence threshold: an agent confirms it.")
    reviewed_by: PersonRef | None
    reviewed_at: datetime | None
    created_at: datetime


class TriageReviewIn(StrictSchema):
    """What the agent says each prediction should be; a field left out is confirmed as it stands."""

    category: CategoryName | None = None
    urgency: UrgencyName | None = None
    tier: TierName | None = None
    language: LanguageName | None = None


def _empty_references() -> dict:
    return {"order_ids": [], "asins": [], "skus": [], "shipment_ids": [], "amounts": [], "dates": []}


def case_triage_out(reading: CaseTriage) -> dict:
    return {
        "language": {"value": reading.language, "confidence": reading.language_confidence},
        "category": {"value": reading.category, "confidence": reading.category_confidence},
        "urgency": {"value": reading.urgency, "confidence": reading.urgency_confidence},
        "tier": {"value": reading.tier, "confidence": reading.tier_confidence},
        "references": {**_empty_references(), **(reading.references or {})},
        "model_version": reading.model_version,
        "category_applied": reading.category_applied,
        "needs_review": reading.needs_review,
        "reviewed_by": person(reading.reviewed_by),
        "reviewed_at": reading.reviewed_at,
        "created_at": reading.created_at,
    }


@router.get("/cases/{int:case_id}/triage", response={200: CaseTriageOut, **ERRORS})
def case_triage(request: HttpRequest, case_id: int):
    """Agents who see the case: the model's reading of it. It is internal: for a seller, for a case
    the agent cannot see and for a case not triaged yet the answer is 404."""
    user = request.auth
    if not permissions.can_see_internal(user):
        raise not_found(_("There is no case with this number."))
    reading = selectors.reading_for(user, permissions.get_case_for(user, case_id))
    if reading is None:
        raise not_found(_("This case has not been triaged yet."))
    return case_triage_out(reading)


@router.post("/cases/{int:case_id}/triage/review", response={200: CaseTriageOut, **ERRORS})
def review_case_triage(request: HttpRequest, case_id: int, payload: TriageReviewIn | None = None):
    """Agents of the owning team confirm the reading, correcting what is wrong. Each correction is
    kept for retraining; a corrected category, urgency or language applies to the case."""
    data = payload or TriageReviewIn()
    reading = services.review_triage(
        actor=request.auth,
        case_id=case_id,
        category=data.category,
        urgency=data.urgency,
        tier=data.tier,
        language=data.language,
    )
    return case_triage_out(reading)


# --- the virtual assistant for sellers ------------------------------------------------------------------


class ChatIn(StrictSchema):
    """One seller turn: a message (a new question), a choice (an option's id), the form asked for,
    or `handover` (talk to a person; may come with a message). No id starts a conversation."""

    conversation_id: int | None = Field(None, ge=1, le=MAX_DB_ID)
    message: str | None = Field(None, max_length=5_000)
    choice: str | None = Field(None, max_length=100)
    form: dict[str, str] | None = None
    handover: bool = False


class ArticleOut(Out):
    slug: str
    title: str
    summary: str
    url: str


class TurnOut(Out):
    role: str
    text: str
    articles: list[ArticleOut]


class OptionOut(Out):
    id: str = Field(description='The value to send as `choice`; "handover" (talk to a person) is always offered.')
    label: str


class FormFieldOut(Out):
    name: str
    label: str
    required: bool


class IncidentOut(Out):
    title: str
    message: str


class CaseLink(Out):
    id: int
    number: str
    url: str


class ChatOut(Out):
    conversation_id: int
    status: str
    language: str
    messages: list[TurnOut] = Field(description="The assistant's new turns, in order.")
    options: list[OptionOut]
    form: list[FormFieldOut] | None
    incident: list[IncidentOut]
    case: CaseLink | None


class ConversationTurnOut(TurnOut):
    created_at: datetime


class ConversationOut(Out):
    conversation_id: int
    status: str
    language: str
    created_at: datetime
    updated_at: datetime
    turns: list[ConversationTurnOut]
    options: list[OptionOut]
    form: list[FormFieldOut] | None
    case: CaseLink | None


class AssistantMetricsOut(Out):
    since: datetime
    conversations: int
    solved: int = Field(description="Deflected: the seller said it was solved, and no case was opened.")
    handed_over: int
    abandoned: int = Field(description="Open and idle for over 24 hours.")
    open: int
    deflection_rate: float | None
    handover_rate: float | None
    abandon_rate: float | None
    feedback_helpful: int
    feedback_not_helpful: int
    feedback_helpful_rate: float | None


def _articles(turn) -> list[dict]:
    return [
        {"slug": a["slug"], "title": a["title"], "summary": a["summary"], "url": a["url"]}
        for a in (turn.data or {}).get("articles", [])
    ]


def _case_link(case) -> dict | None:
    if case is None:
        return None
    return {"id": case.pk, "number": case.number, "url": reverse("portal:case", args=[case.pk])}


@router.post("/assistant/chat", response={200: ChatOut, **ERRORS})
def assistant_chat(request: HttpRequest, payload: ChatIn):
    """Sellers only: a turn of a conversation with the virtual assistant. It answers from the
    knowledge base's articles (with links) and walks the guided flow of the problem's category;
    every answer offers "talk to a person" (`choice: "handover"` or `handover: true`), which opens a
    case with the whole conversation, routed like any case (a repeat returns the same case)."""
    result = services.chat(
        request.auth,
        payload.conversation_id,
        message=payload.message,
        choice=payload.choice,
        form=payload.form,
        handover=payload.handover,
        language=translation.get_language(),
    )
    conversation = result.conversation
    return {
        "conversation_id": conversation.pk,
        "status": conversation.status,
        "language": conversation.language,
        "messages": [{"role": t.role, "text": t.text, "articles": _articles(t)} for t in result.messages],
        "options": result.options,
        "form": result.form,
        "incident": result.incident,
        "case": _case_link(result.case),
    }


@router.get("/assistant/conversations/{int:conversation_id}", response={200: ConversationOut, **ERRORS})
def assistant_conversation(request: HttpRequest, conversation_id: int):
    """The seller's own conversation with every turn. Anyone else's is 404."""
    conversation = selectors.conversation_for(request.auth, conversation_id)
    return {
        "conversation_id": conversation.pk,
        "status": conversation.status,
        "language": conversation.language,
        "created_at": conversation.created_at,
        "updated_at": conversation.updated_at,
        "turns": [
            {"role": t.role, "text": t.text, "articles": _articles(t), "created_at": t.created_at}
            for t in selectors.turns_of(conversation)
        ],
        "options": chat_engine.public_options(conversation.state),
        "form": chat_engine.public_form(conversation.state),
        "case": _case_link(conversation.case),
    }


@router.get("/assistant/metrics", response={200: AssistantMetricsOut, **ERRORS})
def assistant_metrics(request: HttpRequest, days: int = Query(30, ge=1, le=366)):
    """Team leads and admins: the assistant's deflection (solved without a case), hand-over and
    abandon rates, and the sellers' article feedback, over conversations of the last `days`."""
    if not permissions.is_lead(request.auth):
        raise SellerdeskError(CoreError.PERMISSION_DENIED, _("Only team leads and admins may see these metrics."))
    since = clock.now() - dt.timedelta(days=days)
    return {"since": since, **selectors.assistant_metrics(since)}
