"""Specification of session 57's segment speed step (fast57l, same answers): which lines `patterns.misread_byline`
reads closely.

`misread_byline` puts right a byline's role word OCR misread at one character ('本狠记者某甲' -> '本报记者某甲'): the
character put right must complete a role word of `MISREAD_ROLE_MIN` or more characters that the printed line holds
but for that one character. So a line that holds no such word one character short anywhere can be mended nowhere,
and it is answered before the look-alike loop (about 930 short lines on 40 tuning pages, none mended, and the loop ran
interpreted in the compiled segment stage): first by a cheap search for two of those words' characters one or two
apart (`_ROLE_NEAR`), then by the words' shapes with one character left open (`_MEND_SHAPES`). The answer is the
plain search's on any line.
"""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from layoutfix import patterns
from layoutfix.patterns import (
    GLUED_BYLINE_MAX, MISREAD_ROLE_MIN, ROLE_WITHIN, ROLE_WORDS, _byline_lookalikes, _mends_role_word, is_byline,
    names_in,
)


def _plain(text: str) -> tuple[int, str, str] | None:
    """`misread_byline` without the two searches before its loop (session 56's form): every look-alike among the
    first `ROLE_WITHIN` characters is tried."""
    t = text.strip()
    if not t or len(t) > GLUED_BYLINE_MAX:
        return None
    looks = _byline_lookalikes()
    places = [pos for pos in range(min(len(t), ROLE_WITHIN)) if t[pos] in looks]
    if not places:
        return None
    lead = len(text) - len(text.lstrip())
    printed: list[str] | None = None
    read = False
    for pos in places:
        for meant in looks[t[pos]]:
            mended = t[:pos] + meant + t[pos + 1:]
            if _mends_role_word(mended, t, pos) and is_byline(mended):
                if not read:
                    printed, read = (names_in(t) if is_byline(t) else None), True
                if names_in(mended) != printed:
                    return lead + pos, t[pos], meant
    return None


def _mendable_words() -> list[str]:
    return sorted(w for w in ROLE_WORDS if len(w) >= MISREAD_ROLE_MIN)


def _seen_for() -> dict[str, list[str]]:
    """character of a role word -> the look-alikes OCR may print for it (the inverse of `_byline_lookalikes`)."""
    out: dict[str, list[str]] = {}
    for seen, meants in sorted(_byline_lookalikes().items()):
        for m in meants:
            out.setdefault(m, []).append(seen)
    return out


# invented names and surroundings (no line of a sample page)
_NAMES = ("林一", "周二", "张三", "李四", "王五", "某甲", "赵六七", "钱小八", "孙九")
_BEFORE = ("", " ", "\u3000", "●", "□", "■ ", "新华社", "本报", "（", "据")
_AFTER = ("", " ", "\u3000", "、", "，", "）", " 摄", " 报道", "\n")


@st.composite
def _misread_bylines(draw: st.DrawFn) -> str:
    """A byline-shaped line: a role word with one character printed as one of its look-alikes (or as any character),
    names after it, marks or an outlet around it."""
    w = draw(st.sampled_from(_mendable_words()))
    k = draw(st.integers(0, len(w) - 1))
    seen = _seen_for().get(w[k], [])
    c = draw(st.sampled_from(seen) if seen and draw(st.booleans()) else st.characters(min_codepoint=0x20,
                                                                                      max_codepoint=0x9FFF))
    names = draw(st.lists(st.sampled_from(_NAMES), min_size=0, max_size=3))
    sep = draw(st.sampled_from(("", " ", "\u3000", "、")))
    return (draw(st.sampled_from(_BEFORE)) + w[:k] + c + w[k + 1:] + draw(st.sampled_from(("", " ", "\u3000")))
            + sep.join(names) + draw(st.sampled_from(_AFTER)))


def _alphabet() -> str:
    """Role words' characters, some of their look-alikes, name characters, separators and marks."""
    roles = "".join(sorted({c for w in ROLE_WORDS for c in w}))
    seen = "".join(sorted({s for ss in _seen_for().values() for s in ss[:3]}))
    return roles + seen + "某甲乙丙林一周二张三李四王五 \u3000\n●□、，。（）"


@settings(max_examples=800, deadline=None, derandomize=True)
@given(_misread_bylines())
@example("通汛员 林一")  # a three-character role word misread in its middle: only its ends stand printed
@example("实刁生 周二")
@example("评伦员\u3000张三")
@example("本狠记者某甲")
@example("●本报记着 王五")  # a byline as printed ('记着王五' read as a name): mended
@example(" 本报记者 林一")  # a byline as printed, nothing to mend
@example("新华社记着 孙九 摄")
def test_a_byline_shaped_line_gets_the_plain_searchs_answer(text: str) -> None:
    assert patterns.misread_byline(text) == _plain(text)


@settings(max_examples=800, deadline=None, derandomize=True)
@given(st.text(alphabet=_alphabet(), max_size=24))
def test_any_line_gets_the_plain_searchs_answer(text: str) -> None:
    assert patterns.misread_byline(text) == _plain(text)


def test_every_role_word_one_character_short_passes_both_searches() -> None:
    """The searches are asked before the loop only as a cheap no: every role word the loop could complete, with any
    one of its characters printed as anything (a look-alike, a mark, a newline), anywhere in a line, passes both."""
    for w in _mendable_words():
        for k in range(len(w)):
            for c in [*_seen_for().get(w[k], []), "x", " ", "\n", "，"]:
                for line in (w[:k] + c + w[k + 1:], "某甲" + w[:k] + c + w[k + 1:] + "林一"):
                    assert patterns._ROLE_NEAR.search(line), (w, k, c)
                    assert patterns._MEND_SHAPES.search(line), (w, k, c)


def test_the_mends_it_makes() -> None:
    assert patterns.misread_byline("通汛员 林一") == (1, "汛", "讯")
    assert patterns.misread_byline("实刁生 周二") == (1, "刁", "习")
    assert patterns.misread_byline("  本狠记者某甲") == (3, "狠", "报")
    assert patterns.misread_byline("●本报记着 王五") == (4, "着", "者")
    assert patterns.misread_byline("本报记者 林一") is None
    assert patterns.misread_byline("今天天气很好") is None
