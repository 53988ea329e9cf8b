"""Specification of the glyph stage's opt-in context pass (`layoutfix.glyphcontext`, ctxwire44).

With a context model configured (`Config.context_lm`, `--context-lm`), the glyph stage runs, after its own fixes,
the context pass that `benchmarks/context_glyphs.py` prototyped: a look-alike the word-trigram context model reads
better in the text around it is made when context gain + channel clears the bar, and logged as the stage's other
fixes are. Without a model nothing changes. The model is a tiny invented ARPA model (`tests/arpa.py`), the
look-alikes an invented table put in place of the stage's: no Debian data, no corpus text.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

import arpa as _arpa
import pytest

import layoutfix
import layoutfix.glyphcontext as GC
from layoutfix.cli import main as cli_main
from layoutfix.config import Config
from layoutfix.flowcontext import cached_context_lm
from layoutfix.lm import load_lm
from layoutfix.stages.glyphs import NAME_MARGIN, QUOTE_MARGIN, fix_lines

# invented look-alikes (shape, Tesseract count): 筝 read as 争, 谷 as 各
LOOKALIKES: dict[str, dict[str, tuple[float, int]]] = {"争": {"筝": (0.9, 0)}, "各": {"谷": (0.85, 0)}}

LINE = "风争飞过山谷。"   # a kite (风筝) misread: the context model knows 风筝 飞过 山谷 as a phrase
FIXED = "风筝飞过山谷。"
PAGE = ("晨光小镇的春季节日昨天开幕，游客们抬头看着风争飞过山谷，孩子们一边奔跑一边欢呼。\n\n"
        "据主办方介绍，今年共有四十支队伍报名参赛。\n").encode("utf-8")


@pytest.fixture(scope="module")
def arpa(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _arpa.write_arpa(tmp_path_factory.mktemp("ctxwire") / "kites.arpa", *_arpa.KITES)


@pytest.fixture(autouse=True)
def invented_lookalikes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stage's pass reads the invented look-alikes (built afresh: no pass cached from another test)."""
    monkeypatch.setattr(GC, "_candidates", lambda table, lm: (lambda c: LOOKALIKES.get(c, {})))
    monkeypatch.setattr(GC, "_PASSES", {})


def text(page: layoutfix.Page) -> str:
    return "\n".join(p for a in page.to_dict()["articles"] for p in a["paragraphs"])


def glyph_edits(page: layoutfix.Page) -> list[layoutfix.Edit]:
    return [e for e in page.edits if e.stage == "glyphs" and e.kind == "glyph"]


def test_with_a_context_model_fix_lines_makes_a_look_alike_fix_the_stage_alone_does_not_make(arpa: Path) -> None:
    assert fix_lines([LINE]) == [LINE]
    assert fix_lines([LINE], Config(context_lm=str(arpa))) == [FIXED]


def test_on_a_page_the_pass_runs_inside_the_glyph_stage_only_when_a_model_is_configured(arpa: Path) -> None:
    plain = layoutfix.clean(PAGE)
    assert "风争飞过" in text(plain) and not glyph_edits(plain)
    page = layoutfix.clean(PAGE, Config(context_lm=str(arpa)))
    assert "风筝飞过山谷" in text(page)


def test_the_fix_is_an_edit_of_the_glyph_stage_naming_the_context_gain_and_the_channel(arpa: Path) -> None:
    page = layoutfix.clean(PAGE, Config(context_lm=str(arpa)))
    (e,) = glyph_edits(page)
    assert (e.stage, e.kind, e.before, e.after, e.line) == ("glyphs", "glyph", "争", "筝", 1)
    assert "context gain" in e.reason and "channel" in e.reason and f">= {GC.BAR:.1f}" in e.reason
    assert 0.5 <= e.confidence <= 0.99
    assert "风争飞过" in e.context or "风筝飞过" in e.context


def test_the_pass_uses_the_measured_settings() -> None:
    assert (GC.BAR, GC.WEIGHT, GC.NAME_LIKE_MARGIN, GC.WINDOW, GC.MIN_CHANNEL) == (8.0, 1.0, 2.0, 6, -12.0)


def test_inside_quotes_the_stages_quote_margin_holds_the_fix_back(arpa: Path) -> None:
    cpass = GC.stage_pass(cached_context_lm(str(arpa)), load_lm(None))
    (p,) = cpass.proposals(LINE)  # unquoted, the place clears the bar by less than the quote margin
    assert p.score(GC.WEIGHT, GC.NAME_LIKE_MARGIN) - QUOTE_MARGIN < GC.BAR <= p.score(GC.WEIGHT, GC.NAME_LIKE_MARGIN)
    quoted = "“" + LINE[:-1] + "”。"
    assert fix_lines([LINE, quoted], Config(context_lm=str(arpa))) == [FIXED, quoted]


def test_after_a_lone_surname_the_stages_name_margin_and_the_name_like_margin_hold_the_fix_back(arpa: Path) -> None:
    # 山 is a surname character (jieba's names) the stage reads alone: 山各 -> 山谷 would clear the bar but for
    # the stage's NAME_MARGIN (the guard `_left_alone` reads) and the pass's NAME_LIKE_MARGIN
    printed = "风筝飞过山各。"
    cpass = GC.stage_pass(cached_context_lm(str(arpa)), load_lm(None))
    (p,) = cpass.proposals(printed)
    assert (p.cand, p.name_like) == ("谷", True)
    assert p.extra == NAME_MARGIN
    assert p.gain + GC.WEIGHT * p.channel >= GC.BAR > p.score(GC.WEIGHT, GC.NAME_LIKE_MARGIN)
    assert fix_lines([printed, "风争飞过山各。"], Config(context_lm=str(arpa))) == [printed, "风筝飞过山各。"]


def test_fix_glyphs_takes_the_context_model(arpa: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO((LINE + "\n").encode("utf-8"))))
    assert cli_main(["fix-glyphs", "--context-lm", str(arpa)]) == 0
    assert capsys.readouterr().out == FIXED + "\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO((LINE + "\n").encode("utf-8"))))
    assert cli_main(["fix-glyphs"]) == 0
    assert capsys.readouterr().out == LINE + "\n"


def test_the_benchmark_tool_measures_the_stages_own_pass() -> None:
    from benchmarks import context_glyphs

    assert context_glyphs.ContextPass is GC.ContextPass and context_glyphs.context_fix is GC.context_fix


def test_the_default_run_never_imports_kenlm_or_the_pass() -> None:
    import subprocess

    code = ("import sys, layoutfix; layoutfix.clean(" + repr(PAGE) + "); "
            "from layoutfix.stages.glyphs import fix_lines; fix_lines([" + repr(LINE) + "]); "
            "assert not {'kenlm', 'layoutfix.contextlm', 'layoutfix.glyphcontext'} & set(sys.modules); "
            "import layoutfix.glyphcontext")  # the pass is there (ctxwire44), the default run loaded none of it
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True,
                          env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
