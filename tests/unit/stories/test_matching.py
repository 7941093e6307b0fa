from __future__ import annotations

from takeaways.stories.fingerprint import band_keys, similarity, story_fingerprint
from takeaways.stories.matching import StoryEntry, StoryVerdict, classify_story

STORY = (
    "The regional water board voted on Wednesday to raise household charges by 4.5 percent from April, "
    "citing the cost of replacing lead pipes in older neighbourhoods. Board chair Rosa Almeida said the "
    "increase would fund 1,200 pipe replacements a year. Consumer groups said low-income households "
    "should be protected and asked the board to expand its hardship fund. The board will review the "
    "hardship scheme in June and publish the list of streets due for work next month."
)
OTHER = (
    "A new cycling route along the old railway line opened to the public on Saturday, linking three "
    "villages to the market town. The route cost 2 million and took two years to build."
)


def entry(
    text: str, *, article_id: str = "water-1", url: str | None = None, key: str = "incoming/a.txt"
) -> StoryEntry:
    return StoryEntry(
        story_id=article_id,
        article_id=article_id,
        alert_key=f"summaries/{article_id}.json@e1",
        signature=story_fingerprint(text),
        url=url,
        source_key=key,
        headline="Water charges rise",
    )


def classify(
    text: str, candidates: list[StoryEntry], *, url: str | None = None, key: str = "incoming/b.txt"
) -> StoryVerdict:
    return classify_story(
        article_id="new-1",
        alert_key="summaries/new-1.json@e9",
        signature=story_fingerprint(text),
        url=url,
        source_key=key,
        candidates=candidates,
    )


def test_fingerprints_ignore_case_punctuation_and_wrapping() -> None:
    rewrapped = STORY.upper().replace(". ", ".\n").replace(", ", " ")
    assert similarity(story_fingerprint(STORY), story_fingerprint(rewrapped)) == 1.0


def test_unrelated_stories_are_dissimilar_and_share_no_band() -> None:
    first, second = story_fingerprint(STORY), story_fingerprint(OTHER)
    assert similarity(first, second) < 0.2
    assert not set(band_keys(first)) & set(band_keys(second))


def test_a_second_outlets_near_copy_is_a_duplicate_of_the_first_story() -> None:
    copy = STORY.replace("on Wednesday", "this Wednesday").replace(
        "Consumer groups", "Consumer organisations"
    )
    verdict = classify(copy, [entry(STORY)])
    assert (verdict.kind, verdict.story_id) == ("duplicate", "water-1")


def test_a_materially_changed_version_is_an_update_of_the_story() -> None:
    half = STORY[: len(STORY) // 2]
    updated = half + (
        " After a second meeting on Friday the board cut the rise to 3 percent and doubled the hardship fund, "
        "following protests outside its offices by tenants' associations from six districts."
    )
    verdict = classify(updated, [entry(STORY)])
    assert (verdict.kind, verdict.story_id) == ("update", "water-1")


def test_the_same_url_with_new_text_is_an_update() -> None:
    verdict = classify(
        OTHER, [entry(STORY, url="https://news.example/water")], url="https://news.example/water"
    )
    assert verdict.kind == "update"


def test_a_different_story_is_new() -> None:
    verdict = classify(OTHER, [entry(STORY)])
    assert (verdict.kind, verdict.story_id) == ("new", "new-1")


def test_a_retry_of_the_same_alert_does_not_count_as_its_own_duplicate() -> None:
    own = StoryEntry(
        story_id="new-1",
        article_id="new-1",
        alert_key="summaries/new-1.json@e9",
        signature=story_fingerprint(STORY),
        url=None,
        source_key="incoming/b.txt",
        headline="Water charges rise",
    )
    assert classify(STORY, [own]).kind == "new"
