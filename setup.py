"""Build step: compile the modules that carry flow's, dedup's and segment's instructions with mypyc.

mypyc compiles the type-annotated Python we already have into C extensions (no second language to keep in
step); the `.py` files ship beside them and are what runs wherever the compile could not. Everything else about
the package is in `pyproject.toml`.

The package is pure Python, with one line on stderr saying why (`pip install -v` shows it), when
  - LAYOUTFIX_PURE=1 is set,
  - the install is editable (`pip install -e .`: the tree's own `.py` files must be what runs),
  - mypyc cannot be imported or rejects the code, or the C compiler fails or is missing.
What was built is recorded in the installed `layoutfix/_build.json`, read by `layoutfix.build_info()`.
"""
from __future__ import annotations

import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

# The compiled modules, chosen by measurement (callgrind, flow + dedup + segment over 40 synthetic tune pages,
# warmed): pure 2,624.8 M instructions, these 26 compiled 2,081.2 M (-20.7%; flow -18.5%, dedup -23.4%, segment
# -21.8%); segment/figures.py (session 34) joined them, 27 in all. Leaving out the ten with the least own time (flow
# captions/columns/titles, dedup doublings/rows, segment headings/parts/rests/tables/titles) gave 2,132.2 M and saved no build time (the type check of the imports they
# share dominates it). Not compiled: flow/model.py and lm.py (they keep caches in an object's `__dict__`, which a
# compiled class has not; lm's penalised segmentation walks are in lmwalk.py, compiled, since session 58).
# Session 54 (fast54b): the glyph stage's decoder, bound, channel, memos, page
# memory and entry points joined them, 35 in all (glyph stage, callgrind, 40 synthetic + 10 real-OCR tune pages,
# warmed: 7,759.8 M instructions -> 5,987.1 M, -22.8%); its other modules stay interpreted (doubled.py and
# doubling_guards.py are edited apart; accept.py's `RECORD` is set by a trainer at run time). Session 55 (fast55g):
# wordfreqs joined them, 36 in all (its binary search written out; glyph stage 5,515 M -> 4,811 M instructions), then
# (fast55h) the glyph stage's doubling modules, 39 in all (their switches, set by tests, reach the source tree only).
# Session 58: lmwalk, 40. Session 59: the document model (`model.py`), 41: every stage builds its blocks and edits
# through it, and from compiled code an interpreted dataclass `__init__` is a call through Python (callgrind, 40
# tune pages: flow 737.7 -> 726.6 M, dedup 659.7 -> 653.2 M, segment 392.4 -> 341.7 M, same output).
COMPILED = [
    "layoutfix/model.py",  # session 59: the document model's frozen dataclasses, built natively by compiled stages
    "layoutfix/textutil.py",
    "layoutfix/wordfreqs.py",  # the glyph decoder's running-text table (`ZipfTable`), asked at every fix near the bar
    "layoutfix/lmwalk.py",  # session 58 (glyph58): the word model's penalised walks (`Window`), out of `lm`
    *(f"layoutfix/stages/flow/{m}.py" for m in
      ("assign", "blocks", "captions", "columns", "pairs", "splices", "titles", "words")),
    *(f"layoutfix/stages/dedup/{m}.py" for m in
      ("clausecopy", "clauses", "common", "doublings", "garbled", "repeats", "rows", "stage")),
    *(f"layoutfix/stages/segment/{m}.py" for m in
      ("figures", "headings", "items", "parts", "rests", "roles", "shapes", "tables", "titles", "words")),
    *(f"layoutfix/stages/glyphs/{m}.py" for m in
      ("bound", "candidates", "channel", "common", "doubled", "doubling_guards", "function_doubles", "memos",
       "page_memory", "stage", "substitutions")),  # session 55, fast55h: the doubling modules
      # (callgrind, glyph stage over 50 pages: 4,659 M -> 4,562 M instructions, -2.1%, same output)
]
RECORD = "layoutfix/_build.json"
# setup.py commands that build the package's files (the others only read its metadata: no compile for them)
BUILDS = {"bdist_wheel", "build", "build_ext", "install"}
EDITABLE = {"editable_wheel", "develop"}


def say(message: str) -> None:
    print(f"layoutfix build: {message}", file=sys.stderr)


def module_name(path: str) -> str:
    return path[:-len(".py")].replace("/", ".")


def why_pure() -> str | None:
    """Why this build stays pure Python; None when it compiles (or only reads metadata: no compile asked)."""
    commands = set(sys.argv[1:])
    if os.environ.get("LAYOUTFIX_PURE", "") not in ("", "0"):
        return "LAYOUTFIX_PURE is set"
    if commands & EDITABLE:
        return "an editable install (the tree's .py files run)"
    return None


def compiled_extensions() -> tuple[list, str | None]:
    """(the extensions mypyc made, why there are none)."""
    reason = why_pure()
    if reason is not None or not set(sys.argv[1:]) & BUILDS:
        return [], reason
    try:
        from mypyc.build import mypycify
    except ImportError as e:
        return [], f"mypyc cannot be imported ({e})"
    try:  # (third-party packages read as untyped, whatever the building environment has installed)
        return mypycify(["--ignore-missing-imports", "--follow-imports=silent", "--no-site-packages", *COMPILED],
                        opt_level="3", group_name="layoutfix", multi_file=True), None
    except (Exception, SystemExit) as e:  # mypyc exits on code it rejects, after printing why
        return [], f"mypyc rejected the modules ({type(e).__name__}; `pip install -v` shows why)"


EXTENSIONS, PURE_REASON = compiled_extensions()
if PURE_REASON and set(sys.argv[1:]) & (BUILDS | EDITABLE):  # (said once: not when pip only reads metadata)
    say(f"pure-Python package: {PURE_REASON}")


def write_record(build_lib: str, compiled: list[str], reason: str | None) -> None:
    """`layoutfix/_build.json` in the built package: the modules compiled, the mypy that did it, or why none."""
    record: dict[str, object] = {"compiled": compiled}
    if compiled:
        import mypy.version
        record["mypyc"] = mypy.version.__version__
    else:
        record["pure"] = reason or "no compile step ran"
    path = Path(build_lib) / RECORD
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")


class BuildPy(build_py):
    """The usual copy of the package, plus the build record (compiled as planned; `BuildExt` corrects it)."""

    def run(self) -> None:
        super().run()
        if not getattr(self, "editable_mode", False):
            write_record(self.build_lib, [module_name(p) for p in COMPILED] if EXTENSIONS else [], PURE_REASON)


class BuildExt(build_ext):
    """The C compile of mypyc's output; when it fails, no extension at all (a partial set would mix compiled
    modules with the pure ones they were compiled to call), and the record says why.

    mypyc writes one C file per module (`multi_file`); they are compiled side by side, one compiler per core
    (setuptools' own `--parallel` runs whole extensions side by side, and nearly all of the code is in one)."""

    def build_extension(self, ext: Extension) -> None:
        compile_one = self.compiler.compile
        # the cores this process may use (a container's share, not the machine's), at least one
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        jobs = max(1, min(len(ext.sources), cores))

        def compile_side_by_side(sources: list[str], *args: object, **kwargs: object) -> list[str]:
            with ThreadPoolExecutor(jobs) as pool:
                parts = list(pool.map(lambda source: compile_one([source], *args, **kwargs), sources))
            return [obj for part in parts for obj in part]

        self.compiler.compile = compile_side_by_side  # type: ignore[method-assign]
        try:
            super().build_extension(ext)
        finally:
            self.compiler.compile = compile_one  # type: ignore[method-assign]

    def run(self) -> None:
        try:
            super().run()
        except Exception as e:  # no compiler, a compile or link error
            for ext in self.extensions:
                built = Path(self.get_ext_fullpath(ext.name))
                if built.exists():
                    built.unlink()
            reason = f"the C compile failed ({type(e).__name__}; `pip install -v` shows why)"
            say(f"pure-Python package: {reason}")
            self.extensions = []
            write_record(self.build_lib, [], reason)


setup(ext_modules=EXTENSIONS, cmdclass={"build_py": BuildPy, "build_ext": BuildExt})
