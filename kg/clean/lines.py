"""Rebuild a report line by line: split glued text, drop furniture and repeats.

Works on the output of `kg.clean.chars.normalize_chars` and carries its offset map:
every kept character keeps its raw offset, and every inserted character (a newline
between lines, a space after a glued full stop) takes the raw offset of the place
it was inserted at.
"""

from __future__ import annotations

import re

from kg.clean.furniture import furniture_action
from kg.read.decode import is_syllable

_LOWER = ("a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợ"
          "ùúủũụưừứửữựỳýỷỹỵ")
_UPPER = "A-Z" + _LOWER[3:].upper()
# a capitalised word start; glued when right after a lower-case letter ("Thanh TâmCác")
# or after a full stop that follows one ("tỉnh.Các")
_WORD_START = re.compile(rf"[{_UPPER}](?=[{_LOWER}])")
_IS_LOWER = re.compile(rf"[{_LOWER}]")
_STOPS = ".!?;:…"
_LINE = re.compile(r"[^\n]+|\n")
_PHOTO_CREDIT = re.compile(r"\((?:ảnh|nguồn|photo)\s*:[^)]*\)\s*$", re.IGNORECASE)
_TAIL_FROM = 0.5        # a "tail" marker in the second half cuts the rest


def rebuild_lines(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Return (clean text, raw offsets) with furniture lines and repeats removed.

    `offsets` maps `text` to raw offsets (len(text) + 1 entries); so does the result.
    Lines are trimmed; a blank line between paragraphs is kept as one blank line.
    An all-furniture text gives ("", [offsets[-1]]). Example:
    "Thanh TâmCác ý kiến của bạn đọc" -> "Thanh Tâm".
    """
    out: list[str] = []
    out_map: list[int] = []
    seen: set[str] = set()
    splits, spaces = _glue_points(text)
    last_end = -1               # end (in text) of the last line emitted
    blank = False
    tail_from = len(text) * _TAIL_FROM
    for start, end in _logical_lines(text, splits):
        if start == end:
            blank = True
            continue
        start, end = _trim(text, start, end)
        if start == end:
            blank = True
            continue
        line = text[start:end]
        action = furniture_action(line)
        if action == "tail" and start >= tail_from:
            break
        if action is not None:
            continue
        key = _repeat_key(line)
        if key in seen:
            continue
        seen.add(key)
        if last_end >= 0:
            sep = "\n\n" if blank else "\n"
            out.append(sep)
            out_map.extend([offsets[last_end]] * len(sep))
        _emit(text, offsets, start, end, spaces, out, out_map)
        last_end = end
        blank = False
    out_map.append(offsets[last_end] if last_end >= 0 else offsets[-1])
    return "".join(out), out_map


def _repeat_key(line: str) -> str:
    """What two copies of a paragraph or caption share: case and a photo credit aside."""
    if line.endswith(")"):
        line = _PHOTO_CREDIT.sub("", line)
    return line.casefold().rstrip(" .:;!?…")


def _glue_points(text: str) -> tuple[list[int], list[int]]:
    """Offsets where a glued word starts a new line, and where a space goes in."""
    splits: list[int] = []
    spaces: list[int] = []
    for match in _WORD_START.finditer(text, 1):
        at = match.start()
        before = text[at - 1]
        if _IS_LOWER.match(before):
            if _is_glued(text, at):
                splits.append(at)
        elif before in _STOPS and at > 1 and _IS_LOWER.match(text[at - 2]):
            spaces.append(at)
    return splits, spaces


def _is_glued(text: str, at: int) -> bool:
    """Tell "Thanh TâmCác" (two words) from "VnExpress" (one name) at a capital."""
    left = at
    while left > 0 and text[left - 1].isalpha():
        left -= 1
    right = at + 1
    while right < len(text) and text[right].isalpha() and text[right].islower():
        right += 1
    word_end = right
    while word_end < len(text) and text[word_end].isalpha():
        word_end += 1
    if not text[left:word_end].isascii():
        return True
    head = text[left:at]
    head = head[max(i for i, c in enumerate(head) if c.isupper() or i == 0):]
    return is_syllable(head.lower()) and is_syllable(text[at:right].lower())


def _logical_lines(text: str, splits: list[int]) -> list[tuple[int, int]]:
    """(start, end) of each line, a glued word starting its own line; "" for blanks."""
    lines: list[tuple[int, int]] = []
    previous_newline = True
    for match in _LINE.finditer(text):
        start, end = match.span()
        if text[start] == "\n":
            if previous_newline:
                lines.append((start, start))
            previous_newline = True
            continue
        previous_newline = False
        for split in splits:
            if start < split < end:
                lines.append((start, split))
                start = split
        lines.append((start, end))
    return lines


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    return start, end


def _emit(text: str, offsets: list[int], start: int, end: int, spaces: list[int],
          out: list[str], out_map: list[int]) -> None:
    for space in spaces:
        if start < space < end and text[space] != " ":
            out.append(text[start:space])
            out_map.extend(offsets[start:space])
            out.append(" ")
            out_map.append(offsets[space])
            start = space
    out.append(text[start:end])
    out_map.extend(offsets[start:end])
