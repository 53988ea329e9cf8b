"""The visual confusion table: what it covers and how little memory it takes once loaded."""
from __future__ import annotations

from layoutfix.confusion import load_confusion, parse


def test_parse_shares_one_object_per_character_and_per_score() -> None:
    table = parse(["# header", "甲\t乙:512,丙:300", "丁\t乙:512,甲:300"])
    assert table["甲"] == (("乙", 0.512), ("丙", 0.3)) and table["丁"] == (("乙", 0.512), ("甲", 0.3))
    (a, sa), (b, sb) = table["甲"][0], table["丁"][0]
    assert a is b and sa is sb  # the same candidate and score, one object
    assert table["丁"][1][0] is next(iter(table))  # a row key and a candidate share the string
    assert table["甲"][1][1] is table["丁"][1][1]


def test_shipped_table_keeps_candidates_as_shared_strings() -> None:
    table = load_confusion()
    seen: dict[str, str] = {}
    for row in list(table.values())[:500]:
        for cand, _ in row:
            assert seen.setdefault(cand, cand) is cand


def test_shipped_table_covers_the_general_standard_characters_letters_digits_and_marks() -> None:
    from importlib import resources

    text = resources.files("layoutfix").joinpath("data", "general_standard_chars.txt").read_text(encoding="utf-8")
    standard = [c for line in text.splitlines() if not line.startswith("#") for c in line.strip()]
    assert len(standard) == len(set(standard)) == 8105
    table = load_confusion()
    assert all(c in table for c in standard)
    assert all(c in table for c in "0123456789abcXYZ")
    assert {"、", "；"} <= {c for c, _ in table["，"]}  # a mark's row lists marks (and letters) it is misread for
    marks = set("，。、；：？！“”‘’（）《》,.;:?!()")
    assert not any(c in marks for row in (table["人"], table["0"], table["l"]) for c, _ in row)  # never the reverse


def test_tesseract_channel_counts_only_substitutions_the_alignment_is_sure_of() -> None:
    from layoutfix.resources.build_tesseract_channel import count

    pairs = [("我们人驻了新区", "我们入驻了新区"),  # one for one, matching text on both sides: counted
             ("天气很好", "天气根好"),  # one matching character after it: too little context, not counted
             ("今天天气很好啊", "今天天气根好啊"),
             ("甲乙丙丁戊", "子丑寅卯辰")]  # nothing matches around: the alignment is a guess, not counted
    table = count(pairs)
    assert table["人"]["入"] == 1 and table["很"]["根"] == 1  # from the third pair only
    assert not any(w in table for w in "甲乙丙丁戊")


def test_shipped_tesseract_channel_is_read_by_the_table_parser() -> None:
    import gzip
    from importlib import resources

    data = resources.files("layoutfix").joinpath("data", "tesseract_channel.tsv.gz").read_bytes()
    rows = parse(gzip.decompress(data).decode("utf-8").splitlines())
    assert len(rows) > 500
    assert all(score >= 0.001 for row in rows.values() for _, score in row)  # counts, stored x1000 by parse


def test_the_shipped_model_credits_a_confusion_tesseract_was_seen_to_make() -> None:
    from layoutfix.confusion import tesseract_channel
    from layoutfix.stages import glyphs

    channel = tesseract_channel()
    read, row = max(channel.items(), key=lambda kv: max(kv[1].values()))
    meant, n = max(row.items(), key=lambda kv: kv[1])
    assert n >= 5 and all(len(k) == 1 for k in (read, meant))
    seen, unseen = glyphs.channel_score(0.6, n, False), glyphs.channel_score(0.6, 0, False)
    assert seen > unseen == -glyphs.SIM_WEIGHT * 0.4


def test_the_shipped_models_candidates_include_tesseract_confusions(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from layoutfix.confusion import tesseract_channel
    from layoutfix.lm import WordLM
    from layoutfix.stages import glyphs

    read, row = next((r, m) for r, m in tesseract_channel().items() if any(x not in dict(load_confusion().get(r, ()))
                                                                          for x in m))
    extra = next(x for x in row if x not in dict(load_confusion().get(read, ())))
    lm = WordLM({"甲": 1})
    assert glyphs._candidates(load_confusion(), lm)(read)[extra] == (0.0, row[extra])
    # a model with its own observed channel ignores Tesseract's counts: they are not its confusions
    own = WordLM({"甲": 1}, observed={"乙": {"丙": 2}})
    assert extra not in glyphs._candidates(load_confusion(), own)(read)
    # and TESS_WEIGHT 0 turns the channel off, also for a model that has answered before (no stale memo)
    monkeypatch.setattr(glyphs.channel, "TESS_WEIGHT", 0.0)  # `channel` owns it; the candidates read it there
    assert extra not in glyphs._candidates(load_confusion(), lm)(read)


def test_a_count_table_with_a_byte_order_mark_is_read_as_a_table(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from layoutfix.lmtrain import read_confusions

    path = tmp_path / "counts.tsv"
    path.write_text("\ufeffwrong\tright\tcount\n人\t入\t7\n", encoding="utf-8")
    assert read_confusions(path) == {"人": {"入": 7}}


def test_the_tesseract_builder_draws_one_printing_condition_per_paragraph_from_its_text() -> None:
    from layoutfix.resources.build_tesseract_channel import CONDITIONS, condition_of

    texts = [f"第{i}段假造的测试文字，用来看条件怎样分配。" for i in range(200)]
    drawn = [condition_of(t, 1) for t in texts]
    assert drawn == [condition_of(t, 1) for t in texts]  # the same in every run
    assert {c.face for c in drawn} == {"serif", "sans"} and {c.level for c in drawn} == {"light", "heavy", "blurred"}
    assert any(c.binary for c in drawn) and len(set(drawn)) == len(CONDITIONS)
    assert len({c.name for c in CONDITIONS}) == len(CONDITIONS)  # each condition has its own cache file

