#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""`alephctl embed` side by side with the official Python client's pattern, through one sandbox.

Starts one aleph-sandbox process and runs, one after the other against it, on the same texts:
  - embed-baseline.py (AsyncClient.batch_semantic_embed's pattern: chunks of 100, 4 in flight,
    aiohttp, json.loads, Python lists) and `alephctl embed --parallel 4` (chunks of 100), at full
    size (5,120 floats) and at compress_to_size 128;
  - the one-request-per-text pattern (embed-baseline.py --pattern single) at full size.
Each figure is end to end: process start, requests, parsing and printing every vector (to a
file), wall clock. Prints texts/s of each run (the best of --runs), the ratios and issue 22's
targets (ours ≥ 2× the baseline at full size, ≥ 1.5× at 128, ≥ 20× one request per text), and the
load average before and after. Nothing is asserted.

    tests/bench/embed-side-by-side.py --build build [--texts 10000] [--single-texts 1000] [--runs 3]

Run it while nobody else builds (under the build lock on a shared machine):
    flock /tmp/aleph-build.lock tests/bench/embed-side-by-side.py --build build
(#!/usr/bin/python3: Debian's interpreter, which python3-aiohttp installs into.)
"""

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASELINE = HERE / "embed-baseline.py"
TOKEN = "sandbox"
MODEL = "sandbox-luminous-base"
WORDS = ("the model embeds every sentence of a long text into one vector and the neighbours of "
         "each vector are found by cosine similarity over the whole set while the user watches "
         "progress cancel and throughput figures in the tab of the application on a small machine "
         "with two cores shared by several builds of the same project at once").split()


def texts(n):
    """n distinct sentences of 8 to 24 words (seeded: the same texts on every run)."""
    rng = random.Random(22)
    return [f"{i}: " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 24))) for i in range(n)]


def load():
    return os.getloadavg()


def start_sandbox(binary):
    proc = subprocess.Popen([str(binary), "--port", "0", "--token", TOKEN, "--tokens-per-second", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in proc.stdout:
        if "listening on" in line:
            return proc, line.strip().split()[-1]
    sys.exit("embed-side-by-side: aleph-sandbox did not start")


def timed(cmd, env, out_path, expected):
    """Wall-clock seconds of one run, its stdout in out_path; checks one line per text."""
    with open(out_path, "wb") as out:
        start = time.perf_counter()
        done = subprocess.run(cmd, env=env, stdout=out, stderr=subprocess.PIPE)
        seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"embed-side-by-side: {' '.join(map(str, cmd[:3]))}... failed: {done.stderr.decode()[-400:]}")
    with open(out_path, "rb") as f:
        lines = sum(1 for _ in f)
    if lines != expected:
        sys.exit(f"embed-side-by-side: {lines} vectors printed for {expected} texts")
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default="build", help="the CMake build directory")
    parser.add_argument("--texts", type=int, default=10000)
    parser.add_argument("--single-texts", type=int, default=1000,
                        help="texts of the one-request-per-text run (its texts/s compares with the others)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each; the best counts")
    args = parser.parse_args()
    build = Path(args.build).resolve()
    sandbox_bin = build / "app" / "aleph-sandbox"
    alephctl = build / "app" / "alephctl"
    for b in (sandbox_bin, alephctl):
        if not b.exists():
            sys.exit(f"embed-side-by-side: {b} not built")

    before = load()
    work = Path(tempfile.mkdtemp(prefix="embed-side-by-side-"))
    all_texts = texts(args.texts)
    (work / "texts.txt").write_text("\n".join(all_texts) + "\n", encoding="utf-8")
    (work / "single.txt").write_text("\n".join(all_texts[:args.single_texts]) + "\n", encoding="utf-8")
    out = work / "vectors.jsonl"
    env = dict(os.environ, AA_TOKEN=TOKEN, LC_ALL="C.UTF-8", no_proxy="127.0.0.1", NO_PROXY="127.0.0.1")
    proc, url = start_sandbox(sandbox_bin)
    try:
        def ours(size):
            cmd = [alephctl, "--host", url, "embed", "-m", MODEL, "--file", work / "texts.txt",
                   "--batch-size", "100", "--parallel", "4"]
            return cmd + (["--compress-to-size", str(size)] if size else [])

        def baseline(size, pattern="batch", file="texts.txt"):
            cmd = [sys.executable, BASELINE, "--host", url, "--token", TOKEN, "--model", MODEL,
                   "--file", work / file, "--pattern", pattern, "--concurrency", "4"]
            return cmd + (["--compress-to-size", str(size)] if size else [])

        # Warm the sandbox's caches (model tables, tokenizer) so neither side pays for them.
        timed(ours(128), env, out, args.texts)
        rows = []
        for label, size in (("full size (5,120)", None), ("compress_to_size 128", 128)):
            b = min(timed(baseline(size), env, out, args.texts) for _ in range(args.runs))
            o = min(timed(ours(size), env, out, args.texts) for _ in range(args.runs))
            rows.append((label, args.texts / b, args.texts / o))
        single = min(timed(baseline(None, "single", "single.txt"), env, out, args.single_texts)
                     for _ in range(max(1, args.runs - 1)))
        single_rate = args.single_texts / single
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    after = load()

    print(f"embed-side-by-side: {args.texts} texts through one aleph-sandbox ({url}), best of {args.runs}, "
          "end to end (process start, requests, parsing, printing every vector)")
    targets = {"full size (5,120)": 2.0, "compress_to_size 128": 1.5}
    full_ours = None
    for label, b, o in rows:
        ratio = o / b
        print(f"  {label:22s} official-client pattern {b:8.0f} texts/s   alephctl embed {o:8.0f} texts/s"
              f"   ratio {ratio:5.2f}×  (target ≥ {targets[label]}×: {'met' if ratio >= targets[label] else 'MISSED'})")
        if label.startswith("full"):
            full_ours = o
    ratio = full_ours / single_rate
    print(f"  one request per text   (full size, {args.single_texts} texts)   {single_rate:8.0f} texts/s"
          f"   alephctl embed / it {ratio:5.1f}×  (target ≥ 20×: {'met' if ratio >= 20 else 'MISSED'})")
    print(f"  load average before {before[0]:.2f} {before[1]:.2f} {before[2]:.2f}, "
          f"after {after[0]:.2f} {after[1]:.2f} {after[2]:.2f} ({os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
