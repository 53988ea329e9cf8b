"""The CLI: one-line errors with exit code 2, batches that go on, outputs on disk."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from layoutfix.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpus" / "samples" / "001.txt"


def run(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_prints_gold_shaped_json(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "clean", str(SAMPLE), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["articles"] and "noise" in data and "edits" in data


def test_clean_writes_json_and_one_xml_per_item(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, _ = run(capsys, "clean", str(SAMPLE), "-o", str(tmp_path))
    data = json.loads((tmp_path / "001.json").read_text(encoding="utf-8"))
    xmls = sorted(tmp_path.glob("001-*.xml"))
    assert code == 0 and len(xmls) == len(data["articles"]) > 0


@pytest.mark.parametrize("content, cause", [
    (b"", "empty input"),
    (b"\x00\x01\x02binary\x00\xff\xfe\x00" * 50, "binary"),
])
def test_bad_files_get_one_line_and_exit_2(capsys, tmp_path: Path, content: bytes, cause: str) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, out, err = run(capsys, "clean", str(bad))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "bad.txt" in err and cause in err and "Traceback" not in err


def test_missing_file_and_directory_without_dumps(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "clean", str(tmp_path / "nope.txt"))
    assert code == 2 and "no such file" in err
    code, _, err = run(capsys, "clean", str(tmp_path), "-o", str(tmp_path / "out"))
    assert code == 2 and "no page dumps" in err


def test_unwritable_output_is_a_clear_error(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run(capsys, "clean", str(SAMPLE), "-o", str(blocker / "sub"))
    assert code == 2 and "cannot write output" in err and "Traceback" not in err


def test_a_batch_reports_the_bad_page_and_cleans_the_rest(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(SAMPLE.read_bytes())
    (src / "b.txt").write_bytes(b"")
    (src / "c.txt").write_bytes(SAMPLE.read_text(encoding="utf-8").encode("gb18030"))
    code, _, err = run(capsys, "clean", str(src), "-o", str(tmp_path / "out"), "-q")
    assert code == 2 and "b.txt" in err and "empty" in err
    assert (tmp_path / "out" / "a.json").exists() and (tmp_path / "out" / "c.json").exists()


def test_a_dangling_link_in_a_batch_is_reported_not_passed_by(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(SAMPLE.read_bytes())
    (src / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    code, _, err = run(capsys, "clean", str(src), "-o", str(tmp_path / "out"), "-q")
    assert code == 2 and "gone.txt" in err and "Traceback" not in err
    assert (tmp_path / "out" / "a.json").exists()


def test_unknown_stage_is_a_clear_error(capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "clean", str(SAMPLE), "--without", "nonsense")
    assert code == 2 and "unknown stage" in err


def test_diff_names_every_stage(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "diff", str(SAMPLE), "--no-color")
    assert code == 0
    for stage in ("read", "normalize", "flow", "dedup", "glyphs", "segment"):
        assert f"== {stage}" in out
    assert "join" in out


@pytest.mark.parametrize("command", [["clean", str(SAMPLE)], ["diff", str(SAMPLE)]])
def test_a_language_model_that_cannot_be_loaded_is_one_line_before_any_page(  # type: ignore[no-untyped-def]
        capsys, tmp_path: Path, command: list[str]) -> None:
    for lm in (tmp_path / "missing.lm", tmp_path / "corrupt.lm"):
        if lm.name == "corrupt.lm":
            lm.write_bytes(b"\x1f\x8b not really gzip")
        code, _, err = run(capsys, *command, "--lm", str(lm))
        assert code == 2 and err.count("\n") == 1
        assert "cannot load language model" in err and str(lm) in err and "Traceback" not in err


def test_fix_glyphs_with_a_missing_model_is_a_clear_error(capsys, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("一行文字\n"))
    code, _, err = run(capsys, "fix-glyphs", "--lm", str(tmp_path / "none.lm"))
    assert code == 2 and "cannot load language model" in err


def test_two_dumps_that_would_write_the_same_outputs_are_refused(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "p.txt").write_bytes(SAMPLE.read_bytes())
    code, _, err = run(capsys, "clean", str(tmp_path / "a" / "p.txt"), str(tmp_path / "b" / "p.txt"),
                       "-o", str(tmp_path / "out"))
    assert code == 2 and "would both write" in err and not (tmp_path / "out").exists()


def test_a_rerun_leaves_no_stale_item_files(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    out.mkdir()
    (out / "001-99.xml").write_text("<stale/>", encoding="utf-8")
    code, _, _ = run(capsys, "clean", str(SAMPLE), "-o", str(out))
    data = json.loads((out / "001.json").read_text(encoding="utf-8"))
    assert code == 0 and len(list(out.glob("001-*.xml"))) == len(data["articles"])


def test_train_lm_names_a_missing_confusions_file(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("会议要求各部门认真落实。\n", encoding="utf-8")
    missing = tmp_path / "none.tsv"
    code, _, err = run(capsys, "train-lm", str(corpus), "-o", str(tmp_path / "m.lm"), "--confusions", str(missing))
    assert code == 2 and str(missing) in err and "m.lm" not in err


def test_validate_accepts_a_directory_of_items(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run(capsys, "clean", str(SAMPLE), "-o", str(tmp_path))
    code, out, _ = run(capsys, "validate", str(tmp_path))
    assert code == 0 and out.count(": valid") == len(list(tmp_path.glob("*.xml"))) > 0


def test_bench_passes_every_option_to_the_runner(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seen: list[list[str]] = []
    import benchmarks.__main__ as runner

    monkeypatch.setattr(runner, "main", lambda argv: seen.append(list(argv)) or 0)
    assert main(["bench", "--quick", "--splits", "samples"]) == 0
    assert seen == [["--quick", "--splits", "samples"]]


def test_max_bytes_zero_is_an_error_not_ignored(capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "clean", str(SAMPLE), "--max-bytes", "0")
    assert code == 2 and "max_bytes" in err


def test_a_page_that_fails_now_leaves_no_outputs_of_an_earlier_run(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, out = tmp_path / "p.txt", tmp_path / "out"
    page.write_bytes(SAMPLE.read_bytes())
    run(capsys, "clean", str(page), "-o", str(out))
    assert (out / "p.json").exists()
    page.write_bytes(b"")
    code, _, err = run(capsys, "clean", str(page), "-o", str(out))
    assert code == 2 and "were removed" in err and not list(out.iterdir())


def test_validate_refuses_a_directory_without_items(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "validate", str(tmp_path))
    assert code == 2 and "no *.xml" in err


def test_xml_on_stdout_is_one_valid_newsmessage_with_every_item(capsys) -> None:  # type: ignore[no-untyped-def]
    from lxml import etree

    from layoutfix.validate import validate_bytes

    code, out, _ = run(capsys, "clean", str(SAMPLE), "--format", "xml")
    data = out.encode("utf-8")
    assert code == 0 and data.count(b"<?xml") == 1 and validate_bytes(data) == []
    root = etree.fromstring(data)
    _, js, _ = run(capsys, "clean", str(SAMPLE), "--format", "json")
    assert etree.QName(root).localname == "newsMessage"
    assert len(root.findall(".//{*}itemSet/{*}newsItem")) == len(json.loads(js)["articles"]) > 1


def test_a_rerun_removes_stale_item_files_past_99_and_keeps_other_names(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    out.mkdir()
    for name in ("001-100.xml", "001-1129.xml", "001-notes.xml", "001-7.xml"):
        (out / name).write_text("<stale/>", encoding="utf-8")
    code, _, _ = run(capsys, "clean", str(SAMPLE), "-o", str(out))
    assert code == 0 and not (out / "001-100.xml").exists() and not (out / "001-1129.xml").exists()
    assert (out / "001-notes.xml").exists() and (out / "001-7.xml").exists()  # not names this tool writes


def test_an_output_path_that_is_a_file_is_named_as_not_a_directory(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run(capsys, "clean", str(SAMPLE), "-o", str(blocker))
    assert code == 2 and "not a directory" in err and err.count("\n") == 1


def test_a_closed_pipe_ends_the_run_quietly(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import layoutfix.cli as cli

    def closed(*_: object, **__: object) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(cli.Page, "to_text", closed)
    code, _, err = run(capsys, "clean", str(SAMPLE), "--format", "text")
    assert code == 0 and "internal error" not in err


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16"])
def test_fix_glyphs_reads_the_encodings_clean_reads(capsys, monkeypatch, encoding: str) -> None:  # type: ignore[no-untyped-def]
    import io

    text = "第一行文字。\n第二行文字。\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode(encoding))))
    code, out, _ = run(capsys, "fix-glyphs", "--without", "glyphs")
    assert code == 0 and out == text


def test_fix_glyphs_without_glyphs_gives_the_lines_back_as_read(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import io

    text = "会议要求各部门加强管埋工作。\n"  # 埋 for 理: the corrector changes this line
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    assert run(capsys, "fix-glyphs")[1] != text
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    assert run(capsys, "fix-glyphs", "--without", "glyphs")[:2] == (0, text)


def test_fix_glyphs_takes_the_encoding_it_is_told(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("会议\n".encode("gb18030"))))
    assert run(capsys, "fix-glyphs", "--without", "glyphs", "--encoding", "gb18030")[:2] == (0, "会议\n")


def test_fix_glyphs_gives_one_line_out_per_line_in_blank_lines_included(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import io

    text = "第一行文字。\n\n第三行文字。\n\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    code, out, _ = run(capsys, "fix-glyphs")
    assert code == 0 and out.split("\n") == text.split("\n")


def test_a_bug_on_one_page_of_a_batch_is_one_line_and_the_rest_go_on(capsys, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from layoutfix import cli as cli_module

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("本报讯 会议要求各部门认真落实。", encoding="utf-8")
    (src / "b.txt").write_text("本报讯 公园里新修了三条步道。", encoding="utf-8")
    real = cli_module.clean

    def flaky(data, cfg, source):  # type: ignore[no-untyped-def]
        if source == "a.txt":
            raise RuntimeError("boom")
        return real(data, cfg, source=source)

    monkeypatch.setattr(cli_module, "clean", flaky)
    code, _, err = run(capsys, "clean", str(src), "-o", str(tmp_path / "out"), "-q")
    assert code == 2 and "a.txt: internal error (RuntimeError: boom)" in err and "Traceback" not in err
    assert (tmp_path / "out" / "b.json").exists()


def test_fix_glyphs_gives_blank_lines_back_as_they_came(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"\n\n")))
    code, out, _ = run(capsys, "fix-glyphs")
    assert code == 0 and out == "\n\n"


def test_xml_of_a_page_with_no_article_is_a_failure_not_silence(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "z.txt"
    page.write_text("第3版\n", encoding="utf-8")
    code, out, err = run(capsys, "clean", str(page), "--format", "xml")
    assert code == 2 and out == "" and "no article" in err


def test_train_lm_reads_a_gb18030_corpus_and_refuses_a_binary_one(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from layoutfix.lm import load_lm

    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_bytes("会议要求各部门认真落实新的规定。\n".encode("gb18030"))
    (good / "empty.txt").write_bytes(b"\n")
    code, _, err = run(capsys, "train-lm", str(good), "-o", str(tmp_path / "m.lm"))
    assert code == 0 and "\ufffd" not in "".join(load_lm(str(tmp_path / "m.lm")).freq)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "b.txt").write_bytes(b"\x00\x01\x02binary\x00\xff\xfe\x00" * 50)
    code, _, err = run(capsys, "train-lm", str(bad), "-o", str(tmp_path / "n.lm"))
    assert code == 2 and "binary" in err and "b.txt" in err and not (tmp_path / "n.lm").exists()


def test_a_dash_reads_the_dump_from_stdin(capsys, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import io

    data = "本报讯 会议要求各部门认真落实。\n".encode("utf-8")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(capsys, "clean", "-", "--format", "text")
    assert code == 0 and "会议要求各部门认真落实。" in out
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert run(capsys, "clean", "-", "-o", str(tmp_path))[0] == 0 and (tmp_path / "stdin.json").exists()


def test_stdin_given_twice_is_refused_before_anything_is_written(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "clean", "-", "-", "-o", str(tmp_path / "out"))
    assert code == 2 and "stdin can be read once" in err and not (tmp_path / "out").exists()


def test_an_output_that_cannot_carry_chinese_is_named_as_the_cause(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """review18a: a latin-1 terminal gave 'internal error (UnicodeEncodeError …)' or the bare codec message."""
    import io
    import sys
    latin = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
    monkeypatch.setattr(sys, "stdout", latin)
    assert main(["clean", str(SAMPLE), "--format", "text"]) == 2
    err = capsys.readouterr().err
    assert "cannot print Chinese text" in err and "latin-1" in err and "internal error" not in err
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("会议强调\n".encode()), encoding="utf-8"))
    assert main(["fix-glyphs"]) == 2
    assert "cannot print Chinese text" in capsys.readouterr().err


def test_a_file_name_that_is_not_utf8_is_cleaned_and_named_with_replacement_characters(  # type: ignore[no-untyped-def]
        capsys, tmp_path: Path) -> None:
    # review20a: the name's byte reached the JSON as a lone surrogate, the write failed with an encoding error
    # that blamed the terminal, and an empty OUT/<name>.json was left behind
    src = tmp_path / "in"
    src.mkdir()
    odd = os.fsdecode(b"page\xff1.txt")
    (src / odd).write_text("本报讯（记者 林一）东山县新桥通车了。\n", encoding="utf-8")  # (POSIX names are bytes)
    assert main(["clean", str(src), "-o", str(tmp_path / "out")]) == 0
    (out,) = (tmp_path / "out").glob("*.json")
    assert json.loads(out.read_text(encoding="utf-8"))["source"] == "page\ufffd1.txt"
