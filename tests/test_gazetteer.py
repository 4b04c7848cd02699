"""kg/gazetteer.py: provinces across the 2025 merger, name lookup, districts, sites."""

from __future__ import annotations

import pytest

from kg.gazetteer import (
    district_index,
    find_province,
    province_by_code,
    province_by_key,
    province_for_host,
    provinces,
    successor,
)


def test_counts_before_and_after_the_merger() -> None:
    before = [p for p in provinces() if p.valid_on("2020-06-01")]
    after = [p for p in provinces() if p.valid_on("2025-09-01")]
    assert len(before) == 63
    assert len(after) == 34
    assert len({p.key for p in provinces()}) == len(provinces())


@pytest.mark.parametrize("name, on, key", [
    ("Hà Tĩnh", None, "42"),
    ("tỉnh Hà Tĩnh", None, "42"),
    ("TỈNH HÀ TĨNH", None, "42"),
    ("Thanh Hoá", None, "38"),                  # old tone placement
    ("thanh hóa", None, "38"),
    ("ha tinh", None, "42"),                    # no diacritics
    ("TP. Hồ Chí Minh", None, "79"),
    ("TPHCM", None, "79"),
    ("Thành phố Hồ Chí Minh", None, "79"),
    ("Bà Rịa-Vũng Tàu", None, "77"),
    ("Thừa Thiên - Huế", "2019-05-01", "46"),
    ("Huế", "2019-05-01", "46"),
    ("Huế", "2025-03-01", "46-2025"),
    ("Tây Ninh", "2020-01-01", "72"),
    ("tỉnh Tây Ninh", "2025-09-30", "80-2025"),
    ("Đắk Lắk", "2025-09-30", "66"),            # kept its name and code
    ("Đăk Lăk", None, "66"),
    ("Hậu Giang", "2025-09-30", "93"),          # named in hindsight: still the old unit
])
def test_find_province(name: str, on: str | None, key: str) -> None:
    found = find_province(name, on)
    assert found is not None and found.key == key, found


@pytest.mark.parametrize("name", ["", "Hà", "Nam Bộ", "Tây Nguyên", "Việt Nam"])
def test_find_province_unknown_is_none(name: str) -> None:
    assert find_province(name) is None


@pytest.mark.parametrize("old, on, new", [
    ("Hậu Giang", "2025-09-01", "Cần Thơ"),
    ("Yên Bái", "2025-08-01", "Lào Cai"),
    ("Long An", "2025-08-01", "Tây Ninh"),
    ("Quảng Bình", "2025-08-01", "Quảng Trị"),
    ("Hậu Giang", "2024-09-01", "Hậu Giang"),
    ("Thừa Thiên Huế", "2025-02-01", "Huế"),
])
def test_successor(old: str, on: str, new: str) -> None:
    province = find_province(old)
    assert province is not None
    assert successor(province, on).name == new


def test_codes_reused_by_new_units() -> None:
    assert province_by_code("80", "2020-01-01").name == "Long An"
    assert province_by_code("80", "2025-07-01").name == "Tây Ninh"
    assert province_by_key("24-2025").name == "Bắc Ninh"
    assert province_by_code("27").name == "Bắc Ninh"
    assert province_by_code("99") is None


def test_merged_units_point_at_a_unit_of_the_next_day() -> None:
    for p in provinces():
        if p.valid_until == "2025-06-30":
            target = province_by_code(p.merged_into, "2025-07-01")
            assert target is not None and target.valid_on("2025-07-01"), p


@pytest.mark.parametrize("name, province", [
    ("cẩm xuyên", "42"), ("hồng lĩnh", "42"), ("vinh", "40"), ("hữu lũng", "20"), ("1", "79"),
])
def test_district_index(name: str, province: str) -> None:
    assert {d.province for d in district_index()[name]} == {province}


def test_district_index_keeps_shared_names() -> None:
    assert len({d.province for d in district_index()["châu thành"]}) > 1


@pytest.mark.parametrize("url, name", [
    ("https://baohatinh.vn/tin/abc.html", "Hà Tĩnh"),
    ("baonghean.vn", "Nghệ An"),
    ("https://www.baodongnai.com.vn/x", "Đồng Nai"),
    ("http://hagiang.gov.vn/", "Hà Giang"),
    ("https://sonoivu.quangnam.gov.vn/a", "Quảng Nam"),      # subdomain
    ("http://skhdtthanhhoa.gov.vn/", "Thanh Hóa"),          # department site
    ("https://tinhuythaibinh.vn/", "Thái Bình"),
    ("https://baodongkhoi.vn/", "Bến Tre"),                 # hand entry
    ("https://sggp.org.vn/", "Hồ Chí Minh"),
])
def test_province_for_host(url: str, name: str) -> None:
    found = province_for_host(url)
    assert found is not None and found.name == name


@pytest.mark.parametrize("url", ["https://dantri.com.vn/a", "vnexpress.net", "chinhphu.vn",
                                 "https://baomoi.com/x", "", "http://gov.vn"])
def test_province_for_host_national_is_none(url: str) -> None:
    assert province_for_host(url) is None
