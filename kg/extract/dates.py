"""Find the dates a Vietnamese report prints, and the date it was published.

Forms: "30/6/2020", "30-6-2020", "3.12.2015", "ngày 30 tháng 6 năm 2020", "tháng 6/2020"
(a month), and yearless days only where they are dates: after a day-part word ("Sáng
ngày 30/6", "chiều 28/4", "Ngày 4-12", "Ngày 17 – 9") or at a sentence start before a
comma ("28/4, ..."). Page headers ("Thứ hai, 25/10/2021", "[ Cập nhật vào ngày
(01/07/2020) ]", "Cập nhật: 10:30 01/07/2020", a date alone on an early line) give the
publication date (role "published"); when a page has several such headers, the one
that is not the publication (the site's "today" banner) gets role "page".

A yearless day gets its year from the publication date (the latest such day not after
it), else from the full date printed nearest to it that is not a document's issue
date (the year that puts the day closest in time to that date), else from the one
year that every "năm YYYY" in the text agrees on; the value is then `stated=False`.
With none of these the year is unknown and the value is the XSD gMonthDay "--MM-DD"
(never an invented year). The words live in kg/data/date_words.tsv.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.data import load_table
from kg.model import CleanDoc, DateValue, Mention, MentionKind
from kg.text import fold_tones

SOURCE = "dates.v1"
_HEADER_REGION = 600          # characters at the top of a page: a lone date there is a header
_SHORT_LINE = 80              # a weekday or "Cập nhật" header stands on a line this short


def _words(kind: str) -> str:
    words = {fold_tones(r["word"]).lower() for r in load_table("date_words") if r["kind"] == kind}
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_DAYPART, _WEEKDAY, _HEADER = _words("daypart"), _words("weekday"), _words("header")
_UNIT = _words("unit")
_SEP = r"(?:[/.]|[ \u00a0]*[-–—][ \u00a0]*)"
_TIME = r"\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*'?\s*[(\[]\s*gmt\s*\+\s*7\s*[)\]])?"

# All patterns run on the lower-cased folded text. A day/month (and year) is found
# first; the words before it decide whether and how it is a date.
_CORE = re.compile(rf"(?<![\w/.\-–])(\d{{1,2}}){_SEP}(\d{{1,2}})(?:{_SEP}(\d{{4}}))?")
_FULL_BAD_END = re.compile(r"\d|[/.,]\d|\s*/\s*[^\W\d_]")
_YEARLESS_BAD_END = re.compile(rf"[\d%]|\s*[/.\-–]\s*\d|[.,]\d|\s*(?:{_UNIT})(?!\w)")
_BEFORE_WEEKDAY = re.compile(rf"(?<![^\W\d_])(?:{_WEEKDAY})\s*,?\s*(?:ngày\s+)?$")
_BEFORE_HEADER = re.compile(
    rf"(?<![^\W\d_])(?:{_HEADER})(?:\s+(?:vào|lúc|ngày))*\s*:?\s*[\[(]?\s*(?:({_TIME})\s*,?\s*)?"
    r"(?:ngày\s*)?\(?\s*$")
_AFTER_TIME = re.compile(rf"\)?\s*[,\-–|]?\s*(?:lúc\s*)?({_TIME})")
_LINE_LEAD = re.compile(rf"[ \t]*(?:{_TIME}[ \t]*[,\-–|]?[ \t]*)?(?:ngày[ \t]*)?")
_LINE_REST = re.compile(rf"[ \t]*(?:[,\-–|]?[ \t]*{_TIME})?[ \t]*(?:\n|$)")
_BEFORE_DAYPART = re.compile(
    rf"(?<![^\W\d_])(?:{_DAYPART})(?:\s+(?:nay|qua))?\s*[,(]?\s*(?:ngày\s+)?$")
_BEFORE_SENTENCE = re.compile(r"(?:^|\n|[.!?][ \t]+)[ \t\"“(]*$")
_AFTER_COMMA = re.compile(r"[ \t]*,")
_HEADER_ISO = re.compile(
    rf"(?<!\w)(?:{_HEADER})\s*:?\s*(\d{{4}})-(\d{{1,2}})(?:-(\d{{1,2}}))?(?![\d\-])")
_MONTH = re.compile(r"tháng\s+(\d{1,2})(?!\d)")
_DAY_BEFORE_MONTH = re.compile(r"(?<!\w)ngày\s+(\d{1,2})\s+$")
_YEAR_AFTER_DAY_MONTH = re.compile(r"\s*,?\s*năm\s+(\d{4})(?!\d)")
_YEAR_AFTER_MONTH = re.compile(r"\s*(?:/|-|năm)\s*(\d{4})(?!\d)")
_YEAR_WORD = re.compile(r"(?<!\w)năm\s+((?:19|20)\d{2})(?!\d)")
_DOC_BEFORE = re.compile(
    r"\d\s*[-/]\s*[^\W\d_]+(?:\s*[/-]\s*\w+)+\s*,?\s*(?:\(|của[^.;\n]{0,60}?)?"
    r"\s*(?:ban hành\s+)?(?:ngày|,)?\s*$")
_URL_PATTERNS = (
    re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?=/|$)"),
    re.compile(r"(?<![\dA-Za-z])((?:19|20)\d{2})(\d{2})(\d{2})(?:\d{4}|\d{6}|\d{9})?(?!\d)"),
    re.compile(r"/((?:19|20)\d{2})/(\d{2})(?=/)()"),
    re.compile(r"/((?:19|20)\d{2})(\d{2})(?=/)()"),
)
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    day: int | None
    month: int
    year: int | None
    role: str = "text"        # text | published | page
    timed: bool = False       # a header that prints a time too
    rank: int = 0             # header strength: 2 printed words, 1 weekday, 0 none


def _valid(day: int | None, month: int, year: int | None = None) -> bool:
    if not 1 <= month <= 12 or (year is not None and not 1900 <= year <= 2100):
        return False
    if day is None:
        return True
    if not 1 <= day <= _DAYS[month - 1]:
        return False
    return not (month == 2 and day == 29 and year is not None and year % 4 != 0)


def _iso(year: int, month: int, day: int | None) -> str:
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def infer_year(day: int, month: int, reference: str) -> int:
    """Return the year of the latest `day`/`month` not after `reference`.

    `reference` is an ISO date, "YYYY-MM" or "YYYY" (a publication date). A report
    published on "2022-01-03" about "ngày 28/12" means 2021: infer_year(28, 12,
    "2022-01-03") == 2021.
    """
    parts = [int(p) for p in reference.split("-")[:3]]
    year = parts[0]
    ref_month = parts[1] if len(parts) > 1 else 12
    ref_day = parts[2] if len(parts) > 2 else 31
    return year if (month, day) <= (ref_month, ref_day) else year - 1


def published_from_url(url: str | None) -> str | None:
    """Return the publication date a news URL encodes, or None.

    Reads "/2021/07/19/", "-20210719" (also followed by a time "20210719141518"),
    "/2021/07/" and "/202107/"; the first valid one in that order wins. Example:
    published_from_url("https://baodongnai.com.vn/video/202107/dong-nai-...") == "2021-07".
    """
    if not url:
        return None
    for pattern in _URL_PATTERNS:
        for m in pattern.finditer(url):
            year, month = int(m.group(1)), int(m.group(2))
            day = int(m.group(3)) if m.group(3) else None
            if 1995 <= year <= 2099 and _valid(day, month, year):
                return _iso(year, month, day)
    return None


def _refine(header: str | None, url_date: str | None) -> str | None:
    if header is None:
        return url_date
    if url_date and len(url_date) > len(header) and url_date.startswith(header):
        return url_date
    return header


def published_date(doc: CleanDoc, mentions: Sequence[Mention]) -> str | None:
    """Return the report's publication date as ISO text, or None when nothing says.

    The input's own field (`doc.published`) wins; then the first date mention with
    role "published" (made more precise by the URL's date when they agree); then the
    date in `doc.url`. Example: a page headed "Cập nhật: 10:30 01/07/2020" gives
    "2020-07-01".
    """
    if doc.published:
        return doc.published
    header = next((m.value.iso for m in mentions if m.kind is MentionKind.DATE
                   and isinstance(m.value, DateValue) and m.value.role == "published"), None)
    return _refine(header, published_from_url(doc.url))


def _header_ok(text: str, start: int) -> bool:
    """A header stands at the start of its line, or on a short line of its own."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return not text[line_start:start].strip(" \t[(-–") or len(line.strip()) <= _SHORT_LINE


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _header(low: str, m: re.Match[str]) -> _Found | None:
    """A full date that is a page header: after a weekday or "Cập nhật", or alone."""
    start, end = m.start(), m.end()
    day, month, year = int(m[1]), int(m[2]), int(m[3])
    after = _AFTER_TIME.match(low, end)
    for pattern, rank in ((_BEFORE_HEADER, 2), (_BEFORE_WEEKDAY, 1)):
        before = pattern.search(low, max(0, start - 60), start)
        if before and _header_ok(low, before.start()):
            timed = bool(after) or bool(before.groups() and before[1])
            if not after and "(" in before[0] and low.startswith(")", end):
                end += 1
            return _Found(before.start(), after.end() if after else end, day, month, year,
                          "published", timed, rank)
    line_start = low.rfind("\n", 0, start) + 1
    rest = _LINE_REST.match(low, end)
    if start < _HEADER_REGION and rest and _LINE_LEAD.fullmatch(low, line_start, start):
        lead = len(low[line_start:start]) - len(low[line_start:start].lstrip())
        timed = bool(low[end:rest.end()].strip()) or any(c.isdigit() for c in low[line_start:start])
        return _Found(line_start + lead, end + len(low[end:rest.end()].rstrip()), day, month,
                      year, "published", timed, 0)
    return None


def _candidates(low: str) -> list[tuple[int, _Found]]:
    """Every date-like match with its priority (lower first wins overlaps)."""
    found: list[tuple[int, _Found]] = []
    for m in _HEADER_ISO.finditer(low, 0, _HEADER_REGION):
        found.append((0, _Found(m.start(), m.end(), int(m[3]) if m[3] else None, int(m[2]),
                                int(m[1]), "published", False, 2)))
    for m in _MONTH.finditer(low):
        day = _DAY_BEFORE_MONTH.search(low, max(0, m.start() - 12), m.start())
        if day:
            year = _YEAR_AFTER_DAY_MONTH.match(low, m.end())
            found.append((1, _Found(day.start(1), year.end() if year else m.end(), int(day[1]),
                                    int(m[1]), int(year[1]) if year else None)))
        elif year := _YEAR_AFTER_MONTH.match(low, m.end()):
            found.append((1, _Found(m.start(), year.end(), None, int(m[1]), int(year[1]))))
    for m in _CORE.finditer(low):
        start, end = m.start(), m.end()
        if m[3]:
            if _FULL_BAD_END.match(low, end) or low.endswith("số ", 0, start):
                continue
            header = _header(low, m)
            found.append((0, header) if header else
                         (2, _Found(start, end, int(m[1]), int(m[2]), int(m[3]))))
        elif not _YEARLESS_BAD_END.match(low, end) and (
                _BEFORE_DAYPART.search(low, max(0, start - 30), start)
                or (_BEFORE_SENTENCE.search(low, max(0, start - 8), start)
                    and _AFTER_COMMA.match(low, end))):
            found.append((3, _Found(start, end, int(m[1]), int(m[2]), None)))
    return found


def _select(found: list[tuple[int, _Found]]) -> list[_Found]:
    kept: list[_Found] = []
    for _priority, f in sorted(found, key=lambda pf: (pf[0], pf[1].start)):
        if not _valid(f.day, f.month, f.year):
            continue
        if any(f.start < k.end and k.start < f.end for k in kept):
            continue
        kept.append(f)
    return sorted(kept, key=lambda f: (f.start, f.end))


def _mark_pages(found: list[_Found]) -> list[_Found]:
    """Keep one publication header; the other headers are page banners."""
    headers = [f for f in found if f.role == "published"]
    if len(headers) < 2:
        return found
    best = min(headers, key=lambda f: (not f.timed, -f.rank,
                                       (f.year or 0, f.month, f.day or 0), f.start))
    return [f if f.role != "published" or f is best else
            _Found(f.start, f.end, f.day, f.month, f.year, "page", f.timed, f.rank)
            for f in found]


def _year_context(text: str, found: list[_Found]) -> int | None:
    years = {int(m[1]) for m in _YEAR_WORD.finditer(text)
             if not any(f.start <= m.start(1) < f.end for f in found)}
    return years.pop() if len(years) == 1 else None


def _closest_year(day: int, month: int, anchor: _Found) -> int | None:
    """The year that puts day/month nearest in time to a full date printed near it."""
    assert anchor.year is not None and anchor.day is not None
    here = anchor.year * 372 + anchor.month * 31 + anchor.day
    years = [y for y in (anchor.year - 1, anchor.year, anchor.year + 1) if _valid(day, month, y)]
    return min(years, key=lambda y: (abs(y * 372 + month * 31 + day - here), y), default=None)


def _resolve(f: _Found, reference: str | None, anchors: list[_Found],
             context_year: int | None) -> tuple[str, bool]:
    if f.year is not None:
        return _iso(f.year, f.month, f.day), True
    assert f.day is not None
    year: int | None = None
    if reference:
        year = infer_year(f.day, f.month, reference)
    elif anchors:
        nearest = min(anchors, key=lambda a: (abs(a.start - f.start), a.start))
        year = _closest_year(f.day, f.month, nearest)
    elif context_year is not None:
        year = context_year
    if year is None or not _valid(f.day, f.month, year):
        return f"--{f.month:02d}-{f.day:02d}", False
    return _iso(year, f.month, f.day), False


def extract_dates(doc: CleanDoc, earlier: Sequence[Mention] = ()) -> list[Mention]:
    """Return a DATE mention for every date printed in `doc.text`, in text order.

    Offsets point into `doc.text` (matching is done on `doc.folded`); a numeric span
    starts at the day ("Sáng ngày 30/6/2020" -> "30/6/2020"), a header span covers
    the whole header ("Thứ Năm, 11/7/2019 15:32"). Returns [] when no date is found.
    Example: "Chiều 28/4, ..." in a report published 2020-05-02 gives
    DateValue("2020-04-28", stated=False).
    """
    del earlier  # dates come first; they need no other mentions
    text = _lower(doc.folded)
    found = _mark_pages(_select(_candidates(text)))
    header = next((f for f in found if f.role == "published"), None)
    header_iso = _iso(header.year, header.month, header.day) if header and header.year else None
    reference = doc.published or _refine(header_iso, published_from_url(doc.url))
    anchors = [f for f in found if f.year is not None and f.day is not None
               and f.role == "text" and not _DOC_BEFORE.search(text, max(0, f.start - 90), f.start)]
    context_year = None if reference or anchors else _year_context(text, found)
    mentions = []
    for f in found:
        iso, stated = _resolve(f, reference, anchors, context_year)
        mentions.append(Mention(f.start, f.end, MentionKind.DATE, doc.text[f.start:f.end],
                                DateValue(iso, stated, f.role), SOURCE))
    return mentions
