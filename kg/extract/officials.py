"""Extract officials (a full name with the titles printed beside it) and bare titles.

Titles are read by `kg.extract.titles`, names proposed by `kg.extract.names`; this module
finds them, labels the text between each two, and `kg.extract.title_owners` decides from
those labels which titles belong to which name: "đồng chí X, T1, T2; Y – T3", "T1, T2 X",
"các đồng chí T: X - T1; Y - T2" (a shared title), "các T: X, Y", "X và Y lần lượt giữ
chức T1 và T2", past posts after "nguyên". Every offset is a character offset into
`CleanDoc.text`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from kg.data import load_table
from kg.extract import names as _names
from kg.extract import titles as _titles
from kg.extract.title_owners import Item, assign_owners, segments
from kg.extract.title_vocab import party_levels, prefix_words, start_words
from kg.model import CleanDoc, Mention, MentionKind, OfficialValue, TitleValue
from kg.text import fold_tones

SOURCE = "officials.v1"
_BODIES = ("body", "party", "owner", "head")
_MAX_GAP = 120
_SEP_CHARS = frozenset(",;:-–—/() \t")
_ASIDE = re.compile(r"\s*\([^()\n]{0,40}\)")     # "(bìa trái)", "(thứ hai từ phải)"
_STOPS = re.compile(r"[.!?()\[\]\"“”]")


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
    items: list[Item] = []
    starts, prefixes = start_words(), prefix_words()
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
        items.append(Item(title.start, title.end, title=title, past=_is_past(s, title.w0),
                          plural=_is_plural(s, title), genitive=_is_genitive(s, title.w0)))
    for cand in _names.find_candidates(s, covered):
        start, end = s.start[cand.w0], s.end[cand.w1 - 1]
        if any(b0 < end and start < b1 for b0, b1 in blocked):
            continue
        if _after_place_word(s, cand.w0, covered) or _credited(folded, start):
            continue
        items.append(Item(start, end, cand=cand))
    items.sort(key=lambda it: it.start)
    gaps = [_gap(folded, items[i].end, items[i + 1].start) for i in range(len(items) - 1)]
    default = "thành phố" if folded.count("Thành ủy") > folded.count("Tỉnh ủy") else "tỉnh"
    for number, seg in enumerate(segments(items, gaps)):
        for i in seg:
            items[i].segment = number
        assign_owners(items, gaps, seg)
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


def _mentions(doc: CleanDoc, folded: str, items: list[Item], gaps: list[str],
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


def _complete(items: list[Item], idx: int, default: str) -> str | None:
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
    return {v: k for k, v in party_levels().items()}.get(party)


def _addressed(folded: str, start: int) -> bool:
    """Whether ông, bà, đồng chí or a rank stands right before `start`."""
    return _cues()["address"].search(folded[max(0, start - 16):start]) is not None


def _has_context(folded: str, items: list[Item], gaps: list[str], idx: int) -> bool:
    """Whether a name without a title stands where a name is expected (after ông, in a list)."""
    if _addressed(folded, items[idx].start):
        return True
    return bool(idx and gaps[idx - 1] in ("sep", "and") and items[idx - 1].cand is not None)


def _province(place: str | None) -> str | None:
    """The place a title names, when it is a province (resolved to a unit by linking)."""
    return place if place and _names.province_of(place) is not None else None


def _mention(doc: CleanDoc, start: int, end: int, kind: MentionKind, value: object,
             back: list[int] | None) -> Mention:
    if back is not None:
        start, end = back[start], back[end]
    return Mention(start, end, kind, doc.text[start:end], value, SOURCE)  # type: ignore[arg-type]
