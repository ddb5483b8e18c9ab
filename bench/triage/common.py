"""Shared helpers of the triage benchmarks: the held-out split and the hard set as labelled rows."""

from __future__ import annotations

import json
from pathlib import Path

from sellerdesk.assistant.labels import tier_for
from sellerdesk.assistant.triage.model import load_corpus, split_corpus

HERE = Path(__file__).resolve().parent


def hard_rows() -> list[dict]:
    from hardset_messages import HARD  # bench/triage is on sys.path when these scripts run

    rows = []
    for i, (language, category, urgency, text, *subject) in enumerate(HARD):
        row = {
            "id": f"hard-{i:03d}",
            "language": language,
            "category": category,
            "urgency": urgency,
            "tier": tier_for(category, urgency),
            "text": text.strip(),
            "style": "hard",
        }
        if subject:
            row["subject"] = subject[0]
        rows.append(row)
    return rows


def write_hard_jsonl(path: Path = HERE / "hardset.jsonl") -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for row in hard_rows():
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


def heldout(seed: int) -> tuple[list[dict], list[dict]]:
    return split_corpus(load_corpus(), seed)
