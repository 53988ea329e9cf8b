"""What kind of item segment makes of a page part."""
from __future__ import annotations

import layoutfix


def test_an_item_with_a_byline_and_no_body_is_a_notice_not_an_article() -> None:
    page = layoutfix.clean("本报记者 赵甲")
    assert [(i.kind, i.byline) for i in page.items] == [("notice", ("赵甲",))]
