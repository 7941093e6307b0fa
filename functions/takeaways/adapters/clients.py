"""boto3 clients, created once per container and only when first needed.

boto3 is imported lazily so a handler's import stays cheap; ``AWS_ENDPOINT_URL``
(set by the local stack) routes every client to moto's server.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_secretsmanager import SecretsManagerClient
    from mypy_boto3_sns import SNSClient
    from mypy_boto3_sqs import SQSClient


@cache
def _session() -> Any:
    """One session for every client: the endpoint and partition data are loaded once, not per client."""
    import boto3

    return boto3.session.Session()


@cache
def _client(service: str) -> Any:
    from botocore.config import Config

    return _session().client(service, config=Config(retries={"mode": "standard", "max_attempts": 4}))


def s3_client() -> S3Client:
    client: S3Client = _client("s3")
    return client


def sns_client() -> SNSClient:
    client: SNSClient = _client("sns")
    return client


def sqs_client() -> SQSClient:
    client: SQSClient = _client("sqs")
    return client


def secretsmanager_client() -> SecretsManagerClient:
    client: SecretsManagerClient = _client("secretsmanager")
    return client


def dynamodb_client() -> DynamoDBClient:
    client: DynamoDBClient = _client("dynamodb")
    return client


def forget_clients() -> None:
    """Drop cached clients, for tests that switch endpoints or credentials."""
    _client.cache_clear()
    _session.cache_clear()
