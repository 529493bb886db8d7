from __future__ import annotations

from pathlib import Path

from parley.events.lexicon import with_extra
from parley.events.petrarch import read_verbs
from parley.pipeline import Options, code_articles
from parley.records import Article, CodedArticle

DICTIONARY = """\
&FOOD
+BREAD
+RICE

####### VERB PATTERNS #######

---  AIRLIFT   [---]  ---
AIRLIFT
FERRY {FERRIES FERRIED}
- * &FOOD                                 [073]         # AIRLIFT
- * TROOPS                                [154]         # AIRLIFT
"""


def test_petrarch_verb_blocks_become_patterns(tmp_path: Path) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text(DICTIONARY)
    patterns = {(p.head, p.code, p.needs) for p in read_verbs(path)}
    assert ("airlift", "073", frozenset({"bread"})) in patterns
    assert ("ferry", "073", frozenset({"rice"})) in patterns
    assert ("airlift", "154", frozenset({"troop"})) in patterns


def test_an_imported_verb_codes_events_parley_does_not_know(tmp_path: Path) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text(DICTIONARY)
    assert "ferry" in with_extra((str(path),)).verbs
    text = "Germany ferried rice to Sudan on Monday."
    plain = next(iter(code_articles([Article(id="a", text=text)])))
    extra = next(
        iter(code_articles([Article(id="a", text=text)], Options(extra_verbs=(str(path),))))
    )
    assert isinstance(plain, CodedArticle) and isinstance(extra, CodedArticle)
    assert not any(e.cameo == "073" for e in plain.events)
    assert any(e.cameo == "073" and e.source.country == "DEU" for e in extra.events)


def test_the_phoenix_verb_dictionary_loads(shared: Path) -> None:
    patterns = list(read_verbs(shared / "reference" / "phoenix" / "CAMEO.2.0.txt"))
    assert len(patterns) > 50_000
    assert {p.code[:2] for p in patterns} >= {f"{n:02d}" for n in range(1, 21)}
