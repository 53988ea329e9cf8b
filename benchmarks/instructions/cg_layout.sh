#!/usr/bin/env bash
# cg_layout.sh PY OUTDIR [CHECKOUT] [STAGE...]: instructions of flow, dedup, segment over 40 synthetic tuning pages
# (each stage run on its own inputs, as that build's pipeline makes them; stages warmed on 21 other pages first,
# uninstrumented). One callgrind run; the dump of each stage is OUTDIR/cg.STAGE (callgrind_annotate reads it).
# Prints millions of instructions per stage and the md5 of each stage's outputs (same-output check).
set -euo pipefail
PY=$1; OUT=$2; ROOT=${3:-$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)}; shift $(( $# < 3 ? $# : 3 )); T=$(dirname "$(readlink -f "$0")")
[ -f "$T/libcgctl.so" ] || gcc -O1 -shared -fPIC -o "$T/libcgctl.so" "$T/cgctl.c"  # (needs valgrind's headers)
mkdir -p "$OUT"; rm -f "$OUT"/cg.out*
export PYTHONHASHSEED=0
cd "$OUT"
"$PY" "$T/cg_prep.py" "$OUT/inputs.pkl" "$ROOT" | tee "$OUT/md5.txt"
valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$OUT/cg.out" "$PY" "$T/cg_run.py" "$OUT/inputs.pkl" "$@" 2>"$OUT/valgrind.log"
for f in "$OUT"/cg.out.*; do
  s=$(grep -m1 '^desc: Trigger: Client Request: ' "$f" | sed 's/.*Client Request: //')
  [ -n "$s" ] || continue
  cp "$f" "$OUT/cg.$s"
  n=$(grep -m1 '^summary:\|^totals:' "$f" | awk '{print $2}')
  echo "$s $(python3 -c "print(f'{$n/1e6:.1f} M')")"
done | tee "$OUT/counts.txt"
