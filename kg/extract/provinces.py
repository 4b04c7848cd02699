"""Find the provinces a report names, directly or through one of their districts.

Three forms, matched on `doc.folded` with one compiled regex each:

- a unit word or a body before a province name: "tỉnh Hà Tĩnh", "Tỉnh ủy Nghệ An",
  "TP. Hồ Chí Minh", "Báo Hà Nam" -> evidence "explicit";
- the bare name, capitalised and not inside a longer capitalised run such as a
  person's name ("Nguyễn Hà Nam") -> "explicit"; names that are common words
  ("Hòa Bình") are never taken bare;
- a district-level unit word before a district name unique to one province:
  "huyện Cẩm Xuyên", "thị xã Hồng Lĩnh" -> evidence "place".

A name that meant different units over time ("Tây Ninh" before and after 1 July 2025)
is resolved with the report's date: its publication date, else its first full date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from kg.data import load_table
from kg.gazetteer import (
    District,
    Province,
    district_index,
    districts,
    find_province,
    name_key,
    province_by_key,
    provinces,
    successor,
)
from kg.model import CleanDoc, DateValue, Mention, MentionKind, ProvinceValue
from kg.text import fold_tones, match_key

SOURCE = "provinces.v1"

_SEP = r"(?:[ \t\u00a0]*[-–][ \t\u00a0]*|[ \t\u00a0]+)"
_SPLIT = re.compile(r"[ \t\u00a0]*[-–][ \t\u00a0]*|[ \t\u00a0]+")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”'(\[\-–—•*]|\n)[ \t\u00a0]*$")
_CLAUSE_END = re.compile(r"[.!?;\n]")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COMPACT = re.compile(r"[\s\-–.]+")
_LEFT_WORD = re.compile(r"([^\W\d_]+)[ \t\u00a0]+$")
_RIGHT_WORD = re.compile(r"[ \t\u00a0]+([^\W_])")


@cache
def _cues() -> dict[str, tuple[str, ...]]:
    roles: dict[str, list[str]] = {}
    for row in load_table("province_cues"):
        roles.setdefault(row["role"], []).append(match_key(row["cue"]))
    return {k: tuple(sorted(v, key=lambda c: (-len(c), c))) for k, v in roles.items()}


@lru_cache(maxsize=4096)
def _compact(form: str) -> str:
    """Return the lookup key of a matched form: folded, lower, no spaces, dots or dashes."""
    return _COMPACT.sub("", match_key(form))


@cache
def _forms() -> dict[str, tuple[tuple[Province, ...], bool, tuple[str, ...]]]:
    """Map a compact form to (rows, prefixed) for every name and alias.

    `prefixed` forms carry their own unit word ("TP.HCM"); forms that are a unit word
    plus a bare form of the same province ("Tỉnh Hà Tĩnh") are left to the cue.
    """
    forms: dict[str, tuple[list[Province], bool, list[str]]] = {}
    for p in provinces():
        bare_forms = {name_key(f) for f in (p.name, *p.aliases)
                      if name_key(f) == _SPLIT.sub(" ", match_key(f))}
        for form in (p.name, *p.aliases):
            prefixed = name_key(form) != _SPLIT.sub(" ", match_key(form))
            if prefixed and name_key(form) in bare_forms:
                continue
            rows, _, texts = forms.setdefault(_compact(form), ([], prefixed, []))
            if p not in rows:
                rows.append(p)
            if fold_tones(form) not in texts:
                texts.append(fold_tones(form))
    return {k: (tuple(v), pre, tuple(t)) for k, (v, pre, t) in forms.items()}


_TOKEN = re.compile(r"[ \t\u00a0]*[-–][ \t\u00a0]*|[ \t\u00a0]+|\.[ \t\u00a0]*|.", re.DOTALL)


def _token_regex(token: str) -> str:
    if token.startswith("."):
        return r"\.[ \t\u00a0]*"
    if not token.strip() or token.strip() in "-–":
        return _SEP
    return re.escape(token)


def _trie_pattern(items: Sequence[str]) -> str:
    """Return one regex matching any of `items`, as a prefix tree so that it fails fast.

    Spaces and hyphens in an item match any run of spaces or a hyphen; a dot may be
    followed by spaces. Example: ("Hà Nam", "Hà Nội") -> "Hà(?:SEP)N(?:am|ội)".
    """
    trie: dict[str, dict] = {}
    for item in items:
        node = trie
        for token in _TOKEN.findall(item):
            node = node.setdefault(_token_regex(token), {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict[str, dict]) -> str:
    alternatives = [tok + _node_pattern(child) for tok, child in sorted(node.items()) if tok]
    if not alternatives:
        return ""
    if len(alternatives) == 1 and "" not in node:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")" + ("?" if "" in node else "")


@cache
def _name_regex() -> re.Pattern[str]:
    """Province names and aliases as printed: capitalised or all capitals, case-sensitive."""
    texts = {v for forms in _forms().values() for t in forms[2] for v in (t, t.upper())}
    # no look-behind: a pattern that starts with its prefix tree lets `re` skip ahead by
    # first character; _starts_word checks the left edge instead
    return re.compile(rf"(?:{_trie_pattern(sorted(texts))})(?![^\W_])")


@cache
def _cue_before_regex() -> re.Pattern[str]:
    """A unit word or body ending exactly where a name starts (use with `endpos`)."""
    cues = _cues()
    lead = _trie_pattern(cues.get("unit", ()) + cues.get("body", ()))
    return re.compile(rf"(?<![^\W_])(?P<cue>{lead})(?:(?<=\.)[ \t\u00a0]*|[ \t\u00a0]+)\Z",
                      re.IGNORECASE)


@cache
def _district_regex() -> re.Pattern[str]:
    units = {v for c in _cues().get("district", ()) for v in (c, c.capitalize(), c.upper())}
    names = {v for d in districts() for v in (fold_tones(d.name), fold_tones(d.name).upper())}
    return re.compile(
        rf"(?P<cue>{_trie_pattern(sorted(units))})(?:(?<=\.)[ \t\u00a0]*|[ \t\u00a0]+)"
        rf"(?P<name>{_trie_pattern(sorted(names))})(?![^\W_])")


@cache
def _aside_regex() -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W_])(?:{_trie_pattern(_cues().get('aside', ()))})(?![^\W_])",
                      re.IGNORECASE)


def _starts_word(text: str, start: int) -> bool:
    """True if `start` is not inside a word."""
    return start == 0 or not (text[start - 1].isalnum())


def _capitalised(printed: str) -> bool:
    """True if every word of a printed name starts with a capital or a digit."""
    return all(w[0].isupper() or w[0].isdigit() for w in _SPLIT.split(printed) if w)


def _report_date(doc: CleanDoc, earlier: Sequence[Mention]) -> str | None:
    """Return the report's date: publication, else the first full date in the text."""
    dates = [m.value for m in earlier if isinstance(m.value, DateValue)]
    published = next((d.iso for d in dates if d.role == "published"), None)
    if published or doc.published:
        return published or doc.published
    return next((d.iso for d in dates if d.stated and _ISO_DAY.match(d.iso)), None)


def _left_word_blocks(doc: CleanDoc, start: int) -> bool:
    """True if a capitalised word that does not start a sentence stands right before."""
    before = doc.text[max(0, start - 40):start]
    m = _LEFT_WORD.search(before)
    if m is None or not m.group(1)[0].isupper():
        return False
    return _SENTENCE_START.search(before[:m.start(1)]) is None


def _right_word_blocks(doc: CleanDoc, end: int) -> bool:
    """True if a capitalised word follows on the same line ("Thái Bình Dương")."""
    m = _RIGHT_WORD.match(doc.text, end, end + 4)
    return m is not None and m.group(1).isupper()


@lru_cache(maxsize=4096)
def _resolve(rows: Sequence[Province], printed: str, date: str | None) -> Province:
    found = find_province(printed, date)
    return found if found is not None and found in rows else (
        next((p for p in rows if p.valid_on(date)), rows[0]))


def _province_mentions(doc: CleanDoc, date: str | None) -> list[Mention]:
    forms = _forms()
    cue_before = _cue_before_regex()
    found = []
    for m in _name_regex().finditer(doc.folded):
        name_start, name_end = m.span()
        if not _starts_word(doc.folded, name_start):
            continue
        rows, prefixed, _ = forms[_compact(m.group())]
        cue = cue_before.search(doc.folded, max(0, name_start - 32), name_start)
        if cue is None and not prefixed and (
                not any(p.bare for p in rows) or _left_word_blocks(doc, name_start)
                or _right_word_blocks(doc, name_end)):
            continue
        unit = cue is not None and match_key(cue.group("cue")) in _cues()["unit"]
        start = cue.start() if unit else name_start
        province = _resolve(rows, doc.text[name_start:name_end], date)
        found.append(Mention(start, name_end, MentionKind.PROVINCE, doc.text[start:name_end],
                             ProvinceValue(province.code, province.name, "explicit",
                                           province.key), SOURCE))
    return found


def _district_province(candidates: Sequence[District], unit: str) -> str | None:
    """Return the province key of the district meant, or None if it is ambiguous."""
    same_kind = [d for d in candidates if d.kind == unit] or list(candidates)
    keys = {d.province for d in same_kind}
    return keys.pop() if len(keys) == 1 else None


def _district_mentions(doc: CleanDoc, date: str | None,
                       taken: Sequence[Mention]) -> list[Mention]:
    index = district_index()
    spans = [(t.start, t.end) for t in taken]
    found = []
    for m in _district_regex().finditer(doc.folded):
        name_start, end = m.span("name")
        if not _starts_word(doc.folded, m.start()):
            continue
        if not _capitalised(doc.text[name_start:end]):
            continue
        if any(s < end and m.start() < e for s, e in spans):
            continue
        unit = match_key(m.group("cue")).rstrip(".")
        unit = "thành phố" if unit == "tp" else unit
        key = _district_province(index[match_key(m.group("name"))], unit)
        province = province_by_key(key) if key else None
        if province is None:
            continue
        province = successor(province, date)       # a pre-2025 district, later merged
        found.append(Mention(m.start(), end, MentionKind.PROVINCE, doc.text[m.start():end],
                             ProvinceValue(province.code, province.name, "place",
                                           province.key), SOURCE))
    return found


def extract_provinces(doc: CleanDoc, earlier: Sequence[Mention] = ()) -> list[Mention]:
    """Return the provinces and districts named in `doc`, as PROVINCE mentions.

    Offsets point into `doc.text`; a span covers the unit word when it is one ("tỉnh
    Hà Tĩnh", "huyện Cẩm Xuyên"), else the name alone ("Nghệ An" in "Tỉnh ủy Nghệ An").
    [] when nothing is named. Example: "Đảng bộ tỉnh Hà Tĩnh họp tại huyện Can Lộc" ->
    ProvinceValue("42", "Hà Tĩnh", "explicit") and ProvinceValue("42", "Hà Tĩnh", "place").
    """
    date = _report_date(doc, earlier)
    named = _province_mentions(doc, date)
    return sorted(named + _district_mentions(doc, date, named),
                  key=lambda m: (m.start, m.end))


def aside_before(doc: CleanDoc, start: int) -> bool:
    """True if an "aside" cue ("các tỉnh", "giáp", "nguyên") precedes `start` in its clause.

    Offsets point into `doc.text`. Example: in "giáp tỉnh Hà Tĩnh", at "Hà Tĩnh" -> True.
    """
    window_start = max(0, start - 48)
    window = doc.folded[window_start:start]
    clause = _CLAUSE_END.split(window)[-1]
    return _aside_regex().search(clause) is not None
