"""kg/link/meetings.py: the main meeting's date, chairs and participants.

DATE, OFFICIAL and TITLE mentions are built by hand here (names listed per case, dates
by a tiny local regex), so these tests do not depend on the other extractors.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.extract.meetings import extract_meetings
from kg.link.meetings import assemble_meetings
from kg.model import (
    CleanDoc,
    DateValue,
    Meeting,
    Mention,
    MentionKind,
    OfficialValue,
    TitleValue,
)

_DATE = re.compile(r"(?<!\d)(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}))?(?![\d/])")


def _hand_mentions(text: str, names: dict[str, tuple[str, ...]],
                   titles: tuple[str, ...] = (), published: str | None = None) -> list[Mention]:
    found = []
    for m in _DATE.finditer(text):
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
        iso = f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
        found.append(Mention(m.start(), m.end(), MentionKind.DATE, m.group(),
                             DateValue(iso, stated=bool(year)), "test"))
    for name, held in names.items():
        for m in re.finditer(re.escape(name), text):
            found.append(Mention(m.start(), m.end(), MentionKind.OFFICIAL, name,
                                 OfficialValue(name, held), "test"))
    for title in titles:
        for m in re.finditer(re.escape(title), text):
            if not any(o.start <= m.start() < o.end for o in found):
                found.append(Mention(m.start(), m.end(), MentionKind.TITLE, title,
                                     TitleValue(title), "test"))
    return found


def _assemble(text: str, names: dict[str, tuple[str, ...]] | None = None,
              titles: tuple[str, ...] = (), published: str | None = None) -> tuple[Meeting, ...]:
    doc = CleanDoc("t", text, "test")
    earlier = _hand_mentions(text, names or {}, titles)
    mentions = earlier + extract_meetings(doc, tuple(earlier))
    mentions.sort(key=lambda m: (m.start, m.end, m.kind.value))
    return assemble_meetings(doc, mentions, published)


def _main(*args: object, **kwargs: object) -> Meeting:
    meetings = _assemble(*args, **kwargs)  # type: ignore[arg-type]
    assert meetings and meetings[0].main
    return meetings[0]


@pytest.mark.parametrize(("text", "published", "date", "stated"), [
    ("Sáng 30/6/2020, Tỉnh ủy tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 9.",
     None, "2020-06-30", True),
    # the year comes from the publication date; one from the year before in January
    ("Chiều 19-7, Thường trực Tỉnh ủy tổ chức cuộc họp về phòng dịch.", "2021-07-20",
     "2021-07-19", False),
    ("Ngày 28/12, HĐND tỉnh tổ chức kỳ họp thứ 14.", "2022-01-03", "2021-12-28", False),
    # the year comes from "năm 2023" in the meeting's sentence
    (("Ngày 1/12, Tỉnh ủy tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh đánh giá nhiệm vụ "
     "năm 2023, triển khai nhiệm vụ năm 2024."), None, "2023-12-01", False),
    # no year anywhere: unknown, never invented
    ("Sáng 21/4, Ban Thường vụ Tỉnh ủy tổ chức hội nghị cho ý kiến về đề án.", None, None,
     True),
    # the title has no date, the lead sentence has
    (("Hội nghị Ban Thường vụ Tỉnh ủy\nSáng 27/4/2022, Ban Thường vụ Tỉnh ủy đã tổ chức "
     "hội nghị cho ý kiến các dự thảo."), None, "2022-04-27", True),
    # a directive's issue date is not the meeting's
    (("Sáng 6/9/2025, Thành ủy tổ chức hội nghị công bố Quyết định số 12-QĐ/TW ngày "
     "5/9/2025 của Bộ Chính trị."), None, "2025-09-06", True),
    # "sáng nay" is the publication day
    ("Sáng nay, kỳ họp thứ 10, HĐND tỉnh khóa X khai mạc.", "2023-07-05", "2023-07-05",
     True),
    # no date printed at all
    ("Phát biểu kết luận cuộc họp, Chủ tịch UBND tỉnh Lê Văn An đề nghị các ngành vào cuộc.",
     "2019-12", None, True),
])
def test_main_meeting_date(text: str, published: str | None, date: str | None,
                           stated: bool) -> None:
    meeting = _main(text, published=published)
    assert (meeting.date, meeting.date_stated) == (date, stated)


def test_directive_date_is_skipped_when_marked() -> None:
    text = ("Sáng 6/9/2025, Thành ủy tổ chức hội nghị công bố Quyết định số 12-QĐ/TW "
            "ngày 5/9/2025.")
    doc = CleanDoc("t", text, "test")
    start = text.index("12-QĐ/TW")
    directive = Mention(start, start + 8, MentionKind.DIRECTIVE, "12-QĐ/TW",
                        DateValue("x"), "test")  # only the span matters here
    earlier = _hand_mentions(text, {}) + [directive]
    mentions = sorted(earlier + extract_meetings(doc, tuple(earlier)), key=lambda m: m.start)
    meeting = assemble_meetings(doc, mentions, None)[0]
    assert meeting.date == "2025-09-06"


_A = {"Lý Văn Hòa": ("Bí thư Tỉnh ủy",)}
_AB = {"Lý Văn Hòa": ("Bí thư Tỉnh ủy",), "Đào Thị Mai": ("Chủ tịch UBND tỉnh",)}
_ABC = {**_AB, "Vi Văn Cường": ("Phó Bí thư Tỉnh ủy",)}


@pytest.mark.parametrize(("text", "names", "chairs", "participants"), [
    (("Sáng 2/3, Tỉnh ủy tổ chức hội nghị. Đồng chí Lý Văn Hòa, Bí thư Tỉnh ủy chủ trì "
     "hội nghị."), _A, ["Lý Văn Hòa"], ["Lý Văn Hòa"]),
    (("Sáng 2/3, Tỉnh ủy tổ chức hội nghị. Dự và chủ trì Hội nghị có đồng chí Lý Văn Hòa, "
     "Bí thư Tỉnh ủy chủ trì Hội nghị; đồng chí Đào Thị Mai, Chủ tịch UBND tỉnh; cùng dự "
     "có các đồng chí Ủy viên Ban Thường vụ."), _AB, ["Lý Văn Hòa"],
     ["Lý Văn Hòa", "Đào Thị Mai"]),
    (("Sáng 2/3, Ban Thường vụ Tỉnh ủy tổ chức hội nghị trực tuyến. Các đồng chí: Lý Văn "
     "Hòa - Bí thư Tỉnh ủy; Đào Thị Mai - Chủ tịch UBND tỉnh đồng chủ trì hội nghị."),
     _AB, ["Lý Văn Hòa", "Đào Thị Mai"], ["Lý Văn Hòa", "Đào Thị Mai"]),
    (("Sáng 2/3, Tỉnh ủy tổ chức hội nghị. Các đồng chí Lý Văn Hòa, Bí thư Tỉnh ủy, Đào "
     "Thị Mai, Chủ tịch UBND tỉnh đồng chủ trì."), _AB, ["Lý Văn Hòa", "Đào Thị Mai"],
     ["Lý Văn Hòa", "Đào Thị Mai"]),
    (("Sáng 2/3, dưới sự chủ trì của đồng chí Lý Văn Hòa, Bí thư Tỉnh ủy và đồng chí Đào "
     "Thị Mai, Chủ tịch UBND tỉnh, Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 8 đã được "
     "tổ chức."), _AB, ["Lý Văn Hòa", "Đào Thị Mai"], ["Lý Văn Hòa", "Đào Thị Mai"]),
    (("Sáng 2/3, Tỉnh ủy tổ chức hội nghị. Chủ trì hội nghị có đồng chí Lý Văn Hòa, Bí thư "
     "Tỉnh ủy. Tham dự hội nghị có các đồng chí: Đào Thị Mai, Chủ tịch UBND tỉnh; Vi Văn "
     "Cường, Phó Bí thư Tỉnh ủy."), _ABC, ["Lý Văn Hòa"],
     ["Lý Văn Hòa", "Đào Thị Mai", "Vi Văn Cường"]),
    # "dự và chỉ đạo" is attending, not chairing
    (("Ngày 12-9, UBND tỉnh họp phiên thường kỳ tháng 9. Dự và chỉ đạo cuộc họp có đồng "
     "chí Lý Văn Hòa, Bí thư Tỉnh ủy."), _A, [], ["Lý Văn Hòa"]),
    # a speaker is a participant
    (("Sáng 2/3, HĐND tỉnh khai mạc kỳ họp thứ 5. Phát biểu khai mạc kỳ họp, ông Vi Văn "
     "Cường nêu rõ yêu cầu. Bí thư Tỉnh ủy Lý Văn Hòa phát biểu chỉ đạo tại kỳ họp."),
     _ABC, [], ["Vi Văn Cường", "Lý Văn Hòa"]),
    # a name alone in a clause with no cue is nobody's participant
    (("Sáng 2/3, Tỉnh ủy tổ chức hội nghị. Đồng chí Lý Văn Hòa chủ trì hội nghị. Trước "
     "đó, đồng chí Đào Thị Mai đã đi thăm các huyện."), _AB, ["Lý Văn Hòa"],
     ["Lý Văn Hòa"]),
    # "điều hành hoạt động" is not chairing a meeting
    (("Tại Hội nghị Ban Chấp hành Đảng bộ tỉnh ngày 17/9/2022, đồng chí Vi Văn Cường công "
     "bố quyết định phân công đồng chí Lý Văn Hòa điều hành hoạt động của Tỉnh ủy."),
     _ABC, [], ["Vi Văn Cường"]),
])
def test_chairs_and_participants(text: str, names: dict[str, tuple[str, ...]],
                                 chairs: list[str], participants: list[str]) -> None:
    meeting = _main(text, names)
    assert list(meeting.chairs) == chairs
    assert sorted(meeting.participants) == sorted(participants)


def test_a_title_alone_chairs_through_the_person_named_earlier() -> None:
    text = ("Sáng 2/3, Tỉnh ủy tổ chức hội nghị có Bí thư Tỉnh ủy Lý Văn Hòa tham dự. "
            "Sau đó, đồng chí Bí thư Tỉnh ủy chủ trì phiên thảo luận của hội nghị.")
    meeting = _main(text, _A, titles=("Bí thư Tỉnh ủy",))
    assert meeting.chairs == ("Lý Văn Hòa",)


def test_sentences_about_another_meeting_give_no_people() -> None:
    text = ("Sáng 2/3, Tỉnh ủy tổ chức hội nghị sơ kết công tác. Đồng chí Lý Văn Hòa chủ trì "
            "hội nghị. Trước đó, đồng chí Đào Thị Mai chủ trì Hội nghị Ban Thường vụ Tỉnh ủy "
            "lần thứ 40.")
    meetings = _assemble(text, _AB)
    assert meetings[0].chairs == ("Lý Văn Hòa",)
    assert [(m.kind, m.ordinal, m.main) for m in meetings[1:]] == [
        ("standing-committee", 40, False)]


def test_main_meeting_merges_its_mentions() -> None:
    text = ("Kỳ họp thứ 7, HĐND tỉnh khóa X\n\nSáng 9/7/2024, kỳ họp thứ 7, HĐND tỉnh "
            "khóa X, nhiệm kỳ 2021-2026 khai mạc theo hình thức trực tuyến.")
    meeting = _main(text)
    assert (meeting.kind, meeting.ordinal, meeting.term, meeting.online, meeting.date) == (
        "people-council-session", 7, "2021-2026", True, "2024-07-09")


def test_no_meeting_gives_an_empty_tuple() -> None:
    assert _assemble("Tỉnh đã hoàn thành nhiều chỉ tiêu kinh tế.", _A) == ()


# ---- the development corpus, with the project's own extractors -----------------------

_CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


def test_corpus_kinds_and_chairs() -> None:
    """Kind accuracy and chair F1 on the gold files stay at the level measured."""
    if not _CORPUS.is_dir():
        pytest.skip(f"development corpus not found at {_CORPUS}")
    from kg.extract import extract
    from kg.extract.dates import published_date
    from kg.text import match_key, nfc

    kinds = tp = fp = fn = total = 0
    for gold_path in sorted(_CORPUS.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = nfc(gold_path.with_name(gold_path.name[:-10] + ".txt").read_text("utf-8"))
        url = gold["source"] if str(gold.get("source", "")).startswith("http") else None
        doc = CleanDoc(gold["id"], text, str(gold_path), url=url)
        mentions = extract(doc)
        meetings = [m for m in assemble_meetings(doc, mentions, published_date(doc, mentions))
                    if m.main]
        if not gold["meetings"]:
            continue
        total += 1
        want = gold["meetings"][0]
        got = meetings[0] if meetings else None
        kinds += bool(got and got.kind == want["kind"])
        wanted = {match_key(n) for n in want["chairs"]}
        found = {match_key(n) for n in (got.chairs if got else ())}
        tp, fp, fn = tp + len(wanted & found), fp + len(found - wanted), fn + len(wanted - found)
    assert kinds / total >= 0.9
    assert 2 * tp / (2 * tp + fp + fn) >= 0.9
