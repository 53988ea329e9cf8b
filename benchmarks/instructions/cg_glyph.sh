#!/usr/bin/env bash
# cg_glyph.sh PY OUTDIR [CHECKOUT]: instructions of the glyph stage over 50 tuning pages, cold (memos emptied).
set -euo pipefail
PY=$1; OUT=$2; ROOT=${3:-$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)}; T=$(dirname "$(readlink -f "$0")")
[ -f "$T/libcgctl.so" ] || gcc -O1 -shared -fPIC -o "$T/libcgctl.so" "$T/cgctl.c"  # (needs valgrind's headers)
mkdir -p "$OUT"; rm -f "$OUT"/cg.out*; export PYTHONHASHSEED=0; cd "$OUT"
"$PY" "$T/cg_glyph_prep.py" "$OUT/ginputs.pkl" "$ROOT" | tee "$OUT/gmd5.txt"
valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$OUT/cg.out" "$PY" "$T/cg_glyph_run.py" "$OUT/ginputs.pkl" 2>"$OUT/valgrind.log"
f=$(ls "$OUT"/cg.out.* | head -1); cp "$f" "$OUT/cg.glyphs"
n=$(grep -m1 '^summary:\|^totals:' "$f" | awk '{print $2}'); echo "glyphs $(python3 -c "print(f'{$n/1e6:.1f} M')")" | tee "$OUT/gcounts.txt"
