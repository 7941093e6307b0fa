"""The takeaway summary and the records stored for it: the shapes other systems read.

Plain frozen dataclasses, serialised by ``takeaways.records``; descriptions and bounds
sit on the fields, and ``schemas/summary-record-v1.schema.json`` is generated from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from takeaways.records import check_bounds, check_items, field_info
from takeaways.text.words import DATE_WORDS, content_terms

if TYPE_CHECKING:
    from takeaways.article.model import Article

EntityKind = Literal["person", "organisation", "place", "other"]
MIN_TAKEAWAYS = 3  # what a model engine must write (the extractive engine may find fewer lines worth sending)
MAX_TAKEAWAYS = 5
# Two lines sharing more than this share of the shorter one's content words tell one fact: an alert carries it once.
SAME_FACT_SHARE = 0.5
MAX_TOPICS = 3
MIN_PRIORITY, MAX_PRIORITY = 1, 5  # routine .. urgent


@dataclass(frozen=True, slots=True, kw_only=True)
class Takeaway:
    """One short factual point and the article sentences it rests on."""

    text: str = field(metadata=field_info(min_length=1))
    evidence: list[int] = field(
        default_factory=list, metadata=field_info("Indices of the article sentences it rests on")
    )

    def __post_init__(self) -> None:
        check_bounds(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """A person, organisation or place named in the article."""

    # Its own (empty) schema config, so the alert's "extra: forbid" does not spread to it.
    __pydantic_config__: ClassVar[dict[str, Any]] = {}

    name: str
    kind: EntityKind


@dataclass(frozen=True, slots=True, kw_only=True)
class Topic:
    """An IPTC Media Topic the article is about: ``name`` is what filter policies match."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {}

    name: str = field(metadata=field_info("Short name, as in the alert's 'topics' attribute"))
    iptc: str = field(metadata=field_info("IPTC Media Topic code, e.g. medtop:15000000"))
    label: str = field(metadata=field_info("IPTC's name for the topic"))
    score: float = field(default=0.0, metadata=field_info("How strongly the text points at it", ge=0, le=1))

    def __post_init__(self) -> None:
        check_bounds(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class TakeawaySummary:
    """What an engine makes of one article."""

    headline: str = field(metadata=field_info(min_length=1))
    summary: str = field(metadata=field_info("One line", min_length=1))
    takeaways: list[Takeaway] = field(
        metadata=field_info(
            "Empty when the article tells one fact: the summary carries it, and no line repeats it",
            max_length=MAX_TAKEAWAYS,
        )
    )
    entities: list[Entity] = field(default_factory=list)
    topics: list[Topic] = field(
        default_factory=list, metadata=field_info("Strongest first", max_length=MAX_TOPICS)
    )
    language: str = "en"
    engine: str = field(metadata=field_info("'extractive' or 'openai:<model>'"))
    fallback_reason: str | None = None
    grounded: bool | None = field(
        default=None,
        metadata=field_info(
            "True when the grounding check verified every line (headline, summary, each takeaway)"
            " against the article sentences it rests on; null in records made before the check"
        ),
    )

    def __post_init__(self) -> None:
        check_bounds(self)
        check_items(self.takeaways, Takeaway, "takeaways")
        check_items(self.entities, Entity, "entities")
        check_items(self.topics, Topic, "topics")


@dataclass(frozen=True, slots=True, kw_only=True)
class ObjectRef:
    """Which S3 object version a stage worked on: the idempotency key is built from it."""

    bucket: str
    key: str
    etag: str | None = None
    version_id: str | None = None
    size: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleMeta:
    """The article's metadata as stored beside its summary."""

    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = field(
        default=None, metadata=field_info("The outlet, only when the operator lists it in TRUSTED_SOURCES")
    )
    claimed_source: str | None = field(
        default=None,
        metadata=field_info("The outlet the article itself names: untrusted, never used to route"),
    )
    author: str | None = None
    language: str = "en"
    truncated: bool = False
    notes: list[str] = field(default_factory=list)

    @classmethod
    def describing(cls, article: Article) -> ArticleMeta:
        """Everything the article carries except its body, which stays in the article's own object."""
        values = {meta.name: getattr(article, meta.name) for meta in fields(cls)}
        return cls(**values | {"notes": list(article.notes)})


@dataclass(frozen=True, slots=True, kw_only=True)
class SummaryRecord:
    """The JSON object written to ``summaries/<article-id>.json``: what was summarised, how, and when."""

    schema_version: Literal[1] = 1
    article_id: str
    source_object: ObjectRef
    article: ArticleMeta
    summary: TakeawaySummary
    story_fingerprint: list[int] = field(
        default_factory=list,
        metadata=field_info("MinHash signature of the article text, for story de-duplication"),
    )
    sentence_sketches: list[list[int]] = field(
        default_factory=list,
        metadata=field_info(
            "A MinHash sketch of each article sentence, in the order takeaway evidence indexes them: "
            "which sentences a copy adds"
        ),
    )
    sentence_figures: list[int] = field(
        default_factory=list,
        metadata=field_info(
            "Each article sentence's figures as a 32-bit set, one bit per value (0 for none), index for"
            " index with sentence_sketches: which sentences a copy corrects ('12 dead' to '14 dead')"
        ),
    )
    summary_evidence: list[int] = field(
        default_factory=list,
        metadata=field_info("Indices of the article sentences the summary line rests on"),
    )
    closing_lines: list[Takeaway] = field(
        default_factory=list,
        metadata=field_info(
            "Up to two statements from the article's end that no takeaway carries: what an update alert"
            " says when a copy of the article adds them and no takeaway rests on what it added",
            max_length=2,
        ),
    )
    received_at: datetime | None = field(default=None, metadata=field_info("When the article landed in S3"))
    summarised_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class RejectionRecord:
    """The JSON object written to ``rejected/<article-id>.json``: why an input was not summarised."""

    schema_version: Literal[1] = 1
    article_id: str
    source_object: ObjectRef
    reason: str
    detail: str
    rejected_at: datetime


SUMMARY_RECORD_SCHEMA_ID = "https://schemas.takeaways.dev/summary-record-v1.schema.json"


_LINE_WORD = re.compile(r"[\w'’]+")


def summary_adds(summary: str, headline: str) -> bool:
    """Whether the summary tells a reader something its headline has not, in a line of its own.

    Not when the headline is the summary's sentence shortened (its words, in their order): readers
    of panel 14 counted every such summary as the headline said twice, however much it added, and
    not when all it adds is a day or date (panels 9 and 10). Every channel then shows the headline
    alone; the summary stays in the alert's data.
    """
    if _cut_from(headline, summary):
        return False
    told = set(content_terms(headline))
    return any(term not in told and term not in DATE_WORDS for term in content_terms(summary))


_CUT_SHARE = 0.9  # of the headline's words found, in order, in the summary: a name spelt out may differ


def _cut_from(headline: str, sentence: str) -> bool:
    """Whether ``headline`` is ``sentence`` with words taken out."""
    wanted = _LINE_WORD.findall(headline.lower())
    words = _LINE_WORD.findall(sentence.lower())
    found, position = 0, 0
    for word in wanted:
        if word in words[position:]:
            position = words.index(word, position) + 1
            found += 1
    return bool(wanted) and found >= _CUT_SHARE * len(wanted)
