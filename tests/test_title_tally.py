"""benchmarks.title_tally names the kind of each title miss, and its exact count is the scorer's title_exact.

Invented titles only."""
from __future__ import annotations

import pytest

from benchmarks.corpora import discover
from benchmarks.page_tally import tally_pages
from benchmarks.score import score_pages
from benchmarks.title_tally import page_report, title_miss


def art(kicker: str | None = None, headline: str | None = None, sub: str | None = None) -> dict:
    return {"kicker": kicker, "headline": headline, "subheadline": sub, "paragraphs": ["正文一段。"]}


@pytest.mark.parametrize("gold,pred,kind", [
    (art(headline="山区小学用上新校舍"), art(headline="山区小学用上新校舍"), None),
    (art(headline="山区小学用上新校舍"), None, "UNPAIRED"),
    (art(), art(headline="山区小学用上新校舍"), "GOLD_UNTITLED"),
    (art(headline="山区小学用上新校舍"), art(), "NO_TITLE"),
    (art("冬训开始", "山区小学用上新校舍"), art(headline="山区小学用上新校舍"), "PART"),
    (art(headline="山区小学用上新校舍"), art("图片：", "山区小学用上新校舍"), "EXTRA_KICKER"),
    (art(headline="山区小学用上新校舍"), art(headline="山区小学用上新校舍", sub="一千多名学生告别旧教室"),
     "EXTRA_SUBHEADLINE"),
    (art(headline="山区小学用上新校舍"), art(headline="河道治理全面提速"), "OTHER"),
    (art(headline="山区小学用上新校舍"), art(headline="山区小学用上新校舍 "), None),  # content form: spaces go
])
def test_each_kind_of_title_miss_is_named(gold: dict, pred: dict | None, kind: str | None) -> None:
    assert title_miss(gold, pred) == kind


def test_the_exact_count_is_the_scorers_title_exact_and_every_other_title_is_a_named_miss() -> None:
    import layoutfix

    cases = discover(("samples",))["samples"]
    pages = {c.name: layoutfix.clean(c.raw_bytes(), source=c.raw_path.name).to_dict() for c in cases}
    t = tally_pages(cases, lambda case, page: page_report(case, pages[case.name]), quiet=True)
    scored = score_pages((c.gold, pages[c.name]) for c in cases)
    assert t["titles"] == sum(len(c.gold["articles"]) for c in cases)
    assert t["exact"] / t["titles"] == pytest.approx(scored["title_exact"], abs=1e-4)
    assert t["exact"] + sum(v for k, v in t.items() if k.isupper()) == t["titles"]
    # a page whose titles all went wrong counts each as a miss of a named kind
    wrong = {"articles": [art(headline="河道治理全面提速") for _ in cases[0].gold["articles"]]}
    t2, lines = page_report(cases[0], wrong)
    assert t2["exact"] == 0 and len(lines) == t2["titles"]
