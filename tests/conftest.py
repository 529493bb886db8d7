from __future__ import annotations

import sys
from pathlib import Path

import pytest

from parley.pipeline import run
from parley.records import CodedArticle

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "benchmarks"))


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "seeds" / "expected.yaml").exists():
        pytest.skip(
            f"{SHARED} is absent: the shared gold data is only on development machines and CI"
        )
    return SHARED


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, CodedArticle]]:
    """The five seed articles coded once, with the real model, into a real DuckDB file."""
    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    coded: dict[str, CodedArticle] = {}

    def keep(item: object) -> None:
        if isinstance(item, CodedArticle):
            coded[item.article.id] = item

    summary = run([str(SEEDS)], str(db), on_article=keep)
    assert not summary.problems
    return db, coded


@pytest.fixture(scope="session")
def seeds(seeds_db: tuple[Path, dict[str, CodedArticle]]) -> dict[str, CodedArticle]:
    return seeds_db[1]
