"""Same-output check: md5 of `clean(page).to_json(edits=True)` over a fixed page set, one line per set + total.

Usage: PY same.py OUT.txt [CHECKOUT]   (PYTHONHASHSEED=0 is set by same.sh)
Sets: synthetic tune (160), samples (3), real_ocr_tune heavy+light (OCR-read pages), synthetic fresh seed 4 (120,
built from ../shared, dev seed) and fresh seed 6 (120). Writes per-page md5s to OUT.txt (diff two runs to find pages).
"""
import hashlib, sys
from pathlib import Path
root = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parents[2]
sys.path.append(str(root))  # benchmarks package of that checkout (only for fresh pages); appended, so the
# installed layoutfix (or PYTHONPATH's) is the one measured, not the checkout's source
from layoutfix import clean
from benchmarks.corpora import fresh_synthetic
import layoutfix
print("layoutfix from", layoutfix.build_info()["build"], layoutfix.__file__, flush=True)

sets = {
    "tune": sorted((root / "corpus/synthetic/tune").glob("*.txt")),
    "samples": sorted((root / "corpus/samples").glob("*.txt")),
    "real_ocr_tune": sorted((root / "corpus/real_ocr_tune").glob("*/*.txt")),
}
lines, total = [], hashlib.md5()
for name, files in sets.items():
    h = hashlib.md5()
    for f in files:
        d = hashlib.md5(clean(f.read_bytes(), source=f.name).to_json(edits=True).encode()).hexdigest()
        h.update(d.encode()); lines.append(f"{name}/{f.name} {d}")
    print(name, len(files), h.hexdigest(), flush=True); total.update(h.hexdigest().encode())
for seed in (4, 6):
    h = hashlib.md5(); cases = fresh_synthetic(seed, root)
    for c in cases:
        d = hashlib.md5(clean(c.raw_bytes(), source=c.name).to_json(edits=True).encode()).hexdigest()
        h.update(d.encode()); lines.append(f"fresh{seed}/{c.name} {d}")
    print(f"fresh{seed}", len(cases), h.hexdigest(), flush=True); total.update(h.hexdigest().encode())
Path(sys.argv[1]).write_text("\n".join(lines) + "\n")
print("TOTAL", total.hexdigest())
