from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
from aws_lambda_powertools.utilities import parameters
from moto import mock_aws

from takeaways.adapters.secrets import ApiKeyUnavailable, read_api_key
from takeaways.config import Settings
from takeaways.handlers.dependencies import RemainingTime, summary_engine

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def secrets() -> Iterator[object]:
    # powertools caches parameters across moto contexts and ignores arguments in the cache key
    parameters.clear_caches()  # type: ignore[no-untyped-call]
    with mock_aws():
        yield boto3.client("secretsmanager")
    parameters.clear_caches()  # type: ignore[no-untyped-call]


def settings(secret: str) -> Settings:
    return Settings(articles_bucket="bucket", idempotency_table="table", openai_api_key_secret=secret)


def test_a_plain_secret_is_the_key(secrets: object) -> None:
    boto3.client("secretsmanager").create_secret(Name="takeaways/openai", SecretString="sk-plain")
    assert read_api_key("takeaways/openai", max_age=60) == "sk-plain"


def test_a_json_secret_gives_its_api_key_field(secrets: object) -> None:
    boto3.client("secretsmanager").create_secret(
        Name="takeaways/openai", SecretString=json.dumps({"api_key": "sk-j"})
    )
    assert read_api_key("takeaways/openai", max_age=60) == "sk-j"


@pytest.mark.parametrize("value", ["   ", json.dumps({"other": "x"})])
def test_a_secret_without_a_key_is_refused(secrets: object, value: str) -> None:
    boto3.client("secretsmanager").create_secret(Name="takeaways/openai", SecretString=value)
    with pytest.raises(ApiKeyUnavailable, match="holds no API key"):
        read_api_key("takeaways/openai", max_age=60)


def test_a_missing_secret_is_reported_without_its_value(secrets: object) -> None:
    with pytest.raises(ApiKeyUnavailable, match="could not be read"):
        read_api_key("takeaways/missing", max_age=60)


def test_a_configured_secret_selects_the_model_engine_backed_by_the_extractive_one(secrets: object) -> None:
    boto3.client("secretsmanager").create_secret(Name="takeaways/openai", SecretString="sk-plain")
    engine = summary_engine(settings("takeaways/openai"), RemainingTime())
    assert engine.name == "openai:gpt-4o-mini"


def test_an_unreadable_secret_still_summarises_and_says_why(secrets: object) -> None:
    from takeaways.article import Article

    engine = summary_engine(settings("takeaways/missing"), RemainingTime())
    summary = engine.summarise(
        Article(body="The pier reopened on Sunday after repairs. Anglers returned at dawn.")
    )
    assert (summary.engine, summary.fallback_reason) == ("extractive", "api_key_unavailable")


def test_no_handler_imports_openai_on_the_extractive_path() -> None:
    probe = (
        "import sys; import takeaways.handlers.summarise, takeaways.handlers.notify, takeaways.handlers.digest; "
        "print('openai' in sys.modules)"
    )
    output = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={
            "PYTHONPATH": str(ROOT / "functions"),
            "POWERTOOLS_TRACE_DISABLED": "true",
            "PATH": "/usr/bin:/bin",
        },
    )
    assert output.stdout.strip() == "False"


def test_the_key_is_cached_for_max_age_so_a_rotation_arrives_after_it(secrets: object) -> None:
    client = boto3.client("secretsmanager")
    client.create_secret(Name="takeaways/openai", SecretString="sk-old")
    assert read_api_key("takeaways/openai", 300) == "sk-old"
    client.put_secret_value(SecretId="takeaways/openai", SecretString="sk-new")
    assert read_api_key("takeaways/openai", 300) == "sk-old"  # a warm container does not call per article
    parameters.clear_caches()  # type: ignore[no-untyped-call]  # what max_age expiring amounts to
    assert read_api_key("takeaways/openai", 300) == "sk-new"


def test_a_refused_secret_never_shows_its_value(secrets: object) -> None:
    boto3.client("secretsmanager").create_secret(
        Name="takeaways/openai", SecretString=json.dumps({"key": "sk-hidden-value"})
    )
    with pytest.raises(ApiKeyUnavailable) as refused:
        read_api_key("takeaways/openai", 60)
    assert "sk-hidden-value" not in str(refused.value) and refused.value.__cause__ is None
