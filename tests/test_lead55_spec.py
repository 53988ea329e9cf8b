"""Specification of session 55's lead changes to how `patterns.misread_byline` reads a line (same answers).

`misread_byline` puts right a byline's role word OCR misread at one character ('本狠记者某甲' -> '本报记者某甲'). It asks
for the names the line holds as printed only when some mend is a byline: most short lines with a look-alike of a role
word's character never get that far (about 1,350 lines on 40 tuning pages, none mended), and `names_in` is its cost.
The answer is the one it gave when it read those names first, on any line.
"""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from layoutfix import patterns
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
def test_misread_byline_answers_as_when_it_read_the_printed_names_first(text: str) -> None:
    assert patterns.misread_byline(text) == _names_first(text)


def test_a_misread_role_word_is_put_right() -> None:
    assert patterns.misread_byline("本狠记者某甲") == (1, "狠", "报")
    assert patterns.misread_byline("本报记者某甲") is None
    assert patterns.misread_byline("本报实习土\u3000林一、周二") is None  # a byline as printed, the same names mended
