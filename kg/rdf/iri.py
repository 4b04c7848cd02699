"""Deterministic IRIs for every node, from normalised content (never counters).

`{base}{kind}/{key}`; keys are ASCII slugs of the normalised content (kg.text.slug),
so the same facts get the same IRIs in any build and the IRIs need no escaping.
"""

from __future__ import annotations

from rdflib import URIRef

from kg.text import slug

DEFAULT_BASE = "https://w3id.org/vnkg/id/"


class Iris:
    """Mint IRIs under one base: `Iris(base).official("lu-van-hoang")`."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def _mint(self, kind: str, *parts: str) -> URIRef:
        return URIRef(self.base + kind + "/" + "/".join(parts))

    def report(self, report_id: str) -> URIRef:
        return self._mint("report", slug(report_id))

    def graph(self, name: str) -> URIRef:
        return self._mint("graph", slug(name))

    def official(self, identity: str) -> URIRef:
        """`identity` is the key cross-report linking gave (kg.link.identity)."""
        return self._mint("official", identity)

    def province(self, code: str) -> URIRef:
        return self._mint("province", code)

    def position(self, title: str, province_code: str | None) -> URIRef:
        if province_code is None:
            return self._mint("position", slug(title))
        return self._mint("position", slug(title), province_code)

    def organization(self, name: str, province_code: str | None) -> URIRef:
        if province_code is None:
            return self._mint("org", slug(name))
        return self._mint("org", slug(name), province_code)

    def directive(self, number: str, scope: str | None) -> URIRef:
        """`scope` is None for national numbers, else the issuer's province code."""
        if scope is None:
            return self._mint("directive", slug(number))
        return self._mint("directive", scope, slug(number))

    def meeting(self, scope: str, kind: str, when: str, ordinal: int | None) -> URIRef:
        parts = [scope, kind, slug(when)]
        if ordinal is not None:
            parts.append(str(ordinal))
        return self._mint("meeting", *parts)

    def tenure(self, report_id: str, identity: str, position: URIRef) -> URIRef:
        """One observation per report, official and position (title + jurisdiction)."""
        return self._mint("tenure", slug(report_id), identity, self._post(position))

    def holding(self, identity: str, position: URIRef) -> URIRef:
        return self._mint("holding", identity, self._post(position))

    def succession(self, position: URIRef, predecessor: str, successor: str) -> URIRef:
        return self._mint("succession", self._post(position), predecessor, successor)

    def identity_link(self, identity: str, report_a: str, report_b: str) -> URIRef:
        return self._mint("identity", identity, slug(report_a), slug(report_b))

    def collision(self, identity_a: str, identity_b: str) -> URIRef:
        return self._mint("collision", *sorted((identity_a, identity_b)))

    @staticmethod
    def _post(position: URIRef) -> str:
        return str(position).rsplit("/position/", 1)[-1]

    def mention(self, report_id: str, start: int, end: int) -> URIRef:
        return self._mint("mention", slug(report_id), f"{start}-{end}")
