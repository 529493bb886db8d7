from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.actors import kb as kb_module
from parley.cli import app

runner = CliRunner()
DICTIONARY = """\
# a PETRARCH-format actor dictionary, written for this test
ALEKSANDR_RUTSKOY_  # CountryInfo.txt
+RUTSKOY_
\t[RUSELI 630101-930922]
\t[RUSGOV 930922-931004]
THE_EXAMPLE_ALLIANCE_ [IGOEXA]
"""


@pytest.fixture
def parley_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PARLEY_HOME", str(tmp_path / "home"))
    kb_module.load.cache_clear()
    yield tmp_path / "home"
    kb_module.load.cache_clear()


def test_show_gives_the_role_held_on_a_date() -> None:
    result = runner.invoke(app, ["actors", "show", "Putin", "--on", "2010-06-01"])
    assert result.exit_code == 0, result.output
    assert "on 2010-06-01: Prime Minister of Russia (RUS GOV)" in result.output


def test_show_refuses_a_bad_date_and_reports_unknown_names() -> None:
    assert runner.invoke(app, ["actors", "show", "Putin", "--on", "June"]).exit_code == 2
    assert runner.invoke(app, ["actors", "show", "Nobody Atall"]).exit_code == 1


def test_import_adds_dated_people_and_organisations(parley_home: Path, tmp_path: Path) -> None:
    path = tmp_path / "tiny.actors.txt"
    path.write_text(DICTIONARY)
    result = runner.invoke(app, ["actors", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "imported 1 people and 1 organisations" in result.output
    shown = runner.invoke(app, ["actors", "show", "Aleksandr Rutskoy", "--on", "1993-10-01"])
    assert "RUSGOV" in shown.output and "1993-09-22 – 1993-10-04" in shown.output


def test_import_reads_the_phoenix_dictionaries(parley_home: Path, shared: Path) -> None:
    phoenix = shared / "reference" / "phoenix"
    result = runner.invoke(app, ["actors", "import", str(phoenix / "Phoenix.Countries.actors.txt")])
    assert result.exit_code == 0, result.output
    people = int(result.output.split("imported ")[1].split(" people")[0])
    assert people > 1000
    intl = runner.invoke(
        app, ["actors", "import", str(phoenix / "Phoenix.International.actors.txt")]
    )
    assert intl.exit_code == 0 and " organisations" in intl.output
