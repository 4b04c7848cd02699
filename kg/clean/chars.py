"""Normalise characters of a raw report while keeping the map back to raw offsets.

Rewrites only what needs it: HTML left in the text (tags -> nothing or a newline,
<script>/<style> blocks dropped, entities such as "&nbsp;" decoded and mapped to their
"&"), CRLF/CR -> "\\n", odd spaces (NBSP, tabs, thin spaces, ideographic space) and
runs of spaces -> one " ", zero-width characters and soft hyphens removed, control
characters -> " ", decomposed letters (NFD, or Windows-1258 tone marks) composed to
NFC. Everything else is copied unchanged: the common case is one scan with a single
character class and a few slice copies.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence

_NEWLINES = "\r\u2028\u2029\x0b\x0c\x85"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
_ODD_SPACES = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_CONTROLS = "\x00-\x08\x0e-\x1f\x7f"
# one character class (alternations make Python's regex scan several times slower)
_SPECIAL = re.compile(f"[{_NEWLINES}{_ZERO_WIDTH}{_ODD_SPACES}{_COMBINING}{_CONTROLS}]+")
_IS_SPACE = re.compile(f"[ {_ODD_SPACES}{_CONTROLS}]")
_IS_COMBINING = re.compile(f"[{_COMBINING}]")
_SPACE_RUN = re.compile(" {2,}")
_MARKUP = re.compile(
    r"<(?P<skip>script|style)\b[^>]{0,300}>.*?</(?P=skip)\s*>"
    r"|</?(?P<tag>[a-zA-Z][a-zA-Z0-9]{0,10})\b[^<>]{0,500}>"
    r"|<!--.*?-->"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,10});",
    re.DOTALL,
)
# HTML elements that break a line; the others (b, a, span, ...) just vanish
_BLOCK_TAG = re.compile(
    r"address|article|aside|blockquote|br|d[dlt]|div|fig(?:caption|ure)|footer|form|h[1-6r]"
    r"|header|li|main|nav|ol|p|pre|section|t(?:able|[dhr])|ul",
    re.IGNORECASE,
)


def normalize_chars(raw: str) -> tuple[str, list[int]]:
    """Return (text, offsets): `text` normalised, `offsets[i]` the raw offset of text[i].

    `offsets` has len(text) + 1 entries; the last is len(raw). An empty `raw` gives
    ("", [0]). Example: "Tỉnh\\u00a0\\u00a0ủy\\r\\n" -> ("Tỉnh ủy\\n", [0, 1, 2, 3, 4, 6, 7, 9, 10]).
    """
    text: str = raw
    offsets: Sequence[int] = range(len(raw))
    if ("<" in raw or "&" in raw) and _MARKUP.search(raw):
        text, offsets = _strip_markup(raw)
    if _SPECIAL.search(text):
        text, offsets = _rewrite_specials(text, offsets)
    offsets = list(offsets)
    if "  " in text:
        text, offsets = _squash_spaces(text, offsets)
    if not unicodedata.is_normalized("NFC", text):
        text, offsets = _nfc_slow(text, offsets)
    offsets.append(len(raw))
    return text, offsets


def _strip_markup(raw: str) -> tuple[str, list[int]]:
    """Drop tags, comments and scripts; decode entities (each maps to its "&")."""
    pieces: list[str] = []
    offsets: list[int] = []
    pos = 0
    for match in _MARKUP.finditer(raw):
        start, end = match.span()
        pieces.append(raw[pos:start])
        offsets.extend(range(pos, start))
        token = match.group(0)
        if token.startswith("&"):
            replacement = html.unescape(token)
        elif _BLOCK_TAG.fullmatch(match.group("tag") or ""):
            replacement = "\n"
        else:
            replacement = ""
        pieces.append(replacement)
        offsets.extend([start] * len(replacement))
        pos = end
    pieces.append(raw[pos:])
    offsets.extend(range(pos, len(raw)))
    return "".join(pieces), offsets


def _rewrite_specials(text: str, offsets: Sequence[int]) -> tuple[str, list[int]]:
    pieces: list[str] = []
    new_offsets: list[int] = []
    pos = 0
    for match in _SPECIAL.finditer(text):
        start, end = match.span()
        if _IS_COMBINING.match(text, start) and start > pos:
            start -= 1                  # compose the marks with the letter before them
        if start > pos:
            pieces.append(text[pos:start])
            new_offsets.extend(offsets[pos:start])
        _rewrite_run(text, offsets, start, end, pieces, new_offsets)
        pos = end
    pieces.append(text[pos:])
    new_offsets.extend(offsets[pos:])
    return "".join(pieces), new_offsets


def _rewrite_run(text: str, offsets: Sequence[int], start: int, end: int,
                 pieces: list[str], new_offsets: list[int]) -> None:
    """Rewrite text[start:end], a short run of special characters, char by char."""
    i = start
    while i < end:
        char = text[i]
        if char == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            i += 1                      # CRLF: the "\n" after the run stays
        elif char in _NEWLINES:
            pieces.append("\n")
            new_offsets.append(offsets[i])
            i += 1
        elif char in _ZERO_WIDTH:
            i += 1
        elif _IS_SPACE.match(char):
            pieces.append(" ")
            new_offsets.append(offsets[i])
            i += 1
        else:                           # a letter and its combining marks
            j = i + 1
            while j < end and _IS_COMBINING.match(text, j):
                j += 1
            cluster = text[i:j]
            composed = unicodedata.normalize("NFC", cluster)
            pieces.append(composed)
            if len(composed) == len(cluster):
                new_offsets.extend(offsets[i:j])
            else:
                new_offsets.extend([offsets[i]] * len(composed))
            i = j


def _squash_spaces(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    pieces: list[str] = []
    new_offsets: list[int] = []
    pos = 0
    for match in _SPACE_RUN.finditer(text):
        start, end = match.span()
        pieces.append(text[pos:start + 1])
        new_offsets.extend(offsets[pos:start + 1])
        pos = end
    pieces.append(text[pos:])
    new_offsets.extend(offsets[pos:])
    return "".join(pieces), new_offsets


def _nfc_slow(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Compose what the first pass left (rare: singletons, exclusions, Hangul)."""
    pieces: list[str] = []
    new_offsets: list[int] = []
    for match in re.finditer(r"\S+|\s+", text):
        start, end = match.span()
        chunk = unicodedata.normalize("NFC", match.group(0))
        pieces.append(chunk)
        if len(chunk) == end - start:
            new_offsets.extend(offsets[start:end])
        else:
            new_offsets.extend([offsets[start]] * len(chunk))
    return "".join(pieces), new_offsets
