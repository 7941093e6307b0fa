"""Preference links on the local stack: followed with a real HTTP client and in a real headless browser.

An alert's copy reaches an SQS subscriber with its links; following one shows a page and changes
nothing; confirming changes that subscription once; a replayed or altered link changes nothing;
unsubscribing from a link ends the subscription, so the next alert does not arrive.
"""

from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest

from infra.chat_servers import ChatServers
from infra.event_sources import EventSourceRunner
from infra.function_urls import FunctionUrls
from infra.local_stack import DeployedStack, deploy, stack_file_content
from takeaways.adapters.operator import subscriber_registry
from takeaways.cli import main
from tests.integration.conftest import made_subscriptions
from tests.integration.inboxes import drained_bodies, new_inbox

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "articles"
ARTIFACTS = Path(os.environ.get("TAKEAWAYS_TEST_ARTIFACTS", ROOT / "test-artifacts"))
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")


@pytest.fixture
def stack(moto_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[DeployedStack]:
    """The template with PreferencesFunction's URL served on loopback, and the CLI pointed at it (chat
    webhooks on loopback allowed)."""
    from aws_lambda_powertools.utilities import parameters

    from takeaways.adapters.clients import forget_clients
    from takeaways.handlers.dependencies import forget_dependencies

    def forget() -> None:
        forget_dependencies()
        forget_clients()
        parameters.clear_caches()  # type: ignore[no-untyped-call]

    forget()
    with FunctionUrls(ROOT / "template.yaml") as urls:
        deployed = deploy(
            ROOT / "template.yaml",
            stack_name="links",
            function_urls=urls.urls,
            parameters={"FetchAllowLoopback": "true"},
        )
        runner = EventSourceRunner(deployed, redelivery_delay_seconds=0)
        urls.serve(runner.invoke)
        (tmp_path / ".takeaways").mkdir()
        (tmp_path / ".takeaways" / "local-stack.json").write_text(
            json.dumps(stack_file_content(deployed, moto_server))
        )
        monkeypatch.chdir(tmp_path)
        yield deployed
    forget()


def subscribe_inbox(name: str, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    """An SQS inbox subscribed with the CLI: its URL and the subscriber id."""
    url, arn = new_inbox(name)
    capsys.readouterr()
    assert main(["subscribe", "--protocol", "sqs", "--endpoint", arn]) == 0
    return url, capsys.readouterr().out.splitlines()[0].rsplit(" as ", 1)[1]


def alert_copies(stack: DeployedStack, inbox: str, *articles: tuple[str, bytes]) -> list[dict[str, Any]]:
    for key, body in articles:
        boto3.client("s3").put_object(Bucket=stack.physical_id("ArticlesBucket"), Key=key, Body=body)
    EventSourceRunner(stack, redelivery_delay_seconds=0).run_until_idle(timeout_s=60)
    return drained_bodies(inbox)


def link(copy: dict[str, Any], change: str) -> str:
    [url] = [item["url"] for item in copy["preference_links"] if item["change"] == change][:1]
    return str(url)


def http(url: str, form: dict[str, str] | None = None) -> tuple[int, str]:
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data)) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def token_of(url: str) -> str:
    return urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)["token"][0]


def test_a_link_shows_first_changes_once_and_an_unsubscribe_link_ends_the_alerts(
    stack: DeployedStack, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox, subscriber_id = subscribe_inbox("links-inbox", capsys)
    [copy] = alert_copies(
        stack, inbox, ("incoming/wind.json", (SAMPLES / "wind-farm-vote.json").read_bytes())
    )
    assert copy["preference_links"] and all(
        item["url"].startswith("http://127.0.0.1:") for item in copy["preference_links"]
    )
    registry = subscriber_registry(stack.physical_ids)
    topic = copy["topics"][0]["name"]
    mute = link(copy, "mute_topic")

    status, page = http(mute)
    assert status == 200 and "Confirm" in page and topic in page and "sqs: links-inbox" in page
    record = registry.subscriber(subscriber_id)
    assert record is not None and record.preferences.muted_topics == []  # following changed nothing

    status, page = http(mute.split("?")[0], {"token": token_of(mute)})
    assert status == 200 and "Done" in page
    record = registry.subscriber(subscriber_id)
    assert record is not None and record.preferences.muted_topics == [topic]

    assert http(mute.split("?")[0], {"token": token_of(mute)})[0] == 409  # replayed
    assert http(mute)[0] == 409
    forged = token_of(mute)[:-3] + ("AAA" if not token_of(mute).endswith("AAA") else "BBB")
    status, page = http(mute.split("?")[0], {"token": forged})
    assert status == 400 and "Nothing was changed" in page

    leave = link(copy, "unsubscribe")
    assert http(leave.split("?")[0], {"token": token_of(leave)})[0] == 200
    assert registry.subscriber(subscriber_id) is None
    assert made_subscriptions(stack, "SubscriberTopic") == []
    cup = (
        "Kestrel Rovers reach the county cup final\n\nKestrel Rovers beat Harnby Athletic 5-4 on penalties on "
        "Saturday to reach the county cup final for the first time since 1998.\n\nStriker Dana Morrow scored "
        "both goals, and goalkeeper Tom Ashdown saved two penalties in the shoot-out.\n"
    )
    assert alert_copies(stack, inbox, ("incoming/cup.txt", cup.encode())) == []


_HEADING_TEXT = "const heading = document.querySelector('h1'); return heading ? heading.textContent : '';"


def test_the_confirmation_page_works_in_a_real_browser(
    stack: DeployedStack, capsys: pytest.CaptureFixture[str]
) -> None:
    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.wait import WebDriverWait

    assert CHROMIUM.exists() and CHROMEDRIVER.exists(), (
        "make integration installs Debian's chromium and chromium-driver"
    )
    inbox, subscriber_id = subscribe_inbox("browser-inbox", capsys)
    [copy] = alert_copies(
        stack, inbox, ("incoming/wind.json", (SAMPLES / "wind-farm-vote.json").read_bytes())
    )
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=800,600",
    ):  # fmt: skip
        options.add_argument(flag)
    browser = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        browser.get(link(copy, "frequency"))
        # A loaded headless Chromium can still report an empty title for a moment: wait for the page.
        WebDriverWait(browser, 30).until(lambda page: page.title != "")
        assert browser.title == "Confirm a change to your Takeaways alerts"
        assert "digest" in browser.find_element(By.TAG_NAME, "h1").text
        browser.save_screenshot(str(ARTIFACTS / "preference-confirm.png"))
        browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        # The click returns before the answer's page loads: wait for it rather than read the old one. The
        # heading is read in one script call, and a read that meets the page mid-navigation (a stale element,
        # "Node with given id does not belong to the document") is tried again until the wait ends.
        WebDriverWait(browser, 30, ignored_exceptions=(WebDriverException,)).until(
            lambda page: str(page.execute_script(_HEADING_TEXT)).startswith("Done")
        )
        browser.save_screenshot(str(ARTIFACTS / "preference-done.png"))
    finally:
        browser.quit()
    record = subscriber_registry(stack.physical_ids).subscriber(subscriber_id)
    assert record is not None and record.frequency == "daily"
    assert (ARTIFACTS / "preference-confirm.png").stat().st_size > 1000


def test_unsubscribing_a_chat_channel_by_its_link_removes_its_secret_and_subscription(
    stack: DeployedStack, capsys: pytest.CaptureFixture[str]
) -> None:
    with ChatServers() as chat:
        assert main(["subscribe", "--protocol", "slack", "--endpoint", chat.url("slack")]) == 0
        capsys.readouterr()
        boto3.client("s3").put_object(
            Bucket=stack.physical_id("ArticlesBucket"),
            Key="incoming/wind.json",
            Body=(SAMPLES / "wind-farm-vote.json").read_bytes(),
        )
        EventSourceRunner(stack, redelivery_delay_seconds=0).run_until_idle(timeout_s=60)
        [message] = chat.received("slack")
    links = re.findall(r"http://127\.0\.0\.1:\d+/preferences\?token=[\w.-]+", json.dumps(message.body))
    leave = links[-1]  # a channel's unsubscribe link comes last
    status, page = http(leave.split("?")[0], {"token": token_of(leave)})
    assert status == 200 and "Done" in page
    secrets = [item["Name"] for item in boto3.client("secretsmanager").list_secrets()["SecretList"]]
    assert not [name for name in secrets if name.startswith("takeaways/chat/")]
    assert made_subscriptions(stack, "SubscriberTopic") == []


def test_a_subscriber_made_just_after_an_alert_gets_the_next_one(
    stack: DeployedStack, capsys: pytest.CaptureFixture[str]
) -> None:
    first_inbox, _ = subscribe_inbox("first-inbox", capsys)
    assert (
        len(
            alert_copies(
                stack, first_inbox, ("incoming/wind.json", (SAMPLES / "wind-farm-vote.json").read_bytes())
            )
        )
        == 1
    )
    # A warm DeliveryFunction has read its subscribers for that alert; the newcomer must not wait for it to forget.
    second_inbox, _ = subscribe_inbox("second-inbox", capsys)
    library = ("incoming/library.html", (SAMPLES / "library-robot.html").read_bytes())
    [copy] = alert_copies(stack, second_inbox, library)
    assert copy["headline"].startswith("Robot librarian")
    assert len(drained_bodies(first_inbox)) == 1
