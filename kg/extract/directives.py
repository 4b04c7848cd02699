"""Find numbered Party and State documents ("Nghị quyết số 04-NQ/TW") in a report.

Number shapes: "42-CT/TU", "1856-QĐNS/TW", "119- KH/TU", "57 -NQ/TW" (party style),
"42/NQ-CP", "15/2020/QĐ-TTg", "01/2015/TTLT-BNV-BTC" (state style) and
"59/2020/QH14" (laws). A number counts when its code is a known document type, its
issuer code is known, or a type word is printed before it. Lists ("số 03-NQ/TU,
04-NQ/TU") share the type word before the first number and the issuer after the
last. The issuer comes from "của Bộ Chính trị" after the number or "Tỉnh ủy ban hành"
before it, else from the issuer code; the issue date from "ngày 30/10/2016" next to it;
`implements` from "Chương trình số 79-CTr/TU ... thực hiện Nghị quyết số 04-NQ/TW" or
"Thực hiện Nghị quyết X, ... ban hành Kế hoạch Y" in one clause. A short reference
("Chỉ thị 42") is kept only when the report gives the full number with the same type
and leading number. Codes, type words and issuers live in kg/data/doc_types.tsv,
doc_type_words.tsv and issuers.tsv.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from kg.data import load_table
from kg.model import CleanDoc, DirectiveValue, Mention, MentionKind
from kg.text import fold_tones

SOURCE = "directives.v1"


def _key(text: str) -> str:
    return fold_tones(text).casefold()


def _alternation(words: list[str]) -> str:
    unique = sorted({_key(w) for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique)


_CODES = {_key(r["code"]): (r["code"], r["type"]) for r in load_table("doc_types")}
_TYPE_WORDS = {_key(r["word"]): r["type"] for r in load_table("doc_type_words")}
_ISSUER_CODES = {_key(r["form"]): (r["canonical"] or r["form"], r["name"] or None,
                                   r["national"] == "1")
                 for r in load_table("issuers") if r["kind"] == "code"}
_ISSUER_PHRASES = {_key(r["form"]): (r["name"], r["national"] == "1")
                   for r in load_table("issuers") if r["kind"] == "phrase"}

_W = _alternation(list(_TYPE_WORDS))
_P = _alternation(list(_ISSUER_PHRASES))
_L = r"[A-ZĐƯ][A-Za-zĐđƯư]*"
_S = r"[ \u00a0]*"
_NUMBER = re.compile(
    rf"(?<![\w/.\-])(?:"
    rf"(?P<an>\d{{1,5}}){_S}-{_S}(?P<ac>{_L}){_S}/{_S}(?P<ai>{_L})"
    rf"|(?P<bn>\d{{1,5}}){_S}/{_S}(?:(?P<by>(?:19|20)\d{{2}}){_S}/{_S})?(?P<bc>{_L}){_S}-{_S}"
    rf"(?P<bi>{_L}\d{{0,2}})(?P<br>(?:-{_L})*)"
    rf"|(?P<cn>\d{{1,5}})/(?P<cy>(?:19|20)\d{{2}})/(?P<ci>{_L}\d{{1,2}})"
    rf")(?![\w/])")
_NUMBER_HINT = re.compile(rf"\d{_S}[-/]")          # cheap scan for where a number may end
_DIGITS = re.compile(r"(?<![\w/.\-])\d{1,5}(?!\w)")
# The patterns below run on the lower-cased folded text.
_DATE = r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s*,?\s*năm\s+\d{4}"
_TERM = r"(?:\s*\(?\s*khóa\s+[ivxlc\d]+\s*\)?)?"
_TAIL = re.compile(
    rf"(?:\s*,?\s*(?:ban\s+hành\s+|ký\s+)?ngày\s+(?P<d1>{_DATE}))?"
    rf"(?:\s*,?\s*của\s+(?:hội\s+nghị\s+(?:lần\s+thứ\s+\w+\s+)?)?(?P<iss>{_P}){_TERM}(?!\w))?"
    rf"(?:\s*,?\s*(?:ban\s+hành\s+|ký\s+)?ngày\s+(?P<d2>{_DATE}))?")
_BEFORE_WORD = re.compile(rf"(?<!\w)(?P<word>{_W})\s*(?:số(?!\w)\s*)?:?\s*$")
_BEFORE_ISSUER = re.compile(
    rf"(?<!\w)(?:ngày\s+(?P<d0>{_DATE})\s*,\s*)?(?P<iss>{_P}){_TERM}\s+(?:đã\s+|vừa\s+)?"
    r"ban\s+hành\s+$")
_SHORT_AFTER = re.compile(rf"{_S}[-/]{_S}\w|[.,]\d")
_LIST_GAP = re.compile(r"\s*(?:,|;|và|,\s*và)\s*(?:số\s*)?")
_IMPLEMENTS_GAP = re.compile(
    r"\s*,?\s*(?:của\s+[^\d.;\n“”\"]{1,60}?\s+)?(?:(?:để|nhằm|về|về việc)\s+)?"
    r"(?:tiếp tục\s+)?(?:triển khai\s+)?(?:thực hiện|triển khai|cụ thể hóa|thi hành)"
    r"\s*(?:các\s+|những\s+)?")
_ISSUES_GAP = re.compile(
    r"\s*,\s*(?:[^\d.;\n“”\"]{0,60}?\s+)?(?:đã\s+|vừa\s+)?ban\s+hành\s*")
_CARRY_OUT_BEFORE = re.compile(
    r"(?<!\w)(?:thực hiện|triển khai|triển khai thực hiện|cụ thể hóa|quán triệt)\s*$")
_WINDOW = 160             # characters searched between two linked numbers


@dataclass(frozen=True)
class _Hit:
    start: int                # the type word, else the number
    number_start: int
    end: int                  # end of the number
    tail_end: int             # end of the date / issuer printed after it
    value: DirectiveValue
    word_type: str | None     # the type printed before it (or shared from a list)


def _canonical_code(code: str) -> str:
    known = _CODES.get(_key(code))
    if known:
        return known[0]
    issuer = _ISSUER_CODES.get(_key(code))
    return issuer[0] if issuer else code.upper()


def _canonical_issuer(code: str) -> tuple[str, str | None, bool]:
    """Return (spelling, body, national) for an issuer code such as "QH14" or "TU"."""
    base = code.rstrip("0123456789")
    digits = code[len(base):]
    known = _ISSUER_CODES.get(_key(base))
    if known:
        return known[0] + digits, known[1], known[2]
    return code.upper(), None, False


def _parse_date(text: str | None) -> str | None:
    if not text:
        return None
    day, month, year = (int(n) for n in re.findall(r"\d+", text))
    if not (1 <= day <= 31 and 1 <= month <= 12 and 1900 <= year <= 2100):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _number(m: re.Match[str]) -> tuple[str, str | None, str, bool]:
    """Return (canonical number, type from code, issuer code, code known)."""
    if m["an"]:
        code, (issuer, _b, _n) = _canonical_code(m["ac"]), _canonical_issuer(m["ai"])
        return f"{m['an']}-{code}/{issuer}", _code_type(m["ac"]), m["ai"], _known(m["ac"], m["ai"])
    if m["bn"]:
        code, (issuer, _b, _n) = _canonical_code(m["bc"]), _canonical_issuer(m["bi"])
        rest = "".join("-" + _canonical_code(p) for p in m["br"].split("-") if p)
        year = f"{m['by']}/" if m["by"] else ""
        issuer_code = m["bi"] if _code_type(m["bc"]) else m["bc"]
        return (f"{m['bn']}/{year}{code}-{issuer}{rest}", _code_type(m["bc"]), issuer_code,
                _known(m["bc"], issuer_code))
    issuer, _b, _n = _canonical_issuer(m["ci"])
    return f"{m['cn']}/{m['cy']}/{issuer}", None, m["ci"], _known("", m["ci"])


def _code_type(code: str) -> str | None:
    known = _CODES.get(_key(code))
    return known[1] if known else None


def _known(code: str, issuer: str) -> bool:
    return _code_type(code) is not None or _key(issuer.rstrip("0123456789")) in _ISSUER_CODES


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _numbers(text: str) -> list[re.Match[str]]:
    """Every number shape in `text`; only places a cheap scan points at are tried."""
    found: list[re.Match[str]] = []
    for hint in _NUMBER_HINT.finditer(text):
        start = hint.start()
        while start > 0 and text[start - 1].isdigit():
            start -= 1
        if found and start < found[-1].end():
            continue
        m = _NUMBER.match(text, start)
        if m:
            found.append(m)
    return found


def _type_of(word: str) -> str | None:
    return _TYPE_WORDS.get(_key(re.sub(r"\s+", " ", word)))


def _full_numbers(text: str, low: str) -> list[_Hit]:
    hits: list[_Hit] = []
    for m in _numbers(text):
        number, code_type, issuer_code, known = _number(m)
        before = _BEFORE_WORD.search(low, max(0, m.start() - 40), m.start())
        word_type = _type_of(before["word"]) if before else None
        shared = False
        if word_type is None and hits and _LIST_GAP.fullmatch(low, hits[-1].tail_end, m.start()):
            word_type, shared = hits[-1].word_type, True
            if code_type and word_type != code_type:
                word_type = None
        if not (known or word_type):
            continue
        tail = _TAIL.match(low, m.end())
        assert tail is not None  # every part of _TAIL is optional
        issued_by = None
        if before and "ban hành" in low[max(0, before.start() - 12):before.start()]:
            issued_by = _BEFORE_ISSUER.search(low, max(0, before.start() - 110), before.start())
        _spelling, code_body, national = _canonical_issuer(issuer_code)
        stated = tail["iss"] or (issued_by["iss"] if issued_by else None)
        issuer = _ISSUER_PHRASES[_key(re.sub(r"\s+", " ", stated))][0] if stated else code_body
        issued_on = _parse_date(tail["d1"] or tail["d2"] or (issued_by["d0"] if issued_by else None))
        value = DirectiveValue(number, word_type or code_type, issuer, issued_on, None, national)
        start = before.start("word") if before and not shared else m.start()
        hits.append(_Hit(start, m.start(), m.end(), tail.end(), value, word_type))
    return _share_issuers(low, hits)


def _share_issuers(text: str, hits: list[_Hit]) -> list[_Hit]:
    """Give the members of a list ("03-NQ/TU, 04-NQ/TU của Tỉnh ủy") the last one's issuer."""
    out = list(hits)
    for i in range(len(out) - 2, -1, -1):
        here, nxt = out[i], out[i + 1]
        if (here.tail_end == here.end and nxt.start == nxt.number_start
                and _LIST_GAP.fullmatch(text, here.end, nxt.start)
                and nxt.tail_end > nxt.end and nxt.value.issuer):
            out[i] = replace(here, value=replace(here.value, issuer=nxt.value.issuer))
    return out


def _short_references(text: str, full: list[_Hit]) -> list[_Hit]:
    by_key: dict[tuple[str | None, str], set[str]] = {}
    values: dict[str, DirectiveValue] = {}
    for h in full:
        lead = re.match(r"\d+", h.value.number)
        assert lead is not None
        by_key.setdefault((h.value.doc_type, lead.group().lstrip("0")), set()).add(h.value.number)
        values.setdefault(h.value.number, h.value)
    hits = []
    leads = {lead for _type, lead in by_key}
    for m in _DIGITS.finditer(text):
        if m[0].lstrip("0") not in leads or _SHORT_AFTER.match(text, m.end()):
            continue
        before = _BEFORE_WORD.search(text, max(0, m.start() - 40), m.start())
        if before is None:
            continue
        numbers = by_key.get((_type_of(before["word"]), m[0].lstrip("0")), set())
        if len(numbers) != 1 or any(h.start <= m.start() < h.end for h in full):
            continue
        full_value = values[next(iter(numbers))]
        value = replace(full_value, issued_on=None, implements=None)
        hits.append(_Hit(before.start("word"), m.start(), m.end(), m.end(), value,
                         full_value.doc_type))
    return hits


def _link_implements(text: str, hits: list[_Hit]) -> list[_Hit]:
    out = list(hits)
    for i in range(len(out) - 1):
        here, nxt = out[i], out[i + 1]
        if here.value.number == nxt.value.number or nxt.start - here.tail_end > _WINDOW:
            continue
        if _IMPLEMENTS_GAP.fullmatch(text, here.tail_end, nxt.start):
            out[i] = replace(here, value=replace(here.value, implements=nxt.value.number))
        elif (_ISSUES_GAP.fullmatch(text, here.tail_end, nxt.start)
              and _CARRY_OUT_BEFORE.search(text, max(0, here.start - 40), here.start)):
            out[i + 1] = replace(nxt, value=replace(nxt.value, implements=here.value.number))
    return out


def extract_directives(doc: CleanDoc, earlier: Sequence[Mention] = ()) -> list[Mention]:
    """Return a DIRECTIVE mention for every numbered document in `doc.text`.

    Offsets point into `doc.text`; a span runs from the type word printed before the
    number (if any) to the end of the number: "Nghị quyết số 04-NQ/TW". Returns []
    when the report cites no numbered document. Example: "Chương trình số 79-CTr/TU
    ngày 07/02/2017 của Tỉnh ủy thực hiện Nghị quyết số 04-NQ/TW" gives 79-CTr/TU
    (Chương trình, Tỉnh ủy, 2017-02-07, implements 04-NQ/TW) and 04-NQ/TW.
    """
    del earlier  # directives need no other mentions
    low = _lower(doc.folded)
    full = _full_numbers(doc.folded, low)
    if not full:
        return []
    hits = sorted(full + _short_references(low, full), key=lambda h: (h.start, h.end))
    return [Mention(h.start, h.end, MentionKind.DIRECTIVE, doc.text[h.start:h.end], h.value, SOURCE)
            for h in _link_implements(low, hits)]
