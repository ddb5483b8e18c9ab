from enum import StrEnum


class RoutingError(StrEnum):
    PLAYBOOK_NOT_COMPLETED = "playbook_not_completed"
    CAPABILITY_AVAILABLE = "capability_available"
    TARGET_LACKS_CAPABILITY = "target_lacks_capability"
    SAME_TEAM = "same_team"
    UNKNOWN_REASON = "unknown_reason"
    NOT_BOUNCEABLE = "not_bounceable"
    NO_PLAYBOOK = "no_playbook"
    NOT_AN_ACTION = "not_an_action"
