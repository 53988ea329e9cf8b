"""Glyph-stage inputs: 50 synthetic tuning pages (sorted 000..049) + 10 warm-up pages (100..109).
Usage: PY cg_glyph_prep.py OUT.pkl [CHECKOUT] -> pickles {'pages': [...], 'warm': [...]}, prints md5 of outputs."""
import hashlib, pickle, sys
from pathlib import Path
from layoutfix import run_stages
from layoutfix.config import DEFAULT
root = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parents[2]
files = sorted((root / "corpus/synthetic/tune").glob("*.txt"))
out: dict[str, list[object]] = {"pages": [], "warm": []}
h = hashlib.md5()
for key, fs in (("pages", files[:50]), ("warm", files[100:110])):
    for f in fs:
        prev = None
        for name, page, _ in run_stages(f.read_bytes(), DEFAULT, f.name):
            if name == "glyphs":
                out[key].append(prev)
                if key == "pages": h.update(repr(page).encode())
            prev = page
pickle.dump(out, open(sys.argv[1], "wb")); print("glyphs out-md5", h.hexdigest())
