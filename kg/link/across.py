"""Link across reports: fill what one report leaves out from what the others say.

`infer_provinces` gives a report that names no province (in its text, places or URL)
the province where its officials are seen in other reports of the same build, with
evidence "official": first by the same person in the same provincial post, else by
the same person in any provincial post. When the clues disagree, or there are none,
the report stays unresolved (never a silent guess).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kg.link.scope import is_national
from kg.model import ProvinceRef, Report
from kg.text import match_key

_Place = tuple[str, str, str]                 # gazetteer key, code, name
_ANY_POST = ""


def infer_provinces(reports: Sequence[Report]) -> list[Report]:
    """Return `reports` with provinces inferred from officials' posts where missing.

    Example: a report on "đồng chí Nguyễn Văn A, Bí thư Tỉnh ủy" with no place named,
    beside another report placing Nguyễn Văn A as Bí thư Tỉnh ủy of Nghệ An, gets
    Nghệ An with evidence "official".
    """
    seen: dict[tuple[str, str], set[_Place]] = {}
    for report in reports:
        if report.province is None:
            continue
        p = report.province
        for official, title in _provincial_posts(report):
            for key in ((official, title), (official, _ANY_POST)):
                seen.setdefault(key, set()).add((p.key, p.code, p.name))
    return [report if report.province is not None else _inferred(report, seen)
            for report in reports]


def _provincial_posts(report: Report) -> list[tuple[str, str]]:
    return [(match_key(o.name), match_key(t)) for o in report.officials for t in o.titles
            if not is_national(t)]


def _inferred(report: Report, seen: dict[tuple[str, str], set[_Place]]) -> Report:
    posts = _provincial_posts(report)
    for keys in (posts, [(official, _ANY_POST) for official, _ in posts]):
        places = set().union(*(seen.get(k, set()) for k in keys)) if keys else set()
        if len(places) == 1:
            key, code, name = places.pop()
            return replace(report, province=ProvinceRef(code, name, "official", key))
        if places:
            return report                     # the clues disagree: leave it unresolved
    return report
