from __future__ import annotations

from datetime import UTC, datetime, timedelta

from takeaways.pipeline.naming import StageLayout, article_id_for
from takeaways.pipeline.notify import NotifyOutcome, publish_alert
from takeaways.pipeline.summarise import SummariseOutcome, summarise_article
from takeaways.stories.memory_ledger import MemoryStoryLedger as MemoryLedger
from takeaways.summary import ObjectRef
from tests.unit.pipeline.fakes import FirstSentencesEngine, MemoryStore, RecordingPublisher

ARTICLE = (
    b"Tidewater Library reopens after flood repairs\n\n"
    b"The Tidewater public library reopened on Monday after eight months of repairs.\n\n"
    b"Water from the October storm had damaged 12,000 books on the ground floor.\n\n"
    b"Volunteers rebound 3,000 of them, and the rest were replaced with a county grant.\n\n"
    b"The children's room moved upstairs to keep it safe from future floods.\n"
)
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
LAYOUT = StageLayout()


def summarise(
    store: MemoryStore, key: str, engine: FirstSentencesEngine | None = None, max_bytes: int = 10_000
) -> SummariseOutcome:
    return summarise_article(
        ObjectRef(bucket="articles", key=key),
        store=store,
        engine=engine or FirstSentencesEngine(),
        layout=LAYOUT,
        max_bytes=max_bytes,
        max_chars=100_000,
        received_at=NOW - timedelta(seconds=30),
        clock=lambda: NOW,
    )


def test_an_article_becomes_a_summary_record_under_summaries() -> None:
    store = MemoryStore({"incoming/library.txt": ARTICLE})
    outcome = summarise(store, "incoming/library.txt")
    assert outcome.status == "summarised"
    assert outcome.record_key == f"summaries/{outcome.article_id}.json"
    record = store.summaries[outcome.record_key]
    assert record.summary.engine == "first-sentences"
    assert record.source_object.etag == "etag-1"
    assert record.received_at == NOW - timedelta(seconds=30)
    assert not store.rejections


def test_an_empty_object_is_rejected_with_a_record_and_no_summary() -> None:
    store = MemoryStore({"incoming/empty.txt": b""})
    outcome = summarise(store, "incoming/empty.txt")
    assert outcome.status == "rejected"
    assert outcome.reason == "empty"
    assert not store.summaries
    rejection = store.rejections[f"rejected/{outcome.article_id}.json"]
    assert rejection.reason == "empty"
    assert rejection.source_object.key == "incoming/empty.txt"


def test_an_object_over_the_size_limit_is_rejected_without_summarising() -> None:
    engine = FirstSentencesEngine()
    store = MemoryStore({"incoming/big.txt": ARTICLE})
    outcome = summarise(store, "incoming/big.txt", engine=engine, max_bytes=100)
    assert (outcome.status, outcome.reason) == ("rejected", "too_large")
    assert engine.seen == []


def test_a_deleted_object_is_recorded_as_not_found() -> None:
    outcome = summarise(MemoryStore(), "incoming/gone.txt")
    assert (outcome.status, outcome.reason) == ("rejected", "not_found")


def test_an_overwritten_object_is_left_to_its_newer_event() -> None:
    store = MemoryStore({"incoming/library.txt": ARTICLE})
    store.superseded.add("incoming/library.txt")
    outcome = summarise(store, "incoming/library.txt")
    assert outcome.status == "superseded"
    assert not store.summaries and not store.rejections


def test_a_stored_summary_becomes_one_alert_with_its_latency() -> None:
    store = MemoryStore({"incoming/library.txt": ARTICLE})
    outcome = summarise(store, "incoming/library.txt")
    publisher = RecordingPublisher()
    assert outcome.record_key is not None
    result = publish_alert(
        ObjectRef(bucket="articles", key=outcome.record_key),
        store=store,
        publisher=publisher,
        layout=LAYOUT,
        clock=lambda: NOW + timedelta(seconds=5),
    )
    assert [alert.payload.article_id for alert in publisher.alerts] == [outcome.article_id]
    assert publisher.alerts[0].payload.summary_object == f"s3://articles/{outcome.record_key}"
    assert result.message_id == "message-1"
    assert result.latency_seconds == 35.0


def test_a_summary_that_has_vanished_is_recorded_and_not_alerted() -> None:
    store, publisher = MemoryStore({}), RecordingPublisher()
    result = publish_alert(
        ObjectRef(bucket="articles", key="summaries/gone.json"),
        store=store,
        publisher=publisher,
        layout=LAYOUT,
        clock=lambda: NOW,
    )
    assert (result.status, result.reason) == ("rejected", "not_found")
    assert result.record_key == f"rejected/{result.article_id}.json"
    rejection = store.rejections[result.record_key]
    assert rejection.source_object.key == "summaries/gone.json"
    assert rejection.rejected_at == NOW
    assert not publisher.alerts


def test_article_ids_are_readable_and_keep_alike_keys_apart() -> None:
    first = article_id_for("articles", "incoming/2026/11/Harbour News.txt", "incoming/")
    second = article_id_for("articles", "incoming/2026/11/harbour-news.txt", "incoming/")
    assert first.startswith("2026-11-harbour-news-")
    assert second.startswith("2026-11-harbour-news-")
    assert first != second
    assert article_id_for("articles", "incoming/%%%.txt", "incoming/").startswith("article-")


def publish(
    store: MemoryStore, key: str, ledger: MemoryLedger, publisher: RecordingPublisher, etag: str = "e1"
) -> NotifyOutcome:
    """Publish the summary at ``key``; each new version of a summary object has a new ETag."""
    return publish_alert(
        ObjectRef(bucket="articles", key=key, etag=etag),
        store=store,
        publisher=publisher,
        layout=LAYOUT,
        ledger=ledger,
        clock=lambda: NOW,
    )


def test_the_same_story_from_a_second_outlet_is_not_alerted_twice() -> None:
    copy = ARTICLE.replace(b"on Monday", b"this Monday")
    store = MemoryStore({"incoming/library.txt": ARTICLE, "incoming/other-outlet/library.txt": copy})
    ledger, publisher = MemoryLedger(), RecordingPublisher()
    first = publish(store, summarise(store, "incoming/library.txt").record_key or "", ledger, publisher)
    second = publish(
        store, summarise(store, "incoming/other-outlet/library.txt").record_key or "", ledger, publisher
    )
    assert (first.status, second.status) == ("published", "duplicate_story")
    assert second.story_id == first.story_id
    assert second.similar_to == first.article_id
    assert second.outlet_count == 2
    assert len(publisher.alerts) == 1


def test_a_materially_updated_article_is_alerted_once_more_as_an_update() -> None:
    updated = ARTICLE.split(b"\n\n")[0] + (
        b"\n\nThe Tidewater library reopening was postponed on Monday evening after inspectors found damp in the "
        b"new wiring.\n\nThe council said the building would now open in January, and the children's events "
        b"planned for the weekend will move to the community hall on Bridge Street."
    )
    store = MemoryStore({"incoming/library.txt": ARTICLE})
    ledger, publisher = MemoryLedger(), RecordingPublisher()
    publish(store, summarise(store, "incoming/library.txt").record_key or "", ledger, publisher)
    store.objects["incoming/library.txt"] = updated
    again = publish(
        store, summarise(store, "incoming/library.txt").record_key or "", ledger, publisher, etag="e2"
    )
    assert (again.status, again.is_update) == ("published", True)
    assert [alert.payload.is_update for alert in publisher.alerts] == [False, True]
    assert publisher.alerts[1].subject.startswith("Update: ")
    update = publisher.alerts[1].payload
    assert update.thread_id == publisher.alerts[0].payload.thread_id
    new = [update.takeaways[i].text for i in update.new_takeaways]
    assert new and all("12,000 books" not in text for text in new)
    assert "What is new:" in publisher.alerts[1].email


def test_a_repeated_notification_is_not_mistaken_for_a_duplicate_of_itself_nor_sent_again() -> None:
    store = MemoryStore({"incoming/library.txt": ARTICLE})
    ledger, publisher = MemoryLedger(), RecordingPublisher()
    key = summarise(store, "incoming/library.txt").record_key or ""
    first = publish(store, key, ledger, publisher)
    retry = publish(store, key, ledger, publisher)
    assert (retry.status, retry.relation, retry.message_id) == ("already_published", "new", first.message_id)
    assert len(publisher.alerts) == 1


def test_the_record_keeps_the_articles_metadata_beside_the_summary() -> None:
    article = (
        b'{"title": "Ferry fares frozen", "url": "https://news.example/fares", "source": "Coastal Times",'
        b' "author": "R. Amin", "published": "2026-11-24", "body": "The harbour board froze ferry fares'
        b' for a year. Residents had asked for a cut. The board meets again in March."}'
    )
    store = MemoryStore({"incoming/fares.json": article})
    record = store.summaries[summarise(store, "incoming/fares.json").record_key or ""]
    meta = record.article
    assert (meta.title, meta.url, meta.claimed_source, meta.author, meta.published) == (
        "Ferry fares frozen",
        "https://news.example/fares",
        "Coastal Times",
        "R. Amin",
        "2026-11-24",
    )
    assert (meta.language, meta.truncated, type(meta.notes)) == ("en", False, list)
