"""Learn an outlet's chrome from the corpus itself: a short line that recurs across many
articles of one outlet ("Story Continued Below", "Follow us on Telegram", a newsletter plug) is
not part of any of them, whether or not a rule names it.

Learning is online, as articles stream past: once an outlet has been seen often enough, its
recurring lines are removed from the articles that follow, each with the reason it was learnt.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlparse

from parley.clean.boilerplate import line_key
from parley.records import Article

# Only short lines are candidates: a recurring long paragraph is more likely a real quote.
MAX_CHROME_WORDS = 20
# An outlet must have been seen this often before anything is learnt from it …
MIN_ARTICLES = 5
# … and a line must recur in this many of its articles, and this share of them.
MIN_REPEATS = 3
MIN_SHARE = 0.2
# Keep memory flat: an outlet's counter is pruned of one-off lines above this size.
MAX_LINES_PER_OUTLET = 20_000


def outlet_key(article: Article) -> str | None:
    if article.outlet:
        return article.outlet.casefold()
    if article.url:
        host = urlparse(article.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


@dataclass
class ChromeLearner:
    lines: dict[str, Counter[str]] = field(default_factory=dict)
    articles: Counter[str] = field(default_factory=Counter)

    def known(self, article: Article) -> dict[str, str]:
        """Lines learnt as chrome for this article's outlet, with the reason for each."""
        outlet = outlet_key(article)
        if outlet is None or self.articles[outlet] < MIN_ARTICLES:
            return {}
        seen = self.articles[outlet]
        threshold = max(MIN_REPEATS, MIN_SHARE * seen)
        return {
            line: f"recurs in {count} of {seen} articles from {outlet}: outlet chrome"
            for line, count in self.lines.get(outlet, Counter()).items()
            if count >= threshold
        }

    def observe(self, raw: Article) -> None:
        """Count the short lines of an article (as it came in) for its outlet."""
        outlet = outlet_key(raw)
        if outlet is None:
            return
        self.articles[outlet] += 1
        counter = self.lines.setdefault(outlet, Counter())
        counter.update(
            {
                line_key(line)
                for line in raw.text.split("\n")
                if line.strip() and len(line.split()) <= MAX_CHROME_WORDS
            }
        )
        if len(counter) > MAX_LINES_PER_OUTLET:
            for line in [k for k, n in counter.items() if n == 1]:
                del counter[line]
