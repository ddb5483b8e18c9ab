"""The REST API v1, mounted at /api/v1/ with its OpenAPI schema at /api/v1/openapi.json."""

from ninja import NinjaAPI

from . import (
    accounts,
    appeals,
    assistant,
    cases,
    commitments,
    enforcement,
    errors,
    insights,
    knowledge,
    performance,
    recovery,
    routing,
)
from .auth import BearerToken

api = NinjaAPI(
    title="Sellerdesk API",
    version="1",
    description="Seller support: cases, their timeline, messages and status. "
    "Authenticate with POST /api/v1/auth/token, then send `Authorization: Bearer <token>`.",
    auth=BearerToken(),
    urls_namespace="api-v1",
)
errors.install(api)
api.add_router("", accounts.router)
api.add_router("", cases.router)
api.add_router("", routing.router)
api.add_router("", commitments.router)
api.add_router("", assistant.router)
api.add_router("", performance.router)
api.add_router("", enforcement.router)
api.add_router("", appeals.router)
api.add_router("", recovery.router)
api.add_router("", insights.router)
api.add_router("", knowledge.router)
