"""flow: a paragraph cut at a column break is joined to its continuation, chosen globally."""
from __future__ import annotations

from layoutfix import Config
from layoutfix.stages.flow import flow
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read


def run(dump: str):  # type: ignore[no-untyped-def]
    return flow(normalize(read(dump, Config())))


def texts(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.text for b in page.blocks]


def test_a_paragraph_cut_mid_word_is_joined_to_the_next_block() -> None:
    page = run("会议要求各部门加强安全生产管理工作，切实提高工作效\n\n率，确保各项任务按时完成。")
    assert texts(page) == ["会议要求各部门加强安全生产管理工作，切实提高工作效率，确保各项任务按时完成。"]
    joins = [e for e in page.edits if e.kind == "join"]
    assert len(joins) == 1 and joins[0].line == 3 and "效⏎率" in joins[0].context


def test_a_closed_paragraph_is_not_joined() -> None:
    page = run("会议要求各部门加强安全生产管理工作。\n\n下一步，各部门将继续推进这项工作。")
    assert len(texts(page)) == 2
    assert not [e for e in page.edits if e.kind == "join"]


def test_the_continuation_is_found_after_a_photo_caption() -> None:
    dump = "\n\n".join([
        "为了进一步推动经济社会发展，全市上下认真落实各项政策，新",
        "图为工人们在车间里忙碌。",
        "■本报记者 王五 摄",
        "城区各部门积极行动，取得了明显成效。",
    ])
    page = run(dump)
    body = [t for t in texts(page) if t.startswith("为了")]
    assert body == ["为了进一步推动经济社会发展，全市上下认真落实各项政策，新城区各部门积极行动，取得了明显成效。"]
    caption = next(b for b in page.blocks if b.text.startswith("图为"))
    assert "interleaved" in caption.flags


def test_a_join_never_crosses_the_start_of_another_article() -> None:
    dump = "\n\n".join([
        "这项工作持续推进，着力解决干与不干、干好干坏、干多干少一",
        "另一篇文章的标题",
        "本报讯（记者 张三）会议召开，各方代表参加。",
    ])
    page = run(dump)
    assert texts(page)[0].endswith("干多干少一")
    assert "open_end" in page.blocks[0].flags


def test_flow_loses_no_character() -> None:
    page = run("切实提高工作效\n\n率，确保完成。\n\n另一段文字。")
    assert not page.unaccounted()
