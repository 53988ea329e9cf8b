"""segment's shortcuts: tests that skip a pattern call or a segmentation must give the answer the full test gives.

Some shortcuts rest on the shape of a pattern of `layoutfix.patterns` (another module): these tests pin that shape,
so a change there that would make a shortcut wrong fails here instead of silently changing segmentation.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from layoutfix import patterns
from layoutfix.lm import load_lm
from layoutfix.model import Block
from layoutfix.stages import segment as seg
from layoutfix.stages.segment import shapes
from layoutfix.stages.normalize import TITLE_LIKE_MAX, is_title_like


def test_both_closing_byline_patterns_open_with_a_bracket() -> None:
    # part_role asks END_BYLINE and GLUED_END_BYLINE only of a line that opens with a character of BY_OPEN
    for pat in (patterns.END_BYLINE, patterns.GLUED_END_BYLINE):
        assert pat.pattern.startswith(f"^[{patterns.BY_OPEN}]")


def test_a_role_word_alone_is_a_bullet_spaces_and_one_role_word() -> None:
    # part_role asks ROLE_ONLY only of a line of at most ROLE_ONLY_MAX characters or one with a space in it
    assert patterns.ROLE_ONLY.pattern == f"[{patterns.BULLETS}]?[ \\u3000]*(?:{'|'.join(patterns.ROLE_WORDS)})"
    assert seg.ROLE_ONLY_MAX == 1 + max(len(w) for w in patterns.ROLE_WORDS)
    longest = max(patterns.ROLE_WORDS, key=len)
    assert seg.part_role(Block(0, "●" + longest, 1), load_lm(None)) == "lead"
    assert seg.part_role(Block(0, "●  " + longest, 1), load_lm(None)) == "lead"


_TEXT = st.text(alphabet="某甲乙丙（）()●本报记者讯电新华社1月2日 ，。：；、！？—0", max_size=60)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_never_title_is_the_or_of_its_tests_in_any_order(t: str) -> None:
    full = t[:1] in patterns.BULLETS or bool(seg.BRACKETED.fullmatch(t)) or bool(patterns.ENUMERATED.match(t)) \
        or t.startswith("———") or not seg.HAN.search(t) or t[-1:] in seg.CLAUSE_OPEN \
        or len(seg.NUMERIC.findall(t)) >= seg.NUMERIC_SHARE * len(t) or t.count("、") >= shapes.LIST_MARKS \
        or (t[-1:] == "日" and patterns.ISSUED_DATE.fullmatch(t) is not None)
    assert seg.never_title(t) is full


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_title_like_asks_the_dateline_pattern_last_with_the_same_answer(text: str) -> None:
    t = text.strip()
    full = bool(t) and not patterns.DATELINE.match(t) and not (t[-1] in "。.；;" or (t[-1] in "：:" and len(t) > 12)) \
        and len(t) <= TITLE_LIKE_MAX and not any(c in "，。；！？,;!?" for c in t[:-1])
    assert is_title_like(text) is full


def _full_settle(d: seg.Draft, lm) -> tuple:  # type: ignore[no-untyped-def]
    """settle_title's answer with the opening of the body always segmented (no shortcut)."""
    body = seg.content_words("".join(d.paragraphs[:3])[:seg.TOPIC_CHARS], lm)

    def related(text: str) -> float:
        words = seg.content_words(text, lm)
        return len(words & body) / len(words) if words and body else 1.0

    tp = seg.title_parts(d.title_lines, related)
    return tp.kicker, tp.headline, tp.subheadline


def test_settling_a_title_skips_segmenting_the_body_only_when_the_answer_is_the_same() -> None:
    lm = seg.PageLM(load_lm(None))
    lines = ["加强农田水利建设 促进农户稳步增收", "改革开放成果丰硕 群众生活持续改善", "某甲 某乙"]
    bodies = [["今年以来，农田水利建设不断加强，农户收入稳步增长。"],  # shares words with the first part
              ["天气晴朗，气温回升，市民纷纷外出踏青。"],  # shares none: the shortcut answers 0
              ["，，。。"], ["1998"]]  # no words at all: 1.0 either way
    for line in lines:
        for paras in bodies:
            d = seg.Draft(title_lines=[line], paragraphs=list(paras))
            want = _full_settle(d, lm)
            seg.settle_title(d, lm)
            assert (d.kicker, d.headline, d.subheadline) == want


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="某甲乙丙丁（）()。 ，\n", max_size=40))
def test_the_trailing_bracket_tests_scan_only_lines_ending_in_a_bracket(text: str) -> None:
    def stops_full(t: str) -> bool:
        t = t.rstrip()
        while True:
            m = seg.TRAILING_BRACKET.search(t)
            if not m or m.start() == 0:
                break
            t = t[:m.start()].rstrip()
        return seg.ends_open(t)

    def finished_full(t: str) -> bool:
        t = t.rstrip()
        if not seg.TRAILING_BRACKET.search(t):
            return False
        while True:
            m = seg.TRAILING_BRACKET.search(t)
            if not m or m.start() == 0:
                break
            t = t[:m.start()].rstrip()
        return t[-1:] in ("。", "！", "？", "…")

    assert seg.stops_mid_sentence(text) == stops_full(text)
    assert seg.finished_sentence(text) == finished_full(text)


def test_passage_trigrams_are_the_string_trigrams_one_to_one() -> None:
    lm = seg.PageLM(load_lm(None))
    for a, b in [("今年以来，农业基础建设不断加强。", "农业基础建设不断加强，农民增收。"), ("某甲乙", "丙丁"), ("", "某")]:
        (ga, wa), (gb, wb) = seg._passage_grams(a, lm), seg._passage_grams(b, lm)
        sa, sb = seg._trigrams(a), seg._trigrams(b)
        assert (len(ga), len(gb), len(ga & gb)) == (len(sa), len(sb), len(sa & sb))
        assert {p + q[-1] for p, q in ga} == sa and (wa, wb) == (seg._word_pairs(a, lm), seg._word_pairs(b, lm))


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_the_kept_dateline_answer_is_the_pattern_s(text: str) -> None:
    assert seg.opens_dated(text) == (patterns.DATELINE.match(text) is not None)
    assert seg.opens_dated(text) == (patterns.DATELINE.match(text) is not None)  # (asked again: kept)


def _spaced_name_by_regex(by: str, run: str) -> bool:
    """`patterns._spaced_name` as first written: one regex per run."""
    import regex
    from layoutfix.textutil import HAN_CLASS
    return len(run) <= patterns.SPACED_NAME_MAX and regex.search(
        rf"(?:{'|'.join(patterns.ROLE_WORDS)})[ \u3000]+{regex.escape(run)}(?![{HAN_CLASS}])", by) is not None


_BYLINE = st.text(alphabet="本报记者通讯员实习生摄影某甲乙丙 \u3000、，a", max_size=40)


@settings(max_examples=2000, deadline=None)
@given(_BYLINE, st.text(alphabet="某甲乙丙记者a", min_size=1, max_size=8))
def test_spaced_name_answers_as_the_regex_it_replaced(by: str, run: str) -> None:
    assert patterns._spaced_name(by, run) == _spaced_name_by_regex(by, run)


def test_spaced_name_on_invented_bylines() -> None:
    assert patterns._spaced_name("本报记者 某甲乙丙丁", "某甲乙丙丁")
    assert patterns._spaced_name("本报记者\u3000 某甲乙丙丁", "某甲乙丙丁")
    assert not patterns._spaced_name("本报记者某甲乙丙丁", "某甲乙丙丁")  # glued to the role word: names glued
    assert not patterns._spaced_name("本报记者 某甲乙丙丁戊", "某甲乙丙丁")  # the run goes on
    assert not patterns._spaced_name("某单位 某甲乙丙丁", "某甲乙丙丁")  # no role word before the space
    assert patterns._spaced_name("某甲乙丙丁 本报记者 某甲乙丙丁", "某甲乙丙丁")  # its second place counts
    assert not patterns._spaced_name("本报记者 某甲乙丙丁戊庚", "某甲乙丙丁戊庚")  # longer than SPACED_NAME_MAX


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="某甲\t \r\n\x0c\x0b\u2028\u0085", max_size=30))
def test_raw_lines_fast_path_is_the_line_break_rule(raw: str) -> None:
    from layoutfix.stages.read import _DUMP_BREAK, raw_lines
    assert raw_lines(raw) == _DUMP_BREAK.split(raw)  # (a dump's rule: CRLF, LF-CR, CR, LF)


def test_raw_lines_cut_at_lf_cr_and_crlf_only() -> None:
    from layoutfix.stages.read import raw_lines
    assert raw_lines("某甲\n\n某乙\x0c某丙\n") == ["某甲", "", "某乙\x0c某丙", ""]
    assert raw_lines("某甲\r\n某乙\r某丙\n某丁") == ["某甲", "某乙", "某丙", "某丁"]


def _fuzzy_as_first_written(text: str):  # type: ignore[no-untyped-def]
    """`patterns.fuzzy_dateline_of` as first written: the first two characters asked by a generator, then the
    dateline pattern, then every look-alike of the first 20 characters."""
    head = text[:2]
    if len(head) < 2 or not any(c in patterns._DATELINE_CHARS for c in head):
        return None
    if patterns.dateline_of(text) is not None:
        return None
    looks = patterns._lookalikes()
    for pos in range(min(len(text), 20)):
        for _sim, meant in looks.get(text[pos], ()):
            if meant.isdigit() and text[pos + 1:pos + 2] not in patterns._DATE_NEXT:
                continue
            got = patterns.dateline_of(text[:pos] + meant + text[pos + 1:])
            if got is None or pos >= len(got[0]):
                continue
            dl, names, end = got
            if patterns._DATE_RE.search(dl) or names:
                return dl, names, end, (pos, text[pos], meant)
    return None


# the dateline's characters, look-alikes OCR prints for them ('木' for 本, '振' for 报, '汛' for 讯, '杜' for 社,
# ']' and 'i' for 1) and others
_DATED = st.text(alphabet="据本报新华社讯电木振汛杜北京某地1月8日]i（记者王建国）今天上午，。 ", max_size=30)


@settings(max_examples=400, deadline=None)
@given(_DATED)
def test_a_misread_dateline_is_asked_without_the_pattern_segment_already_ran(text: str) -> None:
    # segment asks dateline_of of every body block, then misread_dateline only where it found none
    want = _fuzzy_as_first_written(text)
    assert patterns.fuzzy_dateline_of(text) == want
    if patterns.dateline_of(text) is None:
        assert patterns.misread_dateline(text) == want


def test_misread_datelines_are_found_as_before() -> None:
    for text in ("本报汛（记者 王建国）1月8日，某地", "新华杜北京1月5日电（记者 王五）今天", "据新华社某地]月8日电今天",
                 "木报某地1月8日电今天", "本振某地1月8日电今天",
                 "某地新华社1月8日电", "本报讯今天", "报本今天"):
        assert patterns.fuzzy_dateline_of(text) == _fuzzy_as_first_written(text)
    assert patterns.misread_dateline("新华杜北京1月5日电（记者 王五）今天")[0] == "新华社北京1月5日电"
    assert patterns.misread_dateline("本市今年用电量增长很快。") is None
