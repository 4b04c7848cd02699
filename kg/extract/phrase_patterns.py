"""Regexes for vocabularies of phrases (meeting names, role cues), shaped as tries.

Phrases are matched with tone marks folded, any run of spaces between words, and are
looked up again by `phrase_key` of the text matched. Used by `kg.extract.meetings` and
`kg.extract.roles`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.text import fold_tones


def alternation(phrases: Sequence[str]) -> str:
    """Return a trie-shaped regex for `phrases` (longest match first), spaces as \\s+.

    A trie lets the regex engine reject most positions on the first character, which
    a flat alternation of many phrases cannot.
    """
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for ch in " ".join(fold_tones(phrase).lower().split()):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def word_re(phrases: Sequence[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A regex matching any of `phrases` as whole words; the phrase is group "w"."""
    return re.compile(rf"\b(?P<w>{alternation(phrases)})(?!\w)", flags)


def phrase_key(text: str) -> str:
    """Lower-case `text` and collapse its spaces (text from `doc.folded` is folded)."""
    return " ".join(text.lower().split())
