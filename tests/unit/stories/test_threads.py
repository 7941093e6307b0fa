from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from takeaways.stories.fingerprint import (
    band_keys,
    same_sentence,
    sentence_sketches,
    similarity,
    story_fingerprint,
)
from takeaways.stories.terms import content_terms, cosine, coverage, index_terms, term_vector, told_terms
from takeaways.stories.threads import (
    StoryDecision,
    StoryEntry,
    StoryProbe,
    ThreadState,
    alert_id_for,
    decide_story,
    outlet_of,
    probe_entry,
)

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
WINDOW = timedelta(hours=48)

STORY = (
    "The regional water board voted on Wednesday to raise household charges by 4.5 percent from April, "
    "citing the cost of replacing lead pipes in older neighbourhoods. Board chair Rosa Almeida said the "
    "increase would fund 1,200 pipe replacements a year. Consumer groups said low-income households "
    "should be protected and asked the board to expand its hardship fund."
)
# The same vote as another outlet tells it: hardly a sentence in common, the same names and figures.
REWORDED = (
    "Households in the Almeida-led water district face bills 4.5 percent higher from April. Rosa Almeida, "
    "who chairs the board, told reporters the money pays for swapping out lead pipes, about 1,200 of them "
    "each year, in the oldest streets. Campaigners for consumers want the hardship fund widened."
)
OTHER = (
    "A new cycling route along the old railway line opened to the public on Saturday, linking three "
    "villages to the market town. The route cost 2 million and took two years to build."
)
# Same kind of story, same kind of words, a different event.
OTHER_BOARD = (
    "The county transport board agreed on Tuesday to cut bus fares by ten percent for students from "
    "January. Board member Tomas Brandt said the cut would be paid for by a parking levy in the centre."
)


def probe(
    text: str,
    *,
    entry_id: str = "alert-2",
    url: str | None = None,
    key: str = "incoming/b.txt",
    names: tuple[str, ...] = (),
    at: datetime = NOW,
    outlet: str = "second outlet",
) -> StoryProbe:
    sentences = [s.strip() + "." for s in text.split(". ") if s.strip()]
    sketches = sentence_sketches(sentences)
    takeaways_from = range(1, len(sentences)) if len(sentences) > 1 else range(len(sentences))
    return StoryProbe(
        entry_id=entry_id,
        article_id=entry_id.replace("alert", "article"),
        at=at,
        signature=story_fingerprint(text),
        vector=term_vector(sentences, names),
        url=url,
        source_key=key,
        outlet=outlet,
        headline=sentences[0],
        summary=sentences[0],
        takeaways=sentences[1:] or sentences,
        sentences=tuple(sketches),
        takeaway_sources=tuple((sketches[i],) for i in takeaways_from),
        summary_sources=(sketches[0],),
    )


def first(text: str, **kwargs: object) -> tuple[StoryEntry, dict[str, ThreadState]]:
    told = probe(text, entry_id="alert-1", key="incoming/a.txt", outlet="first outlet", **kwargs)  # type: ignore[arg-type]
    decision = decide_story(told, [], {}, window=WINDOW)
    return probe_entry(told, decision.story_id), {decision.story_id: decision.thread}


def decide(text: str, earlier: tuple[StoryEntry, dict[str, ThreadState]], **kwargs: object) -> StoryDecision:
    entry, threads = earlier
    return decide_story(probe(text, **kwargs), [entry], threads, window=WINDOW)  # type: ignore[arg-type]


def test_fingerprints_ignore_case_punctuation_and_wrapping() -> None:
    rewrapped = STORY.upper().replace(". ", ".\n").replace(", ", " ")
    assert similarity(story_fingerprint(STORY), story_fingerprint(rewrapped)) == 1.0


def test_unrelated_stories_are_dissimilar_and_share_no_band() -> None:
    one, two = story_fingerprint(STORY), story_fingerprint(OTHER)
    assert similarity(one, two) < 0.2
    assert not set(band_keys(one)) & set(band_keys(two))


def test_content_terms_keep_words_and_figures_in_the_singular_and_drop_possessives() -> None:
    assert content_terms("Almeida's board: 1,200 pipes, 4.5 percent, 7 weeks, the crisis") == [
        "almeida",
        "board",
        "1200",
        "pipe",
        "4.5",
        "percent",
        "week",
        "the",
        "crisis",
    ]


def test_rare_words_and_names_outweigh_common_ones() -> None:
    vector = term_vector([STORY], ["Rosa Almeida"])
    assert vector["~rosa almeida"] > vector["board"]
    assert "said" not in vector and "the" not in vector
    assert "~rosa almeida" in index_terms(vector)


def test_a_reworded_report_of_the_same_event_is_closer_than_a_similar_kind_of_story() -> None:
    story = term_vector([STORY], ["Rosa Almeida"])
    assert cosine(story, term_vector([REWORDED], ["Rosa Almeida"])) > 0.3
    assert cosine(story, term_vector([OTHER_BOARD], ["Tomas Brandt"])) < 0.15


def test_a_copy_is_a_duplicate_in_the_first_thread() -> None:
    earlier = first(STORY)
    copy = STORY.replace("on Wednesday", "this Wednesday")
    decision = decide(copy, earlier)
    assert (decision.relation, decision.similar_to) == ("duplicate", "article-1")
    assert decision.story_id == earlier[0].story_id
    assert decision.outlet_count == 2


def test_a_copy_with_a_paragraph_added_is_an_update_telling_only_the_paragraph() -> None:
    earlier = first(STORY)
    added = STORY + " By Thursday the board had 3,400 objections."
    decision = decide(added, earlier)
    assert similarity(story_fingerprint(added), story_fingerprint(STORY)) >= 0.8  # still a copy
    assert (decision.relation, decision.story_id) == ("update", earlier[0].story_id)
    told_again = probe(added).takeaways
    assert [told_again[i] for i in decision.new_takeaways] == [told_again[-1]]
    assert "3,400 objections" in told_again[-1]


def test_a_copys_lines_worded_anew_from_the_same_sentences_are_not_news() -> None:
    earlier = first(STORY)
    reworded = replace(
        probe(STORY.replace("on Wednesday", "this Wednesday")),
        takeaways=["Campaigners want protection for poorer homes and a bigger fund for those in hardship."],
    )
    reworded = replace(reworded, takeaway_sources=probe(STORY).takeaway_sources[-1:])
    entry, threads = earlier
    decision = decide_story(reworded, [entry], threads, window=WINDOW)
    assert (decision.relation, decision.new_takeaways) == ("duplicate", [])


def test_a_copy_of_an_article_remembered_without_its_sentences_stays_a_duplicate() -> None:
    entry, threads = first(STORY)
    added = STORY + " By Thursday the board had 3,400 objections."
    decision = decide_story(probe(added), [replace(entry, sentences=())], threads, window=WINDOW)
    assert decision.relation == "duplicate"


def test_another_outlets_rewording_joins_the_thread_and_tells_only_what_is_new() -> None:
    earlier = first(STORY, names=("Rosa Almeida",))
    extra = REWORDED + " The board will vote again in June on a plan to meter every home by 2030."
    decision = decide(extra, earlier, names=("Rosa Almeida",))
    assert decision.relation == "update"
    assert decision.story_id == earlier[0].story_id
    told_again = probe(extra).takeaways
    new = [told_again[i] for i in decision.new_takeaways]
    assert any("meter every home" in text for text in new)
    assert not any("1,200" in text for text in new)


def test_a_rewording_with_nothing_new_is_not_alerted_again() -> None:
    earlier = first(STORY + " " + REWORDED, names=("Rosa Almeida",))
    decision = decide(REWORDED, earlier, names=("Rosa Almeida",))
    assert (decision.relation, decision.new_takeaways) == ("duplicate", [])


def test_a_different_event_starts_its_own_thread() -> None:
    earlier = first(STORY, names=("Rosa Almeida",))
    decision = decide(OTHER_BOARD, earlier, names=("Tomas Brandt",))
    assert decision.relation == "new"
    assert decision.story_id != earlier[0].story_id


def test_the_same_url_with_new_text_is_the_same_story() -> None:
    earlier = first(STORY, url="https://news.example/water")
    assert decide(OTHER, earlier, url="https://news.example/water").relation == "update"


def test_a_story_outside_the_window_is_not_joined() -> None:
    earlier = first(STORY)
    assert decide(STORY, earlier, at=NOW + WINDOW + timedelta(hours=1)).relation == "new"


def test_an_alert_is_never_its_own_duplicate() -> None:
    entry, threads = first(STORY)
    again = probe(STORY, entry_id=entry.entry_id)
    assert decide_story(again, [entry], threads, window=WINDOW).relation == "new"


def test_alert_ids_are_deterministic_per_summary_version() -> None:
    assert alert_id_for("summaries/a.json@e1") == alert_id_for("summaries/a.json@e1")
    assert alert_id_for("summaries/a.json@e1") != alert_id_for("summaries/a.json@e2")


def test_coverage_says_how_much_of_a_takeaway_was_already_told() -> None:
    told = told_terms(["Rosa Almeida said the increase would fund 1,200 pipe replacements a year."])
    assert coverage("Almeida said 1,200 pipes would be replaced each year.", told) > 0.5
    assert coverage("Meters will be fitted in every home by 2030.", told) < 0.2


def test_the_outlet_is_the_source_then_the_host_then_the_folder() -> None:
    assert outlet_of("Coastal Times", None, "incoming/x.txt") == "coastal times"
    assert outlet_of(None, "https://www.harbour.example/a/b", "incoming/x.txt") == "harbour.example"
    assert outlet_of(None, None, "incoming/wire/x.txt") == "incoming/wire"


def test_a_new_day_in_the_story_makes_an_update_though_it_reuses_the_storys_words() -> None:
    earlier = first(STORY, names=("Rosa Almeida",))
    later = (
        "The regional water board confirmed on Friday that the household charges rise from April. "
        "Consumer groups asked the board to protect low-income households."
    )
    assert 0.5 <= coverage(probe(later).summary, told_terms([STORY])) < 0.7
    assert decide(later, earlier, names=("Rosa Almeida",)).relation == "update"
    # The same lines without the new day tell nothing new.
    again = later.replace(" on Friday", "")
    assert decide(again, earlier, names=("Rosa Almeida",)).relation == "duplicate"


# The vote's chair opens a reservoir: like the vote, and like the reservoir story below.
BRIDGING = (
    "Rosa Almeida, who chairs the regional water board that voted this week to raise household charges "
    "by 4.5 percent to replace lead pipes, opened the Hollin reservoir on Friday. The reservoir took five "
    "years to build, cost 30 million pounds and holds 2 billion litres of water."
)
RESERVOIR = (
    "The Hollin reservoir opened on Friday after five years of building work. Engineers say the reservoir, "
    "which cost 30 million pounds, holds 2 billion litres, enough to supply the valley for a month of "
    "drought. Anglers will be allowed on its banks from May."
)
# A third outlet's account of the vote.
VOTE_AGAIN = (
    "Water bills across the district will rise by 4.5 percent in April after the regional water board "
    "approved the increase on Wednesday. Rosa Almeida, the board's chair, said lead pipes in older streets "
    "must go, about 1,200 a year. Low-income households can apply to the hardship fund."
)


def vote_thread() -> tuple[list[StoryEntry], dict[str, ThreadState]]:
    """The vote told twice, then the reservoir opening by the vote's chair, filed as one thread."""
    texts = [
        (STORY, ("Rosa Almeida",)),
        (REWORDED, ("Rosa Almeida",)),
        (BRIDGING, ("Rosa Almeida", "Hollin")),
    ]
    entries = [
        probe_entry(probe(text, entry_id=f"alert-{i}", key=f"incoming/{i}.txt", names=names), "thread-vote")
        for i, (text, names) in enumerate(texts, start=1)
    ]
    return entries, {"thread-vote": ThreadState("thread-vote", frozenset({"first outlet"}), frozenset(), 3)}


def test_an_article_like_only_one_of_a_threads_articles_starts_its_own_thread() -> None:
    entries, threads = vote_thread()
    reservoir = probe(RESERVOIR, entry_id="alert-9", names=("Hollin",))
    assert cosine(reservoir.vector, entries[2].vector) >= 0.35  # it is the bridging article's story...
    assert max(cosine(reservoir.vector, e.vector) for e in entries[:2]) < 0.1  # ... and not the vote's
    assert decide_story(reservoir, entries, threads, window=WINDOW).relation == "new"


def test_an_article_like_most_of_a_threads_articles_joins_it() -> None:
    entries, threads = vote_thread()
    decision = decide_story(probe(VOTE_AGAIN, names=("Rosa Almeida",)), entries, threads, window=WINDOW)
    assert (decision.relation, decision.story_id) == ("update", "thread-vote")


def test_a_threads_articles_the_lookup_did_not_return_count_as_not_matching() -> None:
    entries, threads = vote_thread()
    reservoir = probe(RESERVOIR, entry_id="alert-9", names=("Hollin",))
    # Only the bridging article came back, but the thread has filed three.
    assert decide_story(reservoir, entries[2:], threads, window=WINDOW).relation == "new"
    alone = {"thread-vote": replace(threads["thread-vote"], alerts=1)}
    assert decide_story(reservoir, entries[2:], alone, window=WINDOW).relation == "update"


def test_articles_outside_the_window_do_not_count_against_joining() -> None:
    entries, threads = vote_thread()
    old = [replace(e, at=NOW - WINDOW - timedelta(hours=1)) for e in entries[:2]]
    reservoir = probe(RESERVOIR, entry_id="alert-9", names=("Hollin",))
    assert decide_story(reservoir, [*old, entries[2]], threads, window=WINDOW).relation == "update"


def test_the_same_url_joins_its_thread_whatever_its_other_articles_say() -> None:
    entries, threads = vote_thread()
    entries[2] = replace(entries[2], url="https://news.example/reservoir")
    again = probe(RESERVOIR, entry_id="alert-9", url="https://news.example/reservoir")
    assert decide_story(again, entries, threads, window=WINDOW).story_id == "thread-vote"


def test_a_copy_edited_sentence_is_the_same_sentence_and_another_of_the_story_is_not() -> None:
    [original, edited, other] = sentence_sketches(
        [
            "Board chair Rosa Almeida said the increase would fund 1,200 pipe replacements a year.",
            "Board chair Rosa Almeida said the increase would pay for 1,200 pipe replacements each year.",
            "Consumer groups said low-income households should be protected by the board.",
        ]
    )
    assert same_sentence(original, edited) and not same_sentence(original, other)
    assert sentence_sketches(["The  Board met, on Monday."]) == sentence_sketches(["the board met on monday"])


def test_a_copy_with_a_sentence_copy_edited_or_an_update_note_added_stays_a_duplicate() -> None:
    earlier = first(STORY)
    edited = STORY.replace("households should be protected", "households must be shielded")
    assert similarity(story_fingerprint(edited), story_fingerprint(STORY)) >= 0.8  # a copy
    copy = probe(edited)
    # Its edited line is news by its words (a model engine may word it so): only its sentence says it is not.
    news = replace(
        copy, takeaways=[*copy.takeaways[:-1], "Campaigners want poorer homes shielded by a wider fund."]
    )
    entry, threads = earlier
    assert decide_story(news, [entry], threads, window=WINDOW).relation == "duplicate"
    added = replace(
        news,
        takeaway_sources=(*news.takeaway_sources[:-1], tuple(sentence_sketches(["Meters come in 2030."]))),
    )
    assert decide_story(added, [entry], threads, window=WINDOW).relation == "update"
    # The copy's summary worded anew from the sentence the first alert had told is no news either.
    reworded = replace(probe(STORY), summary="Water charges up 4.5 percent from April to replace lead pipes.")
    entry, threads = earlier
    assert decide_story(reworded, [entry], threads, window=WINDOW).relation == "duplicate"
    # A summary resting on a sentence the copy adds is.
    lede = "By Friday the board had 3,400 objections"
    assert similarity(story_fingerprint(f"{lede}. {STORY}"), story_fingerprint(STORY)) >= 0.8
    delayed = decide(f"{lede}. {STORY}", earlier)
    assert (delayed.relation, delayed.new_takeaways) == ("update", [])
