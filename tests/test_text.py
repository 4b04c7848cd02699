"""kg.text: tone-mark folding, keys and slugs."""

import unicodedata

import pytest

from kg.text import fold_tones, match_key, slug, squash_spaces


@pytest.mark.parametrize("printed, folded", [
    ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
    ("hoà bình", "hòa bình"),
    ("Thuỷ lợi", "Thủy lợi"),
    ("khoẻ mạnh", "khỏe mạnh"),
    ("quý", "quý"),            # "qu" is a consonant: the mark stays
    ("hoàn thành", "hoàn thành"),  # closed syllable: the mark is already right
    ("thuở", "thuở"),
    ("", ""),
])
def test_fold_tones(printed: str, folded: str) -> None:
    assert fold_tones(printed) == folded
    assert len(fold_tones(printed)) == len(unicodedata.normalize("NFC", printed))


def test_fold_tones_accepts_nfd() -> None:
    nfd = unicodedata.normalize("NFD", "Chủ tịch Uỷ ban")
    assert fold_tones(nfd) == "Chủ tịch Ủy ban"


@pytest.mark.parametrize("a, b", [
    ("Uỷ ban  nhân\u00a0dân", "ủy ban nhân dân"),
    ("NGUYỄN VĂN HOÀ", "nguyễn văn hòa"),
])
def test_match_key_joins_spellings(a: str, b: str) -> None:
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize("text, expected", [
    ("Lữ Văn Hoàng", "lu-van-hoang"),
    ("Đỗ Quang Hưng", "do-quang-hung"),
    ("04-NQ/TW", "04-nq-tw"),
    ("15/2020/QĐ-TTg", "15-2020-qd-ttg"),
    ("<script>", "script"),
    ("???", "x"),
])
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_squash_spaces() -> None:
    assert squash_spaces(" a \u00a0\t b ") == "a b"
