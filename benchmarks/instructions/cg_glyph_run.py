"""Under callgrind (--instr-atstart=no): warm the glyph stage on 10 other pages, empty its memos (cold, as the
benchmark's passes), then measure the 50 pages in one dump 'glyphs'."""
import ctypes, os, pickle, sys
from layoutfix.pipeline import STAGE_FUNCS
from layoutfix.lm import load_lm
from layoutfix.stages.glyphs.memos import forget
cg = ctypes.CDLL(os.path.join(os.path.dirname(os.path.abspath(__file__)), "libcgctl.so"))
d = pickle.load(open(sys.argv[1], "rb")); f = STAGE_FUNCS["glyphs"]
for p in d["warm"]:
    f(p)
forget(load_lm(None))
cg.cg_start(); cg.cg_zero()
for p in d["pages"]:
    f(p)
cg.cg_dump(b"glyphs"); cg.cg_stop()
