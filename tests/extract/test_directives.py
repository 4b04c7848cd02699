"""kg/extract/directives.py: document numbers, types, issuers, dates and links."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile import HOSTILE_STRINGS as _SHARED

from kg.extract.dates import extract_dates
from kg.extract.directives import extract_directives
from kg.model import CleanDoc, DirectiveValue, MentionKind

# the shared hostile strings plus some that only this extractor's grammar meets
HOSTILE_STRINGS = _SHARED + (
    "", " ", "\n\n\n", "\u00a0\u00a0", "Uỷ ban nhân dân tỉnh hoà bình", "<p>Nghị quyết</p>",
    "Nghị quyết số", "số -/", "0-A/B", "-NQ/TW", "99999999-NQ/TW", "1/2/3/4/5",
    "Chỉ thị số 42-CT/", "\ufeffChỉ thị 1-CT/TU", "🙂 04-NQ/TW", "x" * 5000,
    "1-A/" * 1000, "Nghị quyết " * 1000,
)


def _doc(text: str) -> CleanDoc:
    return CleanDoc("t", text, "test")


def _found(text: str) -> list[tuple[str, DirectiveValue]]:
    found = []
    for m in extract_directives(_doc(text), ()):
        assert isinstance(m.value, DirectiveValue)
        found.append((m.text, m.value))
    return found


def _numbers(text: str) -> list[str]:
    return [value.number for _text, value in _found(text)]


@pytest.mark.parametrize(("text", "number", "doc_type", "issuer", "issued_on", "national"), [
    ("Tỉnh triển khai Chỉ thị số 16-CT/TU về chuyển đổi số.",
     "16-CT/TU", "Chỉ thị", "Tỉnh ủy", None, False),
    ("Thực hiện Nghị quyết 12/NQ-CP ngày 3/2/2022 của Chính phủ về phục hồi kinh tế.",
     "12/NQ-CP", "Nghị quyết", "Chính phủ", "2022-02-03", True),
    ("Theo Quyết định số 22/2019/QĐ-TTg của Thủ tướng Chính phủ, tỉnh đã chi hỗ trợ.",
     "22/2019/QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ", None, True),
    ("Nghị định 15/2021/NĐ-CP quy định chi tiết một số nội dung.",
     "15/2021/NĐ-CP", "Nghị định", "Chính phủ", None, True),
    ("HĐND tỉnh đã thông qua Nghị quyết số 17/NQ-HĐND về giá đất.",
     "17/NQ-HĐND", "Nghị quyết", "Hội đồng nhân dân tỉnh", None, False),
    ("Công bố Quyết định số 1234-QĐNS/TW ngày 2/10/2023 về công tác cán bộ.",
     "1234-QĐNS/TW", "Quyết định", None, "2023-10-02", True),
    ("Đảng bộ thực hiện Kế hoạch số 88- KH/TU của Ban Thường vụ Tỉnh ủy.",
     "88-KH/TU", "Kế hoạch", "Ban Thường vụ Tỉnh ủy", None, False),
    ("Quán triệt Nghị quyết số 21 -NQ/TW của Ban Chấp hành Trung ương Đảng (khóa XII).",
     "21-NQ/TW", "Nghị quyết", "Ban Chấp hành Trung ương Đảng", None, True),
    ("Thực hiện Kết luận số 50-KL/TW ngày 30 tháng 7 năm 2019 của Bộ Chính trị.",
     "50-KL/TW", "Kết luận", "Bộ Chính trị", "2019-07-30", True),
    ("Chương trình hành động số 31-CTr/TU được ban hành kịp thời.",
     "31-CTr/TU", "Chương trình", "Tỉnh ủy", None, False),
    ("Thực hiện Quy định số 08-QĐi/TW về trách nhiệm nêu gương.",
     "08-QĐi/TW", "Quy định", None, None, True),
    ("Luật số 59/2020/QH14 có hiệu lực từ đầu năm.",
     "59/2020/QH14", "Luật", "Quốc hội", None, True),
    ("Tổ chức thực hiện Thông tư số 01/2022/TT-BNV hướng dẫn về hội.",
     "01/2022/TT-BNV", "Thông tư", "Bộ Nội vụ", None, True),
    ("Ngày 3/3/2021, Ban Thường vụ Tỉnh ủy ban hành Chỉ thị số 11-CT/TU về phòng dịch.",
     "11-CT/TU", "Chỉ thị", "Ban Thường vụ Tỉnh ủy", "2021-03-03", False),
    ("Triển khai nghị quyết số 05-NQ/TU ngày 14-6-2021 về nông thôn mới.",
     "05-NQ/TU", "Nghị quyết", "Tỉnh ủy", "2021-06-14", False),
    ("Văn bản 214-CV/TU nêu rõ yêu cầu.", "214-CV/TU", "Công văn", "Tỉnh ủy", None, False),
    ("Hướng dẫn 12-HD/BTGTW được phổ biến.",
     "12-HD/BTGTW", "Hướng dẫn", "Ban Tuyên giáo Trung ương", None, True),
    (("Nghị quyết số 19-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương "
     "Đảng khóa XII."), "19-NQ/TW", "Nghị quyết", "Ban Chấp hành Trung ương Đảng", "2017-10-25",
     True),
    ("Thực hiện Chỉ thị số 05-CT/TƯ về học tập.", "05-CT/TW", "Chỉ thị", None, None, True),
])
def test_one_number(text: str, number: str, doc_type: str, issuer: str | None,
                    issued_on: str | None, national: bool) -> None:
    [(_span, value)] = _found(text)
    assert value == DirectiveValue(number, doc_type, issuer, issued_on, None, national)


def test_span_runs_from_the_type_word_to_the_number() -> None:
    [(span, _value)] = _found("Tỉnh quán triệt Nghị quyết số\n57-NQ/TW của Bộ Chính trị.")
    assert span == "Nghị quyết số\n57-NQ/TW"


def test_a_list_shares_the_type_word_and_the_issuer() -> None:
    found = _found("Sơ kết nghị quyết số 07-NQ/TU, 08-NQ/TU và 09-NQ/TU của Tỉnh ủy khóa XVIII.")
    assert [(v.number, v.doc_type, v.issuer) for _s, v in found] == [
        ("07-NQ/TU", "Nghị quyết", "Tỉnh ủy"),
        ("08-NQ/TU", "Nghị quyết", "Tỉnh ủy"),
        ("09-NQ/TU", "Nghị quyết", "Tỉnh ủy"),
    ]
    assert [s for s, _v in found] == ["nghị quyết số 07-NQ/TU", "08-NQ/TU", "09-NQ/TU"]


@pytest.mark.parametrize(("text", "expected"), [
    (("Sơ kết Chương trình số 45-CTr/TU ngày 10/4/2018 của Tỉnh ủy thực hiện Nghị quyết "
     "số 19-NQ/TW về đổi mới hệ thống chính trị."), [("45-CTr/TU", "19-NQ/TW")]),
    ("Kế hoạch số 25-KH/TU của Ban Thường vụ Tỉnh ủy về thực hiện Kết luận số 14-KL/TW.",
     [("25-KH/TU", "14-KL/TW")]),
    (("Thực hiện Chỉ thị số 08-CT/TW của Ban Bí thư, Ban Thường vụ Tỉnh ủy đã ban hành "
     "Kế hoạch số 60-KH/TU để tổ chức học tập."), [("60-KH/TU", "08-CT/TW")]),
    (("Tỉnh ủy ban hành Kế hoạch số 12-KH/TU. Thực hiện Nghị quyết số 5-NQ/TW, tỉnh đã "
     "tổ chức hội nghị."), []),
    (("Thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị “về đại hội”; Kế hoạch số 15-KH/TU "
     "của Tỉnh ủy về tổ chức đại hội."), []),
    (("Kế hoạch số 25-KH/TU thực hiện Kết luận số 14-KL/TW và Kết luận số 33-KL/TU "
     "của Ban Thường vụ."), [("25-KH/TU", "14-KL/TW")]),
])
def test_implements_only_when_stated_in_one_clause(text: str,
                                                   expected: list[tuple[str, str]]) -> None:
    found = [(v.number, v.implements) for _s, v in _found(text) if v.implements]
    assert found == expected


def test_short_references_resolve_to_the_full_number() -> None:
    text = ("Ngày 2/3/2020, Ban Thường vụ Tỉnh ủy ban hành Chỉ thị số 05-CT/TU. Sơ kết Chỉ thị 5 "
            "đúng hạn. Nghị quyết 5 chưa được bàn. Biểu dương Chỉ thị số 05. Chỉ thị 5.1 khác.")
    found = _found(text)
    assert [(s, v.number, v.doc_type) for s, v in found] == [
        ("Chỉ thị số 05-CT/TU", "05-CT/TU", "Chỉ thị"),
        ("Chỉ thị 5", "05-CT/TU", "Chỉ thị"),
        ("Chỉ thị số 05", "05-CT/TU", "Chỉ thị"),
    ]


@pytest.mark.parametrize("text", [
    "Ban Thường vụ Tỉnh ủy đã ban hành Chỉ thị số 17 về dư luận xã hội.",
    "Tiếp tục thực hiện Nghị quyết 57 về khoa học công nghệ.",
    "Luật Đất đai năm 2024 có nhiều điểm mới.",
    "Số ca mắc COVID-19 giảm mạnh trong tuần.",
    "Ngày 30/6/2020, giai đoạn 2021-2025, tỷ lệ 3/4, tăng 2,5%.",
    "Dự án trên Quốc lộ 1A và đường 3/2 đã hoàn thành.",
    "Khách sạn 5-Sao/năm được xếp hạng.",
    "Tuyến xe 12/TP-HCM khởi hành sớm.",
])
def test_things_that_are_not_numbered_documents(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize("text", [
    "Thực hiện Nghị quyết số 04-NQ/TW, Tỉnh uỷ ban hành Chương trình số 79-CTr/TU.",
    "Chỉ\u00a0thị\u00a0số\u00a042-CT/TU của Ban Thường vụ Tỉnh uỷ.",
    *HOSTILE_STRINGS,
])
def test_spans_point_into_the_text(text: str) -> None:
    for m in extract_directives(_doc(text), ()):
        assert text[m.start:m.end] == m.text
        assert m.kind is MentionKind.DIRECTIVE and m.source == "directives.v1"


def _f1(got: set[object], gold: set[object]) -> float:
    if not got and not gold:
        return 1.0
    tp = len(got & gold)
    return 2 * tp / (len(got) + len(gold))


def test_development_corpus_scores(corpus_dir: Path) -> None:
    """Numbers, types and implements against the hand-made gold, pooled over reports."""
    pooled: dict[str, tuple[set[object], set[object]]] = {"numbers": (set(), set()), "types": (set(), set()),
                                                   "implements": (set(), set())}
    for gold_path in sorted(corpus_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        rid = gold_path.name.removesuffix(".gold.json")
        url = gold["source"] if gold["source"].startswith("http") else None
        doc = CleanDoc(rid, (corpus_dir / f"{rid}.txt").read_text(encoding="utf-8"), rid, url=url)
        values = [m.value for m in extract_directives(doc, extract_dates(doc, ()))
                  if isinstance(m.value, DirectiveValue)]
        listed = gold["directives"]
        got: dict[str, set[object]] = {
            "numbers": {(rid, v.number) for v in values},
            "types": {(rid, v.number, v.doc_type) for v in values},
            "implements": {(rid, v.number, v.implements) for v in values if v.implements}}
        want: dict[str, set[object]] = {
            "numbers": {(rid, d["number"]) for d in listed},
            "types": {(rid, d["number"], d["type"]) for d in listed},
            "implements": {(rid, d["number"], d["implements"]) for d in listed
                           if d.get("implements")}}
        for key, (g, w) in pooled.items():
            g |= got[key]
            w |= want[key]
    scores = {key: _f1(g, w) for key, (g, w) in pooled.items()}
    assert scores["numbers"] >= 0.99, scores
    assert scores["types"] >= 0.95, scores
    assert scores["implements"] >= 0.90, scores
