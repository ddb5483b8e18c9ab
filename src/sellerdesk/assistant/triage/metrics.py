"""Metrics of a triage artefact on labelled rows (accuracy, macro-F1, within-one-level urgency, per language)."""

from __future__ import annotations

from collections import defaultdict

from sellerdesk.assistant.labels import CATEGORIES, URGENCIES, urgency_distance


def _scores(gold: list[str], pred: list[str], labels) -> dict:
    from sklearn.metrics import accuracy_score, f1_score

    if not gold:
        return {"accuracy": None, "macro_f1": None, "n": 0}
    present = [label for label in labels if label in set(gold) | set(pred)]
    return {
        "accuracy": round(float(accuracy_score(gold, pred)), 4),
        "macro_f1": round(float(f1_score(gold, pred, labels=present, average="macro", zero_division=0)), 4),
        "n": len(gold),
    }


def summarize(rows: list[dict], predictions: list[dict]) -> dict:
    from sellerdesk.assistant.labels import TIERS

    out = {}
    for name, labels in (("category", CATEGORIES), ("urgency", URGENCIES), ("tier", TIERS)):
        out[name] = _scores([r[name] for r in rows], [p[name] for p in predictions], labels)
    within = [urgency_distance(r["urgency"], p["urgency"]) <= 1 for r, p in zip(rows, predictions, strict=True)]
    out["urgency"]["within_one_level"] = round(sum(within) / len(within), 4) if within else None
    if predictions and "language" in predictions[0]:
        correct = [r["language"] == p["language"] for r, p in zip(rows, predictions, strict=True)]
        out["language"] = {"accuracy": round(sum(correct) / len(correct), 4), "n": len(correct)}
    out["n"] = len(rows)
    return out


def predict_rows(artefact, rows: list[dict], detect_language_too: bool = True) -> list[dict]:
    from sellerdesk.assistant.triage.language import detect_language
    from sellerdesk.assistant.triage.model import message_text

    texts = [message_text(r["text"], r.get("subject")) for r in rows]
    proba = artefact.predict_proba(texts) if texts else {}
    predictions = []
    for i, text in enumerate(texts):
        pred = {name: max(p[i], key=p[i].get) for name, p in proba.items()}
        pred["confidence"] = {name: p[i][pred[name]] for name, p in proba.items()}
        if detect_language_too:
            pred["language"] = detect_language(text)[0]
        predictions.append(pred)
    return predictions


def evaluate_rows(artefact, rows: list[dict], detect_language_too: bool = True) -> dict:
    predictions = predict_rows(artefact, rows, detect_language_too)
    by_language = defaultdict(list)
    for r, p in zip(rows, predictions, strict=True):
        by_language[r["language"]].append((r, p))
    return {
        "overall": summarize(rows, predictions),
        "per_language": {
            lang: summarize([r for r, _ in pairs], [p for _, p in pairs]) for lang, pairs in sorted(by_language.items())
        },
        "predictions": predictions,
    }
