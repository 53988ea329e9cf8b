"""Benchmark runner for layoutfix: `python -m benchmarks` (see benchmarks/__main__.py).

`benchmarks.score` re-implements the official page metrics, `benchmarks.metrics`
the per-stage defect metrics, `benchmarks.throughput` speed and memory.
"""
