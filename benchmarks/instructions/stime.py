"""Paired stage timing: PY stime.py N  -> best-of-N seconds per stage over the 120 tune pages + 3 samples,
glyph memos emptied before each pass (as the benchmark). Run two builds alternately to compare clocks."""
import sys, time
from pathlib import Path
from layoutfix import run_stages
from layoutfix.config import DEFAULT
from layoutfix.pipeline import freeze_resources
from layoutfix.lm import load_lm
from layoutfix.stages.glyphs.memos import forget
root = Path(__file__).resolve().parents[2] / "corpus"
data = [f.read_bytes() for f in sorted((root / "synthetic/tune").glob("*.txt")) + sorted((root / "samples").glob("*.txt"))]
for _stage in run_stages(data[0], DEFAULT):
    pass
freeze_resources()
best: dict[str, float] = {}
for _pass in range(int(sys.argv[1]) if len(sys.argv) > 1 else 3):
    forget(load_lm(None)); acc: dict[str, float] = {}
    for d in data:
        for name, _page, secs in run_stages(d, DEFAULT):
            acc[name] = acc.get(name, 0.0) + secs
    for k, v in acc.items():
        best[k] = min(best.get(k, 1e9), v)
lay = best["flow"] + best["dedup"] + best["segment"]
print(" ".join(f"{k} {v:.3f}" for k, v in best.items()), f"| layout {lay:.3f} s = {len(data)/lay:.1f} pages/s")
