#!/usr/bin/env python3
"""rasd side by side with the tools a user would otherwise pick, on the same text.

- camel-tools: its normaliser (unicode, alef, alef maksura, teh marbuta, dediacritise)
  and `simple_word_tokenize`, against rasd's text layer (`rasd bench --preset text-only`);
- pyarabic: `strip_tashkeel`, `strip_tatweel`, `normalize_hamza` and `tokenize`, against
  the same rasd stages;
- dateparser: `search_dates(text, languages=['ar'])` against rasd's measure stage.

The Python tools are installed into a virtual environment (default
/tmp/rasd-compare-venv; camel-tools with `--no-deps` plus the few modules these two
functions import, so no deep-learning stack is pulled in). When an install fails the
script says so and skips that tool; it always exits 0 unless rasd itself fails.

usage: scripts/compare_tools.py CORPUS.jsonl [--rasd PATH] [--dateparser-limit N]
Prints MB/s per core for each tool and for rasd's equivalent stage, and the ratio.
"""
import argparse
import json
import os
import subprocess
import sys
import venv

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

PACKAGES = {
    "camel": (["camel-tools", "--no-deps"], ["six", "emoji", "regex"], "camel_tools.tokenizers.word"),
    "pyarabic": (["pyarabic"], [], "pyarabic.araby"),
    "dateparser": (["dateparser"], [], "dateparser.search"),
}

WORKER = r"""
import json, sys, time, warnings
warnings.filterwarnings("ignore")
tool, limit = sys.argv[1], int(sys.argv[2])
texts = [json.loads(l)["text"] for l in sys.stdin if l.strip()]
if limit:
    texts = texts[:limit]
if tool == "camel":
    from camel_tools.utils.normalize import (normalize_unicode, normalize_alef_ar,
        normalize_alef_maksura_ar, normalize_teh_marbuta_ar)
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.tokenizers.word import simple_word_tokenize
    def run(s):
        s = normalize_unicode(s)
        s = dediac_ar(normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(s))))
        return len(simple_word_tokenize(s))
elif tool == "pyarabic":
    import pyarabic.araby as a
    def run(s):
        s = a.normalize_hamza(a.strip_tatweel(a.strip_tashkeel(s)))
        return len(a.tokenize(s))
else:
    from dateparser.search import search_dates
    search_dates("تمهيد", languages=["ar"])
    def run(s):
        return len(search_dates(s, languages=["ar"]) or [])
best = None
for _ in range(3 if tool != "dateparser" else 1):
    t = time.process_time()
    n = sum(run(s) for s in texts)
    dt = time.process_time() - t
    best = dt if best is None else min(best, dt)
print(json.dumps({"seconds": best, "bytes": sum(len(s.encode()) for s in texts), "items": n, "texts": len(texts)}))
"""


def ensure(venv_dir, tool):
    """The venv's python with `tool` importable, or None (said why)."""
    main, extra, module = PACKAGES[tool]
    py = os.path.join(venv_dir, "bin", "python")
    try:
        if not os.path.exists(py):
            venv.create(venv_dir, with_pip=True)
        if subprocess.run([py, "-c", f"import {module}"], capture_output=True).returncode == 0:
            return py
        for args in ([*main], extra):
            if args:
                r = subprocess.run([py, "-m", "pip", "install", "-q", *args], capture_output=True, text=True)
                if r.returncode != 0:
                    print(f"skip {tool}: could not install {' '.join(args)}: {r.stderr.strip()[-200:]}")
                    return None
        if subprocess.run([py, "-c", f"import {module}"], capture_output=True).returncode != 0:
            print(f"skip {tool}: installed but `import {module}` fails")
            return None
        return py
    except Exception as e:  # noqa: BLE001 - any set-up failure means: skip this tool
        print(f"skip {tool}: {e}")
        return None


def rasd_bench(rasd, corpus, preset, limit):
    src = corpus
    if limit:
        src = "/tmp/rasd-compare-subset.jsonl"
        with open(corpus, encoding="utf-8") as f, open(src, "w", encoding="utf-8") as out:
            for i, line in enumerate(f):
                if i >= limit:
                    break
                out.write(line)
    out = subprocess.run([rasd, "bench", "--json", "--threads", "1", "--preset", preset, src],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def stage_mbps(bench, names):
    secs = sum(s["seconds"] for s in bench["stages"] if s["stage"] in names)
    return bench["mb"] / secs if secs else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--rasd", default=os.path.join(REPO, "target", "release", "rasd"))
    ap.add_argument("--venv", default="/tmp/rasd-compare-venv")
    ap.add_argument("--dateparser-limit", type=int, default=60,
                    help="articles for dateparser (it is slow); rasd runs on the same subset")
    a = ap.parse_args()
    if not os.path.exists(a.rasd):
        sys.exit(f"no rasd binary at {a.rasd}: build it with `cargo build --release -p rasd`")
    with open(a.corpus, encoding="utf-8") as f:
        lines = f.read()
    text_bench = rasd_bench(a.rasd, a.corpus, "text-only", 0)
    rasd_text = stage_mbps(text_bench, {"text"})
    print(f"{'tool':<44} {'MB/s/core':>10} {'rasd MB/s/core':>15} {'rasd is':>9}")
    for tool, label in [("camel", "camel-tools normalise + simple_word_tokenize"),
                        ("pyarabic", "pyarabic strip/normalise + tokenize"),
                        ("dateparser", "dateparser search_dates(ar)")]:
        py = ensure(a.venv, tool)
        if py is None:
            continue
        limit = a.dateparser_limit if tool == "dateparser" else 0
        r = subprocess.run([py, "-c", WORKER, tool, str(limit)], input=lines, capture_output=True, text=True)
        if r.returncode != 0:
            print(f"skip {tool}: it failed: {r.stderr.strip()[-300:]}")
            continue
        res = json.loads(r.stdout)
        theirs = res["bytes"] / 1e6 / res["seconds"]
        if tool == "dateparser":
            ours = stage_mbps(rasd_bench(a.rasd, a.corpus, "default", limit), {"measure"})
        else:
            ours = rasd_text
        print(f"{label:<44} {theirs:>10.2f} {ours:>15.1f} {ours / theirs:>8.0f}x")
    print(f"(corpus {a.corpus}; Python figures are process CPU time, best of 3 passes except "
          f"dateparser; rasd figures from `rasd bench --threads 1`)")


if __name__ == "__main__":
    main()
