"""Regenerate the command reference in README.md from `kg COMMAND --help`.

    python scripts/cli_reference.py          # rewrite README.md
    python scripts/cli_reference.py --check  # exit 1 if README.md is out of date
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"
START = "<!-- cli-reference:"
END = "<!-- end cli-reference -->"


def reference() -> str:
    """Return the markdown block: one `--help` output per command."""
    runner = CliRunner()
    parts = []
    for name in sorted(main.commands):
        result = runner.invoke(main, [name, "--help"], prog_name="kg", terminal_width=88)
        parts.append(f"### kg {name}\n\n```\n{result.output.rstrip()}\n```\n")
    return "\n".join(parts)


def updated(text: str) -> str:
    pattern = re.compile(rf"({re.escape(START)}[^\n]*\n).*?({re.escape(END)})", re.S)
    return pattern.sub(lambda m: m.group(1) + "\n" + reference() + "\n" + m.group(2), text)


if __name__ == "__main__":
    current = README.read_text(encoding="utf-8")
    new = updated(current)
    if "--check" in sys.argv:
        sys.exit(0 if new == current else 1)
    README.write_text(new, encoding="utf-8")
