#!/usr/bin/env python3
"""Make a large JSON Lines corpus for throughput tests from a smaller one.

    python3 scripts/make_corpus.py IN.jsonl OUT.jsonl --articles 100000
    python3 scripts/make_corpus.py IN.jsonl OUT.jsonl --mb 100

Records are taken from IN in turn, again and again, until OUT holds the number of
articles (or megabytes) asked for. Every copy gets its own `id` and a closing line
naming its copy number, so that no two records have the same content: `rasd ingest`
skips an article whose content it already stored, and a benchmark of copies it skips
would measure nothing.
"""

import argparse
import json
import sys


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input")
    ap.add_argument("output")
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--articles", type=int)
    g.add_argument("--mb", type=float)
    a = ap.parse_args()
    records = [json.loads(l) for l in open(a.input, encoding="utf-8") if l.strip()]
    if not records:
        print(f"{a.input}: no records", file=sys.stderr)
        return 1
    limit_bytes = int(a.mb * 1e6) if a.mb else None
    written = size = 0
    with open(a.output, "w", encoding="utf-8") as out:
        while True:
            for r in records:
                if a.articles is not None and written >= a.articles:
                    break
                if limit_bytes is not None and size >= limit_bytes:
                    break
                copy = written // len(records)
                r = dict(r)
                r["id"] = f"{r.get('id', 'doc')}#{copy}"
                key = "text" if "text" in r else "html"
                r[key] = (r.get(key) or "") + f"\n\nنسخة رقم {copy}"
                line = json.dumps(r, ensure_ascii=False) + "\n"
                out.write(line)
                size += len(line.encode("utf-8"))
                written += 1
            else:
                continue
            break
    print(f"{a.output}: {written} articles, {size / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
