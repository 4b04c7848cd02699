"""The tiny hand-made case: one invented report, its gold, and what was extracted."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import CleanDoc, Directive, Meeting, Official, ProvinceRef, Report

TEXT = ("Ngày 12/3/2021, đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy chủ trì Hội nghị Ban Chấp "
        "hành Đảng bộ tỉnh lần thứ 5. Dự có đồng chí Trần Thị Bình, Chủ tịch UBND tỉnh. "
        "Hội nghị thảo luận Chương trình 12-CTr/TU thực hiện Nghị quyết 19-NQ/TW. "
        "Ông Hoàng Văn Dũng phát biểu. Minh Hà")


def span(text: str) -> tuple[int, int]:
    start = TEXT.index(text)
    return start, start + len(text)


GOLD = {
    "id": "r1",
    "province": "Hà Tĩnh",
    "meetings": [{"kind": "executive-committee", "date": "2021-03-12", "ordinal": 5,
                  "chairs": ["Nguyễn Văn An"]}],
    "officials": [
        {"name": "Nguyễn Văn An", "positions": ["Bí thư Tỉnh ủy"]},
        {"name": "Trần Thị Bình", "positions": ["Chủ tịch Ủy ban nhân dân tỉnh"]},
    ],
    "directives": [
        {"number": "12-CTr/TU", "type": "Chương trình", "implements": "19-NQ/TW"},
        {"number": "19-NQ/TW", "type": "Nghị quyết"},
    ],
    "authors": ["Minh Hà"],
}

REPORT = Report(
    doc=CleanDoc(id="r1", text=TEXT, source="r1.txt"),
    mentions=(),
    province=ProvinceRef("42", "Hà Tĩnh", "explicit"),
    authors=("Minh Hà",),
    officials=(
        Official("NGUYỄN VĂN AN", ("Bí thư Tỉnh uỷ",), (span("Nguyễn Văn An"),)),
        Official("Hoàng Văn Dũng", (), (span("Hoàng Văn Dũng"),)),
    ),
    meetings=(Meeting("executive-committee", span("Hội nghị Ban Chấp hành"),
                      date="2021-03-12", date_span=span("12/3/2021"), ordinal=5,
                      chairs=("Nguyễn Văn An",)),),
    directives=(
        Directive("12-CTr/TU", span("12-CTr/TU"), doc_type="Chương trình",
                  implements="19-NQ/TW"),
        Directive("19-NQ/TW", span("19-NQ/TW"), doc_type="Nghị quyết", national=True),
    ),
)


@pytest.fixture
def gold() -> dict[str, Any]:
    return GOLD


@pytest.fixture
def report() -> Report:
    return REPORT
