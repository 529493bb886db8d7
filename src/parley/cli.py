"""The command line: a thin skin over the library. Each command parses its arguments, calls one
library function and prints. Exit status: 0 all inputs coded, 1 some failed (the rest coded),
2 usage errors."""

from __future__ import annotations

import datetime as dt
import logging
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from parley import __version__
from parley.actors.lookup import find, import_dictionary
from parley.errors import ParleyError, Problem
from parley.export import FORMATS, export
from parley.ingest import Fields
from parley.pipeline import Options, Summary, run
from parley.records import TABLES, CodedArticle
from parley.store import Store

app = typer.Typer(
    help="parley: news about international relations in, a verifiable record out.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
DEFAULT_DB = "parley.duckdb"


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", markup=True)
    return typer.Exit(code)


def _print_summary(summary: Summary, db: str) -> None:
    out.print(
        f"coded {summary.articles} articles "
        f"({summary.duplicates} duplicates stored, not re-coded): "
        f"{summary.mentions} actor mentions, {summary.quotes} quotes, {summary.events} events "
        f"→ {db}"
    )
    if summary.resumed:
        out.print(f"{summary.resumed} articles were already coded and were left as they were")
    if summary.problems:
        err.print(f"{len(summary.problems)} input(s) failed:")
        for problem in summary.problems:
            err.print(f"  - {problem.message}", markup=False)


@app.command("run")
def run_command(
    inputs: list[str] = typer.Argument(..., help="Files, folders, globs, URLs or - (stdin)."),
    db: str = typer.Option(DEFAULT_DB, "--db", help="DuckDB file to write (created if missing)."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per spaCy batch."),
    workers: int = typer.Option(1, "--workers", min=1, help="Processes coding in parallel."),
    text_field: str = typer.Option("text", help="JSONL/CSV field holding the article text."),
    id_field: str = typer.Option("id", help="JSONL/CSV field holding the article id."),
    title_field: str = typer.Option("title", help="JSONL/CSV field holding the title."),
    published_field: str = typer.Option("published", help="JSONL/CSV field: ISO date."),
    outlet_field: str = typer.Option("outlet", help="JSONL/CSV field holding the outlet."),
    url_field: str = typer.Option("url", help="JSONL/CSV field holding the URL."),
    resume: bool = typer.Option(
        False, "--resume", help="Skip articles this database already holds with the same text."
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log each committed batch."),
    verbs: list[Path] = typer.Option(
        [], "--verbs", help="A PETRARCH-2 verb dictionary to add to the lexicon (repeatable)."
    ),
    parse_all: bool = typer.Option(
        False,
        "--parse-all",
        help="Parse every sentence, not only those that can carry an event or quote (slower).",
    ),
    engine: str = typer.Option("local", "--engine", help="local (this machine) or dask."),
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="Dask scheduler address; a LocalCluster when not given."
    ),
) -> None:
    """Code articles into the database and print a summary.

    INPUT is a .txt file (one article), a .jsonl/.jsonl.gz/.json/.csv file of records, an
    .html page, an RSS/Atom feed (.rss, .atom, .xml), a WARC crawl (.warc, .warc.gz), a folder
    (read recursively), a quoted glob, an http(s) URL, or - for standard input.

    With --engine dask the parsing and coding run on a Dask cluster (--workers workers of a
    LocalCluster on 127.0.0.1, or the cluster at --scheduler); the records are the same.

    Example: parley run examples/seeds news.jsonl --db parley.duckdb
    """
    if engine not in ("local", "dask"):
        raise _fail(f"--engine must be local or dask, not {engine!r}")
    if scheduler and engine != "dask":
        raise _fail("--scheduler only applies with --engine dask")
    if verbose:
        logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    # On Dask, --workers sizes the cluster; each worker parses in one process.
    for path in verbs:
        if not path.is_file():
            raise _fail(f"--verbs {path}: no such file")
    options = Options(
        batch_size=batch_size,
        workers=1 if engine == "dask" else workers,
        extra_verbs=tuple(str(p) for p in verbs),
        focus=not parse_all,
    )
    fields = Fields(
        text=text_field,
        id=id_field,
        title=title_field,
        published=published_field,
        outlet=outlet_field,
        url=url_field,
    )
    show_bar = err.is_terminal
    try:
        if engine == "dask":
            from parley.engines.dask import run_dask

            summary = run_dask(
                inputs,
                db,
                options,
                fields=fields,
                scheduler=scheduler,
                workers=workers,
                resume=resume,
            )
        elif show_bar:
            columns = (TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
            with Progress(*columns, console=err) as progress:
                task = progress.add_task("coding", total=None)
                summary = run(
                    inputs,
                    db,
                    options,
                    fields=fields,
                    resume=resume,
                    on_article=lambda _: progress.advance(task),
                )
        else:
            summary = run(inputs, db, options, fields=fields, resume=resume)
    except ParleyError as exc:
        raise _fail(str(exc), 1) from exc
    _print_summary(summary, db)
    if summary.problems:
        raise typer.Exit(1)


@app.command("export")
def export_command(
    table: str = typer.Option(..., "--table", help=f"One of: {', '.join(TABLES)}."),
    fmt: str = typer.Option("jsonl", "--format", help=f"One of: {', '.join(FORMATS)}."),
    db: str = typer.Option(DEFAULT_DB, "--db", help="DuckDB file written by `parley run`."),
    out_file: Path | None = typer.Option(None, "--out", help="Write here instead of stdout."),
) -> None:
    """Export a table's records (to stdout unless --out is given).

    Example: parley export --db parley.duckdb --table events --format csv --out events.csv
    """
    if table not in TABLES:
        raise _fail(f"--table must be one of {', '.join(TABLES)}, not {table!r}")
    if fmt not in FORMATS:
        raise _fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    try:
        with Store(db, create=False) as store:
            export(store, table, fmt, out_file if out_file is not None else sys.stdout)
    except ParleyError as exc:
        raise _fail(str(exc)) from exc


def _seeds_folder() -> Path:
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        candidate = base / "examples" / "seeds"
        if candidate.is_dir():
            return candidate
    raise _fail("examples/seeds not found: run `parley demo` from the parley checkout.")


def _show(item: CodedArticle) -> None:
    a = item.article
    date = a.published or (a.published_inferred.date if a.published_inferred else None)
    years = a.published_inferred.years if a.published_inferred else []
    when = date or (f"year {'/'.join(map(str, years))}" if years else "date unknown")
    out.rule(f"{a.id}")
    out.print(f"[bold]{a.title or '(no title)'}[/bold]")
    out.print(
        f"{a.outlet or 'outlet unknown'} · {when}"
        + (f" · credited to {a.credited_to}" if a.credited_to else "")
    )
    out.print(f"quotes ({len(item.quotes)}):")
    for q in item.quotes:
        who = q.speaker.name or q.speaker.text or "?"
        text = q.text if len(q.text) < 90 else q.text[:87] + "…"
        out.print(f"  {who} [{q.kind}, {q.speaker_basis}]: “{text}”", markup=False)
    # Statements addressed to no one are in the quotes above; events list who did what to whom.
    shown = [e for e in item.events if e.target.country or not e.cameo.startswith("01")]
    hidden = len(item.events) - len(shown)
    out.print(f"events ({len(shown)}, and {hidden} statements without a target):")
    for e in shown:
        src = e.source.name or e.source.text or "?"
        tgt = e.target.name or e.target.text or "—"
        kind = e.plover.type or f"CAMEO {e.cameo}"
        flags = " NOT" if e.negated else ""
        mod = "" if e.modality == "asserted" else f" [{e.modality}]"
        out.print(f"  {src} —{kind}{flags}→ {tgt} ({e.date or 'date unknown'}){mod}", markup=False)


@app.command("demo")
def demo_command(
    db: str = typer.Option(DEFAULT_DB, "--db", help="DuckDB file to write the demo into."),
) -> None:
    """Code the five seed articles in examples/seeds and print what parley found.

    Example: parley demo --db parley.duckdb
    """
    seeds = _seeds_folder()
    coded: list[CodedArticle] = []

    def collect(item: CodedArticle | Problem) -> None:
        if isinstance(item, CodedArticle):
            coded.append(item)

    summary = run([str(seeds)], db, on_article=collect)  # problems are in the summary
    for item in coded:
        _show(item)
    out.rule()
    _print_summary(summary, db)


actors_app = typer.Typer(help="The actor knowledge base: look people up, import dictionaries.")
app.add_typer(actors_app, name="actors")


@actors_app.command("show")
def actors_show(
    name: str = typer.Argument(..., help="A name, alias or surname, e.g. Putin."),
    on: str | None = typer.Option(None, "--on", help="Date (YYYY-MM-DD) to show roles for."),
) -> None:
    """Who a name can mean, and what role each held on a date.

    Example: parley actors show Putin --on 2010-06-01
    """
    try:
        day = dt.date.fromisoformat(on) if on else None
    except ValueError as exc:
        raise _fail(f"--on {on!r} is not a date: use YYYY-MM-DD, e.g. --on 2015-05-14") from exc
    found = find(name, day)
    if not found:
        raise _fail(f"no actor called {name!r} in the knowledge base", 1)
    for item in found:
        a = item.actor
        out.print(f"[bold]{a.name}[/bold] ({a.kind}, {a.id}) · country {a.country or '?'}")
        if day is not None and a.kind == "person":
            now = "; ".join(item.current) or "no role on record"
            out.print(f"  on {day.isoformat()}: {now}", markup=False)
        for role in a.roles:
            span = f"{role.valid_from or '…'} – {role.valid_to or 'now'}"
            out.print(f"  {role.role} ({role.country} {role.sector}) {span}", markup=False)
        out.print(f"  source: {a.source}", markup=False)


@actors_app.command("import")
def actors_import(
    file: Path = typer.Argument(..., help="A PETRARCH/TABARI actor dictionary."),
) -> None:
    """Add the actors of a PETRARCH/TABARI dictionary (Phoenix, ICEWS) to the knowledge base.

    Example: parley actors import Phoenix.Countries.actors.txt
    """
    try:
        people, organisations, where = import_dictionary(file)
    except ParleyError as exc:
        raise _fail(str(exc), 1) from exc
    out.print(f"imported {people} people and {organisations} organisations → {where}")


@app.command("version")
def version_command() -> None:
    """Print parley's version.

    Example: parley version
    """
    out.print(__version__)
