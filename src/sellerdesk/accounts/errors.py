from enum import StrEnum


class AccountsError(StrEnum):
    MISSING_CAPABILITY = "missing_capability"
    OVER_LIMIT = "over_limit"
    UNSUPPORTED_CURRENCY = "unsupported_currency"
