"""kg.cli end to end with CliRunner: every command, its options and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def store(built_store: Path, tmp_path: Path) -> Path:
    """A private copy of the built sample store, so a test may change it."""
    copy = tmp_path / "store"
    shutil.copytree(built_store, copy)
    return copy


def test_build_with_export_and_view(tmp_path: Path) -> None:
    ttl, html = tmp_path / "out" / "g.ttl", tmp_path / "out" / "g.html"
    result = run("build", EXAMPLES, "--store", tmp_path / "s", "-o", ttl, "--view", html)
    assert result.exit_code == 0, result.output
    assert "store:" in result.output and str(ttl) in result.output and str(html) in result.output
    assert ttl.stat().st_size > 0 and html.read_text(encoding="utf-8").startswith("<")


def test_build_without_paths_builds_the_sample(tmp_path: Path) -> None:
    result = run("build", "--store", tmp_path / "s")
    assert result.exit_code == 0, result.output
    assert "6 reports" in result.output
    # the 2023 sample joins three officials of the 2021 one, succeeds one and is placed
    assert ("links: 3 merges across reports, 0 same-name collisions, 1 succession, "
            "1 province inferred from officials") in result.output


def test_build_with_a_bad_input_exits_1_and_names_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("[1, 2]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(bad), str(EXAMPLES), "--store",
                                       str(tmp_path / "s")])
    assert result.exit_code == 1, result.output
    assert "bad.jsonl:1" in result.stderr
    assert "6 reports" in result.stdout


def test_query_formats(store: Path) -> None:
    for fmt in ("table", "csv", "json"):
        result = run("query", "officials-of-province", "--param", "province=Hà Tĩnh",
                     "--format", fmt, "--store", store)
        assert result.exit_code == 0, result.output
        assert "Trần Minh Khoa" in result.output
    rows = json.loads(run("query", "officials-of-province", "-p", "province=Hà Tĩnh",
                          "--format", "json", "--store", store).output)
    assert rows


def test_query_unknown_name_exits_1_with_suggestion(store: Path) -> None:
    result = CliRunner().invoke(main, ["query", "officials-of-provinc", "--store", str(store)])
    assert result.exit_code == 1
    assert "officials-of-province" in result.stderr


def test_query_bad_param_syntax_is_usage_error(store: Path) -> None:
    result = CliRunner().invoke(main, ["query", "officials-of-province", "--param", "x",
                                       "--store", str(store)])
    assert result.exit_code == 2


def test_query_on_missing_store_exits_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["query", "officials-of-province", "-p", "province=A",
                                       "--store", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "no store here" in result.stderr


def test_queries_lists_names() -> None:
    result = run("queries")
    assert result.exit_code == 0
    assert "officials-of-province" in result.output


def test_view_focus_and_province(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "v.html"
    assert run("view", "-o", out, "--store", store).exit_code == 0
    focus = run("view", "--focus", "trần minh khoa", "-o", tmp_path / "f.html", "--store", store)
    assert focus.exit_code == 0, focus.output
    prov = run("view", "--province", "Nghệ An", "-o", tmp_path / "p.html", "--store", store)
    assert prov.exit_code == 0, prov.output
    assert out.stat().st_size > (tmp_path / "f.html").stat().st_size


def test_view_unknown_focus_names_close_labels(store: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["view", "--focus", "Trần Minh Khao", "-o",
                                       str(tmp_path / "x.html"), "--store", str(store)])
    assert result.exit_code == 1
    assert "Trần Minh Khoa" in result.stderr
    assert not (tmp_path / "x.html").exists()


@pytest.mark.parametrize("suffix, fmt", [(".ttl", None), (".data", "nq"), (".jsonld", None)])
def test_export(store: Path, tmp_path: Path, suffix: str, fmt: str | None) -> None:
    out = tmp_path / f"g{suffix}"
    args = ["export", "-o", out, "--store", store] + (["--format", fmt] if fmt else [])
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0


def test_export_unknown_suffix_exits_1(store: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "-o", str(tmp_path / "g.xyz"),
                                       "--store", str(store)])
    assert result.exit_code == 1
    assert ".ttl" in result.stderr


def test_remove(store: Path) -> None:
    result = run("remove", "ha-tinh-hoi-nghi-bch-2021", "--store", store)
    assert result.exit_code == 0, result.output
    again = CliRunner().invoke(main, ["remove", "ha-tinh-hoi-nghi-bch-2021", "--store",
                                      str(store)])
    assert again.exit_code == 1
    assert "no report" in again.stderr


def test_stats(store: Path) -> None:
    result = run("stats", "--store", store)
    assert result.exit_code == 0
    assert "Official" in result.output
    figures = json.loads(run("stats", "--json", "--store", store).output)
    assert figures["Report"] == 6
    assert figures["Meeting"] >= 6          # every sample report is about a meeting
    assert figures["unresolved province"] == []
    # the 2023 sample names no province: its officials place it in Hà Tĩnh
    assert figures["province evidence"] == {"explicit": 5, "official": 1}
    assert figures["merges by rule"] == {"national-post": 1, "same-post": 1,
                                         "same-province": 1}
    assert figures["Succession"] == 1
    assert figures["suspected same-name collisions"] == []
    assert figures["directives reported differently"] == []
    assert figures["merges to review"] == []


def test_validate_sample_conforms(store: Path) -> None:
    result = run("validate", "--store", store)
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_eval_on_corpus_prints_rows(corpus_dir: Path) -> None:
    result = run("eval", corpus_dir, "--no-misses")
    assert result.exit_code == 0, result.output
    for row in ("officials", "chairs", "directive numbers", "province"):
        assert row in result.output


def test_help_short_option() -> None:
    assert run("-h").exit_code == 0
    assert run("build", "-h").exit_code == 0
