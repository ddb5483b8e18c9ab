"""API: similar cases for agents, spike alerts for leads, incident banners.

- GET /cases/{id}/similar — agents: the resolved and closed cases most like this one that they
  may see, with how each was resolved. Sellers get 404: similar cases are not for them.
- GET /alerts, POST /alerts/{id}/acknowledge — team leads and admins.
- GET /incidents — sellers: the active incidents that concern them; staff: every active one.
  POST /incidents, POST /incidents/{id}/end — team leads and admins.
"""

import datetime as dt
from typing import Annotated, Literal

from django.http import HttpRequest
from django.utils import translation
from ninja import Query, Router
from ninja import Status as HttpStatus
from pydantic import Field, StringConstraints

from sellerdesk.cases.categories import Category
from sellerdesk.core import clock
from sellerdesk.insights import selectors, services
from sellerdesk.insights.models import Alert, Incident

from .schemas import ERRORS, Out, PersonRef, SellerRef, StrictSchema, TeamRef, person, seller_ref, team_ref

router = Router(tags=["insights"])

CategoryName = Literal[tuple(Category.values)]  # type: ignore[valid-type]
MAX_ID = 2**63 - 1
# A rule code, detector name or country code: short, and no control characters (PostgreSQL text
# cannot hold NUL, and these are compared in SQL).
Name = Annotated[str, StringConstraints(max_length=80, pattern=r"^[^\x00-\x1f\x7f]*$")]


# --- similar cases -------------------------------------------------------------------------------------


class SimilarCaseOut(Out):
    id: int
    number: str
    subject: str
    category: str
    status: str
    team: TeamRef | None
    seller: SellerRef
    score: float = Field(description="Cosine similarity of the texts, 0–1.")
    same_category: bool
    resolution: str = Field(description="The last public agent reply before the case was resolved (shortened).")
    resolved_at: dt.datetime | None
    resolution_seconds: int | None = Field(description="From opening to resolution.")


class SimilarOut(Out):
    case_id: int
    number: str
    items: list[SimilarCaseOut]


@router.get("/cases/{int:case_id}/similar", response={200: SimilarOut, **ERRORS})
def similar_cases(request: HttpRequest, case_id: int):
    """Agents: the done cases most like this one, among those you may see, best first."""
    case, rows = selectors.similar_cases(request.auth, case_id)
    return {
        "case_id": case.pk,
        "number": case.number,
        "items": [
            {
                "id": row["case"].pk,
                "number": row["case"].number,
                "subject": row["case"].subject,
                "category": row["case"].category,
                "status": row["case"].status,
                "team": team_ref(row["case"].team),
                "seller": seller_ref(row["case"].seller_account),
                "score": row["score"],
                "same_category": row["same_category"],
                "resolution": row["resolution"],
                "resolved_at": row["done_at"],
                "resolution_seconds": int(row["resolved_in"].total_seconds()) if row["resolved_in"] else None,
            }
            for row in rows
        ],
    }


# --- alerts ---------------------------------------------------------------------------------------------


class ExampleOut(Out):
    type: Literal["case", "action"]
    id: int
    label: str
    detail: str
    url: str | None = Field(description="The workspace page, when you may open it.")


class AlertOut(Out):
    id: int
    kind: Literal["category", "rule", "detector"]
    key: str
    label: str
    day: dt.date
    count: int
    baseline_mean: float
    baseline_std: float
    threshold: float
    examples: list[ExampleOut]
    created_at: dt.datetime
    updated_at: dt.datetime
    acknowledged_by: PersonRef | None
    acknowledged_at: dt.datetime | None


class AlertFilters(StrictSchema):
    status: Literal["open", "all"] = Field("open", description="open: not acknowledged yet.")
    days: int = Field(selectors.ALERT_DAYS, ge=1, le=366)


def _alerts_out(user, alerts: list[Alert]) -> list[dict]:
    examples = selectors.alert_examples(user, alerts)
    return [
        {
            "id": a.pk,
            "kind": a.kind,
            "key": a.key,
            "label": selectors.alert_label(a),
            "day": a.day,
            "count": a.count,
            "baseline_mean": a.baseline_mean,
            "baseline_std": a.baseline_std,
            "threshold": a.threshold,
            "examples": [{**e, "label": e["text"]} for e in examples.get(a.pk, [])],
            "created_at": a.created_at,
            "updated_at": a.updated_at,
            "acknowledged_by": person(a.acknowledged_by),
            "acknowledged_at": a.acknowledged_at,
        }
        for a in alerts
    ]


@router.get("/alerts", response={200: list[AlertOut], **ERRORS})
def list_alerts(request: HttpRequest, filters: Query[AlertFilters]):
    """Leads and admins: spikes in cases per category and enforcement actions per rule and
    detector, newest day first, with up to five examples each."""
    alerts = selectors.alerts_for(request.auth, include_acknowledged=filters.status == "all", days=filters.days)
    return _alerts_out(request.auth, alerts)


@router.post("/alerts/{int:alert_id}/acknowledge", response={200: AlertOut, **ERRORS})
def acknowledge_alert(request: HttpRequest, alert_id: int):
    """Leads and admins: mark an alert seen (again: no change)."""
    alert = services.acknowledge_alert(actor=request.auth, alert_id=alert_id)
    return _alerts_out(request.auth, [alert])[0]


# --- incidents ------------------------------------------------------------------------------------------


class AffectedOut(Out):
    categories: list[str]
    rule_codes: list[str]
    detector_names: list[str]
    countries: list[str]


class IncidentRecordOut(Out):
    title: str
    message: str
    title_es: str
    message_es: str
    affected: AffectedOut
    alert_id: int | None
    created_by: PersonRef | None
    created_at: dt.datetime
    ended_at: dt.datetime | None
    ended_by: PersonRef | None


class IncidentOut(Out):
    id: int
    title: str = Field(description="In the language of the request (Spanish when written in Spanish too).")
    message: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    active: bool
    record: IncidentRecordOut | None = Field(description="Staff only; null for sellers.")


class IncidentIn(StrictSchema):
    title: str = Field(max_length=services.TITLE_MAX)
    message: str = Field(max_length=services.MESSAGE_MAX)
    title_es: str = Field("", max_length=services.TITLE_MAX)
    message_es: str = Field("", max_length=services.MESSAGE_MAX)
    categories: list[CategoryName] = Field(default_factory=list, max_length=len(Category.values))
    rule_codes: list[Name] = Field(default_factory=list, max_length=50, description="Policy rule codes, e.g. PR-101.")
    detector_names: list[Name] = Field(default_factory=list, max_length=50)
    countries: list[Name] = Field(default_factory=list, max_length=250, description="ISO 3166-1 alpha-2 codes.")
    starts_at: dt.datetime | None = Field(None, description="ISO 8601 with a time zone; default now.")
    ends_at: dt.datetime | None = Field(None, description="A planned end; the banner disappears then.")
    alert_id: int | None = Field(None, ge=1, le=MAX_ID, description="The spike alert this incident answers.")


def _incident_out(user, incident: Incident) -> dict:
    language = translation.get_language() or "en"
    staff = user.is_agent
    return {
        "id": incident.pk,
        "title": incident.title_in(language),
        "message": incident.message_in(language),
        "starts_at": incident.starts_at,
        "ends_at": incident.ends_at,
        "active": incident.is_active_at(clock.now()),
        "record": {
            "title": incident.title,
            "message": incident.message,
            "title_es": incident.title_es,
            "message_es": incident.message_es,
            "affected": {
                "categories": incident.categories,
                "rule_codes": incident.rule_codes,
                "detector_names": incident.detector_names,
                "countries": incident.countries,
            },
            "alert_id": incident.alert_id,
            "created_by": person(incident.created_by),
            "created_at": incident.created_at,
            "ended_at": incident.ended_at,
            "ended_by": person(incident.ended_by),
        }
        if staff
        else None,
    }


@router.get("/incidents", response={200: list[IncidentOut], **ERRORS})
def list_incidents(request: HttpRequest):
    """Sellers: the active incidents that concern your account. Staff: every active incident."""
    return [_incident_out(request.auth, i) for i in selectors.incidents_for(request.auth)]


@router.post("/incidents", response={201: IncidentOut, **ERRORS})
def create_incident(request: HttpRequest, payload: IncidentIn):
    """Leads and admins: post a banner for the sellers concerned (no affected list: everyone)."""
    incident = services.create_incident(actor=request.auth, **payload.dict())
    return HttpStatus(201, _incident_out(request.auth, incident))


@router.post("/incidents/{int:incident_id}/end", response={200: IncidentOut, **ERRORS})
def end_incident(request: HttpRequest, incident_id: int):
    """Leads and admins: take a banner down (it stays on record; ending it again changes nothing)."""
    return _incident_out(request.auth, services.end_incident(actor=request.auth, incident_id=incident_id))
