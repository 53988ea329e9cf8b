"""Spec: the installed layoutfix, compiled by `pip install .` where mypyc could run, cleans pages exactly as the
source does.

pytest imports this tree's source; the installed package (with its compiled modules) is run in a subprocess with
the repository off sys.path (`python -I` from a scratch folder). Its output on corpus pages is compared with the
output of the same code as Python source:
  - when the installed `.py` and data files are this tree's (`pip install '.[test]'` from this checkout, as in
    CI), the reference is this tree, run from source;
  - otherwise (an install of another checkout, e.g. an editable install of a sibling tree, or a stale one) the
    reference is the installed package itself with its compiled modules replaced by the `.py` files beside them.
Either way the compiled code is held to its source, and the test says which modules ran compiled.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# a few pages of each kind the pipeline meets (tuning splits only)
PAGES = sorted((ROOT / "corpus" / "samples").glob("*.txt")) \
    + sorted((ROOT / "corpus" / "synthetic" / "tune").glob("*.txt"))[:6] \
    + sorted((ROOT / "corpus" / "real_ocr_tune" / "heavy").glob("*.txt"))[:2] \
    + sorted((ROOT / "corpus" / "real_ocr_tune" / "light").glob("*.txt"))[:2]

# Run in the subprocess: argv = [mode, tree or "", page...]. mode "installed": the package as installed;
# "pure": the installed package with each compiled module loaded from its .py instead; "tree": the tree's source.
RUNNER = r'''
import hashlib, importlib, importlib.abc, importlib.machinery, importlib.util, json, sys
from pathlib import Path
mode, tree, pages = sys.argv[1], sys.argv[2], sys.argv[3:]
EXT = tuple(importlib.machinery.EXTENSION_SUFFIXES)

class SourceInsteadOfCompiled(importlib.abc.MetaPathFinder):
    """layoutfix's modules from their .py files, never from a compiled extension beside them."""
    def find_spec(self, name, path, target=None):
        if name.partition(".")[0] != "layoutfix":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or not (spec.origin or "").endswith(EXT):
            return spec
        origin = spec.origin
        source = origin[:-len(next(s for s in EXT if origin.endswith(s)))] + ".py"
        return importlib.util.spec_from_file_location(name, source)

if mode == "tree":
    sys.path.insert(0, tree)
elif mode == "pure":
    sys.meta_path.insert(0, SourceInsteadOfCompiled())
try:
    import layoutfix
except ImportError as e:
    print(json.dumps({"error": f"cannot import layoutfix: {e}"}))
    sys.exit(0)
package = Path(layoutfix.__file__).resolve().parent
compiled = []  # (what `layoutfix.build_info()` reports, found here too: the package run may be older than it)
for path in sorted(package.rglob("*")):
    suffix = next((s for s in EXT if path.name.endswith(s)), None)
    if suffix is not None:
        name = ".".join(path.relative_to(package.parent).with_name(path.name[:-len(suffix)]).parts)
        if str(getattr(importlib.import_module(name), "__file__", "")).endswith(suffix):
            compiled.append(name)
RECORD = package / "_build.json"
files = {str(p.relative_to(package)): hashlib.sha256(p.read_bytes()).hexdigest()
         for p in sorted(package.rglob("*")) if p.is_file() and (p.suffix == ".py" or p.parent.name == "data")}
outputs = {"/".join(Path(p).parts[-2:]): layoutfix.clean(Path(p).read_bytes(), source=Path(p).name).to_dict()
           for p in pages}
record = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.is_file() else None
print(json.dumps({"compiled": compiled, "location": str(package), "record": record, "files": files,
                  "outputs": outputs}, ensure_ascii=False))
'''


def run(mode: str, scratch: Path) -> dict:
    """The runner's report in `mode` (isolated interpreter, cwd a scratch folder: nothing of the tree on sys.path
    but what "tree" mode puts there)."""
    done = subprocess.run([sys.executable, "-I", "-c", RUNNER, mode, str(ROOT), *map(str, PAGES)], cwd=scratch,
                          capture_output=True, text=True, encoding="utf-8", timeout=900)
    assert done.returncode == 0, f"{mode} run failed:\n{done.stderr[-3000:]}"
    return json.loads(done.stdout.strip().splitlines()[-1])


def tree_files() -> dict[str, str]:
    import hashlib
    package = ROOT / "layoutfix"
    return {str(p.relative_to(package)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(package.rglob("*")) if p.is_file() and (p.suffix == ".py" or p.parent.name == "data")}


def test_installed_package_cleans_pages_as_its_source_does(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert len(PAGES) >= 10
    installed = run("installed", tmp_path)
    assert "error" not in installed, \
        f"{installed.get('error')}: the installed package is what this spec checks (pip install '.[test]' first)"
    compiled, record = installed["compiled"], installed["record"]
    build = "no build record" if record is None else \
        f"mypyc {record.get('mypyc')}" if record["compiled"] else f"pure: {record.get('pure')}"
    ours = installed["files"] == tree_files()
    reference = run("tree" if ours else "pure", tmp_path)
    with capsys.disabled():
        print(f"\n[test_build] installed layoutfix at {installed['location']}: {len(compiled)} modules compiled "
              f"({build}){': ' + ', '.join(compiled) if compiled else ''}; compared with "
              f"{'this tree run from source' if ours else 'its own .py files (the install is not of this tree)'}")
    if record is not None and record["compiled"]:  # a compiled install: every module compiled runs compiled
        assert sorted(compiled) == sorted(record["compiled"]), (compiled, record["compiled"])
    assert reference["compiled"] == [], reference["compiled"]  # the reference ran no compiled code
    moved = sorted(name for name in installed["outputs"] if installed["outputs"][name] != reference["outputs"][name])
    assert not moved, f"pages cleaned otherwise by the installed build ({build}): {moved}"
    assert installed["outputs"].keys() == reference["outputs"].keys() == {"/".join(p.parts[-2:]) for p in PAGES}


def test_build_info_names_the_modules_that_run_compiled() -> None:
    """A checkout names none and says "source tree"; an installed build names the ones loaded from extensions."""
    import layoutfix
    from importlib.machinery import EXTENSION_SUFFIXES

    from layoutfix.buildinfo import RECORD

    info = layoutfix.build_info()
    loaded = [name for name, module in sys.modules.items() if name.partition(".")[0] == "layoutfix"
              and str(getattr(module, "__file__", "")).endswith(tuple(EXTENSION_SUFFIXES))]
    assert info["compiled"] == sorted(loaded)
    assert (info["build"] == "source tree") == (not RECORD.is_file())
    assert Path(str(info["location"])) == Path(layoutfix.__file__).resolve().parent


def test_build_info_reads_what_the_install_recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from layoutfix import buildinfo

    record = tmp_path / "_build.json"
    monkeypatch.setattr(buildinfo, "RECORD", record)
    monkeypatch.setattr(buildinfo, "compiled_modules", lambda: [])
    record.write_text(json.dumps({"compiled": ["layoutfix.textutil"], "mypyc": "9.9.9"}), encoding="utf-8")
    assert buildinfo.build_info()["build"] == "mypyc 9.9.9"
    record.write_text(json.dumps({"compiled": [], "pure": "LAYOUTFIX_PURE is set"}), encoding="utf-8")
    assert buildinfo.build_info()["build"] == "pure: LAYOUTFIX_PURE is set"
    assert buildinfo.build_line() == "pure Python (pure: LAYOUTFIX_PURE is set)"
