"""Session 54 (fast54b): the glyph stage's hot modules run compiled (mypyc), with the same output.

Issue 4 asks the glyph stage for 200,000 characters of page text a second; the time goes to the look-alike
decoder (`substitutions.judge`, `candidates._words_at`, `bound._gain_bound`) and the page memory
(`page_memory.misread_anchors`), plain Python loops over strings and dicts that mypyc compiles as they are.
`setup.py` lists them among the compiled modules; `doubled.py` and `doubling_guards.py`, `accept.py` (whose
`RECORD` a trainer sets at run time), `names.py` and the rest stay interpreted. Every module constant of a
compiled module is `typing.Final` (but four optional tuples: mypyc 2.4.1 emits C that does not compile for a
`Final` tuple-or-None), so the compiled build reads it as a C static: a test that switches one works on the source
tree only. tests/test_build.py holds the installed build's output to the source's.
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


def test_the_glyph_modules_whose_switches_are_set_at_run_time_stay_interpreted() -> None:
    # accept.RECORD and ACCEPT are set by train_accept at run time. (Session 55, fast55h: `doubled` and
    # `doubling_guards` are compiled now; the tests that turn their switches off do so on the source tree only)
    compiled = _compiled()
    assert [m for m in ("accept",) if f"layoutfix/stages/glyphs/{m}.py" in compiled] == []


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


# ---- the page memory's anchors found from the places whose two pairs are printed twice (`misread_anchors`) ----

import operator  # noqa: E402
from collections import Counter  # noqa: E402
from itertools import compress  # noqa: E402

from hypothesis import example, given, settings, strategies as st  # noqa: E402

from layoutfix.stages.glyphs.page_memory import Lookalikes, MIN_COUNT, Recall, misread_anchors  # noqa: E402
from layoutfix.textutil import is_han  # noqa: E402


def plain_misread_anchors(text: str, cand_of: Lookalikes, pairs: list[str] | None = None) -> list[Recall]:
    """`page_memory.misread_anchors` as session 48 wrote it: every place's string of three made and counted."""
    chars = list(text)
    adjacent = pairs if pairs is not None else list(map(operator.add, chars, chars[1:]))
    tris = list(map(operator.add, adjacent, chars[2:]))  # tris[s] == text[s:s + 3]
    counts = Counter(tris)
    # the anchors by the two characters a misreading leaves: the pair that ends them (read at k = 0) or opens them
    # (k = 2), and their two ends (k = 1)
    ends: dict[str, tuple[list[str], list[str]]] = {}
    gapped: dict[str, list[str]] = {}
    for t in [t for t, c in counts.items() if c >= MIN_COUNT]:
        if all(map(is_han, t)):
            ends.setdefault(t[1:], ([], []))[0].append(t)
            ends.setdefault(t[:2], ([], []))[1].append(t)
            gapped.setdefault(t[0] + t[2], []).append(t)
    if not ends:
        return []
    n = len(tris)
    found: dict[int, list[tuple[str, str]]] = {}  # place -> [(look-alike, anchor)]
    # a window printed more than once is an anchor, or holds no place misread (such a place is refused below);
    # the pairs and gapped pairs some anchor holds are found at C speed, the rest asked of those places only
    hits = list(map(ends.get, adjacent))
    for j in compress(range(len(hits)), hits):
        last, first = hits[j] or ([], [])
        if last and j >= 1 and counts[tris[j - 1]] < MIN_COUNT:  # the window text[j - 1:j + 2], its place j - 1
            c = chars[j - 1]
            for anchor in last:
                if anchor[0] in cand_of(c):
                    found.setdefault(j - 1, []).append((anchor[0], anchor))
        if first and j < n and counts[tris[j]] < MIN_COUNT:  # the window text[j:j + 3], its place j + 2
            c = chars[j + 2]
            for anchor in first:
                if anchor[2] in cand_of(c):
                    found.setdefault(j + 2, []).append((anchor[2], anchor))
    around = list(map(gapped.get, map(operator.add, chars, chars[2:])))
    for s in compress(range(len(around)), around):
        if counts[tris[s]] < MIN_COUNT:  # the window text[s:s + 3], its place s + 1
            c = chars[s + 1]
            for anchor in around[s] or ():
                if anchor[1] in cand_of(c):
                    found.setdefault(s + 1, []).append((anchor[1], anchor))
    out: list[Recall] = []
    for i, places in sorted(found.items()):
        if len({x for x, _ in places}) != 1 or not is_han(text[i]):
            continue  # anchors disagree on the place
        if any(counts[tris[s]] >= MIN_COUNT for s in range(max(0, i - 2), min(i, n - 1) + 1)):
            continue  # the printing over the place is itself printed more than once
        x, anchor = max(places, key=lambda h: (counts[h[1]], h[1]))  # the anchor printed most (ties: one way)
        s = max(i - 2, text.rfind("\n", 0, i) + 1)  # the window stays inside the place's block
        e = text.find("\n", i, i + 3)
        out.append(Recall(i, text[s:i + 3 if e < 0 else e], i - s, x, anchor, counts[anchor]))
    return out



# a few Han characters (so strings of three repeat), a Latin letter, a mark and a line break; each Han character's
# look-alikes are two others of them (目 one of 国)
_HAN = "中国人民日报目田由甲"
_ALPHABET = _HAN + "a，\n"
_LOOKALIKES = {c: {_HAN[(k + 1) % len(_HAN)]: (0.9, 0), _HAN[(k + 5) % len(_HAN)]: (0.8, 2)}
               for k, c in enumerate(_HAN)}


def _cand_of(c: str) -> dict[str, tuple[float, int]]:
    return _LOOKALIKES.get(c, {})


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80), st.booleans())
@example("中国人民中国人民中国入民", False)
@example("中国人，中国人，中目人，中目人", False)  # review54: a string misread twice is no misreading (MIN_COUNT)
@example("中国人\n中国人\n中目人", True)
@example("中国人民日报中国人民日报\n田国人民日由", True)
def test_the_anchors_found_from_the_pairs_printed_twice_are_those_of_every_place(text: str, given_counts: bool) -> None:
    pairs = list(map(operator.add, text, text[1:]))
    want = plain_misread_anchors(text, _cand_of)
    assert misread_anchors(text, _cand_of) == want
    assert misread_anchors(text, _cand_of, pairs, Counter(pairs) if given_counts else None) == want


def test_the_plain_search_finds_a_misread_anchor() -> None:
    # (the comparison above is about something: the reference finds the place a page prints '中国人' as '中目人')
    found = plain_misread_anchors("中国人民，中国人民，中目人民", _cand_of)
    assert [(r.pos, r.x, r.anchor, r.times) for r in found] == [(11, "国", "国人民", 2)]
