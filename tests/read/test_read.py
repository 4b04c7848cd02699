"""Tests for kg/read: each format, folders, errors, and the legacy Vietnamese encodings."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from kg.data import load_table
from kg.errors import InputError
from kg.model import RawReport
from kg.read import decode_bytes, read_paths
from kg.read.decode import vietnamese_share

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "read"

SENTENCE = ("Sáng 14/3, Ban Chấp hành Đảng bộ tỉnh họp lần thứ 9; đồng chí Nguyễn Thị Hường, "
            "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh chủ trì hội nghị "
            "và yêu cầu các huyện quyết liệt thực hiện nghị quyết.")


def _read(*paths: str | Path) -> list[RawReport | InputError]:
    return list(read_paths(paths))


def _reports(items: list[RawReport | InputError]) -> list[RawReport]:
    return [item for item in items if isinstance(item, RawReport)]


def _errors(items: list[RawReport | InputError]) -> list[InputError]:
    return [item for item in items if isinstance(item, InputError)]


# ---- formats ---------------------------------------------------------------------------

def test_txt_id_is_the_stem(tmp_path: Path) -> None:
    path = tmp_path / "hoi_nghi_thang_5.txt"
    path.write_text(SENTENCE, encoding="utf-8")
    [report] = _read(path)
    assert isinstance(report, RawReport)
    assert (report.id, report.text, report.format) == ("hoi_nghi_thang_5", SENTENCE, "txt")
    assert report.source == str(path)


def test_html_keeps_the_article_and_its_metadata() -> None:
    [report] = _read(FIXTURES / "hoi_nghi_tinh_uy.html")
    assert isinstance(report, RawReport)
    assert report.format == "html"
    assert report.title == "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 9"
    assert report.published == "2022-03-15"
    assert report.url == ("https://baomau.example.vn/chinh-tri/"
                          "hoi-nghi-ban-chap-hanh-lan-thu-9-123.html")
    assert report.text.startswith(report.title)
    assert "Đồng chí Phan Minh Khoa, Bí thư Tỉnh ủy chủ trì hội nghị." in report.text
    assert report.text.rstrip().endswith("Minh Châu")


@pytest.mark.parametrize("furniture", [
    "Trang chủ", "Kinh tế", "Ý kiến bạn đọc", "Bình luận thử nghiệm", "Gửi bình luận",
    "Tin liên quan", "phiên thường kỳ tháng 2", "Giấy phép số", "Tổng Biên tập", "Facebook",
])
def test_html_drops_page_furniture(furniture: str) -> None:
    [report] = _read(FIXTURES / "hoi_nghi_tinh_uy.html")
    assert isinstance(report, RawReport)
    assert furniture not in report.text


def test_htm_suffix_is_html(tmp_path: Path) -> None:
    path = tmp_path / "trang.htm"
    path.write_text(f"<html><body><article><h1>Tin tỉnh</h1><p>{SENTENCE}</p>"
                    f"<p>{SENTENCE}</p></article></body></html>", encoding="utf-8")
    [report] = _read(path)
    assert isinstance(report, RawReport)
    assert report.format == "html" and "Nguyễn Thị Hường" in report.text


def test_jsonl_reads_fields_and_line_sources() -> None:
    items = _read(FIXTURES / "folder" / "sub" / "tin_tuc.jsonl")
    assert not _errors(items)
    first, second = _reports(items)
    assert first.id == "jsonl-1" and first.format == "jsonl"
    assert first.url == "https://tinhmau.example.vn/tin/1"
    assert first.title == "UBND tỉnh họp phiên thường kỳ tháng 4"
    assert first.published == "2023-04-03"
    assert first.source.endswith("tin_tuc.jsonl#1")
    assert second.id == "jsonl-2" and second.url is None and second.published is None
    assert second.source.endswith("tin_tuc.jsonl#3")        # the blank line 2 is skipped


@pytest.mark.parametrize("line, message", [
    (2, "invalid JSON"),
    (3, "missing field 'text'"),
    (4, "field 'id' must be a string"),
    (5, "field 'published' must be a string or null"),
    (6, "expected a JSON object"),
])
def test_bad_jsonl_line_names_file_and_line(line: int, message: str) -> None:
    items = _read(FIXTURES / "mixed.jsonl")
    errors = {error.line: str(error) for error in _errors(items)}
    assert message in errors[line]
    assert f"mixed.jsonl:{line}:" in errors[line]


def test_bad_jsonl_lines_do_not_stop_the_good_ones() -> None:
    items = _read(FIXTURES / "mixed.jsonl")
    assert [report.id for report in _reports(items)] == ["tot-1", "tot-7"]
    assert len(_errors(items)) == 5


# ---- folders and paths -----------------------------------------------------------------

def test_folder_is_read_recursively_in_sorted_order() -> None:
    items = _read(FIXTURES / "folder")
    assert not _errors(items)
    assert [report.id for report in _reports(items)] == ["bao_cao_a", "jsonl-1", "jsonl-2"]


def test_folder_skips_hidden_gold_and_unknown_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / ".an.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "b.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "a.gold.json").write_text("{}", encoding="utf-8")
    (tmp_path / "ghi_chu.md").write_text("# ghi chú", encoding="utf-8")
    (tmp_path / "anh.png").write_bytes(b"\x89PNG\r\n")
    items = _read(tmp_path)
    assert [getattr(item, "id", item) for item in items] == ["a"]


def test_missing_path_is_an_error_and_the_rest_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "co.txt"
    good.write_text(SENTENCE, encoding="utf-8")
    items = _read(tmp_path / "khong_co.txt", good)
    [error] = _errors(items)
    assert "khong_co.txt" in str(error) and "no such file" in str(error)
    assert [report.id for report in _reports(items)] == ["co"]


def test_unknown_suffix_named_explicitly_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bao_cao.docx"
    path.write_bytes(b"PK\x03\x04")
    [error] = _read(path)
    assert isinstance(error, InputError) and ".txt" in str(error)


def test_empty_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "rong.txt"
    path.write_text(" \n\n", encoding="utf-8")
    [error] = _read(path)
    assert isinstance(error, InputError) and "no text" in str(error)


def test_duplicate_id_names_both_sources(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = tmp_path / "a" / "trung.txt"
    second = tmp_path / "b" / "trung.txt"
    first.write_text(SENTENCE, encoding="utf-8")
    second.write_text("Một báo cáo khác cùng tên tệp.", encoding="utf-8")
    items = _read(tmp_path)
    [report] = _reports(items)
    [error] = _errors(items)
    assert report.source == str(first)
    assert str(second) in str(error) and str(first) in str(error)
    assert "duplicate" in str(error)


def test_duplicate_id_across_jsonl_and_txt(tmp_path: Path) -> None:
    (tmp_path / "jsonl-1.txt").write_text(SENTENCE, encoding="utf-8")
    items = _read(FIXTURES / "folder" / "sub" / "tin_tuc.jsonl", tmp_path)
    [error] = _errors(items)
    assert "jsonl-1" in str(error) and "tin_tuc.jsonl#1" in str(error)


# ---- encodings -------------------------------------------------------------------------

def _encode_cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: precomposed base letters plus a combining tone."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tone = next(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
            out += unicodedata.normalize("NFC", parts.replace(tone, "")).encode("cp1258")
            out += tone.encode("cp1258")
    return bytes(out)


def _encode_table(text: str, encoding: str) -> bytes:
    table = {row["char"]: bytes.fromhex(row["bytes"]) for row in
             load_table("legacy_encodings") if row["encoding"] == encoding}
    return b"".join(table.get(char) or char.encode("cp1252")
                    for char in unicodedata.normalize("NFC", text))


ENCODERS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8-bom": lambda text: text.encode("utf-8-sig"),
    "utf-16": lambda text: text.encode("utf-16"),
    "utf-16-be-bom": lambda text: b"\xfe\xff" + text.encode("utf-16-be"),
    "cp1258": _encode_cp1258,
    "tcvn3": lambda text: _encode_table(text.lower(), "tcvn3"),   # TCVN3 fonts: no toned capitals
    "vni": lambda text: _encode_table(text, "vni"),
}


@pytest.mark.parametrize("encoding", sorted(ENCODERS))
def test_encoding_round_trip(tmp_path: Path, encoding: str) -> None:
    expected = SENTENCE.lower() if encoding == "tcvn3" else SENTENCE
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(ENCODERS[encoding](SENTENCE))
    [report] = _read(path)
    assert isinstance(report, RawReport)
    assert unicodedata.normalize("NFC", report.text) == expected


@pytest.mark.parametrize("data, expected", [
    (b"T\xd8nh \xf1y ban th\xad\xeang v\xf4", "Tỉnh ủy ban thường vụ"),      # TCVN3 (ABC)
    (b"T\xe6nh u\xfby ban th\xf6\xf4\xf8ng vu\xef", "Tỉnh ủy ban thường vụ"),  # VNI-Windows
    ("TØnh ñy ban th\u00adêng vô".encode("utf-8"), "Tỉnh ủy ban thường vụ"),   # TCVN3 seen as cp1252
    ("Tá»‰nh á»§y ban thÆ°á»\u009dng vá»¥".encode("utf-8"), "Tỉnh ủy ban thường vụ"),
])
def test_known_byte_strings(data: bytes, expected: str) -> None:
    assert decode_bytes(data, "x.txt") == expected


def test_plain_utf8_is_left_alone() -> None:
    text = "Café au lait, naïve résumé — not Vietnamese at all."
    assert decode_bytes(text.encode("utf-8"), "x.txt") == text


def test_undecodable_bytes_give_the_offset(tmp_path: Path) -> None:
    path = tmp_path / "rac.txt"
    path.write_bytes(b"Hoi nghi " + bytes(range(0x80, 0x100)) * 4)
    [error] = _read(path)
    assert isinstance(error, InputError)
    assert error.offset == 9 and "@9" in str(error)


def test_vietnamese_share_counts_well_formed_syllables() -> None:
    assert vietnamese_share("Tỉnh ủy nguyễn quốc") == (4, 4)
    assert vietnamese_share("TØnh ñy") == (0, 2)
    assert vietnamese_share("Tổnh uỷy") == (1, 2)


def test_legacy_tables_are_one_to_one() -> None:
    rows = load_table("legacy_encodings")
    for encoding, count in (("tcvn3", 90), ("vni", 134)):
        table = [(row["bytes"], row["char"]) for row in rows if row["encoding"] == encoding]
        assert len(table) == count
        assert len({code for code, _ in table}) == count, f"{encoding}: repeated bytes"
        assert len({char for _, char in table}) == count, f"{encoding}: repeated letters"
        assert all(len(char) == 1 and unicodedata.is_normalized("NFC", char)
                   for _, char in table)


def test_corpus_folder_reads_without_errors() -> None:
    corpus = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"development corpus not found at {corpus}")
    items = _read(corpus)
    assert not _errors(items)
    assert len(_reports(items)) == len(list(corpus.glob("*.txt")))


def test_html_in_windows_1258(tmp_path: Path) -> None:
    page = (f'<html><head><meta charset="windows-1258"><title>Tin tỉnh</title></head><body>'
            f"<article><p>{SENTENCE}</p><p>{SENTENCE.replace('14/3', '15/3')}</p>"
            f"</article></body></html>")
    path = tmp_path / "trang_cu.html"
    path.write_bytes(_encode_cp1258(page))
    [report] = _read(path)
    assert isinstance(report, RawReport)
    assert "Nguyễn Thị Hường, Phó Bí thư Thường trực Tỉnh ủy" in report.text
