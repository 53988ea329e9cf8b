"""dedup (session 34): what goes to noise as a garbled repeat and what stays. Invented text only."""
from __future__ import annotations

from layoutfix import Config
from layoutfix.lm import load_lm
from layoutfix.stages.dedup import dedup
from layoutfix.stages.dedup.garbled import garbled_prefix
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
