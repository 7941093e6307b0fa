"""Chat channels on the local stack: subscribed with the CLI, posted by ChatFunction to loopback Slack, Teams and
Discord webhooks that check every message as the platforms do and answer as they do (rate limits included)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest

from infra.chat_servers import ChatServers
from infra.event_sources import EventSourceRunner
from infra.local_stack import DeployedStack, deploy, stack_file_content
from takeaways.alerts.chat.limits import PLATFORMS
from takeaways.cli import main
from takeaways.exit_codes import ExitCode
from tests.integration.inboxes import FERRY_HEADLINE, FERRY_STORY

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
OTHER_STORY = (
    "Lowmoor dam: engineers order evacuation of 2,000 homes\n\n"
    "Engineers ordered the evacuation of about 2,000 homes below the Lowmoor dam on Tuesday after cracks "
    "appeared in its spillway following a week of heavy rain, the county emergency service said.\n\n"
    "Residents were told to evacuate by 6 p.m. and go to relief centres at two schools in Harnby. Police closed "
    "the valley road, and the army sent pumps to lower the reservoir.\n"
)


@pytest.fixture
def chat() -> Iterator[ChatServers]:
    with ChatServers() as servers:
        yield servers


def _forget() -> None:
    from aws_lambda_powertools.utilities import parameters

    from takeaways.adapters.clients import forget_clients
    from takeaways.handlers.dependencies import forget_dependencies

    forget_dependencies()
    forget_clients()
    parameters.clear_caches()  # type: ignore[no-untyped-call]


@pytest.fixture
def stack(moto_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[DeployedStack]:
    """The template as `make up` deploys it (loopback allowed), with its stack file in the working directory."""
    _forget()
    deployed = deploy(ROOT / "template.yaml", stack_name="chat", parameters={"FetchAllowLoopback": "true"})
    (tmp_path / ".takeaways").mkdir()
    (tmp_path / ".takeaways" / "local-stack.json").write_text(
        json.dumps(stack_file_content(deployed, moto_server))
    )
    monkeypatch.chdir(tmp_path)
    yield deployed
    _forget()


def upload_and_run(
    stack: DeployedStack, text: str = FERRY_STORY, key: str = "incoming/ferry.txt"
) -> EventSourceRunner:
    boto3.client("s3").put_object(Bucket=stack.physical_id("ArticlesBucket"), Key=key, Body=text.encode())
    runner = EventSourceRunner(stack, redelivery_delay_seconds=0)
    runner.run_until_idle(timeout_s=60)
    return runner


def dead_letters(stack: DeployedStack) -> list[dict[str, Any]]:
    sqs = boto3.client("sqs")
    found: list[dict[str, Any]] = []
    url = stack.physical_id("ChatDeadLetterQueue")
    while batch := sqs.receive_message(
        QueueUrl=url, MaxNumberOfMessages=10, MessageAttributeNames=["All"]
    ).get("Messages", []):
        found += [dict(message) for message in batch]
        for message in batch:
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
    return found


def channel_secrets() -> list[str]:
    names = [item["Name"] for item in boto3.client("secretsmanager").list_secrets()["SecretList"]]
    return [name for name in names if name.startswith("takeaways/chat/")]


def subscribe(platform: str, url: str, *filters: str) -> None:
    assert main(["subscribe", "--protocol", platform, "--endpoint", url, *filters]) == 0


def test_an_alert_reaches_each_platform_in_its_own_format(
    stack: DeployedStack, chat: ChatServers, capsys: pytest.CaptureFixture[str]
) -> None:
    for platform in PLATFORMS:
        subscribe(platform, chat.url(platform))
    said = capsys.readouterr().out
    assert "subscribed a slack channel on 127.0.0.1" in said and "takeaways/chat/" in said
    upload_and_run(stack)
    [slack] = chat.received("slack")
    assert slack.body["blocks"][0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": FERRY_HEADLINE},
    }
    assert "1,400 passengers" in json.dumps(slack.body) or "Westwater" in json.dumps(slack.body)
    [teams] = chat.received("teams")
    card = teams.body["attachments"][0]["content"]
    assert card["type"] == "AdaptiveCard" and card["body"][0]["text"] == FERRY_HEADLINE
    [discord] = chat.received("discord")
    assert discord.body["embeds"][0]["title"] == FERRY_HEADLINE and discord.body["allowed_mentions"] == {
        "parse": []
    }
    assert all(item.headers["content-type"].startswith("application/json") for item in chat.received())
    assert not dead_letters(stack)


def test_a_channel_s_filter_policy_keeps_out_what_it_did_not_ask_for(
    stack: DeployedStack, chat: ChatServers
) -> None:
    subscribe("slack", chat.url("slack"), "--topics", "sport")
    subscribe("discord", chat.url("discord"), "--min-priority", "1")
    upload_and_run(stack)
    assert not chat.received("slack")
    assert [item.body["embeds"][0]["title"] for item in chat.received("discord")] == [FERRY_HEADLINE]


def test_a_rate_limited_post_is_sent_again_after_retry_after(stack: DeployedStack, chat: ChatServers) -> None:
    subscribe("discord", chat.url("discord"))
    chat.rate_limit(1, retry_after=0.5)
    upload_and_run(stack)
    assert chat.answered("discord") == [429, 204]
    assert len(chat.received("discord")) == 1


def test_a_rate_limit_longer_than_the_invocation_is_retried_by_lambda_then_kept(
    stack: DeployedStack, chat: ChatServers
) -> None:
    subscribe("slack", chat.url("slack"))
    chat.rate_limit(1, retry_after=600)
    runner = upload_and_run(stack)
    assert chat.answered("slack") == [429, 200]  # the invocation gave up at once; Lambda's retry posted it
    assert [outcome.error is None for outcome in runner.asynchronous.outcomes] == [False, True]
    chat.reset()
    chat.rate_limit(10, retry_after=600)
    upload_and_run(stack, OTHER_STORY, key="incoming/dam.txt")
    assert chat.answered("slack") == [429, 429, 429]  # the invocation and Lambda's two retries
    [kept] = dead_letters(stack)
    assert kept["MessageAttributes"]["ErrorMessage"]["StringValue"].startswith(
        "ChatPostDeferred: rate_limited"
    )
    assert json.loads(kept["Body"])["Records"][0]["EventSource"] == "aws:sns"


def test_a_refused_post_goes_to_the_chat_dlq_at_once_and_is_counted(
    stack: DeployedStack, chat: ChatServers, capfd: pytest.CaptureFixture[str]
) -> None:
    subscribe("teams", chat.url("teams"))
    chat.fail(1, status=400)
    upload_and_run(stack)
    assert chat.answered("teams") == [400]  # never retried
    assert main(["status"]) == 0
    output = capfd.readouterr().out
    assert "1 chat post(s) undelivered, kept in the chat DLQ" in output  # SNS counts it delivered
    [kept] = dead_letters(stack)
    assert kept["MessageAttributes"]["ErrorCode"]["StringValue"] == "http_400"
    assert "teams: HTTP 400" in kept["MessageAttributes"]["ErrorMessage"]["StringValue"]
    record = json.loads(kept["Body"])["Records"][0]
    assert json.loads(record["Sns"]["Message"])["headline"] == FERRY_HEADLINE
    metrics = [json.loads(line) for line in output.splitlines() if '"ChatPostsRefused"' in line]
    assert [(line["ChatPostsRefused"], line["reason"]) for line in metrics] == [([1.0], "http_400")]


def test_redrive_chat_posts_what_the_chat_dlq_kept_once_the_channel_works_again(
    stack: DeployedStack, chat: ChatServers, capsys: pytest.CaptureFixture[str]
) -> None:
    subscribe("slack", chat.url("slack"))
    chat.fail(1, status=404)
    runner = upload_and_run(stack)
    assert not chat.received("slack")
    assert main(["redrive", "chat"]) == 0
    assert "sent 1 message(s)" in capsys.readouterr().out
    runner.run_until_idle(timeout_s=30)
    assert [item.body["blocks"][0]["text"]["text"] for item in chat.received("slack")] == [FERRY_HEADLINE]
    assert not dead_letters(stack)


def test_listing_shows_platform_and_host_never_the_url_and_unsubscribe_removes_the_secret(
    stack: DeployedStack, chat: ChatServers, capsys: pytest.CaptureFixture[str]
) -> None:
    url = chat.url("discord")
    subscribe("discord", url, "--topics", "economy")
    capsys.readouterr()
    assert main(["subscriptions"]) == 0
    listing = capsys.readouterr().out
    assert "discord    127.0.0.1" in listing and "chat message delivery" in listing
    assert '{"topics": ["economy"]}' in listing
    assert "/api/webhooks/" not in listing
    [secret] = channel_secrets()
    assert f"webhook URL in the secret {secret}" in listing
    with pytest.raises(SystemExit, match="already subscribed"):
        main(["subscribe", "--protocol", "discord", "--endpoint", url])
    assert len(channel_secrets()) == 1
    assert main(["unsubscribe", url]) == 0
    assert "unsubscribed discord:127.0.0.1" in capsys.readouterr().out
    assert not channel_secrets()
    assert not boto3.client("sns").list_subscriptions_by_topic(TopicArn=stack.physical_id("SubscriberTopic"))[
        "Subscriptions"
    ]
    upload_and_run(stack)
    assert not chat.received()


def test_a_channel_cannot_be_moved_to_a_digest_and_stays_instant(
    stack: DeployedStack, chat: ChatServers, capsys: pytest.CaptureFixture[str]
) -> None:
    url = chat.url("slack")
    subscribe("slack", url)
    with pytest.raises(SystemExit, match="digests are not posted to chat"):
        main(["preferences", url, "--frequency", "weekly"])
    capsys.readouterr()
    assert main(["subscriptions"]) == 0
    assert "instant, confirmed" in capsys.readouterr().out
    assert main(["unsubscribe", url]) == 0


def test_a_webhook_that_is_not_the_platform_s_is_refused_in_one_line(
    stack: DeployedStack, capsys: pytest.CaptureFixture[str]
) -> None:
    for platform, url, says in (
        ("slack", "https://hooks.slack.com/workflows/T/A/1", "not a Slack incoming webhook"),
        ("teams", "https://contoso.webhook.office.com/webhookb2/x", "Office 365 connector"),
        ("discord", "http://discord.com/api/webhooks/1/t", "over https"),
    ):
        with pytest.raises(SystemExit) as refused:
            main(["subscribe", "--protocol", platform, "--endpoint", url])
        assert refused.value.code == ExitCode.USAGE_OR_REJECTED
        [line] = capsys.readouterr().err.splitlines()
        assert says in line
    with pytest.raises(SystemExit):
        main(
            [
                "subscribe",
                "--protocol",
                "slack",
                "--endpoint",
                "https://hooks.slack.com/services/T/B/x",
                "--frequency",
                "daily",
            ]
        )
    assert "not posted to chat" in capsys.readouterr().err


def test_loopback_is_refused_on_a_stack_without_the_loopback_switch(local_stack_file: DeployedStack) -> None:
    with pytest.raises(SystemExit, match="FetchAllowLoopback"):
        main(["subscribe", "--protocol", "slack", "--endpoint", "http://127.0.0.1:9/slack/services/T/B/x"])
    assert not boto3.client("sns").list_subscriptions_by_topic(
        TopicArn=local_stack_file.physical_id("SubscriberTopic")
    )["Subscriptions"]
