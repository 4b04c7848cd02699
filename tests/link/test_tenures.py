"""kg.link.tenures: one official's holdings of one post, and successions between holders."""

from __future__ import annotations

from kg.link.tenures import Holding, Succession, holdings, successions
from kg.model import Post, Sighting
from kg.text import match_key

NGHE_AN, HA_TINH = "40", "42"
BI_THU = Post("Bí thư Tỉnh ủy", NGHE_AN)
UV_TW = Post("Ủy viên Trung ương Đảng", None, True)


def _seen(report: str, identity: str, day: str | None, *posts: Post) -> Sighting:
    name = identity.replace("-", " ").title()
    return Sighting(report=report, name=name, key=match_key(name), date=day, posts=posts,
                    identity=identity)


def _held(identity: str, post: Post, first: str | None, last: str | None) -> Holding:
    return Holding(identity, identity, post, first, last, (f"{identity}-{first}",))


def _pairs(out: list[Succession]) -> list[tuple[str, str]]:
    return [(s.predecessor.identity, s.successor.identity) for s in out]


def test_holdings_gather_one_officials_post_across_reports() -> None:
    out = holdings([
        _seen("c", "an", "2022-01-20", BI_THU),
        _seen("a", "an", "2020-06-30", BI_THU, UV_TW),
        _seen("b", "an", "2021-03-01", Post("Bí thư Tỉnh uỷ", NGHE_AN)),  # old tone spot
        _seen("d", "an", "2023-05-05", Post("Bí thư Tỉnh ủy", HA_TINH)),
        _seen("e", "binh", "2019-01-01", BI_THU),
    ])
    by_key = {(h.identity, h.post.title.replace("uỷ", "ủy"), h.post.province): h for h in out}
    assert len(out) == 4
    here = by_key[("an", "Bí thư Tỉnh ủy", NGHE_AN)]
    assert (here.first, here.last, here.reports) == ("2020-06-30", "2022-01-20", ("a", "b", "c"))
    national = by_key[("an", "Ủy viên Trung ương Đảng", None)]
    assert (national.first, national.last, national.reports) == ("2020-06-30", "2020-06-30",
                                                                 ("a",))
    assert by_key[("an", "Bí thư Tỉnh ủy", HA_TINH)].reports == ("d",)
    assert by_key[("binh", "Bí thư Tỉnh ủy", NGHE_AN)].reports == ("e",)


def test_undated_sightings_give_no_dates_but_count_as_reports() -> None:
    out = holdings([_seen("b", "an", None, BI_THU), _seen("a", "an", None, BI_THU),
                    _seen("c", "binh", None, BI_THU), _seen("d", "binh", "2021-02-02", BI_THU)])
    an, binh = sorted(out, key=lambda h: h.identity)
    assert (an.first, an.last, an.reports) == (None, None, ("a", "b"))
    assert (binh.first, binh.last, binh.reports) == ("2021-02-02", "2021-02-02", ("c", "d"))


def test_a_later_holder_of_a_one_holder_post_succeeds_the_earlier() -> None:
    out = successions(holdings([
        _seen("a", "an", "2020-06-30", BI_THU), _seen("b", "an", "2021-03-01", BI_THU),
        _seen("c", "binh", "2022-01-20", BI_THU), _seen("d", "binh", "2023-03-02", BI_THU)]))
    assert len(out) == 1
    succession = out[0]
    assert succession.post == BI_THU
    assert (succession.predecessor.identity, succession.predecessor.last) == ("an", "2021-03-01")
    assert (succession.successor.identity, succession.successor.first) == ("binh", "2022-01-20")


def test_a_chain_of_holders_gives_a_chain_of_successions() -> None:
    out = successions([_held("an", BI_THU, "2010-01-01", "2014-01-01"),
                       _held("chi", BI_THU, "2019-01-01", "2019-06-01"),
                       _held("binh", BI_THU, "2015-01-01", "2018-01-01")])
    assert _pairs(out) == [("an", "binh"), ("binh", "chi")]


def test_no_succession_for_a_post_many_hold() -> None:
    post = Post("Phó Bí thư Tỉnh ủy", NGHE_AN)
    out = successions([_held("an", post, "2015-01-01", "2016-01-01"),
                       _held("binh", post, "2020-01-01", "2020-01-01")])
    assert out == []


def test_no_succession_when_the_holdings_overlap() -> None:
    out = successions([_held("an", BI_THU, "2020-01-01", "2023-01-01"),
                       _held("binh", BI_THU, "2022-01-01", "2024-01-01")])
    assert out == []


def test_no_succession_for_a_post_without_a_place() -> None:
    unplaced = Post("Bí thư Tỉnh ủy", None)
    national = Post("Chủ tịch Quốc hội", None, True)
    out = successions([_held("an", unplaced, "2015-01-01", "2016-01-01"),
                       _held("binh", unplaced, "2020-01-01", "2020-01-01"),
                       _held("chi", national, "2015-01-01", "2016-01-01"),
                       _held("dung", national, "2020-01-01", "2020-01-01")])
    assert [(s.post, *p) for s, p in zip(out, _pairs(out))] == [(national, "chi", "dung")]


def test_no_succession_from_undated_holdings() -> None:
    out = successions([_held("an", BI_THU, None, None),
                       _held("binh", BI_THU, "2020-01-01", "2020-01-01")])
    assert out == []


def test_different_posts_are_not_successions() -> None:
    out = successions([_held("an", BI_THU, "2015-01-01", "2016-01-01"),
                       _held("binh", Post("Bí thư Tỉnh ủy", HA_TINH),
                             "2020-01-01", "2020-01-01"),
                       _held("chi", Post("Chủ tịch Ủy ban nhân dân tỉnh", NGHE_AN),
                             "2020-01-01", "2020-01-01")])
    assert out == []


def test_the_predecessor_is_the_earlier_holder_seen_latest() -> None:
    # A 2015-2024 is still seen after B (2018): B succeeded nobody, and C (2025) follows A
    a = _held("a", BI_THU, "2015-01-01", "2024-01-01")
    b = _held("b", BI_THU, "2018-01-01", "2018-01-01")
    c = _held("c", BI_THU, "2025-01-01", "2025-01-01")
    assert _pairs(successions([c, b, a])) == [("a", "c")]


def test_no_successor_while_the_earlier_holder_is_still_seen() -> None:
    a = _held("a", BI_THU, "2015-01-01", "2024-01-01")
    b = _held("b", BI_THU, "2018-01-01", "2018-01-01")
    c = _held("c", BI_THU, "2023-01-01", "2023-01-01")   # before A's last day
    assert successions([a, b, c]) == []
