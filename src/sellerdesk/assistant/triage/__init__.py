"""Offline triage of seller messages.

``triage(text, subject=None)`` returns a :class:`TriageResult`: language, category, urgency and suggested tier,
each with a calibrated confidence, the references found in the text and the model version. The shipped artefact
(``assistant/artefacts/CURRENT``) is loaded lazily, once per process; ``train`` / ``train_with_corrections`` build a new
one (see ``cli.py``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from sellerdesk.assistant.triage.language import detect_language
from sellerdesk.assistant.triage.model import (
    DEFAULT_SEED,
    Artefact,
    load_artefact,
    message_text,
    save_artefact,
    train,
)
from sellerdesk.assistant.triage.references import References, extract_references

__all__ = [
    "Artefact",
    "TriageResult",
    "get_artefact",
    "train",
    "train_with_corrections",
    "triage",
    "save_artefact",
    "load_artefact",
]

_LOCK = threading.Lock()
_ARTEFACT: Artefact | None = None


@dataclass(frozen=True)
class TriageResult:
    language: str
    language_confidence: float
    category: str
    category_confidence: float
    urgency: str
    urgency_confidence: float
    tier: str
    tier_confidence: float
    references: References
    model_version: str

    def as_dict(self) -> dict:
        return asdict(self)


def get_artefact() -> Artefact:
    """The shipped artefact, loaded once per process."""
    global _ARTEFACT
    if _ARTEFACT is None:
        with _LOCK:
            if _ARTEFACT is None:
                _ARTEFACT = load_artefact()
    return _ARTEFACT


def set_artefact(artefact: Artefact | None) -> None:
    """Use another artefact in this process (after retraining, or in tests); None reloads the shipped one."""
    global _ARTEFACT
    with _LOCK:
        _ARTEFACT = artefact


def triage(text: str, subject: str | None = None, *, artefact: Artefact | None = None) -> TriageResult:
    artefact = artefact or get_artefact()
    full = message_text(text or "", subject)
    proba = artefact.predict_proba([full])
    best = {name: max(p[0].items(), key=lambda kv: kv[1]) for name, p in proba.items()}
    language, language_confidence = detect_language(full)
    return TriageResult(
        language=language,
        language_confidence=language_confidence,
        category=best["category"][0],
        category_confidence=round(best["category"][1], 4),
        urgency=best["urgency"][0],
        urgency_confidence=round(best["urgency"][1], 4),
        tier=best["tier"][0],
        tier_confidence=round(best["tier"][1], 4),
        references=extract_references(full),
        model_version=artefact.version,
    )


def train_with_corrections(corrections: Iterable[dict], seed: int = DEFAULT_SEED, *, holdout: bool = True) -> Artefact:
    """Retrain from the shipped corpus plus agent corrections (dicts with text, category, urgency and optionally
    subject, language, tier). The Django side saves the result with ``save_artefact`` and calls ``set_artefact``."""
    return train(None, seed, extra=list(corrections), holdout=holdout)
