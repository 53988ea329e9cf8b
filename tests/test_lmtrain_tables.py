"""train-lm: the documented confusion-table header and the pair count floor (review12a's uncaught breaks)."""
from __future__ import annotations

from pathlib import Path

from layoutfix.lmtrain import read_confusions, train_lm


def test_a_count_table_with_a_read_meant_count_header_is_a_count_table(tmp_path: Path) -> None:
    f = tmp_path / "c.tsv"
    f.write_text("read\tmeant\tcount\n太\t大\t7\n", encoding="utf-8")
    assert read_confusions(f) == {"太": {"大": 7}}


def test_train_lm_keeps_no_character_pair_seen_fewer_than_min_count_times(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("某某乡修路。\n某某乡修路。\n某某村种树。\n", encoding="utf-8")
    lm = train_lm([tmp_path], tmp_path / "m.lm", min_count=2)
    assert lm.bigrams and all(c >= 2 for c in lm.bigrams.values())
