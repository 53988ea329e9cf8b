"""The official gold's byline convention, read off clean paragraph text (used by `compose` before rendering).

The official gold (``corpus/gold/SCHEMA.md`` and the three sample golds) puts reporters',
correspondents' and authors' *names* in ``byline`` and never in ``paragraphs``: a closing
``(某某)`` printed under an article, a byline line ``□本报记者 某甲 通讯员 某乙`` and the
lead-in ``本报讯(记者 某甲 通讯员 某乙)`` all become byline names, with role words dropped and the
lead-in's dateline in ``dateline``. The corpus text the synthesizer starts from keeps some of these
as body text (names it cannot split, several roles, a byline that is not the first paragraph), so
this module finds them in a gold paragraph and splits the names:

- `closing_names`: a paragraph that is only ``（names）``, an author's signature printed alone under
  the article (as ``(某某)`` in sample 001; role words such as ``本报记者`` may precede the names);
- `byline_line_names`: a paragraph that is only role words and names (``新华社记者A本报记者B``);
- `lead_in`: a dateline and a parenthesised byline opening the first paragraph
  (``据新华社某地1月2日电（记者A、B）``), or the parenthesis alone after a known dateline.

Names are split at ``、``/spaces where printed (a run between separators is one name, so is the one
run of a lead-in: ``（记者某某某某）``), else by a small model learned from the split's own harvested
names (how often a character starts a name rather than continues one, and how long names are), so no
name list is written here. Credits that are not a person's name (``新华社稿``, ``X摄``, ``X画``,
``据新华社电``) are left alone.

What the official gold does not show is left as the corpus had it: a signature glued to the end of
the last paragraph (``…。（某甲某乙某丙）``), a reader's signature with a place or unit before the
name (``（某省某市某某）``), an artwork item whose only text is the artist's name, a closing
dateline (``（本报某地1月5日电）``).
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import regex as re

from ..textutil import HAN_CLASS

_H = f"[{HAN_CLASS}]"
# role words before a name: (org) (驻 place) (特约…) 记者 / 通讯员 / 实习生
_ROLE = (rf"(?:(?:本报|新华社|中新社|{_H}{{2,8}}?(?:日报|军报|防报|电台|电视台|通讯社))?(?:驻{_H}{{1,6}}?)?"
         r"(?:特约|特派|实习|见习)?(?:记者|通讯员)|实习生)")
_ROLE_RE = re.compile(_ROLE)
# characters that never occur in a byline name but do in credits and notes
_NOT_NAME = set("记者报社摄讯电稿部局省市县员画摘作写片据供均除署整理译编辑绘年月日续完")
_NOT_NAME_WORDS = re.compile("照片|图片|本报")
# a place or unit before a name (a reader's signature '（某省某市某某）'): not shown by the official gold
_UNIT_END = set("省市县区旗局厂委院府部办室队行处所社报镇乡村会站司校团厅路街")
_DATELINE = re.compile(rf"^(?P<dl>据?(?:本报|新华社|中新社){_H}{{0,10}}?"
                       r"(?:[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日)?(?:讯|电))")
_PAREN = re.compile(r"^[（(](?P<inner>[^（）()]{2,60})[）)]")
_CLOSE_ALONE = re.compile(r"^[（(](?P<inner>[^（）()]{2,40})[）)]$")


@dataclass
class NameModel:
    """How likely a character starts a name, and name lengths, from a list of known names."""

    names: set[str] = field(default_factory=set)
    first: Counter = field(default_factory=Counter)
    inner: Counter = field(default_factory=Counter)
    lengths: Counter = field(default_factory=Counter)

    @classmethod
    def learn(cls, names: list[str] | set[str]) -> "NameModel":
        m = cls(names=set(names))
        for n in m.names:
            m.first[n[0]] += 1
            m.inner.update(n[1:])
            m.lengths[len(n)] += 1
        return m

    def _start(self, c: str) -> float:
        return (self.first[c] + 0.5) / (self.first[c] + self.inner[c] + 1.0)

    def _len(self, n: int) -> float:
        total = sum(self.lengths[k] for k in (2, 3)) + 2.0
        return math.log((self.lengths[n] + 1.0) / total)

    def split(self, blob: str) -> list[str] | None:
        """`blob` as concatenated names of 2-3 characters (a known name may be longer), best first."""
        if not blob or set(blob) & _NOT_NAME or _NOT_NAME_WORDS.search(blob) or not re.fullmatch(f"{_H}+", blob):
            return None
        if 2 <= len(blob) <= 3 or blob in self.names:
            return [blob]
        best: dict[int, tuple[float, list[str]]] = {0: (0.0, [])}
        for i in range(len(blob)):
            if i not in best:
                continue
            score, parts = best[i]
            for n in (2, 3, 4):
                w = blob[i:i + n]
                if len(w) < n or (n == 4 and w not in self.names):
                    continue
                s = score + math.log(self._start(w[0])) + sum(math.log(1 - self._start(c)) for c in w[1:])
                s += self._len(n) if n < 4 else 0.0
                s += 2.0 if w in self.names else 0.0
                if i + n not in best or s > best[i + n][0]:
                    best[i + n] = (s, parts + [w])
        return best.get(len(blob), (0.0, None))[1]


def _names(inner: str, model: NameModel, whole_run: bool = False) -> list[str] | None:
    """Names in the text of a byline: role words and separators dropped, each run split into names.

    A run between printed separators is one name of 2-4 characters; so is a lone run when
    `whole_run` (a lead-in prints several names with ``、``).
    """
    if not re.fullmatch(f"(?:{_H}|[、，,\\s　])+", inner):
        return None
    text = _ROLE_RE.sub("、", inner)
    runs = [r for r in re.split(r"[、，,；;\s　]+", text) if r]
    if not runs:
        return None
    separated = len(runs) > 1 and bool(re.search(r"[、，,\s　]", _ROLE_RE.sub("", inner)))
    out: list[str] = []
    for run in runs:
        if (separated or whole_run) and 2 <= len(run) <= 4 and not set(run) & _NOT_NAME \
                and not _NOT_NAME_WORDS.search(run):
            out.append(run)
            continue
        if len(run) > 3 and set(run[1:]) & _UNIT_END:
            return None
        names = model.split(run)
        if not names:
            return None
        out.extend(names)
    return out


def closing_names(text: str, model: NameModel) -> list[str] | None:
    """Names when the paragraph is only a closing ``（names）`` signature."""
    m = _CLOSE_ALONE.match(text)
    return _names(m.group("inner"), model) if m else None


def byline_line_names(text: str, model: NameModel) -> list[str] | None:
    """Names when the paragraph is a byline line: role words and names only, starting with a role."""
    if not _ROLE_RE.match(text) or not re.fullmatch(f"{_H}+", text):
        return None
    return _names(text, model)


def lead_in(text: str, model: NameModel, dateline: str | None) -> tuple[str, list[str], int] | None:
    """(dateline, names, where the body starts) for a first paragraph that opens with a byline lead-in.

    With `dateline` None the paragraph must open with a dateline (``新华社北京1月5日电``) and a
    parenthesis; with a dateline already split off, the parenthesis alone.
    """
    at = 0
    if dateline is None:
        m = _DATELINE.match(text)
        if not m or re.search("记者|通讯|编辑", m.group("dl")):
            return None
        dateline, at = m.group("dl"), m.end()
    mp = _PAREN.match(text[at:])
    if not mp:
        return None
    names = _names(mp.group("inner"), model, whole_run=True)
    if not names:
        return None
    end = at + mp.end()
    while end < len(text) and text[end] in "：:　 ":
        end += 1
    if len(text) - end < 4:
        return None
    return dateline, names, end
