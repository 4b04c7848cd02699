"""Shared fixtures: the sample reports built once into a store per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the sample reports (built once; tests must not change it)."""
    from kg.pipeline import build

    path = tmp_path_factory.mktemp("store") / "kg-store"
    result = build([EXAMPLES], store=path)
    assert result.ok, [str(e) for e in result.errors]
    return path


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The bundled sample reports (examples/)."""
    return EXAMPLES


@pytest.fixture
def corpus_dir() -> Path:
    """The real development set beside the repository; skipped where it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"development corpus not found at {CORPUS}")
    return CORPUS
