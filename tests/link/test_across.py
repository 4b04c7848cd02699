"""kg.link.across: a report's province inferred from its officials seen elsewhere."""

from __future__ import annotations

from dataclasses import replace

from kg.link.across import infer_provinces
from kg.model import CleanDoc, Official, Post, ProvinceRef, Report, Sighting
from kg.text import match_key

NGHE_AN = ProvinceRef("40", "Nghệ An", "explicit", "40")
HA_TINH = ProvinceRef("42", "Hà Tĩnh", "explicit", "42")


def _report(rid: str, province: ProvinceRef | None, *people: tuple[str, str]) -> Report:
    officials = tuple(Official(name=name, titles=(title,), spans=((0, 1),))
                      for name, title in people)
    return Report(doc=CleanDoc(rid, "x", rid), mentions=(), province=province,
                  officials=officials)


def _province(reports: list[Report], rid: str) -> ProvinceRef | None:
    return next(r.province for r in reports if r.doc.id == rid)


def test_same_person_same_post_gives_the_province() -> None:
    out = infer_provinces([
        _report("a", NGHE_AN, ("Lê Văn Minh", "Bí thư Tỉnh ủy")),
        _report("b", None, ("LÊ VĂN MINH", "Bí thư Tỉnh ủy")),
    ])
    assert _province(out, "b") == ProvinceRef("40", "Nghệ An", "official", "40",
                                              "Lê Văn Minh, Bí thư Tỉnh ủy of Nghệ An in report a")


def test_same_person_other_provincial_post_is_weaker_evidence_but_used() -> None:
    out = infer_provinces([
        _report("a", NGHE_AN, ("Lê Văn Minh", "Chủ tịch Ủy ban nhân dân tỉnh")),
        _report("b", None, ("Lê Văn Minh", "Bí thư Tỉnh ủy")),
    ])
    assert _province(out, "b").name == "Nghệ An"


def test_disagreeing_clues_leave_it_unresolved() -> None:
    out = infer_provinces([
        _report("a", NGHE_AN, ("Lê Văn Minh", "Bí thư Tỉnh ủy")),
        _report("c", HA_TINH, ("Lê Văn Minh", "Bí thư Tỉnh ủy")),
        _report("b", None, ("Lê Văn Minh", "Bí thư Tỉnh ủy")),
    ])
    assert _province(out, "b") is None


def test_national_posts_are_no_clue() -> None:
    out = infer_provinces([
        _report("a", NGHE_AN, ("Phan Văn Hòa", "Ủy viên Bộ Chính trị")),
        _report("b", None, ("Phan Văn Hòa", "Ủy viên Bộ Chính trị")),
    ])
    assert _province(out, "b") is None


def test_reports_with_a_province_are_unchanged() -> None:
    reports = [_report("a", HA_TINH, ("Lê Văn Minh", "Bí thư Tỉnh ủy")),
               _report("b", NGHE_AN, ("Lê Văn Minh", "Bí thư Tỉnh ủy"))]
    assert infer_provinces(reports) == reports


def _dated(rid: str, province: ProvinceRef | None, day: str, *people: tuple[str, str]
           ) -> Report:
    return replace(_report(rid, province, *people), published=day)


def test_stored_sightings_are_clues_too() -> None:
    stored = [Sighting("old", "Lê Văn Minh", match_key("Lê Văn Minh"), "2022-01-05",
                       (Post("Bí thư Tỉnh ủy", "40"),), identity="le-van-minh")]
    out = infer_provinces([_dated("b", None, "2022-03-01", ("Lê Văn Minh", "Bí thư Tỉnh ủy"))],
                          stored)
    assert out[0].province is not None and out[0].province.key == "40"
    assert "report old on 2022-01-05" in out[0].province.basis


def test_a_clue_a_term_away_is_no_clue() -> None:
    out = infer_provinces([
        _dated("a", NGHE_AN, "2010-03-01", ("Lê Văn Minh", "Bí thư Tỉnh ủy")),
        _dated("b", None, "2022-03-01", ("Lê Văn Minh", "Bí thư Tỉnh ủy")),
    ])
    assert _province(out, "b") is None


def test_a_province_merged_since_gives_the_unit_of_the_report_date() -> None:
    hai_duong = ProvinceRef("30", "Hải Dương", "explicit", "30")
    out = infer_provinces([
        _dated("a", hai_duong, "2024-09-01", ("Lê Văn Minh", "Chủ tịch Ủy ban nhân dân tỉnh")),
        _dated("b", None, "2025-09-01", ("Lê Văn Minh", "Chủ tịch Ủy ban nhân dân tỉnh")),
    ])
    assert _province(out, "b").name == "Hải Phòng"


def test_one_name_in_a_post_many_hold_is_not_enough() -> None:
    deputy = "Phó Chủ tịch Ủy ban nhân dân tỉnh"
    out = infer_provinces([
        _report("a", NGHE_AN, ("Lê Văn Minh", deputy), ("Trần Thị Lan", deputy)),
        _report("b", None, ("Lê Văn Minh", deputy)),
        _report("c", None, ("Lê Văn Minh", deputy), ("Trần Thị Lan", deputy)),
    ])
    assert _province(out, "b") is None
    placed = _province(out, "c")
    assert placed is not None and placed.name == "Nghệ An"
    assert "Lê Văn Minh" in placed.basis and "Trần Thị Lan" in placed.basis
