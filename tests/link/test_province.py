"""kg/link/province.py: which province a report is about, and the evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.extract.provinces import extract_provinces
from kg.link.province import choose_province
from kg.model import CleanDoc

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


def _choose(text: str, url: str | None = None, published: str | None = None):
    doc = CleanDoc("t", text, url or "t.txt", url=url, published=published)
    return choose_province(doc, extract_provinces(doc, ()))


@pytest.mark.parametrize("text, url, name, evidence", [
    ("Tỉnh ủy Bến Tre họp phiên thường kỳ\n\nSáng 3/4, Tỉnh ủy Bến Tre tổ chức hội nghị.",
     None, "Bến Tre", "explicit"),
    # the title outweighs a later list of neighbours
    (("Hội nghị Ban Chấp hành Đảng bộ tỉnh Quảng Trị\n\nHội nghị bàn việc phối hợp với "
     "các tỉnh Quảng Bình, Thừa Thiên Huế. Đoàn công tác tỉnh Quảng Bình cũng dự."),
     None, "Quảng Trị", "explicit"),
    # a visitor and a former post count less than the subject
    (("Sáng 2/3, Thành ủy Hải Phòng họp.\nĐồng chí Trần Minh Tâm, nguyên Bí thư Tỉnh ủy "
     "Thái Bình, nguyên Bí thư Tỉnh ủy Thái Bình, dự."), None, "Hải Phòng", "explicit"),
    ("Hội nghị Ban Thường vụ Tỉnh ủy\n\nĐoàn đã kiểm tra huyện Cẩm Xuyên và thị xã Kỳ Anh.",
     None, "Hà Tĩnh", "place"),
    ("Hội nghị Ban Thường vụ Tỉnh ủy\n\nĐồng chí Bí thư Tỉnh ủy chủ trì.",
     "https://baothainguyen.vn/tin/123.html", "Thái Nguyên", "source"),
    ("Hội nghị Ban Thường vụ Tỉnh ủy\n\nĐồng chí Bí thư Tỉnh ủy chủ trì.",
     "https://baomoi.net.vn/tag/B%E1%BA%BFn-Tre.epi", "Bến Tre", "source"),
    # a passing mention of another province does not beat the paper's own province
    ("Ban Thường vụ Tỉnh ủy họp\n\nHội nghị nghe báo cáo, học tập mô hình của tỉnh Long An.",
     "https://baotiengiang.vn/a.html", "Tiền Giang", "source"),
    # on its own site, a named province wins as explicit
    ("Tỉnh ủy Tiền Giang họp\n\nHội nghị bàn về kinh tế.",
     "https://baotiengiang.vn/a.html", "Tiền Giang", "explicit"),
])
def test_choose_province(text: str, url: str | None, name: str, evidence: str) -> None:
    ref = _choose(text, url)
    assert ref is not None and (ref.name, ref.evidence) == (name, evidence), ref


@pytest.mark.parametrize("text, url", [
    ("Hội nghị Ban Thường vụ Tỉnh ủy\n\nĐồng chí Bí thư Tỉnh ủy chủ trì.", None),
    ("Hội nghị Ban Thường vụ Tỉnh ủy\n\nĐồng chí Bí thư chủ trì.", "https://dantri.com.vn/a"),
    ("Học tập tư tưởng Hồ Chí Minh vì hòa bình.", "https://nld.com.vn/ha-nam-x.htm"),
    ("", None),
])
def test_nothing_is_none(text: str, url: str | None) -> None:
    assert _choose(text, url) is None


@pytest.mark.parametrize("published, code", [("2024-05-04", "91"), ("2025-10-04", "91")])
def test_site_follows_the_merger(published: str, code: str) -> None:
    # baokiengiang.vn: Kiên Giang until 2025-06-30, then part of An Giang (code 91)
    ref = _choose("Hội nghị Tỉnh ủy\n\nĐồng chí Bí thư chủ trì.",
                  "https://baokiengiang.vn/a.html", published)
    expected = "Kiên Giang" if published < "2025-07-01" else "An Giang"
    assert ref is not None and (ref.code, ref.name) == (code, expected)


def test_merged_name_at_report_date() -> None:
    ref = _choose("Đại hội Đảng bộ tỉnh Lào Cai lần thứ I\n\nĐại hội khai mạc.",
                  published="2025-09-28")
    assert ref is not None and (ref.code, ref.name) == ("15", "Lào Cai")


def test_development_corpus_accuracy() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"development corpus not found at {CORPUS}")
    right = total = 0
    for gold_path in sorted(CORPUS.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold.get("province_evidence") in ("official", "none"):
            continue
        text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
        url = gold["source"] if gold["source"].startswith("http") else None
        doc = CleanDoc(gold["id"], text.read_text(encoding="utf-8"), gold["source"], url=url)
        ref = choose_province(doc, extract_provinces(doc, ()))
        total += 1
        right += ref is not None and ref.name == gold["province"]
    assert total and right / total >= 0.95, f"{right}/{total}"
