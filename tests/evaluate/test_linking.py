"""The cross-report linking check: groups fully linked, false merges."""

from __future__ import annotations

from kg.evaluate import check_linking, format_evaluation, score
from kg.text import slug

GOLDS = [
    {"id": "d1", "officials": [{"name": "Nguyễn Văn An"}, {"name": "Trần Thị Bình"}]},
    {"id": "d2", "officials": [{"name": "Nguyễn Văn An"}, {"name": "Trần Thị Bình"},
                               {"name": "Lê Minh Cường"}]},
    {"id": "d3", "officials": [{"name": "Lê Minh Cường"}]},
]
SAME_AS = [
    (("d1", "Nguyễn Văn An"), ("d2", "Nguyễn Văn An")),
    (("d2", "Lê Minh Cường"), ("d3", "Lê Minh Cường")),
]


def by_name_except_d3(report_id: str, name: str) -> str:
    """A graph that joins people by name, but keeps d3's Cường apart."""
    if report_id == "d3":
        return f"id:official/{slug(name)}-2"
    return f"id:official/{slug(name)}"


def test_groups_linked_and_false_merges() -> None:
    link = check_linking(GOLDS, by_name_except_d3, SAME_AS)
    assert (link.groups, link.linked, link.people) == (2, 1, 6)
    assert link.unlinked == ((("d2", "Lê Minh Cường"), ("d3", "Lê Minh Cường")),)
    assert link.false_merges == ((("d1", "Trần Thị Bình"), ("d2", "Trần Thị Bình")),)


def test_every_person_apart_links_nothing_and_merges_nothing() -> None:
    link = check_linking(GOLDS, lambda rid, name: f"{rid}/{slug(name)}", SAME_AS)
    assert (link.linked, link.false_merges) == (0, ())


def test_unknown_people_are_not_linked() -> None:
    link = check_linking(GOLDS, lambda rid, name: None, SAME_AS)
    assert (link.linked, len(link.unlinked), link.false_merges) == (0, 2, ())


def test_names_compare_by_match_key() -> None:
    groups = [(("d1", "NGUYỄN VĂN AN"), ("d2", "Nguyễn  Văn An"))]
    link = check_linking(GOLDS, lambda rid, name: slug(name), groups)
    assert link.linked == 1
    assert (("d1", "Nguyễn Văn An"), ("d2", "Nguyễn Văn An")) not in link.false_merges


def test_score_runs_the_check_and_prints_it() -> None:
    ev = score(GOLDS, [], identity=by_name_except_d3, same_as=SAME_AS)
    assert ev.linking is not None and ev.linking.linked == 1
    out = format_evaluation(ev)
    assert "linking: 1/2 same-as groups fully linked; 1 pair(s) of distinct people" in out
    assert "  merged: d1:Trần Thị Bình + d2:Trần Thị Bình" in out
    assert ev.to_dict()["linking"]["false_merges"] == [[["d1", "Trần Thị Bình"],
                                                        ["d2", "Trần Thị Bình"]]]
