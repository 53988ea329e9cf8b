"""An article is signed once: a heading whose text closes with its own names, inside an article already signed,
opens a new article (the heading model's `resigned` feature)."""
from __future__ import annotations

import layoutfix
from layoutfix.model import Block, BYLINE, TEXT, TITLE
from layoutfix.stages import segment

BODY1 = "近年来，这个县把发展特色种植当作农民增收的主要门路，全县新建蔬菜大棚两千余座。"
BODY2 = "今年春节前，县里组织农技人员下乡，为种植户讲解大棚蔬菜的管理技术。"
HEADING = "农技下乡过春节"
SIGN = "（李小明）"


def _features(roles: list[str], texts: list[str], bylined: bool) -> dict[str, float]:
    blocks = [Block(id=k, text=t, line=2 * k + 1) for k, t in enumerate(texts)]
    return segment.heading_features(blocks, roles, 1, segment.PageLM(segment.load_lm(None)), "", 0, False,
                                    bylined=bylined)


def test_resigned_holds_only_when_the_text_after_the_heading_is_signed_and_the_article_already_is() -> None:
    texts = [BODY1, HEADING, BODY2, SIGN]
    roles = [TEXT, TITLE, TEXT, "endbyline"]
    assert _features(roles, texts, bylined=True)["resigned"] == 1.0
    assert _features(roles, texts, bylined=False)["resigned"] == 0.0
    assert _features([TEXT, TITLE, TEXT, TEXT], [BODY1, HEADING, BODY2, BODY1], bylined=True)["resigned"] == 0.0


def test_the_shipped_model_reads_a_second_signature_as_a_new_article() -> None:
    hm = segment.heading_model()
    assert hm is not None and hm.weights["resigned"] < 0.0  # (a subhead's probability falls)


def test_refine_roles_knows_when_the_current_article_is_signed() -> None:
    seen: list[bool] = []

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(kwargs.get("bylined", False))
        return real(*args, **kwargs)

    real = segment.roles.heading_features
    blocks = [Block(id=k, text=t, line=2 * k + 1) for k, t in enumerate(["某县的冬天", "●本报记者 王大山", BODY1, HEADING, BODY2])]
    roles = [TITLE, BYLINE, TEXT, TITLE, TEXT]
    segment.roles.heading_features = spy
    try:
        segment.refine_roles(blocks, roles, lm=segment.PageLM(segment.load_lm(None)), log=[])
        segment.refine_roles(blocks[:1] + blocks[2:], roles[:1] + roles[2:], lm=segment.PageLM(segment.load_lm(None)), log=[])
    finally:
        segment.roles.heading_features = real
    assert seen == [True, False]


def test_a_heading_over_text_that_signs_again_opens_a_new_article() -> None:
    page = "\n\n".join(["大棚蔬菜富农家", "●本报记者 王大山", BODY1, "农民的钱袋子鼓起来了，县里的大棚蔬菜卖到了省城。",
                       HEADING, BODY2, SIGN])
    a, b = layoutfix.clean(page).items
    assert (a.headline, a.byline) == ("大棚蔬菜富农家", ("王大山",))
    assert (b.headline, b.byline) == (HEADING, ("李小明",))
