"""Story threads: is a new summary a new story, a copy of one already alerted, or an update of it?

Plain domain code: the notify stage and ``takeaways threads`` both call ``decide_story`` on what
the story ledger returns, so the command decides exactly as the deployed stage does.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from takeaways.stories.fingerprint import NUMBER_WORDS, Sketch, figures_corrected, same_sentence, similarity
from takeaways.stories.terms import (
    TermVector,
    content_terms,
    cosine,
    coverage,
    index_terms,
    is_name,
    told_terms,
)
from takeaways.text.words import DATE_WORDS

Relation = Literal["new", "update", "duplicate"]

# Above this MinHash similarity the article is a copy: a re-upload, a syndicated copy, or the
# same story updated in place by a paragraph (which only the sentences it adds can tell).
DUPLICATE_SIMILARITY = 0.8
# Above this TF-IDF cosine two articles tell the same story, however differently worded. Our own
# same-event reports score 0.53 and up, different events 0.13 and below; articles made of common
# words only (the load test's) reach 0.31, so the line sits above that.
SAME_STORY_COSINE = 0.35
# A lower cosine is enough when the articles also share this many names.
SHARED_NAMES_COSINE = 0.18
SHARED_NAMES = 2
# The share of a thread's articles a probe must match to join it. One match is not enough:
# stories chain (A is like B, B like C, so A and C share a thread). On CNN's validation articles
# that joined Putin's return to public view, his fleet drills and the Nemtsov murder inquiry.
THREAD_AGREEMENT = 0.5
# A line whose terms are this much covered by what the thread already told is not news...
TOLD_COVERAGE = 0.5
# ... unless it gives a figure or a day the thread has not told: a new fact reuses the story's
# names ("residents below the Lowmoor dam were allowed home on Thursday") and is more covered.
TOLD_COVERAGE_WITH_NEW_FIGURE = 0.7
# Outlets remembered per thread, and told terms: bounded so a thread stays one small item.
_MAX_OUTLETS = 200
_MAX_TOLD = 400
# Sentence sketches remembered per article (32 bytes each): a longer article is remembered
# without them, and its copies are duplicates whatever they add.
MAX_SENTENCES = 1000


def alert_id_for(alert_key: str) -> str:
    """The deterministic id of one alert (one summary version): consumers de-duplicate on it."""
    return "alert-" + hashlib.sha256(alert_key.encode()).hexdigest()[:24]


@dataclass(frozen=True, slots=True)
class StoryProbe:
    """What the ledger is asked about one summary version."""

    entry_id: str
    article_id: str
    at: datetime
    signature: list[int]
    vector: TermVector
    url: str | None
    source_key: str
    outlet: str
    headline: str
    summary: str
    takeaways: list[str]
    # The article's sentence sketches (none past MAX_SENTENCES), and those of the sentences each
    # takeaway and the summary rest on.
    sentences: tuple[Sketch, ...] = ()
    takeaway_sources: tuple[tuple[Sketch, ...], ...] = ()
    summary_sources: tuple[Sketch, ...] = ()
    # Statements from the article's end no takeaway carries, and the sentence each is: the lines an
    # update appended there is told by. Numbered after the takeaways in ``StoryDecision.new_takeaways``.
    closing: list[str] = field(default_factory=list)
    closing_sources: tuple[tuple[Sketch, ...], ...] = ()

    @property
    def lookup_keys(self) -> list[str]:
        """Where the story is filed and looked up: its strongest terms and names, its URL and key."""
        keys = [f"term#{term}" for term in index_terms(self.vector)]
        if self.url:
            keys.append(f"url#{self.url.strip().lower()}")
        keys.append(f"key#{self.source_key}")
        return keys


@dataclass(frozen=True, slots=True)
class StoryEntry:
    """What the ledger remembers of an alerted summary."""

    entry_id: str
    article_id: str
    story_id: str
    at: datetime
    signature: list[int]
    vector: TermVector
    url: str | None
    source_key: str
    headline: str
    sentences: tuple[Sketch, ...] = ()


@dataclass(frozen=True, slots=True)
class ThreadState:
    """A story as told so far: who reported it and what the alerts have already said."""

    story_id: str
    outlets: frozenset[str] = field(default_factory=frozenset)
    told: frozenset[str] = field(default_factory=frozenset)
    alerts: int = 0


@dataclass(frozen=True, slots=True)
class StoryDecision:
    relation: Relation
    story_id: str
    similar_to: str | None
    similarity: float
    new_takeaways: list[int]
    thread: ThreadState

    @property
    def outlet_count(self) -> int:
        return max(1, len(self.thread.outlets))


def probe_entry(probe: StoryProbe, story_id: str) -> StoryEntry:
    return StoryEntry(
        entry_id=probe.entry_id,
        article_id=probe.article_id,
        story_id=story_id,
        at=probe.at,
        signature=probe.signature,
        vector=probe.vector,
        url=probe.url,
        source_key=probe.source_key,
        headline=probe.headline,
        sentences=probe.sentences,
    )


def decide_story(
    probe: StoryProbe,
    candidates: list[StoryEntry],
    threads: Mapping[str, ThreadState],
    *,
    window: timedelta,
) -> StoryDecision:
    """Compare with the candidates filed under the probe's keys, within the time window.

    A copy (MinHash) is a duplicate unless it adds sentences and the summary or a takeaway drawn
    from them is news (a story updated by a paragraph), or a line rests on a sentence whose figures
    it corrects (a death toll revised); the same story reworded (TF-IDF cosine, shared names, or the
    same URL or object key) is an update carrying only the takeaways the thread has not told, or
    a duplicate when it tells nothing new; anything else starts a thread. A thread is joined only
    when the probe matches at least half of its articles (``THREAD_AGREEMENT``), or is certainly one.
    """
    best: tuple[tuple[int, float], StoryEntry] | None = None
    in_window: dict[str, list[StoryEntry]] = {}
    stale: Counter[str] = Counter()
    for entry in candidates:
        if entry.entry_id == probe.entry_id:
            continue
        if abs(entry.at - probe.at) > window:
            stale[entry.story_id] += 1
        else:
            in_window.setdefault(entry.story_id, []).append(entry)
    for story_id, entries in in_window.items():
        matches = [(found, entry) for entry in entries if (found := _match(probe, entry)) is not None]
        if not matches:
            continue
        # The thread's articles the lookup did not return share none of the probe's strongest
        # terms, so they count as not matching; those it returned from outside the window do not count.
        filed = threads[story_id].alerts if story_id in threads else 0
        compared = max(len(entries), filed - stale[story_id])
        certain = any(sure for (_, sure), _ in matches)
        if not certain and len(matches) < THREAD_AGREEMENT * compared:
            continue
        (rank, _), entry = max(matches, key=lambda pair: pair[0][0])
        if best is None or rank > best[0]:
            best = (rank, entry)
    told_now = told_terms([probe.headline, probe.summary, *probe.takeaways])
    if best is None:
        story_id = "thread-" + probe.entry_id.removeprefix("alert-")[:16]
        thread = ThreadState(story_id, frozenset({probe.outlet}), _bounded(told_now), 1)
        return StoryDecision("new", story_id, None, 0.0, list(range(len(probe.takeaways))), thread)
    (kind, score), entry = best
    previous = threads.get(entry.story_id) or ThreadState(entry.story_id)
    outlets = _bounded_outlets(previous.outlets | {probe.outlet})
    told_before = set(previous.told)
    new = [i for i, text in enumerate(probe.takeaways) if _is_news(text, told_before)]
    # The summary says what happened and repeats no takeaway: a new one is news on its own.
    new_summary = _is_news(probe.summary, told_before)
    if kind == 2:
        # A copy's lines may be worded anew (a model engine) from the sentences already alerted:
        # only a takeaway resting on a sentence the earlier article lacked is news.
        new = [i for i in new if _rests_on_new(_source(probe.takeaway_sources, i), entry)]
        new_summary = new_summary and _rests_on_new(probe.summary_sources, entry)
    # A corrected figure ("12 dead" now "14 dead") is news though the line says almost what was told, once:
    # its new figure must be one the thread has not told (a later copy may match the first version best).
    corrected = [
        i
        for i, text in enumerate(probe.takeaways)
        if _corrects_a_figure(_source(probe.takeaway_sources, i), entry) and _untold_figure(text, told_before)
    ]
    new = sorted({*new, *corrected})
    new_summary = new_summary or (
        _corrects_a_figure(probe.summary_sources, entry) and _untold_figure(probe.summary, told_before)
    )
    if kind == 2 and not (new or new_summary):
        # A paragraph added at the end, which no line of the alert took: its statements say the update.
        new = [
            len(probe.takeaways) + j
            for j, text in enumerate(probe.closing)
            if _rests_on_new(_source(probe.closing_sources, j), entry) and _is_news(text, told_before)
        ]
    if not (new or new_summary):
        thread = ThreadState(entry.story_id, outlets, previous.told, previous.alerts)
        return StoryDecision("duplicate", entry.story_id, entry.article_id, score, [], thread)
    lines = [*probe.takeaways, *probe.closing]
    told = told_terms([probe.headline, probe.summary, *(lines[i] for i in new)])
    thread = ThreadState(entry.story_id, outlets, _bounded(previous.told | told), previous.alerts + 1)
    return StoryDecision("update", entry.story_id, entry.article_id, score, new, thread)


def _match(probe: StoryProbe, entry: StoryEntry) -> tuple[tuple[int, float], bool] | None:
    """The entry's rank as the probe's story, (2, similarity) for a copy or (1, cosine) for the same
    story reworded, and whether the match is certain (a copy, or the same URL or object key)."""
    copy = similarity(probe.signature, entry.signature)
    if copy >= DUPLICATE_SIMILARITY:
        return (2, copy), True
    score = cosine(probe.vector, entry.vector)
    if bool(probe.url and entry.url == probe.url) or entry.source_key == probe.source_key:
        return (1, score), True
    shared_names = len(_names(probe.vector) & _names(entry.vector))
    if score >= SAME_STORY_COSINE or (score >= SHARED_NAMES_COSINE and shared_names >= SHARED_NAMES):
        return (1, score), False
    return None


def _source(sources: tuple[tuple[Sketch, ...], ...], index: int) -> tuple[Sketch, ...]:
    return sources[index] if index < len(sources) else ()


def _rests_on_new(sources: tuple[Sketch, ...], entry: StoryEntry) -> bool:
    """Whether a line rests on a sentence the entry's article did not have, even copy-edited.

    An entry remembered without its sentences (an older entry, or a very long article) says
    nothing either way, so its copies stay duplicates.
    """
    if not entry.sentences:
        return False
    return any(not any(same_sentence(source, old) for old in entry.sentences) for source in sources)


def _corrects_a_figure(sources: tuple[Sketch, ...], entry: StoryEntry) -> bool:
    """Whether a line rests on a sentence the entry's article had with other figures: every earlier
    sentence its sketch matches carries a different figures key. Unknown keys (an older entry) never do."""
    for source in sources:
        matches = [old for old in entry.sentences if same_sentence(source, old)]
        if matches and all(figures_corrected(source, old) for old in matches):
            return True
    return False


def _untold_figure(line: str, told: set[str]) -> bool:
    """Whether the line has a figure (digits or a number word) the thread's alerts have not said."""
    return _says_untold(line, told, NUMBER_WORDS)


def _says_untold(line: str, told: set[str], words: Collection[str]) -> bool:
    """Whether the line has a term with a digit, or one of ``words``, that the thread has not told."""
    return any(
        term not in told and (term in words or any(char.isdigit() for char in term))
        for term in content_terms(line)
    )


def _names(vector: TermVector) -> set[str]:
    return {term for term in vector if is_name(term)}


def _is_news(line: str, told: set[str]) -> bool:
    covered = coverage(line, told)
    if covered < TOLD_COVERAGE:
        return True
    return _says_untold(line, told, DATE_WORDS) and covered < TOLD_COVERAGE_WITH_NEW_FIGURE


def outlet_of(source: str | None, url: str | None, source_key: str) -> str:
    """Who published it: the source's name, else the URL's host, else the uploader's folder."""
    if source and source.strip():
        return " ".join(source.casefold().split())
    if url and "//" in url:
        host = url.split("//", 1)[1].split("/", 1)[0].lower()
        return host.removeprefix("www.")
    return source_key.rsplit("/", 1)[0] if "/" in source_key else source_key


def _bounded(terms: frozenset[str] | set[str]) -> frozenset[str]:
    return frozenset(sorted(terms)[:_MAX_TOLD]) if len(terms) > _MAX_TOLD else frozenset(terms)


def _bounded_outlets(outlets: frozenset[str]) -> frozenset[str]:
    return frozenset(sorted(outlets)[:_MAX_OUTLETS]) if len(outlets) > _MAX_OUTLETS else outlets
