"""One link to its extracted page: the step the poller runs per entry and ``takeaways fetch`` runs once."""

from __future__ import annotations

from dataclasses import dataclass

from takeaways.article.decode import decode_text
from takeaways.article.parse import MIN_WORDS
from takeaways.errors import ArticleRejected
from takeaways.feeds.extract import ExtractedPage, extract_page
from takeaways.feeds.fetch import Fetcher
from takeaways.feeds.model import FeedProblem, FetchRefused

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """The extracted page and the URL it was finally served from (after redirects)."""

    page: ExtractedPage
    final_url: str


def read_page(fetcher: Fetcher, url: str) -> FetchedPage:
    """Fetch and extract one article page; refuse what is no HTML or has too little text to summarise."""
    response = fetcher.get(url, max_bytes=fetcher.limits.max_page_bytes, headers={"Accept": _PAGE_ACCEPT})
    if response.content_type not in _HTML_TYPES:
        raise FetchRefused(
            FeedProblem.NOT_HTML, f"{response.url} is {response.content_type or 'untyped'}, not HTML"
        )
    try:
        html = response.body.decode(response.charset) if response.charset else decode_text(response.body)
    except (LookupError, UnicodeDecodeError):
        html = response.body.decode("utf-8", errors="replace")
    except ArticleRejected as rejected:
        raise FetchRefused(FeedProblem.NOT_HTML, f"{response.url}: {rejected.detail}") from rejected
    page = extract_page(html, url=response.url)
    words = len(page.text.split())
    if words < MIN_WORDS:
        raise FetchRefused(
            FeedProblem.NO_TEXT,
            f"{response.url}: {words} words of article text; at least {MIN_WORDS} are needed",
        )
    return FetchedPage(page, response.url)
