"""How the demo prints what subscribers received: the messages themselves, only shortened where it says."""

from __future__ import annotations

import json

from infra.demo_views import as_read, compact_json, discord_lines, short_tokens, slack_lines, teams_lines

URL = "http://127.0.0.1:4567/preferences?token=v1.eyJhIjoibXV0ZV90b3BpYyIsImUiOjE3OTg4.C1IBmiZ9QU248F0dbXgZ"


def test_a_token_keeps_its_first_characters_and_says_it_was_cut() -> None:
    assert (
        short_tokens(f"Unsubscribe: {URL}")
        == "Unsubscribe: http://127.0.0.1:4567/preferences?token=v1.eyJhI…"
    )
    assert short_tokens("token=short") == "token=short"


def test_compact_json_is_the_same_document_with_flat_objects_on_a_line() -> None:
    alert = {
        "headline": "Bridge closes",
        "takeaways": [{"text": "A " * 60, "evidence": [1, 2]}, {"text": "B", "evidence": []}],
        "topics": [{"name": "economy", "score": 0.3}],
        "preference_links": [{"label": "Unsubscribe", "url": URL}],
    }
    text = compact_json(alert)
    shown = json.loads(text)
    assert shown["takeaways"] == alert["takeaways"] and shown["topics"] == alert["topics"]
    assert shown["preference_links"][0]["url"].endswith("token=v1.eyJhI…")
    lines = text.splitlines()
    assert '    {"text": "B", "evidence": []}' in lines
    assert any(line.strip().startswith('{"text": "A A') for line in lines)  # long, but one flat object


def test_chat_markup_reads_as_its_words() -> None:
    assert as_read(f"<{URL}|Unsubscribe> · *Key takeaways*") == "Unsubscribe · Key takeaways"
    assert as_read(f"[Mute sport]({URL}) **Key takeaways**") == "Mute sport Key takeaways"
    assert as_read("2 * 3 = 6") == "2 * 3 = 6"


def test_each_platform_s_message_reads_as_its_channel_shows_it() -> None:
    slack = {
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": "Bridge closes"}},
            {"type": "section", "text": {"type": "mrkdwn", "text": "*Key takeaways*\n• One"}},
            {
                "type": "context",
                "elements": [{"type": "mrkdwn", "text": f"Manage alerts: <{URL}|Unsubscribe>"}],
            },
        ]
    }
    assert slack_lines(slack) == ["BRIDGE CLOSES", "Key takeaways", "• One", "Manage alerts: Unsubscribe"]
    card = {
        "body": [
            {"type": "TextBlock", "text": "Bridge closes", "size": "Large"},
            {"type": "Container", "items": [{"type": "TextBlock", "text": "• One"}]},
            {"type": "FactSet", "facts": [{"title": "Source", "value": "Coastal Times"}]},
        ],
        "actions": [{"type": "Action.OpenUrl", "title": "Read the article", "url": URL}],
    }
    teams = {"attachments": [{"content": card}]}
    assert teams_lines(teams) == [
        "BRIDGE CLOSES",
        "• One",
        "Source: Coastal Times",
        "buttons: Read the article",
    ]
    embed = {
        "title": "Bridge closes",
        "description": "**Key takeaways**\n• One",
        "fields": [
            {"name": "Source", "value": "Coastal Times", "inline": True},
            {"name": "Priority", "value": "2 of 5", "inline": True},
            {"name": "Manage alerts", "value": f"[Unsubscribe]({URL})"},
        ],
        "footer": {"text": "Summary written by the built-in extractive engine."},
    }
    assert discord_lines({"embeds": [embed]}) == [
        "BRIDGE CLOSES",
        "Key takeaways",
        "• One",
        "Source: Coastal Times · Priority: 2 of 5",
        "Manage alerts: Unsubscribe",
        "Summary written by the built-in extractive engine.",
    ]
