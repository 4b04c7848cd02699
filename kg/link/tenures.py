"""Posts over time: each official's holdings of each post, and successions between them.

A `Holding` gathers every report that shows one official in one post (title and
jurisdiction) with the first and last days seen. A `Succession` is said only for a post
one person holds at a time (kg.link.posts): when A is last seen in it before B is first
seen in it, and nobody seen earlier is still seen in it after B starts. The dates are
observations, not the days of the handover.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kg.link.posts import post_kind
from kg.model import Post, Sighting
from kg.text import match_key


@dataclass(frozen=True)
class Holding:
    identity: str
    name: str
    post: Post
    first: str | None                         # ISO day first seen; None when never dated
    last: str | None
    reports: tuple[str, ...]                  # sorted report ids


@dataclass(frozen=True)
class Succession:
    post: Post
    predecessor: Holding
    successor: Holding


def _post_key(post: Post) -> tuple[str, str | None]:
    return (match_key(post.title), post.scope)


def holdings(sightings: Sequence[Sighting]) -> list[Holding]:
    """One `Holding` per (identity, post) over `sightings` (identities filled in)."""
    grouped: dict[tuple[str, tuple[str, str | None]], list[tuple[Sighting, Post]]] = {}
    for s in sightings:
        for post in s.posts:
            grouped.setdefault((s.identity, _post_key(post)), []).append((s, post))
    out = []
    for (identity, _), seen in sorted(grouped.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        seen.sort(key=lambda sp: (sp[0].date or "9999", sp[0].report))
        dates = sorted(s.date for s, _ in seen if s.date)
        out.append(Holding(identity=identity, name=seen[0][0].name, post=seen[0][1],
                           first=dates[0] if dates else None,
                           last=dates[-1] if dates else None,
                           reports=tuple(sorted({s.report for s, _ in seen}))))
    return out


def successions(held: Sequence[Holding]) -> list[Succession]:
    """The successions the dated `held` show, post by post (see the module docstring).

    Example: A seen as Bí thư Tỉnh ủy of Nghệ An on 2020-06-30 and 2021-03-01, B first
    seen in it on 2022-01-20 -> Succession(A -> B).
    """
    by_post: dict[tuple[str, str | None], list[Holding]] = {}
    for h in held:
        if h.first and (h.post.national or h.post.province) and post_kind(h.post.title).one_holder:
            by_post.setdefault(_post_key(h.post), []).append(h)
    out = []
    for key in sorted(by_post, key=str):
        earlier: list[Holding] = []
        for h in sorted(by_post[key], key=lambda h: (h.first, h.last, h.identity)):
            if earlier:
                before = max(earlier, key=lambda e: (e.last, e.identity))
                if before.last < h.first and before.identity != h.identity:  # type: ignore[operator]
                    out.append(Succession(h.post, before, h))
            earlier.append(h)
    return out
