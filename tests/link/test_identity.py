"""kg.link.identity: which officials of different reports are one person, and why."""

from __future__ import annotations

import random
import unicodedata
from datetime import date, timedelta

import pytest

from kg.gazetteer import province_by_key, successor
from kg.link.identity import CONFLICT_DAYS, IdentityLink, link_officials
from kg.model import Post, Sighting
from kg.text import match_key

NGHE_AN, HA_TINH = "40", "42"
PHU_YEN, DAK_LAK = "54", "66"
LAO_CAI, CA_MAU = "10", "96"

BI_THU = "Bí thư Tỉnh ủy"
PHO_BI_THU = "Phó Bí thư Tỉnh ủy"
UV_TW = "Ủy viên Trung ương Đảng"
AN = "Nguyễn Văn An"
AN_KEY = match_key(AN)


def _seen(report: str, name: str, day: str | None, *posts: Post,
          identity: str = "") -> Sighting:
    """A sighting as kg.link.sightings makes one."""
    return Sighting(report=report, name=name, key=match_key(name), date=day,
                    posts=posts, identity=identity)


def _after(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def test_province_keys_are_the_ones_meant() -> None:
    names = {key: province_by_key(key).name  # type: ignore[union-attr]
             for key in (NGHE_AN, HA_TINH, PHU_YEN, DAK_LAK, LAO_CAI, CA_MAU)}
    assert names == {NGHE_AN: "Nghệ An", HA_TINH: "Hà Tĩnh", PHU_YEN: "Phú Yên",
                     DAK_LAK: "Đắk Lắk", LAO_CAI: "Lào Cai", CA_MAU: "Cà Mau"}
    phu_yen, lao_cai = province_by_key(PHU_YEN), province_by_key(LAO_CAI)
    assert phu_yen is not None and lao_cai is not None
    assert successor(phu_yen, "2025-08-01").key == DAK_LAK
    assert successor(lao_cai, "2025-08-01").key != CA_MAU


def test_same_post_in_same_province_is_one_person() -> None:
    out = link_officials([_seen("a", AN, "2020-06-30", Post(BI_THU, NGHE_AN)),
                          _seen("b", AN, "2022-01-20", Post(BI_THU, NGHE_AN))])
    assert out.of == {("a", AN_KEY): "nguyen-van-an", ("b", AN_KEY): "nguyen-van-an"}
    assert len(out.links) == 1
    link = out.links[0]
    assert (link.identity, link.reports, link.rule) == ("nguyen-van-an", ("a", "b"), "same-post")
    assert "Nghệ An" in link.evidence
    assert out.collisions == ()


@pytest.mark.parametrize("first, second", [
    ("Lê Thị Hòa", "LÊ THỊ HÒA"),
    ("Lê Thị Hòa", "Lê Thị Hoà"),                       # tone on the a, old style
    ("Lê Thị Hòa", unicodedata.normalize("NFD", "Lê Thị Hòa")),
    ("lê  thị hoà", unicodedata.normalize("NFD", "LÊ THỊ HÒA")),
])
def test_spelling_variants_of_name_and_title_still_match(first: str, second: str) -> None:
    out = link_officials([_seen("a", first, "2020-06-30", Post("Bí thư Tỉnh ủy", NGHE_AN)),
                          _seen("b", second, "2021-06-30", Post("Bí thư Tỉnh uỷ", NGHE_AN))])
    assert set(out.of.values()) == {"le-thi-hoa"}
    assert len(out.of) == 2
    assert [link.rule for link in out.links] == ["same-post"]


def test_same_national_post_is_one_person() -> None:
    # 30 days apart: too close for a career move, so only the national post can join them
    out = link_officials([_seen("a", AN, "2021-03-01", Post(UV_TW, None, True)),
                          _seen("b", AN, "2021-03-31", Post(UV_TW, None, True))])
    assert set(out.of.values()) == {"nguyen-van-an"}
    assert [(link.reports, link.rule) for link in out.links] == [(("a", "b"), "national-post")]


def test_different_posts_in_one_province_are_one_person() -> None:
    out = link_officials([
        _seen("a", AN, "2019-05-01", Post("Phó Chủ tịch Ủy ban nhân dân tỉnh", NGHE_AN)),
        _seen("b", AN, "2023-05-01", Post("Chủ tịch Ủy ban nhân dân tỉnh", NGHE_AN))])
    assert set(out.of.values()) == {"nguyen-van-an"}
    assert [link.rule for link in out.links] == ["same-province"]


def test_provinces_the_merger_made_one_are_one_person() -> None:
    out = link_officials([_seen("py", AN, "2024-05-10", Post(PHO_BI_THU, PHU_YEN)),
                          _seen("dl", AN, "2025-08-15", Post(PHO_BI_THU, DAK_LAK))])
    assert set(out.of.values()) == {"nguyen-van-an"}
    assert [(link.reports, link.rule) for link in out.links] == [(("py", "dl"), "merged-province")]
    assert out.collisions == ()


def test_two_provinces_before_their_merger_are_still_two_places() -> None:
    out = link_officials([_seen("py", AN, "2024-03-01", Post(BI_THU, PHU_YEN)),
                          _seen("dl", AN, "2024-04-01", Post(BI_THU, DAK_LAK))])
    assert len(set(out.of.values())) == 2
    assert [c.rule for c in out.collisions] == ["two-places-at-once"]


def test_rotated_post_in_another_province_years_later_is_a_career_move() -> None:
    out = link_officials([_seen("a", AN, "2020-03-01", Post(BI_THU, NGHE_AN)),
                          _seen("b", AN, "2025-03-01", Post(BI_THU, HA_TINH))])
    assert set(out.of.values()) == {"nguyen-van-an"}
    assert [(link.reports, link.rule) for link in out.links] == [(("a", "b"), "career-move")]
    assert out.collisions == ()


@pytest.mark.parametrize("apart, one_person", [(CONFLICT_DAYS, False),
                                               (CONFLICT_DAYS + 1, True)])
def test_conflict_window_ends_at_conflict_days(apart: int, one_person: bool) -> None:
    out = link_officials([_seen("a", AN, "2020-03-01", Post(BI_THU, NGHE_AN)),
                          _seen("b", AN, _after("2020-03-01", apart), Post(BI_THU, HA_TINH))])
    assert (len(set(out.of.values())) == 1) is one_person


def test_same_name_far_apart_without_evidence_is_two_officials() -> None:
    # listed later-first: the bare slug goes to the earlier sighting, not the first listed
    out = link_officials([
        _seen("Cà Mau 2023/07", AN, "2023-07-12",
              Post("Phó Chủ tịch Ủy ban nhân dân huyện", CA_MAU)),
        _seen("lc-2019", AN, "2019-04-02", Post("Giám đốc Sở Y tế", LAO_CAI))])
    assert out.of == {("lc-2019", AN_KEY): "nguyen-van-an",
                      ("Cà Mau 2023/07", AN_KEY): "nguyen-van-an_ca-mau-2023-07"}
    assert out.links == ()
    assert len(out.collisions) == 1
    collision = out.collisions[0]
    assert collision.identities == ("nguyen-van-an", "nguyen-van-an_ca-mau-2023-07")
    assert collision.rule == "no-evidence"


def test_leading_two_provinces_at_once_is_two_officials_despite_a_national_post() -> None:
    day = "2024-03-01"
    out = link_officials([
        _seen("na", AN, day, Post(BI_THU, NGHE_AN), Post(UV_TW, None, True)),
        _seen("lc", AN, _after(day, CONFLICT_DAYS), Post(BI_THU, LAO_CAI),
              Post(UV_TW, None, True))])
    assert out.of == {("na", AN_KEY): "nguyen-van-an", ("lc", AN_KEY): "nguyen-van-an_lc"}
    assert out.links == ()
    assert [(c.identities, c.rule) for c in out.collisions] == [
        (("nguyen-van-an", "nguyen-van-an_lc"), "two-places-at-once")]
    assert "Lào Cai" in out.collisions[0].evidence and "Nghệ An" in out.collisions[0].evidence


def test_a_sighting_without_posts_joins_nobody() -> None:
    out = link_officials([_seen("a", AN, "2020-03-01", Post(BI_THU, NGHE_AN)),
                          _seen("b", AN, "2020-04-01"),
                          _seen("c", AN, "2022-04-01")])
    assert len(set(out.of.values())) == 3
    assert out.links == ()
    assert {c.rule for c in out.collisions} == {"no-evidence"}


def test_stored_identity_is_kept_and_an_earlier_stranger_is_qualified() -> None:
    # in date order the new 2019 sighting would be the first "Nguyễn Văn An" and take the
    # bare slug, but the store already gave it to the 2024 one
    out = link_officials([
        _seen("old", AN, "2024-01-10", Post(BI_THU, NGHE_AN), identity="nguyen-van-an"),
        _seen("new", AN, "2019-01-10", Post("Giám đốc Sở Y tế", CA_MAU))])
    assert out.of == {("old", AN_KEY): "nguyen-van-an", ("new", AN_KEY): "nguyen-van-an_new"}
    assert out.links == ()


def test_stored_identities_hold_without_evidence_and_new_matches_join_them() -> None:
    out = link_officials([
        _seen("s1", AN, "2019-04-02", Post("Giám đốc Sở Y tế", LAO_CAI),
              identity="nguyen-van-an_s0"),
        _seen("s2", AN, "2023-07-12", Post("Giám đốc Sở Y tế", CA_MAU),
              identity="nguyen-van-an_s0"),
        _seen("n1", AN, "2024-02-01", Post("Giám đốc Sở Y tế", CA_MAU))])
    assert set(out.of.values()) == {"nguyen-van-an_s0"}
    assert len(out.of) == 3
    assert {(link.reports, link.rule) for link in out.links} == {
        (("s1", "s2"), "earlier-build"), (("s2", "n1"), "same-post")}
    assert out.collisions == ()


def test_two_stored_identities_a_rule_would_join_stay_two_and_say_why() -> None:
    out = link_officials([
        _seen("x", AN, "2021-01-10", Post(BI_THU, NGHE_AN), identity="nguyen-van-an"),
        _seen("y", AN, "2021-06-10", Post(BI_THU, NGHE_AN), identity="nguyen-van-an_y")])
    assert set(out.of.values()) == {"nguyen-van-an", "nguyen-van-an_y"}
    [collision] = out.collisions
    assert collision.rule == "earlier-build"
    assert "kept apart by an earlier build" in collision.evidence


def test_names_that_slug_alike_are_different_officials() -> None:
    hung, hung2 = "Nguyễn Văn Hùng", "Nguyễn Văn Hưng"
    post = Post("Phó Chủ tịch Ủy ban nhân dân tỉnh", NGHE_AN)
    out = link_officials([_seen("a", hung, "2020-03-01", post),
                          _seen("b", hung2, "2021-03-01", post)])
    assert out.of == {("a", match_key(hung)): "nguyen-van-hung",
                      ("b", match_key(hung2)): "nguyen-van-hung_b"}
    assert out.links == () and out.collisions == ()


def test_names_that_slug_alike_in_one_report_are_different_officials() -> None:
    post = Post("Phó Chủ tịch Ủy ban nhân dân tỉnh", NGHE_AN)
    out = link_officials([_seen("a", "Nguyễn Văn Hùng", "2020-03-01", post),
                          _seen("a", "Nguyễn Văn Hưng", "2020-03-01", post)])
    assert len(out.of) == 2
    assert len(set(out.of.values())) == 2


def _mixed() -> list[Sighting]:
    return [
        _seen("a", AN, "2020-03-01", Post(BI_THU, NGHE_AN)),
        _seen("b", AN, "2020-04-01", Post(BI_THU, LAO_CAI)),           # two places at once
        _seen("c", AN, "2021-01-01", Post(BI_THU, NGHE_AN)),           # joins a
        _seen("d", AN, "2022-01-01", Post("Giám đốc Sở Y tế", CA_MAU)),  # nobody
        _seen("e", AN, None, Post(BI_THU, LAO_CAI)),                   # joins b, undated
        _seen("f", AN, "2019-01-01", Post("Giám đốc Sở Y tế", PHU_YEN),
              identity="nguyen-van-an_f"),                             # from the store
        _seen("g", AN, "2025-09-01", Post("Giám đốc Sở Y tế", DAK_LAK)),  # joins f
        _seen("h", "Trần Thị Bình", "2021-05-05", Post(BI_THU, HA_TINH)),
        _seen("i", "TRẦN THỊ BÌNH", "2022-05-05", Post(BI_THU, HA_TINH)),
    ]


def test_result_does_not_depend_on_input_order() -> None:
    sightings = _mixed()
    expected = link_officials(sightings)
    assert len(set(expected.of.values())) == 5            # the case is not trivial
    for seed in range(25):
        shuffled = sightings[:]
        random.Random(seed).shuffle(shuffled)
        out = link_officials(shuffled)
        assert out.of == expected.of, seed
        assert set(out.links) == set(expected.links), seed
        assert set(out.collisions) == set(expected.collisions), seed


def test_apply_fills_identities_in() -> None:
    sightings = [_seen("a", AN, "2020-06-30", Post(BI_THU, NGHE_AN)),
                 _seen("b", AN, "2025-06-30", Post("Giám đốc Sở Y tế", CA_MAU))]
    out = link_officials(sightings)
    stranger = _seen("z", "Trần Thị Bình", None, identity="tran-thi-binh_z")
    applied = out.apply(sightings + [stranger])
    assert [s.identity for s in applied] == ["nguyen-van-an", "nguyen-van-an_b",
                                            "tran-thi-binh_z"]
    assert [s.report for s in applied] == ["a", "b", "z"]
    assert all(s.identity == "" for s in sightings)      # the input is left alone


def test_any_posts_in_two_provinces_at_once_are_two_officials() -> None:
    out = link_officials([_seen("a", AN, "2020-03-01", Post(BI_THU, NGHE_AN)),
                          _seen("b", AN, "2021-03-01", Post(BI_THU, NGHE_AN)),
                          _seen("c", AN, "2021-03-02", Post("Giám đốc Sở Y tế", CA_MAU))])
    assert out.of[("c", AN_KEY)] == "nguyen-van-an_c"
    assert out.links == (IdentityLink("nguyen-van-an", ("a", "b"), "same-post",
                                      "Nguyễn Văn An: Bí thư Tỉnh ủy (Nghệ An) in both reports"),)
    assert [(c.identities, c.rule) for c in out.collisions] == [
        (("nguyen-van-an", "nguyen-van-an_c"), "two-places-at-once")]


def test_a_deputy_in_two_provinces_years_apart_is_not_one_career() -> None:
    deputy = "Phó Bí thư Tỉnh ủy"
    out = link_officials([_seen("a", AN, "2020-03-01", Post(deputy, NGHE_AN)),
                          _seen("b", AN, "2023-03-01", Post(deputy, HA_TINH))])
    assert len(set(out.of.values())) == 2
    assert [c.rule for c in out.collisions] == ["no-evidence"]


def test_equal_evidence_for_two_people_joins_neither() -> None:
    title = "Phó Chủ tịch Ủy ban nhân dân tỉnh"
    out = link_officials([
        _seen("a", AN, "2021-01-10", Post(title, NGHE_AN)),
        _seen("b", AN, "2021-02-10", Post(title, HA_TINH)),
        _seen("u", AN, "2021-03-10", Post(title, None)),     # a report placed nowhere
    ])
    assert len(set(out.of.values())) == 3
    assert out.links == ()
