"""Take the article out of a saved news page: main text, title, date, canonical URL.

Offline only: trafilatura works on the HTML string given, never fetches. Menus,
comment boxes and footers are left out by trafilatura; what slips through is dropped
later by `kg.clean`.
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from kg.text import nfc, squash_spaces


@dataclass(frozen=True)
class Article:
    """What a page holds: `text` starts with the title and ends with the byline."""

    text: str
    title: str | None = None
    published: str | None = None     # YYYY-MM-DD from the page's metadata
    url: str | None = None


def extract_article(html: str, url: str | None = None) -> Article:
    """Return the article of one HTML page; `text` is "" when none is found.

    Example: a page whose <h1> is "Hội nghị Tỉnh ủy lần thứ 5" and whose body says
    "Sáng 3/6, ..." gives text "Hội nghị Tỉnh ủy lần thứ 5\\n\\nSáng 3/6, ...".
    """
    doc = trafilatura.bare_extraction(
        html, url=url, favor_recall=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False, with_metadata=True,
        date_extraction_params={"extensive_search": True, "original_date": True},
    )
    if doc is None:
        return Article(text="")
    body = (getattr(doc, "text", None) or "").strip()
    title = _clean_field(getattr(doc, "title", None))
    published = _clean_field(getattr(doc, "date", None))
    page_url = _clean_field(getattr(doc, "url", None)) or url
    if title and body and not squash_spaces(body[:len(title) + 20]).startswith(title):
        body = f"{title}\n\n{body}"
    author = _clean_field(getattr(doc, "author", None))
    if author and body and author not in body[-len(author) - 200:]:
        body = f"{body}\n\n{author}"      # the byline, when a page keeps it in metadata
    return Article(text=body, title=title, published=published, url=page_url)


def _clean_field(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = squash_spaces(nfc(value))
    return value or None
