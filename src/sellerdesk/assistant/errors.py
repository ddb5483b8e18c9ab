from enum import StrEnum


class AssistantError(StrEnum):
    # The conversation was handed over to a person: the seller writes on its case now.
    CONVERSATION_HANDED_OVER = "conversation_handed_over"
