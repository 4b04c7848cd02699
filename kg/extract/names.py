"""Find Vietnamese personal names in a report's word stream.

A name is a run of capitalised syllables that starts with a family name from
`kg/data/family_names.tsv` ("Nguyễn Thị Nữ Y", "Y Giang Gry Niê Knơng", "NGUYỄN KHẮC
ĐỊNH"). Whether a candidate is really a person (and not "Hà Tĩnh" or "Lâm Đồng") is
decided by the officials extractor from where it stands; this module only proposes.
Offsets are character offsets into `CleanDoc.text`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.data import load_table
from kg.text import match_key

if TYPE_CHECKING:
    from kg.extract.titles import Stream

_MAX_WORDS = 5


@dataclass
class Candidate:
    """A possible name at words [w0, w1)."""

    w0: int
    w1: int
    name: str                 # NFC, capitals title-cased per syllable
    ambiguous: bool           # short, or its family name is also a word/place


@lru_cache(maxsize=1)
def families() -> dict[str, bool]:
    """Family name (lower case, tones folded) -> whether it is also a common word."""
    return {match_key(r["name"]): r["ambiguous"] == "yes" for r in load_table("family_names")}


@lru_cache(maxsize=1)
def non_persons() -> frozenset[str]:
    """Names of historical figures used for places and ideas ("Hồ Chí Minh")."""
    return frozenset(match_key(r["name"]) for r in load_table("non_person_names"))


@lru_cache(maxsize=1)
def honorifics() -> dict[tuple[str, ...], str]:
    """Word tuple -> kind (address, rank, degree, past, place)."""
    return {tuple(match_key(r["form"]).split()): r["kind"] for r in load_table("honorifics")}


def starts_person(s: Stream, k: int) -> bool:
    """Whether words k, k+1 look like the start of a personal name."""
    if k + 1 >= len(s.low) or not s.cap[k + 1] or s.gap[k] != 1 or s.expanded[k + 1]:
        return False
    if s.low[k] not in families():
        return False
    three = " ".join(s.low[k:k + 3])
    return not any(key.startswith(three) or three.startswith(key) for key in non_persons()
                   if key.split()[0] == s.low[k])


def place_length(s: Stream, k: int, words: int) -> int:
    """How many of the `words` capitalised words at `k` name a place, not a person.

    Called after "Tỉnh ủy", "tỉnh", "TP": "Hà Tĩnh Lê Đình Sơn" -> 2,
    "Trần Tiến Hưng" -> 0, "Kiên Giang" -> 2.
    """
    if words == 0:
        return 0
    fam = families()
    if _gazetteer() is not None:
        for size in range(min(words, 4), 0, -1):
            if province_of(" ".join(s.printed[k:k + size])) is not None:
                return size
    first = s.low[k]
    if first in fam and not fam[first]:
        return 0                                   # "tỉnh Trần Tiến Hưng"
    for q in range(k + 2, k + words - 1):
        if s.low[q] in fam:
            return q - k                           # "Hà Tĩnh | Lê Đình Sơn"
    key = " ".join(s.low[k:k + words])
    if key in non_persons():
        return words                               # "TP Hồ Chí Minh"
    if first not in fam:
        return min(words, 3)
    return words if words <= 2 else 0


@lru_cache(maxsize=8192)
def is_place(name: str) -> bool:
    """Whether `name` is a province or district ("Hà Nội", "Lâm Hà"), per the gazetteer."""
    find = _gazetteer()
    if find is None:
        return False
    if find(name) is not None:
        return True
    try:
        from kg.gazetteer import district_index  # type: ignore[import-not-found]
    except ImportError:
        return False
    return match_key(name) in district_index()


@lru_cache(maxsize=8192)
def province_of(place: str) -> str | None:
    """The official code of the province named `place`, or None (or no gazetteer)."""
    find = _gazetteer()
    found = find(place) if find is not None else None
    return getattr(found, "code", None)


@lru_cache(maxsize=1)
def _gazetteer():  # type: ignore[no-untyped-def]
    try:
        from kg.gazetteer import find_province  # type: ignore[import-not-found]
    except ImportError:
        return None
    return find_province


def find_candidates(s: Stream, covered: list[bool]) -> list[Candidate]:
    """Return every name candidate in word order, skipping words in `covered`.

    A name in CAPITALS is cut to the length of the same name printed in lower case
    elsewhere ("NGUYỄN KHẮC ĐỊNH DỰ KHAI MẠC" -> "Nguyễn Khắc Định"), else 3 words.
    Example: the words of "ông Nguyễn Văn An, Bí thư" give [Candidate(name="Nguyễn Văn An")].
    """
    fam = families()
    hon = honorifics()
    out: list[Candidate] = []
    capitals: list[tuple[int, int, int]] = []
    n = len(s.low)
    low, cap = s.low, s.cap
    nxt = 0
    for j in [j for j in range(n) if cap[j] and low[j] in fam]:
        if j < nxt or covered[j] or s.expanded[j]:
            continue
        nxt = j + 1
        if j + 1 < n and hon.get((s.low[j], s.low[j + 1])) == "address":
            nxt = j + 2
            continue
        k = j + 1
        while k < n and k - j < 6 and s.gap[k - 1] == 1 and s.cap[k] and not covered[k] \
                and not s.expanded[k]:
            k += 1
        nxt = k
        if k - j < 2:
            continue
        stop = _non_person(s, j, k)
        if stop:
            nxt = j + stop
            continue
        if all(s.cap[i] == 2 for i in range(j, k)):
            capitals.append((len(out), j, k))
            continue
        size = min(k - j, _MAX_WORDS)
        nxt = j + size
        if size == 2 and len(s.low[j + 1]) == 1:
            continue                                # "Nguyễn M": cut off, not a name
        out.append(_candidate(s, j, size))
    if capitals:
        known = {c.name.lower() for c in out}
        for index, start, stop_ in reversed(capitals):
            out.insert(index, _candidate(s, start, _caps_size(s, start, stop_, known)))
    return out


def _candidate(s: Stream, j: int, size: int) -> Candidate:
    words = s.printed[j:j + size]
    name = " ".join(w if s.cap[j + i] == 1 else w.capitalize() for i, w in enumerate(words))
    return Candidate(j, j + size, name, size == 2 or families()[s.low[j]])


def _caps_size(s: Stream, j: int, k: int, known: set[str]) -> int:
    for size in range(min(k - j, _MAX_WORDS), 1, -1):
        if " ".join(s.low[j:j + size]) in known:
            return size
    return min(k - j, 3)


def _non_person(s: Stream, j: int, k: int) -> int:
    for size in range(min(k - j, 4), 1, -1):
        if " ".join(s.low[j:j + size]) in non_persons():
            return size
    return 0
