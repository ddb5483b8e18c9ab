"""The one project-wide application error.

Each domain lists its stable error codes in its own `errors.py` (a `StrEnum`); services raise
`SellerdeskError(code, message)`. The API turns it into `{code, message, fields?}` in one handler
and the web views show `message` in place.

The `code` is stable and never translated; `message` (and each text in `fields`) is one whole
translated sentence, made with `gettext` when the error is raised, so it is in the language of the
request (the web page's language, or the API client's Accept-Language).
"""

from enum import StrEnum

from django.utils.translation import gettext as _


class CoreError(StrEnum):
    NOT_FOUND = "not_found"
    PERMISSION_DENIED = "permission_denied"
    VALIDATION_ERROR = "validation_error"
    NOT_AUTHENTICATED = "not_authenticated"
    INVALID_CREDENTIALS = "invalid_credentials"
    MALFORMED_JSON = "malformed_json"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    INTERNAL_ERROR = "internal_error"


# HTTP status for each code that is not a plain 400.
_STATUS = {
    "not_found": 404,
    "permission_denied": 403,
    "missing_capability": 403,
    "over_limit": 403,
    "not_authenticated": 401,
    "invalid_credentials": 401,
    "payload_too_large": 413,
    "method_not_allowed": 405,
    "validation_error": 422,
    "idempotency_key_reused": 409,
    "invalid_transition": 409,
    "reopen_window_expired": 409,
    "case_closed": 409,
    "invalid_status_change": 409,
    "complaint_not_validated": 409,
    "complaint_already_decided": 409,
    "action_not_active": 409,
    "appeal_already_open": 409,
    "appeal_not_open": 409,
    "appeal_already_escalated": 409,
    "appeal_not_denied": 409,
    "notice_refused": 422,
    "too_many_requests": 429,
    "recovery_not_verified": 403,
    "recovery_code_invalid": 422,
    "recovery_code_expired": 410,
    "recovery_already_reviewed": 409,
    "conversation_handed_over": 409,
    "internal_error": 500,
}


class SellerdeskError(Exception):
    """A refused request: a stable `code`, a human `message` and optional per-field details."""

    def __init__(self, code: StrEnum | str, message: str, *, fields: dict[str, list[str]] | None = None):
        super().__init__(message)
        self.code = str(code)
        self.message = str(message)
        self.fields = fields

    @property
    def http_status(self) -> int:
        return _STATUS.get(self.code, 400)

    def as_dict(self) -> dict:
        body: dict = {"code": self.code, "message": self.message}
        if self.fields:
            body["fields"] = self.fields
        return body


# The default messages are translated when the error is raised, in the language of that request.
def not_found(what: str | None = None) -> SellerdeskError:
    return SellerdeskError(CoreError.NOT_FOUND, what or _("Not found."))


def validation_error(fields: dict[str, list[str]], message: str | None = None) -> SellerdeskError:
    return SellerdeskError(CoreError.VALIDATION_ERROR, message or _("Some fields are not valid."), fields=fields)
