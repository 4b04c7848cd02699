"""kg/extract/dates.py: printed dates, page headers, URL dates and year inference."""

from __future__ import annotations

import pytest
from hostile import HOSTILE_STRINGS as _SHARED

from kg.extract.dates import (
    extract_dates,
    infer_year,
    published_date,
    published_from_url,
)
from kg.model import CleanDoc, DateValue, MentionKind

# the shared hostile strings plus some that only this extractor's grammar meets
HOSTILE_STRINGS = _SHARED + (
    "", " ", "\n\n\n", "\u00a0\u00a0", "Uỷ ban nhân dân tỉnh hoà bình", "<p>ngày</p>",
    "&nbsp;ngày 5/5", "ngày", "ngày 99/99/9999", "31/2/2021", "0/0", "1/1/1", "//--//",
    "Sáng ngày", "tháng 13/2020", "ngày 0 tháng 0 năm 0000", "\ufeffNgày 1/1/2020",
    "🙂 ngày 2/2", "Chiều 30/2,", "x" * 5000, "1/" * 2000, "ngày " * 1000,
)


def _doc(text: str, published: str | None = None, url: str | None = None) -> CleanDoc:
    return CleanDoc("t", text, "test", url=url, published=published)


def _dates(text: str, published: str | None = None,
           url: str | None = None) -> list[tuple[str, str, bool, str]]:
    found = []
    for m in extract_dates(_doc(text, published, url), ()):
        assert isinstance(m.value, DateValue)
        found.append((m.text, m.value.iso, m.value.stated, m.value.role))
    return found


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Sáng ngày 15/3/2019, Tỉnh ủy Quảng Trị tổ chức hội nghị.", None,
     [("15/3/2019", "2019-03-15", True, "text")]),
    ("Hội nghị diễn ra ngày 7-11-2018 tại Vinh.", None,
     [("7-11-2018", "2018-11-07", True, "text")]),
    ("Kết luận được ban hành ngày 4.9.2016.", None,
     [("4.9.2016", "2016-09-04", True, "text")]),
    ("Văn bản ký ngày 14 tháng 9 năm 2017 tại Huế.", None,
     [("14 tháng 9 năm 2017", "2017-09-14", True, "text")]),
    ("Trong tháng 8/2021, tỉnh đã tiêm được nhiều vắc xin.", None,
     [("tháng 8/2021", "2021-08", True, "text")]),
    ("Chiều 12/5, Ban Thường vụ Tỉnh ủy họp.", "2021-05-14",
     [("12/5", "2021-05-12", False, "text")]),
    ("Ngày 3-11, UBND tỉnh họp phiên thường kỳ.", "2018-11-05",
     [("3-11", "2018-11-03", False, "text")]),
    ("Ngày 21 – 8, HĐND tỉnh khai mạc kỳ họp.", "2022-08-22",
     [("21 – 8", "2022-08-21", False, "text")]),
    ("Sáng nay, ngày 6/4, Đại hội khai mạc.", "2020-04-06",
     [("6/4", "2020-04-06", False, "text")]),
    ("Báo cáo cho biết, ngày 29/12 tỉnh đã tổng kết.", "2022-01-04",
     [("29/12", "2021-12-29", False, "text")]),
    ("Ngày 29/12 tỉnh tổng kết năm.", "2022-01",
     [("29/12", "2021-12-29", False, "text")]),
    ("24/6, đoàn công tác làm việc tại huyện Lộc Hà.", "2019-06-25",
     [("24/6", "2019-06-24", False, "text")]),
    ("Tối 9/2, đoàn đến Cà Mau.", None, [("9/2", "--02-09", False, "text")]),
    ("Hôm qua (28/4), tỉnh họp.", "2020-04-29", [("28/4", "2020-04-28", False, "text")]),
    ("Hội nghị Tỉnh ủy 13/12/2021Ngày 13/12, Tỉnh ủy họp.", None,
     [("13/12/2021", "2021-12-13", True, "text"), ("13/12", "2021-12-13", False, "text")]),
])
def test_printed_dates(text: str, published: str | None,
                       expected: list[tuple[str, str, bool, str]]) -> None:
    assert _dates(text, published) == expected


@pytest.mark.parametrize("text", [
    "Nghị định số 41/2020/NĐ-CP về gia hạn nộp thuế.",
    "Quyết định số 12/2019/QĐ-UBND của tỉnh.",
    "Tỉnh đạt 6/10 chỉ tiêu, tăng 2,5% so với cùng kỳ.",
    "Giai đoạn 2021-2025 có nhiều thách thức.",
    "Trong 6 tháng đầu năm, kinh tế tăng trưởng.",
    "Tỷ lệ 3/4 số xã đạt chuẩn nông thôn mới.",
    "Sáng 7-8 giờ, các đại biểu có mặt.",
    "Tỉnh có 15-20 dự án trọng điểm.",
    "Đội nhà thắng với tỷ số 2-1.",
    "Ngày 31/2, hội nghị diễn ra.",
    "Bộ luật năm 2015 được sửa đổi.",
])
def test_things_that_are_not_dates(text: str) -> None:
    assert _dates(text) == []


def test_year_from_the_nearest_full_date_is_the_closest_in_time() -> None:
    text = "Sáng 5/1, Tỉnh ủy họp. Tính đến ngày 20/12/2020, toàn tỉnh có 900 đảng viên mới."
    assert _dates(text)[0] == ("5/1", "2021-01-05", False, "text")


def test_issue_dates_of_documents_do_not_give_the_year() -> None:
    text = "Ngày 6/8, Ban Thường vụ thực hiện Kết luận số 12-KL/TW ngày 18/8/2014 của Ban Bí thư."
    assert _dates(text)[0] == ("6/8", "--08-06", False, "text")


def test_year_from_year_words_only_when_they_agree() -> None:
    assert _dates("Chiều 7/6, tỉnh bàn kế hoạch năm 2024.")[0][1] == "2024-06-07"
    assert _dates("Chiều 7/12, tỉnh tổng kết năm 2023, bàn kế hoạch năm 2024.")[0][1] == "--12-07"


@pytest.mark.parametrize(("text", "expected"), [
    ("Thứ tư, 12/8/2020\nTin tức", [("Thứ tư, 12/8/2020", "2020-08-12", True, "published")]),
    ("[ Cập nhật vào ngày (03/02/2019) ] - [ Số lần xem: 12 ]",
     [("Cập nhật vào ngày (03/02/2019)", "2019-02-03", True, "published")]),
    ("Cập nhật: 08:15 14/05/2021\nBài viết", [("Cập nhật: 08:15 14/05/2021", "2021-05-14", True,
                                                "published")]),
    ("Cập nhật lúc: 07:30, 02/09/2018\nBài", [("Cập nhật lúc: 07:30, 02/09/2018", "2018-09-02",
                                               True, "published")]),
    ("Chính trị\n17/06/2020 09:45\nHội nghị", [("17/06/2020 09:45", "2020-06-17", True,
                                                 "published")]),
    ("Thứ Hai, 05/07/2021 - 10:15\nBài", [("Thứ Hai, 05/07/2021 - 10:15", "2021-07-05", True,
                                          "published")]),
    ("10:15 | 05/07/2021\nTin", [("10:15 | 05/07/2021", "2021-07-05", True, "published")]),
    ("Ngày 05/07/2021 10:15\nHội nghị", [("Ngày 05/07/2021 10:15", "2021-07-05", True,
                                         "published")]),
    (" date 2023-04 Hội nghị tỉnh", [("date 2023-04", "2023-04", True, "published")]),
    ("Chủ nhật, 20/3/2022\nTrang chủ\nThứ Ba, 8/6/2021 10:12\nChiều 7/6, Tỉnh ủy họp.",
     [("Chủ nhật, 20/3/2022", "2022-03-20", True, "page"),
      ("Thứ Ba, 8/6/2021 10:12", "2021-06-08", True, "published"),
      ("7/6", "2021-06-07", False, "text")]),
])
def test_page_headers(text: str, expected: list[tuple[str, str, bool, str]]) -> None:
    assert _dates(text) == expected


def test_a_weekday_date_inside_a_long_sentence_is_not_a_header() -> None:
    text = ("Đến dự hội nghị có nhiều đồng chí lãnh đạo tỉnh, sáng thứ Hai, 5/7/2021, "
            "các đại biểu đã thảo luận sôi nổi về nhiều nội dung quan trọng của tỉnh.")
    assert [role for *_rest, role in _dates(text)] == ["text"]


@pytest.mark.parametrize(("url", "expected"), [
    ("https://baodongnai.com.vn/video/202107/dong-nai-gian-cach-3068046/", "2021-07"),
    ("https://example.vn/2021/07/19/hoi-nghi-tinh-uy.html", "2021-07-19"),
    ("https://example.vn/2019/11/bau-cu/", "2019-11"),
    ("https://nld.com.vn/thoi-su/hoi-nghi-tinh-uy-20191209141518934.htm", "2019-12-09"),
    ("https://example.vn/tin-tuc/hdnd-khai-mac-20210719.html", "2021-07-19"),
    ("https://example.vn/channel/2022/201610/be-mac-hoi-nghi-2742634/", "2016-10"),
    ("https://example.vn/post1060346.vnp", None),
    ("https://example.vn/tag/Ph%C3%BA-Y%C3%AAn-34.epi", None),
    ("https://example.vn/tin-10307512.html", None),
    ("https://example.vn/a-20191399.html", None),
    (None, None),
])
def test_published_from_url(url: str | None, expected: str | None) -> None:
    assert published_from_url(url) == expected


@pytest.mark.parametrize(("day", "month", "reference", "expected"), [
    (28, 12, "2022-01-03", 2021),
    (3, 1, "2022-01-03", 2022),
    (4, 1, "2022-01-03", 2021),
    (15, 7, "2021-07", 2021),
    (15, 8, "2021-07", 2020),
    (1, 12, "2019", 2019),
])
def test_infer_year(day: int, month: int, reference: str, expected: int) -> None:
    assert infer_year(day, month, reference) == expected


def test_published_date_prefers_the_input_then_the_header_then_the_url() -> None:
    header = "Cập nhật: 08:15 14/05/2021\nChiều 12/5, Tỉnh ủy họp."
    doc = _doc(header, published="2021-05-15")
    assert published_date(doc, extract_dates(doc, ())) == "2021-05-15"
    doc = _doc(header, url="https://example.vn/2020/01/02/a.html")
    assert published_date(doc, extract_dates(doc, ())) == "2021-05-14"
    doc = _doc(" date 2019-12 Sáng 9-12, HĐND tỉnh khai mạc.",
               url="https://example.vn/hdnd-khai-mac-20191209141518934.htm")
    mentions = extract_dates(doc, ())
    assert published_date(doc, mentions) == "2019-12-09"
    assert mentions[-1].value == DateValue("2019-12-09", False, "text")
    doc = _doc("Ngày 4-12, Tỉnh ủy họp.", url="https://example.vn/2020/12/05/a.html")
    assert published_date(doc, extract_dates(doc, ())) == "2020-12-05"
    doc = _doc("Ngày 4-12, Tỉnh ủy họp.")
    assert published_date(doc, extract_dates(doc, ())) is None


@pytest.mark.parametrize("text", [
    "Sáng 30/6, Uỷ ban nhân dân tỉnh Hoà Bình họp.",
    "Chiều\u00a028/4,\u00a0Tỉnh uỷ họp. Ngày 1/7/2020 và ngày 2 tháng 7 năm 2020.",
    *HOSTILE_STRINGS,
])
def test_spans_point_into_the_text(text: str) -> None:
    for m in extract_dates(_doc(text), ()):
        assert text[m.start:m.end] == m.text
        assert m.kind is MentionKind.DATE and m.source == "dates.v1"
        assert isinstance(m.value, DateValue)
