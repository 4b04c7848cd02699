"""Text normalisation shared by every stage: NFC, one tone-mark convention, slugs.

Vietnamese is printed with two tone-mark placements ("Uỷ"/"Ủy", "hoà"/"hòa").
`fold_tones` moves the mark to the first vowel of an open "oa"/"oe"/"uy" so that
both spellings match; it never changes the length of an NFC string, so offsets
found in folded text are offsets in the printed text too.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONES = "\u0300\u0301\u0303\u0309\u0323"
# a tone mark on the second vowel of an open oa/oe/uy (not after q: "quý" is fixed)
_LATE_TONE = re.compile(
    rf"(?<![qQ])([oOuU])([aAeEyY])([{_TONES}])(?![^\W\d_])"
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC."""
    return unicodedata.normalize("NFC", text)


def fold_tones(text: str) -> str:
    """Return NFC `text` with the old tone placement moved: "Uỷ ban" -> "Ủy ban".

    The result has the same length as `nfc(text)`.
    """
    decomposed = unicodedata.normalize("NFD", text)
    if not any(t in decomposed for t in _TONES):
        return nfc(text)

    def fix(m: re.Match[str]) -> str:
        first, second, tone = m.group(1), m.group(2), m.group(3)
        pair = (first + second).lower()
        if pair not in ("oa", "oe", "uy"):
            return m.group(0)
        return first + tone + second

    return nfc(_LATE_TONE.sub(fix, decomposed))


@lru_cache(maxsize=65536)
def match_key(text: str) -> str:
    """Return the key two spellings of one name or title share: folded, lower, spaced."""
    return _SPACES.sub(" ", fold_tones(text)).strip().lower()


def squash_spaces(text: str) -> str:
    """Collapse runs of spaces (NBSP included) to one plain space."""
    return _SPACES.sub(" ", text).strip()


def slug(text: str) -> str:
    """Return an ASCII IRI-safe key: "Lữ Văn Hoàng" -> "lu-van-hoang", "04-NQ/TW" -> "04-nq-tw"."""
    folded = match_key(text).replace("đ", "d")
    ascii_text = unicodedata.normalize("NFD", folded).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "x"
