"""Spec (types51): the package type-checks clean.

`python -m mypy layoutfix` from the repository root reports no error: the annotations say what the code does
(rapidfuzz's opcodes read by their named fields, Optionals narrowed where the code already relies on a value),
and the project's mypy settings live in `pyproject.toml` (`[tool.mypy]`): third-party modules without type
information are named one by one, never ignored wholesale. The benchmark runner (`benchmarks/`) is held to the
same. mypy is in the `test` extra (CI installs `.[test]`), so this check runs everywhere the suite runs and is
never skipped.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

import mypy.api

ROOT = Path(__file__).resolve().parent.parent


def _mypy(*targets: str, cache: Path) -> tuple[str, int]:
    """mypy's report and exit status on `targets` (paths from the repository root), with the project's settings."""
    stdout, stderr, status = mypy.api.run([
        "--config-file", str(ROOT / "pyproject.toml"),
        "--cache-dir", str(cache),  # (a fresh cache: nothing an earlier run left decides the result)
        *(str(ROOT / t) for t in targets),
    ])
    return stdout + stderr, status


def test_the_package_and_the_benchmark_runner_type_check_without_an_error(tmp_path: Path) -> None:
    report, status = _mypy("layoutfix", "benchmarks", cache=tmp_path / "mypy")
    errors = [line for line in report.splitlines() if ": error:" in line]
    assert errors == [] and status == 0, f"mypy found {len(errors)} error(s):\n{report}"
    assert report.startswith("Success: no issues found")


def test_third_party_modules_without_types_are_named_one_by_one() -> None:
    """`ignore_missing_imports` only in an override that names its modules: a module of the project that cannot
    be found (a typo, a moved file) stays an error."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert "ignore_missing_imports" not in config
    named = [o for o in config["overrides"] if o.get("ignore_missing_imports")]
    assert named, "no override names the untyped third-party modules"
    for override in named:
        modules = override["module"]
        assert isinstance(modules, list) and modules
        assert not any(m == "*" or m.startswith(("layoutfix", "benchmarks", "tests")) for m in modules)


def test_the_test_extra_installs_the_mypy_the_build_uses() -> None:
    """CI installs `.[test]`: mypy must come with it (the type check is never skipped), pinned as the build's."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    build = [r for r in project["build-system"]["requires"] if r.startswith("mypy")]
    test = [r for r in project["project"]["optional-dependencies"]["test"] if r.startswith("mypy")]
    assert build == ["mypy>=2.4.1,<2.5"] and test == build
