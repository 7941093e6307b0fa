"""The published records: dataclasses and the schema files stay in step, and JSON comes back as it went."""

from __future__ import annotations

import json
import re
from dataclasses import MISSING, fields, is_dataclass, replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, get_args, get_type_hints

import jsonschema
import pytest

from takeaways.alerts.digest import DigestPayload, render_digest
from takeaways.alerts.payload import AlertPayload
from takeaways.alerts.render import render_alert
from takeaways.records import RecordInvalid, from_json, from_jsonable, to_json, to_jsonable
from takeaways.summary import SummaryRecord, TakeawaySummary
from tests.unit.alerts.test_render import make_record

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"
CONTRACTS = [
    ("summary-record-v1.schema.json", SummaryRecord),
    ("alert-v1.schema.json", AlertPayload),
    ("digest-v1.schema.json", DigestPayload),
]


def schema(name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((SCHEMAS / name).read_text())
    return document


def records_within(record_type: type) -> list[type]:
    """The record and every dataclass its fields hold, however deeply."""
    found = [record_type]
    for kind in get_type_hints(record_type).values():
        for inner in [kind, *get_args(kind)]:
            if isinstance(inner, type) and is_dataclass(inner) and inner not in found:
                found += [t for t in records_within(inner) if t not in found]
    return found


@pytest.mark.parametrize(("file_name", "record_type"), CONTRACTS)
def test_every_record_in_a_contract_has_exactly_the_schemas_properties(
    file_name: str, record_type: type
) -> None:
    document = schema(file_name)
    for kind in records_within(record_type):
        shape = document if kind is record_type else document["$defs"][kind.__name__]
        names = {field.name for field in fields(kind)}
        required = {
            field.name
            for field in fields(kind)
            if field.default is MISSING and field.default_factory is MISSING
        }
        assert set(shape["properties"]) == names, kind.__name__
        assert set(shape.get("required", [])) == required, kind.__name__


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
    digest = render_digest("2026-11-20", [alert]).payload
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
        (["summary", "takeaways"], [], "1 to 5 takeaways"),
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
