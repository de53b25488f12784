#!/bin/sh
# Self-consistency check: score the gold file against itself (via gold_as_system.py).
# Expected: every F1 = 1.000, fatalities_acc = 1.000, missing = 0.
set -e
cd "$(dirname "$0")"
python3 ../devgold-b/gold_as_system.py news-dev-c-12.jsonl > /tmp/news-dev-c-12.as-system.jsonl
python3 /work/shared/gold/score.py news-dev-c-12.jsonl /tmp/news-dev-c-12.as-system.jsonl
