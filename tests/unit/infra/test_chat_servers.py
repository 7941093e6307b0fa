"""The loopback chat webhooks answer as the platforms do, and the chat function's HTTP client reads them right."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest

from infra.chat_servers import ChatServers
from takeaways.adapters.webhook_http import UrllibWebhookPoster
from takeaways.alerts.chat.delivery import retry_after_seconds
from takeaways.alerts.chat.limits import ACCEPTED_STATUS, PLATFORMS, Platform
from takeaways.alerts.chat.render import render_chat
from takeaways.alerts.render import render_alert
from tests.unit.alerts.test_render import make_record

POSTER = UrllibWebhookPoster()


@pytest.fixture(scope="module")
def servers() -> Iterator[ChatServers]:
    with ChatServers() as running:
        yield running


@pytest.fixture(autouse=True)
def _fresh(servers: ChatServers) -> None:
    servers.reset()


def message(platform: Platform) -> dict[str, object]:
    return render_chat(platform, render_alert(make_record(), summary_uri="s3://b/k").payload)


@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_valid_message_is_accepted_with_the_platform_s_own_answer(
    servers: ChatServers, platform: Platform
) -> None:
    answer = POSTER.post(servers.url(platform), message(platform), timeout=5)
    assert answer.status == ACCEPTED_STATUS[platform]
    assert answer.body == ("ok" if platform == "slack" else "")
    [received] = servers.received(platform)
    assert received.body == message(platform)
    assert received.headers["user-agent"].startswith("TakeawaysBot/")


def test_slack_refuses_a_message_without_text_or_with_a_mention(servers: ChatServers) -> None:
    assert POSTER.post(servers.url("slack"), {}, timeout=5).body == "no_text"
    mention = {
        "text": "hi <!everyone>",
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "x"}}],
    }
    refused = POSTER.post(servers.url("slack"), mention, timeout=5)
    assert (refused.status, refused.body) == (400, "invalid_payload")
    too_long = message("slack")
    too_long["blocks"][0]["text"]["text"] = "x" * 151  # type: ignore[index]
    assert POSTER.post(servers.url("slack"), too_long, timeout=5).body == "invalid_blocks"
    assert not servers.received()


def test_discord_refuses_a_message_that_could_mention_and_says_so_in_its_form_errors(
    servers: ChatServers,
) -> None:
    unsafe = {**message("discord"), "allowed_mentions": {"parse": ["everyone"]}}
    refused = POSTER.post(servers.url("discord"), unsafe, timeout=5)
    assert refused.status == 400 and '"code": 50035' in refused.body and "allowed_mentions" in refused.body


def test_teams_refuses_a_message_that_is_not_an_adaptive_card(servers: ChatServers) -> None:
    refused = POSTER.post(servers.url("teams"), {"type": "message", "text": "hello"}, timeout=5)
    assert refused.status == 400 and "InvalidRequestContent" in refused.body


@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_rate_limit_names_when_to_come_back(servers: ChatServers, platform: Platform) -> None:
    servers.rate_limit(1, retry_after=0.25)
    limited = POSTER.post(servers.url(platform), message(platform), timeout=5)
    assert limited.status == 429 and limited.headers["retry-after"] == "1"
    assert retry_after_seconds(limited) == (0.25 if platform == "discord" else 1.0)
    assert (
        POSTER.post(servers.url(platform), message(platform), timeout=5).status == ACCEPTED_STATUS[platform]
    )


def test_a_revoked_hook_is_unknown(servers: ChatServers) -> None:
    path = "/discord/api/webhooks/1/gone"
    servers.revoke(path)
    gone = POSTER.post(servers.url("discord", path), message("discord"), timeout=5)
    assert gone.status == 404 and "Unknown Webhook" in gone.body


def test_failures_on_request_answer_in_the_platform_s_words(servers: ChatServers) -> None:
    servers.fail(2, status=503)
    assert POSTER.post(servers.url("slack"), message("slack"), timeout=5).status == 503
    assert POSTER.post(servers.url("teams"), message("teams"), timeout=5).status == 503
    assert POSTER.post(servers.url("teams"), message("teams"), timeout=5).status == 202
    assert servers.answered() == [503, 503, 202]


class _Redirect(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.send_response(307)
        self.send_header("Location", "http://127.0.0.1:9/elsewhere")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return


def test_the_poster_never_follows_a_redirect_and_reports_no_answer_as_such() -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Redirect)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        answer = POSTER.post(f"http://127.0.0.1:{server.server_address[1]}/hook", {"text": "x"}, timeout=5)
    finally:
        server.shutdown()
        server.server_close()
    assert answer.status == 307
    nobody = POSTER.post("http://127.0.0.1:9/hook", {"text": "x"}, timeout=2)
    assert nobody.status is None and nobody.error
