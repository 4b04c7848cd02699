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
    ("officials-of-province", {"province": "TỈNH HẬU GIANG"}, ("name", "title", "jurisdiction"), [
        ("Lê Minh Cường", "Bí thư Tỉnh ủy", "Hậu Giang"),
        ("Lê Minh Cường", "Chủ tịch Ủy ban nhân dân tỉnh", "Hậu Giang"),
        ("Phạm Đức Dũng", "Bí thư Tỉnh ủy", "Hậu Giang"),
    ]),
    # Hậu Giang and Sóc Trăng were merged into Cần Thơ: the new name covers all three
    ("officials-of-province", {"province": "Cần Thơ"}, ("name", "title", "jurisdiction"), [
        ("Hồ Văn Khánh", "Bí thư Thành ủy", "Cần Thơ"),
        ("Lê Minh Cường", "Bí thư Tỉnh ủy", "Hậu Giang"),
        ("Lê Minh Cường", "Chủ tịch Ủy ban nhân dân tỉnh", "Hậu Giang"),
        ("Phạm Đức Dũng", "Bí thư Tỉnh ủy", "Hậu Giang"),
        ("Trần Thị Bình", "Bí thư Tỉnh ủy", "Sóc Trăng"),
        ("Võ Thị Hoa", "Bí thư Tỉnh ủy", "Sóc Trăng"),
        ("Võ Thị Hoa", "Phó Bí thư Thành ủy", "Cần Thơ"),
        ("Đỗ Quang Thụy", "Bí thư Thành ủy", "Cần Thơ"),
    ]),
    ("officials-of-province", {"province": "Cà Mau"}, ("name",), []),
    ("holders-of-title", {"title": "PHÓ BÍ THƯ TỈNH UỶ"}, ("name", "held_title"), [
        ("Lê Minh Cường", "Phó Bí thư Tỉnh ủy"),
    ]),
    ("holders-of-title", {"title": "Bí thư"}, ("name",), []),
    # an undated tenure sorts first instead of breaking the ORDER BY on rdflib's store
    ("holders-of-title", {"title": "Chủ tịch Ủy ban nhân dân tỉnh"}, ("name", "observed"), [
        ("Lê Minh Cường", None),
        ("Trần Thị Bình", "2021-03-12"),
        ("Trần Thị Bình", "2021-06-01"),
    ]),
    ("co-attendance", {"a": "NGUYỄN VĂN AN", "b": "Nguyễn Văn An"}, ("date",), []),
    ("holders-of-title", {"title": "bí thư tỉnh ủy"},
     ("name", "jurisdiction", "observed", "report"), [
        ("Lê Minh Cường", "Hậu Giang", "2023-09-20", "r5"),
        ("Nguyễn Văn An", "Hà Tĩnh", "2021-03-12", "r1"),
        ("Nguyễn Văn An", "Hà Tĩnh", "2021-06-01", "r2"),
        ("Phạm Đức Dũng", "Hậu Giang", "2020-06-01", "r3"),
        ("Phạm Đức Dũng", "Hậu Giang", "2022-04-15", "r4"),
        ("Trần Thị Bình", "Sóc Trăng", "2022-10-05", "r6"),
        ("Võ Thị Hoa", "Sóc Trăng", "2024-05-10", "r7"),
    ]),
    ("meetings-of-province", {"province": "Hà Tĩnh"}, ("date", "kind", "session", "chair"), [
        ("2021-03-12", "ExecutiveCommitteeConference", 5, "Nguyễn Văn An"),
        ("2021-06-01", "StandingCommitteeMeeting", None, "Nguyễn Văn An"),
        ("2021-06-01", "StandingCommitteeMeeting", None, "Trần Thị Bình"),
    ]),
    ("meetings-of-province", {"province": "Hậu Giang"}, ("date", "chair", "held_in"), [
        (None, "Lê Minh Cường", "Hậu Giang"),
        ("2020-06", "Phạm Đức Dũng", "Hậu Giang"),
        ("2022-04-15", "Phạm Đức Dũng", "Hậu Giang"),
        ("2023-09-20", "Lê Minh Cường", "Hậu Giang"),
    ]),
    ("meetings-of-province", {"province": "thành phố cần thơ"}, ("date", "kind", "chair", "held_in"), [
        (None, "Meeting", "Lê Minh Cường", "Hậu Giang"),
        ("2020-06", "ExecutiveCommitteeConference", "Phạm Đức Dũng", "Hậu Giang"),
        ("2022-04-15", "ExecutiveCommitteeConference", "Phạm Đức Dũng", "Hậu Giang"),
        ("2022-10-05", "ExecutiveCommitteeConference", "Trần Thị Bình", "Sóc Trăng"),
        ("2023-03-15", "ExecutiveCommitteeConference", "Hồ Văn Khánh", "Cần Thơ"),
        ("2023-09-20", "ExecutiveCommitteeConference", "Lê Minh Cường", "Hậu Giang"),
        ("2024-05-10", "ExecutiveCommitteeConference", "Võ Thị Hoa", "Sóc Trăng"),
        ("2025-08-20", "ExecutiveCommitteeConference", "Đỗ Quang Thụy", "Cần Thơ"),
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
    # post-holder-on-date: the Bí thư Tỉnh ủy posts of Cần Thơ are those of Hậu Giang
    # (Dũng 2020-06-01..2022-04-15, Cường 2023-09-20) and Sóc Trăng (Bình 2022-10-05,
    # Hoa 2024-05-10); the best answer first, then the nearest ones
    ("post-holder-on-date", {"title": "Bí thư Tỉnh ủy", "province": "Cần Thơ",
                             "date": "2021-01-01"},
     ("name", "jurisdiction", "status", "observations"), [
        ("Phạm Đức Dũng", "Hậu Giang", "observed-around", 2),
        ("Trần Thị Bình", "Sóc Trăng", "first-seen-after", 1),
        ("Lê Minh Cường", "Hậu Giang", "first-seen-after", 1),
        ("Võ Thị Hoa", "Sóc Trăng", "first-seen-after", 1),
    ]),
    ("post-holder-on-date", {"title": "bí thư tỉnh uỷ", "province": "Cần Thơ",
                             "date": "2023-12-01"},
     ("name", "first_observed", "last_observed", "status"), [
        ("Lê Minh Cường", "2023-09-20", "2023-09-20", "last-seen-before"),
        ("Trần Thị Bình", "2022-10-05", "2022-10-05", "last-seen-before"),
        ("Phạm Đức Dũng", "2020-06-01", "2022-04-15", "last-seen-before"),
        ("Võ Thị Hoa", "2024-05-10", "2024-05-10", "first-seen-after"),
    ]),
    ("post-holder-on-date", {"title": "Bí thư Tỉnh ủy", "province": "Cần Thơ",
                             "date": "2024-05-10"}, ("name", "status"), [
        ("Võ Thị Hoa", "observed-around"),
        ("Lê Minh Cường", "last-seen-before"),
        ("Trần Thị Bình", "last-seen-before"),
        ("Phạm Đức Dũng", "last-seen-before"),
    ]),
    ("post-holder-on-date", {"title": "Bí thư Tỉnh ủy", "province": "Hậu Giang",
                             "date": "2024-05-10"}, ("name", "jurisdiction", "status"), [
        ("Lê Minh Cường", "Hậu Giang", "last-seen-before"),
        ("Phạm Đức Dũng", "Hậu Giang", "last-seen-before"),
    ]),
    ("post-holder-on-date", {"title": "BÍ THƯ TỈNH ỦY", "province": "hà tĩnh",
                             "date": "2021-06-01"},
     ("name", "official", "status", "title", "province", "date"), [
        ("Nguyễn Văn An", ID + "official/nguyen-van-an", "observed-around",
         "BÍ THƯ TỈNH ỦY", "hà tĩnh", "2021-06-01"),
    ]),
    ("post-holder-on-date", {"title": "Bí thư Thành ủy", "province": "Cần Thơ",
                             "date": "2024-01-01"}, ("name", "jurisdiction", "status"), [
        ("Hồ Văn Khánh", "Cần Thơ", "last-seen-before"),
        ("Đỗ Quang Thụy", "Cần Thơ", "first-seen-after"),
    ]),
    # the only Chủ tịch Ủy ban nhân dân tỉnh of Hậu Giang was never seen on a known day
    ("post-holder-on-date", {"title": "Chủ tịch Ủy ban nhân dân tỉnh", "province": "Cần Thơ",
                             "date": "2024-01-01"}, ("name",), []),
    ("post-holder-on-date", {"title": "Bí thư Tỉnh ủy", "province": "Cần Thơ",
                             "date": "2024-02-30"}, ("name",), []),
    ("post-holder-on-date", {"title": "Bí thư Tỉnh ủy", "province": "Cần Thơ",
                             "date": "10/05/2024"}, ("name",), []),
    # career: Phó Bí thư in Hà Tĩnh, then Bí thư in Hậu Giang; the undated post last
    ("career", {"name": "lê minh cường"},
     ("official_name", "title", "jurisdiction", "first_observed", "last_observed",
      "observations"), [
        ("Lê Minh Cường", "Phó Bí thư Tỉnh ủy", "Hà Tĩnh", "2021-06-01", "2021-06-01", 1),
        ("Lê Minh Cường", "Bí thư Tỉnh ủy", "Hậu Giang", "2023-09-20", "2023-09-20", 1),
        ("Lê Minh Cường", "Chủ tịch Ủy ban nhân dân tỉnh", "Hậu Giang", None, None, 1),
    ]),
    ("career", {"name": "NGUYỄN VĂN AN"},
     ("name", "official", "title", "jurisdiction", "first_observed", "observations"), [
        ("NGUYỄN VĂN AN", ID + "official/nguyen-van-an", "Bí thư Tỉnh ủy", "Hà Tĩnh",
         "2021-03-12", 2),
        ("NGUYỄN VĂN AN", ID + "official/nguyen-van-an", "Chủ tịch Hội đồng nhân dân tỉnh",
         "Hà Tĩnh", "2021-03-12", 1),
        ("NGUYỄN VĂN AN", ID + "official/nguyen-van-an",
         "Ủy viên Ban Chấp hành Trung ương Đảng", None, "2025-08-20", 1),
    ]),
    ("career", {"name": "Đỗ Quang Thuỵ"}, ("official_name", "title", "jurisdiction"), [
        ("Đỗ Quang Thụy", "Bí thư Thành ủy", "Cần Thơ"),
    ]),
    ("career", {"name": "Đỗ Quang"}, ("title",), []),
    # successions: by title, then by when the successor was first seen
    ("successions", {"province": "Cần Thơ"},
     ("title", "jurisdiction", "predecessor", "predecessor_last_observed", "successor",
      "successor_first_observed"), [
        ("Bí thư Thành ủy", "Cần Thơ", "Hồ Văn Khánh", "2023-03-15", "Đỗ Quang Thụy",
         "2025-08-20"),
        ("Bí thư Tỉnh ủy", "Hậu Giang", "Phạm Đức Dũng", "2022-04-15", "Lê Minh Cường",
         "2023-09-20"),
        ("Bí thư Tỉnh ủy", "Sóc Trăng", "Trần Thị Bình", "2022-10-05", "Võ Thị Hoa",
         "2024-05-10"),
    ]),
    ("successions", {"province": "tỉnh Hậu Giang"}, ("jurisdiction", "predecessor", "successor"), [
        ("Hậu Giang", "Phạm Đức Dũng", "Lê Minh Cường"),
    ]),
    ("successions", {"province": "Hà Tĩnh"}, ("title",), []),
]


@pytest.mark.parametrize("name,params,columns,rows", EXPECTED)
def test_named_query_rows(dataset, name, params, columns, rows) -> None:
    result = run_query(dataset, load_query(name), params)
    assert result.variables == load_query(name).returns
    index = [result.variables.index(c) for c in columns]
    assert [tuple(row[i] for i in index) for row in result.rows] == rows


@pytest.mark.parametrize("name,column", [
    ("officials-of-province", "jurisdiction"),
    ("meetings-of-province", "held_in"),
    ("successions", "jurisdiction"),
])
def test_an_old_name_gives_only_the_old_province(dataset, name, column) -> None:
    def places(province: str) -> set:
        return {row[column] for row in run_query(dataset, name, {"province": province}).as_dicts()}

    assert places("Hậu Giang") == {"Hậu Giang"}
    assert places("Sóc Trăng") == {"Sóc Trăng"}
    assert places("Cần Thơ") == {"Cần Thơ", "Hậu Giang", "Sóc Trăng"}


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_both_stores_give_the_same_answer(memory, oxigraph, query) -> None:
    params = {p.name: "Hà Tĩnh" for p in query.params}
    assert run_query(memory, query, params) == run_query(oxigraph, query, params)
