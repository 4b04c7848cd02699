"""Decide which officials of different reports are one person, and record why.

Officials are compared only when their names match (`match_key`: case, NFC and
tone-mark placement do not matter). A name alone is not enough: two sightings are one
person when a rule finds evidence, tried strongest first:

- same-post        the same provincial post in the same province
- national-post    the same national post ("Ủy viên Bộ Chính trị")
- same-province    posts in the same province
- merged-province  posts in two provinces that the 2025 merger made one
- same-title       the same title where one report's province is unknown
- career-move      leading posts the centre rotates (or national ones) in two
                   provinces, seen more than `CONFLICT_DAYS` apart

and never when posts in two unrelated provinces are seen within `CONFLICT_DAYS` of each
other (nobody leads two provinces at once). Sightings with no evidence stay apart, as
two officials, and so does a sighting with equal evidence for two people of its name
(which one it is cannot be told); each such pair is a `NameCollision`.

Identities are IRI keys: the slug of the name for the first person of that name (in
date order), the slug qualified by the first report of the person otherwise. A
sighting that already has an identity (read back from the store) keeps it, so a new
report never renames a node.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from kg.gazetteer import province_by_key, province_name, successor
from kg.link.posts import post_kind
from kg.model import Post, Sighting
from kg.text import match_key, slug

CONFLICT_DAYS = 90
_TWO_PLACES = "two-places-at-once"
_NO_EVIDENCE = "no-evidence"
_EARLIER = "earlier-build"


@dataclass(frozen=True)
class IdentityLink:
    """Why a sighting joined an official: the rule, the two reports, the evidence."""

    identity: str
    reports: tuple[str, str]
    rule: str
    evidence: str


@dataclass(frozen=True)
class NameCollision:
    """Two officials with matching names kept apart, and why."""

    identities: tuple[str, str]
    rule: str                                 # two-places-at-once | no-evidence |
                                              # earlier-build
    evidence: str


@dataclass(frozen=True)
class Identities:
    """The outcome of `link_officials`."""

    of: Mapping[tuple[str, str], str]         # (report id, name key) -> identity
    links: tuple[IdentityLink, ...] = ()
    collisions: tuple[NameCollision, ...] = ()

    def apply(self, sightings: Sequence[Sighting]) -> list[Sighting]:
        """Return `sightings` with their identities filled in."""
        return [replace(s, identity=self.of.get((s.report, s.key), s.identity))
                for s in sightings]


@dataclass(frozen=True)
class _Verdict:
    rule: str | None                          # a rule name, or None: no evidence
    evidence: str
    partner: Sighting
    conflict: bool = False


@dataclass
class _Person:
    identity: str
    members: list[Sighting] = field(default_factory=list)


def link_officials(sightings: Sequence[Sighting]) -> Identities:
    """Group `sightings` into officials; see the module docstring for the rules.

    Example: "Nguyễn Văn An", Bí thư Tỉnh ủy of Nghệ An in reports A (2021) and B (2022)
    -> one identity "nguyen-van-an", linked by "same-post"; a "Nguyễn Văn An" who is
    Giám đốc Sở Y tế of Cà Mau in 2022 gets "nguyen-van-an_c" (C being his report).
    """
    taken = {s.identity for s in sightings if s.identity}
    people: dict[str, list[_Person]] = {}
    links: list[IdentityLink] = []

    # Identities given by earlier builds first: they are kept, and their evidence is
    # recomputed so the links graph always explains every merge.
    for s in sorted((s for s in sightings if s.identity), key=_order):
        group = people.setdefault(s.key, [])
        person = next((p for p in group if p.identity == s.identity), None)
        if person is None:
            group.append(_Person(s.identity, [s]))
            continue
        v = _verdict(s, person)
        joined = v.rule is not None and not v.conflict
        person.members.append(s)
        links.append(IdentityLink(person.identity, (v.partner.report, s.report),
                                  v.rule if joined else _EARLIER,  # type: ignore[arg-type]
                                  f"{s.name}: " + (v.evidence if joined
                                                   else "joined by an earlier build")))
    for s in sorted((s for s in sightings if not s.identity), key=_order):
        verdicts = [(p, _verdict(s, p)) for p in people.setdefault(s.key, [])]
        joinable = [(p, v) for p, v in verdicts if v.rule and not v.conflict]
        best = min((_RANK[v.rule] for _, v in joinable), default=None)  # type: ignore[index]
        joinable = [(p, v) for p, v in joinable if _RANK[v.rule] == best]  # type: ignore[index]
        if len(joinable) != 1:               # no evidence, or as much for two people
            people[s.key].append(_Person(_new_identity(s, taken), [s]))
            continue
        person, v = joinable[0]
        person.members.append(s)
        links.append(IdentityLink(person.identity, (v.partner.report, s.report),
                                  v.rule, f"{s.name}: {v.evidence}"))  # type: ignore[arg-type]
    of = {(s.report, s.key): p.identity
          for group in people.values() for p in group for s in p.members}
    collisions = [_collision(a, b) for group in people.values()
                  for i, a in enumerate(group) for b in group[i + 1:]]
    return Identities(of, tuple(links), tuple(sorted(collisions, key=lambda c: c.identities)))


def _collision(a: _Person, b: _Person) -> NameCollision:
    """Why the people `a` and `b` of one name are two."""
    verdicts = [_verdict(s, b) for s in a.members]
    conflict = next((v for v in verdicts if v.conflict), None)
    if conflict is not None:
        return NameCollision((a.identity, b.identity), _TWO_PLACES,
                             f"{a.members[0].name}: {conflict.evidence}")
    ruled = next((v for v in verdicts if v.rule), None)
    if ruled is not None:                     # both identities come from the store
        return NameCollision((a.identity, b.identity), _EARLIER,
                             f"{a.members[0].name}: kept apart by an earlier build, "
                             f"though now: {ruled.evidence}")
    return NameCollision((a.identity, b.identity), _NO_EVIDENCE,
                         f"{a.members[0].name}: no post or province shared by reports "
                         f"{', '.join(sorted(m.report for m in a.members))} and "
                         f"{', '.join(sorted(m.report for m in b.members))}")


def _order(s: Sighting) -> tuple[str, str, str]:
    return (s.date or "9999", s.report, s.key)


def _new_identity(s: Sighting, taken: set[str]) -> str:
    base = slug(s.name)
    identity = base if base not in taken else f"{base}_{slug(s.report)}"
    while identity in taken:                 # only if report ids slug alike
        identity += "_"
    taken.add(identity)
    return identity


def _verdict(s: Sighting, person: _Person) -> _Verdict:
    """The best verdict between `s` and any member of `person` (a conflict wins)."""
    verdicts = [_compare(s, member) for member in person.members]
    conflict = next((v for v in verdicts if v.conflict), None)
    if conflict is not None:
        return conflict
    ruled = [v for v in verdicts if v.rule]
    return min(ruled, key=lambda v: _RANK[v.rule]) if ruled else verdicts[0]  # type: ignore[index]


def _compare(s: Sighting, t: Sighting) -> _Verdict:
    conflict = _conflict(s, t)
    if conflict:
        return _Verdict(_TWO_PLACES, conflict, t, conflict=True)
    for name, rule in _RULES:
        evidence = rule(s, t)
        if evidence:
            return _Verdict(name, evidence, t)
    return _Verdict(None, "", t)


# ---- the rules: each returns the evidence in words, or "" -----------------------------

def _pairs(s: Sighting, t: Sighting, *, placed: bool = True) -> Iterator[tuple[Post, Post]]:
    """Every (post of `s`, post of `t`) pair of provincial posts; placed ones only if asked."""
    for p in s.posts:
        for q in t.posts:
            if not (p.national or q.national) and (not placed or (p.province and q.province)):
                yield p, q


def _days_apart(s: Sighting, t: Sighting) -> int | None:
    if not (s.date and t.date):
        return None
    return abs((date.fromisoformat(s.date) - date.fromisoformat(t.date)).days)


def _conflict(s: Sighting, t: Sighting) -> str:
    apart = _days_apart(s, t)
    if apart is None or apart > CONFLICT_DAYS:
        return ""
    on = max(s.date, t.date)  # type: ignore[type-var]
    for p, q in _pairs(s, t):
        if _unit_on(p.province, on) != _unit_on(q.province, on):  # type: ignore[arg-type]
            return (f"{_post(p)} on {s.date} ({s.report}) and {_post(q)} on {t.date} "
                    f"({t.report}): two provinces at once")
    return ""


def _same_post(s: Sighting, t: Sighting) -> str:
    for p, q in _pairs(s, t):
        if p.province == q.province and match_key(p.title) == match_key(q.title):
            return f"{_post(p)} in both reports"
    return ""


def _national_post(s: Sighting, t: Sighting) -> str:
    mine = {match_key(p.title): p.title for p in s.posts if p.national}
    for q in t.posts:
        if q.national and match_key(q.title) in mine:
            return f"{q.title} in both reports"
    return ""


def _same_province(s: Sighting, t: Sighting) -> str:
    for p, q in _pairs(s, t):
        if p.province == q.province:
            return f"{_post(p)} and {_post(q)}: the same province"
    return ""


def _merged_province(s: Sighting, t: Sighting) -> str:
    for p, q in _pairs(s, t):
        if _related(p.province, q.province):  # type: ignore[arg-type]
            return f"{_post(p)} and {_post(q)}: one province since the 2025 merger"
    return ""


def _same_title(s: Sighting, t: Sighting) -> str:
    for p, q in _pairs(s, t, placed=False):
        if (p.province is None or q.province is None) and \
                match_key(p.title) == match_key(q.title):
            return f"{p.title} in both reports, one of them placed in no province"
    return ""


def _career_move(s: Sighting, t: Sighting) -> str:
    apart = _days_apart(s, t)
    if apart is None or apart <= CONFLICT_DAYS:
        return ""
    mine = [p for p in s.posts if _leads(p)]
    theirs = [q for q in t.posts if _leads(q)]
    if mine and theirs:
        return (f"{_post(mine[0])} on {s.date} and {_post(theirs[0])} on {t.date}: "
                f"posts the centre rotates, {apart} days apart")
    return ""


def _leads(post: Post) -> bool:
    """A national post, or a provincial one the centre rotates and one person holds.

    Deputies ("Phó Bí thư") are many in every province, so a common name seen as a
    deputy in two provinces is no evidence of one career.
    """
    kind = post_kind(post.title)
    return post.national or (kind.rotates and kind.one_holder)


_RULES: tuple[tuple[str, Callable[[Sighting, Sighting], str]], ...] = (
    ("same-post", _same_post),
    ("national-post", _national_post),
    ("same-province", _same_province),
    ("merged-province", _merged_province),
    ("same-title", _same_title),
    ("career-move", _career_move),
)
_RANK = {name: rank for rank, (name, _) in enumerate(_RULES)}


# ---- provinces --------------------------------------------------------------------------

def _post(p: Post) -> str:
    return f"{p.title} ({province_name(p.province)})" if p.province else p.title


def _related(a: str, b: str) -> bool:
    """Whether two units are one, or became one through mergers."""
    return a == b or _unit_on(a, "9999-12-31") == _unit_on(b, "9999-12-31")


@lru_cache(maxsize=1024)
def _unit_on(key: str, on: str) -> str:
    """The key of the unit `key` was part of on ISO day `on` (itself before any merger)."""
    unit = province_by_key(key)
    return successor(unit, on).key if unit else key
