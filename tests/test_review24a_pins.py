"""review24a: pins, passing tests of behaviour the session-24 outside review found sound. Invented text only."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

import layoutfix
from layoutfix import cli
from layoutfix.newsml import page_to_message, page_to_newsml
from layoutfix.validate import validate_bytes

# characters XML 1.0 cannot carry (C0 controls but TAB/LF/CR, U+FFFE/U+FFFF) and ones it discourages (C1, the
# noncharacters U+FDD0 and U+1FFFE, the last code point)
_FORBIDDEN = [chr(c) for c in (0x00, 0x01, 0x08, 0x0B, 0x0C, 0x0E, 0x1B, 0x1F, 0x7F, 0x85, 0x9F, 0xFDD0, 0xFFFE,
                               0xFFFF, 0x1FFFE, 0x10FFFF)]


@pytest.mark.parametrize("ch", _FORBIDDEN, ids=[f"U+{ord(c):04X}" for c in _FORBIDDEN])
def test_a_character_xml_cannot_carry_in_any_field_leaves_every_item_valid_newsml(ch: str) -> None:
    dump = (f"## 社区开展义{ch}诊活动\n\n本报记者 王{ch}小明\n\n本报讯 社区卫生服务中心昨天{ch}在小区广场开展义诊活动。\n\n"
            f"项目\t人{ch}数\n测血压\t12{ch}0\n\n图为医生在为居民测量血压。{ch}本报记者 李春华 摄\n")
    page = layoutfix.clean(dump)
    items = list(page_to_newsml(page))
    assert items
    for xml in items:
        assert validate_bytes(xml) == []
    message = page_to_message(page)
    assert message is None or validate_bytes(message) == []


def test_a_headline_of_ten_thousand_characters_gives_valid_newsml() -> None:
    page = layoutfix.clean("## " + "城东新建图书馆正式开放" * 1000 + "\n\n本报讯 城东新建的图书馆日前正式开放，馆内藏书二十万册。\n")
    items = list(page_to_newsml(page))
    assert items and all(validate_bytes(xml) == [] for xml in items)


def _model(path: Path, payload: bytes) -> Path:
    path.write_bytes(payload)
    return path


_BAD_MODELS = {
    "empty": b"",
    "not-gzip": "这不是一个语言模型".encode(),
    "gzip-of-a-list": gzip.compress(b"[]"),
    "gzip-without-words": gzip.compress(b'{"name": "m"}'),
    "gzip-not-json": gzip.compress(b"{"),
    "truncated": gzip.compress(json.dumps({"name": "m", "words": {"社区": 3}}).encode())[:20],
}


@pytest.mark.parametrize("kind", sorted(_BAD_MODELS))
def test_a_bad_model_file_is_one_error_naming_the_model_and_no_page_is_written(
        kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model = _model(tmp_path / "bad.lm", _BAD_MODELS[kind])
    page = tmp_path / "page.txt"
    page.write_text("## 社区开展义诊活动\n\n本报讯 社区卫生服务中心昨天在小区广场开展义诊活动。\n", encoding="utf-8")
    rc = cli.main(["clean", str(page), "--lm", str(model), "-o", str(tmp_path / "out"), "-q"])
    err = capsys.readouterr().err
    assert rc == 2
    assert "cannot load language model" in err and "bad.lm" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.json"))


@pytest.mark.parametrize("kind", ["empty-directory", "empty-file", "binary-file"])
def test_train_lm_refuses_a_corpus_with_no_text_in_one_line(kind: str, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    if kind == "empty-file":
        (corpus / "a.txt").write_bytes(b"")
    elif kind == "binary-file":
        (corpus / "a.txt").write_bytes(bytes(range(256)) * 8)
    rc = cli.main(["train-lm", str(corpus), "-o", str(tmp_path / "m.lm")])
    err = capsys.readouterr().err
    assert rc == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "m.lm").exists()


# -- idempotence: cleaning a cleaned page written back as a dump gives the same page --------------------------------

_TITLES = ["市里部署冬季供暖工作", "城东小区管网改造完工", "供暖服务热线正式开通", "全市新增供热面积三百万平方米"]
_NAMES = ["王小明", "李春华", "赵大伟", "陈思远"]
_SENTENCES = ["市里今天召开会议，研究部署冬季供暖工作。", "会议要求各区县提前做好准备，确保居民按时用上暖气。",
              "供热企业要加强设备检修，储备充足燃料。", "据介绍，今年全市新增供热面积三百万平方米。",
              "不少居民表示，今年的暖气比往年来得早。", "“我们家老人怕冷，早点供暖心里踏实。”家住城东的李大妈说。",
              "下一步，市里还将开通服务热线，及时处理群众反映的问题。", "截至目前，全市已有八成小区完成管网改造。",
              "专家提醒，供暖初期室内温度可能偏低，请居民耐心等待。", "该项目总投资12.5亿元，预计明年6月完工。"]
_TABLE = "区县\t户数\t面积\n城东\t120\t3.5\n城西\t98\t2.7"


@st.composite
def _pages(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        parts.append("## " + draw(st.sampled_from(_TITLES)))
        if draw(st.booleans()):
            parts.append("本报记者 " + draw(st.sampled_from(_NAMES)))
        paragraphs = [
            "".join(draw(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=3, unique=True)))
            for _ in range(draw(st.integers(1, 3)))]
        if draw(st.booleans()):
            paragraphs[0] = "本报讯 " + paragraphs[0]
        parts += paragraphs
        if draw(st.booleans()):
            parts.append(_TABLE)
        if draw(st.booleans()):
            parts.append("图为工人在检修供热管道。本报记者 " + draw(st.sampled_from(_NAMES)) + " 摄")
    return "\n\n".join(parts) + "\n"


def _as_dump(page: layoutfix.Page) -> str:
    """A cleaned page written back as a dump: marked titles, the byline line, paragraphs (the dateline before the
    first), tables as tab rows, captions with their credit."""
    out: list[str] = []
    for it in page.items:
        out += ["## " + t for t in (it.kicker, it.headline, it.subheadline) if t]
        if it.byline and not it.captions:
            out.append("本报记者 " + " ".join(it.byline))
        paragraphs = list(it.paragraphs)
        if it.dateline and paragraphs:
            paragraphs[0] = it.dateline + " " + paragraphs[0]
        out += paragraphs
        out += ["\n".join("\t".join(r) for r in t) for t in it.tables]
        captions = list(it.captions)
        if captions and it.byline:
            captions[-1] += "本报记者 " + " ".join(it.byline) + " 摄"
        out += captions
    return "\n\n".join(out) + "\n"


def _fields(page: layoutfix.Page) -> list[tuple[object, ...]]:
    return [(it.headline, it.byline, it.dateline, it.paragraphs, it.tables, it.captions) for it in page.items]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_pages())
@example("## 市里部署冬季供暖工作\n\n市里今天召开会议，研究部署冬季供暖工作。\n\n" * 3)  # (session 27: a dedup rule
# keeping a copy under a '## ' title only one piece down made this page clean differently a second time)
@example("## 市里部署冬季供暖工作\n\n市里今天召开会议，研究部署冬季供暖工作。\n\n市里今天召开会议，研究部署冬季供暖工作。\n\n"
         "## 市里部署冬季供暖工作\n\n本报记者 王小明\n\n市里今天召开会议，研究部署冬季供暖工作。\n\n"
         "会议要求各区县提前做好准备，确保居民按时用上暖气。\n")  # (session 57, found by a random draw: the paragraph
# printed twice in a row made the first article's copy not its last paragraph, so the third printing, opening the
# next article under the same title, stood as the same place in each article and was kept; cleaned again, dropped)
def test_cleaning_a_cleaned_page_of_titles_bylines_tables_and_captions_changes_nothing(dump: str) -> None:
    first = layoutfix.clean(dump)
    assert _fields(layoutfix.clean(_as_dump(first))) == _fields(first)


def test_an_encoding_the_codec_registry_does_not_know_is_a_clear_error_not_a_traceback() -> None:
    # (an InputError from read today; review24a's spec asks for a ValueError when the Config is made)
    with pytest.raises((layoutfix.InputError, ValueError), match="encoding"):
        layoutfix.clean("## 标题\n\n本报讯 正文。\n".encode(), layoutfix.Config(encoding="no-such-codec"))
