"""The JSON alert that SQS, Lambda and HTTPS subscribers receive: a versioned, published shape.

``schemas/alert-v1.schema.json`` is generated from ``AlertPayload``; consumers
validate against that file, and a test keeps the two identical.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from takeaways.summary import Entity

ALERT_SCHEMA_ID = "https://schemas.takeaways.dev/alert-v1.schema.json"


class AlertTakeaway(BaseModel):
    """One takeaway and where in the article it comes from."""

    model_config = ConfigDict(extra="forbid")

    text: str
    evidence: list[int] = Field(description="Indices of the article sentences it rests on")


class AlertPayload(BaseModel):
    """A takeaway alert, version 1. New optional fields may be added; nothing is removed or renamed."""

    model_config = ConfigDict(extra="forbid", title="Takeaways alert")

    schema_version: Literal[1] = 1
    type: Literal["takeaways.alert"] = "takeaways.alert"
    article_id: str
    is_update: bool = Field(
        default=False, description="True when this replaces an alert sent for the same story"
    )
    headline: str
    summary: str
    takeaways: list[AlertTakeaway] = Field(min_length=1, max_length=5)
    topics: list[str]
    entities: list[Entity]
    priority: int = Field(ge=1, le=5, description="1 routine .. 5 urgent")
    language: str
    source: str | None
    url: str | None
    published: str | None
    engine: str = Field(description="'extractive' or 'openai:<model>'")
    fallback_reason: str | None
    summary_object: str = Field(description="s3:// URI of the stored summary record")
    summarised_at: datetime


def alert_json_schema() -> dict[str, object]:
    """The JSON Schema document published in ``schemas/``."""
    schema = AlertPayload.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": ALERT_SCHEMA_ID, **schema}


def alert_json_schema_text() -> str:
    """The schema file's exact text, so the generator and the test agree byte for byte."""
    return json.dumps(alert_json_schema(), indent=2, sort_keys=True) + "\n"
