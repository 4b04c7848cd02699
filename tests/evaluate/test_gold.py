"""load_golds / load_same_as on small folders and on the development corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.evaluate import load_golds, load_same_as

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


def test_load_golds_sorted_with_ids(tmp_path: Path) -> None:
    (tmp_path / "b.gold.json").write_text(json.dumps({"id": "b"}), encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(json.dumps({"province": "Hà Tĩnh"}), encoding="utf-8")
    (tmp_path / "a.txt").write_text("Hà Tĩnh", encoding="utf-8")
    assert [g["id"] for g in load_golds(tmp_path)] == ["a", "b"]
    assert load_same_as(tmp_path) is None


def test_bad_gold_json_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "x.gold.json").write_text('{\n "id": "x",\n oops\n}', encoding="utf-8")
    with pytest.raises(InputError, match=r"x\.gold\.json:3: invalid JSON"):
        load_golds(tmp_path)


def test_load_same_as(tmp_path: Path) -> None:
    groups = [[["d1", "Nguyễn Văn An"], ["d2", "Nguyễn Văn An"]]]
    (tmp_path / "same_as.json").write_text(json.dumps(groups), encoding="utf-8")
    assert load_same_as(tmp_path) == [(("d1", "Nguyễn Văn An"), ("d2", "Nguyễn Văn An"))]


def test_corpus_golds_load() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"development corpus not found at {CORPUS}")
    golds = load_golds(CORPUS)
    assert golds and all(isinstance(g["id"], str) for g in golds)
    groups = load_same_as(CORPUS)
    assert groups is None or all(len(g) >= 2 for g in groups)
