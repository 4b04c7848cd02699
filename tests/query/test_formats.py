"""format_result: aligned table, CSV, JSON list of objects."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kg.errors import QueryError
from kg.query import QueryResult, format_result

RESULT = QueryResult(("name", "posts", "direct", "date"), (
    ("Nguyễn Văn An", 2, True, "2021-03-12"),
    ("Lê Thị Hòa, \"Út\"", 1, False, None),
))


def test_table_columns_line_up() -> None:
    lines = format_result(RESULT, "table").splitlines()
    assert lines[0].split() == ["name", "posts", "direct", "date"]
    assert lines[-1] == "(2 rows)"
    starts = {line.index("2021") for line in lines if "2021" in line}
    assert starts == {lines[0].index("date")}
    assert lines[2].index("2") == lines[0].index("posts")


def test_csv_round_trips() -> None:
    rows = list(csv.reader(io.StringIO(format_result(RESULT, "csv"))))
    assert rows == [["name", "posts", "direct", "date"],
                    ["Nguyễn Văn An", "2", "true", "2021-03-12"],
                    ["Lê Thị Hòa, \"Út\"", "1", "false", ""]]


def test_json_is_a_list_of_objects() -> None:
    assert json.loads(format_result(RESULT, "json")) == [
        {"name": "Nguyễn Văn An", "posts": 2, "direct": True, "date": "2021-03-12"},
        {"name": "Lê Thị Hòa, \"Út\"", "posts": 1, "direct": False, "date": None},
    ]


@pytest.mark.parametrize("fmt,expected", [("json", "[]"), ("csv", "name\n")])
def test_empty_result(fmt: str, expected: str) -> None:
    assert format_result(QueryResult(("name",), ()), fmt) == expected


def test_unknown_format() -> None:
    with pytest.raises(QueryError, match="table, csv, json"):
        format_result(RESULT, "xml")
