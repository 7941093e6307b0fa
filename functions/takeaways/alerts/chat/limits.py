"""What each chat platform accepts: the one home of these limits, used by the renderers and the test servers.

Figures are the platforms' documented maxima for incoming webhooks. A message over any of them is
refused whole (Slack ``invalid_blocks``, Discord ``50035 Invalid Form Body``, a Teams workflow 400),
so every renderer cuts its text to fit before it posts.
"""

from __future__ import annotations

from typing import Final, Literal, get_args

Platform = Literal["slack", "teams", "discord"]
PLATFORMS: Final[tuple[Platform, ...]] = get_args(Platform)

# Slack incoming webhooks: Block Kit.
SLACK_TEXT_CHARS: Final = 40_000  # the top-level text, the notification and screen-reader fallback
SLACK_BLOCKS: Final = 50
SLACK_HEADER_CHARS: Final = 150
SLACK_SECTION_CHARS: Final = 3_000
SLACK_CONTEXT_ELEMENTS: Final = 10
SLACK_CONTEXT_TEXT_CHARS: Final = 3_000

# Discord webhooks: embeds.
DISCORD_CONTENT_CHARS: Final = 2_000
DISCORD_EMBEDS: Final = 10
DISCORD_TITLE_CHARS: Final = 256
DISCORD_DESCRIPTION_CHARS: Final = 4_096
DISCORD_FIELDS: Final = 25
DISCORD_FIELD_NAME_CHARS: Final = 256
DISCORD_FIELD_VALUE_CHARS: Final = 1_024
DISCORD_FOOTER_CHARS: Final = 2_048
DISCORD_EMBED_TOTAL_CHARS: Final = 6_000  # title, description, field names and values, footer, author

# Microsoft Teams workflow webhooks ("When a Teams webhook request is received"): an Adaptive Card,
# in a message Teams caps at about 28 KB; 1.4 is the newest version every Teams client renders.
TEAMS_CARD_VERSION: Final = "1.4"
TEAMS_MESSAGE_BYTES: Final = 28_000

# What each platform answers to a message it accepted.
ACCEPTED_STATUS: Final[dict[Platform, int]] = {"slack": 200, "teams": 202, "discord": 204}
