from pathlib import Path

import pytest

from takeaways.feeds.model import FeedProblem, FetchRefused
from takeaways.feeds.parse import parse_feed
from tests.unit.feeds.site_content import atom, json_feed, rdf, rss

ITEMS = [
    ("herald-101", "https://cityherald.example/tram.html", "Tram line opens early"),
    ("herald-102", "https://cityherald.example/library.html", "Customs house library"),
]


@pytest.mark.parametrize(
    ("document", "content_type", "kind"),
    [
        (rss(ITEMS), "application/rss+xml", "rss"),
        (atom(ITEMS), "application/atom+xml", "atom"),
        (rdf(ITEMS), "application/rdf+xml", "rdf"),
        (json_feed(ITEMS), "application/feed+json", "json"),
    ],
)
def test_every_feed_format_gives_the_same_entries(document: str, content_type: str, kind: str) -> None:
    parsed = parse_feed(document.encode(), url="https://cityherald.example/feed", content_type=content_type)
    assert parsed.kind == kind
    assert [entry.link for entry in parsed.entries] == [link for _, link, _ in ITEMS]
    assert [entry.title for entry in parsed.entries] == [title for _, _, title in ITEMS]


def test_guids_come_from_the_feed_and_fall_back_to_the_link() -> None:
    assert [entry.guid for entry in parse_feed(rss(ITEMS).encode(), url="https://x.example/").entries] == [
        "herald-101",
        "herald-102",
    ]
    assert [entry.guid for entry in parse_feed(rdf(ITEMS).encode(), url="https://x.example/").entries] == [
        link for _, link, _ in ITEMS
    ]


def test_relative_links_are_resolved_against_the_feed_url() -> None:
    parsed = parse_feed(
        rss([("a", "/news/tram.html", "Tram")]).encode(), url="https://cityherald.example/rss.xml"
    )
    assert parsed.entries[0].link == "https://cityherald.example/news/tram.html"


def test_json_feed_authors_are_joined() -> None:
    parsed = parse_feed(json_feed(ITEMS[:1]).encode(), url="https://valley.example/feed.json")
    assert parsed.entries[0].author == "Ines Okafor"


@pytest.mark.parametrize(
    "document",
    [
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>Broken",
        b"<html><body><p>Our feed has moved. Please update your reader.</p></body></html>",
        b'{"version": "https://jsonfeed.org/version/1.1", "items": "none"}',
        b'{"title": "not a feed"}',
        b"{ this is not json",
        b"",
    ],
)
def test_documents_that_are_no_readable_feed_are_refused_as_malformed(document: bytes) -> None:
    with pytest.raises(FetchRefused) as refused:
        parse_feed(document, url="https://cityherald.example/feed")
    assert refused.value.problem is FeedProblem.MALFORMED_FEED
    assert not refused.value.transient


def test_rss_091_is_read_as_rss() -> None:
    document = (
        '<?xml version="1.0"?><rss version="0.91"><channel><title>Old Herald</title><link>https://x.example/</link>'
        "<description>d</description><item><title>Tram</title><link>https://x.example/tram.html</link></item>"
        "</channel></rss>"
    )
    parsed = parse_feed(document.encode(), url="https://x.example/rss091.xml")
    assert parsed.kind == "rss" and parsed.entries[0].link == "https://x.example/tram.html"


def test_external_entities_in_a_feed_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("database password hunter2")
    document = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY leak SYSTEM "file://{secret}">]>'
        '<rss version="2.0"><channel><title>Herald</title><item><title>Story &leak;</title>'
        "<link>https://x.example/story.html</link></item></channel></rss>"
    )
    parsed = parse_feed(document.encode(), url="https://x.example/feed.xml")
    assert [entry.title for entry in parsed.entries] == ["Story"]
