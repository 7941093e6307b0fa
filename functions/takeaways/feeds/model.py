"""The feed configuration, its polling state, the entries a feed lists, and why something was refused."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Literal
from urllib.parse import urlsplit

from takeaways.feeds.limits import DEFAULT_INTERVAL_MINUTES, MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES
from takeaways.text.iptc import TOPIC_SLUGS
from takeaways.text.slugs import slug

_LANGUAGE = re.compile(r"^[a-z]{2}$")


class FeedProblem(StrEnum):
    """Why a feed, a page or a link was refused; each value is a metric dimension and a rejection reason."""

    BLOCKED_ADDRESS = "blocked_address"
    BAD_URL = "bad_url"
    ROBOTS_DISALLOWED = "robots_disallowed"
    TOO_LARGE = "too_large"
    TIMEOUT = "timeout"
    CONNECTION = "connection"
    HTTP_STATUS = "http_status"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    MALFORMED_FEED = "malformed_feed"
    NOT_HTML = "not_html"
    NO_TEXT = "no_text"
    OFF_SITE_LINK = "off_site_link"
    UNEXPECTED = "unexpected_error"


# Worth another try later: the network or the server may recover. The rest will not change by waiting.
# An unexpected error (a bug, or input no library expected) is retried like a passing one, so a poison
# entry or feed still ends as a recorded rejection or a suspension instead of failing every poll.
TRANSIENT_PROBLEMS = frozenset(
    {FeedProblem.TIMEOUT, FeedProblem.CONNECTION, FeedProblem.HTTP_STATUS, FeedProblem.UNEXPECTED}
)


class FetchRefused(Exception):
    """A fetch did not give a usable document; ``problem`` says why and whether waiting could help."""

    def __init__(self, problem: FeedProblem, detail: str, *, status: int | None = None) -> None:
        super().__init__(f"{problem.value}: {detail}")
        self.problem = problem
        self.detail = detail
        self.status = status

    @property
    def transient(self) -> bool:
        if self.problem is FeedProblem.HTTP_STATUS:
            # 404 and 410 stay; 429 and 5xx are the server's passing trouble.
            return self.status is None or self.status == 429 or self.status >= 500
        return self.problem in TRANSIENT_PROBLEMS


class FeedConfigInvalid(ValueError):
    """An operator's feed settings cannot work (bad URL, unknown topic, interval out of range)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Feed:
    """One subscribed feed, as an operator configured it.

    ``trusted``: its entries may link to any public site; an untrusted feed's links must stay on the
    feed's own site, so a feed cannot send the poller anywhere it likes. The flag travels with each
    article. ``language`` and ``topics`` are defaults for its articles.
    """

    url: str
    source: str
    trusted: bool = False
    language: str | None = None
    topics: tuple[str, ...] = ()
    interval_minutes: int = DEFAULT_INTERVAL_MINUTES

    def __post_init__(self) -> None:
        problems = list(_feed_problems(self))
        if problems:
            raise FeedConfigInvalid("; ".join(problems))

    @property
    def feed_id(self) -> str:
        """Stable id of the feed, from its URL: the same URL added twice is the same feed."""
        return feed_id_for(self.url)

    @property
    def source_slug(self) -> str:
        return slug(self.source) or "feed"


def feed_id_for(url: str) -> str:
    return hashlib.sha256(url.strip().encode()).hexdigest()[:16]


def _feed_problems(feed: Feed) -> list[str]:
    problems = []
    parts = urlsplit(feed.url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        problems.append(f"url: {feed.url!r} is not an http(s) URL")
    if not feed.source.strip() or not slug(feed.source):
        problems.append("source: a feed needs a source name with letters or digits")
    if feed.language is not None and not _LANGUAGE.match(feed.language):
        problems.append(f"language: {feed.language!r} is not an ISO 639-1 code")
    unknown = sorted(set(feed.topics) - set(TOPIC_SLUGS))
    if unknown:
        problems.append(f"topics: {', '.join(unknown)} not among {', '.join(TOPIC_SLUGS)}")
    if not MIN_INTERVAL_MINUTES <= feed.interval_minutes <= MAX_INTERVAL_MINUTES:
        problems.append(
            f"interval_minutes: {feed.interval_minutes} is outside {MIN_INTERVAL_MINUTES}..{MAX_INTERVAL_MINUTES}"
        )
    return problems


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedState:
    """What the poller remembers about a feed between polls."""

    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    next_poll_at: datetime | None = None
    last_polled_at: datetime | None = None
    last_error: str | None = None
    suspended: bool = False


@dataclass(frozen=True, slots=True)
class FeedRecord:
    """A feed and its state, as the registry stores them together."""

    feed: Feed
    state: FeedState = field(default_factory=FeedState)


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedEntry:
    """One item of a feed: enough to find its page and to recognise it again."""

    guid: str
    link: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    summary: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ParsedFeed:
    """A feed document's entries, in the feed's order."""

    kind: Literal["rss", "atom", "json", "rdf"]
    title: str | None
    entries: tuple[FeedEntry, ...]
