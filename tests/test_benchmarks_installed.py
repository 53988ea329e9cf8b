"""Spec: `python -m benchmarks --installed` measures the package `pip install .` built, never the checkout's source
under that name, and refuses an installed package that is not this checkout's code."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchmarks import installed_mismatch
from benchmarks.__main__ import narrowing, parser

ROOT = Path(__file__).resolve().parents[1]
PROBE = ("import sys, json; sys.argv[1:] = ['--installed']; import benchmarks; import layoutfix; "
         "print(json.dumps([layoutfix.__file__, benchmarks.installed_mismatch()]))")


def test_the_checkout_s_own_source_is_not_the_installed_build() -> None:
    # pytest, run from the repository root, imports this checkout's layoutfix
    assert "--installed" in (installed_mismatch() or "")


def test_with_the_flag_layoutfix_comes_from_outside_the_checkout_or_the_runner_says_why_not() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120)
    if done.returncode == 0:
        where, mismatch = json.loads(done.stdout)
        assert not Path(where).resolve().is_relative_to(ROOT / "layoutfix")
        assert mismatch is None or "pip install ." in mismatch  # an install of another checkout: named, refused
    else:  # an editable install of this checkout, or none: one line, no traceback
        assert "pip install ." in done.stderr and "Traceback" not in done.stderr


def test_the_flag_narrows_nothing_a_full_installed_run_writes_the_report() -> None:
    assert narrowing(parser().parse_args(["--installed"])) == []
