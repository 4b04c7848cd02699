"""The whole extraction (kg.extract.extract + kg.link.within) on phenomena of issue 3.

Each row is a short report of our own making and one fact the linked report must hold;
the per-extractor tables live beside this file.
"""

from __future__ import annotations

import pytest

from kg.clean import clean
from kg.extract import extract
from kg.link.within import link_report
from kg.model import RawReport, Report


def _report(text: str, **meta: str) -> Report:
    doc = clean(RawReport(id="t", text=text, source="t.txt", **meta))
    return link_report(doc, extract(doc))


def _titles(report: Report) -> dict[str, tuple[str, ...]]:
    return {o.name: o.titles for o in report.officials}


def test_directive_number_with_stray_space() -> None:
    r = _report("Tỉnh ủy ban hành Kế hoạch số 119- KH/TU ngày 5/3/2022 về chuyển đổi số.")
    assert [d.number for d in r.directives] == ["119-KH/TU"]
    assert r.directives[0].doc_type == "Kế hoạch"


def test_first_session_in_words_and_online_bridges() -> None:
    r = _report("Sáng 12/8/2021, HĐND tỉnh Lào Cai khóa XVI tổ chức kỳ họp thứ nhất theo "
                "hình thức trực tiếp kết hợp với các điểm cầu huyện.")
    main = r.meetings[0]
    assert (main.kind, main.ordinal, main.term, main.online) == \
        ("people-council-session", 1, "XVI", True)
    assert main.date == "2021-08-12"


def test_date_with_spaced_dash_and_year_from_publication() -> None:
    r = _report("Chiều 17 – 9, Ban Thường vụ Tỉnh ủy Sóc Trăng họp cho ý kiến về công tác "
                "cán bộ.", published="2022-09-18")
    assert r.meetings[0].date == "2022-09-17"
    assert r.meetings[0].date_stated is False


def test_byline_in_capitals_is_an_author_not_an_official() -> None:
    r = _report("Sáng 3/4/2023, đồng chí Lò Văn Mừng, Phó Bí thư Tỉnh ủy Điện Biên chủ trì "
                "hội nghị.\n\nMINH HẠNH")
    assert "Minh Hạnh" not in _titles(r) and "MINH HẠNH" not in _titles(r)
    assert r.authors and r.authors[0].upper() == "MINH HẠNH"
    assert _titles(r)["Lò Văn Mừng"] == ("Phó Bí thư Tỉnh ủy",)


def test_non_breaking_spaces_inside_names_and_titles() -> None:
    r = _report("Đồng chí\u00a0Hà\u00a0Văn\u00a0Tuệ, Chủ\u00a0tịch UBND tỉnh Tuyên Quang "
                "dự họp.")
    assert _titles(r) == {"Hà Văn Tuệ": ("Chủ tịch Ủy ban nhân dân tỉnh",)}


def test_city_abbreviation_gives_the_province() -> None:
    r = _report("Chiều 6/5/2024, Thường trực Thành ủy TP HCM làm việc với quận 1.")
    assert r.province is not None and r.province.name == "Hồ Chí Minh"


def test_old_tone_marks_match_new_ones() -> None:
    a = _report("Đồng chí Trần Văn Hoà, Chủ tịch Uỷ ban nhân dân tỉnh Gia Lai phát biểu.")
    b = _report("Đồng chí Trần Văn Hòa, Chủ tịch Ủy ban nhân dân tỉnh Gia Lai phát biểu.")
    assert list(_titles(a).values()) == list(_titles(b).values()) == \
        [("Chủ tịch Ủy ban nhân dân tỉnh",)]


@pytest.mark.parametrize("text", [
    "Đồng chí Nguyễn Văn Tâm, nguyên Bí thư Tỉnh ủy, đến dự.",
    "Ông Phạm Quốc Hùng từng giữ chức Chủ tịch UBND tỉnh.",
])
def test_former_posts_are_not_tenures(text: str) -> None:
    r = _report(text)
    assert all(not o.titles for o in r.officials)
