"""Every error and warning parley reports, with a code, in one place (as spaCy's errors.py).

Messages say what went wrong, where (file, line or record) and what to do about it.
"""

from __future__ import annotations

from dataclasses import dataclass


class E:
    """Message templates, formatted with keyword arguments."""

    E001 = "{where}: no such file or folder. Check the path, or quote a glob so parley expands it."
    E002 = "{where}: the file is empty. Remove it from the input or give it some text."
    E003 = (
        "{where}: looks binary (NUL bytes in the first 8 KB), not text. "
        "Give parley text, JSONL, CSV, HTML, feed or WARC files (see `parley run --help`)."
    )
    E004 = (
        "{where}: not valid UTF-8 ({detail}). Re-encode it, e.g. "
        "`iconv -f latin1 -t utf-8 FILE > FILE.utf8`."
    )
    E005 = (
        "{where}: malformed JSON ({detail}). Fix or delete this line; "
        "each line must be one JSON object."
    )
    E006 = (
        '{where}: the record has no "{field}" field, or it is not a string. '
        'Every record needs its article text under "{field}".'
    )
    E007 = (
        "{where}: the record's text is empty after cleaning. "
        "Nothing to code; remove it or check the text field."
    )
    E008 = (
        "{where}: id {id!r} was already used by {other}. "
        "Give each record a unique id; this one was skipped."
    )
    E009 = (
        "{where}: unsupported input ({detail}). parley reads .txt, .jsonl(.gz), .json, .csv, "
        ".html, .rss/.atom/.xml and .warc(.gz) files, folders, globs, URLs and - for stdin."
    )
    E010 = "{where}: {detail}. The other articles were coded; fix this one and run again."
    E011 = (
        "{where}: published date {value!r} is not an ISO date (YYYY-MM-DD). "
        "It was ignored; fix it to use it."
    )
    E012 = (
        "{where}: no article text found in the HTML (a menu, a paywall or a script-only page?). "
        "Save the article's own page, or give its text as .txt."
    )
    E013 = (
        "{where}: not a readable RSS/Atom feed ({detail}). Check that the file is the feed itself."
    )
    E014 = "{where}: the feed entry has neither content nor summary; it was skipped."
    E015 = "{where}: could not fetch ({detail}). Check the URL, or save the page and give the file."
    E016 = (
        "{where}: {size} MB is too large for one article (limit {limit} MB). "
        "Split it, or give the articles as JSONL, one per line."
    )
    E017 = (
        "{where}: the compressed file is truncated or corrupt ({detail}); "
        "the records before it were read. Re-download or re-compress it."
    )
    E018 = (
        "{where}: no column or field {field!r} for the article text. "
        "Name it with --text-field (columns found: {found})."
    )
    E020 = (
        "{where}: no such database. Run `parley run INPUT --db {where}` first, "
        "or pass the right --db."
    )
    E021 = "--format parquet needs --out FILE: parquet is binary and cannot go to the terminal."
    E022 = "--format {fmt} only applies to the events table."
    E023 = "{where}: could not read the {kind} file ({detail}). Fix the file and try again."


@dataclass(frozen=True)
class Problem:
    """One bad input, reported and counted; the batch goes on."""

    where: str
    message: str

    def __str__(self) -> str:
        return self.message


class ParleyError(Exception):
    """An error the user can fix; its message says how."""
