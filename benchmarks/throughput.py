"""Speed and memory of the pipeline, one process on one core.

Timings come from `layoutfix.run_stages`, which reports each stage's wall
time. The first page is run once untimed so that loading the language model is
reported apart (`cold_seconds`) instead of inflating the first stage that
touches it. The pages are timed in `repeat` passes and each stage keeps its
fastest pass (as `timeit` advises: slower passes measure what else the machine
was doing, not the code). Memory: peak RSS of this process (`resource.getrusage`, which
includes the loaded corpus) and, on the few largest pages, the tracemalloc peak that each
stage adds above what was allocated before it started.
"""
from __future__ import annotations

import resource
import sys
import time
import tracemalloc
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Sequence

from .corpora import Case


@dataclass
class Throughput:
    pages: int = 0
    bytes: int = 0
    chars: int = 0
    passes: int = 1
    cold_seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    stage_peak_kb: dict[str, float] = field(default_factory=dict)
    peak_rss_mb: float = 0.0

    @property
    def total_seconds(self) -> float:
        return sum(self.stage_seconds.values())

    def rate(self, seconds: float) -> tuple[float | None, float | None]:
        """(pages/s, MB/s) for the given time spent on all pages."""
        if seconds <= 0:
            return None, None
        return self.pages / seconds, self.bytes / 1e6 / seconds

    def char_rate(self, seconds: float) -> float | None:
        """Characters of page text per second (issue 4 states the glyphs target in these)."""
        return self.chars / seconds if seconds > 0 else None


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (ru_maxrss is KB on Linux, bytes on macOS)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1e6 if sys.platform == "darwin" else rss / 1024


def measure(cases: Sequence[Case], config: object, traced_pages: int = 3, repeat: int = 3) -> Throughput:
    """Run the full pipeline over `cases` in this process `repeat` times; each stage keeps its fastest pass."""
    from layoutfix import run_stages
    from layoutfix.pipeline import freeze_resources

    result = Throughput()
    if not cases:
        return result
    datas = [(c.raw_bytes(), c.raw_path.name) for c in cases]
    t0 = time.perf_counter()
    for _ in run_stages(datas[0][0], config, datas[0][1]):  # type: ignore[arg-type]
        pass
    result.cold_seconds = time.perf_counter() - t0
    freeze_resources()  # as `layoutfix clean` does for a batch, after its first page
    best: dict[str, float] = {}
    for _ in range(max(1, repeat)):
        seconds: dict[str, float] = defaultdict(float)
        for data, name in datas:
            for stage, _, sec in run_stages(data, config, name):  # type: ignore[arg-type]
                seconds[stage] += sec
        for stage, sec in seconds.items():
            best[stage] = min(sec, best.get(stage, sec))
    result.passes = max(1, repeat)
    result.pages = len(datas)
    result.bytes = sum(len(d) for d, _ in datas)
    result.chars = sum(len(c.raw_text()) for c in cases)
    result.stage_seconds = best
    largest = sorted(datas, key=lambda d: len(d[0]), reverse=True)[:traced_pages]
    result.stage_peak_kb = traced_peaks(largest, config)
    result.peak_rss_mb = peak_rss_mb()
    return result


def traced_peaks(datas: Sequence[tuple[bytes, str]], config: object) -> dict[str, float]:
    """Largest tracemalloc peak (KB above the stage's starting point) each stage reached on these pages.

    Run on the largest pages only: tracing slows Python down several times."""
    from layoutfix import run_stages

    peaks: dict[str, float] = defaultdict(float)
    tracemalloc.start()
    try:
        for data, name in datas:
            gen = run_stages(data, config, name)  # type: ignore[arg-type]
            while True:
                base = tracemalloc.get_traced_memory()[0]
                tracemalloc.reset_peak()
                try:
                    stage, _, _ = next(gen)
                except StopIteration:
                    break
                peaks[stage] = max(peaks[stage], (tracemalloc.get_traced_memory()[1] - base) / 1024)
    finally:
        tracemalloc.stop()
    return dict(peaks)
