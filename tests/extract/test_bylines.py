"""kg/extract/bylines.py: the author line after the last paragraph, not photo credits."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hostile import HOSTILE_STRINGS

from kg.extract.bylines import extract_bylines
from kg.model import CleanDoc, MentionKind

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
BODY = ("Sáng nay, hội nghị đã thảo luận và thống nhất cao về các nội dung quan trọng "
        "trình tại kỳ họp lần này.\n")


def _authors(text: str) -> list[str]:
    doc = CleanDoc("t", text, "t.txt")
    found = extract_bylines(doc, ())
    for m in found:
        assert m.kind is MentionKind.BYLINE
        assert doc.text[m.start:m.end] == m.text
    return [m.value.name for m in found]


@pytest.mark.parametrize("tail, expected", [
    ("Thanh Hương", ["Thanh Hương"]),
    ("MINH ĐỨC", ["Minh Đức"]),
    ("VPTU", ["VPTU"]),
    ("PV", ["PV"]),
    ("Nhóm PV", ["Nhóm PV"]),
    ("Báo Gia Lai", ["Báo Gia Lai"]),
    ("Tin, ảnh: Hồng Nhung", ["Hồng Nhung"]),
    ("Bài và ảnh: Quốc Việt", ["Quốc Việt"]),
    ("Thực hiện: Văn Long - Thu Thảo", ["Văn Long", "Thu Thảo"]),
    ("Hải Yến, Minh Khôi", ["Hải Yến", "Minh Khôi"]),
    ("Ảnh: Tuấn Anh\nLan Phương", ["Lan Phương"]),
    ("Lan PhươngÝ kiến bạn đọc", ["Lan Phương"]),
])
def test_author_line_at_the_end(tail: str, expected: list[str]) -> None:
    assert _authors(BODY * 3 + tail) == expected


@pytest.mark.parametrize("text", [
    BODY * 3 + "Ảnh: Tuấn Anh",                  # a photo credit alone
    BODY * 3 + "Quang cảnh hội nghị",             # a caption
    BODY * 3 + "CÁC TIN KHÁC:",                   # page furniture
    BODY * 3 + "Thứ Hai, 12/5/2025",              # a date
    BODY * 3 + "Đồng chí Lê Văn Nam phát biểu",   # a caption with lower-case words
    "Hoàng Yến",                                  # no paragraph at all
    "Hoàng Yến\n" + BODY * 3,                     # a name line before the paragraphs
])
def test_not_an_author(text: str) -> None:
    assert _authors(text) == []


def test_byline_offsets_are_the_name_only() -> None:
    text = BODY * 3 + "Tin, ảnh: Hồng Nhung"
    doc = CleanDoc("t", text, "t.txt")
    (m,) = extract_bylines(doc, ())
    assert m.text == "Hồng Nhung"
    assert m.end == len(text)


@pytest.mark.parametrize("text", HOSTILE_STRINGS)
def test_hostile_strings(text: str) -> None:
    doc = CleanDoc("t", text, "t.txt")
    for m in extract_bylines(doc, ()):
        assert doc.text[m.start:m.end] == m.text


def test_corpus_authors() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"no development corpus at {CORPUS}")
    hit = found = expected = 0
    for gold in sorted(CORPUS.glob("*.gold.json")):
        text = gold.with_name(gold.name.replace(".gold.json", ".txt")).read_text("utf-8")
        doc = CleanDoc(gold.stem, unicodedata.normalize("NFC", text), gold.name)
        names = {m.value.name for m in extract_bylines(doc, ())}
        truth = set(json.loads(gold.read_text("utf-8"))["authors"])
        hit, found, expected = hit + len(names & truth), found + len(names), expected + len(truth)
    assert hit / max(found, 1) >= 0.85 and hit / max(expected, 1) >= 0.85
