"""The published contracts: each JSON Schema file in ``schemas/`` and the record it is generated from."""

from __future__ import annotations

from takeaways.alerts.digest import DIGEST_SCHEMA_ID, DigestPayload
from takeaways.alerts.payload import ALERT_SCHEMA_ID, AlertPayload
from takeaways.records import json_schema
from takeaways.summary import SUMMARY_RECORD_SCHEMA_ID, SummaryRecord

CONTRACTS: dict[str, tuple[type, str]] = {
    "alert-v1.schema.json": (AlertPayload, ALERT_SCHEMA_ID),
    "digest-v1.schema.json": (DigestPayload, DIGEST_SCHEMA_ID),
    "summary-record-v1.schema.json": (SummaryRecord, SUMMARY_RECORD_SCHEMA_ID),
}


def published_schemas() -> dict[str, str]:
    """File name to the exact text of each schema file (generating them imports pydantic)."""
    return {name: json_schema(record, schema_id) for name, (record, schema_id) in CONTRACTS.items()}
