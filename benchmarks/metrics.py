"""Per-stage metrics: each stage measured on the defects it exists to repair.

The synthetic and real-OCR splits log every injected defect (NNN.defects.json,
lines 1-based in the dump). A stage's `Edit`s are matched to those logs:

flow     a join is an Edit(stage="flow", kind="join") whose `line` is where the
         continuation starts; it hits a gold cut/interleave/splice (line, line2)
         when edit.line == line2 and the tail of the first part quoted in the
         edit's context ("…tail⏎head…") looks like the printed tail the
         defect logs (`raw`: the 8 characters before `end` in `line`).
dedup    Edit(stage="dedup") other than kind "doubled", by line, against
         duplicate / partial_repeat defects; removing either copy (line or
         of_line) repairs the defect.
glyphs   character corrections (stage glyphs, plus dedup's "doubled") against
         glyph / drop / double / stray defects: an edit hits a defect, on the
         same line or a line joined to it by a logged join, when both make the
         same change to the text: they reduce to the same change once their
         common prefix and suffix are stripped, or the edit applied to the
         defect's printed stretch gives its gold (or the defect applied to the
         edit's before gives its after), all in content form with traditional
         characters folded as normalize folds them before the glyph stage.
segment  pairwise same-article F1 over gold paragraphs, and the adjusted Rand
         index of the article partition, after pairing predicted paragraphs to
         gold ones by similarity.

All counts are tallies (Counters) so they sum over pages; `prf` turns them into
precision, recall and F1.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Any, Callable, Iterable, Mapping, Sequence

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .score import content_form, strict_form

JOIN_TYPES = ("cut", "interleave", "splice")
DEDUP_TYPES = ("duplicate", "partial_repeat")
CHAR_TYPES = ("glyph", "drop", "double", "stray")


def prf(tp: int, pred: int, gold: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1; None where the denominator is zero (printed as n/a)."""
    p = tp / pred if pred else None
    r = tp / gold if gold else None
    if p is None or r is None:
        return p, r, None
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _attr(edit: Any, name: str, default: Any = None) -> Any:
    return edit.get(name, default) if isinstance(edit, Mapping) else getattr(edit, name, default)


# -- flow -------------------------------------------------------------------

def _tail_of_context(context: str) -> str | None:
    """The first part's tail in a join context "…tail⏎head…" (None if the context has no ⏎)."""
    if "⏎" not in context:
        return None
    return context.split("⏎", 1)[0].lstrip("…")


def _tail_agrees(tail: str | None, printed_tail: str) -> bool:
    """Loose check that a join starts from the right place: normalisation may change a mark or two."""
    if tail is None:
        return True
    t, r = content_form(tail)[-6:], content_form(printed_tail)[-14:]
    if not t or not r:
        return True
    return t[-4:] in r or Levenshtein.normalized_similarity(t, r[-len(t):]) >= 0.5


def join_tallies(defects: Sequence[Mapping[str, Any]], edits: Iterable[Any], raw_lines: Sequence[str]) -> Counter:
    """tp / pred / gold counts of flow joins on one page.

    The first part's printed tail is the defect's `raw` (the 8 characters before
    `end`), or else the end of its line.
    """
    gold = [d for d in defects if d.get("type") in JOIN_TYPES and d.get("line2")]
    t: Counter = Counter(join_gold=len(gold))
    open_gold = list(range(len(gold)))
    for e in edits:
        if _attr(e, "stage") != "flow" or _attr(e, "kind") != "join":
            continue
        t["join_pred"] += 1
        tail = _tail_of_context(_attr(e, "context", "") or "")
        for k in open_gold:
            d = gold[k]
            if d["line2"] != _attr(e, "line"):
                continue
            first = d["line"]
            printed = d.get("raw") or (raw_lines[first - 1] if 0 < first <= len(raw_lines) else "")
            if _tail_agrees(tail, printed):
                open_gold.remove(k)
                t["join_tp"] += 1
                break
    return t


# -- dedup ------------------------------------------------------------------

def dedup_tallies(defects: Sequence[Mapping[str, Any]], edits: Iterable[Any]) -> Counter:
    """tp / pred / gold counts of removed repeats on one page (by distinct line)."""
    gold = [{d["line"], d.get("of_line", d["line"])} for d in defects if d.get("type") in DEDUP_TYPES]
    pred_lines = sorted({_attr(e, "line") for e in edits
                         if _attr(e, "stage") == "dedup" and _attr(e, "kind") != "doubled"})
    t: Counter = Counter(dedup_gold=len(gold), dedup_pred=len(pred_lines))
    open_gold = list(range(len(gold)))
    for line in pred_lines:
        for k in open_gold:
            if line in gold[k]:
                open_gold.remove(k)
                t["dedup_tp"] += 1
                break
    return t


# -- glyphs -----------------------------------------------------------------

def change_core(before: str, after: str) -> tuple[str, str]:
    """The change with the common prefix and suffix stripped (content form), e.g. 影休息->影响休息 = (,响)."""
    return _core(content_form(before), content_form(after))


def _core(a: str, b: str) -> tuple[str, str]:
    """`change_core` of two strings already in one form."""
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    a, b = a[i:], b[i:]
    j = 0
    while j < min(len(a), len(b)) and a[-1 - j] == b[-1 - j]:
        j += 1
    return (a[:len(a) - j], b[:len(b) - j])


def line_groups(defects: Sequence[Mapping[str, Any]]) -> Callable[[int], int]:
    """Lines linked by logged joins share a group: a merged block may report its first line."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for d in defects:
        if d.get("type") in JOIN_TYPES and d.get("line2"):
            a, b = find(d["line"]), find(d["line2"])
            if a != b:
                parent[max(a, b)] = min(a, b)
    return find


@lru_cache(maxsize=None)
def _fold_char(c: str) -> str:
    """One character as normalize leaves it in a simplified block (outside the standard table: OpenCC t2s)."""
    from layoutfix.stages.normalize import to_simplified

    return to_simplified(c)[0]


def glyph_form(text: str | None) -> str:
    """Content form with traditional characters folded as normalize folds them on a mainland page.

    Why: the glyph stage sees the page after normalize. A defect the builder printed with a traditional
    character (久的間恩来 for 久的周恩来) reaches it as 久的间恩来, so its fix there is 间 -> 周, not 間 -> 周."""
    return "".join(_fold_char(c) for c in content_form(text))


def _applies(before: str, after: str, raw: str, gold: str) -> bool:
    """Whether replacing `before` by `after` somewhere in `raw` gives `gold` (all in one form).

    Why: the text decides, not the alignment a log happened to pick. A doubled copy removed at the
    left of a repeat and the builder's log of the same repeat shifted right are one change."""
    if not before or len(before) > len(raw):
        return False
    i = raw.find(before)
    while i >= 0:
        if raw[:i] + after + raw[i + len(before):] == gold:
            return True
        i = raw.find(before, i + 1)
    return False


def same_change(before: str, after: str, raw: str, gold: str) -> bool:
    """Whether an edit (before -> after) repairs a defect (printed raw, clean gold) by doing the same to the text.

    Same core once both are in glyph form, or either applied within the other's stretch gives the other's
    result. A change that leaves the stretch still unlike the gold (half a garbled copy removed, the wrong
    character put in) matches neither way."""
    # what the stage read is folded as normalize folds it; what it wrote and the gold stay literal (an edit that
    # writes 週 for 間-read-as-间 leaves a character score.py counts wrong)
    b, a, r, g = glyph_form(before), content_form(after), glyph_form(raw), content_form(gold)
    if b == a:  # nothing normalize had not done already
        return False
    if _core(b, a) == _core(r, g):
        return True
    return _applies(b, a, r, g) or _applies(r, g, b, a)


def is_char_correction(e: Any) -> bool:
    stage, kind = _attr(e, "stage"), _attr(e, "kind")
    if stage == "glyphs" or (stage == "dedup" and kind == "doubled"):
        return change_core(_attr(e, "before", ""), _attr(e, "after", "")) != ("", "")
    return False


def char_tallies(defects: Sequence[Mapping[str, Any]], edits: Iterable[Any]) -> Counter:
    """tp / pred / gold counts of character corrections on one page, with recall by defect type."""
    return char_matches(defects, edits)[0]


def char_matches(defects: Sequence[Mapping[str, Any]], edits: Iterable[Any]) -> tuple[Counter, list[Any], list[Any]]:
    """`char_tallies`' counts, with the corrections a defect accounts for (right) and the rest (wrong).

    Why the lists: on real-OCR pages the wrong ones are then placed (a character read right broken, or a
    misread one fixed wrong), see `ocr_defects.wrong_tallies`."""
    group = line_groups(defects)
    gold = [(d["type"], group(d["line"]), d["line"], (d.get("raw") or "", d.get("gold") or ""))
            for d in defects if d.get("type") in CHAR_TYPES]
    t: Counter = Counter(char_gold=len(gold))
    for typ, *_ in gold:
        t[f"char_gold_{typ}"] += 1
    preds = [e for e in edits if is_char_correction(e)]
    t["char_pred"] = len(preds)
    right: list[Any] = []
    open_gold = set(range(len(gold)))
    # exact-line hits first, then hits elsewhere in the same joined paragraph
    for same_line in (True, False):
        for e in list(preds):
            before, after = _attr(e, "before", "") or "", _attr(e, "after", "") or ""
            line = _attr(e, "line")
            for k in sorted(open_gold):
                typ, grp, gline, (raw, clean) = gold[k]
                if (gline == line if same_line else grp == group(line)) and same_change(before, after, raw, clean):
                    open_gold.discard(k)
                    preds.remove(e)
                    right.append(e)
                    t["char_tp"] += 1
                    t[f"char_tp_{typ}"] += 1
                    break
    return t, right, preds


def false_correction_tallies(paragraphs: Sequence[str], fix_lines: Callable[[list[str]], list[str]]) -> Counter:
    """Characters changed by `fix_lines` on already clean text (every change is a false correction)."""
    lines = [p for p in paragraphs if p.strip()]
    out = fix_lines(list(lines)) if lines else []
    t: Counter = Counter()
    t["clean_chars"] = sum(len(strict_form(p)) for p in lines)
    t["clean_changed"] = sum(Levenshtein.distance(strict_form(a), strict_form(b)) for a, b in zip(lines, out))
    t["clean_changed"] += sum(len(strict_form(a)) for a in lines[len(out):])  # lost lines count in full
    return t


# -- segment ----------------------------------------------------------------

def _comb2(n: int) -> float:
    return n * (n - 1) / 2


def adjusted_rand_index(a: Sequence[Any], b: Sequence[Any]) -> float:
    """Hubert-Arabie adjusted Rand index of two labelings of the same items (1.0: same partition)."""
    if len(a) != len(b):
        raise ValueError("labelings differ in length")
    n = len(a)
    if n < 2:
        return 1.0
    index = sum(_comb2(v) for v in Counter(zip(a, b)).values())
    sa = sum(_comb2(v) for v in Counter(a).values())
    sb = sum(_comb2(v) for v in Counter(b).values())
    expected = sa * sb / _comb2(n)
    best = (sa + sb) / 2
    if best == expected:  # both partitions trivial (all singletons or one cluster): identical by convention
        return 1.0
    return (index - expected) / (best - expected)


def align_paragraphs(gold: Sequence[str], pred: Sequence[str], floor: float = 0.5) -> list[int | None]:
    """For each gold paragraph, the predicted paragraph holding it (or None).

    One-to-one by similarity first (>= floor, best first); a gold paragraph left
    over then takes the predicted paragraph that contains most of it (partial
    ratio >= 80): flow may have merged it into, or split it across, others.
    """
    g = [content_form(x) for x in gold]
    p = [content_form(x) for x in pred]
    cands = sorted(((Levenshtein.normalized_similarity(x, y), i, j)
                    for i, x in enumerate(g) if x for j, y in enumerate(p) if y), reverse=True)
    match: list[int | None] = [None] * len(g)
    taken: set[int] = set()
    for sim, i, j in cands:
        if sim < floor:
            break
        if match[i] is None and j not in taken:
            match[i] = j
            taken.add(j)
    for i, x in enumerate(g):
        if match[i] is None and x:
            best = max(((fuzz.partial_ratio(x, y), j) for j, y in enumerate(p) if y), default=(0.0, None))
            if best[0] >= 80:
                match[i] = best[1]
    return match


def segment_tallies(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> tuple[Counter, float | None]:
    """Pair counts for same-article F1, and this page's ARI (None with fewer than 2 gold paragraphs)."""
    gpar, glab = [], []
    for k, a in enumerate(gold.get("articles") or []):
        for x in a.get("paragraphs") or []:
            gpar.append(x)
            glab.append(k)
    ppar, plab = [], []
    for k, a in enumerate(pred.get("articles") or []):
        for x in a.get("paragraphs") or []:
            ppar.append(x)
            plab.append(k)
    match = align_paragraphs(gpar, ppar)
    # an unmatched gold paragraph is alone in its own predicted article
    pred_lab: list[Any] = [plab[j] if j is not None else ("missing", i) for i, j in enumerate(match)]
    t: Counter = Counter()
    n = len(gpar)
    for i in range(n):
        for j in range(i + 1, n):
            same_gold = glab[i] == glab[j]
            same_pred = pred_lab[i] == pred_lab[j]
            t["pair_gold"] += same_gold
            t["pair_pred"] += same_pred
            t["pair_tp"] += same_gold and same_pred
    return t, (adjusted_rand_index(glab, pred_lab) if n >= 2 else None)


# -- FASpell ----------------------------------------------------------------

def _changed_positions(src: str, out: str) -> dict[int, str | None]:
    """Source positions the output changed, with the character put there (None: deleted or reshaped)."""
    if len(src) == len(out):
        return {i: o for i, (s, o) in enumerate(zip(src, out)) if s != o}
    changed: dict[int, str | None] = {}
    for op in Levenshtein.opcodes(src, out):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            changed.update({i1 + k: out[j1 + k] for k in range(i2 - i1)})
        else:
            for k in range(i1, max(i2, i1 + 1)):
                changed[min(k, len(src) - 1) if src else 0] = None
    return changed


def spelling_tallies(triples: Iterable[tuple[str, str, str]]) -> Counter:
    """Character- and sentence-level counts over (source, gold, output) sentences.

    Character level: a changed position is a detection hit when the source was
    wrong there and a correction hit when the output equals the gold there.
    Sentence level (strict): a detection hit changes exactly the wrong
    positions, a correction hit outputs the gold sentence; a false positive is a
    sentence where a correct character was changed. Lenient correction counts a
    false positive only on a sentence that had no error.
    """
    t: Counter = Counter()
    for src, gold, out in triples:
        errors = {i for i, (s, g) in enumerate(zip(src, gold)) if s != g}
        changed = _changed_positions(src, out)
        t["sentences"] += 1
        t["char_err"] += len(errors)
        t["char_changed"] += len(changed)
        t["char_det_tp"] += len(errors & set(changed))
        t["char_cor_tp"] += sum(1 for i, c in changed.items() if i in errors and c == gold[i])
        has_error = src != gold
        t["sent_err"] += has_error
        t["sent_changed"] += bool(changed)
        touched_correct = any(i not in errors for i in changed)
        t["sent_fp"] += touched_correct
        t["sent_det_tp"] += has_error and set(changed) == errors
        t["sent_cor_tp"] += has_error and out == gold
        t["sent_fp_lenient"] += (not has_error) and out != src
    return t


def spelling_summary(t: Mapping[str, int]) -> dict[str, tuple[float | None, float | None, float | None]]:
    return {
        "char detection": prf(t["char_det_tp"], t["char_changed"], t["char_err"]),
        "char correction": prf(t["char_cor_tp"], t["char_changed"], t["char_err"]),
        "sentence detection": prf(t["sent_det_tp"], t["sent_det_tp"] + t["sent_fp"], t["sent_err"]),
        "sentence correction": prf(t["sent_cor_tp"], t["sent_cor_tp"] + t["sent_fp"], t["sent_err"]),
        "sentence correction (lenient)": prf(t["sent_cor_tp"], t["sent_cor_tp"] + t["sent_fp_lenient"],
                                             t["sent_err"]),
    }


def distance_tallies(triples: Iterable[tuple[str, str, str]]) -> Counter:
    """Edit distances over (source, gold, output) paragraphs of any lengths, in content form.

    `before` and `after` are the distances to the gold, `changed` the distance
    from source to output. Where every change touches one character, a right
    change lowers the distance to the gold by one and a wrong one raises it by
    one, so right = (before - after + changed) / 2: an estimate of precision
    and recall when no per-character log exists (real OCR output).
    """
    t: Counter = Counter()
    for src, gold, out in triples:
        s, g, o = content_form(src), content_form(gold), content_form(out)
        t["paragraphs"] += 1
        t["gold_chars"] += len(g)
        t["before"] += Levenshtein.distance(s, g)
        t["after"] += Levenshtein.distance(o, g)
        t["changed"] += Levenshtein.distance(s, o)
    return t


def distance_summary(t: Mapping[str, int]) -> tuple[float | None, float | None, float | None]:
    """Estimated (precision, recall, F1) of the changes, from `distance_tallies`."""
    right = max(0.0, (t["before"] - t["after"] + t["changed"]) / 2)
    return prf(right, t["changed"], t["before"])  # type: ignore[arg-type]
