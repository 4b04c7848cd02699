"""kg.link.scope: national posts versus provincial ones."""

import pytest

from kg.link.scope import is_national


@pytest.mark.parametrize("title, national", [
    ("Ủy viên Ban Chấp hành Trung ương Đảng", True),
    ("Ủy viên Bộ Chính trị", True),
    ("Phó Thủ tướng Chính phủ", True),
    ("Phó Thủ tướng", True),
    ("Chủ tịch Hội Nhà báo Việt Nam", True),
    ("Bí thư Tỉnh ủy", False),
    ("Chủ tịch Ủy ban nhân dân tỉnh", False),
    ("Trưởng đoàn Đại biểu Quốc hội tỉnh", False),
    ("Giám đốc Sở Tài chính", False),
])
def test_is_national(title: str, national: bool) -> None:
    assert is_national(title) is national
