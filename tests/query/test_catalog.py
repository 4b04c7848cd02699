"""load_query / parse_query / list_queries: names, paths, headers, close-name errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import QueryError
from kg.query import list_queries, load_query, parse_query


@pytest.mark.parametrize("typo,close", [
    ("officials-of-provinces", "officials-of-province"),
    ("holder-of-title", "holders-of-title"),
    ("co-attendence", "co-attendance"),
])
def test_unknown_query_lists_close_names(typo: str, close: str) -> None:
    with pytest.raises(QueryError, match=f"unknown query '{typo}'; did you mean .*{close}"):
        load_query(typo)


def test_unknown_query_without_close_names_lists_all() -> None:
    with pytest.raises(QueryError, match="available: .*officials-of-province"):
        load_query("zzzzzzzzzzzz")


def test_missing_query_file(tmp_path: Path) -> None:
    with pytest.raises(QueryError, match="no such query file"):
        load_query(tmp_path / "none.rq")


def test_header_is_parsed() -> None:
    query = parse_query("# tinh-thanh: Các tỉnh.\n# param ten: tên tỉnh\n"
                        "# returns: p, ten\n# Ghi chú thêm.\nSELECT ?p ?ten WHERE { ?p ?q ?ten }")
    assert (query.name, query.summary, query.param_names, query.returns, query.description) == (
        "tinh-thanh", "Các tỉnh.", ("ten",), ("p", "ten"), "Ghi chú thêm.")


def test_load_query_by_path(tmp_path: Path) -> None:
    path = tmp_path / "tinh.rq"
    path.write_text("# cac-tinh: Các tỉnh.\nSELECT ?p WHERE { ?p a ?c }", encoding="utf-8")
    query = load_query(str(path))
    assert (query.name, query.summary, query.source) == ("cac-tinh", "Các tỉnh.", str(path))


def test_list_queries_sorted_and_loadable_by_name() -> None:
    names = [q.name for q in list_queries()]
    assert names == sorted(names)
    assert all(load_query(n).name == n for n in names)
