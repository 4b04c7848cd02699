"""find() and snippet(): where a gold string is in the text, and the one-line excerpt."""

from __future__ import annotations

import pytest

from kg.evaluate.snippets import find, snippet
from kg.model import CleanDoc

DOC = CleanDoc(id="x", text="Ngày 5/6/2021, Uỷ ban nhân dân tỉnh họp; ông Lê  Văn Anh "
                             "và ông Lê Văn An dự. Chỉ thị số 05 - CT/TU. Sáng 12/7, tỉnh họp.", source="")


@pytest.mark.parametrize("needle,found", [
    ("Ủy ban nhân dân", "Uỷ ban nhân dân"),
    ("lê văn an", "Lê Văn An"),
    ("Lê Văn Anh", "Lê  Văn Anh"),
    ("2021-06-05", "5/6/2021"),
    ("2024-07-12", "12/7"),
    ("2020-06-05", "Ngày 5/6"),
    ("2020-08-05", None),
    ("05-CT/TU", "05 - CT/TU"),
    ("Phạm Văn Tư", None),
])
def test_find(needle: str, found: str | None) -> None:
    where = find(DOC, needle)
    assert (DOC.text[where[0]:where[1]] if where else None) == found


def test_snippet_is_one_line_with_the_span_bracketed() -> None:
    text = "Mở đầu.\nĐồng chí Lê Văn An phát biểu\ttại hội nghị."
    start = text.index("Lê Văn An")
    assert snippet(text, start, start + 9, width=10) == "… Đồng chí [Lê Văn An] phát biểu…"
