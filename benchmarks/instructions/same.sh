#!/usr/bin/env bash
# same.sh PY OUT.txt [CHECKOUT]: same-output md5s (see same.py). Run from any dir. Measures the layoutfix that PY
# imports from /tmp (the installed build, or PYTHONPATH's tree); the first line says which.
export PYTHONHASHSEED=0
PY=$1; OUT=$2; ROOT=${3:-$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)}; T=$(dirname "$(readlink -f "$0")")
cd /tmp && "$PY" "$T/same.py" "$OUT" "$ROOT"
