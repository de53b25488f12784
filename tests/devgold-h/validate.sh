#!/bin/sh
# Self-consistency check: score the gold file against itself, rewritten into the output
# contract by tests/gold_as_system.py. Expected: every F1 = 1.000, fatalities_acc = 1.000,
# missing = 0.
set -e
cd "$(dirname "$0")"
SHARED="${RASD_SHARED:-/work/shared}"
OUT="$(mktemp)"
trap 'rm -f "$OUT"' EXIT
python3 ../gold_as_system.py news-dev-h-12.jsonl > "$OUT"
python3 "$SHARED/gold/score.py" news-dev-h-12.jsonl "$OUT"
