"""Link across reports: fill what one report leaves out, and decide identities.

`link_across` is the cross-report step of the flow. Given the freshly linked reports
and the sightings of reports already in the store, it

1. gives a report that names no province (in its text, places or URL) the province
   where its officials are seen in other reports (`infer_provinces`, evidence
   "official", the basis in words); when the clues disagree or there are none, the
   report stays unresolved: never a silent guess;
2. decides which officials are one person (kg.link.identity) and writes each
   official's identity into the reports, keeping identities given before.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from kg.gazetteer import province_by_key, province_name, successor
from kg.link.identity import Identities, link_officials
from kg.link.posts import post_kind
from kg.link.scope import is_national
from kg.link.sightings import observed_on, sightings_of
from kg.model import Official, ProvinceRef, Report, Sighting
from kg.text import match_key

NEAR_DAYS = 5 * 366                    # one term of office: farther apart, no clue


@dataclass(frozen=True)
class Linked:
    """The outcome of `link_across`."""

    reports: list[Report]              # with provinces inferred and identities set
    sightings: list[Sighting]          # every sighting (stored and fresh), identified
    identities: Identities


def link_across(reports: Sequence[Report], stored: Sequence[Sighting] = (),
                anchors: Mapping[tuple[str, str], str] | None = None) -> Linked:
    """Link `reports` with each other and with the `stored` sightings of other reports.

    `anchors` maps (report id, name key) to the identity an official of a rebuilt
    report had before, so rebuilding keeps its IRIs.
    """
    anchors = anchors or {}
    reports = infer_provinces(reports, stored)
    fresh = [replace(s, identity=anchors.get((s.report, s.key), ""))
             for r in reports for s in sightings_of(r)]
    identities = link_officials([*stored, *fresh])
    named = [_with_identities(r, identities) for r in reports]
    return Linked(named, identities.apply([*stored, *fresh]), identities)


def _with_identities(report: Report, identities: Identities) -> Report:
    officials = tuple(replace(o, identity=identities.of.get((report.doc.id, match_key(o.name)),
                                                            o.identity))
                      for o in report.officials)
    return replace(report, officials=officials)


def infer_provinces(reports: Sequence[Report], stored: Sequence[Sighting] = ()
                    ) -> list[Report]:
    """Return `reports` with provinces inferred from officials' posts where missing.

    Clues come from `stored` sightings and from the other `reports` that have a
    province: first the same person in the same provincial post, else the same person
    in any provincial post, each seen within `NEAR_DAYS` (when both days are known).
    One clue is enough only when the post seen elsewhere is one person's at a time (a
    name seen as Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh); otherwise two
    officials of the report must point to the province, since a common name in a post
    many hold (Phó Chủ tịch) is weak evidence alone.
    Example: a 2022 report on "đồng chí Nguyễn Văn A, Bí thư Tỉnh ủy" naming no place,
    beside another placing Nguyễn Văn A as Bí thư Tỉnh ủy of Nghệ An in 2022, gets
    Nghệ An with evidence "official".
    """
    pool = [*stored, *(s for r in reports if r.province is not None for s in sightings_of(r))]
    by_name: dict[str, list[Sighting]] = {}
    for s in pool:
        by_name.setdefault(s.key, []).append(s)
    return [r if r.province is not None else _inferred(r, by_name) for r in reports]


def _inferred(report: Report, by_name: Mapping[str, Sequence[Sighting]]) -> Report:
    when = observed_on(report)
    for same_title in (True, False):
        found: dict[str, dict[str, tuple[str, bool]]] = {}   # key -> official -> clue
        for official in report.officials:
            for key, basis, sole in _clues(official, report, when, by_name, same_title):
                found.setdefault(key, {}).setdefault(official.name, (basis, sole))
        if len(found) > 1:
            return report                     # the clues disagree: leave it unresolved
        if found:
            key, clues = found.popitem()
            if len(clues) > 1 or any(sole for _, sole in clues.values()):
                unit = province_by_key(key)
                assert unit is not None
                basis = "; ".join(sorted(b for b, _ in clues.values()))
                return replace(report, province=ProvinceRef(unit.code, unit.name, "official",
                                                            unit.key, basis))
    return report


def _clues(official: Official, report: Report, when: str | None,
           by_name: Mapping[str, Sequence[Sighting]], same_title: bool
           ) -> list[tuple[str, str, bool]]:
    """(province key, basis in words, whether the post seen is one person's at a time)."""
    titles = {match_key(t) for t in official.titles if not is_national(t)}
    if not titles:
        return []
    clues = []
    for s in by_name.get(match_key(official.name), ()):
        if s.report == report.doc.id or not _near(when, s.date):
            continue
        for post in s.posts:
            if post.national or not post.province:
                continue
            if same_title and match_key(post.title) not in titles:
                continue
            unit = province_by_key(post.province)
            if unit is None:
                continue
            key = successor(unit, when).key if when else unit.key
            seen = f" on {s.date}" if s.date else ""
            basis = (f"{s.name}, {post.title} of {province_name(post.province)} "
                     f"in report {s.report}{seen}")
            clues.append((key, basis, post_kind(post.title).one_holder))
    return clues


def _near(a: str | None, b: str | None) -> bool:
    if not (a and b):
        return True
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= NEAR_DAYS
