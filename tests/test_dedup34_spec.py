"""dedup (session 34): what goes to noise as a garbled repeat and what stays. Invented text only."""
from __future__ import annotations

from layoutfix import Config
from layoutfix.lm import load_lm
from layoutfix.stages.dedup import dedup
from layoutfix.stages.dedup.garbled import garbled_prefix
from layoutfix.stages.flow import flow
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read

TITLE = "河湾镇新修水渠全线通水"
LEAD = "沿岸两千亩稻田从此不再靠天吃饭。"


def run(dump: str):  # type: ignore[no-untyped-def]
    return dedup(normalize(read(dump, Config())))


def test_a_lead_quoting_its_title_after_a_preposition_stays_whole() -> None:
    # '据' + the title said verbatim + '的…': the sentence takes the title up; nothing in it is misread
    lm = load_lm()
    for lead in ("据" + TITLE + "的施工方介绍，" + LEAD, "在" + TITLE + "的仪式上，" + LEAD,
                 "据" + TITLE + "一文报道，" + LEAD):
        assert garbled_prefix(TITLE, lead, lm)[0] == 0, lead
        page = run(f"{TITLE}\n\n{lead}")
        assert [b.text for b in page.blocks] == [TITLE, lead] and not page.noise, lead
        assert not [e for e in page.edits if e.stage == "dedup"]
    # the title misread (a look-alike for 渠, another for 通) and set off by a space is a copy still
    copy = "河湾镇新修水梁全线涌水"
    page = run(f"{TITLE}\n\n{copy} {LEAD}")
    assert [n.text for n in page.noise] == [copy]
    assert [b.text for b in page.blocks] == [TITLE, LEAD]


def run_flowed(dump: str):  # type: ignore[no-untyped-def]
    return dedup(flow(normalize(read(dump, Config()))))


def test_a_title_copy_misread_to_its_end_and_set_off_by_a_space_goes_whole() -> None:
    # the copy keeps the title's length and misreads its last two characters ('来水' / '夹冰'); normalize takes the
    # space after it out as a line wrap, yet the dump printed it there: that is where the copy stops
    title, copy, lead = "北岸新村通上自来水", "北岸新村通上自夹冰", "村里三百多户人家从此告别了挑水吃的日子。"
    page = run_flowed(f"{title}\n\n{copy} {lead}")
    assert [n.text for n in page.noise] == [copy]
    assert [b.text for b in page.blocks] == [title, lead]
    assert not page.unaccounted()
    # glued to the text with no space, where the copy ends is not told: the line stays as printed
    page = run_flowed(f"{title}\n\n{copy}{lead}")
    assert [b.text for b in page.blocks] == [title, copy + lead] and not page.noise


def test_a_badly_misread_copy_of_a_quoted_clause_ends_on_a_quote_turned_either_way() -> None:
    # normalize leaves a quote as printed; the copy's closing quote came out as an opening one
    para = "新建的跨江大桥今天合龙。老站长说：“大桥通车以后，过江只要五分钟，方便群众才是最要紧的。”"
    rest = "江对岸的菜农每天清早要挑菜过江，渡船一误就是半天。"
    for copy in ("是便柳众住呈里要紧为。“", "是便柳众住呈里要紧为。”"):
        page = run_flowed(f"大桥合龙\n\n{para}\n\n{copy}{rest}")
        assert [n.text for n in page.noise] == [copy], copy
        assert [b.text for b in page.blocks] == ["大桥合龙", para, rest]


def test_a_copy_that_opens_inside_a_bracket_is_no_line_said_otherwise() -> None:
    # '两湖…' for '南湖…' reads as fluently, but a line that says the one before otherwise does not open inside a
    # bracket: the copy of the credit's end goes
    para = "真该感谢那些默默奉献的人们，是他们让这座城市更美好。（作者为南湖大学中文系教授）"
    page = run_flowed(f"文章\n\n{para}\n\n两湖大学中文系教授）图片：")
    assert [n.text for n in page.noise] == ["两湖大学中文系教授）"]
    assert [b.text for b in page.blocks] == ["文章", para, "图片："]


def test_a_copy_of_a_line_ending_on_figures_and_marks_is_looked_for() -> None:
    # the last seven characters of the line hold no Han character: its last Han characters stand for them
    para = "为了查询，他一连拨打了好几个热线电话，先是南湖区的服务台，再是北湖区的服务台。号码是96155、96166……"
    copy, rest = "号码足96155、96166……", "新的一年开始了，热线仍然很忙，接线员每天要接上千个电话。"
    page = run_flowed(f"热线\n\n{para}\n\n{copy} {rest}")
    assert [n.text for n in page.noise] == [copy]
    assert [b.text for b in page.blocks] == ["热线", para, rest]


def test_a_verbatim_copy_that_opens_on_a_closing_quote_is_a_fragment() -> None:
    # printed verbatim, a line's end said again opens a lead restating it; opening on the quotation's closing mark,
    # it is a piece of the line before printed again
    para = "“我们都是种菜的，现在只能去市场买菜吃，可是我们的菜地却荒着。”村民老田说。"
    rest = "五十多岁的村民老周在自家以前的田地里开荒种菜有一个多月了。"
    page = run_flowed(f"菜地\n\n{para}\n\n”老田说。 {rest}")
    assert [n.text for n in page.noise] == ["”老田说。"]
    assert [b.text for b in page.blocks] == ["菜地", para, rest]
    page = run_flowed(f"菜地\n\n{para}\n\n老田说。 {rest}")  # no closing mark before it: kept as printed
    assert [b.text for b in page.blocks] == ["菜地", para, "老田说。" + rest] and not page.noise
