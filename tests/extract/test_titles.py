"""kg/extract/titles.py: canonical titles from printed ones, abbreviations, places."""

from __future__ import annotations

import pytest

from kg.data import load_table
from kg.extract.titles import build_stream, complete_title, parse_title
from kg.text import fold_tones


def _title(printed: str):  # type: ignore[no-untyped-def]
    stream = build_stream(fold_tones(printed))
    return parse_title(stream, 0)


@pytest.mark.parametrize("printed, canonical", [
    # abbreviations
    ("Chủ tịch UBND tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh"),
    ("Phó Chủ tịch HĐND tỉnh", "Phó Chủ tịch Hội đồng nhân dân tỉnh"),
    ("Chủ tịch Ủy ban MTTQ tỉnh", "Chủ tịch Ủy ban Mặt trận Tổ quốc tỉnh"),
    ("Ủy viên BTV Tỉnh ủy", "Ủy viên Ban Thường vụ Tỉnh ủy"),
    ("Trưởng đoàn ĐBQH tỉnh", "Trưởng đoàn Đại biểu Quốc hội tỉnh"),
    ("Ủy viên BCH Trung ương Đảng", "Ủy viên Ban Chấp hành Trung ương Đảng"),
    ("Ủy viên Trung ương Đảng", "Ủy viên Ban Chấp hành Trung ương Đảng"),
    ("UVTƯ", "Ủy viên Ban Chấp hành Trung ương Đảng"),
    ("UVT.Ư Đảng", "Ủy viên Ban Chấp hành Trung ương Đảng"),
    ("Ủy viên dự khuyết TW Đảng", "Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng"),
    ("Chủ tịch Hội LHPN tỉnh", "Chủ tịch Hội Liên hiệp Phụ nữ tỉnh"),
    ("Phó Chủ tịch Thường trực HDND tỉnh", "Phó Chủ tịch Thường trực Hội đồng nhân dân tỉnh"),
    ("Chủ nhiệm UBKT Tỉnh ủy", "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy"),
    ("Chủ tịch UBND TP", "Chủ tịch Ủy ban nhân dân thành phố"),
    # capitals and tone marks made canonical
    ("Phó bí thư tỉnh ủy", "Phó Bí thư Tỉnh ủy"),
    ("Uỷ viên Ban thường vụ Tỉnh uỷ", "Ủy viên Ban Thường vụ Tỉnh ủy"),
    ("Phó trưởng Ban Tuyên giáo Tỉnh ủy", "Phó Trưởng ban Tuyên giáo Tỉnh ủy"),
    ("Trưởng Đoàn đại biểu Quốc hội tỉnh", "Trưởng đoàn Đại biểu Quốc hội tỉnh"),
    ("PHÓ CHỦ TỊCH UBND TỈNH", "Phó Chủ tịch Ủy ban nhân dân tỉnh"),
    # qualifiers
    ("Phó Bí thư Thường trực Tỉnh ủy", "Phó Bí thư Thường trực Tỉnh ủy"),
    ("Phó Trưởng ban chuyên trách Ban Chỉ đạo", "Phó Trưởng ban chuyên trách Ban Chỉ đạo"),
    ("Quyền Bí thư Tỉnh ủy", "Quyền Bí thư Tỉnh ủy"),
    # national posts
    ("Tổng Bí thư", "Tổng Bí thư"),
    ("Chủ tịch nước", "Chủ tịch nước"),
    ("Thủ tướng", "Thủ tướng Chính phủ"),
    ("Phó Thủ tướng Chính phủ", "Phó Thủ tướng"),
    ("Ủy viên Bộ Chính trị", "Ủy viên Bộ Chính trị"),
    ("Bí thư Trung ương Đảng", "Bí thư Trung ương Đảng"),
    ("Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn",
     "Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn"),
    ("Giám đốc Sở Nông nghiệp và Phát triển nông thôn tỉnh",
     "Giám đốc Sở Nông nghiệp và Phát triển nông thôn"),
    ("Thứ trưởng Bộ Công an", "Thứ trưởng Bộ Công an"),
    ("Chủ tịch Quốc hội", "Chủ tịch Quốc hội"),
    ("Ủy viên Ủy ban Thường vụ Quốc hội", "Ủy viên Ủy ban Thường vụ Quốc hội"),
    ("Chủ nhiệm Ủy ban Pháp luật của Quốc hội", "Chủ nhiệm Ủy ban Pháp luật của Quốc hội"),
    ("Phó Chủ tịch Ủy ban Trung ương MTTQ Việt Nam",
     "Phó Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"),
    # departments, police, army, 2025 bodies, districts and communes
    ("Giám đốc Sở Kế hoạch và Đầu tư tỉnh", "Giám đốc Sở Kế hoạch và Đầu tư"),
    ("Giám đốc Sở Văn hóa, Thể thao và Du lịch", "Giám đốc Sở Văn hóa, Thể thao và Du lịch"),
    ("Giám đốc Công an tỉnh", "Giám đốc Công an tỉnh"),
    ("Giám đốc Sở NN&PTNT", "Giám đốc Sở Nông nghiệp và Phát triển nông thôn"),
    ("Phó Giám đốc Sở LĐ-TB&XH", "Phó Giám đốc Sở Lao động - Thương binh và Xã hội"),
    ("Giám đốc Sở VH-TT&DL", "Giám đốc Sở Văn hóa, Thể thao và Du lịch"),
    ("Giám đốc Sở GD&ĐT tỉnh", "Giám đốc Sở Giáo dục và Đào tạo"),
    ("Giám đốc Sở Lao động - Thương binh và Xã hội",
     "Giám đốc Sở Lao động - Thương binh và Xã hội"),
    ("Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"),
    ("Bí thư Đảng ủy UBND tỉnh", "Bí thư Đảng ủy Ủy ban nhân dân tỉnh"),
    ("Bí thư Huyện ủy", "Bí thư Huyện ủy"),
    ("Chủ tịch UBND xã", "Chủ tịch Ủy ban nhân dân xã"),
    ("Bí thư Đảng ủy xã", "Bí thư Đảng ủy xã"),
    ("Phó Bí thư Thành ủy", "Phó Bí thư Thành ủy"),
    ("Chủ tịch HĐND thành phố", "Chủ tịch Hội đồng nhân dân thành phố"),
    ("Trưởng ban Dân vận Thành ủy", "Trưởng ban Dân vận Thành ủy"),
    ("Tỉnh ủy viên", "Tỉnh ủy viên"),
    ("Ủy viên Ban Chấp hành Đảng bộ tỉnh", "Tỉnh ủy viên"),
    # noise inside a title
    ("Trưởng Đoàn đại biểu Quốc hội khóa XV của tỉnh", "Trưởng đoàn Đại biểu Quốc hội tỉnh"),
    ("Phó Chủ tịch tỉnh", "Phó Chủ tịch Ủy ban nhân dân tỉnh"),
])
def test_canonical_title(printed: str, canonical: str) -> None:
    title = _title(printed)
    assert title is not None
    assert complete_title(title, None, "tỉnh") == canonical


@pytest.mark.parametrize("printed, canonical, place", [
    ("Bí thư Tỉnh ủy Hà Tĩnh Lê Văn An", "Bí thư Tỉnh ủy", "Hà Tĩnh"),
    ("Chủ tịch UBND tỉnh Lâm Đồng", "Chủ tịch Ủy ban nhân dân tỉnh", "Lâm Đồng"),
    ("Chủ tịch UBND tỉnh Kiên Giang Trần Văn Bốn", "Chủ tịch Ủy ban nhân dân tỉnh",
     "Kiên Giang"),
    ("Bí thư Thành ủy TP Hồ Chí Minh", "Bí thư Thành ủy", "Hồ Chí Minh"),
    ("Chủ tịch UBND tỉnh Trần Tiến Dũng", "Chủ tịch Ủy ban nhân dân tỉnh", None),
    ("Chủ tịch HĐND tỉnh Hà Văn Tám", "Chủ tịch Hội đồng nhân dân tỉnh", None),
])
def test_place_after_title_is_kept_aside(printed: str, canonical: str,
                                         place: str | None) -> None:
    title = _title(printed)
    assert title is not None
    assert title.canonical == canonical
    assert title.place == place


@pytest.mark.parametrize("printed, party, jurisdiction, canonical", [
    ("Phó Bí thư Thường trực", None, "tỉnh", "Phó Bí thư Thường trực Tỉnh ủy"),
    ("Bí thư", "Thành ủy", None, "Bí thư Thành ủy"),
    ("Chủ tịch HĐND", None, "thành phố", "Chủ tịch Hội đồng nhân dân thành phố"),
    ("Trưởng đoàn ĐBQH", None, "tỉnh", "Trưởng đoàn Đại biểu Quốc hội tỉnh"),
])
def test_missing_committee_or_jurisdiction_is_filled(printed: str, party: str | None,
                                                     jurisdiction: str | None,
                                                     canonical: str) -> None:
    title = _title(printed)
    assert title is not None
    assert complete_title(title, party, jurisdiction) == canonical


@pytest.mark.parametrize("text", [
    "bí thư chi bộ",            # lower-case role words are not a title
    "Ban Thường vụ Tỉnh ủy",    # a body is not a title
    "Hội nghị Tỉnh ủy",
    "",
])
def test_not_a_title(text: str) -> None:
    stream = build_stream(fold_tones(text))
    assert not stream.low or parse_title(stream, 0) is None


def test_bare_role_is_incomplete_without_context() -> None:
    title = _title("Chủ tịch")
    assert title is not None and not title.complete
    assert complete_title(title, None, None) is None


def test_title_offsets_point_into_text() -> None:
    text = "Sáng nay, Phó Chủ tịch UBND tỉnh Lê Văn An dự."
    stream = build_stream(fold_tones(text))
    j = stream.low.index("phó")
    title = parse_title(stream, j)
    assert title is not None
    assert text[title.start:title.end] == "Phó Chủ tịch UBND tỉnh"


@pytest.mark.parametrize("name", ["titles", "title_abbreviations", "honorifics",
                                  "family_names", "non_person_names", "byline_cues"])
def test_vocabulary_has_no_duplicate_keys(name: str) -> None:
    rows = load_table(name)
    first = next(iter(rows[0]))
    keys = [(r[first].lower(), r.get("kind", "")) for r in rows]
    assert len(keys) == len(set(keys)), name
