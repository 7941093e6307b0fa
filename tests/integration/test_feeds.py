"""Feeds end to end on moto's server: `takeaways feeds add`, the poller's schedule fired, alerts out."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest

from infra.event_sources import EventSourceRunner
from infra.feed_site import LoopbackSite
from infra.local_stack import DeployedStack, deploy
from infra.schedules import ScheduleRunner
from infra.subscribers import subscribe_queue
from takeaways.cli import main

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_FEED = ROOT / "samples" / "feeds" / "coastal-times"


def _stack(moto_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loopback: str) -> DeployedStack:
    from takeaways.adapters.clients import forget_clients
    from takeaways.handlers.dependencies import forget_dependencies
    from takeaways.handlers.feed_poller import feed_poller_dependencies

    forget_dependencies()
    forget_clients()
    feed_poller_dependencies.cache_clear()
    stack = deploy(ROOT / "template.yaml", stack_name="feeds", parameters={"FetchAllowLoopback": loopback})
    (tmp_path / ".takeaways").mkdir()
    (tmp_path / ".takeaways" / "local-stack.json").write_text(
        json.dumps({"endpoint_url": moto_server, "region": "us-east-1", "resources": stack.physical_ids})
    )
    monkeypatch.chdir(tmp_path)
    return stack


@pytest.fixture
def site() -> Iterator[LoopbackSite]:
    with LoopbackSite() as running:
        running.add_directory(SAMPLE_FEED)
        yield running


def alerts_after_polling(stack: DeployedStack, inbox: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    runner = EventSourceRunner(stack, redelivery_delay_seconds=0)
    outcome = ScheduleRunner(runner).fire("FeedPollerFunction")
    runner.run_until_idle(timeout_s=60)
    sqs = boto3.client("sqs")
    alerts: list[dict[str, Any]] = []
    while messages := sqs.receive_message(QueueUrl=inbox, MaxNumberOfMessages=10).get("Messages", []):
        for message in messages:
            alerts.append(json.loads(json.loads(message["Body"])["Message"]))
            sqs.delete_message(QueueUrl=inbox, ReceiptHandle=message["ReceiptHandle"])
    return outcome, alerts


def test_a_feed_added_with_one_command_becomes_alerts_once_each(
    moto_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, site: LoopbackSite
) -> None:
    stack = _stack(moto_server, tmp_path, monkeypatch, loopback="true")
    inbox = subscribe_queue(stack.physical_id("AlertsTopic"), "feeds-inbox")
    assert (
        main(
            [
                "feeds",
                "add",
                site.url("/feed.xml"),
                "--source",
                "Coastal Times",
                "--topics",
                "economy",
                "--trusted",
            ]
        )
        == 0
    )

    outcome, alerts = alerts_after_polling(stack, inbox)

    assert (outcome["articles"], outcome["rejected"]) == (2, {})
    assert sorted(alert["headline"] for alert in alerts) == [
        "Harbour school wins national robotics prize",
        "Night ferry to the islands returns after a two-year pause",
    ]
    assert {alert["source"] for alert in alerts} == {"Coastal Times"}
    listed = boto3.client("s3").list_objects_v2(
        Bucket=stack.physical_id("ArticlesBucket"), Prefix="incoming/"
    )
    keys = [item["Key"] for item in listed["Contents"]]
    assert len(keys) == 2 and all(key.startswith("incoming/feeds/coastal-times/") for key in keys)

    # The same story reaches a second feed under a tracking link: it is not fetched or alerted again.
    site.add(
        "/wire.json",
        json.dumps(
            {
                "version": "https://jsonfeed.org/version/1.1",
                "title": "Island Wire",
                "items": [{"id": "w-1", "url": site.url("/news/night-ferry-returns.html?utm_campaign=wire")}],
            }
        ),
        "application/feed+json",
    )
    assert main(["feeds", "add", site.url("/wire.json"), "--source", "Island Wire", "--every", "5"]) == 0
    again, more = alerts_after_polling(stack, inbox)
    assert (again["feeds_due"], again["duplicates"], again["articles"], more) == (1, 1, 0, [])
    assert site.requests["/news/night-ferry-returns.html"] == 1


def test_feeds_list_shows_a_failing_feed_and_remove_stops_it(
    moto_server: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    site: LoopbackSite,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stack = _stack(moto_server, tmp_path, monkeypatch, loopback="true")
    site.add("/broken.xml", "<?xml version='1.0'?><rss><channel><title>Half a feed", "application/rss+xml")
    assert main(["feeds", "add", site.url("/broken.xml"), "--source", "Broken Gazette"]) == 0
    outcome, _ = alerts_after_polling(stack, subscribe_queue(stack.physical_id("AlertsTopic"), "none"))
    assert outcome["feeds_failed"] == 1 and outcome["rejected"] == {"malformed_feed": 1}
    capsys.readouterr()
    assert main(["feeds", "list"]) == 0
    listing = capsys.readouterr().out
    assert "Broken Gazette" in listing and "last error: malformed_feed" in listing
    [rejection] = boto3.client("s3").list_objects_v2(
        Bucket=stack.physical_id("ArticlesBucket"), Prefix="rejected/feeds/broken-gazette/"
    )["Contents"]
    assert rejection["Key"].endswith(".json")
    assert main(["feeds", "remove", site.url("/broken.xml")]) == 0
    assert main(["feeds", "remove", site.url("/broken.xml")]) == 1


def test_with_the_templates_default_a_loopback_feed_is_refused(
    moto_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, site: LoopbackSite
) -> None:
    stack = _stack(moto_server, tmp_path, monkeypatch, loopback="false")
    assert main(["feeds", "add", site.url("/feed.xml"), "--source", "Coastal Times"]) == 0
    outcome, alerts = alerts_after_polling(stack, subscribe_queue(stack.physical_id("AlertsTopic"), "inbox"))
    assert outcome["rejected"] == {"blocked_address": 1} and alerts == []
    assert sum(site.requests.values()) == 0
