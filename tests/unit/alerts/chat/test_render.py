"""Chat messages: within every platform limit, in each platform's markup, and never mentioning anyone."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from infra.chat_servers import discord_problems, slack_problems, teams_problems
from takeaways.alerts.chat import limits
from takeaways.alerts.chat.limits import PLATFORMS, Platform
from takeaways.alerts.chat.render import (
    alert_links,
    discord_embed_chars,
    discord_escape,
    fit,
    render_chat,
    slack_escape,
    teams_escape,
)
from takeaways.alerts.payload import AlertPayload, AlertTakeaway, PreferenceLink
from takeaways.alerts.render import render_alert
from tests.unit.alerts.test_render import make_record

LINKS = [
    ("Unsubscribe", "https://prefs.example/u?token=abc&change=unsubscribe"),
    ("Mute sport", "https://prefs.example/m?t=(1)"),
]


def payload(**changes: Any) -> AlertPayload:
    alert = render_alert(make_record(), summary_uri="s3://articles/summaries/a.json").payload
    return dataclasses.replace(alert, **changes)


def problems(platform: Platform, message: dict[str, Any]) -> Any:
    return {"slack": slack_problems, "teams": teams_problems, "discord": discord_problems}[platform](message)


def texts(value: Any) -> list[str]:
    """Every string in a message, wherever it sits."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in texts(item)]
    return []


@pytest.mark.parametrize("platform", PLATFORMS)
def test_an_alert_becomes_a_message_the_platform_accepts_with_headline_takeaways_and_link(
    platform: Platform,
) -> None:
    message = render_chat(platform, payload())
    assert not problems(platform, message)
    everything = "\n".join(texts(message))
    assert "Harbour council approves new ferry route" in everything
    assert "Fares will be capped at 6 pounds for residents." in everything
    assert "https://news.example/ferry" in everything and "Read the article on news.example" in everything
    assert "Coastal Times" in everything


@pytest.mark.parametrize("platform", PLATFORMS)
def test_an_alert_of_one_fact_has_no_empty_takeaways_block(platform: Platform) -> None:
    message = render_chat(platform, payload(takeaways=[]))
    assert not problems(platform, message)
    everything = "\n".join(texts(message))
    assert "The harbour council approved a ferry route to the islands." in everything
    assert "Key takeaways" not in everything


@pytest.mark.parametrize("platform", PLATFORMS)
@pytest.mark.parametrize("takeaways", [True, False])
def test_a_summary_adding_only_a_day_to_the_headline_is_not_shown_again(
    platform: Platform, takeaways: bool
) -> None:
    changes: dict[str, Any] = {"summary": "Harbour council approves new ferry route on Monday."}
    if not takeaways:
        changes["takeaways"] = []
    message = render_chat(platform, payload(**changes))
    assert not problems(platform, message)
    everything = "\n".join(texts(message))
    assert "on Monday" not in everything and "Harbour council approves new ferry route" in everything
    assert ("Fares will be capped at 6 pounds for residents." in everything) is takeaways


@pytest.mark.parametrize("platform", PLATFORMS)
def test_an_enormous_alert_is_cut_to_every_limit_of_the_platform(platform: Platform) -> None:
    huge = payload(
        headline="Headline words & more " * 40,
        summary="A summary sentence with <angle> brackets and *stars* " * 400,
        takeaways=[
            AlertTakeaway(text=f"Takeaway {n} " + "with many words " * 400, evidence=[n]) for n in range(5)
        ],
        source="S" * 120,
    )
    message = render_chat(platform, huge, LINKS)
    assert not problems(platform, message)
    if platform == "slack":
        assert len(message["blocks"][0]["text"]["text"]) <= limits.SLACK_HEADER_CHARS
        assert all(
            len(block["text"]["text"]) <= limits.SLACK_SECTION_CHARS
            for block in message["blocks"]
            if block["type"] == "section"
        )
    elif platform == "discord":
        [embed] = message["embeds"]
        assert discord_embed_chars(embed) <= limits.DISCORD_EMBED_TOTAL_CHARS
        assert len(embed["description"]) <= limits.DISCORD_DESCRIPTION_CHARS
        assert len(embed["title"]) <= limits.DISCORD_TITLE_CHARS
    else:
        assert len(json.dumps(message, ensure_ascii=False).encode()) <= limits.TEAMS_MESSAGE_BYTES
    # Cut, not dropped: every takeaway still has its line.
    assert all(f"Takeaway {n}" in "\n".join(texts(message)) for n in range(5))


HOSTILE = "Join @everyone and @here <!channel> <@U123> [click](https://evil.example) **bold** & more"


def test_slack_text_cannot_mention_or_link_and_keeps_its_meaning() -> None:
    message = render_chat("slack", payload(summary=HOSTILE))
    assert not slack_problems(message)
    section = message["blocks"][1]["text"]["text"]
    assert "<!channel>" not in section and "<@U123>" not in section
    assert section == slack_escape(HOSTILE)
    assert "&amp; more" in section and "&lt;!channel&gt;" in section


def test_discord_text_cannot_mention_format_or_link() -> None:
    message = render_chat("discord", payload(summary=HOSTILE, headline="@everyone **look**"))
    assert not discord_problems(message)
    assert message["allowed_mentions"] == {"parse": []}
    [embed] = message["embeds"]
    assert "@everyone" not in embed["title"] and "@\u200beveryone" in embed["title"]
    assert "\\*\\*look\\*\\*" in embed["title"]
    assert "[click](https://evil.example)" not in embed["description"]
    assert "\\[click\\](https://evil.example)" in embed["description"]
    assert "\\<@U123\\>" in embed["description"]


def test_teams_text_cannot_make_a_link_or_a_list_and_mentions_no_one() -> None:
    message = render_chat("teams", payload(summary="- not a list item\n1. nor this\n" + HOSTILE))
    assert not teams_problems(message)
    summary = message["attachments"][0]["content"]["body"][1]["text"]
    assert "[click](https://evil.example)" not in summary
    assert summary.startswith("\\- not a list item\n1\\. nor this")
    assert (
        "msteams" not in message["attachments"][0]["content"]
        or "entities" not in message["attachments"][0]["content"]["msteams"]
    )


@pytest.mark.parametrize(
    ("escape", "text"),
    [(slack_escape, "& " * 2000), (discord_escape, "*_" * 3000), (teams_escape, "[" * 5000)],
)
def test_a_cut_counts_what_escaping_adds(escape: Any, text: str) -> None:
    cut = fit(text, 1000, escape)
    assert len(cut) <= 1000
    assert len(cut) > 500  # cut at the limit, not far below it


@pytest.mark.parametrize("platform", PLATFORMS)
def test_an_update_shows_what_is_new_only(platform: Platform) -> None:
    update = payload(is_update=True, new_takeaways=[2], outlet_count=3)
    everything = "\n".join(texts(render_chat(platform, update)))
    assert "Update: Harbour council approves new ferry route" in everything
    assert "What is new" in everything
    assert "Fares will be capped at 6 pounds for residents." in everything
    assert "Crossings start in March" not in everything


@pytest.mark.parametrize("platform", PLATFORMS)
def test_preference_links_appear_under_manage_alerts_only_when_the_alert_has_them(platform: Platform) -> None:
    assert "Manage alerts" not in "\n".join(texts(render_chat(platform, payload())))
    message = render_chat(platform, payload(), [*LINKS, ("Run this", "javascript:alert(1)")])
    assert not problems(platform, message)
    everything = "\n".join(texts(message))
    assert "Manage alerts" in everything and "Unsubscribe" in everything and "Mute sport" in everything
    assert "https://prefs.example/u?token=abc" in everything
    assert "javascript:" not in everything and "Run this" not in everything


@pytest.mark.parametrize("platform", PLATFORMS)
def test_unsubscribe_survives_a_manage_field_too_long_for_every_link(platform: Platform) -> None:
    token = "t" * 300  # as long as a real signed token, and longer
    offered = [
        PreferenceLink(
            label=f"Mute the topic number {n}",
            change="mute_topic",
            value=str(n),
            url=f"https://prefs.example/p?token={n}{token}",
        )
        for n in range(30)  # more than any platform has room for
    ]
    unsubscribe = PreferenceLink(
        label="Unsubscribe", change="unsubscribe", value=None, url=f"https://prefs.example/p?token=u{token}"
    )
    alert = payload(preference_links=[*offered, unsubscribe])  # the order alert_links offers
    message = render_chat(platform, alert, alert_links(alert))
    assert not problems(platform, message)
    everything = "\n".join(texts(message))
    assert f"token=u{token}" in everything and "Unsubscribe" in everything
    assert f"token=0{token}" in everything  # the first, most specific link is kept too
    assert f"token=29{token}" not in everything  # the last of the others went first
    # Wherever a copy lists it, Unsubscribe is put where the field keeps it: last.
    assert alert_links(payload(preference_links=[unsubscribe, *offered]))[-1][0] == "Unsubscribe"


def test_a_link_with_parentheses_or_a_pipe_stays_one_link() -> None:
    slack = render_chat("slack", payload(), [("Mute", "https://prefs.example/m?a=1|2>3")])
    assert not slack_problems(slack)
    discord = render_chat("discord", payload(), [("Mute", "https://prefs.example/m?t=(1)")])
    [manage] = [field for field in discord["embeds"][0]["fields"] if field["name"] == "Manage alerts"]
    assert manage["value"] == "[Mute](https://prefs.example/m?t=%281%29)"


def test_an_alert_without_a_url_has_no_link_and_still_validates() -> None:
    for platform in PLATFORMS:
        message = render_chat(platform, payload(url=None))
        assert not problems(platform, message)
        assert "Read the article" not in "\n".join(texts(message))
