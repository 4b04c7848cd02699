"""Link the mentions of one report into its facts: one `Report` per `CleanDoc`.

Officials mentioned several times (with different spellings or titles) become one
`Official` carrying every title; directive mentions of one number are merged; meetings
get their dates, chairs and attendees (kg.link.meetings); the report gets its province
(kg.link.province), publication date and authors.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract.dates import published_date
from kg.gazetteer import find_province
from kg.link.meetings import assemble_meetings
from kg.link.province import choose_province
from kg.model import (
    BylineValue,
    CleanDoc,
    Directive,
    DirectiveValue,
    Mention,
    MentionKind,
    Official,
    OfficialValue,
    Report,
)
from kg.text import match_key


def link_report(doc: CleanDoc, mentions: Sequence[Mention]) -> Report:
    """Return the facts of `doc` from its mentions (offsets into `doc.text`)."""
    published = published_date(doc, mentions)
    province = choose_province(doc, mentions)
    return Report(
        doc=doc,
        mentions=tuple(mentions),
        province=province,
        published=published,
        authors=_authors(mentions),
        officials=merge_officials(mentions, published),
        meetings=assemble_meetings(doc, mentions, published),
        directives=merge_directives(mentions),
    )


def _unique(items: Sequence[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(match_key(item), item)
    return tuple(seen.values())


def _authors(mentions: Sequence[Mention]) -> tuple[str, ...]:
    return _unique([m.value.name for m in mentions
                    if m.kind is MentionKind.BYLINE and isinstance(m.value, BylineValue)])


def merge_officials(mentions: Sequence[Mention], on: str | None = None
                    ) -> tuple[Official, ...]:
    """Group OFFICIAL mentions by name key; union their titles in text order.

    A person named only with former posts ("nguyên Chủ tịch nước") holds no office
    and is left out. A province the titles name ("Bí thư Tỉnh ủy Hà Tĩnh") becomes
    the official's `province`: the unit of that name on ISO date `on`.
    """
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.kind is MentionKind.OFFICIAL and isinstance(m.value, OfficialValue):
            groups.setdefault(match_key(m.value.name), []).append(m)
    officials = []
    for group in groups.values():
        if not any(m.value.titles for m in group) and any(  # type: ignore[union-attr]
                m.value.past_titles for m in group):  # type: ignore[union-attr]
            continue  # only former posts ("nguyên Bí thư"): not an official now
        values = [m.value for m in group]
        names = _unique([v.name for v in values])  # type: ignore[union-attr]
        printed = _unique([m.text for m in group])
        titles = _unique([t for v in values for t in v.titles])  # type: ignore[union-attr]
        past = _unique([t for v in values for t in v.past_titles  # type: ignore[union-attr]
                        if match_key(t) not in {match_key(x) for x in titles}])
        places = [v.province for v in values if v.province]  # type: ignore[union-attr]
        unit = find_province(places[0], on) if places else None
        officials.append(Official(
            name=names[0],
            titles=titles,
            past_titles=past,
            spans=tuple((m.start, m.end) for m in group),
            alt_names=tuple(p for p in printed if p != names[0]),
            province=unit.key if unit else None,
        ))
    return tuple(officials)


def merge_directives(mentions: Sequence[Mention]) -> tuple[Directive, ...]:
    """Merge DIRECTIVE mentions of one number, keeping the first value given for each field."""
    merged: dict[str, Directive] = {}
    for m in mentions:
        if m.kind is not MentionKind.DIRECTIVE or not isinstance(m.value, DirectiveValue):
            continue
        v = m.value
        old = merged.get(v.number)
        if old is None:
            merged[v.number] = Directive(number=v.number, span=(m.start, m.end),
                                         doc_type=v.doc_type, issuer=v.issuer,
                                         issued_on=v.issued_on, implements=v.implements,
                                         national=v.national)
            continue
        merged[v.number] = Directive(
            number=old.number, span=old.span,
            doc_type=old.doc_type or v.doc_type, issuer=old.issuer or v.issuer,
            issued_on=old.issued_on or v.issued_on,
            implements=old.implements or v.implements, national=old.national or v.national)
    return tuple(merged.values())
