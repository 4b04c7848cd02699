"""kg/extract/provinces.py: explicit names, districts, aliases, and what must not match."""

from __future__ import annotations

import pytest

from kg.extract.provinces import aside_before, extract_provinces
from kg.model import CleanDoc, DateValue, Mention, MentionKind


def _found(text: str, published: str | None = None) -> list[tuple[str, str, str, str]]:
    doc = CleanDoc("t", text, "t.txt", published=published)
    mentions = extract_provinces(doc, ())
    for m in mentions:
        assert doc.text[m.start:m.end] == m.text
        assert m.kind is MentionKind.PROVINCE
    return [(m.text, m.value.code, m.value.name, m.value.evidence) for m in mentions]


@pytest.mark.parametrize("text, expected", [
    ("Sáng nay, Tỉnh ủy Quảng Bình họp phiên thường kỳ.",
     [("Quảng Bình", "44", "Quảng Bình", "explicit")]),
    ("Hội nghị Ban Chấp hành Đảng bộ tỉnh Phú Thọ lần thứ 9.",
     [("tỉnh Phú Thọ", "25", "Phú Thọ", "explicit")]),
    ("UBND tỉnh Bạc Liêu vừa ban hành kế hoạch.",
     [("tỉnh Bạc Liêu", "95", "Bạc Liêu", "explicit")]),
    ("Thành ủy Cần Thơ tổ chức hội nghị.", [("Cần Thơ", "92", "Cần Thơ", "explicit")]),
    ("Theo Báo Lào Cai, cuộc họp kéo dài.", [("Lào Cai", "10", "Lào Cai", "explicit")]),
    ("HĐND TP. Đà Nẵng khai mạc kỳ họp.", [("TP. Đà Nẵng", "48", "Đà Nẵng", "explicit")]),
    ("Ông Trần Văn Khải làm việc tại TP.HCM.", [("TP.HCM", "79", "Hồ Chí Minh", "explicit")]),
    ("Lãnh đạo TPHCM và thành phố Hồ Chí Minh.",
     [("TPHCM", "79", "Hồ Chí Minh", "explicit"),
      ("thành phố Hồ Chí Minh", "79", "Hồ Chí Minh", "explicit")]),
    ("Quảng Trị: Khai mạc kỳ họp HĐND tỉnh.", [("Quảng Trị", "45", "Quảng Trị", "explicit")]),
    ("Đoàn công tác đã đến Hà Giang hôm qua.", [("Hà Giang", "02", "Hà Giang", "explicit")]),
    ("ĐẢNG BỘ TỈNH SÓC TRĂNG", [("TỈNH SÓC TRĂNG", "94", "Sóc Trăng", "explicit")]),
    ("tỉnh Thanh Hoá", [("tỉnh Thanh Hoá", "38", "Thanh Hóa", "explicit")]),
    ("tỉnh Thừa Thiên - Huế", [("tỉnh Thừa Thiên - Huế", "46", "Thừa Thiên Huế", "explicit")]),
    ("Tỉnh ủy Bà Rịa-Vũng Tàu", [("Bà Rịa-Vũng Tàu", "77", "Bà Rịa - Vũng Tàu", "explicit")]),
    ("tỉnh Đăk Lăk", [("tỉnh Đăk Lăk", "66", "Đắk Lắk", "explicit")]),
])
def test_explicit_forms(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Đoàn đã kiểm tra tại huyện Cẩm Xuyên.",
     [("huyện Cẩm Xuyên", "42", "Hà Tĩnh", "place")]),
    ("Lãnh đạo thị xã Hồng Lĩnh báo cáo.", [("thị xã Hồng Lĩnh", "42", "Hà Tĩnh", "place")]),
    ("Hội nghị tổ chức tại TP Vinh.", [("TP Vinh", "40", "Nghệ An", "place")]),
    ("Người dân quận 1 đi bầu cử.", [("quận 1", "79", "Hồ Chí Minh", "place")]),
    ("Mở rộng khu công nghiệp Hữu Lũng.",
     [("khu công nghiệp Hữu Lũng", "20", "Lạng Sơn", "place")]),
    ("Nông dân huyện Châu Thành thu hoạch lúa.", []),      # a name in ten provinces
    ("Cẩm Xuyên là vùng đất giàu truyền thống.", []),       # no unit word
    ("huyện cẩm xuyên", []),                                 # not capitalised
])
def test_district_forms(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize("text", [
    "Đồng chí Nguyễn Hà Nam, Phó Giám đốc Sở, phát biểu.",
    "Bà Trần Thị Long An nhận bằng khen.",
    "Ông Lê Bình Định được bầu làm Chủ tịch.",
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    "Chủ tịch Hồ Chí Minh kính yêu.",
    "Việt Nam luôn yêu chuộng hòa bình.",
    "Hòa bình và hợp tác là xu thế chung.",
    "Tàu cá hoạt động trên Thái Bình Dương.",
    "GÌN GIỮ HÒA BÌNH THẾ GIỚI",
    "Anh Phạm Quảng Ninh Hưng kể lại.",
    "hà tĩnh nghệ an",
    "",
])
def test_false_positives(text: str) -> None:
    assert _found(text) == []


def test_bare_name_after_sentence_start_word() -> None:
    assert _found("Tại Bình Định, hội nghị diễn ra.") == [
        ("Bình Định", "52", "Bình Định", "explicit")]


def test_common_word_name_needs_a_unit_word() -> None:
    assert _found("Đoàn đến Hòa Bình.") == []
    assert _found("Đoàn đến tỉnh Hòa Bình.") == [
        ("tỉnh Hòa Bình", "17", "Hòa Bình", "explicit")]


@pytest.mark.parametrize("published, code", [("2020-03-02", "72"), ("2025-09-30", "80")])
def test_name_resolved_at_the_report_date(published: str, code: str) -> None:
    [(_, found, name, _)] = _found("Hội nghị Tỉnh ủy Tây Ninh.", published)
    assert (found, name) == (code, "Tây Ninh")


def test_district_of_a_merged_province_after_the_merger() -> None:
    [(_, code, name, evidence)] = _found("Đoàn kiểm tra tại huyện Vị Thủy.", "2025-09-01")
    assert (code, name, evidence) == ("92", "Cần Thơ", "place")


@pytest.mark.parametrize("text", [
    "tỉnh", "TP.", "Tỉnh ủy\u00a0Hà\u00a0Tĩnh", "<p>tỉnh Hà Tĩnh</p>", "huyện", "quận 99",
    "Uỷ ban nhân dân tỉnh Khánh Hoà", "\n\n\t", "Hà Tĩnh" * 3,
])
def test_hostile_strings_keep_offsets(text: str) -> None:
    _found(text)        # checks doc.text[start:end] == text for every mention


def test_date_from_an_earlier_date_mention() -> None:
    doc = CleanDoc("t", "Hội nghị Tỉnh ủy Bắc Ninh.", "t.txt")
    date = Mention(0, 0, MentionKind.DATE, "", DateValue("2025-10-02", role="published"),
                   "dates.v1")
    [m] = extract_provinces(doc, (date,))
    assert m.value.code == "24"


@pytest.mark.parametrize("text, name, expected", [
    ("Làm việc với các tỉnh Nghệ An, Hà Tĩnh", "Nghệ An", True),
    ("Huyện giáp tỉnh Quảng Bình", "Quảng Bình", True),
    ("Ông là nguyên Bí thư Tỉnh ủy Lạng Sơn", "Lạng Sơn", True),
    ("Hội nghị Tỉnh ủy Lạng Sơn", "Lạng Sơn", False),
    ("Các tỉnh đã họp. Tỉnh ủy Lạng Sơn", "Lạng Sơn", False),   # another sentence
])
def test_aside_before(text: str, name: str, expected: bool) -> None:
    doc = CleanDoc("t", text, "t.txt")
    assert aside_before(doc, text.index(name)) is expected


def test_speed_under_a_millisecond_per_6kb() -> None:
    import time

    text = ("Sáng 5/6, Ban Thường vụ Tỉnh ủy Hà Tĩnh họp dưới sự chủ trì của đồng chí "
            "Nguyễn Văn An tại huyện Can Lộc. Hội nghị bàn về nông thôn mới và các dự án "
            "giao thông nối với tỉnh Nghệ An. ") * 30
    doc = CleanDoc("t", text[:6000], "t.txt")
    extract_provinces(doc, ())
    start = time.perf_counter()
    for _ in range(20):
        extract_provinces(doc, ())
    assert (time.perf_counter() - start) / 20 < 0.005   # generous: CI machines vary
