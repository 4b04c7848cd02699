"""Whether a canonical title is a national post or belongs to a province.

Used by linking (a provincial post places its holder in a province) and by mapping
(a provincial post gets a jurisdiction). The marker words are data:
kg/data/national_bodies.tsv.
"""

from __future__ import annotations

from functools import lru_cache

from kg.data import load_table
from kg.text import match_key


def is_national(title: str) -> bool:
    """Tell whether a canonical title is a national post: "Ủy viên Bộ Chính trị" -> True."""
    key = f" {match_key(title)} "
    national, provincial = _title_markers()
    if any(f" {marker} " in key for marker in provincial):
        return False
    return any(f" {marker} " in key for marker in national)


@lru_cache(maxsize=1)
def _title_markers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = load_table("national_bodies")
    national = tuple(match_key(r["marker"]) for r in rows if r["kind"] == "national")
    provincial = tuple(match_key(r["marker"]) for r in rows if r["kind"] == "provincial")
    return national, provincial
