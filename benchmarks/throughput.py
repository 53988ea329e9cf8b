"""Speed and memory of the pipeline, one process on one core.

Timings come from `layoutfix.run_stages`, which reports each stage's wall
time. The first page is run once untimed so that loading the language model is
reported apart (`cold_seconds`) instead of inflating the first stage that
touches it. The pages are timed in `repeat` passes and each stage keeps its
fastest pass (as `timeit` advises: slower passes measure what else the machine
was doing, not the code). Each pass starts with the glyph stage's memos empty
(`forget_memos`), so that a later pass does not find the earlier pass's answers
for the same pages: every pass meets the pages as a batch of new pages would. Memory: peak RSS of this process (`resource.getrusage`, which
includes the loaded corpus) and, on the few largest pages, the tracemalloc peak that each
stage adds above what was allocated before it started. The loaded models' memory (issue 4: under 300 MB)
is measured apart, in a fresh interpreter (`model_memory`), so neither the corpus nor the passes count.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
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
    model_rss_mb: float | None = None  # what loading every model adds to a fresh process's resident memory
    model_traced_mb: float | None = None  # the Python objects among it (tracemalloc, in a second process)

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


def forget_memos(config: object) -> int:
    """Empty the memos the glyph stage keeps on its word model between pages (their answers are pure, so nothing
    the pipeline prints changes); the number of entries dropped."""
    from layoutfix.lm import load_lm
    from layoutfix.stages.glyphs.memos import forget

    return forget(load_lm(getattr(config, "lm_path", None)))


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
        forget_memos(config)
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
    result.model_rss_mb, result.model_traced_mb = model_memory(getattr(config, "lm_path", None))
    return result


_MODEL_PROBE = """
import gc, json, resource, sys, tracemalloc
def rss():  # resident set now (Linux /proc); elsewhere the peak (bytes on macOS), which loading only grows.
    # Not ru_maxrss on Linux: it keeps the parent's peak across fork and exec.
    try:
        with open('/proc/self/status') as f:
            return next(int(l.split()[1]) / 1024 for l in f if l.startswith('VmRSS'))
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
from layoutfix.config import Config
from layoutfix.pipeline import clean
trace = sys.argv[2] == 'trace'
base = rss()
if trace:
    tracemalloc.start()
clean('本报讯 今天召开会议。\\n', Config(lm_path=sys.argv[1] or None))  # one page loads every model
gc.collect()
print(json.dumps({'rss': rss() - base, 'traced': tracemalloc.get_traced_memory()[0] / 1e6 if trace else None}))
"""


def model_memory(lm_path: str | None) -> tuple[float | None, float | None]:
    """(MB of resident memory, MB of Python objects) that loading the models adds to a fresh interpreter.

    Resident memory comes from a run without tracemalloc, which itself roughly doubles what it traces; the
    traced size from a second run. None when a probe fails (its error is not the benchmark's to raise).
    """
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    out = []
    for mode in ("rss", "trace"):
        run = subprocess.run([sys.executable, "-c", _MODEL_PROBE, lm_path or "", mode], capture_output=True,
                             text=True, env=env, timeout=600)
        if run.returncode != 0:
            return None, None
        out.append(json.loads(run.stdout.strip().splitlines()[-1]))
    return out[0]["rss"], out[1]["traced"]


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
