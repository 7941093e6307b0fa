"""The takeaway summary and the record stored for it: the shapes other systems read.

These are pydantic models because their JSON Schema is published (``schemas/``)
and because model answers are validated against them.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EntityKind = Literal["person", "organisation", "place", "other"]


class Takeaway(BaseModel):
    """One short factual point and the article sentences it rests on."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(min_length=1)
    evidence: list[int] = Field(
        default_factory=list, description="Indices of the article sentences it rests on"
    )


class Entity(BaseModel):
    """A person, organisation or place named in the article."""

    model_config = ConfigDict(frozen=True)

    name: str
    kind: EntityKind


class TakeawaySummary(BaseModel):
    """What an engine makes of one article."""

    headline: str
    summary: str = Field(description="One line")
    takeaways: list[Takeaway] = Field(min_length=1, max_length=5)
    entities: list[Entity] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    language: str = "en"
    engine: str = Field(description="'extractive' or 'openai:<model>'")
    fallback_reason: str | None = None


class ObjectRef(BaseModel):
    """Which S3 object version a stage worked on: the idempotency key is built from it."""

    model_config = ConfigDict(frozen=True)

    bucket: str
    key: str
    etag: str | None = None
    version_id: str | None = None
    size: int | None = None


class ArticleMeta(BaseModel):
    """The article's metadata as stored beside its summary."""

    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    author: str | None = None
    language: str = "en"
    truncated: bool = False
    notes: list[str] = Field(default_factory=list)


class SummaryRecord(BaseModel):
    """The JSON object written to ``summaries/<article-id>.json``: what was summarised, how, and when."""

    schema_version: Literal[1] = 1
    article_id: str
    source_object: ObjectRef
    article: ArticleMeta
    summary: TakeawaySummary
    story_fingerprint: list[int] = Field(
        default_factory=list, description="MinHash signature of the article text, for story de-duplication"
    )
    received_at: datetime | None = Field(default=None, description="When the article landed in S3")
    summarised_at: datetime


class RejectionRecord(BaseModel):
    """The JSON object written to ``rejected/<article-id>.json``: why an input was not summarised."""

    schema_version: Literal[1] = 1
    article_id: str
    source_object: ObjectRef
    reason: str
    detail: str
    rejected_at: datetime


SUMMARY_RECORD_SCHEMA_ID = "https://schemas.takeaways.dev/summary-record-v1.schema.json"


def summary_record_schema_text() -> str:
    """The published schema of ``summaries/<article-id>.json``, generated from ``SummaryRecord``."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SUMMARY_RECORD_SCHEMA_ID,
        **SummaryRecord.model_json_schema(),
    }
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"
