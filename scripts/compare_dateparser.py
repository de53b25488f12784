#!/usr/bin/env python3
"""Compare rasd's measure stage with dateparser's `search_dates(text, languages=['ar'])`.

Speed: times dateparser over the texts of a JSON Lines corpus (default
../shared/corpus/news-dev.jsonl) and reads rasd's per-stage figures from
`rasd bench CORPUS --json` on the same corpus, then prints both in MB/s per core and
their ratio. Quality (`--seeds`): runs both on the seed articles, each against its
publication date, and prints what each finds for the expressions the gold lists.

dateparser is installed into a virtual environment (default /tmp/rasd-dateparser-venv);
when that fails (no network, no pip) the script says so and exits 0.

usage: scripts/compare_dateparser.py [CORPUS] [--rasd PATH] [--limit N] [--seeds SEEDS.jsonl]
"""
import argparse
import json
import os
import subprocess
import sys
import time
import venv

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def ensure_dateparser(venv_dir):
    """Return the venv's python with dateparser importable, or None."""
    py = os.path.join(venv_dir, "bin", "python")
    try:
        if not os.path.exists(py):
            venv.create(venv_dir, with_pip=True)
        ok = subprocess.run([py, "-c", "import dateparser"], capture_output=True).returncode == 0
        if not ok:
            r = subprocess.run([py, "-m", "pip", "install", "-q", "dateparser"], capture_output=True, text=True)
            if r.returncode != 0:
                print(f"dateparser could not be installed: {r.stderr.strip()[-300:]}")
                return None
        return py
    except Exception as e:  # noqa: BLE001 - any failure to set up means: skip
        print(f"dateparser could not be installed: {e}")
        return None


WORKER = r"""
import json, sys, time, datetime, warnings
warnings.filterwarnings("ignore")
from dateparser.search import search_dates
mode = sys.argv[1]
items = [json.loads(l) for l in sys.stdin if l.strip()]
if mode == "speed":
    texts = [x["text"] for x in items]
    search_dates("تمهيد", languages=["ar"])  # load the language data outside the timing
    t = time.perf_counter()
    found = 0
    for s in texts:
        r = search_dates(s, languages=["ar"])
        found += len(r or [])
    dt = time.perf_counter() - t
    print(json.dumps({"seconds": dt, "bytes": sum(len(s.encode()) for s in texts), "found": found}))
else:
    for x in items:
        base = datetime.datetime.fromisoformat(x["published"][:10])
        r = search_dates(x["text"], languages=["ar"], settings={"RELATIVE_BASE": base}) or []
        print(json.dumps({"id": x["id"], "found": [[a, b.isoformat()] for a, b in r]}, ensure_ascii=False))
"""


def read_corpus(path, limit):
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                docs.append({"id": d.get("id"), "published": d.get("published") or "", "text": d.get("text") or ""})
    return docs[:limit] if limit else docs


def rasd_cmd(args):
    if args.rasd:
        return [args.rasd]
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(REPO, "target"))
    exe = os.path.join(target, "release", "rasd")
    if os.path.exists(exe):
        return [exe]
    return ["cargo", "run", "-q", "--release", "-p", "rasd", "--"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=os.path.join(REPO, "..", "shared", "corpus", "news-dev.jsonl"))
    ap.add_argument("--rasd", help="path of the rasd binary (default: target/release/rasd, else cargo run --release)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (dateparser is slow)")
    ap.add_argument("--seeds", help="seed articles as JSON Lines, with `published`: compare what each finds")
    ap.add_argument("--venv", default="/tmp/rasd-dateparser-venv")
    args = ap.parse_args()

    py = ensure_dateparser(args.venv)
    if py is None:
        print("skipped: dateparser is not available")
        return 0

    docs = read_corpus(args.corpus, args.limit)
    payload = "\n".join(json.dumps(d, ensure_ascii=False) for d in docs)
    r = subprocess.run([py, "-c", WORKER, "speed"], input=payload, capture_output=True, text=True)
    if r.returncode != 0:
        print(f"skipped: dateparser failed: {r.stderr.strip()[-300:]}")
        return 0
    dp = json.loads(r.stdout)
    dp_mbs = dp["bytes"] / 1e6 / dp["seconds"]
    print(f"dateparser search_dates(languages=['ar']): {len(docs)} articles, {dp['bytes'] / 1e6:.2f} MB in {dp['seconds']:.1f} s = {dp_mbs:.3f} MB/s (1 core), {dp['found']} dates found")

    # rasd on the same texts (written to a temporary corpus when --limit cuts it).
    corpus = args.corpus
    if args.limit:
        corpus = "/tmp/rasd-compare-corpus.jsonl"
        with open(corpus, "w", encoding="utf-8") as f:
            f.write(payload + "\n")
    b = subprocess.run(rasd_cmd(args) + ["bench", corpus, "--json", "--threads", "1"], capture_output=True, text=True, cwd=REPO)
    if b.returncode != 0:
        print(f"rasd bench failed: {b.stderr.strip()[-300:]}")
        return 0
    bench = json.loads(b.stdout.strip().splitlines()[-1])
    stages = {s["stage"]: s for s in bench["stages"]}
    m = stages.get("measure")
    if m:
        # The measure stage needs the text stage before it; both figures are given.
        t_text = stages.get("text", {}).get("seconds", 0.0) + stages.get("clean", {}).get("seconds", 0.0)
        both = bench["mb"] / (m["seconds"] + t_text) if m["seconds"] + t_text > 0 else float("nan")
        print(f"rasd measure stage: {m['mb_per_s']:.1f} MB/s per core (clean+text+measure: {both:.1f} MB/s per core)")
        print(f"ratio: rasd measure / dateparser = {m['mb_per_s'] / dp_mbs:.0f}x (with clean+text: {both / dp_mbs:.0f}x)")

    if args.seeds:
        seeds = read_corpus(args.seeds, 0)
        payload = "\n".join(json.dumps(d, ensure_ascii=False) for d in seeds)
        r = subprocess.run([py, "-c", WORKER, "seeds"], input=payload, capture_output=True, text=True)
        ex = subprocess.run(rasd_cmd(args) + ["extract", args.seeds], capture_output=True, text=True, cwd=REPO)
        ours = {}
        for line in ex.stdout.splitlines():
            d = json.loads(line)
            ours[d["id"]] = [[t["text"], t.get("value"), t.get("kind", "")] for t in d["times"]]
        for line in r.stdout.splitlines():
            d = json.loads(line)
            print(f"\n== {d['id']}")
            print("  dateparser:", "; ".join(f"{a} = {b[:10]}" for a, b in d["found"]) or "nothing")
            print("  rasd:      ", "; ".join(f"{a} = {v}{' (' + k + ')' if k else ''}" for a, v, k in ours.get(d["id"], [])) or "nothing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
