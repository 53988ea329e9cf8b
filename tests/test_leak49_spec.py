"""leak49: gold noise printed inside an output article (issue 5's `noise leaked`).

Two of segment's paths let page noise into a paragraph:

- a line of letters, digits and marks strewn apart with no Han character ('I1 1 -', OCR debris read off a photo or a
  rule) was text: `is_garbage` wanted a Han character, and `part_role`'s `never_title` called the line text. Such a
  line is debris (`words.latin_debris`); a section break ('* * *'), marks alone, stays text, and a label of one piece
  ('A、B') is no debris;
- the figure rejoin (`figures.rejoin_cut_figures`) glued a debris line that ends on a digit ('某则 1 I1') to the text
  under it when that opens with digits, and a paragraph piece that stops on a figure to the page's date line under
  it ('…和500' over '1998年1月3日 星期六'): a paragraph goes on from no debris and into no page furniture
  (`figures.no_paragraph`). A figure really cut at a column break is still put back together.

Invented pages and lines only.
"""
from __future__ import annotations

import layoutfix
from layoutfix.lm import load_lm
from layoutfix.model import Block, TEXT
from layoutfix.stages.segment import figures, words
from layoutfix.stages.segment.figures import rejoin_cut_figures
from layoutfix.stages.segment.words import PageLM, is_garbage

_TITLE = "## 某县新建一座图书馆"
_LEAD = "本报讯 某县新建的图书馆昨天开馆，馆里藏书十万册，每天开放十二个小时，来借书的读者排起了长队。"
_MORE = "馆长说，今后还要增加电子阅览室，让乡下的孩子也能读到更多的新书，图书馆还将开通流动借书车。"


def _texts(page: layoutfix.model.Page) -> list[str]:  # type: ignore[name-defined]
    """Every paragraph, title and caption of the page's items, spaces out."""
    d = page.to_dict()
    out: list[str] = []
    for a in d["articles"]:
        out += [str(a.get(k) or "") for k in ("headline", "kicker", "subheadline")]
        out += list(a.get("paragraphs") or [])
        out += [str(c) for c in a.get("captions") or []]
    return ["".join(t.split()) for t in out]


def _noise(page: layoutfix.model.Page) -> list[str]:  # type: ignore[name-defined]
    return ["".join(n.split()) for n in page.to_dict()["noise"]]


def test_a_han_less_line_of_strewn_letters_digits_and_marks_is_debris() -> None:
    lm = PageLM(load_lm(None))
    for line in ("I1 1 -", "ll /", "1 I1", "- 3 -"):
        assert words.latin_debris(line) and is_garbage(line, lm), line
    for line in ("* * *", "A、B", "（A、B）", "NBA", "CBA 2008", "I1 1 - 某", "某 1"):
        assert not words.latin_debris(line), line
    assert not is_garbage("* * *", lm)


def test_a_han_less_debris_line_between_a_title_and_its_text_goes_to_the_noise() -> None:
    page = layoutfix.clean("\n\n".join((_TITLE, "I1 1 -", _LEAD, _MORE)) + "\n")
    assert "I11-" in _noise(page)
    assert not any("I11" in t for t in _texts(page)), _texts(page)


def test_a_section_break_of_marks_alone_stays_a_paragraph() -> None:
    page = layoutfix.clean("\n\n".join((_TITLE, _LEAD, "* * *", _MORE)) + "\n")
    assert "***" in _texts(page) and not _noise(page)


def _blocks(*texts: str) -> list[Block]:
    return [Block(id=k, text=t, line=2 * k + 1, role=TEXT, origin=((0, 2 * k + 1),)) for k, t in enumerate(texts)]


_DEBRIS, _YEAR = "丙则 1 I1", "1998年，某县要把农田水利建设摆在更加突出的位置，全面落实各项任务。"
_PIECE, _DATE = "某市今年发行的纪念币面值有5、10、50和500", "1998年1月3日 星期六"


def test_the_figure_rejoin_glues_no_debris_line_to_the_text_under_it() -> None:
    lm = PageLM(load_lm(None))
    assert is_garbage(_DEBRIS, lm)
    edits: list = []
    out = rejoin_cut_figures(_blocks(_DEBRIS, _YEAR), lm, edits)
    assert [b.text for b in out] == [_DEBRIS, _YEAR] and not edits


def test_the_figure_rejoin_glues_no_paragraph_piece_to_the_page_s_date_line() -> None:
    lm = PageLM(load_lm(None))
    edits: list = []
    out = rejoin_cut_figures(_blocks(_PIECE, _DATE), lm, edits)
    assert [b.text for b in out] == [_PIECE, _DATE] and not edits


def test_no_paragraph_names_a_debris_piece_and_a_furniture_line_under_a_piece() -> None:
    lm = PageLM(load_lm(None))
    assert figures.no_paragraph(_DEBRIS, _YEAR, lm) and figures.no_paragraph(_PIECE, _DATE, lm)
    assert not figures.no_paragraph("某县的农民去年人均纯收入达到了12", "00元，比上年增长百分之十五。", lm)


def test_a_figure_cut_at_a_column_break_is_still_put_back_together() -> None:
    lm = PageLM(load_lm(None))
    piece, rest = "某县的农民去年人均纯收入达到了12", "00元，比上年增长百分之十五。"
    edits: list = []
    out = rejoin_cut_figures(_blocks(piece, rest), lm, edits)
    assert [b.text for b in out] == [piece + rest] and len(edits) == 1


def test_the_pages_debris_and_date_line_stay_out_of_the_paragraphs() -> None:
    """On a page: a debris line ending on a digit over a paragraph opening with a year, and a paragraph piece
    stopping on a figure over the page's date line. Both lines end in the noise, no paragraph holds them."""
    text = "\n\n".join((_TITLE, _LEAD, _DEBRIS, _YEAR, _PIECE, _DATE, _MORE)) + "\n"
    page = layoutfix.clean(text)
    texts = "".join(_texts(page))
    assert "丙则1I1" not in texts and "1998年1月3日星期六" not in texts, _texts(page)
    assert "1998年1月3日星期六" in _noise(page)


# dedup (`garbled._garbled_prefix`, `SET_OFF_SWAP`): a garbled copy of the last clause of the paragraph before that
# the misreading turned into a dictionary word ('日夜' read '凸窗') was kept as a parallel sentence
_BEFORE = "某县的许多工厂、商店和饭馆，一年到头都是日夜不停的。"
_COPY = "都是凸窗不停的。"
_AFTER = "县里的干部说，这种干劲让人感动，也让县里的经济一年比一年好。"
_SWAP_PAGE = "## 某县工厂忙生产\n\n{before}\n\n{head}{after}\n"


def test_a_garbled_copy_of_the_last_clause_set_off_by_a_space_goes_to_the_noise_though_it_swaps_a_word() -> None:
    page = layoutfix.clean(_SWAP_PAGE.format(before=_BEFORE, head=_COPY + " ", after=_AFTER))
    assert _COPY in _noise(page)
    assert _AFTER in _texts(page) and not any(t.startswith(_COPY) for t in _texts(page)), _texts(page)
    edit = next(e for e in page.edits if e.stage == "dedup" and e.kind == "to_noise")
    assert edit.context == _COPY and "garbled repeat of the end of line 3" in edit.reason


def test_the_finder_takes_such_a_copy_only_when_it_is_set_off_and_one_clause() -> None:
    from layoutfix.stages.dedup.garbled import garbled_prefix
    lm = load_lm(None)
    assert garbled_prefix(_BEFORE, _COPY + " " + _AFTER, lm)[0] == len(_COPY)
    assert garbled_prefix(_BEFORE, _COPY + _AFTER, lm) == (0, 0.0)  # no space: a parallel sentence may say so
    # only a copy of one clause may swap a word: one holding a clause mark is a sentence with a lead-in
    from layoutfix.stages.dedup import garbled
    assert garbled._one_clause(_COPY) and garbled._one_clause("都是凸窗不停的.")
    assert not garbled._one_clause("首先，加重了司机的负担。") and not garbled._one_clause("首先,加重了司机的负担。")


def test_a_parallel_sentence_with_no_space_after_it_stays_text() -> None:
    page = layoutfix.clean(_SWAP_PAGE.format(before=_BEFORE, head=_COPY, after=_AFTER))
    assert not _noise(page)
    assert _COPY + _AFTER in _texts(page)
