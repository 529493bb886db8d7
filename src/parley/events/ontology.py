"""CAMEO codes with their names, Goldstein scores, quad classes and PLOVER equivalents.

Read from data/ontology/cameo.tsv (facts from GDELT's CAMEO lookups and the PLOVER project's
CAMEO→PLOVER table). ``quad_class`` follows GDELT's convention, from the CAMEO root: 01–05 verbal
cooperation (1), 06–09 material cooperation (2), 10–14 verbal conflict (3), 15–20 material
conflict (4).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache

from parley.data import read_text
from parley.records import Plover


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float | None
    quad_class: int
    plover: Plover

    @property
    def root(self) -> str:
        return self.code[:2]


def quad_class_of(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


@cache
def cameo_codes() -> dict[str, CameoCode]:
    rows = csv.DictReader(io.StringIO(read_text("ontology/cameo.tsv")), delimiter="\t")
    codes: dict[str, CameoCode] = {}
    for row in rows:
        code = row["code"].strip()
        goldstein = row["goldstein"].strip()
        codes[code] = CameoCode(
            code=code,
            name=row["name"].strip(),
            goldstein=float(goldstein) if goldstein else None,
            quad_class=quad_class_of(code),
            plover=Plover(
                type=row["plover_type"].strip() or None,
                mode=row["plover_mode"].strip() or None,
                context=row["plover_context"].strip() or None,
            ),
        )
    return codes


def lookup(code: str) -> CameoCode:
    """The code's entry, falling back to its parent for codes the table lacks."""
    codes = cameo_codes()
    while code and code not in codes:
        code = code[:-1]
    return codes[code]
