"""Specification of session 55's lead speed changes (same answers): how `patterns.misread_byline` reads a line,
and how dedup's garbled-copy search marks Han characters (`doublings._echoes`).

`misread_byline` puts right a byline's role word OCR misread at one character ('本狠记者某甲' -> '本报记者某甲'). It asks
for the names the line holds as printed only when some mend is a byline: most short lines with a look-alike of a role
word's character never get that far (about 1,350 lines on 40 tuning pages, none mended), and `names_in` is its cost.
The answer is the one it gave when it read those names first, on any line.
"""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from layoutfix import patterns
from layoutfix.stages.dedup import doublings
from layoutfix.textutil import is_han
from layoutfix.patterns import GLUED_BYLINE_MAX, _byline_lookalikes, _mends_role_word, is_byline, names_in


def _names_first(text: str) -> tuple[int, str, str] | None:
    """`misread_byline` as it was before session 55: the printed line's names read before any mend is tried."""
    t = text.strip()
    if not t or len(t) > GLUED_BYLINE_MAX:
        return None
    looks = _byline_lookalikes()
    places = [pos for pos in range(min(len(t), patterns.ROLE_WITHIN)) if t[pos] in looks]
    if not places:
        return None
    printed = names_in(t) if is_byline(t) else None
    lead = len(text) - len(text.lstrip())
    for pos in places:
        for meant in looks[t[pos]]:
            mended = t[:pos] + meant + t[pos + 1:]
            if _mends_role_word(mended, t, pos) and is_byline(mended) and names_in(mended) != printed:
                return lead + pos, t[pos], meant
    return None


def _alphabet() -> str:
    """Role words' characters, their look-alikes, name characters, separators and marks."""
    looks = _byline_lookalikes()
    roles = "".join(sorted({c for w in patterns.ROLE_WORDS for c in w}))
    return roles + "".join(sorted(looks))[:60] + "某甲乙丙林一周二张三李四王五 ●□、，。（）"


@settings(max_examples=600, deadline=None, derandomize=True)
@given(st.text(alphabet=_alphabet(), max_size=20))
@example("本狠记者某甲")
@example("本报记着某甲")
@example(" 本狠记者某甲 通讯员林一")
@example("本报记者某甲")
@example("本报实习土\u3000林一、周二")  # a byline as printed whose mend names the same people: left as it is
@example("本报通讯奠 某甲、周二")
@example("新华社论者 李四 张三")  # not a byline as printed: no printed names to compare (review rlead55)
def test_misread_byline_answers_as_when_it_read_the_printed_names_first(text: str) -> None:
    assert patterns.misread_byline(text) == _names_first(text)


def test_a_misread_role_word_is_put_right() -> None:
    assert patterns.misread_byline("本狠记者某甲") == (1, "狠", "报")
    assert patterns.misread_byline("本报记者某甲") is None
    assert patterns.misread_byline("本报实习土\u3000林一、周二") is None  # a byline as printed, the same names mended


# ---- dedup: each character's echoes, its Han bit set over Han runs found by one search (`doublings._echoes`) ----

def _echoes_plain(text: str) -> list[int]:
    """The echoes as session 54 computed them: `is_han` asked of every character."""
    out = [0] * len(text)
    for x, c in enumerate(text):
        bits = 1 if is_han(c) else 0
        for d in range(doublings.MIN_COPY, doublings._ECHO_FAR + 1):
            if x + d < len(text) and text[x + d] == c:
                bits |= 1 << d
        out[x] = bits
    return out


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.text(alphabet="国家技术监督局米阳，。 1Aa\n\u3400\u4dbf\u9fff\uf900\U00020000\U0003134f\U00031350ー〇", max_size=60))
@example("据悉，国家技米监督局阳国家技术监督局")
@example("")
def test_echoes_mark_han_and_the_distances_a_character_comes_back_at(text: str) -> None:
    assert doublings._echoes(text) == _echoes_plain(text)
