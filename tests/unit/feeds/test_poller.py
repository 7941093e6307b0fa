import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from infra.feed_site import LoopbackSite
from takeaways.article import parse_article
from takeaways.feeds.fetch import Fetcher
from takeaways.feeds.limits import FAILING_AFTER, MAX_ENTRY_ATTEMPTS, SUSPEND_AFTER
from takeaways.feeds.memory import MemoryArticleSink, MemoryEntryLedger, MemoryFeedRegistry
from takeaways.feeds.model import Feed, FeedState
from takeaways.feeds.poller import FeedPoller, PollReport, backoff
from takeaways.pipeline.naming import StageLayout
from tests.unit.feeds.site_content import STORIES, json_feed, page, rss


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


class World:
    """A poller over memory ports and a loopback site."""

    def __init__(self, site: LoopbackSite, fetcher: Fetcher, **options: int) -> None:
        self.site = site
        self.clock = Clock()
        self.registry = MemoryFeedRegistry()
        self.ledger = MemoryEntryLedger()
        self.sink = MemoryArticleSink()
        self.poller = FeedPoller(
            registry=self.registry,
            ledger=self.ledger,
            sink=self.sink,
            fetcher=fetcher,
            clock=self.clock,
            **options,  # type: ignore[arg-type]
        )

    def feed(self, path: str, source: str = "City Herald", **options: object) -> Feed:
        feed = Feed(url=self.site.url(path), source=source, **options)  # type: ignore[arg-type]
        self.registry.add(feed)
        return feed

    def poll(self) -> PollReport:
        return self.poller.poll_due()

    def state(self, feed: Feed) -> FeedState:
        return self.registry.records[feed.feed_id].state


@pytest.fixture
def world(site: LoopbackSite, fetcher: Fetcher) -> World:
    site.add("/tram.html", page("tram", canonical="/tram.html"))
    site.add("/library.html", page("library"))
    return World(site, fetcher)


def test_new_entries_become_articles_the_summarise_stage_accepts(world: World) -> None:
    world.site.add("/feed.xml", rss([("h-1", "/tram.html", "Tram"), ("h-2", "/library.html", "Library")]))
    world.feed("/feed.xml", topics=("economy",), language="en")
    report = world.poll()
    assert len(report.articles) == 2 and not report.rejected
    key = next(k for k in report.articles if "tram" in k)
    assert key.startswith(
        "incoming/feeds/city-herald/2026/11/30/tram-line-to-the-hospital-opens-a-month-early-"
    )
    document = world.sink.articles[key]
    assert document["source"] == "City Herald" and document["topics"] == ["economy"]
    assert document["url"] == world.site.url("/tram.html") and document["trusted"] is False
    raw = json.dumps(document).encode()
    article = parse_article(raw, key)
    assert article.title == STORIES["tram"][0]
    assert article.body.split("\n\n") == STORIES["tram"][1]
    assert (article.author, article.published) == ("Dana Ruiz", "2026-11-30T08:00:00Z")
    # The outlet the article names is its source only when the operator trusts it (TRUSTED_SOURCES).
    assert (article.source, article.claimed_source) == (None, "City Herald")
    assert parse_article(raw, key, trusted_sources=frozenset({"city herald"})).source == "City Herald"


def test_the_next_poll_is_conditional_and_an_unchanged_feed_costs_one_request(world: World) -> None:
    world.site.add("/feed.xml", rss([("h-1", "/tram.html", "Tram")]))
    feed = world.feed("/feed.xml", interval_minutes=15)
    world.poll()
    assert world.poll().feeds_due == 0  # not due before its interval
    world.clock.advance(15)
    report = world.poll()
    assert report.feeds_not_modified == 1 and world.site.conditional_hits["/feed.xml"] == 1
    assert world.site.requests["/tram.html"] == 1
    assert world.state(feed).etag


def test_a_guid_repeated_in_a_feed_gives_one_article(world: World) -> None:
    world.site.add(
        "/feed.xml", rss([("h-1", "/tram.html", "Tram"), ("h-1", "/tram.html?page=2", "Tram again")])
    )
    world.feed("/feed.xml")
    report = world.poll()
    assert (len(report.articles), report.duplicates) == (1, 1)
    assert world.site.requests["/tram.html"] == 1


def test_the_same_story_in_two_feeds_is_one_article(world: World) -> None:
    world.site.add("/herald.xml", rss([("h-1", "/tram.html?utm_source=rss", "Tram")]))
    world.site.add("/wire.json", json_feed([("wire-88", world.site.url("/tram.html#top"), "Tram opens")]))
    world.feed("/herald.xml")
    world.feed("/wire.json", source="Metro Wire")
    report = world.poll()
    assert (len(report.articles), report.duplicates) == (1, 1)


def test_two_links_to_one_canonical_page_are_one_article(world: World) -> None:
    world.site.redirect("/r/4411", "/tram.html")
    world.site.add("/a.xml", rss([("a-1", "/tram.html", "Tram")]))
    world.site.add("/b.xml", rss([("b-1", "/r/4411", "Tram")]))
    world.feed("/a.xml", source="Herald")
    world.feed("/b.xml", source="Wire")
    report = world.poll()
    assert (len(report.articles), report.duplicates) == (1, 1)


def test_a_malformed_feed_is_recorded_backed_off_alarmed_and_finally_suspended(world: World) -> None:
    world.site.add("/feed.xml", "<?xml version='1.0'?><rss><channel><title>Cut off", "application/rss+xml")
    feed = world.feed("/feed.xml", interval_minutes=5)
    failing_seen = []
    for attempt in range(1, SUSPEND_AFTER + 1):
        report = world.poll()
        assert report.feeds_failed == 1, attempt
        failing_seen.append(report.feeds_failing)
        state = world.state(feed)
        assert state.next_poll_at == world.clock.now + backoff(5, attempt)
        world.clock.now = state.next_poll_at
    assert failing_seen[FAILING_AFTER - 2] == 0 and failing_seen[FAILING_AFTER - 1] == 1
    assert world.state(feed).suspended and report.feeds_suspended == 1
    assert world.poll().feeds_due == 0  # suspended: not retried forever
    reasons = {record.reason for record in world.sink.rejections.values()}
    assert reasons == {"malformed_feed"} and len(world.sink.rejections) == SUSPEND_AFTER


def test_backoff_doubles_and_is_capped() -> None:
    assert [backoff(15, n) for n in (0, 1, 2)] == [timedelta(minutes=m) for m in (15, 30, 60)]
    assert backoff(15, 30) == timedelta(hours=24)


def test_an_enormous_feed_is_refused_without_reading_it_all(world: World) -> None:
    items = [(f"g-{n}", f"/story-{n}.html", "A story with a long title " * 3) for n in range(3000)]
    world.site.add("/feed.xml", rss(items))
    world.feed("/feed.xml")
    report = world.poll()
    assert report.rejected == {"too_large": 1} and not report.articles


def test_a_page_that_keeps_failing_is_retried_then_rejected_and_the_feed_is_read_again_meanwhile(
    world: World,
) -> None:
    world.site.add("/busy.html", "busy", status=503)
    world.site.add("/feed.xml", rss([("h-1", "/busy.html", "Busy"), ("h-2", "/library.html", "Library")]))
    feed = world.feed("/feed.xml")
    first = world.poll()
    assert (first.retries, len(first.articles)) == (1, 1)
    assert world.state(feed).etag is None and world.state(feed).next_poll_at == world.clock.now
    for _ in range(MAX_ENTRY_ATTEMPTS - 1):
        world.clock.advance(1)
        report = world.poll()
    assert report.rejected == {"http_status": 1} and report.duplicates == 1
    assert world.site.requests["/busy.html"] == MAX_ENTRY_ATTEMPTS
    assert world.state(feed).etag is not None
    (record,) = world.sink.rejections.values()
    assert record.kind == "entry" and record.guid == "h-1" and "503" in record.detail


def test_an_untrusted_feed_cannot_send_the_poller_to_another_site(world: World) -> None:
    elsewhere = world.site.url("/library.html").replace("127.0.0.1", "localhost")
    world.site.add("/feed.xml", rss([("h-9", elsewhere, "Library")]))
    world.feed("/feed.xml")
    report = world.poll()
    assert report.rejected == {"off_site_link": 1} and world.site.requests["/library.html"] == 0
    world.site.add("/trusted.xml", rss([("t-9", elsewhere, "Library")]))
    world.feed("/trusted.xml", source="Trusted Wire", trusted=True)
    assert len(world.poll().articles) == 1


def test_a_page_with_too_little_text_is_a_recorded_rejection(world: World) -> None:
    world.site.add("/teaser.html", "<html><body><article><p>Watch the video.</p></article></body></html>")
    world.site.add("/feed.xml", rss([("h-5", "/teaser.html", "Video")]))
    world.feed("/feed.xml")
    assert world.poll().rejected == {"no_text": 1}


def test_the_per_poll_cap_defers_entries_without_losing_them(site: LoopbackSite, fetcher: Fetcher) -> None:
    site.add("/tram.html", page("tram"))
    site.add("/library.html", page("library"))
    world = World(site, fetcher, max_entries_per_poll=1)
    site.add("/feed.xml", rss([("h-1", "/tram.html", "Tram"), ("h-2", "/library.html", "Library")]))
    feed = world.feed("/feed.xml")
    first = world.poll()
    assert (len(first.articles), first.deferred) == (1, 1) and world.state(feed).etag is None
    second = world.poll()
    assert (len(second.articles), second.duplicates, second.deferred) == (1, 1, 0)
    assert world.state(feed).etag is not None


def test_a_removed_feed_is_not_polled(world: World) -> None:
    world.site.add("/feed.xml", rss([("h-1", "/tram.html", "Tram")]))
    feed = world.feed("/feed.xml")
    world.registry.records[feed.feed_id] = replace(
        world.registry.records[feed.feed_id], state=replace(world.state(feed), suspended=True)
    )
    assert world.poll().feeds_due == 0


def test_a_page_that_breaks_the_extractor_is_retried_then_recorded_not_a_stuck_poll(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    import takeaways.feeds.poller as poller_module

    def broken(fetcher: Fetcher, url: str) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(poller_module, "read_page", broken)
    world.site.add("/feed.xml", rss([("h-1", "/tram.html", "Tram")]))
    world.feed("/feed.xml")
    for _ in range(MAX_ENTRY_ATTEMPTS):
        report = world.poll()
        world.clock.advance(1)
    assert report.rejected == {"unexpected_error": 1}
    (record,) = world.sink.rejections.values()
    assert "RecursionError" in record.detail


def test_a_trusted_feeds_outlet_is_believed_where_only_the_poller_writes(world: World) -> None:
    world.site.add("/feed.xml", rss([("h-1", "/tram.html", "Tram")]))
    world.feed("/feed.xml", trusted=True)
    [key] = world.poll().articles
    raw = json.dumps(world.sink.articles[key]).encode()
    assert StageLayout().is_feed_article(key)
    assert parse_article(raw, key, from_feed_poller=True).source == "City Herald"
    # The same document anywhere else (someone else's upload) names the outlet but is not believed.
    assert parse_article(raw, "incoming/upload.json").source is None


def test_an_untrusted_feeds_outlet_stays_a_claim_even_from_the_poller(world: World) -> None:
    world.site.add("/feed.xml", rss([("h-1", "/tram.html", "Tram")]))
    world.feed("/feed.xml", trusted=False)
    [key] = world.poll().articles
    raw = json.dumps(world.sink.articles[key]).encode()
    article = parse_article(raw, key, from_feed_poller=True)
    assert (article.source, article.claimed_source) == (None, "City Herald")


def test_a_store_that_fails_for_one_feed_leaves_the_other_feeds_polled(world: World) -> None:
    world.site.add("/a.xml", rss([("h-1", "/tram.html", "Tram")]))
    world.site.add("/b.xml", rss([("h-2", "/library.html", "Library")]))
    first, second = world.feed("/a.xml"), world.feed("/b.xml", source="Valley Post")
    written = world.sink.write_article
    calls: list[str] = []

    def failing_once(key: str, document: dict[str, object]) -> None:
        calls.append(key)
        if len(calls) == 1:
            raise OSError("S3 unreachable")
        written(key, document)

    world.sink.write_article = failing_once  # type: ignore[method-assign]
    report = world.poll()
    assert report.store_failures == 1 and report.feeds_due == 2
    assert len(report.articles) == 1  # the other feed's entry was written
    # The failed feed is due again at once and not counted against the feed itself.
    failed = first if world.state(first).next_poll_at == world.clock.now else second
    assert world.state(failed).failures == 0
    world.poll()
    assert len(world.sink.articles) == 2
