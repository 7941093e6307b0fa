"""Catalogue cases for hostile input: work that must stay bounded, poison, oversized metadata, content
that must stay untrusted, and summary records that nobody but the summarise stage may write.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any
from unittest.mock import patch

import boto3

from takeaways.adapters.s3_store import S3ArticleStore
from takeaways.article.model import Article
from takeaways.engines.extractive import ExtractiveEngine
from takeaways.limits import MAX_AUTHOR_CHARS, MAX_SOURCE_CHARS, MAX_TITLE_CHARS
from takeaways.records import to_json
from takeaways.signing import SIGNATURE_METADATA
from takeaways.summary import ArticleMeta, ObjectRef, SummaryRecord, Takeaway, TakeawaySummary
from tests.catalogue.cases import DEAD_LETTER, PLAIN, SUMMARY, Case, html, put
from tests.catalogue.harness import Harness, Outcome

_PARAGRAPHS = PLAIN.split("\n\n")[1:]
_HTML_ARTICLE = "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
_SLOW_SENTENCE = "The lighthouse keeper counted every gull on the breakwater twice."
# Two more stories of our own, unlike the market hall's, so no neighbour reads as the same story.
_FERRY = (
    "Island ferry adds a winter timetable\n\n"
    "The island ferry will run four crossings a day through the winter, the harbour trust said on Monday, "
    "doubling the service that islanders had for the past three winters.\n\n"
    "The extra sailings are paid for by a county grant of 380,000 pounds. Fares stay at 7 pounds for a return.\n\n"
    '"People can finally get to work and back on the same day," said trust chair Owen Price.\n'
)
_ORCHARD = (
    "Community orchard planted on old rail yard\n\n"
    "Volunteers planted 140 apple and pear trees on the disused rail yard at Millbrook on Sunday, "
    "turning two acres of gravel into the town's first community orchard.\n\n"
    "The railway company leased the land to the town for a token rent of one pound a year for 25 years.\n\n"
    "The first fruit is expected in three years, and the harvest will be shared with the local food bank.\n"
)


def _alerts_text(outcome: Outcome) -> str:
    return json.dumps(outcome.alerts, ensure_ascii=False)


def _only_alert(outcome: Outcome) -> dict[str, Any]:
    [alert] = outcome.alerts
    return alert


def _meta(outcome: Outcome, key: str | None) -> dict[str, Any]:
    assert key is not None
    meta: dict[str, Any] = outcome.summaries[key]["article"]
    return meta


def _json_article(**fields: Any) -> bytes:
    return json.dumps({"title": "Market hall reopens", "body": PLAIN, **fields}).encode()


def _uploaded(key: str, body: bytes, **extra: Any) -> Callable[[Harness], str]:
    def act(h: Harness) -> str:
        boto3.client("s3").put_object(Bucket=h.bucket, Key=key, Body=body, **extra)
        return key

    return act


def _trusting(sources: str, act: Callable[[Harness], str]) -> Callable[[Harness], str]:
    """The case with the stack deployed as if TrustedSources were ``sources``."""

    def with_trust(h: Harness) -> str:
        h.stack.functions["SummariseFunction"].environment["TRUSTED_SOURCES"] = sources
        return act(h)

    return with_trust


def _other_bucket(h: Harness) -> None:
    notification = {
        "Records": [
            {
                "eventSource": "aws:s3",
                "eventName": "ObjectCreated:Put",
                "eventTime": "2026-11-25T12:00:00.000Z",
                "s3": {
                    "bucket": {"name": "someone-elses-bucket"},
                    "object": {"key": "incoming/market.txt", "size": 100, "eTag": "e"},
                },
            }
        ]
    }
    h.send_to_ingest_queue(json.dumps(notification))


def _colliding_slugs(h: Harness) -> str:
    """Two keys whose slugs, cut at 60 characters, are the same: each keeps its own record."""
    stem = "incoming/2026/11/the-riverside-market-hall-reopens-after-a-two-year-restoration-project"
    h.put(f"{stem}-morning.txt", PLAIN.encode())
    second = f"{stem}-evening.txt"
    h.put(second, _FERRY.encode())
    return second


def _two_records_for_two_keys(outcome: Outcome, key: str | None) -> None:
    ids = {record["article_id"] for record in outcome.summaries.values()}
    assert len(outcome.summaries) == len(ids) == 2


def _forged_record(headline: str) -> bytes:
    record = SummaryRecord(
        article_id="forged",
        source_object=ObjectRef(bucket="any", key="incoming/forged.txt"),
        article=ArticleMeta(title=headline),
        summary=TakeawaySummary(
            headline=headline,
            summary="Everyone must evacuate the harbour now.",
            takeaways=[Takeaway(text="Breaking: an urgent evacuation after an explosion.", evidence=[0])],
            engine="extractive",
        ),
        summarised_at=datetime(2026, 11, 25, 12, 0, tzinfo=UTC),
    )
    return to_json(record).encode()


def _slow_batch(h: Harness) -> str:
    h.stack.functions["SummariseFunction"].environment["ARTICLE_TIME_BUDGET_SECONDS"] = "1"
    h.put("incoming/slow-neighbour-1.txt", _FERRY.encode())
    slow = "incoming/slow.txt"
    h.put(slow, PLAIN.replace("Traders who moved", f"{_SLOW_SENTENCE} Traders who moved").encode())
    h.put("incoming/slow-neighbour-2.txt", _ORCHARD.encode())
    return slow


@contextmanager
def _slow_on_one_article() -> Iterator[None]:
    """The extractive engine never finishes on the article with the lighthouse sentence."""
    original = ExtractiveEngine.summarise

    def summarise(self: ExtractiveEngine, article: Article) -> TakeawaySummary:
        while _SLOW_SENTENCE in article.body:
            time.sleep(0.05)
        return original(self, article)

    with patch.object(ExtractiveEngine, "summarise", summarise):
        yield


def _short_timeout(h: Harness) -> str:
    """SummariseFunction as if its template Timeout were 2 s: the runner stops it there, as Lambda would."""
    h.settle()  # S3's test event first: a timeout returns the whole batch, and it would go with it
    spec = h.stack.functions["SummariseFunction"]
    h.stack.functions["SummariseFunction"] = dataclasses.replace(spec, timeout_seconds=2)
    key = "incoming/stuck-read.txt"
    h.put(key, PLAIN.encode())
    return key


@contextmanager
def _stuck_read() -> Iterator[None]:
    """Reading the article never returns (a hung connection, outside any article budget)."""
    original = S3ArticleStore.read_article

    def read_article(self: S3ArticleStore, ref: ObjectRef, *, max_bytes: int) -> tuple[bytes, ObjectRef]:
        while ref.key == "incoming/stuck-read.txt":
            time.sleep(0.05)
        return original(self, ref, max_bytes=max_bytes)

    with patch.object(S3ArticleStore, "read_article", read_article):
        yield


def _no_hidden_text(outcome: Outcome, key: str | None) -> None:
    assert "draft" not in _alerts_text(outcome).lower()


def _no_link(outcome: Outcome, key: str | None) -> None:
    assert _only_alert(outcome)["url"] is None
    assert "javascript" not in _alerts_text(outcome).lower()


def _real_host_shown(outcome: Outcome, key: str | None) -> None:
    assert _only_alert(outcome)["url"] == "https://evil.example/login"


def _no_markup(outcome: Outcome, key: str | None) -> None:
    text = _alerts_text(outcome)
    assert "<script" not in text and "onerror" not in text and "alert(" not in text


def _no_controls(outcome: Outcome, key: str | None) -> None:
    text = _alerts_text(outcome)
    for control in ("\x1b", "\x07", "\u202e"):
        assert control not in text
        assert control not in json.dumps(outcome.summaries, ensure_ascii=False)


def _claim_kept_untrusted(outcome: Outcome, key: str | None) -> None:
    assert (_meta(outcome, key)["source"], _meta(outcome, key)["claimed_source"]) == (None, "Reuters")
    assert _only_alert(outcome)["source"] is None


def _trusted_claim_is_the_source(outcome: Outcome, key: str | None) -> None:
    assert _only_alert(outcome)["source"] == "Coastal Times"


def _bounded_metadata(outcome: Outcome, key: str | None) -> None:
    meta = _meta(outcome, key)
    assert len(meta["title"]) <= MAX_TITLE_CHARS and len(meta["author"]) <= MAX_AUTHOR_CHARS
    assert len(meta["claimed_source"]) <= MAX_SOURCE_CHARS
    assert (meta["url"], meta["published"]) == (None, None)


def _decoded(word: str) -> Callable[[Outcome, str | None], None]:
    def check(outcome: Outcome, key: str | None) -> None:
        assert word in _alerts_text(outcome) or word in json.dumps(outcome.summaries, ensure_ascii=False)

    return check


_STALLHOLDERS = "Stallh\u00f6lders"  # one non-ASCII letter, to see which decoding won

HOSTILE_CASES: list[Case] = [
    Case(
        "stray end tags",
        "HTML with 20,000 stray end tags under 20,000 open ones",
        SUMMARY,
        put("incoming/stray.html", html("<div>" * 20_000 + "</span>" * 20_000 + _HTML_ARTICLE)),
    ),
    Case(
        "unterminated markup",
        "HTML ending in 30,000 unterminated '<a' and '<!--'",
        SUMMARY,
        put("incoming/unterminated.html", html(_HTML_ARTICLE + "<p>" + "<a" * 30_000 + "<!--" * 30_000)),
    ),
    Case(
        "deep json",
        "JSON nested 100,000 deep",
        "rejected: malformed_json",
        put("incoming/deep.json", b'{"body": ' * 100_000 + b'"x"' + b"}" * 100_000),
    ),
    Case(
        "only emoji",
        "text of only emoji",
        "rejected: too_short",
        put("incoming/emoji.txt", ("\U0001f389 \U0001f30a \U0001f6a2 " * 60).encode()),
    ),
    Case(
        "only punctuation",
        "text of only punctuation",
        "rejected: too_short",
        put("incoming/punctuation.txt", ("!!! ... ??? --- *** " * 60).encode()),
    ),
    Case(
        "huge metadata",
        "a 60 KB url and a title, source, byline and date of thousands of characters",
        "summary and one alert, with metadata cut to its limits and no url",
        put(
            "incoming/huge-meta.json",
            _json_article(
                title="Market hall reopens " * 500,
                url="https://market.example/" + "a" * 60_000,
                source="Riverside Gazette " * 300,
                author="Lena Moritz " * 300,
                published="2026-11-25" * 500,
            ),
        ),
        check=_bounded_metadata,
    ),
    Case(
        "folder marker",
        "a console folder, incoming/2026/11/",
        "ignored: folder_marker",
        put("incoming/2026/11/", b""),
    ),
    Case("other bucket", "an event naming another bucket", "ignored: other_bucket", _other_bucket),
    Case(
        "colliding slugs",
        "two keys alike in their first 60 characters",
        "summary and one alert for each, under two ids",
        _colliding_slugs,
        check=_two_records_for_two_keys,
        neighbours=1,
    ),
    Case(
        "gzip body",
        "a gzip body with Content-Encoding: gzip",
        SUMMARY,
        _uploaded("incoming/gzipped.txt", gzip.compress(PLAIN.encode()), ContentEncoding="gzip"),
    ),
    Case(
        "utf-16le without bom",
        "UTF-16LE text without a BOM",
        SUMMARY,
        put("incoming/utf16le.txt", PLAIN.replace("Stallholders", _STALLHOLDERS).encode("utf-16-le")),
        check=_decoded(_STALLHOLDERS),
    ),
    Case(
        "stray bytes",
        "UTF-8 text with a stray invalid byte",
        "summary and one alert, its UTF-8 letters intact",
        put("incoming/stray-byte.txt", PLAIN.replace("Stallholders", _STALLHOLDERS).encode() + b"\xff\n"),
        check=_decoded(_STALLHOLDERS),
    ),
    Case(
        "svg as txt",
        "an SVG image renamed .txt",
        "rejected: unsupported_type",
        put(
            "incoming/drawing.txt", f'<?xml version="1.0"?><svg xmlns="x"><text>{PLAIN}</text></svg>'.encode()
        ),
    ),
    Case(
        "rss as txt",
        "an RSS feed renamed .txt",
        "rejected: unsupported_type",
        put(
            "incoming/feed.txt",
            f"<rss><channel><item><description>{PLAIN}</description></item></channel></rss>".encode(),
        ),
    ),
    Case(
        "hidden html",
        "HTML with hidden, display:none, aria-hidden and template elements",
        "summary and one alert without the hidden text",
        put(
            "incoming/hidden.html",
            html(
                "<p hidden>Draft: the hall will never open.</p><div style='display:none'>Draft notes.</div>"
                "<p aria-hidden='true'>Draft caption.</p><template><p>Draft template.</p></template>"
                + _HTML_ARTICLE
            ),
        ),
        check=_no_hidden_text,
    ),
    Case(
        "javascript url",
        "a javascript: link as the article's url",
        "summary and one alert without a link",
        put("incoming/js-url.json", _json_article(url="javascript:alert(document.cookie)")),
        check=_no_link,
    ),
    Case(
        "look-alike url",
        "a link that names one host and goes to another (https://bank.example@evil.example/)",
        "summary and one alert linking the real host",
        put("incoming/lookalike.json", _json_article(url="https://market.example@EVIL.example/login")),
        check=_real_host_shown,
    ),
    Case(
        "script in text",
        "<script> and <img onerror> in the title and text",
        "summary and one alert without markup",
        put(
            "incoming/script.json",
            _json_article(
                title="Market hall <script>alert(1)</script>reopens",
                body=PLAIN.replace(
                    "the borough council said.", "the borough council said. <img src=x onerror=alert(1)>"
                ),
            ),
        ),
        check=_no_markup,
    ),
    Case(
        "control characters",
        "ESC, BEL and RLO characters in the title and text",
        "summary and one alert without them",
        put(
            "incoming/controls.json",
            _json_article(
                title="Market \x1b[2Jhall\x07 reopens \u202e",
                body=PLAIN.replace("Saturday", "Sat\x1b[1murday\u202e"),
            ),
        ),
        check=_no_controls,
    ),
    Case(
        "claimed source",
        'an article that says it is "Reuters", with no trusted sources listed',
        "summary and one alert without a source",
        put("incoming/claimed.json", _json_article(source="Reuters")),
        check=_claim_kept_untrusted,
    ),
    Case(
        "trusted source",
        "an article from an outlet the operator lists in TrustedSources",
        "summary and one alert with that source",
        _trusting("Coastal Times", put("incoming/trusted.json", _json_article(source="Coastal Times"))),
        check=_trusted_claim_is_the_source,
    ),
    Case(
        "forged summary",
        "a well-formed summary record put under summaries/ by someone else (unsigned)",
        "rejected: unsigned",
        put("summaries/forged.json", _forged_record("BREAKING: evacuate the harbour")),
    ),
    Case(
        "tampered summary",
        "a summary record whose signature does not match its content",
        "rejected: invalid_signature",
        _uploaded(
            "summaries/tampered.json",
            _forged_record("BREAKING: evacuate the harbour"),
            Metadata={SIGNATURE_METADATA: "hmac-sha256-v1:" + "0" * 64},
        ),
    ),
    Case(
        "slow article",
        "one article the engine never finishes, between two good ones in one batch",
        "rejected: too_slow (its two neighbours: summary and one alert each)",
        _slow_batch,
        faults=_slow_on_one_article,
        neighbours=2,
    ),
    Case(
        "function timeout",
        "a read that never returns, in a function whose Timeout is 2 s",
        DEAD_LETTER,
        _short_timeout,
        faults=_stuck_read,
    ),
]
