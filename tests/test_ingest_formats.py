from __future__ import annotations

import gzip
import http.server
import io
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli import app
from parley.errors import Problem
from parley.ingest import Fields, read
from parley.records import Article

BODY = (
    "<p>MOSCOW, May 14. /TASS/. Russian President Vladimir Putin met US Secretary of State "
    "John Kerry in Sochi on Tuesday, the Kremlin said in a statement after the talks.</p>"
    "<p>The two discussed Syria, Ukraine and the Iranian nuclear programme at length, "
    "according to presidential spokesman Dmitry Peskov, who called the talks useful.</p>"
)
PAGE = (
    "<html><head><title>Putin meets Kerry</title>"
    '<meta property="og:site_name" content="TASS">'
    '<meta name="date" content="2015-05-14"></head>'
    f"<body><nav>All news</nav><article><h1>Putin meets Kerry</h1>{BODY}</article>"
    "<footer>Subscribe</footer></body></html>"
)
FEED = f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Putin meets Kerry</title><link>https://example.org/a</link>
<pubDate>Thu, 14 May 2015 10:00:00 GMT</pubDate><description><![CDATA[{BODY}]]></description></item>
<item><title>Empty</title><link>https://example.org/b</link></item>
</channel></rss>"""


def _split(items: Iterator[Article | Problem]) -> tuple[list[Article], list[Problem]]:
    found = list(items)
    return (
        [i for i in found if isinstance(i, Article)],
        [i for i in found if isinstance(i, Problem)],
    )


def test_html_pages_give_text_title_date_and_site(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE)
    (tmp_path / "empty.html").write_text("<html><body><script>var x = 1;</script></body></html>")
    articles, problems = _split(read([str(tmp_path)]))
    (article,) = articles
    assert (article.id, article.title, article.outlet, article.published) == (
        "page", "Putin meets Kerry", "TASS", "2015-05-14")  # fmt: skip
    assert "Subscribe" not in article.text and "Sochi on Tuesday" in article.text
    assert len(problems) == 1 and "no article text found in the HTML" in problems[0].message


def test_feed_entries_are_articles_and_broken_entries_are_reported(tmp_path: Path) -> None:
    (tmp_path / "wire.rss").write_text(FEED)
    (tmp_path / "junk.xml").write_text("<<<not a feed")
    articles, problems = _split(read([str(tmp_path)]))
    (article,) = articles
    assert article.title == "Putin meets Kerry" and article.published == "2015-05-14"
    assert article.url == "https://example.org/a" and "Sochi" in article.text
    messages = " | ".join(p.message for p in problems)
    assert "entry 2: the feed entry has neither content nor summary" in messages
    assert "junk.xml: not a readable RSS/Atom feed" in messages


def test_warc_html_responses_are_extracted(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        record = writer.create_warc_record(
            "https://tass.com/1",
            "response",
            payload=io.BytesIO(PAGE.encode()),
            http_headers=headers,
        )
        writer.write_record(record)
        record.raw_stream.close()  # warcio buffers the payload in a temporary file
    articles, problems = _split(read([str(path)]))
    assert not problems and len(articles) == 1
    assert articles[0].url == "https://tass.com/1" and "Kerry" in articles[0].text


def test_csv_and_gzip_records_with_field_mapping(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text('story,key\n"Lavrov met Kerry in Sochi.",k1\n')
    fields = Fields(text="story", id="key")
    articles, problems = _split(read([str(tmp_path / "a.csv")], fields))
    assert not problems and [(a.id, a.text) for a in articles] == [
        ("k1", "Lavrov met Kerry in Sochi.")
    ]
    articles, problems = _split(read([str(tmp_path / "a.csv")]))
    assert not articles and "no column or field 'text'" in problems[0].message
    with gzip.open(tmp_path / "b.jsonl.gz", "wt") as out:
        out.write('{"id": "g1", "text": "Putin met Obama."}\n')
    articles, _ = _split(read([str(tmp_path / "b.jsonl.gz")]))
    assert [a.id for a in articles] == ["g1"]


def test_truncated_gzip_keeps_what_came_before(tmp_path: Path) -> None:
    data = gzip.compress(
        b"".join(b'{"id": "r%d", "text": "Putin met Obama."}\n' % i for i in range(2000))
    )
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    articles, problems = _split(read([str(tmp_path / "cut.jsonl.gz")]))
    assert articles and len(articles) < 2000
    assert len(problems) == 1 and "truncated or corrupt" in problems[0].message


def test_a_100_mb_file_is_refused_as_one_article(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as out:
        out.truncate(100 * 1024 * 1024)
    (tmp_path / "ok.txt").write_text("Putin met Obama.")
    articles, problems = _split(read([str(tmp_path)]))
    assert [a.id for a in articles] == ["ok"]
    assert "100 MB is too large for one article" in problems[0].message


def test_globs_and_stdin(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.md"):
        (tmp_path / name).write_text("Putin met Obama.")
    articles, _ = _split(read([str(tmp_path / "*.txt")]))
    assert sorted(a.id for a in articles) == ["a", "b"]
    db = tmp_path / "p.duckdb"
    result = CliRunner().invoke(
        app, ["run", "-", "--db", str(db)], input="Lavrov met Kerry in Sochi."
    )
    assert result.exit_code == 0 and "coded 1 articles" in result.output


@pytest.fixture
def local_server() -> Iterator[str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body, kind, status = PAGE.encode(), "text/html", 200
            if self.path == "/feed":
                body, kind = FEED.encode(), "application/rss+xml"
            elif self.path == "/missing":
                body, status = b"no", 404
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_urls_are_fetched_pages_and_feeds(local_server: str) -> None:
    articles, problems = _split(
        read([f"{local_server}/story", f"{local_server}/feed", f"{local_server}/missing"])
    )
    assert [a.title for a in articles] == ["Putin meets Kerry", "Putin meets Kerry"]
    assert articles[0].url == f"{local_server}/story"
    assert len(problems) == 2  # the feed's empty entry, and the 404
    assert any("HTTP 404" in p.message for p in problems)
