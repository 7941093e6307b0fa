"""How article keys map to stable article ids and to the keys of their records."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import PurePosixPath

from takeaways.text.slugs import slug

# 128 bits: two keys share an id (and one record overwrites the other) with odds of 1 in 2**64
# only after 2**64 articles; 40 bits gave even odds after about a million.
_HASH_HEX_DIGITS = 32
# Under the incoming prefix: where the feed poller writes, and nobody else may (the bucket policy).
FEED_ARTICLES_FOLDER = "feeds/"


@dataclass(frozen=True, slots=True)
class StageLayout:
    """Where the stages read and write inside the bucket."""

    incoming_prefix: str = "incoming/"
    summaries_prefix: str = "summaries/"
    rejected_prefix: str = "rejected/"

    def is_feed_article(self, key: str) -> bool:
        """Written by the feed poller, so a trusted feed's word on the outlet can be believed."""
        return key.startswith(self.incoming_prefix + FEED_ARTICLES_FOLDER)

    def feed_of(self, key: str) -> str | None:
        """The feed folder (its source's slug) of an article the feed poller wrote, else ``None``."""
        if not self.is_feed_article(key):
            return None
        folder, _, rest = key[len(self.incoming_prefix + FEED_ARTICLES_FOLDER) :].partition("/")
        return folder if folder and rest else None


def article_id_for(bucket: str, key: str, incoming_prefix: str) -> str:
    """A readable, collision-safe id: the key's slug plus a short hash of bucket and key.

    The slug lets an operator recognise the article in a listing; the hash keeps two
    keys that slug alike (``a b.txt`` and ``a-b.txt``) apart.
    """
    relative = key[len(incoming_prefix) :] if key.startswith(incoming_prefix) else key
    stem = str(PurePosixPath(relative).with_suffix("")) if PurePosixPath(relative).suffix else relative
    digest = hashlib.sha256(f"{bucket}/{key}".encode()).hexdigest()[:_HASH_HEX_DIGITS]
    return f"{slug(stem) or 'article'}-{digest}"


def record_key(prefix: str, article_id: str) -> str:
    """The key of a record (summary or rejection) for an article."""
    return f"{prefix}{article_id}.json"
