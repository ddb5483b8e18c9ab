"""The labelled triage corpus (``*.jsonl``) and its deterministic generator (``build.py``)."""
