"""Choose the province a report is about, and say how we know.

Evidence, strongest first: the province named in the text ("explicit"), weighted by
how often and how early it is named and discounted when it is a neighbour, a visitor or
an item of a list; a district named in the text ("place"); the newspaper or portal the
report came from ("source"). With none of these the answer is None, never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import unquote, urlsplit

from kg.extract.provinces import aside_before, extract_provinces
from kg.gazetteer import Province, province_by_key, province_for_host, successor
from kg.model import (
    CleanDoc,
    DateValue,
    Mention,
    MentionKind,
    ProvinceRef,
    ProvinceValue,
)
from kg.text import nfc

_TITLE_WEIGHT = 3.0         # named in the title (the first line)
_LEAD_WEIGHT = 2.0          # named in the first paragraph
_ASIDE_WEIGHT = 0.3         # "giáp tỉnh X", "các tỉnh X, Y", "nguyên Bí thư Tỉnh ủy X"
_LIST_WEIGHT = 0.5          # "Nghệ An, Hà Tĩnh, Quảng Bình"
_SITE_BONUS = 1.5           # the report comes from this province's own site
_SITE_OVERRIDES = 3.0       # below this total, the site's province beats the text's
_LIST_GAP = re.compile(r"^\s*(?:,|;|và|-|–)\s*(?:tỉnh\s+|thành phố\s+|tp\.?\s*)?$",
                       re.IGNORECASE)
_PATH_SEPARATORS = re.compile(r"[/_+.\-]+")
_LINE_END = re.compile(r"\n|\Z")
_LEAD_CHARS = 600           # a "line" longer than this is not a title or a lead


def _lead(doc: CleanDoc) -> tuple[int, int]:
    """Return where the title (first non-empty line) and the first paragraph end."""
    text = doc.text
    ends = []
    pos = 0
    for m in _LINE_END.finditer(text):
        if text[pos:m.start()].strip():
            ends.append(m.start())
            if len(ends) == 2:
                break
        pos = m.end()
    ends += [len(text)] * (2 - len(ends))
    return min(ends[0], _LEAD_CHARS), min(ends[1], ends[0] + _LEAD_CHARS)


def _in_list(doc: CleanDoc, mention: Mention, others: Sequence[Mention]) -> bool:
    for other in others:
        if other is mention or other.value == mention.value:
            continue
        if other.end <= mention.start and mention.start - other.end < 16 and \
                _LIST_GAP.match(doc.folded[other.end:mention.start]):
            return True
        if mention.end <= other.start and other.start - mention.end < 16 and \
                _LIST_GAP.match(doc.folded[mention.end:other.start]):
            return True
    return False


def _report_date(doc: CleanDoc, mentions: Sequence[Mention]) -> str | None:
    dates = [m.value for m in mentions if isinstance(m.value, DateValue)]
    return next((d.iso for d in dates if d.role == "published"), None) or doc.published


def _scores(doc: CleanDoc, mentions: Sequence[Mention], evidence: str) -> dict[str, float]:
    chosen = [m for m in mentions if isinstance(m.value, ProvinceValue)
              and m.value.evidence == evidence]
    title_end, lead_end = _lead(doc)
    scores: dict[str, float] = {}
    for m in chosen:
        weight = _TITLE_WEIGHT if m.start < title_end else \
            _LEAD_WEIGHT if m.start < lead_end else 1.0
        if aside_before(doc, m.start):
            weight *= _ASIDE_WEIGHT
        elif _in_list(doc, m, chosen):
            weight *= _LIST_WEIGHT
        key = m.value.key
        scores[key] = scores.get(key, 0.0) + weight
    return scores


def _ref(key: str, evidence: str) -> ProvinceRef:
    province = province_by_key(key)
    assert province is not None, key
    return ProvinceRef(province.code, province.name, evidence, province.key)


def _best(scores: dict[str, float]) -> str:
    return max(sorted(scores), key=lambda k: scores[k])


def choose_province(doc: CleanDoc, mentions: Sequence[Mention]) -> ProvinceRef | None:
    """Return the province `doc` is about, with its evidence, or None if unknown.

    `mentions` are the report's extracted mentions (PROVINCE ones from
    kg.extract.provinces; DATE ones with role "published" date the report). The name
    is the canonical name at the report's date. Example: a report whose first line is
    "Hội nghị Ban Chấp hành Đảng bộ tỉnh Hà Tĩnh" -> ProvinceRef("42", "Hà Tĩnh",
    "explicit"); a text naming no province from baonghean.vn -> evidence "source".
    """
    mentions = [m for m in mentions if m.kind is MentionKind.PROVINCE]
    site = _site_province(doc, _report_date(doc, mentions))
    site_key = site.key if site else None

    explicit = _scores(doc, mentions, "explicit")
    if explicit:
        if site_key in explicit:
            explicit[site_key] += _SITE_BONUS
        best = _best(explicit)
        if site_key is None or explicit[best] >= _SITE_OVERRIDES or best == site_key:
            return _ref(best, "explicit")
        return _ref(site_key, "source")
    places = _scores(doc, mentions, "place")
    if places:
        if site_key in places:
            places[site_key] += _SITE_BONUS
        return _ref(_best(places), "place")
    if site_key:
        return _ref(site_key, "source")
    return None


def _site_province(doc: CleanDoc, date: str | None) -> Province | None:
    """Return the province of the report's URL at its date: its site, else its path.

    A path counts only when it spells a province with diacritics, as tag pages do
    ("/tag/Phú-Yên.epi"); ASCII slugs ("/ha-nam-...") are too ambiguous.
    """
    if not doc.url:
        return None
    found = province_for_host(doc.url)
    if found is None:
        found = _path_province(doc)
    return successor(found, date) if found else None


def _path_province(doc: CleanDoc) -> Province | None:
    path = urlsplit(doc.url or "").path
    text = _PATH_SEPARATORS.sub(" ", unquote(path))
    if text.isascii():
        return None
    path_doc = CleanDoc(doc.id, nfc(text), doc.source)
    for m in extract_provinces(path_doc):
        if not m.text.isascii() and m.value.evidence == "explicit":
            return province_by_key(m.value.key)
    return None
