"""kg.link.posts: whether a canonical title is held by one person and rotated (posts.tsv)."""

from __future__ import annotations

import pytest

from kg.data import load_table
from kg.link.posts import PostKind, post_kind

ONE_ROTATED = PostKind(one_holder=True, rotates=True)
MANY_ROTATED = PostKind(one_holder=False, rotates=True)
ONE = PostKind(one_holder=True, rotates=False)
MANY = PostKind(one_holder=False, rotates=False)


@pytest.mark.parametrize("title, kind", [
    # title rows: the whole title, winning over the word and prefix rows it also matches
    ("Bí thư Tỉnh ủy", ONE_ROTATED),
    ("Chủ tịch Ủy ban nhân dân tỉnh", ONE_ROTATED),
    ("Phó Bí thư Tỉnh ủy", MANY_ROTATED),                 # not the "Phó" prefix's
    ("Phó Bí thư Thường trực Tỉnh ủy", ONE_ROTATED),  # not "Thường trực" or "Phó"
    ("Bí thư Trung ương Đảng", MANY),
    # word rows: a word anywhere, winning over a prefix
    ("Kiểm sát viên", MANY),
    ("Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh", ONE),
    # prefix rows
    ("Phó Chủ tịch Ủy ban nhân dân huyện", MANY),
    ("Phó Giám đốc Sở Y tế", MANY),
    ("Đại biểu Quốc hội", MANY),
    # no row: one holder, not rotated
    ("Giám đốc Sở Y tế", ONE),
    ("Chủ tịch Ủy ban nhân dân huyện", ONE),
    ("Bí thư Huyện ủy", ONE),
])
def test_post_kind_follows_the_rows(title: str, kind: PostKind) -> None:
    assert post_kind(title) == kind


@pytest.mark.parametrize("title", ["bí thư tỉnh ủy", "BÍ THƯ TỈNH ỦY",
                                   "Bí thư Tỉnh uỷ", "Bí thư  Tỉnh ủy"])
def test_spelling_of_the_title_does_not_matter(title: str) -> None:
    assert post_kind(title) == ONE_ROTATED


def test_every_title_row_is_read_as_written() -> None:
    rows = [r for r in load_table("posts") if r["kind"] == "title"]
    assert rows
    for row in rows:
        expected = PostKind(one_holder=row["holders"] == "one", rotates=row["rotates"] == "yes")
        assert post_kind(row["text"]) == expected, row["text"]
