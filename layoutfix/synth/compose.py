"""Compose clean articles into one raw page dump, its exact gold and a log of every injected defect.

The page is first laid out as *pieces* (a title line, a byline, one printed
block of a paragraph, a caption, a table …), each made of tokens that know
their clean (gold) text. Flow defects then move and split pieces (cuts at
column breaks, interleaved fragments, spliced column lines, duplicates),
character defects rewrite tokens, and rendering numbers the lines. Because
every change is a token or a piece move, the gold and the defect log are exact
by construction rather than recovered afterwards.
"""
from __future__ import annotations

import copy
import datetime
import random
from dataclasses import dataclass, field
from typing import Any, Callable

import regex as re

from ..textutil import is_han
from .defects import (CORNER_QUOTES, Confusion, DefectRates, Token, can_break,
                      garble, halfwidth, inject_chars, plain_tokens, tokens_gold, tokens_raw, wrap_spaces)
from .bylines import NameModel, byline_line_names, closing_names, lead_in
from .source import Vocab

GOLD_FIELDS = ("section", "kicker", "headline", "subheadline", "byline", "dateline", "kind", "paragraphs",
               "captions", "tables", "continued_from", "truncated")
CHAR_TYPES = {"glyph": "glyph", "drop": "dropped", "double": "doubled", "stray": "stray"}
_CLAUSE = set("，。；！？：")
_WEEK = "一二三四五六日"


@dataclass(eq=False)
class Piece:
    """One printed block: usually one line, several lines for a table."""

    kind: str                      # section|title|jump|byline|body|caption|credit|table|noise
    lines: list[list[Token]]
    art: int | None = None         # index into the page's gold articles
    para: int | None = None        # paragraph (body) or caption index
    noisy: bool = False            # character noise applies
    copy_of: "Piece | None" = None
    gap: int = 1                   # blank lines printed before it
    meta: list[dict] = field(default_factory=list)  # defect entries; '_'-keys hold pieces/tokens resolved at render


def _strip_private(a: dict) -> dict:
    out = {k: copy.deepcopy(a.get(k)) for k in GOLD_FIELDS}
    out["byline"] = list(out["byline"] or [])
    out["paragraphs"] = list(out["paragraphs"] or [])
    out["captions"] = list(out["captions"] or [])
    out["tables"] = list(out["tables"] or [])
    out["kind"] = out["kind"] or "article"
    out["truncated"] = bool(out["truncated"])
    return out


class _Page:
    """State of one page under composition (kept private: `compose_page` is the API)."""

    def __init__(self, articles: list[dict], rng: random.Random, rates: DefectRates,
                 noiser: Callable[[str], str] | None, confusion: Confusion | None, vocab: Vocab,
                 info: dict) -> None:
        self.rng, self.rates, self.noiser, self.confusion, self.vocab, self.info = \
            rng, rates, noiser, confusion, vocab, info
        self.arts = [_strip_private(a) for a in articles]
        self.hints = [{k: v for k, v in a.items() if k.startswith("_")} for a in articles]
        self.half = rng.random() < rates.halfwidth_page
        self.quotes = self.half and rng.random() < rates.halfwidth_quotes
        self.corner = not self.quotes and rng.random() < rates.corner_quotes
        self.marker = rng.random() < rates.title_marker_page
        self.pieces: list[Piece] = []
        self.noise_pieces: list[Piece] = []
        self.duplicates: list[str] = []

    # -- small helpers -------------------------------------------------------------------------
    def paren(self, s: str) -> str:
        return f"({s})" if self.half else f"（{s}）"

    def colon(self) -> str:
        return ":" if self.half else "："

    def name_pool(self) -> list[str]:
        if self.vocab.names:
            return self.vocab.names
        return sorted({n for a in self.arts for n in a["byline"]}) or ["佚名"]

    # -- gold-level decisions ------------------------------------------------------------------
    def decide(self) -> None:
        rng, rates = self.rng, self.rates
        arts = self.arts
        if rates.photo_page < 1 and rng.random() >= rates.photo_page:
            keep = [a for a in arts if a["kind"] != "photo"]
            if len(keep) >= 5:
                idx = [i for i, a in enumerate(arts) if a["kind"] != "photo"]
                self.hints = [self.hints[i] for i in idx]
                self.arts = arts = keep
        # a stand-alone photo from elsewhere in the split, as pages often carry one
        if self.vocab.photos and rng.random() < rates.photo_extra:
            ph = rng.choice(self.vocab.photos)
            if not any(a["captions"] == ph["captions"] for a in arts):
                k = rng.randint(1, len(arts))
                arts.insert(k, _strip_private(ph))
                self.hints.insert(k, {key: v for key, v in ph.items() if key.startswith("_")})
        # sections over runs of articles
        if not any(a["section"] for a in arts) and self.vocab.sections and rng.random() < rates.section_page:
            labels = rng.sample(self.vocab.sections, min(len(self.vocab.sections), rng.randint(1, 2)))
            i = 0 if rng.random() < 0.6 else rng.randrange(len(arts))
            for lab in labels:
                run = rng.randint(2, 3)
                for a in arts[i:i + run]:
                    a["section"] = lab
                i += run
        # continued from another page
        page_no = int(self.info.get("page") or rng.randint(2, 8))
        for i, a in enumerate(arts):
            if i and page_no > 1 and a["kind"] == "article" and len(a["paragraphs"]) >= 3 \
                    and rng.random() < rates.jump:
                drop = rng.randint(1, len(a["paragraphs"]) - 2)
                a["paragraphs"] = a["paragraphs"][drop:]
                a["continued_from"] = f"第{rng.randint(1, page_no - 1)}版"
                a["dateline"], a["byline"] = None, []
        # kickers
        for a in arts:
            if a["kind"] == "article" and a["headline"] and not a["kicker"] and self.vocab.kickers \
                    and rng.random() < rates.kicker:
                a["kicker"] = rng.choice(self.vocab.kickers)
        # a table attached to one article
        if self.vocab.orgs and self.vocab.headers and rng.random() < rates.table_page:
            cands = [a for a in arts if a["kind"] == "article" and a["paragraphs"]]
            if cands:
                self.table_art = rng.choice(cands)
                self.table = make_table(rng, self.vocab, self.name_pool())
                self.table_art["tables"].append(self.table["gold"])
                self.table_art["captions"].append(self.table["title"])
        # the page ends mid-sentence
        self.trunc_art = None
        if rng.random() < rates.truncate_page:
            for a in reversed(arts):
                if a["kind"] == "article" and a["paragraphs"] and not a["tables"]:
                    if _truncate(a, rng):
                        self.trunc_art = a
                    break

    # -- layout --------------------------------------------------------------------------------
    def layout(self) -> None:
        rng = self.rng
        cur_section = None
        for ai, a in enumerate(self.arts):
            if a["section"] and a["section"] != cur_section:
                self.add(Piece("section", [plain_tokens(a["section"])], ai, gap=rng.choice((1, 1, 3))))
            cur_section = a["section"]
            first = len(self.pieces)
            self.layout_titles(ai, a)
            if a["continued_from"]:
                jump = self.paren(f"上接{a['continued_from']}")
                p = Piece("jump", [[[jump, "", "jump"]]], ai)
                p.meta.append({"type": "jump", "raw": jump, "gold": a["continued_from"], "offset": 0})
                self.add(p)
            if a["kind"] == "photo":
                self.layout_photo(ai, a)
            else:
                self.layout_article(ai, a)
            if first < len(self.pieces) and self.pieces[first].gap == 1 and rng.random() < 0.3:
                self.pieces[first].gap = 3
        self.layout_furniture()

    def add(self, p: Piece) -> Piece:
        self.pieces.append(p)
        return p

    def title_tokens(self, text: str) -> list[Token]:
        toks = plain_tokens(text)
        if self.marker and self.rng.random() < 0.9:
            toks.insert(0, ["## ", "", "title_marker"])
        return toks

    def layout_titles(self, ai: int, a: dict) -> None:
        rng, rates = self.rng, self.rates
        parts = [(k, a[k]) for k in ("kicker", "headline", "subheadline") if a[k]]
        if not parts:
            return
        head = a["headline"] or ""
        ci = head.find("：")
        colon_split = 2 <= ci < len(head) - 2 and ci <= 12 and rng.random() < rates.colon_title_split
        if len(parts) > 1 and rng.random() < rates.multi_title_one_line and not colon_split:
            toks: list[Token] = []
            for k, text in parts:
                if toks and not text.startswith("——"):
                    toks.append([" ", "", "title_sep"])
                toks.extend(plain_tokens(text))
            if self.marker and rng.random() < 0.9:
                toks.insert(0, ["## ", "", "title_marker"])
            p = self.add(Piece("title", [toks], ai))
            p.meta.append({"type": "multi_title", "raw": None, "gold": "".join(t for _, t in parts),
                           **{k: a[k] for k in ("kicker", "headline", "subheadline")}, "offset": 0})
            return
        lines: list[str] = []
        for k, text in parts:
            if k == "headline" and colon_split:
                lines.extend([text[:ci + 1], text[ci + 1:]])
            else:
                lines.append(text)
        ps = [self.add(Piece("title", [self.title_tokens(t)], ai)) for t in lines]
        if len(ps) > 1:
            ps[0].meta.append({"type": "multi_title", "raw": None,
                               "gold": "".join(t for _, t in parts), "_line2": ps[-1], "offset": 0,
                               **{k: a[k] for k in ("kicker", "headline", "subheadline")}})

    def byline_text(self, names: list[str], bullet: bool) -> str:
        rng = self.rng
        if len(names) >= 2 and rng.random() < 0.6:
            body = f"本报记者 {' '.join(names[:-1])} 通讯员 {names[-1]}"
            mark = "□"
        else:
            body = f"本报记者 {' '.join(names)}"
            mark = rng.choice("●●□")
        return (mark if bullet else "") + body

    def lead_in(self, a: dict) -> str:
        rng = self.rng
        dl, names = a["dateline"], a["byline"]
        if not names:
            return dl
        if rng.random() < 0.3:
            return f"{dl}记者{'、'.join(names)}报道{self.colon()}"
        if len(names) >= 2 and rng.random() < 0.5:
            inner = f"记者 {' '.join(names[:-1])} 通讯员 {names[-1]}"
        else:
            inner = f"{rng.choice(('记者', '记者', '记者', '实习记者'))} {' '.join(names)}"
        return dl + self.paren(inner)

    def layout_article(self, ai: int, a: dict) -> None:
        rng = self.rng
        names = a["byline"]
        style = None
        if names and not a["dateline"]:
            style = "end" if rng.random() < self.rates.end_byline else "line"
            if style == "line":
                raw = self.byline_text(names, rng.random() < 0.8)
                p = self.add(Piece("byline", [[[raw, "", "byline"]]], ai))
                p.meta.append({"type": "byline", "raw": raw, "gold": " ".join(names), "names": names,
                               "offset": 0})
        table_after = rng.randrange(1, len(a["paragraphs"]) + 1) if a["tables"] and a["paragraphs"] else None
        for pi, text in enumerate(a["paragraphs"]):
            toks = plain_tokens(text)
            p = Piece("body", [toks], ai, para=pi, noisy=True)
            if pi == 0 and a["dateline"]:
                lead = self.lead_in(a)
                toks.insert(0, [lead, "", "dateline"])
                p.meta.append({"type": "dateline", "raw": lead, "gold": a["dateline"], "byline": names,
                               "offset": 0})
            self.add(p)
            if table_after == pi + 1:
                self.layout_table(ai, a)
        if a is self.trunc_art and rng.random() < 0.3:
            jump = self.paren(f"下转第{rng.randint(2, 16)}版")
            p = self.add(Piece("noise", [[[jump, "", "jump"]]], None))
            p.meta.append({"type": "jump", "raw": jump, "gold": "", "offset": 0})
            self.noise_pieces.append(p)
        if style == "end":
            raw = self.paren(" ".join(names))
            p = self.add(Piece("byline", [[[raw, "", "byline"]]], ai))
            p.meta.append({"type": "byline", "raw": raw, "gold": " ".join(names), "names": names, "offset": 0})
        if a is self.trunc_art:
            last = [q for q in self.pieces if q.art == ai and q.kind == "body"][-1]
            last.meta.append({"type": "truncated", "raw": tokens_raw(last.lines[0])[-8:], "gold": "",
                              "_tail": True})

    def layout_table(self, ai: int, a: dict) -> None:
        t = self.table if getattr(self, "table_art", None) is a else None
        if t:
            self.add(Piece("caption", [plain_tokens(t["title"])], ai, para=len(a["captions"]) - 1))
        for rows in a["tables"]:
            self.layout_rows(ai, rows)

    def layout_rows(self, ai: int, rows: list[list[str]]) -> None:
        p = self.add(Piece("table", table_lines(rows, self.rng), ai))
        p.meta.append({"type": "table", "raw": None, "gold": "\t".join(rows[0]),
                       "rows": len(rows), "_last_line": True, "offset": 0})

    def credit_text(self, a: dict, hint: dict) -> str:
        rng = self.rng
        role = hint.get("_credit_role")
        if role is None:
            role = rng.choice(("本报记者", "本报记者", "新华社记者", ""))
        bullet = "■" if role and rng.random() < 0.6 else ""
        return f"{bullet}{role}{' ' if role else ''}{' '.join(a['byline'])} 摄"

    def layout_photo(self, ai: int, a: dict) -> None:
        rng = self.rng
        hint = self.hints[ai] if ai < len(self.hints) else {}
        for ci, cap in enumerate(a["captions"]):
            toks = plain_tokens(cap)
            p = self.add(Piece("caption", [toks], ai, para=ci, noisy=True, gap=rng.choice((1, 1, 3))))
        if not a["byline"]:
            return
        credit = self.credit_text(a, hint)
        if a["captions"] and rng.random() < 0.3:
            toks.append([" " + credit, "", "credit"])
            p.meta.append({"type": "credit", "raw": credit, "gold": " ".join(a["byline"]),
                           "names": a["byline"], "_credit_in_line": True})
        else:
            q = self.add(Piece("credit", [[[credit, "", "credit"]]], ai))
            q.meta.append({"type": "credit", "raw": credit, "gold": " ".join(a["byline"]),
                           "names": a["byline"], "offset": 0})

    def layout_furniture(self) -> None:
        rng, rates = self.rng, self.rates
        if rng.random() < rates.footer_page:
            text = self.footer_text()
            p = Piece("noise", [plain_tokens(text)], None, gap=rng.choice((1, 3)))
            p.meta.append({"type": "footer", "raw": None, "gold": text, "offset": 0})
            if rng.random() < 0.25:
                self.pieces.insert(0, p)
            else:
                self.pieces.append(p)
            self.noise_pieces.append(p)
        n_garbage = (1 if rng.random() < rates.garbage else 0) + (1 if rng.random() < rates.garbage / 4 else 0)
        for _ in range(n_garbage):
            text = self.garbage_text()
            p = Piece("noise", [[[text, text, "garbage"]]], None, gap=rng.choice((1, 3)))
            p.meta.append({"type": "garbage", "raw": text, "gold": "", "offset": 0})
            self.pieces.insert(rng.randint(1, len(self.pieces)), p)
            self.noise_pieces.append(p)

    def footer_text(self) -> str:
        rng = self.rng
        r = rng.random()
        date = str(self.info.get("date") or "")
        if r < 0.5 and self.vocab.hotlines:
            def phone() -> str:
                return f"010-6{rng.randint(0, 9999999):07d}"
            tail = f"{phone()}或{phone()}" if rng.random() < 0.5 else phone()
            return f"本报{rng.choice(self.vocab.hotlines)}热线：{tail}"
        if r < 0.75 and len(date) == 8:
            y, m, d = int(date[:4]), int(date[4:6]), int(date[6:])
            w = _WEEK[datetime.date(y, m, d).weekday()]
            return f"{y}年{m}月{d}日 星期{w}"
        return f"责任编辑：{rng.choice(self.name_pool())}"

    def garbage_text(self) -> str:
        rng = self.rng
        chars = self.vocab.garbage_chars or "".join(
            c for a in self.arts for p in a["paragraphs"] for c in p if is_han(c))[:600] or "口"
        toks = []
        for _ in range(rng.randint(2, 4)):
            if rng.random() < 0.15:
                toks.append(rng.choice(("I1", "ll", "-", "·", "1", "/")))
            else:
                toks.append("".join(rng.choice(chars) for _ in range(rng.randint(1, 3))))
        return " ".join(toks)

    # -- flow defects --------------------------------------------------------------------------
    def flow(self) -> None:
        rng, rates = self.rng, self.rates
        self.splice()
        # cuts (a paragraph printed in two or three blocks)
        out: list[Piece] = []
        self.cut_pairs: list[tuple[Piece, Piece]] = []
        for p in self.pieces:
            if p.kind == "body" and p.copy_of is None and len(tokens_gold(p.lines[0])) >= 40 \
                    and rng.random() < rates.cut:
                parts = self.cut(p)
                out.extend(parts)
            else:
                out.append(p)
        self.pieces = out
        # interleave: move the continuation past other pieces
        for p1, p2 in self.cut_pairs:
            if rng.random() >= rates.interleave:
                continue
            i = self.pieces.index(p2)
            floating = [q for q in self.noise_pieces + [x for x in self.pieces if x.kind in ("caption", "credit")
                                                      and x.art is not None and self.arts[x.art]["kind"] == "photo"]
                        if q in self.pieces and q is not p1 and q is not p2]
            if floating and rng.random() < 0.4:
                q = rng.choice(floating)
                group = [q] if q.kind == "noise" else [x for x in self.pieces if x.art == q.art]
                if any(x is p1 or x is p2 or x.kind == "body" for x in group):
                    continue
                for x in group:
                    self.pieces.remove(x)
                j = self.pieces.index(p2)
                self.pieces[j:j] = group
            else:
                k = rng.randint(1, 3)
                movable = []
                for x in self.pieces[i + 1:i + 1 + k]:
                    if any(x is b for pair in self.cut_pairs for b in pair) or x.kind == "table":
                        break
                    movable.append(x)
                if not movable:
                    continue
                self.pieces.remove(p2)
                j = self.pieces.index(movable[-1]) + 1
                self.pieces.insert(j, p2)
        for p1, p2 in self.cut_pairs:
            adjacent = self.pieces.index(p2) == self.pieces.index(p1) + 1
            p1.meta.append({"type": "cut" if adjacent else "interleave", "_line2": p2, "_join": True})
        self.splice_line()
        self.repeats()

    def splice_line(self) -> None:
        """Two paragraphs X, Y printed as X1 | X3 | Y1+X2 | Y2: a middle piece of X glued after Y's start."""
        rng = self.rng
        if rng.random() >= self.rates.splice_line:
            return
        cut = {x for pair in self.cut_pairs for x in pair} | getattr(self, "spliced", set())
        cands = []
        for x, y in zip(self.pieces, self.pieces[1:]):
            if x.kind == y.kind == "body" and x.art == y.art and x not in cut and y not in cut \
                    and not x.meta and not y.meta and len(x.lines[0]) >= 60 and len(y.lines[0]) >= 30:
                cands.append((x, y))
        if not cands:
            return
        x, y = rng.choice(cands)
        xt, yt = x.lines[0], y.lines[0]
        a = _breakpoint(xt, rng, 15, len(xt) // 2)
        b = _breakpoint(xt, rng, (a or 0) + 15, len(xt) - 15) if a else None
        c = _breakpoint(yt, rng, 12, len(yt) - 12)
        if not (a and b and c):
            return
        seam: Token = ["", "", "seam"]
        x1 = Piece("body", [xt[:a]], x.art, para=x.para, noisy=True)
        x3 = Piece("body", [xt[b:]], x.art, para=x.para, noisy=True)
        yx = Piece("body", [yt[:c] + [seam] + xt[a:b]], y.art, para=y.para, noisy=True)
        y2 = Piece("body", [yt[c:]], y.art, para=y.para, noisy=True)
        x1.meta.append({"type": "splice", "_line2": yx, "_join": True, "_start_tok": seam})
        yx.meta.append({"type": "splice", "_line2": x3, "_join": True})
        yx.meta.append({"type": "splice", "_line2": y2, "_join": True, "_end_tok": seam})
        i = self.pieces.index(x)
        self.pieces[i:i + 2] = [x1, x3, yx, y2]
        self.spliced = getattr(self, "spliced", set()) | {x1, x3, yx, y2}

    def cut(self, p: Piece) -> list[Piece]:
        """Split a paragraph's block at one or two column breaks; the first part keeps its log entries."""
        rng = self.rng
        toks = p.lines[0]
        lo = 1 + (1 if toks and toks[0][2] == "dateline" else 0)
        n = len(toks)
        if n - lo < 30:
            return [p]
        margin = max(8, int(0.15 * n))
        k = _breakpoint(toks, rng, lo + margin, n - margin)
        if k is None:
            return [p]
        cuts = [k]
        if n - k >= 60 and rng.random() < 0.25:
            k2 = _breakpoint(toks, rng, k + 20, n - 20)
            if k2 is not None:
                cuts.append(k2)
        bounds = [0] + cuts + [n]
        parts = [Piece("body", [toks[a:b]], p.art, para=p.para, noisy=True)
                 for a, b in zip(bounds, bounds[1:])]
        parts[0].meta = [m for m in p.meta if not m.get("_tail")]
        parts[-1].meta = [m for m in p.meta if m.get("_tail")]
        self.cut_pairs.extend(zip(parts, parts[1:]))
        return parts

    def splice(self) -> None:
        """A caption or short paragraph set in two narrow columns whose lines are read across."""
        rng = self.rng
        if rng.random() >= self.rates.splice:
            return
        cands = [p for p in self.pieces if p.kind in ("caption", "body") and p.copy_of is None
                 and 50 <= len(p.lines[0]) <= 260 and all(t[2] is None for t in p.lines[0])]
        if not cands:
            return
        p = rng.choice(cands)
        toks = p.lines[0]
        w = rng.randint(12, 18)
        starts = [0]
        while starts[-1] + w < len(toks):
            b = starts[-1] + w
            while b < len(toks) - 1 and not can_break(toks, b):
                b += 1
            if b >= len(toks) - 1:
                break
            starts.append(b)
        chunks = [toks[a:b] for a, b in zip(starts, starts[1:] + [len(toks)])]
        if len(chunks) < 3:
            return
        half = (len(chunks) + 1) // 2
        colB = chunks[half:]
        order: list[int] = []
        for i in range(half):
            order.append(i)
            if i < len(colB):
                order.append(half + i)
        new = [Piece(p.kind, [c], p.art, para=p.para, noisy=True) for c in chunks]
        new[0].meta = p.meta
        for x, y in zip(new, new[1:]):
            x.meta.append({"type": "splice", "_line2": y, "_join": True})
        i = self.pieces.index(p)
        self.pieces[i:i + 1] = [new[j] for j in order]
        self.spliced = set(new)

    def repeats(self) -> None:
        rng, rates = self.rng, self.rates
        spliced: set[Piece] = getattr(self, "spliced", set())
        cut = {x for pair in self.cut_pairs for x in pair}
        bodies = [p for p in self.pieces if p.kind == "body" and p not in cut and p not in spliced]
        for p in bodies:
            gold = tokens_gold(p.lines[0])
            r = rng.random()
            if r < rates.duplicate and len(gold) >= 20 and not p.meta:
                q = Piece("body", [p.lines[0]], p.art, para=p.para, copy_of=p)  # tokens shared: same print
                i = self.pieces.index(p) + 1 + (0 if rng.random() < 0.6 else rng.randint(0, 2))
                self.pieces.insert(min(i, len(self.pieces)), q)
                q.meta.append({"type": "duplicate", "_of": p, "raw": None, "gold": ""})
                self.duplicates.append(gold)
            elif r < rates.duplicate + rates.partial_repeat:
                self.partial_repeat(p, gold)

    def partial_repeat(self, p: Piece, gold: str) -> None:
        rng = self.rng
        toks = p.lines[0]
        # clause boundaries: positions right after a clause mark in plain tokens
        bounds = [i + 1 for i, t in enumerate(toks) if t[2] is None and t[0] in _CLAUSE]
        if rng.random() < 0.4 and len(bounds) >= 3:
            # an earlier clause printed again later in the same paragraph (exact copy)
            j = rng.randrange(len(bounds) - 2)
            s, e = bounds[j], bounds[j + 1]
            clause = "".join(t[1] for t in toks[s:e])
            if not (4 <= len(clause) <= 30) or not all(t[2] is None for t in toks[s:e]):
                return
            at = rng.choice(bounds[j + 2:])
            tok = [clause, "", "partial_repeat"]
            toks.insert(at, tok)
            p.meta.append({"type": "partial_repeat", "_tok": tok, "_of": p})
            return
        # a garbled copy of the paragraph's last clause glued before the next paragraph
        nxt = [q for q in self.pieces if q.kind == "body" and q.art == p.art and q.copy_of is None
               and (q.para or 0) == (p.para or 0) + 1]
        if not nxt:
            return
        tail_start = max([b for b in bounds if b < len(toks) - 1] or [0])
        tail = "".join(t[1] for t in toks[tail_start:])
        if len(tail) < 6:
            return
        tail = tail[-24:]
        junk = garble(tail, rng, self.confusion)
        tok = [junk, "", "partial_repeat"]
        q = nxt[0]
        qt = q.lines[0]
        at = 1 if qt and qt[0][2] == "dateline" else 0
        if at:
            return
        qt.insert(0, tok)
        if rng.random() < 0.6:
            qt.insert(1, [" ", "", "sep"])
        q.meta.append({"type": "partial_repeat", "_tok": tok, "_of": p})

    # -- characters ----------------------------------------------------------------------------
    def chars(self) -> None:
        rng, rates = self.rng, self.rates
        for p in self.pieces:
            if p.copy_of is not None:
                continue
            for li, toks in enumerate(p.lines):
                if p.noisy and self.noiser is not None:
                    p.lines[li] = toks = self.ocr(toks)
                elif p.noisy:
                    inject_chars(toks, rng, rates, self.confusion)
                if self.half or self.corner:
                    if self.half:
                        halfwidth(toks, self.quotes, self.corner)
                    else:
                        halfwidth_quotes_only(toks)
                if p.noisy and self.noiser is None and rng.random() < rates.wrap_space:
                    start = 0 if rng.random() < 0.5 else rng.randrange(len(toks))
                    p.lines[li] = wrap_spaces(toks, rng, rng.randint(*rates.wrap_width), start)
        for p in self.pieces:  # duplicates print exactly what the original printed
            if p.copy_of is not None:
                p.lines = p.copy_of.lines

    def ocr(self, toks: list[Token]) -> list[Token]:
        """Replace the plain text of a block by the noiser's reading (alignment unknown)."""
        out: list[Token] = []
        run: list[Token] = []

        def flush() -> None:
            if run:
                noiser = self.noiser
                assert noiser is not None, "OCR runs of tokens are made only with a noiser"
                gold = tokens_gold(run)
                raw = " ".join(noiser(gold).split("\n")).strip() if gold.strip() else gold
                out.append([raw, gold, "ocr"])
                run.clear()
        for t in toks:
            if t[2] is None:
                run.append(t)
            else:
                flush()
                out.append(t)
        flush()
        return out

    # -- the official byline convention --------------------------------------------------------
    def bylines(self) -> None:
        """Relabel names the corpus text kept as body text as the official gold does (SCHEMA.md, sample
        001's closing ``(某某)``): a closing ``（names）`` paragraph, a byline line among the paragraphs
        and a ``（记者…）`` lead-in become ``byline`` (and the lead-in's ``dateline``); see `bylines`.

        It runs after every printed defect and draws no random number, so the dump is exactly what it
        was; only the gold and the log change: the printed text becomes one ``byline``/``dateline``
        token with its log entry. A paragraph the page printed twice, or cut across pieces where the
        names are, stays as it is.
        """
        model = NameModel.learn(self.vocab.names)
        copied = {id(p.copy_of) for p in self.pieces if p.copy_of is not None}
        for ai, a in enumerate(self.arts):
            if a["kind"] != "article" or not a["paragraphs"]:
                continue
            own = [p for p in self.pieces if p.art == ai and p.kind == "body" and p.copy_of is None]
            add: list[str] = []
            # a lead-in opening the first paragraph
            li = lead_in(a["paragraphs"][0], model, a["dateline"]) if not a["continued_from"] else None
            if li:
                dl, names, end = li
                for p in own:
                    if p.para == 0 and tokens_gold(p.lines[0]).startswith(a["paragraphs"][0][:end]):
                        if self._relabel(p, 0, end, "dateline", names, dl, copied):
                            a["dateline"] = dl
                            a["paragraphs"][0] = a["paragraphs"][0][end:]
                            add += names
                        break
            # byline lines among the paragraphs, a closing signature paragraph
            drop: list[int] = []
            last = len(a["paragraphs"]) - 1
            for k, text in enumerate(a["paragraphs"]):
                signed = byline_line_names(text, model) or (closing_names(text, model) if k == last and k else None)
                if not signed or len(drop) + 1 >= len(a["paragraphs"]):
                    continue
                ps = [p for p in own if p.para == k]
                if len(ps) == 1 and id(ps[0]) not in copied and tokens_gold(ps[0].lines[0]) == text \
                        and self._relabel(ps[0], 0, len(text), "byline", signed, None, copied):
                    ps[0].kind = "byline"
                    drop.append(k)
                    add += signed
            if drop:
                a["paragraphs"] = [t for i, t in enumerate(a["paragraphs"]) if i not in drop]
                for p in own:
                    if p.para is not None and p.kind == "body":
                        p.para -= sum(1 for i in drop if i < p.para)
            if add:
                a["byline"] = list(dict.fromkeys(a["byline"] + add))
                for p in own:  # a dateline entry lists the article's byline
                    for m in p.meta:
                        if m["type"] == "dateline":
                            m["byline"] = a["byline"]

    def _relabel(self, p: Piece, g0: int, g1: int, kind: str, names: list[str], dateline: str | None,
                 copied: set[int]) -> bool:
        """Turn the tokens printing gold[g0:g1] of `p`'s line into one `kind` token and log it."""
        toks = p.lines[0]
        span = _gold_span(toks, g0, g1)
        if span is None:
            return False
        i, j = span
        if kind == "dateline" and g0 == 0:
            while i > 0 and toks[i - 1][1] == "" and toks[i - 1][2] == "dateline":
                i -= 1  # the dateline printed before a byline parenthesis goes with it
        old_gold = tokens_gold(toks)
        inside = toks[i:j]
        raw = tokens_raw(inside)
        if all(t[2] in (None, "halfwidth", "wrap_space", "ocr", "dateline") for t in inside):
            tok: Token = [raw, "", kind]
            toks[i:j] = [tok]
        else:  # a character defect inside stays a logged edit, with its context inside the span
            tok = inside[0]
            for k, t in enumerate(inside):
                if t[2] in CHAR_TYPES:
                    raw_k, gold_k, pre, post = _with_context(inside, k)
                    p.meta.append({"type": t[2], "raw": raw_k, "gold": gold_k, "pre": len(pre), "post": len(post),
                                   "_first_tok": inside[pre[0]] if pre else t, "_edit": True})
            for t in inside:
                t[1], t[2] = "", kind
        if kind == "dateline":
            entry = next((m for m in p.meta if m["type"] == "dateline"), None)
            if entry is None:
                entry = {"type": "dateline", "gold": dateline, "offset": 0}
                p.meta.append(entry)
            entry.update({"raw": raw, "byline": list(names), "_first_tok": tok})
        else:
            p.meta.append({"type": "byline", "raw": raw, "gold": " ".join(names), "names": list(names),
                           "offset": 0, "_first_tok": tok})
        if id(p) in copied and old_gold in self.duplicates:
            self.duplicates[self.duplicates.index(old_gold)] = old_gold[:g0] + old_gold[g1:]
        return True

    # -- rendering -----------------------------------------------------------------------------
    def render(self) -> tuple[str, dict, list[dict]]:
        lines: list[str] = []
        start: dict[int, int] = {}
        for k, p in enumerate(self.pieces):
            if k == 0 and self.rng.random() < 0.3:
                lines.extend(["", ""])
            elif k:
                lines.extend([""] * p.gap)
            start[id(p)] = len(lines) + 1
            for toks in p.lines:
                lines.append(tokens_raw(toks))
        raw = "\n".join(lines) + "\n"
        order: list[int] = []
        for p in self.pieces:
            if p.art is not None and p.art not in order:
                order.append(p.art)
        remap = {old: new for new, old in enumerate(order)}
        defects: list[dict] = []
        edits: list[dict] = []
        noise: list[str] = []
        for p in self.pieces:
            ln = start[id(p)]
            if p.kind == "noise":
                noise.append(self.noise_text(p))
            for m in p.meta:
                defects.append(self.resolve(m, p, ln, start, remap))
                if m.get("_edit"):
                    edits.append({"raw": m["raw"], "gold": m["gold"], "why": CHAR_TYPES[m["type"]]})
            if p.copy_of is not None:
                continue
            for li, toks in enumerate(p.lines):
                self.token_defects(toks, ln + li, defects, edits, noise)
        defects.sort(key=lambda d: (d["line"], d.get("offset", 0)))
        gold = {
            "source": self.info.get("source"),
            "articles": [self.arts[i] for i in order],
            "noise": noise,
            "edits": edits,
            "duplicates": self.duplicates,
        }
        if self.noiser is not None:
            gold["ocr"] = True
        return raw, gold, defects

    def noise_text(self, p: Piece) -> str:
        toks = p.lines[0]
        if toks and toks[0][2] in ("garbage", "jump"):
            return toks[0][0]
        return tokens_gold(toks)

    def resolve(self, m: dict, p: Piece, ln: int, start: dict[int, int], remap: dict[int, int]) -> dict:
        """One log entry with its line numbers, offsets and printed text filled in from the final layout."""
        d = {k: v for k, v in m.items() if not k.startswith("_")}
        d["line"] = ln
        raw_line = tokens_raw(p.lines[0])
        if "_line2" in m:
            q = m["_line2"]
            d["line2"] = start[id(q)] + (len(q.lines) - 1 if q.kind == "table" else 0)
        if m.get("_join"):
            q = m["_line2"]
            d["article"] = remap.get(p.art) if p.art is not None else None
            toks, qtoks = p.lines[-1], q.lines[0]
            end, gend = _tok_offset(toks, m.get("_end_tok"), True)
            begin, gbegin = _tok_offset(qtoks, m.get("_start_tok"), False)
            d["raw"] = raw_line[max(0, end - 8):end]
            d["offset"] = end - len(d["raw"])
            d["end"], d["offset2"] = end, begin
            d["gold"] = tokens_gold(toks)[:gend][-8:] + tokens_gold(qtoks)[gbegin:][:8]
        if "_of" in m:
            d["of_line"] = start[id(m["_of"])]
        if m["type"] == "duplicate":
            d["raw"] = raw_line
            d["offset"] = 0
        if m["type"] == "partial_repeat":
            tok = m["_tok"]
            off = 0
            for t in p.lines[0]:
                if t is tok:
                    break
                off += len(t[0])
            d["raw"], d["gold"], d["offset"] = tok[0], "", off
        if m["type"] == "footer":
            d["raw"] = raw_line
        if m.get("_tail"):
            d["raw"] = raw_line[-8:]
            d["offset"] = len(raw_line) - len(d["raw"])
        if m.get("_credit_in_line"):
            off = raw_line.rfind(m["raw"])
            d["offset"] = off
        if m.get("_last_line"):
            d["line2"] = ln + len(p.lines) - 1
        if d["type"] in ("multi_title", "byline", "credit", "jump", "dateline", "garbage", "table", "footer"):
            d["raw"] = d["raw"] if d.get("raw") is not None else raw_line
        d.setdefault("offset", 0)
        if m["type"] in ("byline", "credit", "dateline", "jump", "multi_title") and not m.get("_credit_in_line"):
            d["offset"] = raw_line.find(d["raw"]) if d["raw"] in raw_line else 0
        if "_first_tok" in m:  # a byline or lead-in relabelled inside a printed line: its own offset
            d["offset"] = _tok_offset(p.lines[0], m["_first_tok"], True)[0]
        return d

    def token_defects(self, toks: list[Token], ln: int, defects: list[dict], edits: list[dict],
                      noise: list[str]) -> None:
        off = 0
        groups: dict[tuple[str, str, str], list[int]] = {}
        offs = []
        for t in toks:
            offs.append(off)
            off += len(t[0])
        for i, t in enumerate(toks):
            kind = t[2]
            if kind in ("halfwidth", "wrap_space"):
                groups.setdefault((kind, t[0], t[1]), []).append(offs[i])
            elif kind == "title_marker":
                defects.append({"type": "title_marker", "raw": t[0], "gold": "", "line": ln, "offset": offs[i]})
            elif kind == "partial_repeat":
                noise.append(t[0].strip())
            elif kind in CHAR_TYPES:
                raw, gold, pre, post = _with_context(toks, i)
                d = {"type": kind, "raw": raw, "gold": gold, "line": ln,
                     "offset": offs[pre[0]] if pre else offs[i], "pre": len(pre), "post": len(post)}
                defects.append(d)
                edits.append({"raw": raw, "gold": gold, "why": CHAR_TYPES[kind]})
        for (kind, raw, gold), os_ in groups.items():
            defects.append({"type": kind, "raw": raw, "gold": gold, "line": ln, "offset": os_[0],
                            "offsets": os_})


def _tok_offset(toks: list[Token], tok: Token | None, at_end: bool) -> tuple[int, int]:
    """Raw and gold offsets of `tok` in the line; without a token, the line's end or start."""
    if tok is None and not at_end:
        return 0, 0
    raw = gold = 0
    for t in toks:
        if t is tok:
            return raw, gold
        raw += len(t[0])
        gold += len(t[1])
    return raw, gold


def _gold_span(toks: list[Token], g0: int, g1: int) -> tuple[int, int] | None:
    """Token indices [i, j) printing exactly gold[g0:g1] of the line; an OCR token is split at the
    aligned position when a boundary falls inside it; None when another token straddles one."""
    for g in (g0, g1):
        pos = 0
        for k, t in enumerate(toks):
            if pos < g < pos + len(t[1]):
                if t[2] != "ocr":
                    return None
                from .ocr import char_map  # here: ocr imports the builder, which imports this module

                r = char_map(t[1], t[0])[g - pos]
                toks[k:k + 1] = [[t[0][:r], t[1][:g - pos], "ocr"], [t[0][r:], t[1][g - pos:], "ocr"]]
                break
            pos += len(t[1])
    i = j = None
    pos = 0
    for k, t in enumerate(toks):
        if i is None and pos == g0 and t[1]:
            i = k
        pos += len(t[1])
        if i is not None and pos == g1:
            j = k + 1
            break
    if i is None or j is None:
        return None
    return i, j


def _breakpoint(toks: list[Token], rng: random.Random, lo: int, hi: int) -> int | None:
    """A column break between lo and hi where typesetting allows a line to end."""
    for _ in range(12):
        if hi <= lo:
            return None
        k = rng.randint(lo, hi)
        if can_break(toks, k):
            return k
    return None


def halfwidth_quotes_only(toks: list[Token]) -> None:
    """Only the quotes change: printed as corner brackets."""
    for t in toks:
        if t[2] is None and t[0] in CORNER_QUOTES:
            t[0], t[2] = CORNER_QUOTES[t[0]], "halfwidth"


def _with_context(toks: list[Token], i: int) -> tuple[str, str, list[int], list[int]]:
    """Printed and clean text of character defect `toks[i]` with up to two plain neighbours each side."""
    pre, post = _context(toks, i, -1), _context(toks, i, +1)
    raw = "".join(toks[j][0] for j in pre) + toks[i][0] + "".join(toks[j][0] for j in post)
    gold = "".join(toks[j][1] for j in pre) + toks[i][1] + "".join(toks[j][1] for j in post)
    return raw, gold, pre, post


def _context(toks: list[Token], i: int, step: int, n: int = 2) -> list[int]:
    out: list[int] = []
    j = i + step
    while 0 <= j < len(toks) and len(out) < n and toks[j][2] is None and toks[j][0]:
        out.append(j)
        j += step
    return sorted(out)


def _truncate(a: dict, rng: random.Random) -> bool:
    """Cut the article mid-sentence somewhere in its text (the rest is on another page)."""
    paras = a["paragraphs"]
    keep = rng.randint(1, len(paras))
    last = paras[keep - 1]
    if len(last) < 30:
        return False
    lo, hi = int(len(last) * 0.3), int(len(last) * 0.85)
    for _ in range(20):
        k = rng.randint(lo, hi)
        cut = last[:k]
        if is_han(cut[-1]) and is_han(last[k]):
            a["paragraphs"] = paras[:keep - 1] + [cut]
            a["truncated"] = True
            return True
    return False


def make_table(rng: random.Random, vocab: Vocab, names: list[str]) -> dict:
    """A small table (title and gold rows) whose first unit column has multi-line cells."""
    heads = rng.sample(vocab.headers, min(len(vocab.headers), rng.randint(3, 5)))
    kinds = {}
    for h in heads:
        if h in ("姓名", "负责人"):
            kinds[h] = "name"
        elif h in ("数量", "金额", "成绩", "名次"):
            kinds[h] = "num"
        elif h in ("日期", "时间"):
            kinds[h] = "date"
        elif h == "电话":
            kinds[h] = "phone"
        else:
            kinds[h] = "org"
    multi = next((h for h in heads if kinds[h] == "org"), None)
    title = rng.choice(vocab.orgs) + rng.choice(vocab.table_suffixes or ["表"])

    def cell(h: str) -> str:
        k = kinds[h]
        if k == "name":
            return rng.choice(names)
        if k == "num":
            return str(rng.randint(1, 999)) if rng.random() < 0.7 else f"{rng.randint(1, 99)}.{rng.randint(0, 9)}"
        if k == "date":
            return f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
        if k == "phone":
            return f"010-6{rng.randint(0, 9999999):07d}"
        return rng.choice(vocab.orgs)

    gold = [list(heads)]
    for _ in range(rng.randint(3, 7)):
        row = [cell(h) for h in heads]
        if multi and rng.random() < 0.5:
            k = heads.index(multi)
            row[k] = "\n".join([row[k]] + [cell(multi) for _ in range(rng.randint(1, 2))])
        gold.append(row)
    return {"title": title, "gold": gold}


_PHONE = re.compile(r"^\d{3,4}-\d{7,8}$")


def table_lines(rows: list[list[str]], rng: random.Random) -> list[list[Token]]:
    """Printed lines of a table: tab-separated cells; a multi-line cell continues on rows whose
    other cells are empty; two-character cells are sometimes letter-spaced; a phone may catch a stray dash."""
    def spaced(text: str) -> list[Token]:
        if len(text) == 2 and all(is_han(c) for c in text) and rng.random() < 0.3:
            return [[text[0], text[0], None], [" ", "", "wrap_space"], [text[1], text[1], None]]
        toks = plain_tokens(text)
        if _PHONE.match(text) and rng.random() < 0.15:
            toks.insert(0, ["- ", "", "stray"])
        return toks

    out: list[list[Token]] = []
    for row in rows:
        parts = [c.split("\n") for c in row]
        for k in range(max(len(p) for p in parts)):
            line: list[Token] = []
            for i, p in enumerate(parts):
                if i:
                    line.append(["\t", "\t", "tab"])
                if k < len(p):
                    line.extend(spaced(p[k]) if k == 0 else plain_tokens(p[k]))
            out.append(line)
    return out


def compose_page(articles: list[dict], rng: random.Random, rates: DefectRates,
                 noiser: Callable[[str], str] | None = None, *, confusion: Confusion | None = None,
                 vocab: Vocab | None = None, info: dict[str, Any] | None = None) -> tuple[str, dict, list[dict]]:
    """Compose clean gold-form articles into (raw dump, gold dict, defect log).

    `articles` are dicts with the gold fields of SCHEMA.md (clean text). `noiser`, when
    given, replaces synthetic character noise on body text and captions (the gold then
    carries "ocr": true and no character edits are logged for that text). `confusion`
    is the glyph model (no glyph defects without it); `vocab` supplies names, section
    labels, kickers and table words; `info` may give "source", "date" (YYYYMMDD) and "page".
    """
    page = _Page(articles, rng, rates, noiser, confusion, vocab or Vocab(), dict(info or {}))
    page.decide()
    page.layout()
    page.flow()
    page.chars()
    page.bylines()
    return page.render()


__all__ = ["compose_page", "make_table", "table_lines", "DefectRates", "Confusion"]
