"""Turn the bytes of a report into text, whatever encoding Vietnamese sites used.

Tried in order: a byte-order mark (UTF-8, UTF-16, UTF-32), strict UTF-8, then the
legacy Vietnamese encodings still met in the wild: Windows-1258 (combining tone
marks), and the 8-bit font encodings TCVN3 (ABC) and VNI-Windows, whose byte tables
live in `kg/data/legacy_encodings.tsv`. The legacy candidate that yields the most
well-formed Vietnamese syllables wins. UTF-8 text that is itself mojibake (TCVN3,
VNI or UTF-8 bytes once read as cp1252: "TØnh ñy", "Tá»‰nh") is repaired the same way.
Legacy decodings come back in NFC; UTF text comes back as found.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from kg.data import load_table
from kg.errors import InputError

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_STRIP_TONES = str.maketrans("", "", _TONE_MARKS)
_VOWELS = "aăâeêioôơuưy"
_CONSONANTS = "bcdđghklmnpqrstvx"
# every lower-case letter of the alphabet, toned vowels included
_LETTERS = frozenset(_CONSONANTS) | frozenset(
    unicodedata.normalize("NFC", vowel + tone) for vowel in _VOWELS for tone in ("", *_TONE_MARKS)
)
_ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
_CODA = "(?:ch|ng|nh|[cmnpt])?"
_PUNCTUATION = "\"'()[]{}<>.,;:!?“”‘’«»…–—-*"
_PART_SPLIT = re.compile(r"[-–/.,;:]+")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_NOT_CP1252 = re.compile("[^\x00-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")
# below this share of well-formed syllables among non-ASCII words, a decoding is wrong
_MIN_SHARE = 0.6


def decode_bytes(data: bytes, source: str) -> str:
    """Return the text of `data`; raise `InputError` (with the byte offset) if none fits.

    An empty input gives "". Example: the TCVN3 bytes of "Tỉnh ủy" (b"T\\xd8nh \\xf1y")
    give "Tỉnh ủy".
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(source, f"invalid {encoding} byte", offset=err.start) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return _decode_legacy(data, source, err.start)
    return _repair_mojibake(text)


def vietnamese_share(text: str) -> tuple[int, int]:
    """Count (well-formed, all) non-ASCII words, e.g. "Tỉnh ủy" -> (2, 2).

    A word is a space-separated token, punctuation around it and hyphens or slashes
    inside it aside, so mojibake symbols inside a word ("Tá»‰nh") make it ill-formed.
    """
    good = total = 0
    for token in text.split():
        if token.isascii():
            continue
        for part in _PART_SPLIT.split(token.strip(_PUNCTUATION)):
            if part.isascii():
                continue
            total += 1
            if is_syllable(part.lower()):
                good += 1
    return good, total


def is_syllable(word: str) -> bool:
    """Tell whether lower-case NFC `word` is one well-formed syllable: "nguyễn" -> True."""
    if not _LETTERS.issuperset(word):
        return False
    decomposed = unicodedata.normalize("NFD", word)
    bare = decomposed.translate(_STRIP_TONES)
    return (len(decomposed) - len(bare) <= 1
            and _syllable().fullmatch(unicodedata.normalize("NFC", bare)) is not None)


@lru_cache(maxsize=1)
def _syllable() -> re.Pattern[str]:
    nuclei = sorted((row["nucleus"] for row in load_table("syllable_nuclei")),
                    key=lambda n: (-len(n), n))
    return re.compile(f"{_ONSET}(?:{'|'.join(nuclei)}){_CODA}")


def _decode_legacy(data: bytes, source: str, bad_offset: int) -> str:
    best = _best_decoding(data, _LEGACY_DECODERS, floor=None)
    if best is None:
        raise InputError(source, "not UTF-8 and not a known Vietnamese encoding "
                                 "(tried windows-1258, TCVN3, VNI-Windows)", offset=bad_offset)
    return best


def _best_decoding(data: bytes, decoders: tuple[Callable[[bytes], str | None], ...],
                   floor: int | None) -> str | None:
    """The decoding with the fewest ill-formed words (then the most good ones), if any
    is mostly Vietnamese and beats `floor` (ill-formed words counted negative)."""
    best: tuple[int, int] | None = None
    best_text = None
    for decoder in decoders:
        text = decoder(data)
        if text is None:
            continue
        good, total = vietnamese_share(text)
        if not total or good / total < _MIN_SHARE:
            continue
        key = (good - total, good)
        if (floor is None or key[0] > floor) and (best is None or key > best):
            best, best_text = key, text
    return best_text


def _repair_mojibake(text: str) -> str:
    if text.isascii() or _NOT_CP1252.search(text):
        return text                     # real Vietnamese has letters cp1252 lacks
    data = text.translate(_cp1252_reverse()).encode("latin-1")
    good, total = vietnamese_share(text)
    fixed = _best_decoding(data, (*_LEGACY_DECODERS, _decode_utf8), floor=good - total)
    return fixed or text


def _decode_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _decode_cp1258(data: bytes) -> str | None:
    try:
        return unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        return None


def _decode_tcvn3(data: bytes) -> str | None:
    return unicodedata.normalize("NFC", data.decode("latin-1").translate(_tcvn3_table()))


def _decode_vni(data: bytes) -> str | None:
    pattern, mapping = _vni_rules()
    text = data.decode("latin-1").translate(_cp1252_table())
    return unicodedata.normalize("NFC", pattern.sub(lambda m: mapping[m.group(0)], text))


@lru_cache(maxsize=1)
def _cp1252_table() -> dict[int, str]:
    table = {}
    for byte in range(0x80, 0xA0):
        try:
            table[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            pass
    return table


@lru_cache(maxsize=1)
def _cp1252_reverse() -> dict[int, int]:
    return {ord(char): byte for byte, char in _cp1252_table().items()}


@lru_cache(maxsize=1)
def _tcvn3_table() -> dict[int, str]:
    table = dict(_cp1252_table())
    for row in load_table("legacy_encodings"):
        if row["encoding"] == "tcvn3":
            table[int(row["bytes"], 16)] = row["char"]
    return table


@lru_cache(maxsize=1)
def _vni_rules() -> tuple[re.Pattern[str], dict[str, str]]:
    mapping = {}
    for row in load_table("legacy_encodings"):
        if row["encoding"] == "vni":
            mapping[bytes.fromhex(row["bytes"]).decode("cp1252")] = row["char"]
    keys = sorted(mapping, key=lambda k: (-len(k), k))
    return re.compile("|".join(map(re.escape, keys))), mapping


_LEGACY_DECODERS: tuple[Callable[[bytes], str | None], ...] = (
    _decode_cp1258, _decode_tcvn3, _decode_vni,
)
