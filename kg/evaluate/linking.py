"""Check cross-report identity: are `same_as.json` groups joined, and nobody else?

`identity(report_id, name)` is the IRI the graph gave the person named `name` in that
report (None when the graph has no such person). A group is *fully linked* when all
its members get one IRI; a *false merge* is a pair of distinct gold people (different
report or different name) who share an IRI while no group says they are one person.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from kg.text import match_key

Identity = Callable[[str, str], "str | None"]
Person = tuple[str, str]                          # (report id, name as printed)


@dataclass(frozen=True)
class Linking:
    """Outcome of `check_linking`; lists are sorted so output is stable."""

    groups: int
    linked: int
    unlinked: tuple[tuple[Person, ...], ...]
    false_merges: tuple[tuple[Person, Person], ...]
    people: int

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready data ([report id, name] pairs as lists)."""
        return {
            "groups": self.groups, "linked": self.linked, "people": self.people,
            "unlinked": [[list(p) for p in group] for group in self.unlinked],
            "false_merges": [[list(a), list(b)] for a, b in self.false_merges],
        }


def check_linking(golds: Sequence[Mapping[str, Any]], identity: Identity,
                  same_as: Sequence[Sequence[Person]]) -> Linking:
    """Return how many `same_as` groups share one identity and which pairs merge wrongly.

    Names compare by `match_key`. No groups and no people give
    `Linking(0, 0, (), (), 0)`. Example: groups `[[("d04", "Lê Văn Hào"), ("d16",
    "Lê Văn Hào")]]` are linked when both map to `id:official/le-van-hieu`.
    """
    cache: dict[tuple[str, str], str | None] = {}

    def iri(person: Person) -> str | None:
        key = (person[0], match_key(person[1]))
        if key not in cache:
            cache[key] = identity(person[0], person[1])
        return cache[key]

    groups_of: dict[tuple[str, str], set[int]] = defaultdict(set)
    linked, unlinked = 0, []
    for index, group in enumerate(same_as):
        for rid, name in group:
            groups_of[(rid, match_key(name))].add(index)
        iris = {iri(p) for p in group}
        if len(iris) == 1 and None not in iris:
            linked += 1
        else:
            unlinked.append(tuple(sorted(group)))

    people: dict[tuple[str, str], Person] = {}
    for gold in golds:
        for official in gold.get("officials") or ():
            person = (str(gold["id"]), official["name"])
            people.setdefault((person[0], match_key(person[1])), person)
    buckets: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in sorted(people):
        found = iri(people[key])
        if found is not None:
            buckets[found].append(key)
    merges = []
    for keys in buckets.values():
        for a, b in combinations(keys, 2):
            if not groups_of[a] & groups_of[b]:
                merges.append((people[a], people[b]))
    return Linking(groups=len(same_as), linked=linked, unlinked=tuple(sorted(unlinked)),
                   false_merges=tuple(sorted(merges)), people=len(people))
