"""Command line: `layoutfix clean | diff | validate | fix-glyphs | train-lm | bench`.

Every failure a user can cause (missing, empty, binary or undecodable file, a
directory without dumps, an unwritable output) is one line on stderr naming
the file and the cause, with exit code 2. A batch reports each failed file
and goes on; it exits 2 if any failed.
"""
from __future__ import annotations

import argparse
from glob import escape as glob_escape
import os
import re
import sys
from pathlib import Path
from typing import Iterable, Sequence

from . import __version__
from .config import STAGES, Config
from .errors import InputError, LayoutfixError, OutputError
from .model import Page
from .newsml import page_to_message, page_to_newsml
from .pipeline import check_lm, clean, freeze_resources, run_stages
from .stages.read import LINE_BREAK, decode

EXIT_OK, EXIT_ERROR = 0, 2
DUMP_SUFFIXES = (".txt",)


def _err(msg: str) -> None:
    print(f"layoutfix: {msg}", file=sys.stderr)


def _config(args: argparse.Namespace) -> Config:
    """The run's one immutable Config from the options; a `--lm` that cannot be loaded is an InputError, a
    `--context-lm` a ContextModelError (both one line, exit 2)."""
    cfg = Config()
    off = [s for s in (args.without or "").split(",") if s]
    if off:
        cfg = cfg.without(*off)
    changes: dict[str, object] = {}
    if getattr(args, "encoding", None):
        changes["encoding"] = args.encoding
    if getattr(args, "lm", None):
        changes["lm_path"] = str(args.lm)
    if getattr(args, "context_lm", None) is not None:  # ('' too: Config refuses it rather than running without)
        changes["context_lm"] = str(args.context_lm)
    if getattr(args, "max_bytes", None) is not None:
        changes["max_bytes"] = args.max_bytes
    if getattr(args, "no_opencc", False):
        changes["opencc"] = None
    cfg = cfg.replace(**changes) if changes else cfg
    check_lm(cfg)
    return cfg


ENCODING_HELP = "input encoding (default: detect UTF-8/UTF-16/GB18030/Big5)"
LM_HELP = "language model built by `layoutfix train-lm`"
CONTEXT_LM_HELP = ("optional word-trigram context model for flow's joins and a second glyph pass: 'libime' (Debian's "
                   "libime-data-language-model) or a KenLM file; needs pip install 'layoutfix[context]'")
STDIN = Path("-")  # `layoutfix clean -` reads the dump from stdin (written as OUT/stdin.json with -o)


def _stem(path: Path) -> str:
    return "stdin" if path == STDIN else path.stem


def _source(path: Path) -> str:
    """The page's source name in its edits and errors: a file name that is not UTF-8 (Python keeps its bytes as
    lone surrogates, which no UTF-8 output can carry) shows each undecodable byte as U+FFFD."""
    if path == STDIN:
        return "<stdin>"
    return path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The dump's bytes; with `limit` (Config.max_bytes), a larger one is refused before it is read whole (a file
    by its size, a stream or device once `limit` + 1 bytes have come: `layoutfix clean /dev/zero` had read until
    memory ran out, review23a)."""
    try:
        if path == STDIN:
            data = sys.stdin.buffer.read() if limit is None else sys.stdin.buffer.read(limit + 1)
        else:
            with path.open("rb") as fh:
                if limit is not None and (size := os.fstat(fh.fileno()).st_size) > limit:
                    raise InputError(f"too large ({size:,} bytes; the limit is {limit:,}, see --max-bytes)", str(path))
                data = fh.read() if limit is None else fh.read(limit + 1)
    except FileNotFoundError:
        raise InputError("no such file", str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory", str(path)) from None
    except PermissionError:
        raise InputError("permission denied", str(path)) from None
    except OSError as e:
        raise InputError(e.strerror or str(e), str(path)) from None
    if limit is not None and len(data) > limit:
        raise InputError(f"too large (more than {limit:,} bytes; see --max-bytes)", str(path))
    return data


def _dumps(paths: Sequence[Path]) -> list[Path]:
    """Expand directories into the dumps they hold; a directory with none is an error."""
    if sum(p == STDIN for p in paths) > 1:
        raise InputError("stdin can be read once: give - one time", "-")
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            # a dangling link is listed too, so the batch reports it instead of passing it by (review18a)
            found = sorted(f for f in p.iterdir() if f.suffix.lower() in DUMP_SUFFIXES
                           and (f.is_file() or (f.is_symlink() and not f.exists())))
            if not found:
                raise InputError(f"no page dumps ({', '.join('*' + s for s in DUMP_SUFFIXES)}) in this directory",
                                 str(p))
            out += found
        else:
            out.append(p)
    return out


def _item_files(out_dir: Path, stem: str) -> list[Path]:
    """The `<stem>-NN.xml` files a page's items were written to (by this run or an earlier one)."""
    numbered = re.compile(re.escape(stem) + r"-[0-9]{2,}\.xml")  # -01 … -99, then -100 and on
    return [p for p in out_dir.glob(f"{glob_escape(stem)}-[0-9]*.xml") if numbered.fullmatch(p.name)]


def _forget_outputs(out_dir: Path | None, stem: str) -> str:
    """Remove a failed page's outputs from an earlier run, so none stands beside the error as if current."""
    if out_dir is None or not out_dir.is_dir():
        return ""
    old = _item_files(out_dir, stem) + [p for p in (out_dir / f"{stem}.json",) if p.exists()]
    for p in old:
        try:
            p.unlink()
        except OSError:
            return f" (its outputs of an earlier run in {out_dir} could not be removed)"
    return f" (its outputs of an earlier run in {out_dir} were removed)" if old else ""


def _stem_clash(files: Sequence[Path]) -> tuple[Path, Path] | None:
    """Two dumps whose outputs would overwrite each other in one output directory (same stem)."""
    seen: dict[str, Path] = {}
    for f in files:
        stem = _stem(f)
        if stem in seen and seen[stem].resolve() != f.resolve():
            return seen[stem], f
        seen.setdefault(stem, f)
    return None


def write_outputs(page: Page, out_dir: Path, stem: str) -> list[Path]:
    """OUT/<page>.json and OUT/<page>-NN.xml (one NewsML-G2 newsItem per item).

    XML files of an earlier run of the same page are removed first: a page that
    now has fewer items must not leave a stale `<page>-NN.xml` beside its JSON.
    """
    written: list[Path] = []
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError("cannot write output: not a directory", str(out_dir))
    target = out_dir  # what was being written when an error came: the error names it, not only OUT
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for target in _item_files(out_dir, stem):
            target.unlink()
        target = out_dir / f"{stem}.json"
        text = page.to_json()  # (made before the file is opened: a failure leaves no empty file behind)
        target.write_text(text, encoding="utf-8")
        written.append(target)
        for n, xml in enumerate(page_to_newsml(page), start=1):  # one timestamp for the page's items
            target = out_dir / f"{stem}-{n:02d}.xml"
            target.write_bytes(xml)
            written.append(target)
    except OSError as e:
        raise OutputError(f"cannot write output: {e.strerror or e}", str(target)) from None
    return written


def cmd_clean(args: argparse.Namespace) -> int:
    """Clean each dump; with -o write OUT/<stem>.json and OUT/<stem>-NN.xml, else print one page."""
    try:
        cfg = _config(args)
        files = _dumps(args.paths)
    except LayoutfixError as e:
        _err(str(e))
        return EXIT_ERROR
    if args.output is None and len(files) > 1:
        _err("several pages need an output directory: add -o OUT/")
        return EXIT_ERROR
    clash = _stem_clash(files) if args.output is not None else None
    if clash:
        _err(f"{clash[0]} and {clash[1]} would both write {args.output / _stem(clash[0])}.*: "
             "clean them into different output directories")
        return EXIT_ERROR
    failed = empty = 0
    progress = _progress(files, enabled=len(files) > 1 and not args.quiet)
    for f in progress:
        try:
            page = clean(_read_bytes(f, cfg.max_bytes), cfg, source=_source(f))
            if len(files) > 1:
                freeze_resources()  # a batch: the models the first page loaded leave the collector's reach
            if args.output is not None:
                write_outputs(page, args.output, _stem(f))
                if not page.items:  # written, but worth a line: a batch must not pass it over in silence
                    empty += 1
                    _err(f"{f}: no article on this page (all its text went to noise): "
                         f"{_stem(f)}.json written, no NewsML-G2")
            elif args.format == "json":
                print(page.to_json(edits=not args.no_edits))
            elif args.format == "xml":  # one stream holds one XML document: the page's items in a newsMessage
                message = page_to_message(page)
                if message is None:  # an empty itemSet is no valid document: a reader gets an error, not silence
                    failed += 1
                    _err(f"{f}: no article on this page (all its text went to noise): no NewsML-G2 to print")
                else:
                    sys.stdout.write(message.decode("utf-8"))
            else:
                print(page.to_text())
        except LayoutfixError as e:
            failed += 1
            _err(str(e) + _forget_outputs(args.output, _stem(f)))
        except BrokenPipeError:  # the reader went away (`| head`): main's handler ends quietly
            raise
        except UnicodeEncodeError:  # (review18a: this was reported as an internal error)
            failed += 1
            _err(f"{f}: {_unprintable()}")
        except Exception as e:  # a bug must not stop a batch: report it like a bad page
            failed += 1
            _err(f"{f}: internal error ({type(e).__name__}: {e})" + _forget_outputs(args.output, _stem(f)))
    if len(files) > 1 and not args.quiet:
        print(f"layoutfix: {len(files) - failed} of {len(files)} page(s) cleaned"
              + (f" ({empty} with no article)" if empty else "")
              + (f", {failed} failed" if failed else ""), file=sys.stderr)
    return EXIT_ERROR if failed else EXIT_OK


def _progress(files: list[Path], enabled: bool) -> Iterable[Path]:
    if not enabled:
        return files
    from tqdm import tqdm

    return tqdm(files, unit="page", file=sys.stderr, disable=None)


def _count(text: str) -> int:
    """A count given on the command line: a whole number, 0 or more (argparse reports anything else)."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {n}")
    return n


def cmd_diff(args: argparse.Namespace) -> int:
    """Print what each stage changed on one page, with each decision's reason and score."""
    from .diffview import render_diff

    try:
        cfg = _config(args)
        if args.stage and args.stage != "read" and not cfg.runs(args.stage):
            raise LayoutfixError(f"--stage {args.stage} asks for a stage that --without switches off: nothing to show")
        data = _read_bytes(args.path, cfg.max_bytes)
        stages = list(run_stages(data, cfg, source=_source(args.path)))
    except LayoutfixError as e:
        _err(str(e))
        return EXIT_ERROR
    color = args.color if args.color is not None else sys.stdout.isatty()
    print(render_diff(stages, only=args.stage, color=color, limit=args.limit))
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate each NewsML-G2 file (directories: their *.xml) against the shipped schemas."""
    from .validate import validate_file

    bad = 0
    files: list[Path] = []
    for p in args.files:
        if p.is_dir():
            found = sorted(p.glob("*.xml"))
            if not found:
                _err(f"{p}: no *.xml files in this directory")
                bad += 1
            files += found
        else:
            files.append(p)
    for p in files:
        if not p.is_file():  # (a directory a glob found, a device such as /dev/null, or nothing at all)
            _err(f"{p}: " + ("is a directory" if p.is_dir() else "not a regular file" if p.exists()
                             else "no such file"))
            bad += 1
            continue
        errors = validate_file(p)
        if errors:
            bad += 1
            print(f"{p}: INVALID")
            for e in errors[: args.max_errors]:
                print(f"  {e}")
        elif not args.quiet:
            print(f"{p}: valid")
    return EXIT_ERROR if bad else EXIT_OK


_FIRST_BLOCK = 1 << 16  # bytes of stdin `fix-glyphs` checks before it reads the rest


def cmd_fix_glyphs(args: argparse.Namespace) -> int:
    """Correct glyph errors line by line, stdin to stdout, keeping the line count (for scoring on any set)."""
    from .stages.glyphs import fix_lines

    try:
        cfg = _config(args)
    except LayoutfixError as e:
        _err(str(e))
        return EXIT_ERROR
    head = sys.stdin.buffer.read(_FIRST_BLOCK)
    if head.strip():  # binary input is refused from its first block, before the rest is read (review24a:
        try:  # `fix-glyphs < /dev/zero` read until memory ran out)
            decode(head, cfg.encoding, "<stdin>")
        except LayoutfixError as e:
            _err(str(e))
            return EXIT_ERROR
    data = head + sys.stdin.buffer.read()
    if not data.strip():  # nothing to correct (decode would call it empty input): the same lines back
        sys.stdout.write(data.decode("utf-8", errors="replace"))
        return EXIT_OK
    try:  # the encodings `clean` accepts, detected the same way; binary input is refused
        text, _ = decode(data, cfg.encoding, "<stdin>")
    except LayoutfixError as e:
        _err(str(e))
        return EXIT_ERROR
    lines = LINE_BREAK.split(text.lstrip("\ufeff"))
    trailing = lines and lines[-1] == ""
    if trailing:
        lines = lines[:-1]
    fixed = fix_lines(lines, cfg) if cfg.runs("glyphs") else lines  # `--without glyphs`: the baseline, lines as read
    sys.stdout.write("\n".join(fixed) + ("\n" if trailing else ""))
    return EXIT_OK


def cmd_train_lm(args: argparse.Namespace) -> int:
    """Build a language model from a user's clean text (and optional OCR confusions) for `--lm`."""
    from .lmtrain import train_lm

    for p in [args.corpus] + list(args.confusions or []):
        if not p.exists():
            _err(f"{p}: no such file or directory")
            return EXIT_ERROR
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        train_lm([args.corpus], args.output, confusions=args.confusions, encoding=args.encoding)
    except LayoutfixError as e:
        _err(str(e))
        return EXIT_ERROR
    except UnicodeDecodeError as e:
        _err(f"training text is not UTF-8 ({e.reason} at byte {e.start}): give clean UTF-8 text")
        return EXIT_ERROR
    except OSError as e:
        _err(f"{args.output}: cannot write model: {e.strerror or e}")
        return EXIT_ERROR
    print(f"layoutfix: language model written to {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    """Run the benchmark runner of the source checkout in the current directory (`python -m benchmarks`)."""
    if os.getcwd() not in sys.path:  # a console script does not put the working directory on sys.path
        sys.path.insert(0, os.getcwd())
    try:
        from benchmarks.__main__ import main as bench_main  # type: ignore[import-not-found]
    except ImportError:
        _err("the benchmark runner lives in the source tree: run `python -m benchmarks` from a clone")
        return EXIT_ERROR
    return int(bench_main(args.rest) or 0)


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="layoutfix", description=__doc__.split("\n")[0])
    ap.add_argument("--version", action="version", version=f"layoutfix {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    def pipeline_opts(p: argparse.ArgumentParser) -> None:
        p.add_argument("--encoding", help=ENCODING_HELP)
        p.add_argument("--without", metavar="STAGE[,STAGE]",
                       help=f"switch stages off: {', '.join(STAGES[1:])}")
        p.add_argument("--lm", type=Path, help=LM_HELP)
        p.add_argument("--context-lm", metavar="libime|PATH", help=CONTEXT_LM_HELP)
        p.add_argument("--max-bytes", type=int, help="refuse inputs larger than this (default 2 MB, about 100 times a page)")
        p.add_argument("--no-opencc", action="store_true", help="keep traditional characters")

    c = sub.add_parser("clean", help="clean page dumps (files or directories)")
    c.add_argument("paths", nargs="+", type=Path, help="dump files or directories of them; - reads stdin")
    c.add_argument("-o", "--output", type=Path, help="write OUT/<page>.json and OUT/<page>-NN.xml")
    c.add_argument("--format", choices=("json", "xml", "text"), default="json",
                   help="stdout format when no -o is given (default json)")
    c.add_argument("--no-edits", action="store_true", help="leave the edit log out of the JSON")
    c.add_argument("-q", "--quiet", action="store_true")
    pipeline_opts(c)
    c.set_defaults(func=cmd_clean)

    d = sub.add_parser("diff", help="show what each stage changed on one page")
    d.add_argument("path", type=Path)
    d.add_argument("--stage", choices=STAGES, help="only this stage")
    d.add_argument("--limit", type=_count, default=60, help="edits shown per stage (default 60; 0: all)")
    d.add_argument("--color", dest="color", action="store_true", default=None)
    d.add_argument("--no-color", dest="color", action="store_false")
    pipeline_opts(d)
    d.set_defaults(func=cmd_diff)

    v = sub.add_parser("validate", help="validate NewsML-G2 files against the shipped schemas")
    v.add_argument("files", nargs="+", type=Path)
    v.add_argument("--max-errors", type=int, default=10)
    v.add_argument("-q", "--quiet", action="store_true")
    v.set_defaults(func=cmd_validate)

    g = sub.add_parser("fix-glyphs", help="correct OCR glyph errors: lines on stdin, same lines on stdout")
    g.add_argument("--lm", type=Path, help=LM_HELP)
    g.add_argument("--context-lm", metavar="libime|PATH", help=CONTEXT_LM_HELP)
    g.add_argument("--encoding", help=ENCODING_HELP)
    g.add_argument("--without", metavar="glyphs",
                   help="`--without glyphs` gives the lines back as read (a baseline for scoring)")
    g.set_defaults(func=cmd_fix_glyphs)

    t = sub.add_parser("train-lm", help="build a language model from clean text")
    t.add_argument("corpus", type=Path, help="a directory (or file) of clean UTF-8 text (.txt, .jsonl)")
    t.add_argument("-o", "--output", type=Path, required=True)
    t.add_argument("--encoding", help="the .txt files' encoding (default: detected as for `clean`; give it for short "
                                      "GB18030 or Big5 files, which either reading may fit)")
    t.add_argument("--confusions", type=Path, action="append",
                   help="OCR-vs-truth sentence pairs (`[n<TAB>]ocr<TAB>truth` a line) or a count table "
                        "(`read<TAB>meant<TAB>count` a line): their confusions become the model's observed channel "
                        "(may be given more than once; counts add up)")
    t.set_defaults(func=cmd_train_lm)

    b = sub.add_parser("bench", help="run the benchmark runner (from a source checkout)")
    b.add_argument("rest", nargs=argparse.REMAINDER)
    b.set_defaults(func=cmd_bench)
    return ap


def _unprintable() -> str:
    """What to tell a user whose terminal's encoding cannot carry Chinese text."""
    enc = getattr(sys.stdout, "encoding", None) or "unknown"
    return (f"cannot print Chinese text to this output (its encoding is {enc}): set PYTHONIOENCODING=utf-8, "
            "or write files with -o DIR")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["bench"]:  # every later option belongs to the benchmark runner, not to this parser
        rest = argv[1:]
        return cmd_bench(argparse.Namespace(rest=rest[1:] if rest[:1] == ["--"] else rest))
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except UnicodeEncodeError:  # stdout cannot carry Chinese: say so, not the codec's words
        _err(_unprintable())
        return EXIT_ERROR
    except ValueError as e:  # e.g. an unknown stage in --without
        _err(str(e))
        return EXIT_ERROR
    except BrokenPipeError:  # `layoutfix clean … | head`: stop quietly, and let Python's exit flush go nowhere
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):  # stdout is no file (captured, redirected in-process)
            pass
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
