"""One immutable configuration object with sensible defaults (ftfy's TextFixerConfig style)."""
from __future__ import annotations

import codecs
import math
from dataclasses import dataclass, replace

STAGES: tuple[str, ...] = ("read", "normalize", "flow", "dedup", "quotes", "glyphs", "segment")


@dataclass(frozen=True)
class Config:
    """Everything a run can be told. Change a copy with `config.replace(...)` or `config.without(...)`.

    stages          which stages run (always in the order of STAGES); `read` always runs
    encoding        force an input encoding (None: detect)
    max_bytes       larger inputs are refused with a clear error (default 2 MB: a page dump is tens of KB,
                    and the pipeline takes about 10 s and 300 MB of memory per MB)
    opencc          OpenCC conversion applied by `normalize` ("t2s"; None turns it off)
    lm_path         a language model built by `layoutfix train-lm` (None: the shipped model)
    flow_window     how many blocks ahead `flow` looks for a paragraph's continuation
    flow_min_gain   the language-model gain a join across a title-like block needs
    dedup_near      similarity (0-1) at which two paragraphs count as the same paragraph
    glyph_threshold log-probability gain a glyph fix needs before it is made
    context_lm      an optional word-trigram context model for `flow`'s joins and the glyph stage's second
                    pass (`layoutfix.glyphcontext`): "libime" (Debian's
                    libime-data-language-model) or a KenLM file; needs `pip install 'layoutfix[context]'`
                    (None, the default: no context model, the output does not depend on what is installed)
    """

    stages: tuple[str, ...] = STAGES
    encoding: str | None = None
    max_bytes: int = 2_000_000
    opencc: str | None = "t2s"
    lm_path: str | None = None
    flow_window: int = 14
    flow_min_gain: float = 4.0
    dedup_near: float = 0.9
    glyph_threshold: float = 6.0
    context_lm: str | None = None

    def __post_init__(self) -> None:
        """A misspelled stage or an impossible limit is an error now, not a stage silently skipped later."""
        unknown = set(self.stages) - set(STAGES)
        if unknown:
            raise ValueError(f"unknown stage(s): {', '.join(sorted(unknown))}")
        if self.max_bytes < 1:
            raise ValueError(f"max_bytes must be at least 1 (got {self.max_bytes})")
        if self.flow_window < 1:
            raise ValueError(f"flow_window must be at least 1 block (got {self.flow_window})")
        if not 0.0 < self.dedup_near <= 1.0:
            raise ValueError(f"dedup_near is a similarity above 0 and at most 1 (got {self.dedup_near})")
        if self.context_lm is not None and not str(self.context_lm).strip():
            raise ValueError("context_lm names no model (\"\"): give 'libime' or a KenLM file, or None for none")
        for name in ("flow_min_gain", "glyph_threshold"):
            if not math.isfinite(getattr(self, name)):
                raise ValueError(f"{name} must be a finite number (got {getattr(self, name)})")
        if self.opencc not in (None, "t2s"):
            _check_opencc(self.opencc)
        if self.encoding is not None:
            try:  # (review24a: an unknown codec failed each page of a batch instead)
                info = codecs.lookup(self.encoding)
            except LookupError:
                raise ValueError(f"unknown encoding {self.encoding!r}") from None
            # a bytes-to-bytes or str-to-str codec ('base64', 'zlib', 'rot13') decodes no text (review25a); the
            # flag is the one bytes.decode itself checks
            if not getattr(info, "_is_text_encoding", True):
                raise ValueError(f"encoding {self.encoding!r} is no text encoding (it does not turn bytes into text)")

    def without(self, *names: str) -> "Config":
        """This config with the named stages switched off."""
        unknown = set(names) - set(STAGES)
        if unknown:
            raise ValueError(f"unknown stage(s): {', '.join(sorted(unknown))}")
        if "read" in names:
            raise ValueError("the read stage cannot be switched off")
        return replace(self, stages=tuple(s for s in self.stages if s not in names))

    def replace(self, **changes: object) -> "Config":
        return replace(self, **changes)  # type: ignore[arg-type]

    def runs(self, stage: str) -> bool:
        return stage in self.stages


def _check_opencc(name: str) -> None:
    """An OpenCC conversion OpenCC does not know is an error when the config is made, not inside `clean`."""
    import opencc

    try:
        opencc.OpenCC(name)
    except Exception as e:  # (OpenCC raises a bare RuntimeError for an unknown configuration)
        raise ValueError(f"unknown OpenCC conversion {name!r} ({e})") from None


DEFAULT = Config()
