"""Train, evaluate and write the triage artefact: ``python -m sellerdesk.assistant.triage.cli [options]``.

Meant to back a ``sellerdesk train-triage`` management command: ``main(argv)`` returns a process exit code.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sellerdesk.assistant.triage.metrics import evaluate_rows
from sellerdesk.assistant.triage.model import (
    DEFAULT_SEED,
    MODELS_DIR,
    corpus_paths,
    load_corpus,
    remove_other_artefacts,
    save_artefact,
    split_corpus,
    train,
)


def _load_corrections(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="train-triage", description="Train the offline triage model.")
    parser.add_argument("--corpus", nargs="*", type=Path, help="corpus JSONL files (default: the shipped corpus)")
    parser.add_argument("--corrections", type=Path, help="JSONL of agent corrections to add to training")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=MODELS_DIR, help="directory for the artefact (default: shipped)")
    parser.add_argument(
        "--full", action="store_true", help="train on the whole corpus (no held-out split; metrics not measured)"
    )
    parser.add_argument("--keep-old", action="store_true", help="keep older artefacts in --out")
    parser.add_argument("--report", type=Path, help="also write the held-out evaluation as JSON here")
    args = parser.parse_args(argv)

    paths = args.corpus or corpus_paths()
    extra = _load_corrections(args.corrections) if args.corrections else []
    artefact = train(paths, args.seed, extra=extra, holdout=not args.full)
    path = save_artefact(artefact, args.out)
    if not args.keep_old:
        remove_other_artefacts(args.out, artefact.version)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB), version {artefact.version}")
    if not args.full:
        _, test_rows = split_corpus(load_corpus(paths), args.seed)
        evaluation = evaluate_rows(artefact, test_rows)
        overall = evaluation["overall"]
        print(
            "held-out: category acc {c[accuracy]:.3f} macro-F1 {c[macro_f1]:.3f} | urgency acc {u[accuracy]:.3f} "
            "within-one {u[within_one_level]:.3f} | tier acc {t[accuracy]:.3f} | language acc {l[accuracy]:.3f}".format(
                c=overall["category"], u=overall["urgency"], t=overall["tier"], l=overall["language"]
            )
        )
        if args.report:
            evaluation.pop("predictions")
            args.report.write_text(json.dumps(evaluation, indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
