"""Plain dataclasses that flow between the stages.

read  -> `RawReport`   (text as found, plus metadata)
clean -> `CleanDoc`    (NFC text; every offset below points into `CleanDoc.text`)
extract -> `Mention`   (a typed span of `CleanDoc.text` with a kind-specific `value`)
link  -> `Report`      (the facts of one report: officials, meetings, directives, ...)

All offsets are character offsets into `CleanDoc.text`, end exclusive, so that
`doc.text[m.start:m.end] == m.text` for every mention.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Union

from kg.text import fold_tones, match_key, slug


@dataclass(frozen=True)
class RawReport:
    """One report as read from disk, before any cleaning."""

    id: str
    text: str
    source: str                      # the path it was read from (or path#line for JSONL)
    url: str | None = None
    title: str | None = None
    published: str | None = None     # ISO date (or YYYY-MM) as given by the input
    format: str = "txt"              # txt | html | jsonl


@dataclass(frozen=True)
class CleanDoc:
    """The cleaned text of one report; the truth every mention points into."""

    id: str
    text: str
    source: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    # raw_offsets[i] is the offset in the raw text of clean character i
    # (length len(text) + 1, so an end offset maps too). Empty when unknown.
    raw_offsets: tuple[int, ...] = ()

    @cached_property
    def folded(self) -> str:
        """`text` with one tone-mark placement ("Uỷ" -> "Ủy"); same length, same offsets."""
        return fold_tones(self.text)


class MentionKind(str, Enum):
    """What a mention is of."""

    OFFICIAL = "official"     # a named person with the titles printed next to the name
    TITLE = "title"           # a title without a name ("đồng chí Bí thư Tỉnh ủy")
    BYLINE = "byline"         # an author's name: never an official
    DATE = "date"
    DIRECTIVE = "directive"
    MEETING = "meeting"
    ROLE = "role"             # a cue for chairing or attending ("chủ trì", "dự")
    PROVINCE = "province"     # a province, directly or through a district or landmark


@dataclass(frozen=True)
class OfficialValue:
    name: str                                 # full name as printed, NFC, spaces normalised
    titles: tuple[str, ...] = ()              # canonical current titles, in text order
    past_titles: tuple[str, ...] = ()         # "nguyên Bí thư ...": not current tenures
    province: str | None = None               # the province a title names, as printed


@dataclass(frozen=True)
class TitleValue:
    title: str                                # canonical title


@dataclass(frozen=True)
class BylineValue:
    name: str


@dataclass(frozen=True)
class DateValue:
    iso: str                                  # YYYY-MM-DD, YYYY-MM or YYYY
    stated: bool = True                       # False when the year was inferred
    role: str = "text"                        # text | published (page header, dateline)


@dataclass(frozen=True)
class DirectiveValue:
    number: str                               # canonical: "04-NQ/TW", "15/2020/QĐ-TTg"
    doc_type: str | None = None               # "Nghị quyết", "Chỉ thị", ...
    issuer: str | None = None                 # canonical issuing body ("Bộ Chính trị")
    issued_on: str | None = None              # ISO date when printed next to it
    implements: str | None = None             # number of the document it carries out
    national: bool = False                    # /TW, /CP, /TTg, /QH...: unique nationwide


@dataclass(frozen=True)
class MeetingValue:
    kind: str                                 # executive-committee | standing-committee |
                                              # people-council-session |
                                              # people-committee-session | congress | other
    ordinal: int | None = None
    term: str | None = None                   # "2015-2020" or a roman numeral "XIX"
    online: bool = False
    extended: bool = False                    # "(mở rộng)"
    extraordinary: bool = False               # "bất thường"
    main: bool = True                         # the meeting the report is about


@dataclass(frozen=True)
class RoleValue:
    role: str                                 # chair | attend


@dataclass(frozen=True)
class ProvinceValue:
    code: str                                 # official two-digit code
    name: str                                 # canonical name
    evidence: str                             # explicit | place | source | official
    key: str = ""                             # gazetteer key: code, or "80-2025" when a
                                              # unit formed in 2025 reuses an old code


MentionValue = Union[OfficialValue, TitleValue, BylineValue, DateValue, DirectiveValue,
                     MeetingValue, RoleValue, ProvinceValue]


@dataclass(frozen=True)
class Mention:
    """A typed span of `CleanDoc.text`; `source` names the extractor ("officials.v1")."""

    start: int
    end: int
    kind: MentionKind
    text: str
    value: MentionValue
    source: str


# ---- the facts of one report, after within-report linking ----------------------------

Span = tuple[int, int]


@dataclass(frozen=True)
class Official:
    name: str
    titles: tuple[str, ...]
    spans: tuple[Span, ...]
    past_titles: tuple[str, ...] = ()
    alt_names: tuple[str, ...] = ()
    province: str | None = None               # gazetteer key of a province the titles
                                              # name ("Bí thư Tỉnh ủy Hà Tĩnh")
    identity: str = ""                        # the key of its IRI, set by cross-report
                                              # linking ("" = the slug of the name)


@dataclass(frozen=True)
class Meeting:
    kind: str
    span: Span
    date: str | None = None                   # YYYY-MM-DD or YYYY-MM
    date_stated: bool = True
    date_span: Span | None = None
    ordinal: int | None = None
    term: str | None = None
    online: bool = False
    extended: bool = False
    extraordinary: bool = False
    chairs: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    main: bool = True                         # the meeting the report is about


@dataclass(frozen=True)
class Directive:
    number: str
    span: Span
    doc_type: str | None = None
    issuer: str | None = None
    issued_on: str | None = None
    implements: str | None = None
    national: bool = False


@dataclass(frozen=True)
class ProvinceRef:
    code: str
    name: str
    evidence: str                             # explicit | place | source | official
    key: str = ""                             # gazetteer key (see ProvinceValue)
    basis: str = ""                           # for evidence "official": who, which post,
                                              # which report


@dataclass(frozen=True)
class Report:
    """Everything one report says, ready to be mapped to RDF."""

    doc: CleanDoc
    mentions: tuple[Mention, ...]
    province: ProvinceRef | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    officials: tuple[Official, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    directives: tuple[Directive, ...] = field(default_factory=tuple)


# ---- across reports -------------------------------------------------------------------

@dataclass(frozen=True)
class Post:
    """A title in a jurisdiction, as one report shows an official holding it."""

    title: str                                # canonical title
    province: str | None                      # gazetteer key; None: national or unknown
    national: bool = False
    unplaced_in: str = ""                     # a provincial post whose province is
                                              # unknown: the report that shows it

    @property
    def scope(self) -> str | None:
        """What the post's IRI is keyed on besides its title (kg.rdf.iri.Iris.position)."""
        if self.national:
            return None
        return self.province or unplaced_scope(self.unplaced_in)


def sorted_posts(posts: Iterable[Post]) -> tuple[Post, ...]:
    """`posts` in one order: by title key, then scope."""
    return tuple(sorted(posts, key=lambda p: (match_key(p.title), p.scope or "")))


def unplaced_scope(report_id: str) -> str:
    """The scope of a provincial post or number in a report placed in no province."""
    return "x-" + slug(report_id)


@dataclass(frozen=True)
class Sighting:
    """One official of one report, as cross-report linking sees it.

    Made from a fresh `Report` or read back from the store, so that reports built
    earlier take part in linking without being read again.
    """

    report: str                               # report id
    name: str                                 # the name as labelled
    key: str                                  # match_key(name)
    date: str | None                          # the day the report shows it (ISO), if known
    posts: tuple[Post, ...] = ()              # sorted (`sorted_posts`), so evidence
                                              # reads the same however it was made
    identity: str = ""                        # the official's IRI key, once decided
