"""A smoke run of the speed benchmark: it runs end to end. Speed is reported, never asserted."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest


def test_speed_benchmark_runs_on_a_few_articles(
    shared: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import speed  # benchmarks/speed.py

    argv = ["speed.py", "--shared", str(shared), "--articles", "4", "--only", "local"]
    monkeypatch.setattr(sys, "argv", argv)
    speed.main()
    out = capsys.readouterr().out
    assert "parley, 1 process(es)" in out and "parley, 2 process(es)" in out
    assert "peak RSS" in out
