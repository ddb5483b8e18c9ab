"""One JSON error shape for the whole API: {code, message, fields?}."""

import json
import logging

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from sellerdesk.core.errors import CoreError, SellerdeskError

logger = logging.getLogger("sellerdesk.api")

# Parts of a pydantic error location that name where the value came from, not which field it is.
_LOCATION_PREFIXES = {"body", "query", "path", "header", "payload", "filters", "form", "file"}


def error_response(error: SellerdeskError) -> JsonResponse:
    return JsonResponse(error.as_dict(), status=error.http_status)


def fields_from_validation(errors: list[dict]) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for err in errors:
        loc = [str(p) for p in err.get("loc", ())]
        while loc and loc[0] in _LOCATION_PREFIXES:
            loc.pop(0)
        name = ".".join(loc) or "body"
        # pydantic's own texts are English; the two we write ourselves are translated.
        message = err.get("msg") or _("Invalid value.")
        if err.get("type") == "extra_forbidden":
            message = _("Unknown field.")
        fields.setdefault(name, []).append(message)
    return fields


def install(api: NinjaAPI) -> None:
    @api.exception_handler(SellerdeskError)
    def on_app_error(request: HttpRequest, exc: SellerdeskError) -> HttpResponse:
        return error_response(exc)

    @api.exception_handler(ValidationError)
    def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return error_response(
            SellerdeskError(
                CoreError.VALIDATION_ERROR, _("Some fields are not valid."), fields=fields_from_validation(exc.errors)
            )
        )

    @api.exception_handler(AuthenticationError)
    def on_auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return error_response(
            SellerdeskError(
                CoreError.NOT_AUTHENTICATED,
                _("Send a valid token: Authorization: Bearer <token> (get one from POST /api/v1/auth/token)."),
            )
        )

    @api.exception_handler(HttpError)
    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        cause = exc.__cause__
        if isinstance(cause, RequestDataTooBig):
            return error_response(SellerdeskError(CoreError.PAYLOAD_TOO_LARGE, _("The request body is too large.")))
        if isinstance(cause, (json.JSONDecodeError, UnicodeDecodeError)):
            return error_response(SellerdeskError(CoreError.MALFORMED_JSON, _("The request body is not valid JSON.")))
        code = {
            401: CoreError.NOT_AUTHENTICATED,
            403: CoreError.PERMISSION_DENIED,
            404: CoreError.NOT_FOUND,
            405: CoreError.METHOD_NOT_ALLOWED,
        }.get(exc.status_code, CoreError.VALIDATION_ERROR)
        body = SellerdeskError(code, str(exc)).as_dict()
        return JsonResponse(body, status=exc.status_code)

    @api.exception_handler(Http404)
    def on_404(request: HttpRequest, exc: Http404) -> HttpResponse:
        return error_response(SellerdeskError(CoreError.NOT_FOUND, _("Not found.")))

    @api.exception_handler(RequestDataTooBig)
    def on_too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        return error_response(SellerdeskError(CoreError.PAYLOAD_TOO_LARGE, _("The request body is too large.")))

    @api.exception_handler(Exception)
    def on_unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("Unhandled API error on %s %s", request.method, request.path)
        return error_response(
            SellerdeskError(CoreError.INTERNAL_ERROR, _("Something went wrong on our side; it has been logged."))
        )


def not_found_view(request: HttpRequest, *args, **kwargs) -> JsonResponse:
    """Unknown paths under /api/ answer in the API's own error shape."""
    return error_response(SellerdeskError(CoreError.NOT_FOUND, _("There is no such API endpoint.")))


class ApiJsonErrorsMiddleware:
    """The answers ninja and Django give outside the API's exception handlers — a plain-text 405 for
    an unsupported method, an HTML 404 for the bare API root — get the one JSON error shape too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith("/api/") or response.get("Content-Type", "").startswith("application/json"):
            return response
        if response.status_code == 405:
            error = error_response(
                SellerdeskError(
                    CoreError.METHOD_NOT_ALLOWED, _("%(method)s is not supported here.") % {"method": request.method}
                )
            )
            if response.has_header("Allow"):
                error["Allow"] = response["Allow"]
            return error
        if response.status_code == 404:
            return not_found_view(request)
        return response
