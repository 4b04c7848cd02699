"""The gazetteer: Vietnam's provinces (before and after 1 July 2025), districts and sites.

Reads kg/data/provinces.tsv, districts.tsv and sites.tsv once per process. A province
row is one province-level unit under one name for one period; `code` is the official
two-digit code, which two rows may share over time (Long An was 80 until 2025-06-30,
the merged Tây Ninh is 80 after), so `key` is the unique id. Dates are ISO strings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from kg.data import load_table
from kg.errors import DataError
from kg.text import match_key

_PREFIX = re.compile(r"^(?:tỉnh|thành phố|thủ đô|t\.?\s?p\.?)(?:\s+|(?<=\.)|$)")
_SEPARATORS = re.compile(r"[\s\-–—_.]+")


@dataclass(frozen=True)
class Province:
    """One province-level unit under one name for one period."""

    code: str                      # official two-digit code ("93")
    name: str                      # canonical short name ("Hậu Giang")
    kind: str                      # "tỉnh" | "thành phố"
    valid_from: str                # ISO date, "" when before the records
    valid_until: str               # ISO date, "" while it exists
    merged_into: str               # code of the unit it became part of, "" if none
    aliases: tuple[str, ...]       # other spellings ("TP HCM", "Tỉnh Hậu Giang")
    key: str = ""                  # unique id: the code, or "80-2025" for a reused code
    bare: bool = True              # False when the bare name is a common word or person

    def valid_on(self, date: str | None) -> bool:
        """Return True if the unit existed under this name on ISO `date` (None: always)."""
        if not date:
            return True
        day = _as_day(date)
        return (not self.valid_from or self.valid_from <= day) and \
            (not self.valid_until or day <= self.valid_until)


@dataclass(frozen=True)
class District:
    """A pre-2025 district-level unit: huyện, thị xã, quận or thành phố thuộc tỉnh."""

    code: str
    name: str                      # short name without the unit word ("Cẩm Xuyên", "1")
    kind: str                      # huyện | thị xã | quận | thành phố
    province: str                  # key of its province in provinces.tsv


def _as_day(date: str) -> str:
    """Return the last day an ISO date, month or year may mean, for comparisons."""
    if len(date) == 4:
        return date + "-12-31"
    if len(date) == 7:
        return date + "-28"
    return date[:10]


@cache
def provinces() -> tuple[Province, ...]:
    """Return every province row in the file's order (63 pre-2025, new ones after)."""
    rows = []
    for r in load_table("provinces"):
        rows.append(Province(code=r["code"], name=r["name"], kind=r["kind"],
                             valid_from=r["valid_from"], valid_until=r["valid_until"],
                             merged_into=r["merged_into"],
                             aliases=tuple(a for a in r["aliases"].split("|") if a),
                             key=r["key"], bare=r["bare"] != "no"))
    if len({p.key for p in rows}) != len(rows):
        raise DataError("kg/data/provinces.tsv: duplicate key")
    return tuple(rows)


@cache
def _by_key() -> dict[str, Province]:
    return {p.key: p for p in provinces()}


def province_by_key(key: str) -> Province | None:
    """Return the province row with this unique key ("80-2025"), or None."""
    return _by_key().get(key)


def province_name(key: str) -> str:
    """The name of the unit `key` ("93" -> "Hậu Giang"); the key itself if unknown."""
    unit = province_by_key(key)
    return unit.name if unit else key


def province_by_code(code: str, on: str | None = None) -> Province | None:
    """Return the unit with official `code` on ISO date `on` (default: the latest one).

    Example: province_by_code("80", "2020-05-01").name == "Long An"; after 2025-07-01
    it is "Tây Ninh". None when no unit has that code.
    """
    code = code.strip().zfill(2)
    rows = [p for p in provinces() if p.code == code]
    dated = [p for p in rows if p.valid_on(on)] if on else []
    pool = dated or rows
    return max(pool, key=lambda p: (p.valid_from, not p.valid_until), default=None)


def successor(province: Province, on: str | None) -> Province:
    """Follow mergers and renamings: the unit `province` had become by ISO date `on`.

    Example: successor(<Hậu Giang>, "2025-09-01").name == "Cần Thơ".
    """
    seen = {province.key}
    while on and province.valid_until and _as_day(on) > province.valid_until \
            and province.merged_into:
        nxt = province_by_code(province.merged_into, _next_day(province.valid_until))
        if nxt is None or nxt.key in seen:
            break
        seen.add(nxt.key)
        province = nxt
    return province


def _next_day(day: str) -> str:
    from datetime import date, timedelta
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def name_key(name: str) -> str:
    """Return the lookup key of a province name: folded, lower, no unit word or hyphens.

    Example: name_key("Tỉnh Thừa Thiên - Huế") == "thừa thiên huế".
    """
    key = match_key(unicodedata.normalize("NFC", name))
    key = _PREFIX.sub("", key, count=1).strip()
    return _SEPARATORS.sub(" ", key).strip()


def _ascii_key(key: str) -> str:
    text = unicodedata.normalize("NFD", key.replace("đ", "d"))
    return text.encode("ascii", "ignore").decode()


@cache
def _name_index() -> dict[str, tuple[Province, ...]]:
    index: dict[str, list[Province]] = {}
    for p in provinces():
        for form in (p.name, *p.aliases):
            for key in dict.fromkeys((name_key(form), _ascii_key(name_key(form)))):
                if key and p not in index.setdefault(key, []):
                    index[key].append(p)
    return {k: tuple(v) for k, v in index.items()}


def find_provinces(name: str) -> tuple[Province, ...]:
    """Return every row a name may denote, across periods; () when none."""
    key = name_key(name)
    index = _name_index()
    return index.get(key) or index.get(_ascii_key(key)) or ()


def find_province(name: str, on: str | None = None) -> Province | None:
    """Return the province a printed name denotes on ISO date `on`, or None.

    Tolerates tone-mark placement, case, a "tỉnh"/"thành phố"/"TP." prefix, hyphens and
    missing diacritics. Without a date, or when no unit bore the name on that date (a
    merged province named in hindsight), the earliest unit of that name. Example: find_province("TP. Hồ Chí Minh").code == "79";
    find_province("tỉnh Tây Ninh", on="2025-09-30").key == "80-2025".
    """
    rows = find_provinces(name)
    key = name_key(name)
    ordered = sorted(rows, key=lambda p: name_key(p.name) != key
                     and _ascii_key(name_key(p.name)) != key)
    if on:
        for p in ordered:
            if p.valid_on(on):
                return p
    return ordered[0] if ordered else None


@cache
def districts() -> tuple[District, ...]:
    """Return every pre-2025 district-level unit."""
    keys = {p.code: p.key for p in provinces() if not p.valid_from}
    return tuple(District(code=r["code"], name=r["name"], kind=r["kind"],
                          province=keys.get(r["province"], r["province"]))
                 for r in load_table("districts"))


@cache
def district_index() -> dict[str, tuple[District, ...]]:
    """Return districts by folded lower-case short name ("cẩm xuyên"), for the extractor.

    A name shared by districts of several provinces maps to all of them.
    """
    index: dict[str, list[District]] = {}
    for d in districts():
        index.setdefault(match_key(d.name), []).append(d)
    return {k: tuple(v) for k, v in index.items()}


@cache
def _sites() -> dict[str, str]:
    return {r["host"].lower(): r["province"] for r in load_table("sites")}


@cache
def _slugs() -> tuple[tuple[str, str], ...]:
    """(ascii slug, key) of pre-2025 names, longest first, for department sub-sites."""
    pairs = {(_ascii_key(name_key(p.name)).replace(" ", ""), p.key)
             for p in provinces() if not p.valid_from}
    return tuple(sorted(pairs, key=lambda sk: (-len(sk[0]), sk[0])))


def province_for_host(host: str) -> Province | None:
    """Return the province whose newspaper or portal `host` is, or None.

    Accepts a bare host or a URL; a subdomain matches its parent ("vpubnd.quangnam.gov.vn"),
    and a provincial department's "{dept}{province}.gov.vn" matches too. Example:
    province_for_host("https://baohatinh.vn/a.html").name == "Hà Tĩnh".
    """
    host = re.sub(r"^[a-z]+://", "", host.strip().lower()).split("/")[0].split(":")[0]
    host = host.removeprefix("www.")
    labels = host.split(".")
    sites = _sites()
    for i in range(len(labels) - 1):
        key = sites.get(".".join(labels[i:]))
        if key is not None:
            return province_by_key(key) or province_by_code(key)
    if host.endswith(".gov.vn") and len(labels) >= 3:
        label = labels[-3]
        for slug, key in _slugs():
            if len(slug) >= 6 and label.endswith(slug):
                return province_by_key(key)
    return None
