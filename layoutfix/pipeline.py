"""The pipeline: named stages over one `Page`, chosen by the config (spaCy-style components).

Every stage is a pure function `Page -> Page` registered in `STAGE_FUNCS`.
`read` is special only in that it makes the `Page` from bytes or text.
"""
from __future__ import annotations

import gc
import time
from typing import Callable, Iterator

from .audit import with_offsets
from .config import DEFAULT, STAGES, Config
from .errors import InputError
from .lm import load_lm
from .model import Edit, Page
from .stages.dedup import dedup
from .stages.flow import flow
from .stages.glyphs import glyphs
from .stages.normalize import normalize
from .stages.quotes import quotes
from .stages.read import read
from .stages.segment import segment, unsegmented

StageFunc = Callable[[Page], Page]
STAGE_FUNCS: dict[str, StageFunc] = {
    "normalize": normalize,
    "flow": flow,
    "dedup": dedup,
    "quotes": quotes,
    "glyphs": glyphs,
    "segment": segment,
}
assert set(STAGE_FUNCS) | {"read"} == set(STAGES)


def check_lm(config: Config) -> None:
    """Load the configured language model (and context model) now, so a missing or corrupt file is one clear error.

    Why: otherwise the first stage that needs the model raises whatever the
    file's format gives (FileNotFoundError, BadGzipFile, JSONDecodeError) in the
    middle of a page, and a batch blames every page for one bad `--lm`.
    """
    if config.context_lm is not None:  # (the optional context model: ContextModelError names the missing piece)
        from .flowcontext import cached_context_lm
        cached_context_lm(config.context_lm)
    if not config.lm_path:
        return
    try:
        lm = load_lm(config.lm_path)
        if lm.has_chars and lm.chars is not None:  # kept as JSON text until first asked for: ask now (review24a:
            lm.chars.sentence_logp("中文")  # a corrupt or foreign character model failed on every page instead)
    except Exception as e:  # any failure to load is the file's fault, not the page's
        raise InputError(f"cannot load language model ({type(e).__name__}: {e})", config.lm_path) from None


_frozen = False  # whether `freeze_resources` has run in this process


def freeze_resources() -> bool:
    """Move every object alive now (the language model, the confusion tables, the weights, the memos the first
    page filled) out of the garbage collector's reach, once per process; True when this call did it.

    Why: the loaded resources are millions of long-lived objects that every full collection walks again, and a
    page makes enough containers to start several full collections: measured over the 160 tuning pages, full
    collections took 2.2 s per pass, 0.4 s after `gc.freeze()`. Frozen objects are never freed, so this runs
    after a collection, once the first page has loaded what the stages load lazily; nothing a stage computes
    depends on it. Frozen objects include whatever the calling program holds at that moment, so the library
    call (`clean`) never freezes (review16b: a caller's 50 MB cycle stayed alive); the batch runners do, after
    their first page: `layoutfix clean` over several dumps and the benchmark's throughput pass.
    """
    global _frozen
    if _frozen:
        return False
    _frozen = True
    gc.collect()
    gc.freeze()
    return True


def run_stages(data: bytes | str, config: Config = DEFAULT, source: str = "<input>") -> Iterator[tuple[str, Page, float]]:
    """Yield (stage name, page after it, seconds) for `read` and each configured stage."""
    check_lm(config)
    t0 = time.perf_counter()
    page = read(data, config, source)
    yield "read", page, time.perf_counter() - t0
    for name in STAGES[1:]:
        if not config.runs(name):
            continue
        t0 = time.perf_counter()
        page = with_offsets(page, STAGE_FUNCS[name](page))  # where a stage logged what, not where
        yield name, page, time.perf_counter() - t0
    if not config.runs("segment"):
        yield "unsegmented", unsegmented(page), 0.0


def clean(data: bytes | str, config: Config = DEFAULT, source: str = "<input>") -> Page:
    """Clean one raw page dump: the library's main call."""
    page = None
    for _, page, _ in run_stages(data, config, source):
        pass
    assert page is not None
    return page


def fix_and_explain(data: bytes | str, config: Config = DEFAULT,
                    source: str = "<input>") -> tuple[str, tuple[Edit, ...]]:
    """The cleaned page as text and every edit that made it, as ftfy's `fix_and_explain` does.

    The text is `Page.to_text()`, the `--format text` view: each item's fields (`[1] article`,
    `headline: …`) over its paragraphs, then a `[noise] …` line with what was set aside. For a
    preprocessing step that wants text, not a document model, and still needs to say what was changed:
    each `Edit` names its stage, kind, the text before and after, the line of the INPUT it came from, a
    confidence and a reason, so a reviewer can audit it against the dump. `clean` gives the whole `Page`.
    """
    page = clean(data, config, source)
    return page.to_text(), page.edits
