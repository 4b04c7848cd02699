"""score(): exact figures on a tiny hand-made case, edge cases, output."""

from __future__ import annotations

import json

import pytest

from kg.evaluate import Row, format_evaluation, score
from kg.model import CleanDoc, Official, ProvinceRef, Report


@pytest.mark.parametrize("row,counts,figures", [
    ("officials", (1, 1, 1), (0.5, 0.5, 0.5)),
    ("official titles", (1, 0, 1), (1.0, 0.5, 0.6667)),
    ("chairs", (1, 0, 0), (1.0, 1.0, 1.0)),
    ("directive numbers", (2, 0, 0), (1.0, 1.0, 1.0)),
    ("directive types", (2, 0, 0), (1.0, 1.0, 1.0)),
    ("implements", (1, 0, 0), (1.0, 1.0, 1.0)),
    ("meeting dates", (1, 0, 0), (1.0, 1.0, 1.0)),
    ("authors", (1, 0, 0), (1.0, 1.0, 1.0)),
])
def test_tiny_case_exact_figures(gold, report, row, counts, figures) -> None:
    result = score([gold], [report]).row(row)
    assert (result.tp, result.fp, result.fn) == counts
    assert (round(result.precision, 4), round(result.recall, 4), round(result.f1, 4)) == figures


def test_tiny_case_misses_and_false_hits(gold, report) -> None:
    ev = score([gold], [report])
    assert ev.province.correct == 1 and ev.province.total == 1
    got = [(i.row, i.kind, i.value) for i in ev.items]
    assert got == [
        ("officials", "miss", "Trần Thị Bình"),
        ("officials", "false hit", "Hoàng Văn Dũng"),
        ("official titles", "miss", "Trần Thị Bình — Chủ tịch Ủy ban nhân dân tỉnh"),
    ]
    assert "đồng chí [Trần Thị Bình], Chủ tịch" in ev.items[0].snippet
    assert "Ông [Hoàng Văn Dũng] phát biểu" in ev.items[1].snippet
    assert "[Trần Thị Bình]" in ev.items[2].snippet


def test_micro_average_sums_counts_over_reports(gold, report) -> None:
    other_text = "Đồng chí Lê Minh Cường phát biểu."
    other = Report(doc=CleanDoc(id="r2", text=other_text, source="r2.txt"), mentions=(),
                   officials=(Official("Lê Minh Cường", (), ((9, 22),)),))
    other_gold = {"id": "r2", "province": None, "officials": [{"name": "Lê Minh Cường"}]}
    ev = score([gold, other_gold], [report, other])
    assert (ev.row("officials").tp, ev.row("officials").fp, ev.row("officials").fn) == (2, 1, 1)
    assert ev.province.correct == 2       # null gold, nothing predicted: right


@pytest.mark.parametrize("predicted,expected", [
    (None, False), (ProvinceRef("42", "hà tĩnh", "explicit"), True),
    (ProvinceRef("44", "Quảng Bình", "place"), False),
])
def test_province_accuracy(predicted, expected) -> None:
    report = Report(doc=CleanDoc(id="r1", text="Tỉnh ủy họp.", source=""), mentions=(),
                    province=predicted)
    assert score([{"id": "r1", "province": "Hà Tĩnh"}], [report]).province.correct == expected


def test_null_gold_province_with_a_prediction_is_wrong(report) -> None:
    ev = score([{"id": "r1", "province": None}], [report])
    assert ev.province.correct == 0
    assert [(i.kind, i.value) for i in ev.items if i.row == "province"] == [
        ("false hit", "none (got Hà Tĩnh)")]


def test_wrong_province_is_listed_with_where_the_gold_name_occurs() -> None:
    report = Report(doc=CleanDoc(id="r1", text="Tỉnh ủy Quảng Trị họp.", source=""),
                    mentions=(), province=ProvinceRef("44", "Quảng Bình", "place"))
    ev = score([{"id": "r1", "province": "Quảng Trị"}], [report])
    assert [(i.kind, i.value) for i in ev.items] == [("miss", "Quảng Trị (got Quảng Bình)")]
    assert "[Quảng Trị]" in ev.items[0].snippet


def test_missing_report_counts_every_item_missed_and_extra_is_listed(gold) -> None:
    stray = Report(doc=CleanDoc(id="khac", text="", source=""), mentions=())
    ev = score([gold], [stray])
    assert ev.row("officials").fn == 2 and ev.row("directive numbers").fn == 2
    assert ev.missing_reports == ("r1",) and ev.extra_reports == ("khac",)
    assert all(i.snippet == "" for i in ev.items)


def test_type_of_an_untyped_gold_directive_is_not_a_false_hit(report) -> None:
    gold = {"id": "r1", "directives": [{"number": "12-CTr/TU"}, {"number": "19-NQ/TW"}]}
    row = score([gold], [report]).row("directive types")
    assert (row.tp, row.fp, row.fn) == (0, 0, 0)


def test_null_gold_meeting_date_is_ignored_but_an_invented_one_is_a_false_hit(report) -> None:
    gold = {"id": "r1", "meetings": [{"kind": "other", "date": None, "chairs": []}]}
    row = score([gold], [report]).row("meeting dates")
    assert (row.tp, row.fp, row.fn) == (0, 1, 0)


@pytest.mark.parametrize("counts,figures", [
    ((0, 0, 0), (1.0, 1.0, 1.0)),
    ((0, 2, 0), (0.0, 0.0, 0.0)),
    ((0, 0, 3), (0.0, 0.0, 0.0)),
    ((3, 1, 0), (0.75, 1.0, 0.8571)),
])
def test_row_figures(counts, figures) -> None:
    row = Row("x", *counts)
    assert (round(row.precision, 4), round(row.recall, 4), round(row.f1, 4)) == figures


def test_to_dict_is_json_ready(gold, report) -> None:
    data = json.loads(json.dumps(score([gold], [report]).to_dict(), ensure_ascii=False))
    assert data["rows"][0] == {"row": "officials", "precision": 0.5, "recall": 0.5,
                               "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}
    assert data["province"] == {"accuracy": 1.0, "correct": 1, "total": 1}
    assert data["linking"] is None
    assert data["items"][0]["value"] == "Trần Thị Bình"


def test_same_input_same_output(gold, report) -> None:
    assert format_evaluation(score([gold], [report])) == format_evaluation(score([gold], [report]))
