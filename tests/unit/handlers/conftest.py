"""The real template deployed onto in-process moto, with the functions' environment applied."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

import boto3
import pytest
from aws_lambda_powertools.utilities import parameters
from moto import mock_aws

from infra.local_stack import DeployedStack, deploy
from takeaways.adapters.clients import forget_clients
from takeaways.handlers.dependencies import forget_dependencies

TEMPLATE = Path(__file__).resolve().parents[3] / "template.yaml"


@pytest.fixture
def stack(monkeypatch: pytest.MonkeyPatch) -> Iterator[DeployedStack]:
    with mock_aws():
        deployed = deploy(TEMPLATE, stack_name="unit")
        environment: dict[str, str] = {}
        for function in deployed.functions.values():
            environment |= function.environment
        for name, value in environment.items():
            monkeypatch.setenv(name, value)
        forget_dependencies()
        forget_clients()
        parameters.clear_caches()  # type: ignore[no-untyped-call]
        yield deployed
        forget_dependencies()
        forget_clients()
    os.environ.pop("AWS_ENDPOINT_URL", None)


def sqs_event(*bodies: str, queue_arn: str = "arn:aws:sqs:us-east-1:123456789012:ingest") -> dict[str, Any]:
    """A Lambda SQS event with one record per body, shaped as Lambda delivers it."""
    return {
        "Records": [
            {
                "messageId": str(uuid.uuid4()),
                "receiptHandle": f"handle-{index}",
                "body": body,
                "attributes": {
                    "ApproximateReceiveCount": "1",
                    "SentTimestamp": "1764072000000",
                    "SenderId": "AIDAEXAMPLE",
                    "ApproximateFirstReceiveTimestamp": "1764072000001",
                },
                "messageAttributes": {},
                "md5OfBody": "0" * 32,
                "eventSource": "aws:sqs",
                "eventSourceARN": queue_arn,
                "awsRegion": "us-east-1",
            }
            for index, body in enumerate(bodies)
        ]
    }


def s3_notification(
    bucket: str, key: str, etag: str | None = None, event_name: str = "ObjectCreated:Put"
) -> str:
    """The body S3 sends to SQS for one object event (keys are form-encoded)."""
    if etag is None:
        etag = boto3.client("s3").head_object(Bucket=bucket, Key=key)["ETag"].strip('"')
    return json.dumps(
        {
            "Records": [
                {
                    "eventVersion": "2.1",
                    "eventSource": "aws:s3",
                    "awsRegion": "us-east-1",
                    "eventTime": "2026-11-25T12:00:00.000Z",
                    "eventName": event_name,
                    "s3": {
                        "s3SchemaVersion": "1.0",
                        "configurationId": "incoming",
                        "bucket": {"name": bucket, "arn": f"arn:aws:s3:::{bucket}"},
                        "object": {
                            "key": quote_plus(key, safe="/"),
                            "size": 1,
                            "eTag": etag,
                            "sequencer": "01",
                        },
                    },
                }
            ]
        }
    )
