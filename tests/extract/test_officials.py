"""kg/extract/officials.py: names with their titles, in every arrangement the press uses."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hostile import HOSTILE_STRINGS

from kg.extract.bylines import extract_bylines
from kg.extract.officials import extract_officials
from kg.model import CleanDoc, Mention, MentionKind

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"

UBND = "Chủ tịch Ủy ban nhân dân tỉnh"
PCT_UBND = "Phó Chủ tịch Ủy ban nhân dân tỉnh"
HDND = "Chủ tịch Hội đồng nhân dân tỉnh"
PCT_HDND = "Phó Chủ tịch Hội đồng nhân dân tỉnh"
BTTU = "Bí thư Tỉnh ủy"
PBTTU = "Phó Bí thư Tỉnh ủy"
UVTW = "Ủy viên Ban Chấp hành Trung ương Đảng"


def _run(text: str) -> list[Mention]:
    doc = CleanDoc("t", text, "t.txt")
    bylines = extract_bylines(doc, ())
    found = extract_officials(doc, tuple(bylines))
    for m in found:
        assert doc.text[m.start:m.end] == m.text
        assert not any(b.start < m.end and m.start < b.end for b in bylines)
    return found


def _officials(text: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for m in _run(text):
        if m.kind is MentionKind.OFFICIAL:
            out[m.value.name] = out.get(m.value.name, ()) + m.value.titles
    return out


@pytest.mark.parametrize("text, expected", [
    # đồng chí X, T1, T2
    ("Dự họp có đồng chí Phan Văn Khải, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.",
     {"Phan Văn Khải": (PBTTU, UBND)}),
    # các đồng chí: X - T1, T2; Y – T3
    (("Tham dự có các đồng chí: Trần Minh Tâm - Ủy viên BTV Tỉnh ủy, Trưởng ban Dân vận "
     "Tỉnh ủy; Lê Thị Hoa – Chủ tịch Ủy ban MTTQ tỉnh."),
     {"Trần Minh Tâm": ("Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Dân vận Tỉnh ủy"),
      "Lê Thị Hoa": ("Chủ tịch Ủy ban Mặt trận Tổ quốc tỉnh",)}),
    # T1, T2 X
    ("Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Nguyễn Khắc Thận phát biểu.",
     {"Nguyễn Khắc Thận": (UVTW, BTTU, HDND)}),
    # title + place before the name
    ("Bí thư Tỉnh ủy Quảng Bình Hoàng Đăng Quang phát biểu.",
     {"Hoàng Đăng Quang": (BTTU,)}),
    ("Chủ tịch UBND tỉnh Hà Giang Nguyễn Văn Sơn dự.", {"Nguyễn Văn Sơn": (UBND,)}),
    # speaker quote
    ("Phó Chủ tịch UBND tỉnh Võ Trọng Nghĩa: Cần đẩy nhanh tiến độ giải ngân.",
     {"Võ Trọng Nghĩa": (PCT_UBND,)}),
    # one title shared by a list
    ("Các Phó Chủ tịch UBND tỉnh: Đoàn Văn Bình, Hồ Thị Mai và Lương Quốc Hùng cùng dự.",
     {"Đoàn Văn Bình": (PCT_UBND,), "Hồ Thị Mai": (PCT_UBND,),
      "Lương Quốc Hùng": (PCT_UBND,)}),
    ("Các Phó Chủ tịch UBND tỉnh nhiệm kỳ mới gồm ông Tô Văn Hải và bà Cù Thị Liên.",
     {"Tô Văn Hải": (PCT_UBND,), "Cù Thị Liên": (PCT_UBND,)}),
    (("Các đồng chí Ủy viên Trung ương Đảng: Vũ Đức Hà - Bí thư Tỉnh ủy; "
     "Mạc Văn Tư - Phó Bí thư Tỉnh ủy."),
     {"Vũ Đức Hà": (UVTW, BTTU), "Mạc Văn Tư": (UVTW, PBTTU)}),
    # ranks and degrees before names
    ("Đại tá Nguyễn Hữu Phước, Giám đốc Công an tỉnh báo cáo.",
     {"Nguyễn Hữu Phước": ("Giám đốc Công an tỉnh",)}),
    ("Thiếu tướng Trịnh Văn Quyết, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh dự.",
     {"Trịnh Văn Quyết": ("Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh",)}),
    ("TS. Lê Quang Trung, Giám đốc Sở Y tế trình bày.",
     {"Lê Quang Trung": ("Giám đốc Sở Y tế",)}),
    ("PGS.TS Ngô Thị Bích, Phó Giám đốc Sở Giáo dục và Đào tạo cho biết.",
     {"Ngô Thị Bích": ("Phó Giám đốc Sở Giáo dục và Đào tạo",)}),
    ("Giám đốc Công an tỉnh, Đại tá Đinh Văn Nơi kiểm tra.",
     {"Đinh Văn Nơi": ("Giám đốc Công an tỉnh",)}),
    ("đ/c Phạm Quốc Bảo, UVTƯ Đảng, Bí thư Thành ủy Hải Phòng.",
     {"Phạm Quốc Bảo": (UVTW, "Bí thư Thành ủy")}),
    # a bare Party post takes its committee from the titles beside it
    ("Đồng chí Cao Văn Hải - Phó Bí thư Thường trực, Chủ tịch HĐND tỉnh dự.",
     {"Cao Văn Hải": ("Phó Bí thư Thường trực Tỉnh ủy", HDND)}),
    (("Đồng chí Vương Đình Huệ, Phó Bí thư Thành ủy, Chủ tịch HĐND, Trưởng đoàn ĐBQH "
     "thành phố dự."),
     {"Vương Đình Huệ": ("Phó Bí thư Thành ủy", "Chủ tịch Hội đồng nhân dân thành phố",
                         "Trưởng đoàn Đại biểu Quốc hội thành phố")}),
    ("Đồng chí Nguyễn Văn Ba, Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh ủy dự.",
     {"Nguyễn Văn Ba": ("Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tổ chức Tỉnh ủy")}),
    # lower-case "quyền", an aside in brackets
    ("Ông Lê Văn Thành, quyền Chủ tịch UBND tỉnh, ký quyết định.",
     {"Lê Văn Thành": ("Quyền Chủ tịch Ủy ban nhân dân tỉnh",)}),
    ("Ông Hồ Văn Mừng (thứ hai từ trái sang), Phó Chủ tịch UBND tỉnh trao quà.",
     {"Hồ Văn Mừng": (PCT_UBND,)}),
    (("Đồng chí Ngô Văn Cường (Phó Chủ tịch UBND tỉnh) và đồng chí Lý Thị Vân (Giám đốc "
     "Sở Y tế) cùng dự."),
     {"Ngô Văn Cường": (PCT_UBND,), "Lý Thị Vân": ("Giám đốc Sở Y tế",)}),
    ("Ông Lục Văn Tám, Phó Bí thư Tỉnh ủy kiêm Chủ tịch UBND tỉnh, dự họp.",
     {"Lục Văn Tám": (PBTTU, UBND)}),
    # ';' between the titles of one person
    (("Các đồng chí: Đàm Thị Hằng, Ủy viên Ban Thường vụ Tỉnh ủy; Phó Chủ tịch HĐND tỉnh; "
     "Kiều Văn Tú, Trưởng ban Kinh tế - Ngân sách HĐND tỉnh dự."),
     {"Đàm Thị Hằng": ("Ủy viên Ban Thường vụ Tỉnh ủy", PCT_HDND),
      "Kiều Văn Tú": ("Trưởng ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh",)}),
    # posts given by a verb: giữ chức, lần lượt
    ("Bà Nguyễn Thị Hà được bầu giữ chức Phó Chủ tịch UBND tỉnh nhiệm kỳ 2021-2026.",
     {"Nguyễn Thị Hà": (PCT_UBND,)}),
    (("Ông Nguyễn Văn Phúc và bà Lê Thị Thanh lần lượt giữ chức Chủ tịch HĐND và "
     "Chủ tịch UBND tỉnh."),
     {"Nguyễn Văn Phúc": (HDND,), "Lê Thị Thanh": (UBND,)}),
    (("Ông Bạch Văn Lộc và ông Phí Văn Nam được chỉ định giữ chức Bí thư và Phó Bí thư "
     "Tỉnh ủy."), {"Bạch Văn Lộc": (BTTU,), "Phí Văn Nam": (PBTTU,)}),
    # titles ending the sentence; Uỷ/Ủy; T.Ư
    ("Hội nghị do đồng chí Trần Văn Nam, Uỷ viên Trung ương Đảng, Bí thư Tỉnh uỷ.",
     {"Trần Văn Nam": (UVTW, BTTU)}),
    ("Đồng chí Kha Văn Lợi, UVT.Ư Đảng, Bí thư Tỉnh ủy dự.", {"Kha Văn Lợi": (UVTW, BTTU)}),
    # national posts
    ("Thủ tướng Phạm Văn Hòa chỉ đạo; Phó Thủ tướng Lê Văn Thành dự.",
     {"Phạm Văn Hòa": ("Thủ tướng Chính phủ",), "Lê Văn Thành": ("Phó Thủ tướng",)}),
    ("Tổng Bí thư, Chủ tịch nước Tô Văn Lâm làm việc với tỉnh.",
     {"Tô Văn Lâm": ("Tổng Bí thư", "Chủ tịch nước")}),
    ("Bộ trưởng Bộ Tài chính Hồ Đức Phúc làm việc với tỉnh.",
     {"Hồ Đức Phúc": ("Bộ trưởng Bộ Tài chính",)}),
    # the 2025 bodies, districts
    ("Đồng chí Nguyễn Thanh Tùng, Bí thư Đảng ủy UBND tỉnh phát biểu.",
     {"Nguyễn Thanh Tùng": ("Bí thư Đảng ủy Ủy ban nhân dân tỉnh",)}),
    ("Bí thư Huyện ủy Cẩm Xuyên Trần Văn Sơn và Chủ tịch UBND huyện Nguyễn Văn Dũng dự.",
     {"Trần Văn Sơn": ("Bí thư Huyện ủy",),
      "Nguyễn Văn Dũng": ("Chủ tịch Ủy ban nhân dân huyện",)}),
    # mass organisations
    (("Ông Lê Văn Hưởng, Chủ tịch Hội LHPN tỉnh và bà Trần Thị Thu, Chủ tịch Hội Nông dân "
     "tỉnh cùng dự."),
     {"Lê Văn Hưởng": ("Chủ tịch Hội Liên hiệp Phụ nữ tỉnh",),
      "Trần Thị Thu": ("Chủ tịch Hội Nông dân tỉnh",)}),
])
def test_arrangements(text: str, expected: dict[str, tuple[str, ...]]) -> None:
    assert _officials(text) == expected


@pytest.mark.parametrize("text, expected", [
    # one-letter given name, four and five syllables, ethnic-minority names
    ("Bà Nguyễn Thị Nữ Y, Phó Chủ tịch Thường trực HĐND tỉnh phát biểu.",
     {"Nguyễn Thị Nữ Y": ("Phó Chủ tịch Thường trực Hội đồng nhân dân tỉnh",)}),
    ("Đồng chí Lương Nguyễn Minh Quân, Phó Bí thư Tỉnh ủy dự.",
     {"Lương Nguyễn Minh Quân": (PBTTU,)}),
    ("Ông Y Biêr Niê, Phó Chủ tịch HĐND tỉnh chủ trì.", {"Y Biêr Niê": (PCT_HDND,)}),
    ("Tham dự có đồng chí Điểu K'Ré, Phó Chủ tịch HĐND tỉnh.", {"Điểu K'Ré": (PCT_HDND,)}),
    (("Đồng chí Rơ Châm Long, Phó Chủ tịch UBND tỉnh và đồng chí A Pớt, Phó Chủ tịch HĐND "
     "tỉnh."), {"Rơ Châm Long": (PCT_UBND,), "A Pớt": (PCT_HDND,)}),
    ("Đồng chí Giàng A Tông, Phó Chủ tịch UBND huyện Mù Cang Chải.",
     {"Giàng A Tông": ("Phó Chủ tịch Ủy ban nhân dân huyện",)}),
    # family names that are also words or places
    ("Đồng chí Hà Văn Tuấn, Tỉnh ủy viên, Giám đốc Sở Nội vụ.",
     {"Hà Văn Tuấn": ("Tỉnh ủy viên", "Giám đốc Sở Nội vụ")}),
    ("Đồng chí Lâm Văn Mẫn, Bí thư Tỉnh ủy Sóc Trăng.", {"Lâm Văn Mẫn": (BTTU,)}),
    ("Tổng Bí thư Tô Lâm dự.", {"Tô Lâm": ("Tổng Bí thư",)}),
    ("Ông Mai Tiến dự lễ.", {"Mai Tiến": ()}),
    # names in capitals: title-cased value
    (("PHÓ CHỦ TỊCH UBND TỈNH ĐINH VĂN TOÀN KIỂM TRA CÔNG TRÌNH\n"
     "Sáng 3/4, Phó Chủ tịch UBND tỉnh Đinh Văn Toàn đã kiểm tra."),
     {"Đinh Văn Toàn": (PCT_UBND, PCT_UBND)}),
])
def test_hard_names(text: str, expected: dict[str, tuple[str, ...]]) -> None:
    assert _officials(text) == expected


@pytest.mark.parametrize("text", [
    "Đoàn công tác đã làm việc tại tỉnh Lâm Đồng và tỉnh Cao Bằng, thăm Hà Tĩnh.",
    "Lâm Đồng: hội nghị tổng kết năm. Thái Bình đạt kết quả tốt.",
    "Học tập tư tưởng Hồ Chí Minh. Đường Lê Văn Hưu được mở rộng, trường Trần Văn Ơn.",
    "Quang cảnh hội nghị (Ảnh: Nguyễn Văn Tuấn)",
    "Ủy ban nhân dân tỉnh Hà Nam tổ chức hội nghị.",
    "Thành phố Hải Phòng và Hà Nội ký kết hợp tác.",
    "Sáng nay tại Hà Nội, Bí thư Thành ủy chủ trì hội nghị.",
])
def test_never_an_official(text: str) -> None:
    assert [m for m in _run(text) if m.kind is MentionKind.OFFICIAL] == []


def test_byline_is_not_an_official() -> None:
    body = "Hội nghị đã thảo luận và thống nhất cao về các nội dung trình tại kỳ họp này.\n"
    text = "Đồng chí Lê Văn An, Bí thư Tỉnh ủy chủ trì.\n" + body * 3 + "Nguyễn Văn Tuấn"
    assert _officials(text) == {"Lê Văn An": (BTTU,)}


@pytest.mark.parametrize("text, name, past, current", [
    (("Hội nghị do đồng chí Nguyễn Văn Đông, nguyên Bí thư Tỉnh ủy, nguyên Chủ tịch UBND "
     "tỉnh chủ trì."), "Nguyễn Văn Đông", (BTTU, UBND), ()),
    ("Ông Nguyễn Hải Nam từng giữ chức Chủ tịch UBND tỉnh Phú Yên.",
     "Nguyễn Hải Nam", (UBND,), ()),
    (("Dự có đồng chí Hồ Văn Niên - nguyên Ủy viên Bộ Chính trị; đồng chí Lại Văn Khiêm, "
     "Phó Bí thư Tỉnh ủy."), "Lại Văn Khiêm", (), (PBTTU,)),
])
def test_past_posts(text: str, name: str, past: tuple[str, ...],
                    current: tuple[str, ...]) -> None:
    found = [m.value for m in _run(text)
             if m.kind is MentionKind.OFFICIAL and m.value.name == name]
    assert len(found) == 1
    assert found[0].past_titles == past
    assert found[0].titles == current


@pytest.mark.parametrize("text, title", [
    ("Phát biểu kết luận, đồng chí Bí thư Tỉnh ủy nhấn mạnh yêu cầu.", BTTU),
    ("Chủ tịch UBND tỉnh yêu cầu các sở khẩn trương triển khai.", UBND),
    ("Theo Phó Chủ tịch HĐND tỉnh, kỳ họp thành công.", PCT_HDND),
])
def test_bare_title_refers_back(text: str, title: str) -> None:
    found = _run(text)
    assert [(m.kind, m.value.title) for m in found] == [(MentionKind.TITLE, title)]


@pytest.mark.parametrize("text", [
    "Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy dự hội nghị.",
    "Chủ tịch UBND các huyện, thị xã báo cáo.",
    "Phòng họp của Văn phòng Chủ tịch nước.",
])
def test_plural_or_body_titles_are_not_title_mentions(text: str) -> None:
    assert _run(text) == []


def test_province_of_a_title_naming_a_province() -> None:
    found = _run("Bí thư Tỉnh ủy Hà Tĩnh Lê Văn An dự họp.")
    assert [m.value.province for m in found] == ["Hà Tĩnh"]


def test_name_span_and_printed_capitals() -> None:
    text = "ĐỒNG CHÍ NGUYỄN VĂN AN, BÍ THƯ TỈNH ỦY"
    (m,) = _run(text)
    assert m.text == "NGUYỄN VĂN AN"
    assert m.value.name == "Nguyễn Văn An"
    assert m.value.titles == (BTTU,)


def test_nfd_input_keeps_offsets() -> None:
    text = unicodedata.normalize("NFD", "Đồng chí Trần Thị Thủy, Phó Chủ tịch UBND tỉnh dự.")
    (m,) = _run(text)
    assert m.value.name == "Trần Thị Thủy"
    assert unicodedata.normalize("NFC", m.text) == "Trần Thị Thủy"
    assert m.value.titles == (PCT_UBND,)


@pytest.mark.parametrize("text", HOSTILE_STRINGS)
def test_hostile_strings(text: str) -> None:
    doc = CleanDoc("t", text, "t.txt")
    for m in extract_officials(doc, extract_bylines(doc, ())):
        assert 0 <= m.start <= m.end <= len(text)
        assert doc.text[m.start:m.end] == m.text


def _gold_files() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip(f"no development corpus at {CORPUS}")
    return sorted(CORPUS.glob("*.gold.json"))


def test_every_mention_points_into_the_corpus_text() -> None:
    for gold in _gold_files():
        text = gold.with_name(gold.name.replace(".gold.json", ".txt")).read_text("utf-8")
        doc = CleanDoc(gold.stem, unicodedata.normalize("NFC", text), gold.name)
        for m in extract_officials(doc, extract_bylines(doc, ())):
            assert doc.text[m.start:m.end] == m.text, (gold.name, m)


def test_corpus_officials_f1() -> None:
    found = expected = hit = 0
    for gold in _gold_files():
        text = gold.with_name(gold.name.replace(".gold.json", ".txt")).read_text("utf-8")
        doc = CleanDoc(gold.stem, unicodedata.normalize("NFC", text), gold.name)
        names = {m.value.name for m in extract_officials(doc, extract_bylines(doc, ()))
                 if m.kind is MentionKind.OFFICIAL and not m.value.past_titles}
        truth = {o["name"] for o in json.loads(gold.read_text("utf-8"))["officials"]}
        found, expected, hit = found + len(names), expected + len(truth), hit + len(names & truth)
    precision, recall = hit / max(found, 1), hit / max(expected, 1)
    assert 2 * precision * recall / max(precision + recall, 1e-9) >= 0.95
