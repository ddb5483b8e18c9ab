"""Training, saving and loading of the triage model (TF-IDF word + character n-grams, calibrated linear heads)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sellerdesk.assistant.labels import CATEGORIES, LANGUAGES, TIERS, URGENCIES, tier_for

PACKAGE_DIR = Path(__file__).resolve().parent.parent
CORPUS_DIR = PACKAGE_DIR / "corpus"
MODELS_DIR = PACKAGE_DIR / "artefacts"
HEADS = ("category", "urgency", "tier")
LABELS = {"category": CATEGORIES, "urgency": URGENCIES, "tier": TIERS}
DEFAULT_SEED = 13
TEST_SIZE = 0.2

# Model configuration: the result of a few comparisons on a validation split (see docs/triage-model.md).
CONFIG = {
    "word_ngram_range": (1, 2),
    "word_max_features": 40000,
    "char_ngram_range": (2, 5),
    "char_max_features": 120000,
    "min_df": 2,
    "svm_c": 0.5,
    "calibration": "sigmoid",
    "calibration_cv": 3,
}

# ------------------------------------------------------------------------------------------------ text normalising
_ORDER = re.compile(r"\b\d{3}-\d{7}-\d{7}\b|\b\d{2}-\d{5}-\d{5}\b")
_ASIN = re.compile(r"\bB0[A-Za-z0-9]{8}\b")
_FBA = re.compile(r"\bFBA[A-Z0-9]{8,10}\b")
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Lower-cased text with ids replaced by placeholders and digit runs collapsed (used by both vectorizers)."""
    text = _ORDER.sub(" ordernum ", text)
    text = _ASIN.sub(" asinnum ", text)
    text = _FBA.sub(" fbashipment ", text)
    text = _DIGITS.sub("0", text)
    return _SPACES.sub(" ", text).strip().lower()


def message_text(text: str, subject: str | None = None) -> str:
    return f"{subject.strip()}\n{text}" if subject and subject.strip() else text


# ------------------------------------------------------------------------------------------------ corpus
def corpus_paths() -> list[Path]:
    return sorted(CORPUS_DIR.glob("*.jsonl"))


def load_corpus(paths: Sequence[Path | str] | None = None) -> list[dict]:
    rows = []
    for path in paths or corpus_paths():
        with Path(path).open(encoding="utf-8") as fh:
            for line_no, line in enumerate(fh, 1):
                if line.strip():
                    row = json.loads(line)
                    validate_example(row, f"{path}:{line_no}")
                    rows.append(row)
    return rows


def validate_example(row: dict, where: str = "example") -> None:
    if not str(row.get("text", "")).strip():
        raise ValueError(f"{where}: empty text")
    for key, allowed in (("language", LANGUAGES), ("category", CATEGORIES), ("urgency", URGENCIES), ("tier", TIERS)):
        if row.get(key) not in allowed:
            raise ValueError(f"{where}: {key}={row.get(key)!r} is not one of {allowed}")


def corpus_hash(paths: Sequence[Path | str] | None = None) -> str:
    """sha256 over the corpus files' names and bytes, in name order."""
    digest = hashlib.sha256()
    for path in sorted(Path(p) for p in (paths or corpus_paths())):
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def split_corpus(rows: list[dict], seed: int = DEFAULT_SEED, test_size: float = TEST_SIZE):
    """Stratified (category + language) held-out split; deterministic for a seed. Returns (train, test)."""
    from sklearn.model_selection import train_test_split

    strata = [f"{r['category']}|{r['language']}" for r in rows]
    counts: dict[str, int] = {}
    for s in strata:
        counts[s] = counts.get(s, 0) + 1
    # Strata too small to split fall back to the category alone.
    strata = [s if counts[s] >= 5 else s.split("|")[0] for s in strata]
    index = list(range(len(rows)))
    train_idx, test_idx = train_test_split(index, test_size=test_size, random_state=seed, stratify=strata)
    return [rows[i] for i in sorted(train_idx)], [rows[i] for i in sorted(test_idx)]


# ------------------------------------------------------------------------------------------------ artefact
@dataclass
class Artefact:
    version: str
    vectorizer: object
    heads: dict
    metadata: dict = field(default_factory=dict)

    def predict_proba(self, texts: list[str]) -> dict[str, list[dict[str, float]]]:
        """Calibrated class probabilities per head. The tier is the average of the tier head and the tier rule
        applied to the category and urgency distributions (``TIER_RULE_WEIGHT``): the rule is what the labels
        follow, the head catches wording the rule cannot see."""
        features = self.vectorizer.transform(texts)
        out = {}
        for name, clf in self.heads.items():
            proba = clf.predict_proba(features)
            out[name] = [dict(zip(clf.classes_, map(float, row), strict=True)) for row in proba]
        if {"category", "urgency", "tier"} <= out.keys():
            out["tier"] = [
                _blend_tier(cat, urg, tier)
                for cat, urg, tier in zip(out["category"], out["urgency"], out["tier"], strict=True)
            ]
        return out


TIER_RULE_WEIGHT = 0.5


def _blend_tier(category: dict, urgency: dict, tier: dict) -> dict[str, float]:
    by_rule = dict.fromkeys(TIERS, 0.0)
    for c, pc in category.items():
        for u, pu in urgency.items():
            by_rule[tier_for(c, u)] += pc * pu
    w = TIER_RULE_WEIGHT
    return {t: w * by_rule[t] + (1 - w) * tier.get(t, 0.0) for t in TIERS}


def _make_vectorizer(config: dict):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    return FeatureUnion(
        [
            (
                "word",
                TfidfVectorizer(
                    preprocessor=normalize,
                    analyzer="word",
                    ngram_range=tuple(config["word_ngram_range"]),
                    min_df=config["min_df"],
                    max_features=config["word_max_features"],
                    sublinear_tf=True,
                    dtype=_float32(),
                ),
            ),
            (
                "char",
                TfidfVectorizer(
                    preprocessor=normalize,
                    analyzer="char_wb",
                    ngram_range=tuple(config["char_ngram_range"]),
                    min_df=config["min_df"],
                    max_features=config["char_max_features"],
                    sublinear_tf=True,
                    dtype=_float32(),
                ),
            ),
        ]
    )


def _float32():
    import numpy as np

    return np.float32


def _make_head(config: dict, seed: int):
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.svm import LinearSVC

    base = LinearSVC(C=config["svm_c"], class_weight="balanced", random_state=seed)
    return CalibratedClassifierCV(base, method=config["calibration"], cv=config["calibration_cv"], ensemble=False)


def _strip_for_pickle(vectorizer) -> None:
    # TfidfVectorizer keeps every pruned term in stop_words_: megabytes that prediction never needs.
    for _, vec in vectorizer.transformer_list:
        if hasattr(vec, "stop_words_"):
            vec.stop_words_ = None


def train(
    corpus: Sequence[Path | str] | list[dict] | None = None,
    seed: int = DEFAULT_SEED,
    *,
    extra: Iterable[dict] = (),
    holdout: bool = True,
    config: dict | None = None,
) -> Artefact:
    """Train the three heads on the corpus (paths, or already-loaded rows) plus ``extra`` labelled examples.

    With ``holdout`` the stratified test split (``split_corpus`` with the same seed) is left out of training, so
    the metrics in the metadata are measured on text the model never saw. ``extra`` (agent corrections) always goes
    into training. Deterministic for a given corpus, extra examples and seed.
    """
    config = {**CONFIG, **(config or {})}
    if corpus is None or (corpus and not isinstance(corpus[0], dict)):
        paths = [Path(p) for p in (corpus or corpus_paths())]
        rows = load_corpus(paths)
        source_hash = corpus_hash(paths)
    else:
        rows = list(corpus)
        source_hash = hashlib.sha256(json.dumps(rows, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    extra_rows = [normalise_correction(r) for r in extra]
    train_rows, test_rows = split_corpus(rows, seed) if holdout else (rows, [])
    train_rows = train_rows + extra_rows
    texts = [message_text(r["text"], r.get("subject")) for r in train_rows]

    vectorizer = _make_vectorizer(config)
    features = vectorizer.fit_transform(texts)
    heads = {}
    for name in HEADS:
        head = _make_head(config, seed)
        head.fit(features, [r[name] for r in train_rows])
        heads[name] = head
    _strip_for_pickle(vectorizer)

    trained_at = dt.datetime.now(dt.UTC).replace(microsecond=0)
    version = f"{trained_at:%Y%m%d}-{source_hash[:8]}" + (f"-x{len(extra_rows)}" if extra_rows else "")
    metadata = {
        "version": version,
        "trained_at": trained_at.isoformat(),
        "corpus_hash": source_hash,
        "seed": seed,
        "holdout": holdout,
        "test_size": TEST_SIZE if holdout else 0.0,
        "n_train": len(train_rows),
        "n_test": len(test_rows),
        "n_extra": len(extra_rows),
        "config": {k: list(v) if isinstance(v, tuple) else v for k, v in config.items()},
        "n_features": int(features.shape[1]),
    }
    artefact = Artefact(version=version, vectorizer=vectorizer, heads=heads, metadata=metadata)
    if test_rows:
        from sellerdesk.assistant.triage.metrics import evaluate_rows

        metadata["metrics"] = evaluate_rows(artefact, test_rows, detect_language_too=False)["overall"]
    return artefact


def normalise_correction(row: dict) -> dict:
    """A corrected example from the agents: needs text, category and urgency; language and tier are derived."""
    from sellerdesk.assistant.triage.language import detect_language

    out = {"text": str(row["text"]), "category": row["category"], "urgency": row["urgency"]}
    if row.get("subject"):
        out["subject"] = row["subject"]
    out["language"] = row.get("language") or detect_language(message_text(out["text"], out.get("subject")))[0]
    out["tier"] = row.get("tier") or tier_for(out["category"], out["urgency"])
    validate_example(out, "correction")
    return out


def save_artefact(artefact: Artefact, directory: Path | str = MODELS_DIR, *, make_current: bool = True) -> Path:
    """Write ``triage-<version>.joblib`` and its JSON sidecar; point ``CURRENT`` at it."""
    import joblib

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"triage-{artefact.version}.joblib"
    payload = {"version": artefact.version, "vectorizer": artefact.vectorizer, "heads": artefact.heads}
    joblib.dump(payload, path, compress=("xz", 3))
    sidecar = path.with_suffix(".json")
    sidecar.write_text(json.dumps(artefact.metadata, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    if make_current:
        (directory / "CURRENT").write_text(artefact.version + "\n")
    return path


def load_artefact(directory: Path | str = MODELS_DIR, version: str | None = None) -> Artefact:
    import joblib

    directory = Path(directory)
    version = version or (directory / "CURRENT").read_text().strip()
    path = directory / f"triage-{version}.joblib"
    payload = joblib.load(path)
    metadata = json.loads(path.with_suffix(".json").read_text())
    return Artefact(
        version=payload["version"], vectorizer=payload["vectorizer"], heads=payload["heads"], metadata=metadata
    )


def remove_other_artefacts(directory: Path | str, keep_version: str) -> list[Path]:
    removed = []
    for path in Path(directory).glob("triage-*"):
        if path.suffix in (".joblib", ".json") and path.stem != f"triage-{keep_version}":
            path.unlink()
            removed.append(path)
    return removed
