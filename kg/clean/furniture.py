"""Recognise lines of page furniture: menus, comment forms, share buttons, file names.

The patterns are data (`kg/data/furniture.tsv`: kind, action, pattern, note); each is
matched case-insensitively against a whole line, spaces trimmed. They are compiled into
one regex per action at first use.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.data import load_table
from kg.errors import DataError

MAX_LINE = 200          # longer lines are prose, never furniture
ACTIONS = ("tail", "drop")     # tail first: a line matching both starts a tail


def furniture_action(line: str) -> str | None:
    """Return "drop", "tail" or None for one trimmed line.

    "tail" marks the start of a trailing block (comments, related stories). Example:
    "Hãy chia sẻ với bạn bè!" -> "drop"; "Các tin đã đưa" -> "tail";
    "Thứ hai, 25/10/2021" -> None.
    """
    if len(line) > MAX_LINE:
        return None
    for action, pattern in _patterns():
        if pattern.fullmatch(line):
            return action
    return None


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    by_action: dict[str, list[str]] = {action: [] for action in ACTIONS}
    for row in load_table("furniture"):
        action = row["action"]
        if action not in by_action:
            raise DataError(f"kg/data/furniture.tsv: unknown action {action!r}; "
                            f"expected one of {', '.join(ACTIONS)}")
        try:
            re.compile(row["pattern"])
        except re.error as err:
            raise DataError(f"kg/data/furniture.tsv: bad pattern {row['pattern']!r}: "
                            f"{err}") from None
        by_action[action].append(row["pattern"])
    return tuple(
        (action, re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE))
        for action, patterns in by_action.items() if patterns
    )
