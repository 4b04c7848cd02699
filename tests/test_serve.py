"""kg.serve: the view and the read-only SPARQL endpoint, on a loopback port."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import quote
from urllib.request import urlopen

import pytest

from kg.serve import make_server
from kg.store import opened


@pytest.fixture
def base_url(built_store: Path) -> Iterator[str]:
    with opened(built_store, create=False) as store:
        server = make_server(store, port=0)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}"
        finally:
            server.shutdown()
            server.server_close()


def _get(url: str) -> tuple[int, str]:
    try:
        with urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def test_view_page(base_url: str) -> None:
    status, body = _get(base_url + "/")
    assert status == 200 and "<html" in body.lower()


def test_sparql_select(base_url: str) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?r a <https://w3id.org/vnkg/ontology#Report> }"
    status, body = _get(base_url + "/sparql?query=" + quote(query))
    assert status == 200
    assert json.loads(body) == [{"n": 6}]


def test_sparql_update_is_refused(base_url: str) -> None:
    status, body = _get(base_url + "/sparql?query=" + quote("DROP ALL"))
    assert status == 400 and "error" in json.loads(body)


def test_named_query_with_parameter(base_url: str) -> None:
    status, body = _get(base_url + "/query/officials-of-province?province=" + quote("Hà Tĩnh"))
    assert status == 200
    assert any(row.get("name") == "Trần Minh Khoa" for row in json.loads(body))


def test_unknown_path_is_404(base_url: str) -> None:
    assert _get(base_url + "/nope")[0] == 404
