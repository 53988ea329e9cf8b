"""seg59: segment asks two interpreted pattern functions of `layoutfix.patterns` only of the blocks that can pass
their own first tests, read off in compiled code. Each pre-test must be a necessary condition: whatever the full
call would find, the pre-test lets through, so segmentation is the same with or without it.

- `shapes.may_open_dated` before `patterns.DATELINE.match` (`shapes.opens_dated`);
- `shapes.may_be_misread_dateline` before `patterns.misread_dateline` (`items.segment`).
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from layoutfix import patterns
from layoutfix.stages.segment import shapes

# Dateline forms of every kind `patterns.DATELINE` reads (invented outlets and names), each let through by a
# different one of `may_open_dated`'s tests: the first character, 社 early, 消息 early, 讯 early.
DATELINES = (
    "本报讯（记者 某甲）某地某事…",  # an agency's first character
    "新华社北京1月2日电 某事…",
    "据新华社某地3月5日电 某事…",
    "【某某报讯】某事…",  # a lenticular bracket
    "（某某社记者某甲某地5日电）某事…",  # a round bracket
    "法某社巴黎1月2日电 某事…",  # another agency: 社 among the first seven characters
    "某某网消息：某事…",  # an outlet's news: 消息 among the first twelve
    "某某某某某某网消息：某事…",  # (消息 at index 7)
    "据某某某某某某综合消息：某事…",  # (消息 at index 9, near the window's right edge: review rseg59)
    "某某晚报讯（记者 某甲）某事…",  # an outlet's 讯 among the first ten
    "某某体育讯北京时间3月5日，某事…",
)
BODY = ("某甲说，今年的工作做得很好。", "会议强调，要把工作做实。", "", "某", "某甲（某乙）")

_ALPHABET = "某甲乙本报新华社中人据讯电消息网综合【】（）()1月2日 ，。：记者北京时间巴黎"
_TEXT = st.text(alphabet=_ALPHABET, max_size=40)
_WITH_DATELINE = st.builds(lambda pre, form, post: pre + form + post,
                           st.text(alphabet=_ALPHABET, max_size=3), st.sampled_from(DATELINES), _TEXT)


def test_every_dateline_form_is_let_through_and_read() -> None:
    for text in DATELINES:
        assert patterns.DATELINE.match(text) is not None, text  # (the forms are datelines: the examples bite)
        assert shapes.may_open_dated(text), text
        assert shapes.opens_dated(text), text


def test_body_text_is_turned_away_before_the_pattern() -> None:
    for text in BODY:
        assert not shapes.may_open_dated(text), text
        assert not shapes.opens_dated(text) and patterns.DATELINE.match(text) is None, text


@settings(max_examples=400, deadline=None)
@given(st.one_of(_TEXT, _WITH_DATELINE))
def test_the_pre_test_lets_through_every_text_the_pattern_reads(text: str) -> None:
    found = patterns.DATELINE.match(text) is not None
    if found:
        assert shapes.may_open_dated(text)
    assert shapes.opens_dated(text) == found


def _misread(text: str, pos: int) -> str | None:
    """`text` with its character at `pos` put as a look-alike `patterns.misread_dateline` mends back, if any."""
    for seen, meant in patterns._lookalikes().items():
        if text[pos] in {m for _sim, m in meant} and seen != text[pos]:
            return text[:pos] + seen + text[pos + 1:]
    return None


def test_misread_datelines_are_let_through() -> None:
    checked = 0
    for form in ("本报讯（记者 某甲）某事…", "新华社北京1月2日电 某事…", "据新华社某地3月5日电 某事…"):
        for pos in range(3):
            text = _misread(form, pos)
            if text is None or patterns.misread_dateline(text) is None:
                continue
            checked += 1
            assert shapes.may_be_misread_dateline(text), text
    assert checked >= 3  # (the look-alike table mends these forms: the test reads real mends)


def test_segment_reads_a_misread_dateline_opening_a_body_block() -> None:
    """The call site (`items.segment`) asks the pre-test of the block's own text: an outlet's dateline with a digit
    of its date misread, or with 报 misread as a look-alike (then only the first character is a dateline
    character), opening the block after the headline, is still read as the item's dateline (review rseg59)."""
    from layoutfix import clean

    form = "本报某地1月2日电 某某公司今天宣布了一项新的计划，某甲说这项计划很好。"
    misread = [form.replace("1月", "l月")] + [t for t in (_misread(form, 1),) if t is not None]
    assert len(misread) == 2  # (the look-alike table mends 报: the second text reads a real mend)
    for text in misread:
        assert patterns.misread_dateline(text) is not None and patterns.DATELINE.match(text) is None, text
        page = clean(("## 某某公司宣布新计划\n\n" + text + "\n").encode("utf-8"))
        assert [i.dateline for i in page.items if i.dateline] == ["本报某地1月2日电"], text


@settings(max_examples=400, deadline=None)
@given(st.one_of(_TEXT, _WITH_DATELINE))
def test_a_text_the_pre_test_turns_away_has_no_misread_dateline(text: str) -> None:
    if not shapes.may_be_misread_dateline(text):
        assert patterns.misread_dateline(text) is None


# seg59, second step: three shape tests that copied or scanned a whole text answer from less of it.

_MIXED = st.text(alphabet="某甲乙丙，。 　abI1l0-/|·_~:：9", max_size=45)


@settings(max_examples=400, deadline=None)
@given(_MIXED)
def test_latin_debris_is_its_plain_reading(text: str) -> None:
    from layoutfix.stages.segment import words

    plain = len(text) <= 30 and not shapes.han_only(text) and words.latin_scraps(text.split())
    assert words.latin_debris(text) == plain


def test_latin_debris_examples() -> None:
    from layoutfix.stages.segment import words

    assert words.latin_debris("I1 1 -") and words.latin_debris("/ 1")
    assert not words.latin_debris("某 1 -") and not words.latin_debris("I1 1 某")  # (one Han character anywhere: no)


_CLOCK = st.text(alphabet="周六上午某馆 　09125:：-", max_size=40)


@settings(max_examples=400, deadline=None)
@given(_CLOCK)
def test_a_listing_entry_is_its_plain_reading(text: str) -> None:
    from layoutfix.stages.segment import roles

    t = text.strip()
    assert roles._listing_entry(text) == (" " in t and roles.CLOCK_TIME.search(t) is not None)


def test_listing_entry_examples() -> None:
    from layoutfix.stages.segment import roles

    assert roles._listing_entry("周六上午9:00 某馆 某活动") and roles._listing_entry("周六上午9：00 某馆 某活动")
    assert not roles._listing_entry("周六上午9:00某馆某活动") and not roles._listing_entry("周六上午九点 某馆")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="某甲乙丙，。 a1", max_size=60), st.integers(min_value=0, max_value=25))
def test_a_han_prefix_is_the_prefix_of_the_han_characters(text: str, n: int) -> None:
    from layoutfix.stages.segment import roles

    assert roles.han_prefix(text, n) == shapes.han_only(text)[:n]


def test_han_prefix_examples_read_both_ways() -> None:
    from layoutfix.stages.segment import roles

    han = "某甲乙丙" * 5
    assert roles.han_prefix(han, 6) == han[:6]  # (the prefix holds enough)
    sparse = "，，，，，，，，，，，，，，，" + han  # (the prefix holds too few: the whole text is read)
    assert roles.han_prefix(sparse, 6) == han[:6]
    assert roles.han_prefix("a" * 30 + "某甲", 5) == "某甲"


def test_a_title_s_opening_is_the_first_han_characters_of_a_long_body() -> None:
    """`_opening` reads the first `TOPIC_CHARS` Han characters of the body under a title, however long the body
    (review rseg59: a body past 800 characters, where `han_prefix` reads only a prefix)."""
    from layoutfix.model import TEXT, TITLE, Block
    from layoutfix.stages.segment import roles
    from layoutfix.stages.segment.titles import TOPIC_CHARS

    body = ["，".join("某甲乙丙丁戊己庚"[k % 8] * 3 for k in range(j, j + n)) + "。" for j, n in ((0, 300), (1, 20))]
    blocks = [Block(0, "某某标题", 1, TITLE)] + [Block(k + 1, t, k + 2) for k, t in enumerate(body)]
    roles_ = [TITLE] + [TEXT] * len(body)
    assert len(body[0]) > 2 * TOPIC_CHARS  # (past the prefix `han_prefix` reads first)
    assert roles._opening(blocks, roles_, 0) == shapes.han_only("".join(body))[:TOPIC_CHARS]


# seg59, third step: a passage's dictionary pairs looked up one by one, not intersected as a set of every pair.

@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="今年以来农业基础建设不断加强民增收某甲，。 a1", max_size=80))
def test_a_passage_s_word_pairs_are_its_pairs_in_the_dictionary(text: str) -> None:
    from layoutfix.lm import load_lm
    from layoutfix.stages.segment import words

    lm = words.PageLM(load_lm(None))
    han = shapes.han_only(text)
    pairs = {han[i:i + 2] for i in range(len(han) - 1)}
    grams, found = words._passage_grams(text, lm)
    assert found == pairs & lm.logp.keys()
    assert found == words._word_pairs(text, lm)


def test_a_passage_s_word_pairs_example() -> None:
    from layoutfix.lm import load_lm
    from layoutfix.stages.segment import words

    _grams, found = words._passage_grams("今年以来，农业基础建设不断加强。", words.PageLM(load_lm(None)))
    assert {"农业", "基础", "建设", "不断", "加强", "今年"} <= found and "业基" not in found
