"""``takeaways threads IN.jsonl -o OUT.jsonl``: which articles tell the same story, decided as the notify stage does.

Each input line is ``{"id", "article"}`` as for ``summarise``, with optional ``published`` (ISO 8601),
``source`` and ``url``; articles are taken in file order. Each output line is
``{"id", "thread", "relation", "similar_to"}``: ``relation`` is ``new``, ``update`` or
``duplicate``, and ``similar_to`` the id of the earlier article it was matched with. The
articles are summarised by the extractive engine and the story decision is the notify stage's
own (``pipeline.notify.decide_alert``) on an in-memory ledger, so no AWS is needed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from takeaways.cli import batch_article, read_batch
from takeaways.config import STORY_WINDOW_SECONDS
from takeaways.errors import ArticleRejected
from takeaways.stories.memory_ledger import MemoryStoryLedger

DEFAULT_WINDOW_HOURS = STORY_WINDOW_SECONDS // 3600


def add_parser(commands: Any) -> None:
    threads = commands.add_parser("threads", help="group a JSONL batch of articles into story threads")
    threads.add_argument("input", type=Path, help='a .jsonl file of {"id", "article", "published"?} lines')
    threads.add_argument("-o", "--output", type=Path, help="where to write JSON lines (default: stdout)")
    threads.add_argument(
        "--window-hours",
        type=float,
        default=DEFAULT_WINDOW_HOURS,
        help="how far apart one story's articles may be",
    )
    threads.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with args.input.open(encoding="utf-8") as lines:
        rows = list(thread_rows(read_batch(lines), window=timedelta(hours=args.window_hours)))
    out: TextIO = args.output.open("w", encoding="utf-8") if args.output else sys.stdout
    try:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        if args.output:
            out.close()
    return 0


def thread_rows(items: Iterator[dict[str, Any]], *, window: timedelta) -> Iterator[dict[str, Any]]:
    """One decision per article, in order, each seeing every earlier article's."""
    from takeaways.article import parse_article
    from takeaways.engines.extractive import ExtractiveEngine
    from takeaways.pipeline.notify import decide_alert
    from takeaways.pipeline.summarise import story_fields
    from takeaways.stories.threads import alert_id_for
    from takeaways.summary import ArticleMeta, ObjectRef, SummaryRecord

    engine, ledger = ExtractiveEngine(), MemoryStoryLedger()
    ids: dict[str, str] = {}
    now = datetime.now(UTC)
    for item in items:
        article_id = str(item["id"])
        try:
            article = parse_article(*batch_article(item), max_chars=200_000)
        except ArticleRejected as rejected:
            yield {
                "id": article_id,
                "thread": None,
                "relation": None,
                "similar_to": None,
                "rejected": rejected.reason.value,
            }
            continue
        article = replace(
            article,
            published=item.get("published") or article.published,
            source=item.get("source") or article.source,
            url=item.get("url") or article.url,
        )
        key = f"threads/{article_id}"
        summary = engine.summarise(article)
        record = SummaryRecord(
            article_id=article_id,
            source_object=ObjectRef(bucket="threads", key=key),
            article=ArticleMeta.describing(article),
            summary=summary,
            **story_fields(article, summary),
            summarised_at=now,
        )
        alert_id = alert_id_for(f"{key}@{article_id}")
        ids[record.article_id] = article_id
        decision = decide_alert(record, alert_id, ledger=ledger, at=now, window=window)
        similar = decision.similar_to
        yield {
            "id": article_id,
            "thread": decision.story_id,
            "relation": decision.relation,
            "similar_to": ids.get(similar, similar) if similar else None,
        }
