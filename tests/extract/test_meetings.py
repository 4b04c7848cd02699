"""kg/extract/meetings.py: meeting kinds, ordinals, terms, flags, the main meeting, cues."""

from __future__ import annotations

import pytest
from hostile import HOSTILE_STRINGS

from kg.extract.meetings import extract_meetings
from kg.model import CleanDoc, DateValue, MeetingValue, Mention, MentionKind, RoleValue


def _doc(text: str) -> CleanDoc:
    return CleanDoc("t", text, "test")


def _meetings(text: str, earlier: tuple[Mention, ...] = ()) -> list[Mention]:
    return [m for m in extract_meetings(_doc(text), earlier) if m.kind is MentionKind.MEETING]


def _main(text: str) -> MeetingValue:
    mains = [m.value for m in _meetings(text) if m.value.main]  # type: ignore[union-attr]
    assert mains, f"no main meeting in {text!r}"
    return mains[0]  # type: ignore[return-value]


@pytest.mark.parametrize(("text", "kind"), [
    ("Sáng 3/5, Tỉnh ủy Bắc Kạn tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12.",
     "executive-committee"),
    ("Chiều 9/3, diễn ra Hội nghị BCH Đảng bộ tỉnh lần thứ 7.", "executive-committee"),
    ("Ngày 2/2, Hội nghị Thành ủy lần thứ 9 khóa XVII đã khai mạc.", "executive-committee"),
    ("Ngày 8/8, Thành ủy Hải Phòng tổ chức Hội nghị lần thứ 15.", "executive-committee"),
    ("Sáng 6/6, Ban Thường vụ Tỉnh ủy Long An tổ chức hội nghị sơ kết công tác.",
     "standing-committee"),
    ("Hội nghị Ban Thường vụ Thành ủy lần thứ 40 diễn ra sáng nay.", "standing-committee"),
    ("Chiều 4/4, Thường trực Tỉnh ủy tổ chức cuộc họp nghe báo cáo tiến độ dự án.", "other"),
    ("Sáng 10/12, HĐND tỉnh Bình Định khóa XII tổ chức kỳ họp thứ 15.",
     "people-council-session"),
    ("Kỳ họp thứ 8 Hội đồng nhân dân tỉnh khóa X đã bế mạc chiều 14/7.",
     "people-council-session"),
    ("Ngày 5/6, UBND tỉnh họp phiên thường kỳ tháng 5 do Chủ tịch UBND tỉnh chủ trì.",
     "people-committee-session"),
    ("Chiều 20/3, Chủ tịch UBND tỉnh chủ trì phiên họp lần thứ 12 của UBND tỉnh.",
     "people-committee-session"),
    ("Sáng 14/10, Đại hội đại biểu Đảng bộ tỉnh Hà Giang lần thứ XVII khai mạc.", "congress"),
    ("Ngày 1/4, Thành ủy Huế tổ chức hội nghị công bố quyết định về công tác cán bộ.",
     "other"),
    ("Sáng 2/2, Bộ Chính trị tổ chức Hội nghị toàn quốc quán triệt nghị quyết.", "other"),
    # a body that "họp" names a meeting without a head noun
    ("Ngày 5/6, Ban Thường vụ Tỉnh ủy Long An họp cho ý kiến về công tác cán bộ.",
     "standing-committee"),
    ("Sáng 12/5, UBND tỉnh họp trực tuyến với các huyện về phòng chống dịch.",
     "people-committee-session"),
    ("Sáng 8/8, Thường trực HĐND tỉnh họp cho ý kiến về nội dung trình kỳ họp.", "other"),
    ("Ngày 20/7, Ban Chấp hành Đảng bộ tỉnh khóa XVII tổ chức Hội nghị lần thứ 15.",
     "executive-committee"),
])
def test_kind_of_the_main_meeting(text: str, kind: str) -> None:
    assert _main(text).kind == kind


@pytest.mark.parametrize(("text", "ordinal"), [
    ("Sáng 1/7, Tỉnh ủy tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 21.", 21),
    ("Sáng 1/7, Tỉnh ủy tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ XIV.", 14),
    ("Sáng 1/7, HĐND tỉnh tổ chức kỳ họp thứ 10.", 10),
    ("Sáng 1/7, HĐND tỉnh khai mạc Kỳ họp thứ nhất.", 1),
    ("Sáng 1/7, HĐND tỉnh khai mạc kỳ họp thứ hai.", 2),
    ("Sáng 1/7, Tỉnh ủy tổ chức Hội nghị lần thứ năm.", 5),
    ("Sáng 1/7, Tỉnh ủy tổ chức Hội nghị lần thứ tư.", 4),
    ("Sáng 1/7, Đại hội đại biểu Đảng bộ tỉnh Lào Cai lần thứ XVI khai mạc.", 16),
    ("Sáng 1/7, Đại hội Đảng bộ thành phố lần thứ IX khai mạc.", 9),
    ("Sáng 1/7, Tỉnh ủy tổ chức hội nghị sơ kết công tác 6 tháng.", None),
])
def test_ordinal(text: str, ordinal: int | None) -> None:
    assert _main(text).ordinal == ordinal


@pytest.mark.parametrize(("text", "term"), [
    (("Sáng 1/7, Tỉnh ủy tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 3, "
     "nhiệm kỳ 2015 - 2020."), "2015-2020"),
    ("Sáng 1/7, Tỉnh ủy tổ chức Hội nghị Tỉnh ủy lần thứ 6, khóa XIX.", "XIX"),
    ("Sáng 1/7, HĐND tỉnh khóa IX tổ chức kỳ họp thứ 4.", "IX"),
    ("Sáng 1/7, HĐND tỉnh khai mạc kỳ họp thứ 4, HĐND tỉnh khoá X (nhiệm kỳ 2021–2026).",
     "2021-2026"),
    ("Sáng 1/7, Đại hội Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2025-2030 khai mạc.", "2025-2030"),
    ("Sáng 1/7, Tỉnh ủy tổ chức hội nghị triển khai nghị quyết của Trung ương khóa XIII.",
     None),
])
def test_term(text: str, term: str | None) -> None:
    assert _main(text).term == term


@pytest.mark.parametrize(("text", "flags"), [
    (("Sáng 2/3, Tỉnh ủy tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 4 theo "
     "hình thức trực tuyến."), (True, False, False)),
    ("Sáng 2/3, Ban Thường vụ Tỉnh ủy tổ chức hội nghị kết nối trực tuyến đến các huyện.",
     (True, False, False)),
    ("Sáng 2/3, Tỉnh ủy tổ chức Hội nghị Tỉnh ủy lần thứ 8 (mở rộng).", (False, True, False)),
    ("Sáng 2/3, HĐND tỉnh tổ chức kỳ họp bất thường để bầu chức danh.", (False, False, True)),
    ("Sáng 2/3, HĐND tỉnh tổ chức kỳ họp thứ 6.", (False, False, False)),
])
def test_online_extended_extraordinary(text: str, flags: tuple[bool, bool, bool]) -> None:
    value = _main(text)
    assert (value.online, value.extended, value.extraordinary) == flags


@pytest.mark.parametrize(("text", "main_text"), [
    # a congress merely prepared for is not the meeting reported
    (("Sáng 5/5, Ban Thường vụ Tỉnh ủy tổ chức hội nghị chuẩn bị Đại hội Đảng bộ tỉnh "
     "lần thứ XX."), "hội nghị"),
    # the resolution of a central plenum is not the meeting reported
    ("Chiều 9/9, Tỉnh ủy tổ chức hội nghị quán triệt Nghị quyết Hội nghị Trung ương 8.",
     "hội nghị"),
    # the title names the meeting
    ("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 30\n\nCác đại biểu thảo luận sôi nổi.",
     "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 30"),
    # a meeting followed by its date
    ("Đó là chỉ đạo của Bí thư Tỉnh ủy tại cuộc họp chiều 12/5 về thi đua.", "cuộc họp"),
])
def test_main_meeting_is_the_reported_one(text: str, main_text: str) -> None:
    mains = [m.text for m in _meetings(text) if m.value.main]  # type: ignore[union-attr]
    assert mains and mains[0] == main_text


@pytest.mark.parametrize("text", [
    ("Thực hiện Chỉ thị của Bộ Chính trị về Đại hội đảng bộ các cấp tiến tới Đại hội "
    "đại biểu toàn quốc lần thứ XIV của Đảng."),
    "Các địa phương tiếp tục chuẩn bị Đại hội Đảng bộ tỉnh lần thứ XX.",
    "Đã tổ chức thành công 03 điểm đại hội để rút kinh nghiệm.",
    "Tỉnh đã hoàn thành nhiều chỉ tiêu kinh tế trong năm.",
])
def test_no_main_meeting_when_none_is_reported(text: str) -> None:
    assert not any(m.value.main for m in _meetings(text))  # type: ignore[union-attr]


def test_mentions_of_one_meeting_share_the_main_flag() -> None:
    text = ("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 11\n\nSáng 4/4, Tỉnh ủy tổ chức "
            "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 11. Tại hội nghị, các đại biểu "
            "thảo luận. Hội nghị cũng bàn về Đại hội Đảng bộ tỉnh lần thứ XV.")
    flags = [(m.text, m.value.main) for m in _meetings(text)]  # type: ignore[union-attr]
    assert flags == [
        ("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 11", True),
        ("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 11", True),
        ("hội nghị", True),
        ("Hội nghị", True),
        ("Đại hội Đảng bộ tỉnh lần thứ XV", False),
    ]


def test_a_date_after_the_meeting_name_makes_it_main() -> None:
    text = "Ý kiến của Chủ tịch tỉnh tại cuộc họp chiều 28/4 về phòng dịch."
    start = text.index("28/4")
    date = Mention(start, start + 4, MentionKind.DATE, "28/4", DateValue("2021-04-28"),
                   "dates.v1")
    assert [m.value.main for m in _meetings(text, (date,))] == [True]  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "cues"), [
    ("Đồng chí Lê Văn Tám, Bí thư Tỉnh ủy chủ trì hội nghị.", [("chủ trì", "chair")]),
    ("Các đồng chí Vũ An, Hà Bình đồng chủ trì kỳ họp.", [("đồng chủ trì", "chair")]),
    ("Dự và chủ trì Hội nghị có đồng chí Mai Văn Sơn.", [("Dự và chủ trì", "chair")]),
    ("Ông Hồ Văn Lộc chủ tọa kỳ họp.", [("chủ tọa", "chair")]),
    ("Cùng điều hành kỳ họp có bà Lý Thị Mai.", [("Cùng điều hành", "chair")]),
    ("Đồng chí Đinh Văn Hòa điều hành hoạt động của Tỉnh ủy.", []),
    ("Tham dự hội nghị có đồng chí Lưu Văn Hải.", [("Tham dự", "attend")]),
    ("Cùng dự có Phó Chủ tịch UBND tỉnh Trương Thị Lan.", [("Cùng dự", "attend")]),
    ("Đồng chí Tạ Văn Minh phát biểu tại hội nghị.",
     [("phát biểu", "attend"), ("tại", "attend")]),
    ("Hội nghị có sự hiện diện của ông Lâm Văn Tài.", [("sự hiện diện của", "attend")]),
    ("Hội nghị cho ý kiến về dự thảo nghị quyết và dự án luật.", []),
    ("Ủy viên dự khuyết Trung ương Đảng Phan Văn Quý dự hội nghị.", [("dự", "attend")]),
])
def test_role_cues(text: str, cues: list[tuple[str, str]]) -> None:
    found = [(m.text, m.value.role) for m in extract_meetings(_doc(text), ())
             if isinstance(m.value, RoleValue)]
    assert found == cues


def test_tone_mark_spellings_match_alike() -> None:
    assert _main("Sáng 1/7, Ban Thường vụ Tỉnh uỷ tổ chức hội nghị.").kind == \
        "standing-committee"


@pytest.mark.parametrize("text", HOSTILE_STRINGS)
def test_hostile_strings_keep_offsets(text: str) -> None:
    doc = _doc(text)
    for m in extract_meetings(doc, ()):
        assert doc.text[m.start:m.end] == m.text
        assert m.source == "meetings.v1"
