"""Find the meetings a report names, and the words that place people at them.

A meeting mention starts at a head noun ("Hội nghị", "kỳ họp", "phiên họp", "Đại hội")
and is typed by the body printed after it ("Hội nghị Ban Chấp hành Đảng bộ tỉnh") or the
body that holds it ("Ban Thường vụ Tỉnh ủy tổ chức hội nghị"). One cluster of mentions
is marked `main`: the meeting the report is about, not the ones merely mentioned
("chuẩn bị Đại hội Đảng bộ tỉnh lần thứ XX"). The ROLE mentions of `kg.extract.roles`
(cue words for chairing and attending) are returned with them; kg.link.meetings reads
both. Vocabularies: kg/data/meeting_kinds.tsv, meeting_cues.tsv, number_words.tsv.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.data import load_table
from kg.extract.phrase_patterns import alternation, phrase_key, word_re
from kg.extract.roles import find_roles
from kg.model import CleanDoc, DateValue, MeetingValue, Mention, MentionKind
from kg.text import fold_tones

SOURCE = "meetings.v1"
NATIONAL = "national"
GENERIC = "generic"


def _lower(folded: str) -> tuple[str, bool]:
    """Return `folded` in lower case and True, or unchanged and False if that moves offsets."""
    low = folded.lower()
    return (low, True) if len(low) == len(folded) else (folded, False)


_KINDS = load_table("meeting_kinds")
_HEADS = {phrase_key(fold_tones(r["phrase"])): r for r in _KINDS if r["slot"] == "head"}
_BODIES = {phrase_key(fold_tones(r["phrase"])): r["kind"] for r in _KINDS
           if r["slot"] == "body"}
_ORGANISERS = {phrase_key(fold_tones(r["phrase"])): r for r in _KINDS
               if r["slot"] == "organiser"}
_HEAD_RE = word_re(list(_HEADS))
_HEAD_LOW_RE = word_re(list(_HEADS), 0)
_BODY_RE = re.compile(rf"(?P<w>{alternation(list(_BODIES))})(?!\w)"
                      rf"(?:\s+(?:tỉnh|thành\s+phố|TP)(?!\w))?", re.IGNORECASE)
_ORGANISER_RE = word_re(list(_ORGANISERS))
# "Ban Thường vụ Tỉnh ủy (Long An) (đã) họp ..." names a meeting without a head noun
_BODY_MEETS = (rf"\b(?P<w>{alternation(list(_ORGANISERS))})"
               rf"(?P<name>(?:\s+[^\W\d_][^\s,.;:]*){{0,3}}?)"
               rf"\s+(?:đã\s+)?(?:tiến\s+hành\s+)?họp(?!\w)")
_BODY_MEETS_RE = re.compile(_BODY_MEETS, re.IGNORECASE)
_BODY_MEETS_LOW_RE = re.compile(_BODY_MEETS)
_FILLER_RE = re.compile(
    rf"(?:{alternation([r['phrase'] for r in _KINDS if r['slot'] == 'filler'])})(?!\w)",
    re.IGNORECASE)

_CUES = load_table("meeting_cues")
_CUE_KIND = {phrase_key(fold_tones(r["phrase"])): r["cue"] for r in _CUES}
_CONTEXT_RE = word_re([r["phrase"] for r in _CUES if r["cue"] in ("verb", "negative")])
_VERB_RE = word_re([r["phrase"] for r in _CUES if r["cue"] == "verb"])
_HOLD_RE = word_re([r["phrase"] for r in _CUES if r["holds"] == "yes"])
_ONLINE_RE = word_re([r["phrase"] for r in _CUES if r["cue"] == "online"])
_EXTENDED_RE = word_re([r["phrase"] for r in _CUES if r["cue"] == "extended"])
_EXTRA_RE = word_re([r["phrase"] for r in _CUES if r["cue"] == "extraordinary"])

_NUMBERS = {phrase_key(fold_tones(r["word"])): int(r["value"])
            for r in load_table("number_words")}
_ROMAN = r"[IVXLC]+"
_NUMBER = rf"(?:\d{{1,3}}|{alternation(list(_NUMBERS))}|{_ROMAN})(?!\w)"
_ORDINAL_RE = re.compile(
    rf"(?<!\w)(?:lần\s+thứ|lần\s+thức|thứ|lần)\s+(?P<n>{_NUMBER})", re.IGNORECASE)
_CENTRAL_NUMBER_RE = re.compile(r"\s*(?:trung\s+ương|TW|TƯ)\s+(?P<n>\d{1,2})(?!\w)",
                                re.IGNORECASE)
_YEARS_RE = re.compile(r"(?<!\w)nhiệm\s+k[ỳìy]\s*\(?\s*(?P<a>(?:19|20)\d\d)\s*[-–—]\s*"
                       r"(?P<b>(?:19|20)\d\d)(?!\d)", re.IGNORECASE)
_KHOA_RE = re.compile(rf"(?<!\w)(?P<pre>(?:quốc\s+hội|trung\s+ương(?:\s+đảng)?)\s+)?"
                      rf"kh[oó]a\s+(?P<n>{_ROMAN})(?!\w)", re.IGNORECASE)
_DATE_GAP_RE = re.compile(r"[\s,(]*(?:(?:vào|diễn\s+ra)\s+)?(?:(?:sáng|chiều|tối|trưa)\s+)?"
                          r"(?:(?:ngày|hôm)\s+)?", re.IGNORECASE)
_GAP_RE = re.compile(r"[\s,()–\-]*")
_SENTENCE_END_RE = re.compile(r"[.!?;:\n]")
_CLAUSE_END_RE = re.compile(r"[.!?;:,\n]")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

_ORDINAL_REACH = 70      # characters after the head where "lần thứ 21" may stand
_TERM_REACH = 90         # ... where "nhiệm kỳ 2015 - 2020" / "khóa XIX" may stand
_CONTEXT_REACH = 80      # characters before the head searched for a governing verb
_ORGANISER_REACH = 90    # characters between the holding body and its verb
_VERB_GAP = 25           # ... and between that verb and the head ("tổ chức Hội nghị")
_SENTENCE_REACH = 400    # a sentence start is looked for this far back at most
_TITLE_REACH = 400       # the title lines are within this many characters of the top


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    group: str
    kind: str
    specific: bool          # the kind comes from a body or organiser, not the head alone
    bare_ok: bool           # the head alone may name the report's meeting
    national: bool
    ordinal: int | None
    term: str | None
    online: bool
    extended: bool
    extraordinary: bool
    context: str            # verb | negative | neutral
    title: bool             # in the title lines at the top of the report
    dated: bool             # a date follows the meeting name ("cuộc họp chiều 28/4")


def extract_meetings(doc: CleanDoc, earlier: Sequence[Mention]) -> list[Mention]:
    """Return MEETING mentions and ROLE cue mentions, offsets into `doc.text`.

    Meetings are typed (kind, ordinal, term, online, extended, extraordinary) and the
    cluster the report is about is marked `main`; `[]` when the text names no meeting
    and no cue. Example: "Sáng 30/6, Tỉnh ủy tổ chức Hội nghị Ban Chấp hành Đảng bộ
    tỉnh lần thứ 21" gives MeetingValue("executive-committee", ordinal=21, main=True).
    """
    text, folded = doc.text, doc.folded
    dates = [m for m in earlier if m.kind is MentionKind.DATE
             and isinstance(m.value, DateValue) and m.value.role != "published"]
    low, lowered = _lower(folded)
    found = _find_meetings(folded, low, lowered, dates)
    main = _main_flags(found)
    out = [Mention(f.start, f.end, MentionKind.MEETING, text[f.start:f.end],
                   MeetingValue(kind="other" if f.national or f.kind == GENERIC else f.kind,
                                ordinal=f.ordinal, term=f.term, online=f.online,
                                extended=f.extended, extraordinary=f.extraordinary,
                                main=is_main),
                   SOURCE)
           for f, is_main in zip(found, main, strict=True)]
    out.extend(find_roles(text, folded, low, lowered, SOURCE))
    return out


def _find_meetings(folded: str, low: str, lowered: bool,
                   dates: Sequence[Mention]) -> list[_Found]:
    heads = [m for m in (_HEAD_LOW_RE if lowered else _HEAD_RE).finditer(low)
             if folded[max(0, m.start() - 2):m.start()].strip()[-1:] != "("]
    found = []
    for i, head in enumerate(heads):
        next_head = heads[i + 1].start() if i + 1 < len(heads) else len(folded)
        prev_end = heads[i - 1].end() if i else 0
        found.append(_read_meeting(folded, head, prev_end, next_head, dates))
    found.extend(_bodies_meeting(folded, low, lowered, heads))
    return sorted(found, key=lambda f: f.start)


def _bodies_meeting(folded: str, low: str, lowered: bool,
                    heads: Sequence[re.Match[str]]) -> list[_Found]:
    """Meetings named by "<body> họp" with no head noun after ("Ban Thường vụ họp")."""
    out = []
    starts = [h.start() for h in heads]
    if " họp" not in low:
        return out
    for m in (_BODY_MEETS_LOW_RE if lowered else _BODY_MEETS_RE).finditer(low):
        if any(m.end() < s <= m.end() + 25 for s in starts):
            continue                                # "UBND tỉnh họp phiên thường kỳ"
        if not all(w[:1].isupper() or w.lower() in ("tỉnh", "thành", "phố")
                   for w in folded[m.start("name"):m.end("name")].split()):
            continue
        row = _ORGANISERS[phrase_key(m.group("w"))]
        if row["numbered"] == "yes":
            continue
        national = row["kind"] == NATIONAL
        sentence_end = _stop(folded, m.end(), _SENTENCE_END_RE, len(folded))
        lead = folded[m.end():min(sentence_end, m.end() + 200)]
        out.append(_Found(
            start=m.start(), end=m.end(), group=_HEADS[phrase_key("hội nghị")]["group"],
            kind=row["kind"], specific=True, bare_ok=True, national=national,
            ordinal=None, term=None, online=bool(_ONLINE_RE.search(lead)),
            extended=False, extraordinary=bool(_EXTRA_RE.search(lead[:40])),
            context="verb", title=_in_title(folded, m.start()), dated=False))
    return out


def _read_meeting(folded: str, head: re.Match[str], prev_end: int, next_head: int,
                  dates: Sequence[Mention]) -> _Found:
    row = _HEADS[phrase_key(head.group("w"))]
    start, end = head.start(), head.end()
    sentence_end = _stop(folded, end, _SENTENCE_END_RE, next_head)
    clause_end = _stop(folded, end, _CLAUSE_END_RE, next_head)
    sentence_start = max(prev_end, _sentence_start(folded, start))

    kind, specific, national = row["kind"], False, False
    pos = _skip_fillers(folded, end, clause_end)
    body = _BODY_RE.match(folded, pos)
    ordinal, ordinal_end = _ordinal(folded, end, min(clause_end, end + _ORDINAL_REACH))
    if body:
        body_kind = _BODIES[phrase_key(body.group("w"))]
        national = body_kind == NATIONAL
        kind, specific = (kind if national else body_kind), True
        end = body.end()
        if national and ordinal is None:
            central = _CENTRAL_NUMBER_RE.match(folded, head.end())
            if central:
                ordinal, end = int(central.group("n")), central.end()
    before = folded[sentence_start:start]
    organiser = _organiser(before, ordinal)
    if organiser and not specific:
        national = organiser == NATIONAL
        kind, specific = (kind if national else organiser), True
    if ordinal is not None:
        end = max(end, ordinal_end)

    after = folded[end:min(sentence_end, end + _TERM_REACH)]
    term, term_at, term_end = _term(after, before)
    if term_end and term_at <= 15:
        end += term_end
    near = folded[head.end():min(clause_end, head.end() + 60)]
    lead = folded[head.end():min(sentence_end, head.end() + 200)]
    dated = any(end <= d.start <= sentence_end
                and _DATE_GAP_RE.fullmatch(folded, end, d.start) for d in dates)
    return _Found(
        start=start, end=_trim(folded, start, end), group=row["group"], kind=kind,
        specific=specific, bare_ok=kind != GENERIC and (specific or row["bare"] != "no"),
        national=national, ordinal=ordinal, term=term,
        online=bool(_ONLINE_RE.search(lead) or _ONLINE_RE.search(before)),
        extended=bool(_EXTENDED_RE.search(near)),
        extraordinary=bool(_EXTRA_RE.search(near)),
        context=_context(folded, sentence_start, start, head.end(), sentence_end),
        title=_in_title(folded, start), dated=dated)


def _stop(folded: str, pos: int, pattern: re.Pattern[str], limit: int) -> int:
    m = pattern.search(folded, pos, limit)
    return m.start() if m else limit


def _sentence_start(folded: str, pos: int) -> int:
    floor = max(0, pos - _SENTENCE_REACH)
    cut = max(folded.rfind(c, floor, pos) for c in ".!?;\n")
    return max(cut + 1, floor)


def _skip_fillers(folded: str, pos: int, limit: int) -> int:
    while pos < limit:
        nxt = _GAP_RE.match(folded, pos).end()  # type: ignore[union-attr]  # never None
        m = _FILLER_RE.match(folded, nxt) or _ORDINAL_RE.match(folded, nxt)
        if not m or m.end() > limit:
            return nxt
        pos = m.end()
    return pos


def _ordinal(folded: str, pos: int, limit: int) -> tuple[int | None, int]:
    m = _ORDINAL_RE.search(folded, pos, limit)
    if not m:
        return None, pos
    return _number(m.group("n")), m.end()


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if word.isupper() and set(word) <= set(_ROMAN_VALUES):
        total = 0
        for a, b in zip(word, word[1:] + " "):
            value = _ROMAN_VALUES[a]
            total += -value if b != " " and _ROMAN_VALUES[b] > value else value
        return total
    return _NUMBERS.get(phrase_key(word))


def _term(after: str, before: str) -> tuple[str | None, int, int]:
    """Return (term, start, end) with offsets into `after`; (…, 0, 0) if before."""
    held = list(_HOLD_RE.finditer(before))
    before = before[:held[-1].start()] if held else ""
    for part, is_after in ((after, True), (before, False)):
        matches = list(_YEARS_RE.finditer(part))
        if matches:
            m = matches[0] if is_after else matches[-1]
            at, to = (m.start(), m.end()) if is_after else (0, 0)
            return f"{m.group('a')}-{m.group('b')}", at, to
    for part, is_after in ((after, True), (before, False)):
        matches = [m for m in _KHOA_RE.finditer(part) if not m.group("pre")]
        if matches:
            m = matches[0] if is_after else matches[-1]
            at, to = (m.start(), m.end()) if is_after else (0, 0)
            return m.group("n"), at, to
    return None, 0, 0


def _trim(folded: str, start: int, end: int) -> int:
    while end > start and folded[end - 1] in " ,(–-":
        end -= 1
    return end


def _organiser(before: str, ordinal: int | None) -> str | None:
    """Return the kind given by "<body> (đã) tổ chức/họp/khai mạc" before the head."""
    verbs = list(_HOLD_RE.finditer(before))
    if not verbs or len(before) - verbs[-1].end() > _VERB_GAP:
        return None
    verb = verbs[-1].start()
    orgs = [m for m in _ORGANISER_RE.finditer(before, max(0, verb - _ORGANISER_REACH), verb)]
    if not orgs:
        return None
    row = _ORGANISERS[phrase_key(orgs[-1].group("w"))]
    if row["numbered"] == "yes" and ordinal is None:
        return None
    return row["kind"]


def _context(folded: str, sentence_start: int, start: int, head_end: int,
             sentence_end: int) -> str:
    window_start = max(sentence_start, start - _CONTEXT_REACH,
                       folded.rfind(",", max(0, start - _CONTEXT_REACH), start) + 1)
    cues = list(_CONTEXT_RE.finditer(folded, window_start, start))
    if cues:
        return _CUE_KIND[phrase_key(cues[-1].group("w"))]
    after = _VERB_RE.search(folded, head_end, sentence_end)
    if after and phrase_key(after.group("w")) in ("khai mạc", "bế mạc", "diễn ra",
                                                  "được tổ chức", "bước vào"):
        return "verb"
    return "neutral"


def _in_title(folded: str, pos: int) -> bool:
    if pos > _TITLE_REACH:
        return False
    line_start = folded.rfind("\n", 0, pos) + 1
    line_end = folded.find("\n", pos)
    line = folded[line_start:line_end if line_end >= 0 else len(folded)].strip()
    above = folded[:line_start].rstrip(" \t")
    opens = not above.strip() or above.endswith("\n\n") or above.count("\n") <= 1
    return opens and len(line) < 200 and not line.endswith(".")


def _main_flags(found: Sequence[_Found]) -> list[bool]:
    def eligible(f: _Found) -> bool:
        return f.bare_ok and f.context != "negative" and (
            f.context == "verb" or f.dated or (f.title and not f.national))

    anchor = next((f for f in found if eligible(f)), None)
    if anchor is None:
        anchor = next((f for f in found if f.context == "neutral" and f.bare_ok
                       and f.specific and not f.national),
                      None)
    if anchor is None:
        return [False] * len(found)
    kind = anchor.kind if anchor.specific else None
    flags = []
    for f in found:
        same = f is anchor or (
            f.group == anchor.group and f.context != "negative"
            and (f.ordinal is None or anchor.ordinal is None or f.ordinal == anchor.ordinal)
            and (not f.specific or (f.national == anchor.national
                                    and (f.kind == kind or (kind is None and (
                                        f.context == "neutral" or f.ordinal is None))))))
        if same and f.specific and kind is None and f.start > anchor.start:
            kind = f.kind
        flags.append(same)
    return flags
