"""Stage inputs for the layout callgrind harness: 40 synthetic tuning pages (sorted 000..039) + 1 warm-up page (359).

Usage: PY cg_prep.py OUT.pkl  -> pickles {stage: [pages before it]} and prints md5 of each stage's outputs (repr).
Run from a checkout whose corpus/synthetic/tune exists (any of ours: the pages are the same)."""
import hashlib, pickle, sys
from pathlib import Path
from layoutfix import run_stages
from layoutfix.config import DEFAULT

root = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parents[2]
files = sorted((root / "corpus/synthetic/tune").glob("*.txt"))
pages = files[:40] + [files[-1]]
warm_files = files[40:60]  # more warm-up pages (written to warm.pkl): they trigger every lazy load (jieba tags, ...)
inputs: dict[str, list[object]] = {"flow": [], "dedup": [], "segment": []}
outs = {"flow": hashlib.md5(), "dedup": hashlib.md5(), "segment": hashlib.md5()}
for f in pages:
    prev = None
    for name, page, _ in run_stages(f.read_bytes(), DEFAULT, f.name):
        if name in inputs:
            inputs[name].append(prev)
            outs[name].update(repr(page).encode())
        prev = page
pickle.dump(inputs, open(sys.argv[1], "wb"))
warm: dict[str, list[object]] = {"flow": [], "dedup": [], "segment": []}
for f in warm_files:
    prev = None
    for name, page, _ in run_stages(f.read_bytes(), DEFAULT, f.name):
        if name in warm:
            warm[name].append(prev)
        prev = page
pickle.dump(warm, open(str(sys.argv[1]).replace("inputs.pkl", "warm.pkl"), "wb"))
for k, h in outs.items():
    print(k, "out-md5", h.hexdigest())
