from enum import StrEnum


class CasesError(StrEnum):
    INVALID_TRANSITION = "invalid_transition"
    REOPEN_WINDOW_EXPIRED = "reopen_window_expired"
    CASE_CLOSED = "case_closed"
    ASSIGNEE_NOT_ELIGIBLE = "assignee_not_eligible"
    ATTACHMENT_TOO_LARGE = "attachment_too_large"
    ATTACHMENT_TYPE_NOT_ALLOWED = "attachment_type_not_allowed"
    TOO_MANY_ATTACHMENTS = "too_many_attachments"
