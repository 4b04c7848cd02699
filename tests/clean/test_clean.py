"""Tests for kg/clean: furniture, glued text, repeats, characters, and the raw offsets."""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import pytest
from hostile import HOSTILE_STRINGS

from kg.clean import clean
from kg.clean.furniture import furniture_action
from kg.data import load_table
from kg.model import CleanDoc, RawReport

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad\u180e]")
_WHITESPACE = re.compile(r"[\s\x00-\x1f\x7f]+")

BODY = ("Sáng 12/5, Ban Thường vụ Tỉnh ủy họp cho ý kiến về công tác cán bộ. "
        "Đồng chí Võ Thành Nhân, Bí thư Tỉnh ủy chủ trì hội nghị.")
LONG_BODY = "\n\n".join([BODY, BODY.replace("12/5", "13/5"), BODY.replace("12/5", "14/5")])


def _clean(text: str) -> CleanDoc:
    return clean(RawReport(id="r1", text=text, source="r1.txt"))


def _check_offsets(raw: str, doc: CleanDoc) -> None:
    offsets = doc.raw_offsets
    assert len(offsets) == len(doc.text) + 1
    assert list(offsets) == sorted(offsets), "offsets must not go backwards"
    assert all(0 <= o <= len(raw) for o in offsets)
    for i, char in enumerate(doc.text):
        if not char.isspace() and raw[offsets[i]:offsets[i] + 1] not in ("&", "<"):
            assert char in unicodedata.normalize("NFC", raw[offsets[i]:offsets[i] + 8]), i


def _check_spans(raw: str, doc: CleanDoc, seed: int = 7, count: int = 200) -> None:
    """Random spans inside one clean line read the same in the raw text, spaces aside.

    Spans that start or end inside a cluster NFC composed ("a" + U+0301 -> "á") are
    skipped: those characters share one raw offset.
    """
    rng = random.Random(seed)
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", doc.text)]
    if not lines:
        return
    for _ in range(count):
        start, end = rng.choice(lines)
        s = rng.randint(start, end)
        e = rng.randint(s, end)
        offsets = doc.raw_offsets
        if (0 < s and offsets[s] == offsets[s - 1]) or (0 < e and offsets[e] == offsets[e - 1]):
            continue            # inside a composed cluster: no raw boundary there
        raw_span = raw[doc.raw_offsets[s]:doc.raw_offsets[e]]
        if "<" in raw_span or "&" in raw_span:
            continue            # markup: tags dropped, entities decoded
        raw_span = unicodedata.normalize("NFC", _ZERO_WIDTH.sub("", raw_span))
        assert _WHITESPACE.sub("", raw_span) == _WHITESPACE.sub("", doc.text[s:e]), (s, e)


# ---- furniture -------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    # image file names and slugs left by stripped <img> tags
    (f"{BODY}\n\n01.7.2020 a.png\nQuang cảnh hội nghị", f"{BODY}\n\nQuang cảnh hội nghị"),
    (f"IMG_1234.jpg\n{BODY}", BODY),
    (f"{BODY}\nanh-tin-bai\nimage banner\nHọ tên no image", BODY),
    # template debris
    (f"{BODY}\n {{name}} - {{time}}\n{{body}}\n{{name}}- {{time}}", BODY),
    (f"{{{{tieu_de}}}}\n{BODY}", BODY),
    # share, print, close and font-size buttons
    (f"Xem với cỡ chữ\n{BODY}\nHãy chia sẻ với bạn bè!\nTắt [X]\nIn bài viết", BODY),
    (f"{BODY}\nFacebook Zalo", BODY),
    # menus, breadcrumbs, counters, footer lines
    (f"Chính trị\n{BODY}", BODY),
    (f"Trang chủ > Thời sự\n{BODY}\nLượt xem: 1.234", BODY),
    (f"Hotline: 0236.3822.999\n{BODY}\n© 2021 Báo Tỉnh Mẫu", BODY),
    (f"{BODY}\n.\n***", BODY),
    # header dates stay (the dates extractor reads them)
    (f"[ Cập nhật vào ngày (12/05/2021) ] - [ Số lần xem: 321 ]\n{BODY}",
     f"[ Cập nhật vào ngày (12/05/2021) ] - [ Số lần xem: 321 ]\n{BODY}"),
    (f"Thứ hai, 25/10/2021\n\n{BODY}", f"Thứ hai, 25/10/2021\n\n{BODY}"),
    # a comment box or related-stories list near the end cuts the rest
    (f"{LONG_BODY}\nMinh Châu\nÝ kiến bạn đọc\nĐồng chí Lê Văn Ất rất đúng.",
     f"{LONG_BODY}\nMinh Châu"),
    (f"{LONG_BODY}\nCác tin đã đưa\nKhai mạc kỳ họp thứ 7 HĐND tỉnh",
     LONG_BODY),
    (f"{LONG_BODY}\n0 bình luận\nÝ kiến của bạn sẽ được biên tập trước khi đăng.",
     LONG_BODY),
    # ... but near the start it only drops itself
    (f"Tin liên quan\n{LONG_BODY}", LONG_BODY),
])
def test_furniture_is_dropped(raw: str, expected: str) -> None:
    doc = _clean(raw)
    assert doc.text == expected
    _check_offsets(raw, doc)


@pytest.mark.parametrize("line, action", [
    ("01.7.2020 a.png", "drop"),
    ("IMG_1234.JPG", "drop"),
    ("{name} - {time}", "drop"),
    ("Trả lời", "drop"),
    ("Các ý kiến của bạn đọc", "tail"),
    ("CÁC BÀI VIẾT KHÁC:", "tail"),
    ("Xem thêm Thành phố Cao Bằng", "drop"),
    ("Số lần xem: 626", "drop"),
    ("Thứ hai, 25/10/2021", None),
    ("Cập nhật lúc: 19:58, 07/10/2016 [GMT+7]", None),
    ("Thực hiện: Minh Châu - Văn Nam", None),
    ("Quang cảnh hội nghị", None),
    ("Đồng chí Võ Thành Nhân phát biểu chỉ đạo tại hội nghị.", None),
    ("Bình luận", "tail"),
    ("Nghị quyết số 04-NQ/TW", None),
    ("x" * 300 + ".png", None),
])
def test_furniture_action(line: str, action: str | None) -> None:
    assert furniture_action(line) == action


def test_furniture_table_is_well_formed() -> None:
    rows = load_table("furniture")
    assert rows
    for row in rows:
        assert row["action"] in ("drop", "tail")
        assert row["kind"] and row["note"]
        re.compile(row["pattern"])


# ---- glued text, repeats, characters ---------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("Hội nghị bế mạc tại tỉnh.Các đồng chí lãnh đạo dự.",
     "Hội nghị bế mạc tại tỉnh. Các đồng chí lãnh đạo dự."),
    ("Hội nghị thành công!Đồng chí Bí thư cảm ơn.",
     "Hội nghị thành công! Đồng chí Bí thư cảm ơn."),
    (f"{BODY}\nMinh ChâuCác ý kiến của bạn đọc", f"{BODY}\nMinh Châu"),
    ("Phóng viên Văn NamTheo báo cáo của tỉnh", "Phóng viên Văn Nam\nTheo báo cáo của tỉnh"),
    ("Bài đăng trên VnExpress và YouTube.", "Bài đăng trên VnExpress và YouTube."),
    ("TP.HCM, KT-XH tăng 6,72%; ngày 3.12.2015; ThS. Lê Văn Tâm",
     "TP.HCM, KT-XH tăng 6,72%; ngày 3.12.2015; ThS. Lê Văn Tâm"),
    ("Kết quả: 12/15 chỉ tiêu đạt.Nhiệm vụ năm tới", "Kết quả: 12/15 chỉ tiêu đạt. Nhiệm vụ năm tới"),
])
def test_glued_text_is_split(raw: str, expected: str) -> None:
    doc = _clean(raw)
    assert doc.text == expected
    _check_offsets(raw, doc)


@pytest.mark.parametrize("raw, expected", [
    (f"{BODY}\n{BODY}\n{BODY}", BODY),
    (f"Hội nghị Tỉnh ủy lần thứ 5\n\n{BODY}\n\nHội nghị Tỉnh ủy lần thứ 5",
     f"Hội nghị Tỉnh ủy lần thứ 5\n\n{BODY}"),
    (f"Hội nghị Tỉnh ủy lần thứ 5\n\n{BODY}\n\nHỘI NGHỊ TỈNH ỦY LẦN THỨ 5.",
     f"Hội nghị Tỉnh ủy lần thứ 5\n\n{BODY}"),
    (f"Đồng chí Võ Thành Nhân phát biểu\n{BODY}\nĐồng chí Võ Thành Nhân phát biểu (Ảnh: Văn Nam)",
     f"Đồng chí Võ Thành Nhân phát biểu\n{BODY}"),
])
def test_repeats_keep_the_first(raw: str, expected: str) -> None:
    doc = _clean(raw)
    assert doc.text == expected
    _check_offsets(raw, doc)


@pytest.mark.parametrize("raw, expected", [
    ("Tỉnh\u00a0ủy\r\nHội\u200b nghị", "Tỉnh ủy\nHội nghị"),
    ("Ban  Thường \t vụ\u2003Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"),
    ("   Hội nghị   \n\n\n\n  Tỉnh ủy  ", "Hội nghị\n\nTỉnh ủy"),
    ("Đồng\u00adchí\ufeff An", "Đồngchí An"),
    ("Dòng một\rDòng hai\u2028Dòng ba", "Dòng một\nDòng hai\nDòng ba"),
    ("Tỉnh\x00ủy\x07họp", "Tỉnh ủy họp"),
])
def test_characters_are_normalised(raw: str, expected: str) -> None:
    doc = _clean(raw)
    assert doc.text == expected
    _check_offsets(raw, doc)


@pytest.mark.parametrize("raw, expected", [
    ("<p>Đồng chí <b>Trần Thị Bình</b>, Chủ tịch UBND tỉnh</p><p>dự hội nghị.</p>",
     "Đồng chí Trần Thị Bình, Chủ tịch UBND tỉnh\n\ndự hội nghị."),
    ("Tỉnh&nbsp;ủy&amp;HĐND &#7911;y ban", "Tỉnh ủy&HĐND ủy ban"),
    ("Hội nghị<script>var a = 1 < 2;</script> Tỉnh ủy<!-- quảng cáo -->.", "Hội nghị Tỉnh ủy."),
    ("Chỉ số 3 < 5 và 7 > 6 & tăng", "Chỉ số 3 < 5 và 7 > 6 & tăng"),
])
def test_html_remnants_are_stripped(raw: str, expected: str) -> None:
    doc = _clean(raw)
    assert doc.text == expected
    _check_offsets(raw, doc)
    start = doc.text.find("Tỉnh")
    if start >= 0 and raw.find("Tỉnh") >= 0:
        assert doc.raw_offsets[start] == raw.find("Tỉnh")


def test_nfd_input_gives_nfc_output() -> None:
    raw = unicodedata.normalize("NFD", BODY + "\n\nNguyễn Thị Hường, Phó Chủ tịch Ủy ban")
    doc = _clean(raw)
    assert doc.text == unicodedata.normalize("NFC", raw)
    assert unicodedata.is_normalized("NFC", doc.text)
    _check_offsets(raw, doc)
    _check_spans(raw, doc)


def test_windows_1258_style_tone_marks_are_composed() -> None:
    raw = "Ti\u0309nh u\u0309y, Nguy\u00ea\u0303n, th\u01b0\u01a1\u0300ng vu\u0323"
    assert _clean(raw).text == "Tỉnh ủy, Nguyễn, thường vụ"


def test_metadata_is_kept() -> None:
    raw = RawReport(id="hn-9", text=BODY, source="a/hn-9.html", url="https://tinh.example.vn/9",
                    title="Hội nghị lần thứ 9", published="2022-03-15", format="html")
    doc = clean(raw)
    assert (doc.id, doc.source, doc.url, doc.title, doc.published) == (
        "hn-9", "a/hn-9.html", "https://tinh.example.vn/9", "Hội nghị lần thứ 9", "2022-03-15")


# ---- offsets ---------------------------------------------------------------------------

def test_offsets_of_a_plain_text_are_the_identity() -> None:
    doc = _clean(BODY)
    assert doc.raw_offsets == tuple(range(len(BODY) + 1))


def test_offsets_map_across_dropped_lines() -> None:
    raw = f"IMG_1.jpg\r\n{BODY}\r\n\r\nHãy chia sẻ với bạn bè!\r\n{BODY.replace('12/5', '9/9')}"
    doc = _clean(raw)
    second = doc.text.index("9/9")
    assert raw[doc.raw_offsets[second]:doc.raw_offsets[second + 3]] == "9/9"
    first = doc.text.index("Võ Thành Nhân")
    assert raw[doc.raw_offsets[first]:doc.raw_offsets[first + 13]] == "Võ Thành Nhân"
    _check_spans(raw, doc)


def test_random_spans_map_back() -> None:
    raw = ("Chính trị\r\n\u00a0Hội nghị\u00a0Tỉnh ủy.Các đồng chí\u200b dự.\r\n"
           + unicodedata.normalize("NFD", BODY) + "\n\nIMG_9.png\n  " + BODY + "\n" + BODY
           + "\nThanh TâmCác ý kiến của bạn đọc\n{name} - {time}")
    doc = _clean(raw)
    _check_offsets(raw, doc)
    _check_spans(raw, doc, count=500)


@pytest.mark.parametrize("raw", HOSTILE_STRINGS)
def test_hostile_strings_never_crash(raw: str) -> None:
    doc = _clean(raw)
    assert unicodedata.is_normalized("NFC", doc.text)
    assert "\r" not in doc.text and "\u00a0" not in doc.text and "\u200b" not in doc.text
    _check_offsets(raw, doc)
    _check_spans(raw, doc, count=50)


def test_corpus_reports_clean_with_valid_offsets() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"development corpus not found at {CORPUS}")
    paths = sorted(CORPUS.glob("*.txt"))
    assert paths
    for path in paths:
        raw = path.read_text(encoding="utf-8-sig")
        doc = _clean(raw)
        assert doc.text.strip(), path.name
        _check_offsets(raw, doc)
        _check_spans(raw, doc, count=100)
        lines = doc.text.split("\n")
        assert all(furniture_action(line) is None for line in lines if line), path.name
        kept = [line.casefold() for line in lines if line]
        assert len(kept) == len(set(kept)), f"{path.name} keeps a repeated line"
