from enum import StrEnum


class PerformanceError(StrEnum):
    INVALID_STATUS_CHANGE = "invalid_status_change"
    NOTICE_REFUSED = "notice_refused"
    COMPLAINT_NOT_VALIDATED = "complaint_not_validated"
    COMPLAINT_ALREADY_DECIDED = "complaint_already_decided"
    ACTION_NOT_ACTIVE = "action_not_active"
    APPEAL_ALREADY_OPEN = "appeal_already_open"
    APPEAL_NOT_OPEN = "appeal_not_open"
    APPEAL_ALREADY_ESCALATED = "appeal_already_escalated"
    APPEAL_NOT_DENIED = "appeal_not_denied"
    TOO_MANY_REQUESTS = "too_many_requests"
    RECOVERY_CODE_INVALID = "recovery_code_invalid"
    RECOVERY_NOT_VERIFIED = "recovery_not_verified"
    RECOVERY_CODE_EXPIRED = "recovery_code_expired"
    RECOVERY_ALREADY_REVIEWED = "recovery_already_reviewed"
