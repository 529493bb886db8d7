from __future__ import annotations

import json
import re
from pathlib import Path

from typer.main import get_command
from typer.testing import CliRunner

from parley.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def test_run_exits_1_when_some_inputs_fail_and_codes_the_rest(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(
        "Russian President Vladimir Putin met Barack Obama in Seoul."
    )
    (tmp_path / "empty.txt").write_text("")
    db = tmp_path / "p.duckdb"
    result = runner.invoke(app, ["run", str(tmp_path), str(tmp_path / "nope.txt"), "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert "coded 1 articles" in result.output
    assert "empty.txt: the file is empty" in result.output
    assert "nope.txt: no such file or folder" in result.output


def test_run_exits_0_when_everything_was_coded(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Lavrov met Kerry in Sochi on Tuesday.")
    result = runner.invoke(
        app, ["run", str(tmp_path / "good.txt"), "--db", str(tmp_path / "p.duckdb")]
    )
    assert result.exit_code == 0, result.output


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["run"]).exit_code == 2
    result = runner.invoke(app, ["export", "--table", "nope", "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2


def test_export_parquet_needs_out_and_missing_db_is_explained(
    seeds_db: tuple[Path, object],
) -> None:
    db, _ = seeds_db
    result = runner.invoke(
        app, ["export", "--db", str(db), "--table", "events", "--format", "parquet"]
    )
    assert result.exit_code == 2 and "needs --out" in result.output
    result = runner.invoke(app, ["export", "--db", "/nonexistent/x.duckdb", "--table", "events"])
    assert result.exit_code == 2 and "no such database" in result.output


def test_export_jsonl_to_stdout(seeds_db: tuple[Path, object]) -> None:
    db, _ = seeds_db
    result = runner.invoke(
        app, ["export", "--db", str(db), "--table", "quotes", "--format", "jsonl"]
    )
    assert result.exit_code == 0
    first = json.loads(result.output.splitlines()[0])
    assert set(first) == {
        "id",
        "article_id",
        "kind",
        "text",
        "start",
        "end",
        "cue",
        "speaker",
        "speaker_basis",
    }


def test_export_cameo_is_tab_separated(seeds_db: tuple[Path, object]) -> None:
    db, _ = seeds_db
    result = runner.invoke(
        app, ["export", "--db", str(db), "--table", "events", "--format", "cameo"]
    )
    assert result.exit_code == 0
    header, first, *_ = result.output.splitlines()
    assert header.split("\t")[:4] == ["date", "source", "target", "cameo"]
    assert len(first.split("\t")) == 10


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    group = get_command(app)
    commands = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        if subcommands:  # a group such as `parley actors`: check each of its commands
            commands += [(f"{name} {sub}", c) for sub, c in subcommands.items()]
        else:
            commands.append((name, command))
    for name, command in commands:
        assert command.help and "Example:" in command.help, name
        assert re.search(rf"parley {name}\b", readme), f"`parley {name}` is not in README.md"
