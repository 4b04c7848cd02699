"""The title vocabulary: tables of `kg/data/titles.tsv` and abbreviations, read once.

`kg.extract.titles` parses titles with these; this module only loads the tables into
lookups (first word -> phrases, abbreviation -> words, rewrites, Party levels) and builds
the regex that finds where a title or an address ("ông", "đồng chí") may stand.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.data import load_table

# gap codes between word j and word j+1 of a `titles.Stream` (phrases record theirs too)
SAME, SPACE, COMMA, DASH, OTHER = 0, 1, 2, 3, 4

_TITLE_START = ("role", "full", "prefix")

Phrase = tuple[tuple[str, ...], str, str, str, tuple[int, ...]]


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, tuple[tuple[str, str], ...]]:
    """Abbreviation (lower case) -> its words as (lower case, printed) pairs."""
    table: dict[str, tuple[tuple[str, str], ...]] = {}
    for row in load_table("title_abbreviations"):
        words = tuple((w.lower(), w) for w in row["expansion"].split())
        table[row["abbreviation"].lower()] = words
    return table


@lru_cache(maxsize=1)
def phrases() -> dict[str, tuple[Phrase, ...]]:
    """First word -> (words, kind, canonical, flags, gaps after each word), longest first."""
    found: dict[str, list[Phrase]] = {}
    for row in load_table("titles"):
        if row["kind"] == "rewrite":
            continue
        raw = row["form"].lower().replace(" - ", "- ").split()
        words = tuple(w.rstrip(",-") for w in raw)
        gaps = tuple(COMMA if w.endswith(",") else DASH if w.endswith("-") else SPACE
                     for w in raw)
        found.setdefault(words[0], []).append((words, row["kind"], row["canonical"],
                                               row["flags"], gaps))
    return {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in found.items()}


@lru_cache(maxsize=1)
def rewrites() -> dict[str, str]:
    """Composed title (lower case) -> the canonical title it is written as."""
    return {r["form"].lower(): r["canonical"] for r in load_table("titles")
            if r["kind"] == "rewrite"}


@lru_cache(maxsize=1)
def start_words() -> frozenset[str]:
    """First words of roles, full titles and prefixes (where a title may start)."""
    return frozenset(e[0][0] for v in phrases().values() for e in v
                     if e[1] in _TITLE_START)


@lru_cache(maxsize=1)
def prefix_words() -> frozenset[str]:
    """Words that may open a title in lower case ("quyền Chủ tịch")."""
    return frozenset(e[0][0] for v in phrases().values() for e in v if e[1] == "prefix")


@lru_cache(maxsize=1)
def party_levels() -> dict[str, str]:
    """Map a jurisdiction word to its Party committee: "tỉnh" -> "Tỉnh ủy"."""
    return {r["flags"]: r["canonical"] for r in load_table("titles") if r["kind"] == "party"}


@lru_cache(maxsize=1)
def anchor_pattern() -> re.Pattern[str]:
    """First syllables of titles (capitalised), abbreviations, ông, bà, đồng chí."""
    forms: set[str] = set()
    for entries in phrases().values():
        for words, kind, _canonical, _flags, _gaps in entries:
            if kind in _TITLE_START:
                phrase = " ".join(words)
                forms.update((phrase[0].upper() + phrase[1:], phrase.upper()))
    forms.update(a.upper() for a in abbreviations() if not a.startswith("tp"))
    forms.update(("ông", "Ông", "bà", "Bà", "đồng chí", "Đồng chí", "đ/c", "Đ/c"))
    return re.compile(rf"\b(?:{_trie_pattern(sorted(forms))})\b")


def _trie_pattern(words: list[str]) -> str:
    """A regex alternation of `words` factored by common prefixes (much faster to scan)."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        parts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        if optional:
            body = ("(?:" + body + ")?") if len(parts) == 1 else body + "?"
        return body

    return emit(trie)
