"""Assemble a report's meetings from its mentions: kind, date, chairs, participants.

The MEETING mentions marked `main` (kg.extract.meetings) become one `Meeting`, the one
the report is about; other meetings the text names with some precision ("Đại hội Đảng
bộ tỉnh lần thứ XIX") follow it with `main=False` and no people. The date comes from
the DATE mentions of the sentences that name the main meeting; chairs and participants
from OFFICIAL and TITLE mentions in the scope of ROLE cues ("chủ trì", "dự"), bounded
by sentences and by the next cue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import cast

from kg.data import load_table
from kg.model import (
    CleanDoc,
    DateValue,
    Meeting,
    MeetingValue,
    Mention,
    MentionKind,
    OfficialValue,
    RoleValue,
    TitleValue,
)
from kg.text import fold_tones, match_key

_PUNCT_RE = re.compile(r"\n|[.!?…]+")
_TODAY_RE = re.compile(
    "|".join(rf"(?<!\w){re.escape(fold_tones(r['phrase']))}(?!\w)"
             for r in load_table("meeting_cues") if r["cue"] == "today"), re.IGNORECASE)
_LIST_INTRO_RE = re.compile(r"(?<!\w)(?:có|của)(?!\w)|:", re.IGNORECASE)
_CONTINUATION_RE = re.compile(r"\W*(?:cùng\s+)?các\s+đồng\s+chí[^.:\n]{0,80}:",
                              re.IGNORECASE)
_NO_LIST = frozenset(match_key(r["cue"]) for r in load_table("role_cues")
                     if r["list"] == "no")
_YEAR_RE = re.compile(r"(?<!\w)năm\s+((?:19|20)\d\d)(?![\d\-–])", re.IGNORECASE)
_DATE_LEAD = 20          # a date this close to a sentence start dates the sentence
_DIRECTIVE_GAP = 16      # a date this close after a directive number is its issue date
_DATE_SENTENCES = 4      # main-meeting sentences searched for the date


def assemble_meetings(doc: CleanDoc, mentions: Sequence[Mention],
                      published: str | None) -> tuple[Meeting, ...]:
    """Return the report's meetings, the main one first; `()` when none is named.

    Spans are offsets into `doc.text`. A date is taken only from the text (YYYY-MM-DD,
    or YYYY-MM when only the month is printed), or from `published` when the lead says
    "sáng nay"; never invented. Example: "Sáng 30/6/2020, Tỉnh ủy tổ chức Hội nghị ...
    Đồng chí Lữ Văn Hoàng, Bí thư Tỉnh ủy chủ trì hội nghị." gives a Meeting dated
    2020-06-30 chaired by "Lữ Văn Hoàng".
    """
    meetings = sorted((m for m in mentions if m.kind is MentionKind.MEETING
                       and isinstance(m.value, MeetingValue)), key=lambda m: m.start)
    if not meetings:
        return ()
    sentences = _sentences(doc.text)
    main = [m for m in meetings if _value(m).main]
    out: list[Meeting] = []
    if main:
        out.append(_main_meeting(doc, main, meetings, mentions, sentences, published))
    out.extend(_other_meetings(meetings, mentions))
    return tuple(out)


# ---- sentences -----------------------------------------------------------------------

def _sentences(text: str) -> list[tuple[int, int]]:
    """Split at newlines and at . ! ? before a space or a capital after a small letter."""
    bounds, start = [], 0
    for m in _PUNCT_RE.finditer(text):
        nxt = text[m.end():m.end() + 1]
        prev = text[m.start() - 1:m.start()]
        if m.group() != "\n" and nxt and not nxt.isspace() and not (
                nxt.isupper() and prev.islower()):
            continue
        if m.end() > start:
            bounds.append((start, m.end()))
        start = m.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def _sentence_of(sentences: Sequence[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in sentences:
        if s <= pos < e:
            return s, e
    return pos, pos


# ---- the main meeting ----------------------------------------------------------------

def _main_meeting(doc: CleanDoc, main: Sequence[Mention], meetings: Sequence[Mention],
                  mentions: Sequence[Mention], sentences: Sequence[tuple[int, int]],
                  published: str | None) -> Meeting:
    values = [_value(m) for m in main]
    kind = next((v.kind for v in values if v.kind != "other"), "other")
    terms = [v.term for v in values if v.term]
    term = next((t for t in terms if t[:1].isdigit()), terms[0] if terms else None)
    date, stated, date_span = _main_date(doc, main, mentions, sentences, published)
    chairs, participants = _people(doc, meetings, mentions, sentences)
    return Meeting(
        kind=kind, span=(main[0].start, main[0].end), date=date, date_stated=stated,
        date_span=date_span, ordinal=next((v.ordinal for v in values if v.ordinal), None),
        term=term, online=any(v.online for v in values),
        extended=any(v.extended for v in values),
        extraordinary=any(v.extraordinary for v in values),
        chairs=chairs, participants=participants, main=True)


def _main_date(doc: CleanDoc, main: Sequence[Mention], mentions: Sequence[Mention],
               sentences: Sequence[tuple[int, int]],
               published: str | None) -> tuple[str | None, bool, tuple[int, int] | None]:
    dates = [m for m in mentions if m.kind is MentionKind.DATE
             and isinstance(m.value, DateValue) and m.value.role != "published"
             and len(m.value.iso) >= 7]
    directive_ends = [m.end for m in mentions if m.kind is MentionKind.DIRECTIVE]
    dates = [d for d in dates if not any(0 <= d.start - e <= _DIRECTIVE_GAP
                                         for e in directive_ends)]
    seen: list[tuple[int, int]] = []
    for m in main:
        bounds = _sentence_of(sentences, m.start)
        if bounds not in seen:
            seen.append(bounds)
    lead = _lead_sentence(dates, sentences)
    if lead and lead not in seen:
        seen.append(lead)
    for s, e in seen[:_DATE_SENTENCES] + ([lead] if lead and lead not in
                                            seen[:_DATE_SENTENCES] else []):
        if _TODAY_RE.search(doc.folded, s, min(e, s + 40)) and published \
                and len(published) == 10:
            return published, True, None
        inside = [d for d in dates if s <= d.start < e]
        if inside:
            anchor = next((m.start for m in main if s <= m.start < e), s)
            best = min(inside, key=lambda d: (d.start - s > _DATE_LEAD,
                                              abs(d.start - anchor)))
            value = cast(DateValue, best.value)
            iso = _with_year(value.iso, published, doc.folded[s:e])
            if iso is None:
                return None, True, None
            return iso, value.stated and iso == value.iso, (best.start, best.end)
    return None, True, None


def _with_year(iso: str, published: str | None, sentence: str) -> str | None:
    """Fill the year of a "--MM-DD" date from `published` or "năm 2020" nearby."""
    if not iso.startswith("--"):
        return iso
    month_day = iso[2:]
    if published and len(published) >= 7 and published[:4].isdigit():
        year = int(published[:4])
        if month_day[:len(published) - 5] > published[5:]:
            year -= 1
        return f"{year}-{month_day}"
    years = sorted(int(y) for y in _YEAR_RE.findall(sentence))
    return f"{years[0]}-{month_day}" if years else None


def _lead_sentence(dates: Sequence[Mention],
                   sentences: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The first sentence that opens with a date ("Sáng 30/6, ..."), near the top."""
    for s, e in sentences[:8]:
        if any(s <= d.start <= s + _DATE_LEAD and e - d.end > 40 for d in dates):
            return s, e
    return None


# ---- chairs and participants ---------------------------------------------------------

def _people(doc: CleanDoc, meetings: Sequence[Mention], mentions: Sequence[Mention],
            sentences: Sequence[tuple[int, int]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    persons = _persons(mentions)
    roles = sorted((m for m in mentions if m.kind is MentionKind.ROLE
                    and isinstance(m.value, RoleValue)), key=lambda m: m.start)
    chairs: list[str] = []
    attendees: list[tuple[int, str]] = []
    previous_listed = False
    for s, e in sentences:
        if not doc.text[s:e].strip():
            continue
        if _about_other_meeting(meetings, s, e):
            previous_listed = False
            continue
        cues = [r for r in roles if s <= r.start < e]
        inside = [p for p in persons if s <= p[0] < e]
        if not cues:
            if previous_listed and _CONTINUATION_RE.match(doc.folded, s, e):
                attendees.extend((p[0], p[1]) for p in inside)
            previous_listed = False
            continue
        previous_listed = False
        for i, cue in enumerate(cues):
            lo = cues[i - 1].end if i else s
            hi = cues[i + 1].start if i + 1 < len(cues) else e
            chosen = [p for p in inside if lo <= p[0] < cue.start]
            if not chosen:
                ahead = [p for p in inside if cue.end <= p[0] < hi]
                intro = doc.folded[cue.end:ahead[0][0]] if ahead else ""
                listing = match_key(cue.text) not in _NO_LIST and (
                    _LIST_INTRO_RE.search(intro) or cue.text.endswith("của"))
                if ahead and listing:
                    chosen = ahead
                    previous_listed = True
                elif ahead and len(intro) < 200:
                    chosen = ahead[:1]
            if cast(RoleValue, cue.value).role == "chair":
                chairs.extend(name for _, name in chosen)
            else:
                attendees.extend(chosen)
    attendees.extend(_speakers(doc, persons))
    chairs_out = _unique(chairs)
    ordered = [name for _, name in sorted(attendees, key=lambda a: a[0])]
    return chairs_out, _unique(list(chairs_out) + ordered)


def _persons(mentions: Sequence[Mention]) -> list[tuple[int, str]]:
    """(start, name) for every named official and every title resolved to one."""
    officials = [m for m in mentions if m.kind is MentionKind.OFFICIAL
                 and isinstance(m.value, OfficialValue)]
    out = [(m.start, cast(OfficialValue, m.value).name) for m in officials]
    for t in mentions:
        if t.kind is MentionKind.TITLE and isinstance(t.value, TitleValue):
            name = _resolve_title(t, officials)
            if name:
                out.append((t.start, name))
    return sorted(out)


def _resolve_title(title: Mention, officials: Sequence[Mention]) -> str | None:
    key = match_key(cast(TitleValue, title.value).title)
    holders = [m for m in officials
               if key in (match_key(x) for x in cast(OfficialValue, m.value).titles)]
    before = [m for m in holders if m.start < title.start]
    pick = before[-1] if before else (holders[0] if holders else None)
    return cast(OfficialValue, pick.value).name if pick else None


def _speakers(doc: CleanDoc, persons: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """Officials who open a paragraph followed by a colon ("Chủ tịch UBND tỉnh X: ...")."""
    out = []
    for start, name in persons:
        line_start = doc.text.rfind("\n", 0, start) + 1
        colon = doc.text.find(":", start, start + len(name) + 120)
        if colon < 0 or "\n" in doc.text[start:colon]:
            continue
        head = doc.text[line_start:colon]
        if len(head) < 120 and name in head and not re.search(r"[.,;]", head):
            out.append((start, name))
    return out


def _about_other_meeting(meetings: Sequence[Mention], s: int, e: int) -> bool:
    inside = [_value(m) for m in meetings if s <= m.start < e]
    return bool(inside) and not any(v.main for v in inside) and any(
        _specific(v) for v in inside)


def _value(mention: Mention) -> MeetingValue:
    return cast(MeetingValue, mention.value)


def _specific(value: MeetingValue) -> bool:
    return value.ordinal is not None or value.term is not None or value.kind != "other"


def _unique(names: Sequence[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(match_key(name), name)
    return tuple(seen.values())


# ---- meetings merely mentioned -------------------------------------------------------

def _other_meetings(meetings: Sequence[Mention],
                    mentions: Sequence[Mention]) -> list[Meeting]:
    groups: dict[tuple[str, int], list[Mention]] = {}
    for m in meetings:
        v = _value(m)
        if not v.main and v.ordinal is not None:
            groups.setdefault((v.kind, v.ordinal), []).append(m)
    out = []
    for (kind, ordinal), group in groups.items():
        m, v = group[0], _value(group[0])
        term = next((_value(g).term for g in group if _value(g).term), None)
        out.append(Meeting(kind=kind, span=(m.start, m.end), ordinal=ordinal, term=term,
                           online=v.online, extended=v.extended,
                           extraordinary=v.extraordinary, main=False))
    return out
