"""Role cues: the words that place people at a meeting, as its chair or as attending.

A ROLE mention marks a cue of `kg/data/role_cues.tsv` ("chủ trì", "dự", "phát biểu");
`kg.link.meetings` gives the officials in its scope that role. A cue is dropped when a
longer "block" word starts inside it ("dự thảo", "dự án"), and a cue with condition
"meeting" counts only when a meeting noun follows ("điều hành kỳ họp"). Offsets are
character offsets into `CleanDoc.text`.
"""

from __future__ import annotations

import re

from kg.data import load_table
from kg.extract.phrase_patterns import phrase_key, word_re
from kg.model import Mention, MentionKind, RoleValue
from kg.text import fold_tones

_ROLE_ROWS = load_table("role_cues")
_ROLE = {phrase_key(fold_tones(r["cue"])): r for r in _ROLE_ROWS}
_ROLE_RE = word_re([r["cue"] for r in _ROLE_ROWS])
_ROLE_LOW_RE = word_re([r["cue"] for r in _ROLE_ROWS], 0)
_BLOCK_RE = word_re([r["cue"] for r in _ROLE_ROWS if r["role"] == "block"])
# the head nouns of kg.extract.meetings, read here too (meetings imports this module)
_MEETING_HEAD_RE = word_re([phrase_key(fold_tones(r["phrase"]))
                            for r in load_table("meeting_kinds") if r["slot"] == "head"])
_MEETING_AFTER_RE = re.compile(
    rf"\s*(?:\S+\s+){{0,2}}?(?:{_MEETING_HEAD_RE.pattern}|phiên\s)", re.IGNORECASE)


def find_roles(text: str, folded: str, low: str, lowered: bool,
               source: str) -> list[Mention]:
    """Return ROLE mentions (value: chair or attend) for the cues in the text.

    `low` is `folded` in lower case when `lowered`, else `folded` itself; `source` is the
    extractor version the mentions carry. Example: "đồng chí A chủ trì hội nghị" gives
    one mention "chủ trì" with RoleValue("chair").
    """
    out = []
    for m in (_ROLE_LOW_RE if lowered else _ROLE_RE).finditer(low):
        row = _ROLE[phrase_key(m.group("w"))]
        if row["role"] == "block" or _blocked(folded, m.start(), m.end()):
            continue
        if row["condition"] == "meeting" and not _MEETING_AFTER_RE.match(folded, m.end()):
            continue
        out.append(Mention(m.start(), m.end(), MentionKind.ROLE, text[m.start():m.end()],
                           RoleValue(row["role"]), source))
    return out


def _blocked(folded: str, start: int, end: int) -> bool:
    """True when a word inside the cue starts a longer non-cue ("về dự thảo")."""
    for word in re.finditer(r"\S+", folded[start:end]):
        block = _BLOCK_RE.match(folded, start + word.start())
        if block and block.end() > end:
            return True
    return False
