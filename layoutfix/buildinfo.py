"""Which build of layoutfix is running: the modules loaded as compiled extensions, and what the install recorded.

A throughput figure means little without it: `pip install .` compiles flow, dedup, segment and textutil with
mypyc (setup.py) unless it could not, and a source tree or an editable install runs the `.py` files.
"""
from __future__ import annotations

import importlib
import json
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
RECORD = _PACKAGE / "_build.json"  # written by setup.py into the built package; absent in a source tree


def compiled_modules() -> list[str]:
    """The layoutfix modules that run as compiled extensions (each imported, to see which file it was loaded from:
    an extension file that Python does not load does not count)."""
    out = []
    for path in sorted(_PACKAGE.rglob("*")):
        suffix = next((s for s in EXTENSION_SUFFIXES if path.name.endswith(s)), None)
        if suffix is None:
            continue
        name = ".".join(path.relative_to(_PACKAGE.parent).with_name(path.name[:-len(suffix)]).parts)
        if str(getattr(importlib.import_module(name), "__file__", "")).endswith(suffix):
            out.append(name)
    return out


def build_info() -> dict[str, object]:
    """{"compiled": modules running compiled, "build": how the package was built, "location": its folder}.

    "build" is "mypyc X.Y.Z" for a compiled install, "pure: <why>" for an install that stayed pure Python
    (LAYOUTFIX_PURE, no compiler, ...), "source tree" when no install recorded anything (a checkout on
    PYTHONPATH, an editable install)."""
    compiled = compiled_modules()
    record = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.is_file() else None
    if record is None:
        build = "source tree"
    elif record.get("compiled"):
        build = f"mypyc {record.get('mypyc', '?')}"
    else:
        build = f"pure: {record.get('pure', '?')}"
    return {"compiled": compiled, "build": build, "location": str(_PACKAGE)}


def build_line() -> str:
    """One line for a report: '27 modules compiled (mypyc 2.4.1)' or 'pure Python (source tree)'."""
    info = build_info()
    compiled = info["compiled"]
    assert isinstance(compiled, list)
    if compiled:
        return f"{len(compiled)} modules compiled ({info['build']})"
    return f"pure Python ({info['build']})"
