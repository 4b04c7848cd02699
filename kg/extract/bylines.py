"""Extract the author line of a report ("Thanh Tâm", "TRÍ DŨNG", "Thực hiện: A - B").

The author line is a short line of capitalised words after the report's last paragraph,
alone or after a cue from `kg/data/byline_cues.tsv` ("Tin, ảnh:", "Thực hiện:"). A photo
credit ("Ảnh: Minh Anh") is not an author. Offsets point into `CleanDoc.text`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from kg.data import load_table
from kg.extract.names import honorifics
from kg.model import BylineValue, CleanDoc, Mention, MentionKind

SOURCE = "bylines.v1"
_LINE = re.compile(r"[^\n]+")
_LONG_LINE_WORDS = 10
_WINDOW = 3          # an author line comes within 3 lines of the last paragraph
_MAX_AUTHORS = 4
_SPLIT = re.compile(r"\s*(?:\s-\s|\s–\s|,|;|&|\svà\s)\s*")
_WORD = re.compile(r"[^\W\d_]+(?:[.'’][^\W\d_]+)*\.?")


@lru_cache(maxsize=1)
def _cues() -> re.Pattern[str]:
    forms = sorted((r["form"] for r in load_table("byline_cues")), key=len, reverse=True)
    alt = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return re.compile(rf"\(?\s*({alt})\s*:\s*", re.IGNORECASE)


@lru_cache(maxsize=1)
def _cue_kinds() -> dict[str, str]:
    return {" ".join(r["form"].split()): r["kind"] for r in load_table("byline_cues")}


def extract_bylines(doc: CleanDoc, earlier: Sequence[Mention]) -> list[Mention]:
    """Return a BYLINE mention for each author named after the report's last paragraph.

    Offsets point into `doc.text`; a report without an author line gives [].
    Example: a report ending "...tổ chức thành công.\\nMinh Anh - Thu Hà" gives two
    mentions, "Minh Anh" and "Thu Hà".
    """
    text = doc.folded
    half = len(text) // 2
    since_long = _WINDOW + 1
    last_long = -1
    lines = [m for m in _LINE.finditer(text) if m.group().strip()]
    for i, m in enumerate(lines):
        if m.group().count(" ") >= _LONG_LINE_WORDS:
            last_long = i
    if last_long < 0:
        return []
    out: list[Mention] = []
    for i, m in enumerate(lines):
        if m.group().count(" ") >= _LONG_LINE_WORDS:
            if out:
                break
            since_long = 0
            continue
        since_long += 1
        if since_long > _WINDOW and i < last_long:
            continue
        if m.start() < half and i < last_long:
            continue
        out.extend(_authors(doc, m.group(), m.start()))
        if len(out) >= _MAX_AUTHORS:
            break
    return out[:_MAX_AUTHORS]


def _authors(doc: CleanDoc, line: str, offset: int) -> list[Mention]:
    body_start = 0
    lead = len(line) - len(line.lstrip())
    cue = _cues().match(line, lead)
    if cue is not None:
        kind = _cue_kinds().get(" ".join(cue.group(1).lower().split()), "author")
        if kind == "photo":
            return []
        body_start = cue.end() if kind != "group" else cue.start(1)
    elif ":" in line:
        return []
    else:
        body_start = lead
    body = line[body_start:]
    if cue is None:
        body = body[:_glued_at(body)]
    body = body.rstrip(" .)")
    if not body or len(body) > 60 or any(c.isdigit() for c in body):
        return []
    out: list[Mention] = []
    pos = body_start
    for part in _SPLIT.split(body):
        at = line.index(part, pos) if part else pos
        pos = at + len(part)
        name = _name(part)
        if name is None:
            return []
        start = offset + at
        out.append(Mention(start, start + len(part), MentionKind.BYLINE,
                           doc.text[start:start + len(part)], BylineValue(name), SOURCE))
    return out


def _glued_at(body: str) -> int:
    """Where page furniture is glued to a name ("Thanh TâmCác ý kiến"), else len(body)."""
    for i in range(1, min(len(body), 60)):
        if body[i].isupper() and body[i - 1].islower():
            return i
    return len(body)


def _name(part: str) -> str | None:
    """Return the author name in `part` (title-cased if in CAPITALS), or None."""
    words = part.split()
    if not 1 <= len(words) <= 4 or not all(_WORD.fullmatch(w) for w in words):
        return None
    if not all(w[0].isupper() for w in words):
        return None
    if (words[0].lower(),) in honorifics() or \
            (len(words) > 1 and (words[0].lower(), words[1].lower()) in honorifics()):
        return None
    if len(words) == 1:
        return words[0]
    return " ".join(_recase(w) for w in words)


def _recase(word: str) -> str:
    bare = unicodedata.normalize("NFD", word.lower())
    if not word.isupper() or not any(c in "aeiouy" for c in bare):
        return word
    return word.capitalize()
