"""`kg serve`: the HTML view and a read-only SPARQL endpoint, on the standard library.

GET /           the graph view (kg.view)
GET /sparql?query=...   SPARQL results as JSON (SELECT/ASK) or N-Triples (CONSTRUCT)
GET /query/NAME?param=value   a named query as JSON
Updates are refused: the endpoint only reads.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from kg.errors import KgError
from kg.store import Store, opened


def _handler(store: Store) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, fmt: str, *args: object) -> None:  # quiet by default
            pass

        def _send(self, status: int, body: str, content_type: str) -> None:
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", f"{content_type}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            url = urlparse(self.path)
            args = {k: v[-1] for k, v in parse_qs(url.query).items()}
            try:
                if url.path == "/":
                    from kg.view import render_view
                    self._send(200, render_view(store.dataset), "text/html")
                elif url.path == "/sparql":
                    self._send(200, _sparql(store, args.get("query", "")), "application/json")
                elif url.path.startswith("/query/"):
                    from kg.query import format_result, load_query, run_query
                    named = load_query(url.path.removeprefix("/query/"))
                    result = run_query(store.dataset, named, args)
                    self._send(200, format_result(result, "json"), "application/json")
                else:
                    self._send(404, json.dumps({"error": "not found"}), "application/json")
            except KgError as exc:
                self._send(400, json.dumps({"error": str(exc)}, ensure_ascii=False),
                           "application/json")

    return Handler


def _sparql(store: Store, query: str) -> str:
    from kg.query import format_result, run_query

    if not query.strip():
        raise KgError("missing ?query=")
    return format_result(run_query(store.dataset, query, {}), "json")


def make_server(store: Store, *, host: str = "127.0.0.1", port: int = 8765
                ) -> ThreadingHTTPServer:
    """Return a server (not yet serving) for an open store; port 0 picks a free one."""
    return ThreadingHTTPServer((host, port), _handler(store))


def serve_store(path: str | Path, *, host: str = "127.0.0.1", port: int = 8765,
                announce: Callable[[str], None] = print) -> None:
    """Serve the store at `path` until interrupted."""
    with opened(path, create=False) as store:
        server = make_server(store, host=host, port=port)
        announce(f"http://{host}:{server.server_address[1]}/")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
