"""Session 54 (fast54b): the glyph stage's hot modules run compiled (mypyc), with the same output.

Issue 4 asks the glyph stage for 200,000 characters of page text a second; the time goes to the look-alike
decoder (`substitutions.judge`, `candidates._words_at`, `bound._gain_bound`) and the page memory
(`page_memory.misread_anchors`), plain Python loops over strings and dicts that mypyc compiles as they are.
`setup.py` lists them among the compiled modules; `doubled.py` and `doubling_guards.py`, `accept.py` (whose
`RECORD` a trainer sets at run time), `names.py` and the rest stay interpreted. Every module constant of a
compiled module is `typing.Final`, so the compiled build reads it as a C static; tests/test_build.py holds the
installed build's output to the source's.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOT = ("bound", "candidates", "channel", "common", "memos", "page_memory", "stage", "substitutions")


def _compiled() -> list[str]:
    setup = (ROOT / "setup.py").read_text(encoding="utf-8")
    return [f"layoutfix/stages/{stage}/{m}.py" for stage, names in re.findall(
        r'f"layoutfix/stages/(\w+)/\{m\}\.py" for m in\s*\(([^)]*)\)', setup) for m in re.findall(r'"(\w+)"', names)]


def test_the_glyph_stages_hot_modules_are_compiled() -> None:
    compiled = _compiled()
    assert [m for m in HOT if f"layoutfix/stages/glyphs/{m}.py" not in compiled] == []


def test_the_other_helpers_and_the_trainers_glyph_modules_stay_interpreted() -> None:
    # accept.RECORD is set by train_accept at run time; doubled/doubling_guards are edited apart
    compiled = _compiled()
    assert [m for m in ("accept", "doubled", "doubling_guards") if f"layoutfix/stages/glyphs/{m}.py" in compiled] == []


def test_every_constant_of_a_compiled_glyph_module_is_final() -> None:
    plain = []
    for m in HOT:
        path = ROOT / "layoutfix" / "stages" / "glyphs" / f"{m}.py"
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            target = node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else \
                node.target if isinstance(node, ast.AnnAssign) else None
            if not isinstance(target, ast.Name) or not re.fullmatch(r"_?[A-Z][A-Z0-9_]*", target.id):
                continue
            annotation = ast.unparse(node.annotation) if isinstance(node, ast.AnnAssign) else ""
            # (an optional tuple stays plain: mypyc 2.4.1 emits C that does not compile for a `Final` one)
            if not annotation.startswith("Final") and not re.fullmatch(r"tuple\[[^]]*\] \| None", annotation):
                plain.append(f"{m}:{target.id}")
    assert plain == []

