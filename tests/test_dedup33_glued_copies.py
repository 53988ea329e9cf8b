"""dedup/clausecopy: a misread copy of a title (or of any line that ends on no closing mark) may run straight into
the next paragraph with no space or bullet to set it off; it still goes to noise when it reads as misreading leaves a
line (its last character kept, some characters misread, none added), and a lead that opens on the title's own words
stays whole. Invented text only."""
from __future__ import annotations

from layoutfix import Config
from layoutfix.lm import load_lm
from layoutfix.stages.dedup import dedup
from layoutfix.stages.dedup.clausecopy import _looks_misread, clause_copy
from layoutfix.stages.normalize import normalize
from layoutfix.stages.read import read

TITLE = "河湾镇新修水渠全线通水"
COPY = "何弯镇斩侈水梁仝钱涌水"  # the title re-read badly: six of its eleven characters misread, glued to the lead
LEAD = "沿岸两千亩稻田从此不再靠天吃饭。"


def run(dump: str):  # type: ignore[no-untyped-def]
    return dedup(normalize(read(dump, Config())))


def test_a_misread_copy_of_the_title_glued_to_the_lead_goes_to_noise() -> None:
    j, evidence = clause_copy(TITLE, COPY + LEAD, load_lm())
    assert (COPY + LEAD)[:j] == COPY and evidence > 0
    page = run(f"{TITLE}\n\n{COPY}{LEAD}")
    assert [b.text for b in page.blocks] == [TITLE, LEAD]
    assert [n.text for n in page.noise] == [COPY]
    logged = [e for e in page.edits if e.stage == "dedup" and e.kind == "to_noise"]
    assert len(logged) == 1 and logged[0].line == 3 and "last clause of line 1" in logged[0].reason
    assert not page.unaccounted()


def test_a_lead_that_opens_on_the_title_s_words_stays_whole() -> None:
    lm = load_lm()
    for lead in ("据" + TITLE + "的施工方介绍，" + LEAD, TITLE + "后，" + LEAD, "河湾镇新修水渠全线贯通，" + LEAD):
        assert clause_copy(TITLE, lead, lm)[0] == 0, lead
    for lead in (TITLE + "后，" + LEAD, "河湾镇新修水渠全线贯通，" + LEAD):
        page = run(f"{TITLE}\n\n{lead}")
        assert [b.text for b in page.blocks] == [TITLE, lead] and not page.noise


def test_a_copy_that_runs_into_the_text_must_look_misread() -> None:
    assert _looks_misread(TITLE, COPY)
    assert not _looks_misread(TITLE, TITLE)  # nothing misread: the title's words said again
    assert not _looks_misread(TITLE, "据" + TITLE)  # a character added: a sentence opening on the title's words
    assert not _looks_misread(TITLE, COPY[:-1])  # stops short of the title's last character
    assert not _looks_misread("总供给超", "过总需求")  # two characters in place are no copy
    assert _looks_misread("不容迟疑的机遇。", "爪茶迟疑的机遇。")  # the closing mark is no character of the copy
