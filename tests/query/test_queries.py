"""Each named query in queries/ on the fixture graph, on both rdflib stores."""

from __future__ import annotations

import pytest

from kg.query import list_queries, load_query, run_query

ID = "https://w3id.org/vnkg/id/"


def test_every_query_has_a_header_and_declares_its_columns() -> None:
    queries = list_queries()
    assert len(queries) >= 8
    for query in queries:
        assert query.summary, query.name
        assert query.returns, query.name
        for param in query.params:
            assert param.name in query.returns, (query.name, param.name)
            assert param.description, (query.name, param.name)


EXPECTED = [
    ("officials-of-province", {"province": "Hà Tĩnh"}, ("name", "title"), [
        ("Lê Minh Cường", "Phó Bí thư Tỉnh ủy"),
        ("Nguyễn Văn An", "Bí thư Tỉnh ủy"),
        ("Nguyễn Văn An", "Chủ tịch Hội đồng nhân dân tỉnh"),
        ("Trần Thị Bình", "Chủ tịch Ủy ban nhân dân tỉnh"),
    ]),
    ("officials-of-province", {"province": "TỈNH HẬU GIANG"}, ("name", "title"), [
        ("Phạm Đức Dũng", "Bí thư Tỉnh ủy"),
    ]),
    ("officials-of-province", {"province": "Cà Mau"}, ("name",), []),
    ("holders-of-title", {"title": "PHÓ BÍ THƯ TỈNH UỶ"}, ("name", "held_title"), [
        ("Lê Minh Cường", "Phó Bí thư Tỉnh ủy"),
    ]),
    ("holders-of-title", {"title": "Bí thư"}, ("name",), []),
    ("co-attendance", {"a": "NGUYỄN VĂN AN", "b": "Nguyễn Văn An"}, ("date",), []),
    ("holders-of-title", {"title": "bí thư tỉnh ủy"},
     ("name", "jurisdiction", "observed", "report"), [
        ("Nguyễn Văn An", "Hà Tĩnh", "2021-03-12", "r1"),
        ("Nguyễn Văn An", "Hà Tĩnh", "2021-06-01", "r2"),
        ("Phạm Đức Dũng", "Hậu Giang", "2020-06-01", "r3"),
    ]),
    ("meetings-of-province", {"province": "Hà Tĩnh"}, ("date", "kind", "session", "chair"), [
        ("2021-03-12", "ExecutiveCommitteeConference", 5, "Nguyễn Văn An"),
        ("2021-06-01", "StandingCommitteeMeeting", None, "Nguyễn Văn An"),
        ("2021-06-01", "StandingCommitteeMeeting", None, "Trần Thị Bình"),
    ]),
    ("meetings-of-province", {"province": "Hậu Giang"}, ("date", "chair"), [
        ("2020-06", "Phạm Đức Dũng"),
    ]),
    ("directives-of-meeting", {"meeting": "Hội nghị Ban Thường vụ Tỉnh ủy"},
     ("number", "type", "implements"), [
        ("12-CTr/TU", "Chương trình", "05-NQ/TU"),
    ]),
    ("directives-of-meeting", {"meeting": ID + "meeting/42/executive-committee/2021-03-12/5"},
     ("number", "implements"), [
        ("05-NQ/TU", "19-NQ/TW"),
    ]),
    ("central-directives-by-province", {}, ("number", "province", "how", "report"), [
        ("19-NQ/TW", "Hà Tĩnh", "implements", "r1"),
        ("19-NQ/TW", "Hà Tĩnh", "implements", "r2"),
        ("19-NQ/TW", "Hà Tĩnh", "mentions", "r1"),
        ("19-NQ/TW", "Hậu Giang", "implements", "r3"),
        ("45-CT/TW", "Hậu Giang", "mentions", "r3"),
    ]),
    ("implementation-chains", {}, ("number", "implements", "direct"), [
        ("05-NQ/TU", "19-NQ/TW", True),
        ("12-CTr/TU", "05-NQ/TU", True),
        ("12-CTr/TU", "19-NQ/TW", False),
        ("30-CTr/TU", "19-NQ/TW", True),
    ]),
    ("officials-with-several-posts", {}, ("name", "report", "observed", "posts", "title"), [
        ("Nguyễn Văn An", "r1", "2021-03-12", 2, "Bí thư Tỉnh ủy"),
        ("Nguyễn Văn An", "r1", "2021-03-12", 2, "Chủ tịch Hội đồng nhân dân tỉnh"),
    ]),
    ("co-attendance", {"a": "nguyễn văn an", "b": "Trần Thị Bình"}, ("date", "name_a", "name_b"), [
        ("2021-03-12", "Nguyễn Văn An", "Trần Thị Bình"),
        ("2021-06-01", "Nguyễn Văn An", "Trần Thị Bình"),
    ]),
    ("co-attendance", {"a": "Lê Minh Cường", "b": "Trần Thị Bình"}, ("date",), [
        ("2021-06-01",),
    ]),
    ("co-attendance", {"a": "Phạm Đức Dũng", "b": "Trần Thị Bình"}, ("date",), []),
]


@pytest.mark.parametrize("name,params,columns,rows", EXPECTED)
def test_named_query_rows(dataset, name, params, columns, rows) -> None:
    result = run_query(dataset, load_query(name), params)
    assert result.variables == load_query(name).returns
    index = [result.variables.index(c) for c in columns]
    assert [tuple(row[i] for i in index) for row in result.rows] == rows


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_both_stores_give_the_same_answer(memory, oxigraph, query) -> None:
    params = {p.name: "Hà Tĩnh" for p in query.params}
    assert run_query(memory, query, params) == run_query(oxigraph, query, params)
