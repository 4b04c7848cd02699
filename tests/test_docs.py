"""Documentation stays true: every command and option has help; README is current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest

from kg.cli import main

REPO = Path(__file__).resolve().parents[1]

COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_summary_and_example(name: str) -> None:
    command = main.commands[name]
    assert command.help, f"kg {name} has no help"
    assert "Example:" in command.help, f"kg {name} has no Example: block"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_has_help(name: str) -> None:
    for param in main.commands[name].params:
        if isinstance(param, click.Option):
            assert param.help, f"kg {name} {param.opts[0]} has no help"


def test_every_command_takes_store_except_pure_ones() -> None:
    without = {n for n in COMMANDS
               if not any(p.name == "store" for p in main.commands[n].params)}
    assert without <= {"queries", "eval"}, without  # they read no store


def test_readme_command_reference_is_current() -> None:
    check = subprocess.run([sys.executable, str(REPO / "scripts" / "cli_reference.py"),
                            "--check"], capture_output=True, text=True)
    assert check.returncode == 0, "README.md is stale: run python scripts/cli_reference.py"


def test_public_api() -> None:
    import kg

    assert set(kg.__all__) == {"build", "process", "remove", "open_store", "CleanDoc", "Mention",
                               "Report", "KgError"}
    for name in kg.__all__:
        assert getattr(kg, name) is not None
