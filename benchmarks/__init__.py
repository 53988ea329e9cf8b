"""Benchmark runner for layoutfix: `python -m benchmarks` (see benchmarks/__main__.py).

`benchmarks.score` re-implements the official page metrics, `benchmarks.metrics`
the per-stage defect metrics, `benchmarks.throughput` speed and memory.

Run from a checkout, the runner measures the checkout's source (Python puts it first on sys.path);
`python -m benchmarks --installed` measures the package `pip install .` built (with its mypyc-compiled
modules) instead: the checkout is taken off sys.path here, before anything imports layoutfix, and
`installed_mismatch` refuses an installed package that is not this checkout's code.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if "--installed" in sys.argv[1:]:
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT]
    import importlib.util

    if importlib.util.find_spec("layoutfix") is None:
        sys.exit("python -m benchmarks --installed: no layoutfix installed outside this checkout (an editable "
                 "install runs the checkout's source): run `pip install .` here first")


def installed_mismatch() -> str | None:
    """Why the layoutfix imported is not this checkout's code installed (None: it is)."""
    import layoutfix

    package = Path(layoutfix.__file__).resolve().parent
    if package == ROOT / "layoutfix":
        return "layoutfix is imported from this checkout: run `python -m benchmarks --installed` (the flag first " \
               "takes the checkout off sys.path)"
    source = ROOT / "layoutfix"
    for path in sorted(source.rglob("*")):
        if path.is_file() and (path.suffix == ".py" or path.parent.name == "data"):
            twin = package / path.relative_to(source)
            if not twin.is_file() or twin.read_bytes() != path.read_bytes():
                return f"the installed layoutfix ({package}) is not this checkout's code ({path.relative_to(ROOT)} " \
                       f"differs): run `pip install .` here first"
    return None
