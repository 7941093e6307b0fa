"""One invented outlet's feed articles, each carrying the same footer and newsletter pitch: what the
recurring-line step must learn to remove (our own writing; the handler and local-stack tests share it)."""

from __future__ import annotations

import json

# Not on the list of notices ("Read more ..." is): only recurrence across articles removes these.
FOOTER = "Coastal Times journalism is paid for by readers like you, at coastal.example/support."
PITCH = "Never miss a tide table: the Tideline briefing lands in your inbox at 7am each weekday."
EARLIER_STORIES = {
    "dredging": "The harbour board voted on Thursday to dredge the eastern channel at Port Alder before the "
    "spring tides, after fishing crews said low water strands their boats at the quay for hours each day.",
    "school-roof": "Pupils at Saltmarsh Primary will return to their classrooms next week after the school's "
    "storm-damaged roof was replaced over the half-term holiday, the head teacher said.",
    "ferry": "The Kelmouth ferry will run an extra crossing every evening from May, its operator said on "
    "Monday, after commuters asked for a later boat home from Port Alder.",
}
LIFEBOAT = (
    "Volunteers at the Port Alder lifeboat station launched their new boat on Saturday, replacing a vessel "
    "that had served the crew for 26 years.\n\nThe crew raised a third of the boat's cost themselves "
    "through swims, quiz nights and a sponsored row around the bay.\n\nThe station will hold an open day "
    "on 14 June."
)
FEED_PREFIX = "incoming/feeds/coastal-times/2026/11/25/"


def feed_article(story: str) -> bytes:
    """The story as the feed poller writes it: JSON, the outlet's footer and pitch after the story."""
    body = f"{story}\n\n{FOOTER}\n\n{PITCH}"
    return json.dumps({"title": "Port Alder news", "body": body, "source": "Coastal Times"}).encode()
