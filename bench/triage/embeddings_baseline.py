"""Sentence-embedding baseline: all-MiniLM-L6-v2 embeddings + logistic regression per head, on the same held-out
split and hard set as the TF-IDF model. Runs in a venv with the ``embeddings`` extra; prints JSON on stdout."""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import hard_rows, heldout  # noqa: E402

from sellerdesk.assistant.triage.embeddings import embed  # noqa: E402
from sellerdesk.assistant.triage.metrics import summarize  # noqa: E402
from sellerdesk.assistant.triage.model import HEADS, message_text  # noqa: E402


def main() -> int:
    from sklearn.linear_model import LogisticRegression

    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 13
    train_rows, test_rows = heldout(seed)
    hard = hard_rows()
    started = time.perf_counter()
    x_train = embed([message_text(r["text"], r.get("subject")) for r in train_rows])
    heads = {}
    for name in HEADS:
        clf = LogisticRegression(C=10.0, max_iter=3000, class_weight="balanced", random_state=seed)
        clf.fit(x_train, [r[name] for r in train_rows])
        heads[name] = clf
    train_seconds = time.perf_counter() - started

    def predict(rows):
        x = embed([message_text(r["text"], r.get("subject")) for r in rows])
        return [{name: str(heads[name].predict(x[i : i + 1])[0]) for name in HEADS} for i in range(len(rows))]

    results = {"train_seconds": round(train_seconds, 1)}
    for label, rows in (("heldout", test_rows), ("hard", hard)):
        preds = predict(rows)
        results[label] = summarize(rows, preds)
        per_lang = {}
        for lang in sorted({r["language"] for r in rows}):
            idx = [i for i, r in enumerate(rows) if r["language"] == lang]
            per_lang[lang] = summarize([rows[i] for i in idx], [preds[i] for i in idx])
        results[label + "_per_language"] = per_lang
    latencies = []
    for r in test_rows[:200]:
        t = time.perf_counter()
        x = embed([message_text(r["text"], r.get("subject"))])
        for name in HEADS:
            heads[name].predict_proba(x)
        latencies.append((time.perf_counter() - t) * 1000)
    latencies.sort()
    results["latency_ms"] = {
        "p50": round(statistics.median(latencies), 2),
        "p95": round(latencies[int(0.95 * (len(latencies) - 1))], 2),
    }
    results["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
