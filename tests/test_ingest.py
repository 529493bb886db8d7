from __future__ import annotations

import json
from pathlib import Path

from parley.errors import Problem
from parley.ingest import read
from parley.ingest.files import text_id
from parley.records import Article


def _split(items: list[Article | Problem]) -> tuple[list[Article], list[Problem]]:
    return (
        [i for i in items if isinstance(i, Article)],
        [i for i in items if isinstance(i, Problem)],
    )


def test_folder_ids_are_relative_paths_without_extension(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Russia and NATO agreed to cooperate.")
    (tmp_path / "two.txt").write_text("Putin met Obama.")
    articles, problems = _split(list(read([str(tmp_path)])))
    assert not problems
    assert sorted(a.id for a in articles) == ["a/one", "two"]
    assert all(a.source and a.source.endswith(".txt") for a in articles)


def test_a_file_given_directly_is_named_by_its_stem(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Putin met Obama.")
    (article,) = list(read([str(path)]))
    assert isinstance(article, Article) and article.id == "story"


def test_jsonl_records_keep_their_fields_and_hash_missing_ids(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    rows = [
        {
            "id": "x1",
            "text": "Putin met Obama.",
            "title": "T",
            "published": "2015-05-14",
            "outlet": "TASS",
            "url": "https://tass.com/1",
        },
        {"text": "Lavrov met Kerry."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows))
    articles, problems = _split(list(read([str(path)])))
    assert not problems
    first, second = articles
    assert (first.id, first.title, first.published, first.outlet, first.url) == (
        "x1",
        "T",
        "2015-05-14",
        "TASS",
        "https://tass.com/1",
    )
    assert second.id == text_id("Lavrov met Kerry.")


def test_bad_inputs_are_reported_one_by_one_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 diplomacy".encode("latin-1"))
    (tmp_path / "good.txt").write_text("Putin met Obama.")
    (tmp_path / "lines.jsonl").write_text('{"id": "ok", "text": "fine"}\n{not json}\n{"id": "n"}\n')
    items = list(read([str(tmp_path), str(tmp_path / "missing.txt")]))
    articles, problems = _split(items)
    assert sorted(a.id for a in articles) == ["good", "ok"]
    messages = " | ".join(p.message for p in problems)
    assert "empty.txt: the file is empty" in messages
    assert "binary.txt: looks binary" in messages
    assert "latin1.txt: not valid UTF-8 (byte 0xe9 at offset 3)" in messages
    assert "lines.jsonl:2: malformed JSON" in messages
    assert 'lines.jsonl:3: the record has no "text" field' in messages
    assert "missing.txt: no such file or folder" in messages
    assert len(problems) == 6


def test_two_inputs_never_silently_share_an_id(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "same", "text": "one"}\n{"id": "same", "text": "two"}\n')
    articles, problems = _split(list(read([str(path)])))
    assert [a.text for a in articles] == ["one"]
    assert len(problems) == 1 and "id 'same' was already used" in problems[0].message
