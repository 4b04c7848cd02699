"""Decide which name owns which title among the items of one list of officials.

`kg.extract.officials` finds the items (titles and names, in text order) and labels the
text between each two: adj (nothing), sep / sep; / sep: (punctuation), and, cue / cue+
("giữ chức", "lần lượt giữ chức"), list ("gồm"), break. This module reads those labels:
"T1, T2 X" and "X, T1, T2; Y - T2" (titles before or after their name), "các đồng chí
T: X - T1; Y - T2" (a header title shared by the list), "X và Y lần lượt giữ chức T1 và
T2" (titles paired with names in order), and records the owners on each title item.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.names import Candidate
from kg.extract.titles import Title


@dataclass
class Item:
    """A title or a name candidate found in the text, at characters [start, end)."""

    start: int
    end: int
    title: Title | None = None
    cand: Candidate | None = None
    past: bool = False
    plural: bool = False
    genitive: bool = False                              # "của Bí thư Tỉnh ủy"
    segment: int = 0                                    # items linked without a break
    owners: list[int] = field(default_factory=list)     # indices of name items


def segments(items: list[Item], gaps: list[str]) -> list[list[int]]:
    """Cut the items into segments at "break" gaps, and at "list" unless after a plural."""
    segs: list[list[int]] = [[0]] if items else []
    for i, g in enumerate(gaps):
        if g == "break" or (g == "list" and not items[i].plural):
            segs.append([i + 1])
        else:
            segs[-1].append(i + 1)
    return segs


def assign_owners(items: list[Item], gaps: list[str], seg: list[int]) -> None:
    """Give each title in one segment its owners (indices of name items)."""
    header: list[int] = []
    k = 0
    while k < len(seg) and items[seg[k]].title is not None:
        if k + 1 < len(seg) and gaps[seg[k]] in ("sep:", "list"):
            header = seg[:k + 1]
            seg = seg[k + 1:]
            break
        k += 1
    groups: list[list[int]] = [[]]
    for pos, i in enumerate(seg):
        groups[-1].append(i)
        if pos + 1 < len(seg) and gaps[i] == "sep;":
            groups.append([])
    previous_name: int | None = None
    post_styled = False
    pending: list[int] = []
    for gi, group in enumerate(groups):
        names = [i for i in group if items[i].cand is not None]
        if header and (gi == 0 or _header_live(items, groups, gi)):
            for h in header:
                items[h].owners.extend(names)
        if not names:
            if previous_name is not None and post_styled:
                for i in group:
                    items[i].owners.append(previous_name)
            else:
                pending.extend(group)
            continue
        for i in pending:
            items[i].owners.append(names[0])
        pending = []
        _assign_group(items, gaps, group, names)
        previous_name = names[-1]
        post_styled = items[group[-1]].title is not None and \
            previous_name in items[group[-1]].owners


def _header_live(items: list[Item], groups: list[list[int]], gi: int) -> bool:
    return all(items[g[0]].cand is not None for g in groups[1:gi + 1])


def _assign_group(items: list[Item], gaps: list[str], group: list[int],
                  names: list[int]) -> None:
    first = names[0]
    pre_styled: set[int] = set()
    pre = [i for i in group if i < first]
    if pre and (gaps[first - 1] == "adj" or not items[pre[-1]].genitive):
        for i in pre:
            items[i].owners.append(first)
        pre_styled.add(first)
    cue_titles: list[int] = []
    respectively = False
    for a, b in zip(names, names[1:] + [None]):
        between = [i for i in group if a < i < (b if b is not None else 10 ** 9)]
        titles = [i for i in between if items[i].title is not None]
        if not titles:
            continue
        for pos, i in enumerate(titles):
            if gaps[i - 1].startswith("cue") or (cue_titles and pos and
                                                  gaps[i - 1] in ("and", "sep")):
                cue_titles.append(i)
                respectively = respectively or gaps[i - 1] == "cue+"
        plain = [i for i in titles if i not in cue_titles]
        if b is not None and plain and plain[-1] == b - 1 and gaps[b - 1] == "adj":
            if a in pre_styled:
                for i in plain:
                    items[i].owners.append(b)
            else:
                for i in plain[:-1]:
                    items[i].owners.append(a)
                items[plain[-1]].owners.append(b)
            pre_styled.add(b)
        else:
            for i in plain:
                items[i].owners.append(a)
    if cue_titles:
        holders = [i for i in names if i < cue_titles[0]]
        if len(holders) == len(cue_titles) > 1 or (respectively and
                                                   len(holders) == len(cue_titles)):
            for h, t in zip(holders, cue_titles):
                items[t].owners.append(h)
        else:
            for t in cue_titles:
                items[t].owners.extend(holders)
