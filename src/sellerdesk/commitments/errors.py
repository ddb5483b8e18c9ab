from enum import StrEnum


class CommitmentsError(StrEnum):
    NOT_OPEN = "commitment_not_open"
    NOT_A_CALL_BACK = "not_a_call_back"
