"""A feed entry and its extracted page as the JSON article the summarise stage reads (``article/parse.py``)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from takeaways.feeds.extract import ExtractedPage
from takeaways.feeds.model import Feed, FeedEntry
from takeaways.feeds.urls import canonical_url
from takeaways.text.slugs import slug


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedRejection:
    """The JSON record under ``rejected/feeds/``: a feed or an entry's page that did not become an article."""

    schema_version: Literal[1] = 1
    kind: Literal["feed", "entry", "link"]
    feed_url: str | None
    source: str | None
    url: str | None
    guid: str | None
    reason: str
    detail: str
    rejected_at: datetime


def article_document(
    page: ExtractedPage,
    *,
    url: str,
    fetched_at: datetime,
    feed: Feed | None = None,
    entry: FeedEntry | None = None,
) -> dict[str, Any]:
    """The fields ``article/parse.py`` reads (title, body, url, published, source, author), plus provenance."""
    document: dict[str, Any] = {
        "title": page.title or (entry.title if entry else None),
        "body": page.text,
        "url": page.canonical_url or url,
        "published": page.published or (entry.published if entry else None),
        "source": feed.source if feed else page.site_name,
        "author": page.byline or (entry.author if entry else None),
        "language": (feed.language if feed else None) or page.language,
        "site_name": page.site_name,
        "fetched_at": fetched_at.isoformat(),
    }
    if feed is not None:
        document |= {"topics": list(feed.topics), "trusted": feed.trusted, "feed": {"url": feed.url}}
        if entry is not None:
            document["feed"]["guid"] = entry.guid
    return {name: value for name, value in document.items() if value is not None}


def article_key(incoming_prefix: str, document: dict[str, Any], *, group: str, at: datetime) -> str:
    """``incoming/<group>/<yyyy>/<mm>/<dd>/<title-slug>-<url-hash>.json``: readable, and one key per URL."""
    digest = hashlib.sha256(canonical_url(str(document["url"])).encode()).hexdigest()[:10]
    name = slug(str(document.get("title") or "")) or "article"
    return f"{incoming_prefix}{group}/{at:%Y/%m/%d}/{name}-{digest}.json"


def rejection_key(rejected_prefix: str, feed: Feed, *, subject: str, at: datetime) -> str:
    """``rejected/feeds/<source>/<subject>-<time>.json``."""
    return f"{rejected_prefix}feeds/{feed.source_slug}/{subject}-{at:%Y%m%dT%H%M%S}.json"
