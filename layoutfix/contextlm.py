"""An optional word-trigram context model, read at run time from a KenLM file (opt-in; nothing of it ships).

Why: the shipped model (`lm.WordLM`) is a unigram word model built from jieba's dictionary. It scores each word
on its own, so it cannot tell that 签订 is likely followed by 协议 while a look-alike misreading that reads as two
lone common characters is not: both read as common words. A back-off word-trigram model carries that context. Session 44's research found one installed with
Debian's `libime-data-language-model` (fcitx5's `zh_CN.lm`: a KenLM binary, 164,887 vocabulary entries counting
`<unk>`, `<s>` and `</s>` (164,879 words of at most 8 characters are searched), 2.0 M bigrams,
0.63 M trigrams, LGPL-2.1+ per Debian, source text not documented: fcitx/libime#140), read through the PyPI
wheel `ufal-kenlm` (imported as `kenlm`; `pip install 'layoutfix[context]'`). layoutfix ships none of its data
and reads it only where a user has it installed, as the jieba dictionary is read from the jieba wheel.

It is opt-in: no stage asks for it by default, so a run's output never depends on what a machine happens to
have installed. `load_context_lm("libime")` (or None) finds the Debian file; any other string is a path to a
KenLM model, binary or ARPA text.

Scoring. KenLM scores a sequence of words; Chinese text has no spaces. `ContextLM.score` therefore finds the
best segmentation of each run of Han characters into the model's words by a beam search over (position,
model state) hypotheses: states that KenLM reports equal (same remembered context) are merged, at most `beam`
states survive at each position, and words are tried only while the text is still a prefix of some vocabulary
word (and at most `max_word` long). A single character the model does not know is scored as `<unk>`.
Characters that are not Han split the runs; each run is scored alone, with no sentence start assumed (a run
is usually a fragment). Scores are natural logs (nats), as `WordLM`'s, so gains compare in the same unit.
"""
from __future__ import annotations

import glob
import math
import mmap
import os
import re
from operator import itemgetter
from pathlib import Path
from typing import Any, Sequence

from .errors import LayoutfixError
from .textutil import HAN_CLASS

# where Debian and Ubuntu's `libime-data-language-model` puts fcitx5's Simplified Chinese model: under the
# machine's multiarch directory (x86_64-linux-gnu, aarch64-linux-gnu, ...); LIBIME_PATH is named when none holds it
LIBIME_GLOB = "/usr/lib/*/libime/zh_CN.lm"
LIBIME_PATH = "/usr/lib/x86_64-linux-gnu/libime/zh_CN.lm"
# KenLM's binary files open with this line; an ARPA text file opens (after blank lines) with `\data\`
_BINARY_MAGIC = b"mmap lm http://kheafield.com/code"
_ARPA_HEAD = b"\\data\\"
NOT_A_MODEL = "not a KenLM model (binary or ARPA text)"
_SPECIAL = frozenset({"<s>", "</s>", "<unk>"})
_HAN_RUN = re.compile(f"[{HAN_CLASS}]+")
_LN10 = math.log(10.0)

# The windows `continuation_gain` reads on each side of a join. Measured (`benchmarks/context_eval.py joins`,
# synthetic tune, fresh seeds 2 and 4, real_ocr_tune): windows 4/4, 8/4, 12/8, 16/12 and 24/16 give the same joins
# (a trigram sees at most two words back); 4/4 scores about 3x as many pairs a second. 12/8 leaves room for long
# words at both ends at a cost that is small against flow's (about 12,000 pairs/s, a dozen pairs a page).
LEFT_CHARS = 12
RIGHT_CHARS = 8
# hypotheses kept per position: beams 4, 8 and 16 give the same joins on the pages above
BEAM = 8
MAX_WORD = 8
# the per-string cache is cleared when it grows past this many entries (review44a measured about 33 look-ups a
# page on 40 synthetic tuning pages: 1,302 look-ups, 36 hits; the limit only bounds a long batch's memory)
CACHE_LIMIT = 200_000
# the left-part searches `_front` keeps, cleared when full. A kept search is reread within a few calls (flow's
# splice finder reads a block's end against every seam of the next block, a seam's left piece against two right
# sides; the glyph pass a window's left part against each look-alike): 256 finds as many again as 4,096 on
# synthetic tune (model calls 2.73 M -> 1.92 M for flow's joins) and holds far fewer hypotheses for the collector
FRONT_LIMIT = 256

_SCORE = itemgetter(0)  # a hypothesis's log10 probability (sorted best first, ties in the order made)
Hyp = tuple[float, Any, int, Any]  # (log10 probability, KenLM state, where its last word starts, the one before)
# a search stopped at a place j: the hypotheses at j, and the best `beam` of each place i < j whose words may go on
# past j ({i: hypotheses}); every text that starts with the same j characters goes on from it alike
Front = tuple[dict[Any, Hyp], dict[int, list[Hyp]]]


class ContextModelError(LayoutfixError):
    """The context model cannot be loaded: kenlm is not installed, or the model file is missing or unreadable."""


def libime_path() -> Path:
    """The Debian model's file on this machine (the first multiarch directory holding it), else `LIBIME_PATH`."""
    hits = sorted(glob.glob(LIBIME_GLOB))
    return Path(hits[0]) if hits else Path(LIBIME_PATH)


def is_libime(spec: str | Path | None) -> bool:
    """True when `spec` asks for the Debian model by name (None or "libime")."""
    return spec is None or str(spec) == "libime"


def resolve_path(spec: str | Path | None) -> Path:
    """The model file `spec` names: None or "libime" is the Debian model (`libime_path`), anything else a path
    (`~` expanded)."""
    return libime_path() if is_libime(spec) else Path(spec).expanduser()  # type: ignore[arg-type]


def _import_kenlm() -> Any:
    """The `kenlm` module, or a one-line error saying how to get it (it is an optional extra)."""
    try:
        import kenlm  # type: ignore[import-not-found,unused-ignore]
    except ImportError as e:
        raise ContextModelError(f"the context model needs kenlm, which is not installed ({e}); "
                                "install it with: pip install 'layoutfix[context]' (the ufal-kenlm wheel)") from e
    return kenlm


def load_context_lm(spec: str | Path | None = None, beam: int = BEAM, max_word: int = MAX_WORD) -> "ContextLM":
    """The context model `spec` names (see `resolve_path`), with a clear error when it cannot be had."""
    path = resolve_path(spec)
    if not path.is_file():
        hint = " (Debian/Ubuntu: apt-get install libime-data-language-model)" if is_libime(spec) else ""
        raise ContextModelError(f"no context model file here{hint}", source=str(path))
    return ContextLM(path, beam=beam, max_word=max_word)


def _decoded(words: list[bytes], at: int, path: Path) -> list[str]:
    """`words` decoded as strict UTF-8: a model in another encoding would load in kenlm and read every word of a
    page as unknown (every gain 0), so it is refused (`at`: the vocabulary's byte offset in the file, for the
    message; review44a)."""
    out: list[str] = []
    for w in words:
        try:
            out.append(w.decode("utf-8"))
        except UnicodeDecodeError as e:
            raise ContextModelError(f"the context model's vocabulary is not UTF-8 (byte {at + e.start}); "
                                    "the context model must be a UTF-8 KenLM file", source=str(path)) from None
        at += len(w) + 1
    return out


def _binary_vocab(path: Path) -> list[str]:
    """The words of a KenLM binary model: NUL-terminated, in id order from `<unk>`, at the file's end.

    KenLM's Python API gives no vocabulary listing; the binary format writes it after the model's tables, so the
    file is mapped and searched from its end (`rfind`: libime's vocabulary starts at 92% of the file, and a search
    from the start reads all the tables before it; review44a measured 13 ms against 0.4 ms)."""
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        at = mm.rfind(b"<unk>\x00")
        if at < 0:
            raise ContextModelError("KenLM binary model holds no vocabulary (built without it?)", source=str(path))
        raw = mm[at:]
    words = raw.split(b"\x00")
    return [w for w in _decoded(words, at, path) if w]


def _arpa_vocab(path: Path) -> list[str]:
    """The words of an ARPA model: the second field of each line of its `\\1-grams:` section."""
    words: list[str] = []
    inside = False
    at = 0  # (the line's byte offset, for the message)
    with open(path, "rb") as f:
        for line in f:
            s = line.strip()
            if s.startswith(b"\\"):
                if inside:
                    break
                inside = s == b"\\1-grams:"
            elif inside and s:
                parts = s.split()
                if len(parts) >= 2:
                    try:
                        words.append(parts[1].decode("utf-8"))
                    except UnicodeDecodeError as e:
                        col = line.index(parts[1])
                        raise ContextModelError(f"the context model's vocabulary is not UTF-8 (byte "
                                                f"{at + col + e.start}); the context model must be a UTF-8 KenLM "
                                                "file", source=str(path)) from None
            at += len(line)
    return words


def model_kind(path: Path) -> str:
    """'binary' or 'arpa' by the file's first bytes (KenLM's binary header, or `\\data\\` after blank lines),
    else a one-line error: kenlm's own message for a file that is neither is its C++ signature, or a decoding error
    that does not say the file is no model (review44a)."""
    with open(path, "rb") as f:
        head = f.read(4096)
    if head.startswith(_BINARY_MAGIC):
        return "binary"
    if head.lstrip().startswith(_ARPA_HEAD):
        return "arpa"
    raise ContextModelError(NOT_A_MODEL, source=str(path))


def read_vocab(path: Path) -> list[str]:
    """The model's words, binary or ARPA, strictly UTF-8 (the beam search tries only these as multi-character
    words)."""
    return _binary_vocab(path) if model_kind(path) == "binary" else _arpa_vocab(path)


def has_han_word(words: list[str]) -> bool:
    """True when some word is two or more Han characters: a model without one segments nothing and reads every
    join as no gain, yet would still change flow's scores, so it is refused."""
    return any(len(w) >= 2 and _HAN_RUN.fullmatch(w) is not None for w in words)


def kenlm_message(e: BaseException) -> str:
    """kenlm's exception text without its C++ preamble: the part after '… threw …Exception.' (its whole text when
    there is none), on one line."""
    text = " ".join(str(e).split())
    m = re.search(r"threw \w*Exception\.\s*", text)
    text = text[m.end():] if m and text[m.end():] else text
    return text[:-1] if text.endswith(")") and text.count(")") > text.count("(") else text


def han_runs(text: str) -> list[str]:
    """The runs of Han characters in `text`: the pieces the model scores (anything else splits them)."""
    return _HAN_RUN.findall(text)


def _tail_run(text: str, n: int) -> str:
    """The last `n` characters of the Han run `text` ends on ('' when it ends on anything else)."""
    runs = _HAN_RUN.findall(text[-n:]) if text else []
    return runs[-1] if runs and text.endswith(runs[-1]) else ""


def _head_run(text: str, n: int) -> str:
    """The first `n` characters of the Han run `text` opens with ('' when it opens with anything else)."""
    m = _HAN_RUN.match(text[:n])
    return m.group(0) if m else ""


class ContextLM:
    """A KenLM word n-gram model scoring Han text over its best segmentation into the model's words."""

    def __init__(self, path: str | Path, beam: int = BEAM, max_word: int = MAX_WORD) -> None:
        kenlm = _import_kenlm()
        self.path = Path(path)
        model_kind(self.path)  # (a file that is no model: one line, before kenlm reads it)
        try:
            cfg = kenlm.Config()
            cfg.show_progress = False  # (an ARPA load prints progress and advice to stderr otherwise, even under -q)
            cfg.arpa_complain = kenlm.ARPALoadComplain.NONE
            self.model = kenlm.Model(str(self.path), cfg)
        except (OSError, RuntimeError, ValueError) as e:  # kenlm raises OSError on a missing or bad file
            raise ContextModelError(f"cannot load context model: {kenlm_message(e)}", source=str(self.path)) from None
        self._state = kenlm.State
        self.order: int = int(self.model.order)
        self.beam = beam
        words = [w for w in read_vocab(self.path) if w not in _SPECIAL]
        if not has_han_word(words):
            raise ContextModelError("the context model has no word of two or more Han characters; it must be a "
                                    "Chinese word model", source=str(self.path))
        self.max_word = min(max_word, max((len(w) for w in words), default=1))
        # a dict of None, not a set: untracked by the garbage collector (see lm.key_set)
        self.vocab: dict[str, None] = dict.fromkeys(w for w in words if len(w) <= self.max_word)
        self.prefixes: dict[str, None] = dict.fromkeys(w[:k] for w in self.vocab for k in range(1, len(w)))
        self._cache: dict[str, float] = {}
        self._fronts: dict[str, Front] = {}
        self.hits = 0
        self.misses = 0

    def __repr__(self) -> str:
        return f"ContextLM({str(self.path)!r}, order={self.order}, words={len(self.vocab)}, beam={self.beam})"

    def run_score(self, run: str) -> float:
        """Log-probability (nats) of the best segmentation of one Han run, from no context (cached)."""
        got = self._cache.get(run)
        if got is not None:
            self.hits += 1
            return got
        self.misses += 1
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        value = self._search(run) * _LN10
        self._cache[run] = value
        return value

    def _search(self, run: str) -> float:
        """The best segmentation's log10 probability (`_best`)."""
        return self._best(run)[0] if run else 0.0

    def _start(self, size: int) -> list[dict[Any, Hyp]]:
        """Hypotheses by position for a search over `size - 1` characters: only the start, from no context."""
        start = self._state()
        self.model.NullContextWrite(start)
        hyps: list[dict[Any, Hyp]] = [{} for _ in range(size)]
        hyps[0][start] = (0.0, start, -1, None)
        return hyps

    def _advance(self, hyps: list[dict[Any, Hyp]], text: str, frm: int, to: int, cap: int,
                 resume: dict[int, list[Hyp]] | None = None, carried: dict[int, list[Hyp]] | None = None) -> None:
        """The beam search's one step, for every search (`_best`, `_front`, `scores_at`, `continuation_gain`;
        review45a): the best `beam` hypotheses at each position frm..to-1, merged by KenLM state, extended by each
        vocabulary word (or single character) that starts there and ends by `cap`. `resume` collects {i: beam} for
        each i whose words might go on past `cap` (no word through i was ruled out), so a caller can extend them
        over a text that differs after `cap`; `carried` is such a collection, of a search stopped at `frm`: its
        beams are extended first by their words over `frm` (hyps[frm] is read, never written: a stored `_front`
        is shared). The whole loop over positions is here, not a call per position (that form cost 5-7%)."""
        model_score, new_state = self.model.BaseScore, self._state
        vocab, prefixes, max_word, beam = self.vocab, self.prefixes, self.max_word, self.beam
        first = frm - max_word + 1 if carried else frm
        for i in range(max(first, 0), to):
            if i < frm:  # (a carried beam: only its words over frm are new)
                items = carried.get(i) if carried is not None else None
                if items is None:
                    continue
                k0 = frm - i + 1
            else:
                here = hyps[i]
                if not here:
                    continue
                items = sorted(here.values(), key=_SCORE, reverse=True)[:beam] if len(here) > beam \
                    else list(here.values())
                k0 = 1
            stopped = False
            for k in range(k0, min(max_word, cap - i) + 1):
                w = text[i:i + k]
                if k > 1 and w not in vocab:
                    if w in prefixes:
                        continue
                    stopped = True
                    break
                there = hyps[i + k]
                for h in items:
                    out = new_state()
                    v = h[0] + model_score(h[1], w, out)
                    cur = there.get(out)
                    if cur is None or v > cur[0]:
                        there[out] = (v, out, i, h)
            if resume is not None and not stopped and cap - i < max_word:
                resume[i] = items

    def _best(self, run: str) -> Hyp:
        """The beam search over a non-empty Han run: hypotheses by position, merged by KenLM state, the best `beam`
        extended by each vocabulary word (or single character) that starts there. Returns the best hypothesis at
        the run's end: (log10 probability, KenLM state, where its last word starts, the hypothesis before it)."""
        n = len(run)
        hyps = self._start(n + 1)
        self._advance(hyps, run, 0, n, n)
        return max(hyps[n].values(), key=_SCORE)

    def _front(self, head: str) -> Front:
        """The search over `head` stopped at its end (`Front`), kept (up to `FRONT_LIMIT`): the search of any text
        that starts with `head` goes on from it (`_after`) instead of reading `head` again; `head`'s own score is its
        best hypothesis (`_best` over `head` builds the same hypotheses, in the same order), which `_joined` caches as
        `run_score`'s (only there: `scores_at` never reads its head's score, review46a)."""
        got = self._fronts.get(head)
        if got is None:
            j = len(head)
            hyps = self._start(j + 1)
            resume: dict[int, list[Hyp]] = {}
            self._advance(hyps, head, 0, j, j, resume)
            if len(self._fronts) >= FRONT_LIMIT:
                self._fronts.clear()
            got = self._fronts[head] = (hyps[j], resume)
        return got

    def _after(self, front: Front, text: str, j: int) -> float:
        """`run_score(text)` (uncached, nats) for a `text` whose first j characters `front` searched (`_front`)."""
        n = len(text)
        hyps: list[dict[Any, Hyp]] = [{} for _ in range(n + 1)]
        hyps[j] = front[0]
        self._advance(hyps, text, j, n, n, carried=front[1])
        return max(hyps[n].values(), key=_SCORE)[0] * _LN10

    def _store(self, run: str, value: float) -> None:
        """Cache `run`'s score (a miss counted), the cache cleared first when full."""
        self.misses += 1
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        self._cache[run] = value

    def scores_at(self, run: str, j: int, chars: Sequence[str]) -> list[float]:
        """`run_score(run[:j] + x + run[j + 1:])` for each x of `chars` (nats; cached alike), with the search left of
        j done once (`_front`): the hypotheses at positions up to j hold only words that end by j, which every x
        shares, so only the words over j and what follows them are searched per x (the same values as
        `run_score`'s, in the same order; the glyph pass scores a window per look-alike, glyphctx45). j must be a
        place of the run (ValueError); an x of other than one character is scored whole, as `run_score` does
        (review45a: the shared search would give other values, and cache them)."""
        n = len(run)
        if not 0 <= j < n:
            raise ValueError(f"scores_at: place {j} outside a run of {n} characters")
        if any(len(x) != 1 for x in chars):
            return [self.run_score(run[:j] + x + run[j + 1:]) for x in chars]
        out: list[float] = []
        todo: list[int] = []
        head, tail = run[:j], run[j + 1:]
        for t, x in enumerate(chars):
            got = self._cache.get(head + x + tail)
            if got is None:
                todo.append(t)
                out.append(0.0)
            else:
                self.hits += 1
                out.append(got)
        if not todo:
            return out
        front = self._front(head)
        for t in todo:
            alt = head + chars[t] + tail
            got = self._cache.get(alt)  # (an x given twice: searched once)
            if got is None:
                got = self._after(front, alt, j)
                self._store(alt, got)
            out[t] = got
        return out

    def score(self, text: str) -> float:
        """Log-probability (nats) of `text`: the sum over its Han runs, each at its best segmentation."""
        return sum(self.run_score(r) for r in han_runs(text))

    def continuation_gain(self, left: str, right: str, left_chars: int = LEFT_CHARS,
                          right_chars: int = RIGHT_CHARS) -> float:
        """How much better `right` reads as the continuation of `left` than as text apart (nats).

        score(a + b) - score(a) - score(b) over the Han run `left` ends on (its last `left_chars` characters)
        and the one `right` opens with (its first `right_chars`); whitespace at the join is dropped, as flow
        joins Chinese lines without a space. 0.0 when either side meets the join with anything but a Han
        character: the model scores Han runs apart, so it has no opinion there. Positive: the model reads
        words or context across the join (签订|协议); negative: the two ends read worse together."""
        a = _tail_run(left.rstrip(), left_chars)
        b = _head_run(right.lstrip(), right_chars)
        if not a or not b:
            return 0.0
        return self._joined(a, b) - self.run_score(a) - self.run_score(b)

    def _joined(self, a: str, b: str) -> float:
        """`run_score(a + b)`, the search of a + b going on from `a`'s (`_front`, which also scores `a`): flow's
        splice finder reads one side of a join against many others (a block's start against every seam of the block
        after it), and the pair's own `run_score(a)` then comes from the same search."""
        ab = a + b
        got = self._cache.get(ab)
        if got is not None:
            self.hits += 1
            return got
        front = self._front(a)
        if a not in self._cache:  # `continuation_gain` reads it next: the same search scored it
            self._store(a, max(front[0].values(), key=_SCORE)[0] * _LN10)
        value = self._after(front, ab, len(a))
        self._store(ab, value)
        return value

    def segment(self, run: str) -> list[str]:
        """The best segmentation of one Han run into model words (for reading a score; not cached)."""
        if not run:
            return []
        best = self._best(run)
        words: list[str] = []
        end = len(run)
        while best[3] is not None:
            words.append(run[best[2]:end])
            end = best[2]
            best = best[3]
        return words[::-1]

    def clear_cache(self) -> None:
        """Forget the remembered scores and searches (a tool timing cold runs; the counts start again)."""
        self._cache.clear()
        self._fronts.clear()
        self.hits = self.misses = 0

    def cache_info(self) -> tuple[int, int, int]:
        """(hits, misses, entries) of the per-string cache."""
        return self.hits, self.misses, len(self._cache)


def available(spec: str | Path | None = None) -> bool:
    """True when the context model `spec` names can be loaded here (kenlm importable, the file present)."""
    try:
        _import_kenlm()
    except ContextModelError:
        return False
    return resolve_path(spec).is_file() and os.access(resolve_path(spec), os.R_OK)

