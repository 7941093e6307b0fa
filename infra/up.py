"""``make up``: the template running on a local moto server until Ctrl-C, for trying things by hand.

Writes ``.takeaways/local-stack.json`` (endpoint and physical resource ids), which
the ``takeaways`` operator commands read, and keeps driving the queues so that an
article uploaded from another terminal travels all the way to the subscribers.

It also serves loopback Slack, Teams and Discord webhooks (``infra.chat_servers``), and writes
their URLs to ``.takeaways/chat-webhooks.env`` for ``source``; each message they accept is
printed, so a chat channel subscribed to them shows what it would post.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys
import time
from pathlib import Path

from infra.chat_servers import ChatServers, Received, chat_headline
from infra.demo import DEMO_TRUSTED_SOURCES
from infra.event_sources import EventSourceRunner
from infra.function_output import FunctionOutput
from infra.function_urls import FunctionUrls
from infra.local_stack import deploy, stack_file_content
from infra.moto_server import running_moto_server
from infra.schedules import ScheduleRunner
from takeaways.adapters.operations import LocalEventSources
from takeaways.alerts.chat.limits import PLATFORMS

ROOT = Path(__file__).resolve().parents[1]
STACK_FILE = ROOT / ".takeaways" / "local-stack.json"
CHAT_WEBHOOKS_FILE = ROOT / ".takeaways" / "chat-webhooks.env"
FUNCTION_LOG = ROOT / ".takeaways" / "up-function-output.jsonl"
# Loopback feeds and webhooks (test servers on this machine) are the local stack's one exception to the
# address checks.
# The sample articles' outlets are trusted, as in the demo, so that a sources filter can be tried on them.
UP_PARAMETERS = {"FetchAllowLoopback": "true", "TrustedSources": DEMO_TRUSTED_SOURCES}
# The feed poller's schedule, compressed: each feed still waits for its own interval.
FEED_POLL_SECONDS = 30
# Where `make up` serves PreferencesFunction's URL (the links in its alerts point here).
PREFERENCES_PORT = 4567


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--port", type=int, default=4566, help="moto server port on 127.0.0.1")
    parser.add_argument(
        "--trusted-sources",
        default=DEMO_TRUSTED_SOURCES,
        help="the TrustedSources parameter: outlets whose claim becomes the source attribute "
        f"(default: the sample articles' outlets, {DEMO_TRUSTED_SOURCES!r}; '' trusts none)",
    )
    args = parser.parse_args(argv)
    # `kill`, or a closed terminal, stops it as Ctrl-C does: the stack's files are removed, not left stale.
    signal.signal(signal.SIGTERM, _stop)
    with (
        running_moto_server(port=args.port) as endpoint,
        ChatServers(on_accept=_show_chat_post) as chat,
        FunctionUrls(ROOT / "template.yaml", first_port=PREFERENCES_PORT) as function_urls,
    ):
        parameters = UP_PARAMETERS | {
            "TrustedSources": args.trusted_sources
        }  # the option's default is the same
        stack = deploy(ROOT / "template.yaml", parameters=parameters, function_urls=function_urls.urls)
        STACK_FILE.parent.mkdir(exist_ok=True)
        LocalEventSources(STACK_FILE.parent).path.unlink(missing_ok=True)  # a new stack starts unpaused
        STACK_FILE.write_text(json.dumps(stack_file_content(stack, endpoint), indent=2))
        chat.write_env_file(CHAT_WEBHOOKS_FILE)
        print(banner(stack.account_id, endpoint, function_urls.urls, chat, args.trusted_sources))
        # `takeaways pause alerts` switches a function's event sources off through this file.
        runner = EventSourceRunner(stack, enabled=LocalEventSources(STACK_FILE.parent).enabled)
        function_urls.serve(runner.invoke)  # preference links open here
        scheduler = ScheduleRunner(runner)
        next_feed_poll = time.monotonic()
        try:
            # The functions' JSON logs and EMF metrics go whole to a file; a short line per log record here.
            with (
                FUNCTION_LOG.open("w", encoding="utf-8") as log,
                contextlib.redirect_stdout(FunctionOutput(log, sys.stdout)),
            ):
                while True:
                    if time.monotonic() >= next_feed_poll:
                        scheduler.fire("FeedPollerFunction")
                        next_feed_poll = time.monotonic() + FEED_POLL_SECONDS
                    if not runner.poll_once():
                        time.sleep(0.5)
        except KeyboardInterrupt:
            print("\nstopped")
        finally:
            STACK_FILE.unlink(missing_ok=True)
            CHAT_WEBHOOKS_FILE.unlink(missing_ok=True)
            LocalEventSources(STACK_FILE.parent).path.unlink(missing_ok=True)
    return 0


def banner(
    account_id: str, endpoint: str, urls: dict[str, str], chat: ChatServers, trusted_sources: str
) -> str:
    """What is running where, and what to try next: the first screen a newcomer reads."""
    cli = ".venv/bin/takeaways"
    pages = ", ".join(urls.values()) or "(none)"
    trusted = ", ".join(
        entry.partition("=")[0].strip() for entry in trusted_sources.split(",") if entry.strip()
    )
    lines = [
        "the local stack is up (template.yaml on moto); Ctrl-C stops it",
        "",
        f"  AWS endpoint       {endpoint}   (resources: {STACK_FILE.relative_to(ROOT)})",
        f"  preference pages   {pages}",
        *(f"  {platform + ' webhook':<18} {chat.url(platform)}" for platform in PLATFORMS),
        f"                     (as {CHAT_WEBHOOKS_FILE.relative_to(ROOT)}, for `source`)",
        f"  function logs      {FUNCTION_LOG.relative_to(ROOT)} (JSON logs and metrics, as CloudWatch gets them)",
        f"  trusted sources    {trusted or '(none)'}",
        f"  feed poller        every {FEED_POLL_SECONDS} s; digests only when asked (`takeaways digest`)",
        "",
        "next, in another terminal:",
        f"  {cli} create-inbox my-inbox",
        f"  {cli} subscribe --protocol sqs --endpoint arn:aws:sqs:us-east-1:{account_id}:my-inbox --topics economy",
        f"  {cli} upload --wait samples/articles/wind-farm-vote.json   # prints the alert",
        f"  {cli} inbox my-inbox                                        # what my-inbox received",
        f"  {cli} status",
        f'  source {CHAT_WEBHOOKS_FILE.relative_to(ROOT)} && {cli} subscribe --protocol slack --endpoint "$SLACK_WEBHOOK_URL"',
        "",
        "what the functions log, a line each:",
    ]
    return "\n".join(lines)


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _show_chat_post(received: Received) -> None:
    """One line per message a loopback chat webhook accepted: what the channel would show first."""
    print(f"[chat] {received.platform} accepted: {chat_headline(received)}", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
