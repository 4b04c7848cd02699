"""Parse Vietnamese Party and state titles from a report's word stream.

A title is read compositionally from the pieces in `kg/data/titles.tsv` (loaded by
`kg.extract.title_vocab`):

    prefix* (full | role qualifier* name-words? (body | head name-words | owner)*
             (party | jurisdiction) place?)

after the abbreviations of `kg/data/title_abbreviations.tsv` (UBND, HĐND, TƯ, ...) are
expanded into words, so "Phó bí thư TU" and "Phó Bí thư Tỉnh ủy" read alike. The
canonical title is spelled from the table (expanded, canonical capitals) and has no
place name: "Bí thư Tỉnh ủy Hà Tĩnh" -> "Bí thư Tỉnh ủy" with the place kept aside.
All offsets are character offsets into `CleanDoc.text` (the stream is read from
`CleanDoc.folded`, which has the same length).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract import names as _names
from kg.extract.title_vocab import (
    COMMA,
    DASH,
    OTHER,
    SAME,
    SPACE,
    abbreviations,
    anchor_pattern,
    party_levels,
    phrases,
    rewrites,
)

# "TP." before a name, joined capitals (T.Ư, PGS.TS, UVT.Ư, NN&PTNT), đ/c, then plain words
_TOKEN = re.compile(
    r"[Tt][Pp]\.(?=[^\W\d_])"
    r"|[A-ZĐ]{1,5}(?:[./&-][A-ZĐƯ]{1,5})+"
    r"|[đĐ]/[cC]"
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*"
)
_ROMAN = re.compile(r"[IVXLC]+|\d+")

_GAP_CODES = {" ": SPACE, ", ": COMMA, " - ": DASH, " – ": DASH, "-": DASH}

_BODY_KINDS = ("party", "jurisdiction", "body", "owner", "head")
_NAME_STOP_KINDS = ("role", "full", "prefix", "party", "body", "owner", "head")
_CLOSING_KINDS = ("party", "jurisdiction", "owner", "qualifier")
_STOP_KINDS = ("role", "full", "prefix", "party", "jurisdiction", "body", "owner", "head")


@dataclass
class Stream:
    """The words of one text, abbreviations expanded; parallel lists indexed by word."""

    folded: str
    low: list[str]
    printed: list[str]
    start: list[int]
    end: list[int]
    cap: list[int]          # 0 lower, 1 Capitalised, 2 CAPITALS
    gap: list[int]          # gap code between this word and the next
    expanded: list[bool]    # the word comes from an abbreviation


@dataclass
class Title:
    """A title found at words [w0, w1) = characters [start, end)."""

    w0: int
    w1: int
    start: int
    end: int
    canonical: str
    party: str | None = None          # the Party committee named ("Tỉnh ủy")
    jurisdiction: str | None = None   # "tỉnh", "thành phố" ... when printed
    needs_jurisdiction: bool = False  # a state body without its "tỉnh"
    bare_party: bool = False          # "Phó Bí thư Thường trực" with no committee
    place: str | None = None          # the place printed after it ("Hà Tĩnh")
    complete: bool = True             # has a body or is a full title


def windows(folded: str, before: int = 40, after: int = 160) -> list[tuple[int, int]]:
    """Return the merged spans of `folded` around title words and ông/bà/đồng chí.

    Text far from every such word holds no official, so it is not tokenised.
    """
    spans: list[tuple[int, int]] = []
    n = len(folded)
    for m in anchor_pattern().finditer(folded):
        a = m.start() - before
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], m.end() + after)
        else:
            spans.append((a, m.end() + after))
    out = []
    for a, b in spans:
        if a > 0:
            sp = folded.find(" ", a, a + 30)
            a = sp + 1 if sp >= 0 else a
        else:
            a = 0
        sp = folded.find(" ", b, b + 30) if b < n else -1
        out.append((a, sp if sp >= 0 else n))
    return out


def build_stream(folded: str, spans: list[tuple[int, int]] | None = None) -> Stream:
    """Split `folded` (or only `spans` of it) into words, expanding abbreviations.

    Example: "Chủ tịch UBND tỉnh" gives the words chủ tịch ủy ban nhân dân tỉnh.
    """
    if spans is None:
        spans = [(0, len(folded))]
    found = [(m.start(), m.end(), m.group()) for a, b in spans
             for m in _TOKEN.finditer(folded, a, b)]
    if not found:
        return Stream(folded, [], [], [], [], [], [], [])
    start, end, words = (list(column) for column in zip(*found))
    low = [w.lower() for w in words]
    cap = [0 if not w[0].isupper() else (2 if len(w) > 1 and w.isupper() else 1)
           for w in words]
    codes = _GAP_CODES
    gap = [codes.get(folded[e:s], OTHER) for e, s in zip(end, start[1:])] + [OTHER]
    expanded = [False] * len(words)
    abbr = abbreviations()
    hits = [i for i, w in enumerate(low) if w in abbr and cap[i] == 2]
    for i in reversed(hits):
        exp = abbr[low[i]]
        k = len(exp)
        low[i:i + 1] = [e[0] for e in exp]
        words[i:i + 1] = [e[1] for e in exp]
        start[i:i + 1] = [start[i]] * k
        end[i:i + 1] = [end[i]] * k
        cap[i:i + 1] = [1] * k
        gap[i:i + 1] = [SAME] * (k - 1) + [gap[i]]
        expanded[i:i + 1] = [True] * k
    return Stream(folded, low, words, start, end, cap, gap, expanded)


def match_phrase(s: Stream, j: int, kinds: tuple[str, ...]
                 ) -> tuple[int, str, str, str] | None:
    """Return (word count, kind, canonical, flags) of the longest phrase at word `j`."""
    cands = phrases().get(s.low[j]) if j < len(s.low) else None
    if not cands:
        return None
    n = len(s.low)
    for words, kind, canonical, flags, gaps in cands:
        if kind not in kinds:
            continue
        k = len(words)
        if j + k > n:
            continue
        ok = True
        for i in range(1, k):
            g = s.gap[j + i - 1]
            if s.low[j + i] != words[i] or (g > SPACE and g != gaps[i - 1]):
                ok = False
                break
        if ok:
            return k, kind, canonical, flags
    return None


def parse_title(s: Stream, j: int) -> Title | None:
    """Read the longest title starting at word `j`; None if no role starts there.

    Example: the words of "Phó bí thư Thường trực Tỉnh ủy Hà Tĩnh" give
    Title(canonical="Phó Bí thư Thường trực Tỉnh ủy", party="Tỉnh ủy", place="Hà Tĩnh").
    """
    n = len(s.low)
    if j >= n or not (s.cap[j] or (j + 1 < n and s.cap[j + 1] and
                                   match_phrase(s, j, ("prefix",)) is not None)):
        return None
    pieces: list[str] = []
    k = j
    hit = match_phrase(s, k, ("full", "role"))
    while hit is None and k < n and match_phrase(s, k, ("prefix",)):
        pieces.append(match_phrase(s, k, ("prefix",))[2])  # type: ignore[index]
        if s.gap[k] > SPACE:
            return None
        k += 1
        hit = match_phrase(s, k, ("full", "role"))
    if hit is None:
        return None
    size, kind, canonical, flags = hit
    pieces.append(canonical)
    k += size
    title = Title(j, k, s.start[j], s.end[k - 1], "")
    if kind == "full":
        return _finish(s, title, pieces)
    while k < n and s.gap[k - 1] <= SPACE:
        q = match_phrase(s, k, ("qualifier",))
        if q is None:
            break
        pieces.append(q[2])
        k += q[0]
    n_role = len(pieces)
    if "open" in flags and k < n and s.gap[k - 1] <= SPACE:
        k = _name_words(s, k, pieces)
    k, title = _bodies(s, k, pieces, title)
    title.w1 = max(title.w1, k)
    title.end = s.end[title.w1 - 1]
    if len(pieces) == n_role:
        title.complete = False
        title.bare_party = "party" in flags
    elif title.bare_party and not title.complete:
        title.bare_party = False
    return _finish(s, title, pieces)


def _bodies(s: Stream, k: int, pieces: list[str], title: Title) -> tuple[int, Title]:
    n = len(s.low)
    last_kind = ""
    keeps_jur = False
    national = False
    while k < n and s.gap[k - 1] <= SPACE:
        low = s.low[k]
        if low == "khóa" and k + 1 < n and _ROMAN.fullmatch(s.printed[k + 1]):
            if k + 2 < n and s.gap[k + 1] <= SPACE and _continues(s, k + 2):
                k += 2
                continue
            break
        if low == "của" and k + 1 < n and s.gap[k] <= SPACE:
            nxt = match_phrase(s, k + 1, _BODY_KINDS)
            if nxt is None:
                break
            if nxt[1] != "jurisdiction":
                pieces.append("của")
            k += 1
            continue
        hit = match_phrase(s, k, _BODY_KINDS)
        if hit is None:
            break
        size, kind, canonical, flags = hit
        if kind == "jurisdiction" and last_kind == "" and not pieces[-1].endswith("Chủ tịch"):
            break
        if kind != "jurisdiction" or keeps_jur or last_kind == "":
            pieces.append(canonical)
        k += size
        last_kind = kind
        if kind == "head":
            before = len(pieces)
            k = _name_words(s, k, pieces) if s.gap[k - 1] <= SPACE else k
            if flags == "named" and len(pieces) == before and k < n and \
                    s.gap[k - 1] <= SPACE:
                named = match_phrase(s, k, ("body",))
                if named is not None:
                    pieces.append(named[2])
                    k += named[0]
            keeps_jur = flags == "jurisdiction" or (len(pieces) > before and keeps_jur)
            if len(pieces) == before and not (k < n and s.gap[k - 1] <= SPACE
                                              and match_phrase(s, k, _BODY_KINDS)):
                pieces.pop()
                k -= size
                break
        elif kind == "body":
            keeps_jur = flags == "jurisdiction"
            title.bare_party = flags == "party"
        elif kind == "owner":
            title.bare_party = False
            keeps_jur = keeps_jur and flags == "jurisdiction"
            national = national or flags != "jurisdiction"
        elif kind == "party":
            title.party = canonical
            title.bare_party = False
            keeps_jur = False
            if k < len(s.low) and s.gap[k - 1] <= SPACE:
                jur = match_phrase(s, k, ("jurisdiction",))
                if jur is not None:
                    k += jur[0]
            k = _place(s, k, title)
            break
        elif kind == "jurisdiction":
            title.jurisdiction = canonical
            keeps_jur = False
            k = _place(s, k, title)
            break
    title.needs_jurisdiction = keeps_jur and not national
    return k, title


def _continues(s: Stream, k: int) -> bool:
    return k < len(s.low) and match_phrase(s, k, _BODY_KINDS) is not None


def _name_words(s: Stream, k: int, pieces: list[str]) -> int:
    """Absorb the capitalised name of a body ("Kế hoạch và Đầu tư"); return the new k."""
    n = len(s.low)
    taken: list[str] = []
    while k < n:
        if taken and s.gap[k - 1] not in (SPACE, COMMA, DASH):
            break
        if s.expanded[k] and match_phrase(s, k, _STOP_KINDS) is None:
            token = s.start[k]                       # "GD&ĐT": take its whole expansion
            while k < n and s.expanded[k] and s.start[k] == token:
                taken.append(s.printed[k])
                k += 1
            continue
        if s.cap[k] == 0:
            if taken and s.low[k] == "và" and k + 1 < n and s.cap[k + 1] and \
                    s.gap[k] == SPACE and match_phrase(s, k + 1, _NAME_STOP_KINDS) is None:
                taken.append("và")
                k += 1
                continue
            break
        if s.gap[k - 1] != SPACE and taken and (s.cap[k] == 0 or
                                                 match_phrase(s, k, _STOP_KINDS)):
            break
        stop = match_phrase(s, k, _STOP_KINDS)
        if stop is not None and not (stop[1] == "jurisdiction" and taken):
            break
        if _names.starts_person(s, k):
            break
        sep = {COMMA: ", ", DASH: " - "}.get(s.gap[k - 1], " ") if taken else ""
        word = s.printed[k] if s.cap[k] == 1 else s.printed[k].capitalize()
        taken.append(sep.strip() + " " + word if sep.strip() else word)
        k += 1
        if k < n and s.cap[k] == 0 and s.gap[k - 1] == SPACE and s.low[k] != "và" and \
                match_phrase(s, k, _CLOSING_KINDS) is None:
            taken.append(s.printed[k])
            k += 1
    if taken and taken[-1] == "và":
        taken.pop()
        k -= 1
    if taken:
        pieces.append(" ".join(taken).replace(" ,", ","))
    return k


def _place(s: Stream, k: int, title: Title) -> int:
    """Take the place printed after a committee or jurisdiction word; return the new k."""
    n = len(s.low)
    if k >= n or s.gap[k - 1] != SPACE or s.cap[k] == 0 or s.expanded[k]:
        return k
    run = k
    while run < n and s.cap[run] and not s.expanded[run]:
        run += 1
        if run < n and s.gap[run - 1] not in (SPACE, DASH):
            break
        if run - k >= 6:
            break
    words = run - k
    size = _names.place_length(s, k, words)
    if size:
        title.place = " ".join(s.printed[k:k + size])
        return k + size
    return k


def _finish(s: Stream, title: Title, pieces: list[str]) -> Title:
    text = " ".join(pieces)
    title.canonical = rewrites().get(text.lower(), text)
    title.end = s.end[title.w1 - 1]
    return title


def complete_title(title: Title, party: str | None, jurisdiction: str | None) -> str | None:
    """Return the canonical title with a missing committee or "tỉnh" filled in, or None.

    `party` and `jurisdiction` come from the titles printed beside this one
    ("Phó Bí thư Thường trực, Chủ tịch HĐND tỉnh" -> "Phó Bí thư Thường trực Tỉnh ủy").
    """
    text = title.canonical
    if title.bare_party:
        committee = party or party_levels().get(jurisdiction or "")
        if committee is None:
            return None
        text = f"{text} {committee}"
    elif not title.complete:
        return None
    elif title.needs_jurisdiction and jurisdiction:
        text = f"{text} {jurisdiction}"
    return rewrites().get(text.lower(), text)
