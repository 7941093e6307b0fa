"""The published records: dataclasses and the schema files stay in step, and JSON comes back as it went."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from takeaways.alerts.digest import DigestStory, render_digest
from takeaways.alerts.payload import AlertPayload
from takeaways.alerts.render import render_alert
from takeaways.contracts import CONTRACTS, published_schemas
from takeaways.records import RecordInvalid, from_json, from_jsonable, to_json, to_jsonable
from takeaways.summary import SummaryRecord, TakeawaySummary
from tests.unit.alerts.test_digest import HEADING
from tests.unit.alerts.test_render import make_record

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def schema(name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((SCHEMAS / name).read_text())
    return document


@pytest.mark.parametrize("file_name", sorted(CONTRACTS))
def test_each_schema_file_is_generated_from_its_record(file_name: str) -> None:
    expected = published_schemas()[file_name]
    assert (SCHEMAS / file_name).read_text() == expected, "run: .venv/bin/takeaways schema --write schemas"


def test_bounds_on_the_fields_hold_in_the_schema_and_at_run_time() -> None:
    alert = render_alert(make_record(), summary_uri="s3://articles/summaries/ferry.json").payload
    too_urgent = to_jsonable(alert) | {"priority": 6}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(too_urgent, schema("alert-v1.schema.json"))
    with pytest.raises(RecordInvalid, match="priority: 6 is outside the bound le=5"):
        from_jsonable(AlertPayload, too_urgent)
    with pytest.raises(ValueError, match="takeaways: 6 is outside the bound max_length=5"):
        replace(alert, takeaways=alert.takeaways * 2)


def test_a_summary_record_round_trips_and_matches_its_schema() -> None:
    record = replace(make_record(), received_at=datetime(2026, 11, 20, 8, 59, 30, 250_000, tzinfo=UTC))
    text = to_json(record, indent=2)
    jsonschema.validate(json.loads(text), schema("summary-record-v1.schema.json"))
    assert from_json(SummaryRecord, text) == record
    assert json.loads(text)["received_at"] == "2026-11-20T08:59:30.250000Z"


def test_an_alert_and_a_digest_match_their_schemas() -> None:
    alert = render_alert(make_record(), summary_uri="s3://articles/summaries/ferry.json").payload
    jsonschema.validate(to_jsonable(alert), schema("alert-v1.schema.json"))
    assert from_json(AlertPayload, to_json(alert)) == alert
    digest = render_digest(HEADING, [DigestStory(alert, versions=2)])[0].payload
    jsonschema.validate(to_jsonable(digest), schema("digest-v1.schema.json"))


def test_compact_json_keeps_non_ascii_text_as_written() -> None:
    record = make_record(headline="Zürich ferry “approved”")
    assert '"headline":"Zürich ferry “approved”"' in to_json(record)


def test_an_offset_other_than_utc_is_kept() -> None:
    moment = datetime(2026, 11, 20, 9, 0, tzinfo=timezone(timedelta(hours=1)))
    assert to_jsonable(moment) == "2026-11-20T09:00:00+01:00"


def test_keys_a_newer_writer_adds_are_ignored() -> None:
    document = to_jsonable(make_record()) | {"added_in_a_later_version": True}
    assert from_jsonable(SummaryRecord, document) == make_record()


@pytest.mark.parametrize(
    ("path", "value", "problem"),
    [
        (["article_id"], None, "article_id: expected str, got NoneType"),
        (["summary", "fallback_reason"], 3, "fallback_reason: expected str, got int"),
        (["summary", "takeaways", 0, "evidence", 0], "3", "evidence[0]: expected int"),
        (["summary", "takeaways", 0, "evidence", 0], True, "evidence[0]: expected int"),
        (["summary", "entities", 0, "kind"], "animal", "kind: 'animal' is not one of"),
        (
            ["summary", "takeaways"],
            [{"text": "A fact.", "evidence": [0]}] * 6,
            "takeaways: 6 is outside the bound max_length=5",
        ),
        (["summary", "headline"], "", "headline: 0 is outside the bound min_length=1"),
        (["summarised_at"], "yesterday", "summarised_at: expected an ISO 8601"),
        (["schema_version"], 2, "schema_version: 2 is not one of [1]"),
        (["source_object"], "s3://articles/x", "source_object: expected an object"),
    ],
)
def test_a_malformed_record_is_refused_with_the_path_to_the_problem(
    path: list[str | int], value: Any, problem: str
) -> None:
    document = to_jsonable(make_record())
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    with pytest.raises(RecordInvalid, match=re.escape(problem)):
        from_jsonable(SummaryRecord, document)


def test_a_missing_required_field_and_text_that_is_not_json_are_refused() -> None:
    document = to_jsonable(make_record())
    del document["summary"]["engine"]
    with pytest.raises(RecordInvalid, match=r"SummaryRecord\.summary\.engine: required"):
        from_jsonable(SummaryRecord, document)
    with pytest.raises(RecordInvalid, match="not JSON"):
        from_json(SummaryRecord, b"{ truncated")


def test_plain_dicts_where_records_belong_are_refused_at_construction() -> None:
    summary = make_record().summary
    with pytest.raises(TypeError, match="takeaways holds a dict, not a Takeaway"):
        TakeawaySummary(
            headline=summary.headline,
            summary=summary.summary,
            takeaways=to_jsonable(summary.takeaways),
            engine=summary.engine,
        )
