"""Every catalogue case against the real template on in-process moto: each input ends where it should."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator

import boto3
import pytest
from aws_lambda_powertools.utilities import parameters
from moto import mock_aws

from infra.event_sources import EventSourceRunner
from infra.local_stack import deploy
from takeaways.adapters.clients import forget_clients
from takeaways.handlers.dependencies import forget_dependencies
from takeaways.observability import logger
from tests.catalogue.cases import CASES, DEAD_LETTER, TWO_OUTLETS, Case
from tests.catalogue.harness import ROOT, Harness, Outcome
from tests.catalogue.render import render_catalogue

CATALOGUE_DOC = ROOT / "docs" / "bad-input-catalogue.md"


@pytest.fixture
def harness(monkeypatch: pytest.MonkeyPatch) -> Iterator[Harness]:
    with mock_aws():
        stack = deploy(ROOT / "template.yaml", stack_name="catalogue")
        sqs = boto3.client("sqs")
        inbox = sqs.create_queue(QueueName="catalogue-inbox")["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=inbox, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        boto3.client("sns").subscribe(TopicArn=stack.physical_id("AlertsTopic"), Protocol="sqs", Endpoint=arn)
        forget_dependencies()
        forget_clients()
        parameters.clear_caches()  # type: ignore[no-untyped-call]
        yield Harness(stack, EventSourceRunner(stack, redelivery_delay_seconds=0), inbox)
        forget_dependencies()
        forget_clients()


def test_the_catalogue_has_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30
    assert len({case.name for case in CASES}) == len(CASES)


def test_the_catalogue_document_is_current() -> None:
    assert CATALOGUE_DOC.read_text() == render_catalogue(CASES), "run: .venv/bin/python -m tests.catalogue"


@pytest.fixture
def function_logs() -> Iterator[io.StringIO]:
    """The functions' JSON log lines, formatted exactly as powertools writes them to CloudWatch."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(logger.registered_formatter)
    logging.getLogger(logger.name).addHandler(handler)
    yield buffer
    logging.getLogger(logger.name).removeHandler(handler)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case_ends_where_the_catalogue_says(
    case: Case, harness: Harness, capfd: pytest.CaptureFixture[str], function_logs: io.StringIO
) -> None:
    key = case.act(harness)
    with case.faults() as calls:
        harness.settle()
    outcome = harness.outcome()
    outcome.log = capfd.readouterr().out + function_logs.getvalue()
    check_expected(case, key, outcome, calls)
    assert '"level"' in outcome.log, "the functions' JSON logs are captured"
    assert "feel like a street again" not in outcome.log, "logs must never carry article text"
    check_specifics(case, key, outcome, calls)
    if case.check is not None:
        case.check(outcome, key)


def check_expected(case: Case, key: str | None, outcome: Outcome, calls: object) -> None:
    expected = case.expected
    if expected.startswith("rejected: "):
        reason = expected.removeprefix("rejected: ").split()[0]
        rejections = (
            [outcome.rejections[key]]
            if key
            else [r for k, r in outcome.rejections.items() if k.startswith("sqs://")]
        )
        assert [r["reason"] for r in rejections] == [reason]
        assert key not in outcome.summaries
        assert len(outcome.alerts) == case.neighbours
        if case.neighbours:  # (a case may plant a record under summaries/ that is no summary of its own)
            assert len(outcome.summaries) == case.neighbours
        assert reason in outcome.metric_reasons("InputsRejected")
        assert outcome.dead_letters == 0
    elif expected.startswith("ignored: "):
        assert not outcome.summaries and not outcome.rejections and not outcome.alerts
        assert expected.removeprefix("ignored: ") in outcome.metric_reasons("EventsIgnored")
    elif expected == DEAD_LETTER:
        assert outcome.dead_letters == 1
        assert key not in outcome.summaries and not outcome.alerts
    elif expected == TWO_OUTLETS:
        assert len(outcome.summaries) == 2 and len(outcome.alerts) == 1
        assert outcome.digest_lines == 1
        assert "same_story" in outcome.metric_reasons("DuplicatesSkipped")
    elif expected.startswith("summary"):
        assert key is not None and key in outcome.summaries, f"no summary; rejections: {outcome.rejections}"
        summary_object = [
            a for a in outcome.alerts if a["summary_object"].endswith(_summary_suffix(outcome, key))
        ]
        alerted = 0 if "alert in the dead-letter queue" in expected else 1
        assert len(summary_object) == alerted
        assert len(outcome.alerts) == alerted + case.neighbours
        assert outcome.dead_letters == (1 - alerted)
        assert outcome.digest_lines == alerted + case.neighbours, (
            "every alert that went out has one digest line"
        )
        assert not outcome.rejections
    else:
        raise AssertionError(f"no check for expectation {expected!r}")


def check_specifics(case: Case, key: str | None, outcome: Outcome, calls: object) -> None:
    """What the expectation's wording promises beyond where the input ended."""
    summary = outcome.summaries[key]["summary"] if key in outcome.summaries else None
    alert_text = " ".join(str(alert) for alert in outcome.alerts)
    if "after a retry" in case.expected or case.name == "too large":
        assert isinstance(calls, list)
        assert calls[0] == (0 if case.name == "too large" else 1)
    if case.name == "french":
        assert summary is not None and summary["language"] == "fr"
    if case.name == "injection":
        assert "evil.example" not in alert_text
        assert "previous instructions" not in alert_text.lower()
    if case.name == "emoji title":
        assert outcome.alerts[0]["headline"].startswith("\u201cMarket hall\u201d")
    if case.name == "html with scripts":
        assert "track(" not in alert_text and "tracking" not in alert_text
    if case.name == "one long sentence":
        assert summary is not None
        assert all(len(t["text"].split()) <= 60 for t in summary["takeaways"])
    if case.name == "overwritten":
        current = (
            boto3.client("s3").head_object(Bucket=_bucket(outcome, key), Key=key or "")["ETag"].strip('"')
        )
        assert key is not None and outcome.summaries[key]["source_object"]["etag"] == current
        assert "superseded" in outcome.metric_reasons("EventsIgnored")
    if case.name == "publish answer lost":
        assert "AlertsUnconfirmed" in outcome.log
    if case.name in {"digest line throttled", "killed after publish"}:
        assert "alert publish unconfirmed" in outcome.log  # the retry found it pending and did not re-send
    if case.name == "alert event repeated":
        assert "alert_already_sent" in outcome.metric_reasons("DuplicatesSkipped")
    if case.name in {"duplicate event", "concurrent duplicates"}:
        assert "repeated_event" in outcome.metric_reasons("DuplicatesSkipped")


def _summary_suffix(outcome: Outcome, key: str) -> str:
    return f"/summaries/{outcome.summaries[key]['article_id']}.json"


def _bucket(outcome: Outcome, key: str | None) -> str:
    return re.sub(r"^s3://([^/]+)/.*$", r"\1", outcome.alerts[0]["summary_object"])
