"""NewsML-G2 timestamps: reproducible, in UTC, whole seconds, one per page (review12a's uncaught breaks)."""
from __future__ import annotations

import itertools
from datetime import datetime, timezone

import pytest

from layoutfix import newsml
from layoutfix.model import Item, Page
from layoutfix.newsml import item_to_newsml


def test_source_date_epoch_fixes_the_timestamp(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    xml = item_to_newsml(Item(headline="题", paragraphs=("正文。",)))
    assert b"<versionCreated>1970-01-02T00:00:00+00:00</versionCreated>" in xml


def test_a_naive_time_is_written_as_utc_in_whole_seconds() -> None:
    xml = item_to_newsml(Item(headline="题", paragraphs=("正文。",)),
                         created=datetime(2024, 5, 1, 8, 30, 15, 123456))
    assert b"<firstCreated>2024-05-01T08:30:15+00:00</firstCreated>" in xml


def test_the_items_of_a_page_share_one_timestamp_even_when_the_clock_ticks(monkeypatch: pytest.MonkeyPatch) -> None:
    ticks = itertools.count(0)
    monkeypatch.setattr(newsml, "_now", lambda: datetime.fromtimestamp(next(ticks), timezone.utc))
    page = Page(source="p.txt", raw="", items=(Item(headline="甲"), Item(headline="乙")))
    stamps = {d.split(b"<versionCreated>")[1].split(b"<")[0] for d in newsml.page_to_newsml(page)}
    assert len(stamps) == 1
