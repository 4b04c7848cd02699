"""Fixtures: the hand-written graph loaded into an in-memory and an Oxigraph Dataset."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "query_graph.trig"


def load(store: str) -> Dataset:
    dataset = Dataset(store=store, default_union=True)
    dataset.parse(FIXTURE, format="trig")
    return dataset


@pytest.fixture(params=["default", "Oxigraph"], ids=["memory", "oxigraph"])
def dataset(request: pytest.FixtureRequest) -> Dataset:
    return load(request.param)


@pytest.fixture
def oxigraph() -> Dataset:
    return load("Oxigraph")


@pytest.fixture
def memory() -> Dataset:
    return load("default")
