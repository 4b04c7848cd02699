"""What kind of post a canonical title is: held by one person at a time, rotated or not.

Cross-report linking uses it: a succession is only claimed for a post one person holds
at a time, and the same name in two provinces years apart is one career only when both
posts are ones the Party rotates between provinces (or national ones). The rules are
data: kg/data/posts.tsv.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.data import load_table
from kg.text import match_key


@dataclass(frozen=True)
class PostKind:
    one_holder: bool                  # one person at a time (Bí thư, Chủ tịch, ...)
    rotates: bool                     # moved between provinces by the centre


_DEFAULT = PostKind(one_holder=True, rotates=False)


def post_kind(title: str) -> PostKind:
    """Return the kind of the canonical `title`: "Phó Bí thư Tỉnh ủy" -> many holders, rotates."""
    return _kind(match_key(title))


@lru_cache(maxsize=4096)
def _kind(key: str) -> PostKind:
    titles, words, prefixes = _rules()
    if key in titles:
        return titles[key]
    padded = f" {key} "
    for word, kind in words:
        if f" {word} " in padded or key.endswith(word):
            return kind
    for prefix, kind in prefixes:
        if key == prefix or key.startswith(prefix + " "):
            return kind
    return _DEFAULT


@lru_cache(maxsize=1)
def _rules() -> tuple[dict[str, PostKind], list[tuple[str, PostKind]],
                      list[tuple[str, PostKind]]]:
    titles: dict[str, PostKind] = {}
    words: list[tuple[str, PostKind]] = []
    prefixes: list[tuple[str, PostKind]] = []
    for row in load_table("posts"):
        kind = PostKind(one_holder=row["holders"] == "one", rotates=row["rotates"] == "yes")
        text = match_key(row["text"])
        if row["kind"] == "title":
            titles[text] = kind
        elif row["kind"] == "word":
            words.append((text, kind))
        else:
            prefixes.append((text, kind))
    return titles, words, prefixes
