"""The summarise stage removes lines that recur across a source's articles before the engine reads them."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime

from takeaways.errors import TransientFailure
from takeaways.pipeline.naming import StageLayout
from takeaways.pipeline.summarise import RecurringLines, SummariseOutcome, summarise_article
from takeaways.summary import ObjectRef
from tests.coastal_times import FOOTER, PITCH
from tests.unit.pipeline.fakes import FirstSentencesEngine, MemoryRecurringLines, MemoryStore

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
STORIES = {
    "dredging": "The harbour board voted on Thursday to dredge the eastern channel at Port Alder before the "
    "spring tides.\n\nFishing crews say low water strands their boats at the quay for hours each day.",
    "school-roof": "Pupils at Saltmarsh Primary will return to their classrooms next week after the roof "
    "was replaced.\n\nThe county paid for the repair from its emergency fund, the head teacher said.",
    "ferry": "The Kelmouth ferry will run an extra crossing every evening from May, its operator said on "
    "Monday.\n\nThe last sailing will leave Port Alder at 10.40pm instead of 9pm.",
    "lifeboat": "Volunteers at the Port Alder lifeboat station launched their new boat on Saturday.\n\n"
    "The station will hold an open day on 14 June.\n\n"
    "The crew raised a third of the cost themselves through swims and quiz nights.",
}


def text_article(story: str, byline: str = "By Ines Okafor, Coastal Times") -> bytes:
    return f"{byline}\n\n{story}\n\n{FOOTER}\n\n{PITCH}\n".encode()


def feed_article(story: str) -> bytes:
    return json.dumps(
        {"title": "A story", "body": f"{story}\n\n{FOOTER}\n\n{PITCH}", "source": "Coastal Times"}
    ).encode()


def summarise(
    store: MemoryStore,
    key: str,
    engine: FirstSentencesEngine,
    recurring: RecurringLines | None,
    trusted_sources: frozenset[str] = frozenset({"coastal times"}),
) -> SummariseOutcome:
    return summarise_article(
        ObjectRef(bucket="articles", key=key),
        store=store,
        engine=engine,
        layout=StageLayout(),
        max_bytes=10_000,
        max_chars=100_000,
        trusted_sources=trusted_sources,
        clock=lambda: NOW,
        recurring=recurring,
    )


def run_all(
    keys: dict[str, bytes], recurring: RecurringLines | None
) -> tuple[FirstSentencesEngine, list[SummariseOutcome]]:
    store, engine = MemoryStore(keys), FirstSentencesEngine()
    return engine, [summarise(store, key, engine, recurring) for key in keys]


def stories_store() -> tuple[MemoryStore, FirstSentencesEngine]:
    """The four stories as plain-text uploads, and an engine that remembers what it read."""
    return MemoryStore(
        {f"incoming/{n}.txt": text_article(s) for n, s in STORIES.items()}
    ), FirstSentencesEngine()


def test_the_fourth_article_of_a_source_reaches_the_engine_without_the_footer_and_the_pitch() -> None:
    recurring = RecurringLines(MemoryRecurringLines(), threshold=3)
    keys = {f"incoming/{name}.txt": text_article(story) for name, story in STORIES.items()}
    engine, outcomes = run_all(keys, recurring)
    assert [o.recurring_lines_dropped for o in outcomes] == [0, 0, 0, 2]
    assert all(o.recurring_lines_unchecked is None for o in outcomes)
    assert FOOTER in engine.seen[2].body
    fourth = engine.seen[3].body
    assert FOOTER not in fourth and "Tideline" not in fourth
    assert "The station will hold an open day on 14 June." in fourth


def test_the_summary_record_notes_the_removal() -> None:
    recurring = RecurringLines(MemoryRecurringLines(), threshold=3)
    store, engine = stories_store()
    outcomes = [summarise(store, f"incoming/{name}.txt", engine, recurring) for name in STORIES]
    notes = store.summaries[outcomes[-1].record_key or ""].article.notes
    assert "2 lines that recur across the source's articles removed" in notes


def test_the_same_article_summarised_again_does_not_count_as_another() -> None:
    recurring = RecurringLines(MemoryRecurringLines(), threshold=3)
    store, engine = stories_store()
    for _ in range(3):  # retries and replays of one article
        summarise(store, "incoming/dredging.txt", engine, recurring)
    summarise(store, "incoming/ferry.txt", engine, recurring)
    outcome = summarise(store, "incoming/lifeboat.txt", engine, recurring)
    assert outcome.recurring_lines_dropped == 0
    assert FOOTER in engine.seen[-1].body


def test_an_untrusted_outlet_is_no_source_and_nothing_is_counted_for_it() -> None:
    store_of_lines = MemoryRecurringLines()
    recurring = RecurringLines(store_of_lines, threshold=3)
    keys = {
        f"incoming/{n}.txt": text_article(s, byline="By Ines Okafor, Harbour Gazette")
        for n, s in STORIES.items()
    }
    engine, outcomes = run_all(keys, recurring)
    assert {o.recurring_lines_unchecked for o in outcomes} == {"no_source"}
    assert FOOTER in engine.seen[3].body
    assert not store_of_lines.carried


def test_a_feed_the_poller_read_is_a_source_though_not_trusted() -> None:
    store_of_lines = MemoryRecurringLines()
    keys = {f"incoming/feeds/coastal-times/2026/11/25/{n}.json": feed_article(s) for n, s in STORIES.items()}
    store, engine = MemoryStore(keys), FirstSentencesEngine()
    recurring = RecurringLines(store_of_lines, threshold=3)
    outcomes = [summarise(store, key, engine, recurring, trusted_sources=frozenset()) for key in keys]
    assert outcomes[-1].recurring_lines_dropped == 2
    assert {scope for scope, _ in store_of_lines.carried} == {"feed:coastal-times"}


def test_without_a_store_the_list_of_notices_alone_cleans() -> None:
    keys = {f"incoming/{name}.txt": text_article(story) for name, story in STORIES.items()}
    engine, outcomes = run_all(keys, None)
    assert {o.recurring_lines_unchecked for o in outcomes} == {"off"}
    assert FOOTER in engine.seen[3].body


class FailingLines:
    def __init__(self) -> None:
        self.recorded = 0

    def seen_in(self, scope: str, fingerprints: Sequence[str], article_id: str) -> dict[str, int]:
        raise TransientFailure("throttled")

    def record(self, scope: str, fingerprints: Sequence[str], article_id: str) -> None:
        self.recorded += 1
        raise TransientFailure("throttled")


def test_a_store_that_fails_costs_the_cleaning_not_the_summary() -> None:
    failing = FailingLines()
    _engine, outcomes = run_all(
        {"incoming/lifeboat.txt": text_article(STORIES["lifeboat"])}, RecurringLines(failing, 3)
    )
    assert outcomes[0].status == "summarised"
    assert outcomes[0].recurring_lines_unchecked == "store_unavailable"
    assert failing.recorded == 1
