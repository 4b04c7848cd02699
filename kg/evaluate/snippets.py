"""Short one-line excerpts of a report around a span, for the misses list."""

from __future__ import annotations

import re

from kg.model import CleanDoc
from kg.text import fold_tones

WIDTH = 40
_ISO = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_SEPARATOR = re.compile(r"[\s\-/.]+")


def snippet(text: str, start: int, end: int, width: int = WIDTH) -> str:
    """Return `text[start:end]` in brackets with `width` characters either side, on one line.

    Offsets are into `text` (the cleaned report text). Example: the span of "Nguyễn
    Văn An" gives "…đồng chí [Nguyễn Văn An], Bí thư Tỉnh ủy…".
    """
    start, end = max(0, start), min(len(text), end)
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    out = (("…" if start > width else "") + left + "[" + text[start:end] + "]" + right
           + ("…" if end + width < len(text) else ""))
    return " ".join(out.split())


def find(doc: CleanDoc, needle: str) -> tuple[int, int] | None:
    """Return the span of the first place `needle` occurs in `doc.text`, or None.

    Matching ignores case, tone-mark placement and spacing ("Uỷ ban" finds "Ủy  ban");
    an ISO date also finds "30/6/2020", "ngày 30 tháng 6" and a bare "30/6".
    """
    haystack = doc.folded.lower()
    if len(haystack) != len(doc.text):
        haystack = doc.folded
    for pattern in _patterns(fold_tones(needle).lower()):
        m = pattern.search(haystack)
        if m:
            return m.start(), m.end()
    return None


def _patterns(needle: str) -> list[re.Pattern[str]]:
    parts = [p for p in _SEPARATOR.split(needle) if p]
    if not parts:
        return []
    joined = r"[\s\-/.]*".join(re.escape(p) for p in parts)
    found = [re.compile(rf"(?<!\w){joined}(?!\w)")]
    m = _ISO.fullmatch(needle)
    if m and m.group(3):
        year, month, day = m.group(1), int(m.group(2)), int(m.group(3))
        found.append(re.compile(rf"(?<!\d)0?{day}\s*[/.-]\s*0?{month}\s*[/.-]\s*{year}"))
        found.append(re.compile(rf"ngày\s+0?{day}\s*(?:tháng\s+|/)0?{month}(?!\d)"))
        found.append(re.compile(rf"(?<![\d/])0?{day}\s*/\s*0?{month}(?![\d/])"))
    elif m and m.group(2):
        found.append(re.compile(rf"tháng\s+0?{int(m.group(2))}\s*(?:năm\s+|/){m.group(1)}"))
    return found
