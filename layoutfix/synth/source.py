"""Clean articles from a tagged news corpus (one JSON object per article), in gold form.

The People's Daily corpus keeps datelines and bylines inline in the first
paragraph (``本报讯记者某甲报道：…``), bylines as paragraphs of their own
(``本报记者某乙``), photo captions ending in ``（新华社记者某丙摄）`` and
headline——subheadline in one title. This module turns each record into gold
article dicts (the fields of SCHEMA.md) and collects the vocabulary the page
furniture needs (names, section labels, kicker phrases) from the same text, so
no word is invented or copied from the sample pages.
"""
from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import regex as re

_FW = {**{chr(0xFF10 + i): chr(0x30 + i) for i in range(10)},
       **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
       **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)}}
_FW_TABLE = str.maketrans(_FW)


_CORNER = str.maketrans({"『": "“", "』": "”", "「": "“", "」": "”"})


def to_gold(text: str) -> str:
    """Full-width digits and Latin letters to ASCII, and ．/％ inside numbers; nothing else (no NFKC).

    The corpus quotes with 『』 in places; the gold convention is “”, so corner quotes become those.
    """
    t = text.translate(_FW_TABLE).translate(_CORNER)
    t = re.sub(r"(?<=\d)．(?=\d)", ".", t)
    t = re.sub(r"(?<=\d)％", "%", t)
    return t.strip()


_NAME = r"\p{Han}{2,3}"
_BAD_NAME = set("记者报社摄讯电稿本部局长省市县员")
_NUM = r"[\d一二三四五六七八九十]"
_DATELINE = re.compile(rf"^(?P<dl>据?(?:本报|新华社|中新社)(?:\p{{Han}}{{0,10}}?)(?:{_NUM}{{1,3}}月{_NUM}{{1,3}}日)?(?:讯|电))")
_LEAD_BY = re.compile(r"^[（(](?P<by>(?:本报|新华社)?(?:特约|实习|见习)?记者\p{Han}{2,12}(?:、\p{Han}{2,4})*)[）)]"
                      r"|^(?P<by2>(?:本报|新华社)?(?:特约|实习|见习)?记者\p{Han}{2,3}(?:、\p{Han}{2,3})*)报道[：:]")
_SEP_BYLINE = re.compile(r"^(?:本报|新华社)(?:驻\p{Han}{1,6})?(?:特约|特派|实习|见习)?记者(?P<names>\p{Han}{2,9})$")
_END_BYLINE = re.compile(r"[（(](?P<names>\p{Han}{2,9})[）)]$")
_CAPTION = re.compile(r"^(?P<cap>.*?)[（(](?P<role>新华社记者|本报记者|本报通讯员|记者)?(?P<names>\p{Han}{2,9})摄[）)]$")
_PHOTO_NOTE = re.compile(r"[（(]附图片\d+张[）)]")


def split_names(blob: str, known: set[str]) -> list[str] | None:
    """Split concatenated names ('王明李华', invented) into known names; a lone 2-3 char blob is one name."""
    blob = blob.replace("、", "")
    if 2 <= len(blob) <= 3 and not (set(blob) & _BAD_NAME):
        return [blob]
    best: dict[int, list[str]] = {0: []}
    for i in range(len(blob)):
        if i not in best:
            continue
        for n in (2, 3):
            w = blob[i:i + n]
            if len(w) == n and w in known and i + n not in best:
                best[i + n] = best[i] + [w]
    return best.get(len(blob))


def harvest_names(records: Iterable[dict]) -> set[str]:
    """Person names found by unambiguous byline shapes: 记者XXX报道, （记者XXX）, （XXX摄）."""
    pats = [re.compile(rf"记者({_NAME})(?:报道|[）)]|摄)"), re.compile(rf"[（(]({_NAME})摄[）)]"),
            re.compile(rf"记者({_NAME})、({_NAME})报道")]
    names: Counter = Counter()
    for rec in records:
        for p in rec["paragraphs"][:3] + rec["paragraphs"][-2:]:
            p = to_gold(p)
            for pat in pats:
                for m in pat.finditer(p):
                    for g in m.groups():
                        if g and not (set(g) & _BAD_NAME):
                            names[g] += 1
    return set(names)


@dataclass
class Vocab:
    """Words the page furniture is built from, all taken from the source text."""

    names: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    kickers: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    table_suffixes: list[str] = field(default_factory=list)
    hotlines: list[str] = field(default_factory=list)
    garbage_chars: str = ""
    photos: list[dict] = field(default_factory=list)  # stand-alone photo items a page may carry


# Generic column labels and table words; only those the source text itself contains are used.
_SECTION_CANDIDATES = ("要闻", "国内新闻", "国际新闻", "经济新闻", "经济生活", "社会观察", "理论学习", "文化",
                       "体育新闻", "法制", "农村经济", "市场观察", "读者来信", "今日谈", "人民论坛", "新闻观察",
                       "环球", "大地", "评论", "专题报道", "简讯", "图片新闻", "新闻综述", "地方新闻", "港澳台",
                       "教育", "科技", "卫生", "书评", "国际副刊", "经济透视", "新闻分析", "党的建设", "群众工作")
_HEADER_CANDIDATES = ("姓名", "单位", "地区", "数量", "日期", "项目", "负责人", "电话", "名称", "地点", "时间",
                      "金额", "类别", "备注", "职务", "名次", "成绩")
_SUFFIX_CANDIDATES = ("一览表", "统计表", "情况表", "名单", "排行")
_HOTLINE_CANDIDATES = ("读者服务", "新闻", "广告", "发行", "订阅", "举报", "监督")


def build_vocab(records: list[dict]) -> Vocab:
    text = "\n".join(to_gold(p) for r in records for p in r["paragraphs"])
    names = sorted(harvest_names(records))
    # kickers: other articles' short titles (a kicker is set like a headline)
    kickers = sorted({t for r in records if r.get("title_guess")
                      for t in [_PHOTO_NOTE.sub("", to_gold(r["title_guess"]))]
                      if 8 <= len(t) <= 16 and re.fullmatch(r"[\p{Han}“”《》、·]+", t)})
    orgs = sorted({m.group(0) for m in re.finditer(r"\p{Han}{2,6}(?:局|厂|公司|学校|医院|银行|委员会|研究所)", text)
                   if len(m.group(0)) <= 8})
    hanfreq = Counter(c for c in text if "\u4e00" <= c <= "\u9fff")
    known = set(names)
    photos = [it for r in records for it in convert(r, known) if it["kind"] == "photo"]
    return Vocab(
        names=names,
        sections=[s for s in _SECTION_CANDIDATES if s in text],
        kickers=kickers,
        orgs=orgs[:4000],
        headers=[h for h in _HEADER_CANDIDATES if h in text],
        table_suffixes=[s for s in _SUFFIX_CANDIDATES if s in text],
        hotlines=[h for h in _HOTLINE_CANDIDATES if h + "热线" in text or h in text],
        garbage_chars="".join(c for c, _ in hanfreq.most_common(600)),
        photos=photos,
    )


def convert(rec: dict, known: set[str]) -> list[dict]:
    """One corpus record as gold items: the article, plus a photo item per captioned photo in it."""
    title = to_gold(rec["title_guess"]) if rec.get("title_guess") else None
    paras = [to_gold(p) for p in rec["paragraphs"]]
    if title:
        paras = paras[1:]
        title = _PHOTO_NOTE.sub("", title).strip() or None
    # '（附图片1张）' is the corpus's note that a photo was printed, not printed text
    paras = [q for q in (_PHOTO_NOTE.sub("", p).strip() for p in paras) if q]
    headline = subheadline = None
    if title:
        if "——" in title.strip("—") and not title.startswith("——"):
            i = title.index("——")
            headline, subheadline = title[:i], title[i:]
        else:
            headline = title
    byline: list[str] = []
    dateline = None
    photos: list[dict] = []
    body: list[str] = []
    for i, p in enumerate(paras):
        if i == 0 and len(paras) >= 2 and re.fullmatch(r"\p{Han}{2,3}", p) and not (set(p) & _BAD_NAME):
            byline = [p]  # a commentary's author printed alone under the title
            continue
        m = _SEP_BYLINE.match(p)
        if m and not body and not byline:
            names = split_names(m.group("names"), known)
            if names:
                byline = names
                continue
        mc = _CAPTION.match(p)
        if mc:
            names = split_names(mc.group("names"), known)
            cap = mc.group("cap").strip()
            if names and len(cap) >= 8:
                photos.append(_item(kind="photo", captions=[cap], byline=names,
                                    _credit_role=mc.group("role") or ""))
            continue
        body.append(p)
    if headline and not subheadline and len(body) >= 2 and len(body[0]) <= 40 \
            and body[0][-1] not in "。！？”…" and _DATELINE.match(body[1]):
        subheadline = body.pop(0)  # a second title line above the dateline paragraph
    if body:
        m = _DATELINE.match(body[0])
        if m and not re.search("记者|通讯|编辑", m.group("dl")):
            dateline = m.group("dl")
            rest = body[0][m.end():]
            mb = _LEAD_BY.match(rest)
            if mb:
                blob = mb.group("by") or mb.group("by2")
                blob = re.sub(r"^(?:本报|新华社)?(?:特约|实习|见习)?记者", "", blob)
                names = split_names(blob, known)
                if names:
                    byline = byline or names
                    rest = rest[mb.end():]
                else:
                    dateline = None
            if dateline:
                rest = rest.lstrip("：:　 ")
                if len(rest) < 4:
                    dateline = None
                else:
                    body[0] = rest
        me = _END_BYLINE.search(body[-1])
        if me and not byline:
            names = split_names(me.group("names"), known)
            if names and len(body[-1]) > me.end() - me.start() + 4:
                byline = names
                body[-1] = body[-1][:me.start()].rstrip()
    items = []
    if body and (headline or len(body) == 1):
        items.append(_item(headline=headline, subheadline=subheadline, byline=byline, dateline=dateline,
                           paragraphs=body))
    elif body and not headline:
        return photos  # headline-less multi-paragraph fragments are not used
    for ph in photos:
        if headline and not body:
            ph["headline"] = headline
        items.append(ph)
    for it in items:
        it["_doc"] = rec.get("doc_id")
    return items


def _item(**kw: object) -> dict:
    base: dict[str, object] = {"section": None, "kicker": None, "headline": None, "subheadline": None, "byline": [],
            "dateline": None, "kind": "article", "paragraphs": [], "captions": [], "tables": [],
            "continued_from": None, "truncated": False}
    base.update(kw)
    return base


def load_records(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def pages_of(records: list[dict], first: str, last: str) -> dict[tuple[str, int], list[dict]]:
    """Records of the dates first..last (YYYYMMDD, inclusive) grouped by (date, page), corpus order."""
    pages: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for r in records:
        if first <= r["date"] <= last:
            pages[(r["date"], int(r["page"]))].append(r)
    return dict(sorted(pages.items()))


def item_size(item: dict) -> int:
    return sum(len(p) for p in item["paragraphs"]) + sum(len(c) for c in item["captions"]) \
        + len(item.get("headline") or "")


def cap_item(item: dict, rng: random.Random, max_chars: int = 2000) -> dict:
    """A long article stops mid-sentence past `max_chars` (gold truncated=true), as when it jumps pages."""
    if item["kind"] != "article" or item_size(item) <= max_chars:
        return item
    out = dict(item)
    paras, size = [], 0
    for p in item["paragraphs"]:
        if size + len(p) > max_chars:
            room = max_chars - size
            if room >= 40:
                for _ in range(20):
                    k = rng.randint(room // 2, room)
                    if re.match(r"\p{Han}\p{Han}", p[k - 1:k + 1]):
                        paras.append(p[:k])
                        break
            break
        paras.append(p)
        size += len(p)
    out["paragraphs"] = paras or [item["paragraphs"][0][:max_chars]]
    out["truncated"] = True
    return out


def chunk_page(items: list[dict], rng: random.Random, lo: int = 6, hi: int = 12, max_chars: int = 7500,
               min_chars: int = 3400) -> Iterator[list[dict]]:
    """Consecutive runs of a real page's items sized like the sample pages (6-12 items, 10-25 KB printed).

    A run may keep one item fewer than `lo` when it is long enough; shorter runs are skipped.
    """
    i = 0
    while i < len(items):
        want = rng.randint(lo, hi)
        run: list[dict] = []
        size = 0
        while i < len(items) and len(run) < want:
            s = item_size(items[i])
            if run and size + s > max_chars:
                break
            run.append(items[i])
            size += s
            i += 1
        if len(run) >= lo - 1 and size >= min_chars:
            yield run
