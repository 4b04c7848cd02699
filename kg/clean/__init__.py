"""Clean a raw report into the text every later stage points into.

`clean(raw)` normalises characters (`kg.clean.chars`), then rebuilds the text line by
line without page furniture or repeated paragraphs (`kg.clean.lines`), keeping for
every clean character its offset in `raw.text`.
"""

from __future__ import annotations

from kg.clean.chars import normalize_chars
from kg.clean.lines import rebuild_lines
from kg.model import CleanDoc, RawReport

__all__ = ["clean"]


def clean(raw: RawReport) -> CleanDoc:
    """Return the cleaned report: NFC, one space, no furniture, no repeated paragraph.

    `CleanDoc.raw_offsets[i]` is the offset in `raw.text` of clean character i (an
    inserted newline or space takes the offset where it was inserted); it has
    len(text) + 1 entries. An empty or all-furniture report gives text "".
    Example: "Sáng 30/6, Tỉnh ủy họp.Các đồng chí dự.\\r\\nIMG_1234.jpg" ->
    "Sáng 30/6, Tỉnh ủy họp. Các đồng chí dự."
    """
    text, offsets = normalize_chars(raw.text)
    text, offsets = rebuild_lines(text, offsets)
    return CleanDoc(
        id=raw.id,
        text=text,
        source=raw.source,
        url=raw.url,
        title=raw.title,
        published=raw.published,
        raw_offsets=tuple(offsets),
    )
