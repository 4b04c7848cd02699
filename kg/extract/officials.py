"""Extract officials (a full name with the titles printed beside it) and bare titles.

Titles are read by `kg.extract.titles`, names proposed by `kg.extract.names`; this module
decides which titles belong to which name from the text between them: "đồng chí X, T1,
T2; Y – T3", "T1, T2 X", "các đồng chí T: X - T1; Y - T2" (a shared title), "các T: X, Y",
"X và Y lần lượt giữ chức T1 và T2", past posts after "nguyên". Every offset is a
character offset into `CleanDoc.text`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from kg.data import load_table
from kg.extract import names as _names
from kg.extract import titles as _titles
from kg.model import CleanDoc, Mention, MentionKind, OfficialValue, TitleValue
from kg.text import fold_tones

SOURCE = "officials.v1"
_BODIES = ("body", "party", "owner", "head")
_MAX_GAP = 120
_SEP_CHARS = frozenset(",;:-–—/() \t")
_ASIDE = re.compile(r"\s*\([^()\n]{0,40}\)")     # "(bìa trái)", "(thứ hai từ phải)"
_STOPS = re.compile(r"[.!?()\[\]\"“”]")


@dataclass
class _Item:
    start: int
    end: int
    title: _titles.Title | None = None
    cand: _names.Candidate | None = None
    past: bool = False
    plural: bool = False
    genitive: bool = False                              # "của Bí thư Tỉnh ủy"
    segment: int = 0                                    # items linked without a break
    owners: list[int] = field(default_factory=list)     # indices of name items


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    """One pattern per kind of kg/data/official_cues.tsv, matching a whole gap or its end."""
    forms: dict[str, list[str]] = {}
    for row in load_table("official_cues"):
        forms.setdefault(row["kind"], []).append(row["form"])
    alt = {k: "|".join(re.escape(f) for f in sorted(v, key=len, reverse=True))
           for k, v in forms.items()}
    return {
        "and": re.compile(rf"(?:,\s*)?(?:{alt['and']})", re.IGNORECASE),
        "appointment": re.compile(rf"(?<![^\W\d_])(?:{alt['appointment']})\s*$", re.IGNORECASE),
        "respectively": re.compile(rf"(?<![^\W\d_])(?:{alt['respectively']})(?![^\W\d_])",
                                   re.IGNORECASE),
        "list": re.compile(rf"(?<![^\W\d_])(?:{alt['list']}|{alt['appointment']})\s*:?\s*$",
                           re.IGNORECASE),
        "plural": re.compile(rf"(?<![^\W\d_])(?:{alt['plural']})(?:\s+\S+){{0,2}}\s*$", re.IGNORECASE),
        "genitive": re.compile(rf"(?<![^\W\d_])(?:{alt['genitive']})\s*$", re.IGNORECASE),
        "address": re.compile(r"(?<![^\W\d_])(?:" + "|".join(
            re.escape(r["form"]) for r in load_table("honorifics")
            if r["kind"] in ("address", "rank", "degree")) + r")\.?\s+$", re.IGNORECASE),
    }


@lru_cache(maxsize=1)
def _strip_words() -> re.Pattern[str]:
    forms = sorted((r["form"] for r in load_table("honorifics")
                    if r["kind"] in ("address", "rank", "degree", "past")),
                   key=len, reverse=True)
    alt = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<![^\W\d_])(?:{alt})(?![^\W\d_])\.?", re.IGNORECASE)


@lru_cache(maxsize=1)
def _word_kinds() -> dict[str, str]:
    return {" ".join(k): v for k, v in _names.honorifics().items()}


def extract_officials(doc: CleanDoc, earlier: Sequence[Mention]) -> list[Mention]:
    """Return OFFICIAL mentions (span = the name) and TITLE mentions (a bare title).

    Offsets point into `doc.text`; names overlapping a BYLINE mention in `earlier` are
    skipped. A report without officials gives []. Example: "đồng chí Lê Văn An, Phó Bí
    thư Tỉnh ủy, Chủ tịch UBND tỉnh" gives one mention "Lê Văn An" with titles
    ("Phó Bí thư Tỉnh ủy", "Chủ tịch Ủy ban nhân dân tỉnh").
    """
    folded, back = _working_text(doc)
    s = _titles.build_stream(folded, _titles.windows(folded))
    n = len(s.low)
    covered = [False] * n
    blocked = [(m.start, m.end) for m in earlier if m.kind is MentionKind.BYLINE]
    items: list[_Item] = []
    starts, prefixes = _titles.start_words(), _titles.prefix_words()
    low, cap = s.low, s.cap
    nxt = 0
    for j in [j for j in range(n) if low[j] in starts and (cap[j] or low[j] in prefixes)]:
        if j < nxt or _inside_body(s, j):
            continue
        title = _titles.parse_title(s, j)
        if title is None:
            continue
        nxt = title.w1
        for w in range(title.w0, title.w1):
            covered[w] = True
        if _names_a_body(s, title.w0):
            continue
        items.append(_Item(title.start, title.end, title=title, past=_is_past(s, title.w0),
                           plural=_is_plural(s, title), genitive=_is_genitive(s, title.w0)))
    for cand in _names.find_candidates(s, covered):
        start, end = s.start[cand.w0], s.end[cand.w1 - 1]
        if any(b0 < end and start < b1 for b0, b1 in blocked):
            continue
        if _after_place_word(s, cand.w0, covered) or _credited(folded, start):
            continue
        items.append(_Item(start, end, cand=cand))
    items.sort(key=lambda it: it.start)
    gaps = [_gap(folded, items[i].end, items[i + 1].start) for i in range(len(items) - 1)]
    default = "thành phố" if folded.count("Thành ủy") > folded.count("Tỉnh ủy") else "tỉnh"
    for number, seg in enumerate(_segments(items, gaps)):
        for i in seg:
            items[i].segment = number
        _assign(items, gaps, seg)
    return _mentions(doc, folded, items, gaps, default, back)


def _working_text(doc: CleanDoc) -> tuple[str, list[int] | None]:
    """Return folded NFC text and, if `doc.text` is not NFC, a map back to its offsets."""
    folded = doc.folded
    if len(folded) == len(doc.text):
        return folded, None
    back: list[int] = []
    parts: list[str] = []
    for m in re.finditer(r".[\u0300-\u036f]*", doc.text, re.DOTALL):
        piece = unicodedata.normalize("NFC", m.group())
        parts.append(piece)
        back.extend([m.start()] * len(piece))
    back.append(len(doc.text))
    return fold_tones("".join(parts)), back


def _is_past(s: _titles.Stream, w0: int) -> bool:
    kinds = _word_kinds()
    for size in (1, 2, 3):
        k = w0 - size
        if k >= 0 and kinds.get(" ".join(s.low[k:w0])) == "past" and \
                (s.cap[k] == 0 or k == 0 or s.gap[k - 1] != 1):
            return True
    return False


def _inside_body(s: _titles.Stream, j: int) -> bool:
    """Whether word j is inside a body's name ("Ban Bí thư", "Bộ Chính trị")."""
    for size in (1, 2):
        k = j - size
        if k >= 0:
            hit = _titles.match_phrase(s, k, _BODIES)
            if hit is not None and hit[0] > size:
                return True
    return False


def _names_a_body(s: _titles.Stream, w0: int) -> bool:
    """Whether the title is part of a body's name ("Văn phòng Chủ tịch nước")."""
    for size in (1, 2):
        k = w0 - size
        if k >= 0 and s.gap[w0 - 1] == 1:
            hit = _titles.match_phrase(s, k, ("head",))
            if hit is not None and hit[0] == size:
                return True
    return False


def _is_genitive(s: _titles.Stream, w0: int) -> bool:
    return w0 > 0 and s.gap[w0 - 1] == 1 and \
        _cues()["genitive"].search(s.low[w0 - 1]) is not None


def _is_plural(s: _titles.Stream, title: _titles.Title) -> bool:
    """Whether the title is of several people: "các Phó Chủ tịch", "Chủ tịch UBND các xã"."""
    w0, w1 = title.w0, title.w1
    plural = _cues()["plural"]
    k = w0
    while k > 0 and w0 - k < 3 and s.gap[k - 1] == 1:
        k -= 1
    before = " ".join(s.low[k:w0])
    if w0 and plural.search(before):
        return True
    return w1 < len(s.low) and s.gap[w1 - 1] == 1 and plural.fullmatch(s.low[w1]) is not None


def _after_place_word(s: _titles.Stream, w0: int, covered: list[bool]) -> bool:
    kinds = _word_kinds()
    for size in (1, 2):
        k = w0 - size
        if k >= 0 and not covered[k] and s.gap[w0 - 1] == 1 and \
                kinds.get(" ".join(s.low[k:w0])) == "place":
            return True
    return False


@lru_cache(maxsize=1)
def _credit_cue() -> re.Pattern[str]:
    forms = sorted((r["form"] for r in load_table("byline_cues")), key=len, reverse=True)
    alt = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<![^\W\d_])(?:{alt})\s*[:\-–]\s*$", re.IGNORECASE)


def _credited(folded: str, start: int) -> bool:
    """Whether a name follows a photo or author credit ("Ảnh: Nguyễn Văn An")."""
    return _credit_cue().search(folded[max(0, start - 20):start]) is not None


def _gap(folded: str, a: int, b: int) -> str:
    """Classify the text between two items: adj, sep, sep;, sep:, and, cue, list, break."""
    if b - a > _MAX_GAP:
        return "break"
    raw = folded[a:b]
    if "\n" in raw:
        return "break"
    if "(" in raw:
        raw = _ASIDE.sub(" ", raw)
    rest = _strip_words().sub("", raw).replace("tân ", "").strip()
    if not rest:
        return "adj"
    if all(c in _SEP_CHARS for c in rest):
        return "sep:" if ":" in rest else ("sep;" if ";" in rest else "sep")
    cues = _cues()
    if cues["and"].fullmatch(rest.strip("() ,")):
        return "and"
    if _STOPS.search(rest) or ";" in rest or ":" in rest:
        return "break"
    if cues["appointment"].search(rest):
        return "cue+" if cues["respectively"].search(rest) else "cue"
    if cues["list"].search(rest):
        return "list"
    return "break"


def _segments(items: list[_Item], gaps: list[str]) -> list[list[int]]:
    segs: list[list[int]] = [[0]] if items else []
    for i, g in enumerate(gaps):
        if g == "break" or (g == "list" and not items[i].plural):
            segs.append([i + 1])
        else:
            segs[-1].append(i + 1)
    return segs


def _assign(items: list[_Item], gaps: list[str], seg: list[int]) -> None:
    """Give each title in one segment its owners (indices of name items)."""
    header: list[int] = []
    k = 0
    while k < len(seg) and items[seg[k]].title is not None:
        if k + 1 < len(seg) and gaps[seg[k]] in ("sep:", "list"):
            header = seg[:k + 1]
            seg = seg[k + 1:]
            break
        k += 1
    groups: list[list[int]] = [[]]
    for pos, i in enumerate(seg):
        groups[-1].append(i)
        if pos + 1 < len(seg) and gaps[i] == "sep;":
            groups.append([])
    previous_name: int | None = None
    post_styled = False
    pending: list[int] = []
    for gi, group in enumerate(groups):
        names = [i for i in group if items[i].cand is not None]
        if header and (gi == 0 or _header_live(items, groups, gi)):
            for h in header:
                items[h].owners.extend(names)
        if not names:
            if previous_name is not None and post_styled:
                for i in group:
                    items[i].owners.append(previous_name)
            else:
                pending.extend(group)
            continue
        for i in pending:
            items[i].owners.append(names[0])
        pending = []
        _assign_group(items, gaps, group, names)
        previous_name = names[-1]
        post_styled = items[group[-1]].title is not None and \
            previous_name in items[group[-1]].owners


def _header_live(items: list[_Item], groups: list[list[int]], gi: int) -> bool:
    return all(items[g[0]].cand is not None for g in groups[1:gi + 1])


def _assign_group(items: list[_Item], gaps: list[str], group: list[int],
                  names: list[int]) -> None:
    first = names[0]
    pre_styled: set[int] = set()
    pre = [i for i in group if i < first]
    if pre and (gaps[first - 1] == "adj" or not items[pre[-1]].genitive):
        for i in pre:
            items[i].owners.append(first)
        pre_styled.add(first)
    cue_titles: list[int] = []
    respectively = False
    for a, b in zip(names, names[1:] + [None]):
        between = [i for i in group if a < i < (b if b is not None else 10 ** 9)]
        titles = [i for i in between if items[i].title is not None]
        if not titles:
            continue
        for pos, i in enumerate(titles):
            if gaps[i - 1].startswith("cue") or (cue_titles and pos and
                                                  gaps[i - 1] in ("and", "sep")):
                cue_titles.append(i)
                respectively = respectively or gaps[i - 1] == "cue+"
        plain = [i for i in titles if i not in cue_titles]
        if b is not None and plain and plain[-1] == b - 1 and gaps[b - 1] == "adj":
            if a in pre_styled:
                for i in plain:
                    items[i].owners.append(b)
            else:
                for i in plain[:-1]:
                    items[i].owners.append(a)
                items[plain[-1]].owners.append(b)
            pre_styled.add(b)
        else:
            for i in plain:
                items[i].owners.append(a)
    if cue_titles:
        holders = [i for i in names if i < cue_titles[0]]
        if len(holders) == len(cue_titles) > 1 or (respectively and
                                                   len(holders) == len(cue_titles)):
            for h, t in zip(holders, cue_titles):
                items[t].owners.append(h)
        else:
            for t in cue_titles:
                items[t].owners.extend(holders)


def _mentions(doc: CleanDoc, folded: str, items: list[_Item], gaps: list[str],
              default: str, back: list[int] | None) -> list[Mention]:
    held: dict[int, list[tuple[int, str]]] = {}
    past: dict[int, list[str]] = {}
    places: dict[int, str] = {}
    out: list[Mention] = []
    for idx, it in enumerate(items):
        if it.title is None:
            continue
        text = _complete(items, idx, default)
        if text is None:
            continue
        if not it.owners:
            if not it.plural and not it.past:
                out.append(_mention(doc, it.start, it.end, MentionKind.TITLE,
                                    TitleValue(text), back))
            continue
        for owner in it.owners:
            if it.past:
                past.setdefault(owner, []).append(text)
            else:
                held.setdefault(owner, []).append((idx, text))
            if it.title.place and owner not in places:
                places[owner] = it.title.place
    for idx, it in enumerate(items):
        if it.cand is None:
            continue
        titles = [t for _, t in sorted(held.get(idx, []))]
        if not titles and not past.get(idx) and not _has_context(folded, items, gaps, idx):
            continue
        if _names.is_place(it.cand.name) and not _addressed(folded, it.start):
            continue
        value = OfficialValue(
            name=unicodedata.normalize("NFC", it.cand.name),
            titles=tuple(dict.fromkeys(titles)),
            past_titles=tuple(dict.fromkeys(past.get(idx, []))),
            province=_province(places.get(idx)),
        )
        out.append(_mention(doc, it.start, it.end, MentionKind.OFFICIAL, value, back))
    return out


def _complete(items: list[_Item], idx: int, default: str) -> str | None:
    title = items[idx].title
    assert title is not None
    if title.complete and not title.needs_jurisdiction and not title.bare_party:
        return title.canonical
    party = jurisdiction = None
    segment = items[idx].segment
    near = [i for i in range(max(0, idx - 8), min(len(items), idx + 9))
            if i != idx and items[i].segment == segment]
    for i in sorted(near, key=lambda i: abs(i - idx) + (0 if i > idx else 0.5)):
        other = items[i].title
        if other is None:
            continue
        party = party or other.party
        jurisdiction = jurisdiction or other.jurisdiction or _level(other.party)
        if party or jurisdiction:
            break
    return _titles.complete_title(title, party, jurisdiction or default)


def _level(party: str | None) -> str | None:
    if party is None:
        return None
    return {v: k for k, v in _titles.party_levels().items()}.get(party)


def _addressed(folded: str, start: int) -> bool:
    """Whether ông, bà, đồng chí or a rank stands right before `start`."""
    return _cues()["address"].search(folded[max(0, start - 16):start]) is not None


def _has_context(folded: str, items: list[_Item], gaps: list[str], idx: int) -> bool:
    """Whether a name without a title stands where a name is expected (after ông, in a list)."""
    if _addressed(folded, items[idx].start):
        return True
    return bool(idx and gaps[idx - 1] in ("sep", "and") and items[idx - 1].cand is not None)


def _province(place: str | None) -> str | None:
    return _names.province_of(place) if place else None


def _mention(doc: CleanDoc, start: int, end: int, kind: MentionKind, value: object,
             back: list[int] | None) -> Mention:
    if back is not None:
        start, end = back[start], back[end]
    return Mention(start, end, kind, doc.text[start:end], value, SOURCE)  # type: ignore[arg-type]
