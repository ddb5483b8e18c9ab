"""The REST API v1, mounted at /api/v1/ with its OpenAPI schema at /api/v1/openapi.json."""

from django.utils.translation import get_language
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


class SellerdeskAPI(NinjaAPI):
    """Builds the OpenAPI schema once per path and language. Building it walks every operation and
    schema, about 0.3 s of CPU, and /api/v1/openapi.json is public: rebuilt on every request, a
    few anonymous clients could keep the web workers busy."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        key = (path_prefix, get_language())
        cache = self.__dict__.setdefault("_openapi_schemas", {})
        if key not in cache:
            cache[key] = super().get_openapi_schema(path_prefix=path_prefix)
        return cache[key]


api = SellerdeskAPI(
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
