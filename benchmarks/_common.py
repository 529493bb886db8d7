"""What the benchmark scripts share: where ../shared is, and reading its gzipped JSONL corpora."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def shared_path(shared: Path, relative: str) -> Path:
    """``shared / relative``, or exit saying where it was looked for."""
    path = shared / relative
    if not path.exists():
        sys.exit(f"{path} not found: pass --shared PATH")
    return path


def load_jsonl_gz(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The first ``limit`` records (all when None) of a gzipped JSONL file."""
    rows: list[dict[str, Any]] = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if limit is not None and len(rows) >= limit:
                break
            rows.append(json.loads(line))
    return rows
