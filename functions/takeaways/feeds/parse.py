"""A feed document to its entries: RSS 0.9x/1.0/2.0 and Atom through feedparser, JSON Feed by hand.

feedparser is only ever given bytes, never a URL: it would fetch a URL itself, outside the
fetcher's address checks and limits.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal
from urllib.parse import urljoin

import feedparser

from takeaways.feeds.model import FeedEntry, FeedProblem, FetchRefused, ParsedFeed

_JSON_FEED_VERSION = "https://jsonfeed.org/version/"
_KINDS: dict[str, Literal["rss", "atom", "rdf"]] = {"atom": "atom", "rss090": "rdf", "rss10": "rdf"}


def parse_feed(body: bytes, *, url: str, content_type: str = "") -> ParsedFeed:
    """The feed's entries; a document that is no feed, or too broken to read any entry from, is refused."""
    if _looks_like_json(body, content_type):
        return _json_feed(body, url)
    parsed = feedparser.parse(
        body, response_headers={"content-location": url, "content-type": content_type or "application/xml"}
    )
    version = str(parsed.get("version") or "")
    entries = tuple(entry for item in parsed.entries if (entry := _xml_entry(item, url)) is not None)
    if not version and not entries:
        problem = parsed.get("bozo_exception")
        detail = f"not an RSS, Atom or JSON feed ({problem})" if problem else "not an RSS, Atom or JSON feed"
        raise FetchRefused(FeedProblem.MALFORMED_FEED, f"{url}: {detail}")
    if parsed.get("bozo") and not entries:
        raise FetchRefused(
            FeedProblem.MALFORMED_FEED, f"{url}: the feed does not parse ({parsed.get('bozo_exception')})"
        )
    kind: Literal["rss", "atom", "rdf"] = next(
        (k for prefix, k in _KINDS.items() if version.startswith(prefix)), "rss"
    )
    return ParsedFeed(kind=kind, title=_text(parsed.feed.get("title")), entries=entries)


def _xml_entry(item: Any, base: str) -> FeedEntry | None:
    link = _text(item.get("link"))
    if not link:
        # Atom may carry only an alternate link among several.
        link = next(
            (_text(found.get("href")) for found in item.get("links", []) if found.get("rel") == "alternate"),
            None,
        )
    if not link:
        return None
    link = urljoin(base, link)
    title = _text(item.get("title"))
    published = _text(item.get("published") or item.get("updated"))
    guid = _text(item.get("id")) or link
    return FeedEntry(
        guid=guid,
        link=link,
        title=title,
        published=published,
        author=_text(item.get("author")),
        summary=_text(item.get("summary")),
    )


def _looks_like_json(body: bytes, content_type: str) -> bool:
    return "json" in content_type.lower() or body.lstrip()[:1] == b"{"


def _json_feed(body: bytes, url: str) -> ParsedFeed:
    """JSON Feed 1.0 and 1.1 (https://jsonfeed.org): ``items`` with ``id`` and ``url``."""
    try:
        document = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise FetchRefused(
            FeedProblem.MALFORMED_FEED, f"{url}: the JSON feed does not parse: {error}"
        ) from error
    if not isinstance(document, dict) or not str(document.get("version", "")).startswith(_JSON_FEED_VERSION):
        raise FetchRefused(FeedProblem.MALFORMED_FEED, f"{url}: JSON without a JSON Feed version")
    items = document.get("items")
    if not isinstance(items, list):
        raise FetchRefused(FeedProblem.MALFORMED_FEED, f"{url}: the JSON feed has no items list")
    entries = []
    for item in items:
        if not isinstance(item, dict):
            continue
        link = _text(item.get("url")) or _text(item.get("external_url"))
        if not link:
            continue
        link = urljoin(url, link)
        guid = _text(item.get("id")) or link
        entries.append(
            FeedEntry(
                guid=guid,
                link=link,
                title=_text(item.get("title")),
                published=_text(item.get("date_published") or item.get("date_modified")),
                author=_json_author(item),
                summary=_text(item.get("summary")) or _text(item.get("content_text")),
            )
        )
    return ParsedFeed(kind="json", title=_text(document.get("title")), entries=tuple(entries))


def _json_author(item: dict[str, Any]) -> str | None:
    authors = item.get("authors")
    if isinstance(authors, list):
        names = [_text(author.get("name")) for author in authors if isinstance(author, dict)]
        joined = ", ".join(name for name in names if name)
        if joined:
            return joined
    author = item.get("author")
    return _text(author.get("name")) if isinstance(author, dict) else None


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    cleaned = " ".join(value.split())
    return cleaned or None


def entry_fingerprint(entry: FeedEntry) -> str:
    """A short hash of the entry's GUID, for record keys and logs."""
    return hashlib.sha256(entry.guid.encode()).hexdigest()[:12]
