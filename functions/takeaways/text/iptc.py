"""The one topic vocabulary: the 17 top-level IPTC Media Topics, each with the short slug filters use.

Everything that names a topic (the classifier's model, the priority rule, ``subscribe --topics``,
the README's table) takes its names from here, so no part of the service can speak of a topic
that no alert can carry.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MediaTopic:
    """One IPTC Media Topic: ``slug`` for filter policies, ``code`` as IPTC publishes it."""

    slug: str
    code: str
    label: str

    @property
    def qcode(self) -> str:
        """The topic as IPTC's qualified code, e.g. ``medtop:01000000``."""
        return f"medtop:{self.code}"


MEDIA_TOPICS: tuple[MediaTopic, ...] = (
    MediaTopic("arts", "01000000", "arts, culture, entertainment and media"),
    MediaTopic("crime", "02000000", "crime, law and justice"),
    MediaTopic("disaster", "03000000", "disaster, accident and emergency incident"),
    MediaTopic("economy", "04000000", "economy, business and finance"),
    MediaTopic("education", "05000000", "education"),
    MediaTopic("environment", "06000000", "environment"),
    MediaTopic("health", "07000000", "health"),
    MediaTopic("human-interest", "08000000", "human interest"),
    MediaTopic("labour", "09000000", "labour"),
    MediaTopic("lifestyle", "10000000", "lifestyle and leisure"),
    MediaTopic("politics", "11000000", "politics"),
    MediaTopic("religion", "12000000", "religion"),
    MediaTopic("science", "13000000", "science and technology"),
    MediaTopic("society", "14000000", "society"),
    MediaTopic("sport", "15000000", "sport"),
    MediaTopic("conflict", "16000000", "conflict, war and peace"),
    MediaTopic("weather", "17000000", "weather"),
)
TOPIC_SLUGS: tuple[str, ...] = tuple(topic.slug for topic in MEDIA_TOPICS)
BY_SLUG: dict[str, MediaTopic] = {topic.slug: topic for topic in MEDIA_TOPICS}


def media_topic(slug: str) -> MediaTopic:
    """The topic a slug names; ``KeyError`` for a name outside the vocabulary."""
    return BY_SLUG[slug]
