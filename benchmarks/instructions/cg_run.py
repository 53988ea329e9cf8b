"""Under callgrind (--instr-atstart=no): warm each layout stage on the warm-up page uninstrumented, then run each
of flow, dedup, segment on its 40 pages with instrumentation on and dump the counts after each (one dump a stage)."""
import ctypes, os, pickle, sys
from layoutfix.pipeline import STAGE_FUNCS
cg = ctypes.CDLL(os.path.join(os.path.dirname(os.path.abspath(__file__)), "libcgctl.so"))
inputs = pickle.load(open(sys.argv[1], "rb"))
stages = sys.argv[2:] or ["flow", "dedup", "segment"]
warm_path = sys.argv[1].replace("inputs.pkl", "warm.pkl")
warm = pickle.load(open(warm_path, "rb")) if os.path.exists(warm_path) else {s: [] for s in inputs}
for s in ("flow", "dedup", "segment"):  # uninstrumented: lazy loads (models, jieba's tags) happen here
    for p in [inputs[s][-1]] + warm[s]:
        STAGE_FUNCS[s](p)
for s in stages:
    f = STAGE_FUNCS[s]
    pages = inputs[s][:-1]
    cg.cg_start(); cg.cg_zero()
    for p in pages:
        f(p)
    cg.cg_dump(s.encode()); cg.cg_stop()
