"""``make load``: a thousand articles through the local stack on moto's server, then a reconciliation.

Every article must end with exactly one summary and one alert, or exactly one
recorded rejection: nothing lost, nothing doubled. The run goes through a fault mix
(``infra/load_faults.py``: transient SNS and DynamoDB errors, lost Publish answers, a
slow article per 100) plus duplicate and concurrent copies of S3 events, and says how
many alerts the articles each fault hit produced. Prints throughput and end-to-end
latency percentiles, and appends them to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import statistics
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3

from benchmarks.report import update_section
from infra.event_sources import EventSourceRunner
from infra.load_faults import FaultMix
from infra.local_stack import DeployedStack, deploy
from infra.moto_server import running_moto_server
from infra.subscribers import subscribe_queue

ROOT = Path(__file__).resolve().parents[1]
FUNCTION_LOG = ROOT / ".takeaways" / "load-function-output.jsonl"

# Word stock for synthetic stories: random combinations of common words plus names invented per
# article keep every story distinct, so story threads must not merge any two of them.
_SUBJECTS = "council hospital university harbour railway library museum school court airport market".split()
_VERBS = "approved delayed expanded closed reopened funded reviewed rejected announced postponed".split()
_NOUNS = "plan budget project route service scheme programme inquiry contract timetable".split()
_WORDS = (
    "local officials residents said week people city new year million report public years time first "
    "government group members early later plans costs staff work area support spokesperson decision "
    "meeting state number cases months including according water homes families result since"
).split()


@dataclass
class LoadReport:
    uploaded: dict[str, float] = field(default_factory=dict)
    bad: set[str] = field(default_factory=set)
    alerts: Counter[str] = field(default_factory=Counter)
    alert_times: dict[str, float] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    duplicated: set[str] = field(default_factory=set)
    concurrent: set[str] = field(default_factory=set)
    summaries: dict[str, str] = field(default_factory=dict)
    faults: FaultMix = field(default_factory=FaultMix)


_SYLLABLES = "ka ro mi tel vas dor en lu bri sa ho var ni qua zel mo tri fen ul da".split()


def invented_name(number: int, salt: int) -> str:
    """A name no other article of the run carries: what makes two reports one story is what keeps these apart."""
    digits = [(number * 7 + salt) // 20**i % 20 for i in range(3)]
    return "".join(_SYLLABLES[d] for d in digits).capitalize()


def synthetic_article(rng: random.Random, number: int) -> str:
    subject = rng.choice(_SUBJECTS)
    place, person, venue = invented_name(number, 5), invented_name(number, 3), invented_name(number, 11)
    title = f"{place} {subject} {rng.choice(_VERBS)} {rng.choice(_NOUNS)} for {venue}, says {person}"
    sentences = []
    for index in range(rng.randint(6, 12)):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(10, 22))]
        words.insert(rng.randrange(len(words)), f"{rng.randint(2, 9999)}")
        sentence = " ".join(words).capitalize()
        sentences.append(f"{sentence} at {venue}, {person} said." if index % 2 else f"{person}: {sentence}.")
    paragraphs = [" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def bad_article(rng: random.Random) -> bytes:
    return rng.choice([b"", b"\x00\x01\x02binary" * 10, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", b"   \n\t  "])


def s3_event(bucket: str, key: str, etag: str) -> str:
    """The notification S3 sends for a new object, as a duplicate or concurrent copy of the real one."""
    record = {
        "eventVersion": "2.1",
        "eventSource": "aws:s3",
        "eventName": "ObjectCreated:Put",
        "s3": {"bucket": {"name": bucket}, "object": {"key": key, "eTag": etag, "size": 1}},
    }
    return json.dumps({"Records": [record]})


def run_load(
    count: int, bad_share: float, workers: int, *, faults: bool = True
) -> tuple[LoadReport, float, DeployedStack]:
    rng = random.Random(20261125)
    report = LoadReport()
    if not faults:
        report.faults = FaultMix(sns_throttled=0, sns_answer_lost=0, dynamodb_throttled=0, slow_every=10**9)
    with running_moto_server():
        stack = deploy(ROOT / "template.yaml", stack_name="load")
        bucket = stack.physical_id("ArticlesBucket")
        inbox = subscribe_queue(stack.physical_id("AlertsTopic"), "load-inbox", raw=True)
        runner = EventSourceRunner(stack, redelivery_delay_seconds=1)
        bad_numbers = set(rng.sample(range(count), int(count * bad_share)))
        stop = threading.Event()
        threading.Thread(target=_drain_inbox, args=(inbox, report, stop), daemon=True).start()
        started = time.monotonic()
        local = threading.local()
        bodies = {
            number: bad_article(rng) if number in bad_numbers else synthetic_article(rng, number).encode()
            for number in range(count)
        }

        ingest_queue = stack.physical_id("IngestQueue")
        good = [n for n in range(count) if n not in bad_numbers]
        duplicated = set(rng.sample(good, len(good) // 20)) if faults else set()
        concurrent = set(rng.sample(sorted(set(good) - duplicated), len(good) // 50)) if faults else set()

        def upload(number: int) -> None:
            # boto3 sessions are not thread-safe: each uploader thread gets its own client.
            if not hasattr(local, "s3"):
                local.s3 = boto3.session.Session().client("s3")
                local.sqs = boto3.session.Session().client("sqs")
            key = f"incoming/load/article-{number:05d}.txt"
            report.uploaded[key] = time.monotonic()
            etag = local.s3.put_object(Bucket=bucket, Key=key, Body=bodies[number])["ETag"].strip('"')
            # A duplicate arrives after the original; concurrent copies arrive together with it.
            copies = 1 if number in duplicated else 2 if number in concurrent else 0
            for _ in range(copies):
                local.sqs.send_message(QueueUrl=ingest_queue, MessageBody=s3_event(bucket, key, etag))

        report.bad = {f"incoming/load/article-{n:05d}.txt" for n in bad_numbers}
        report.duplicated = {f"incoming/load/article-{n:05d}.txt" for n in duplicated}
        report.concurrent = {f"incoming/load/article-{n:05d}.txt" for n in concurrent}
        FUNCTION_LOG.parent.mkdir(exist_ok=True)
        with (
            FUNCTION_LOG.open("w") as log,
            contextlib.redirect_stdout(log),
            report.faults.active(),
            ThreadPoolExecutor(max_workers=workers) as pool,
        ):
            uploads = pool.map(upload, range(count))
            poller = threading.Thread(target=_drive, args=(runner, stop), daemon=True)
            poller.start()
            list(uploads)
            expected_alerts = count - len(bad_numbers)
            deadline = time.monotonic() + max(180.0, count * 1.0)
            while time.monotonic() < deadline and sum(report.alerts.values()) < expected_alerts:
                time.sleep(0.5)
            elapsed = time.monotonic() - started
            time.sleep(3)  # let any straggling duplicate show itself before reconciling
            stop.set()
            poller.join(timeout=10)
        _reconcile(stack, report)
    return report, elapsed, stack


def _drive(runner: EventSourceRunner, stop: threading.Event) -> None:
    while not stop.is_set():
        if not runner.poll_once():
            time.sleep(0.05)


def _drain_inbox(queue_url: str, report: LoadReport, stop: threading.Event) -> None:
    sqs = boto3.session.Session().client("sqs")
    while not stop.is_set():
        messages = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1).get(
            "Messages", []
        )
        now = time.monotonic()
        for message in messages:
            alert: dict[str, Any] = json.loads(message["Body"])
            key = alert["summary_object"]
            report.alerts[key] += 1
            report.alert_times.setdefault(key, now)
            sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])


def _reconcile(stack: DeployedStack, report: LoadReport) -> None:
    s3 = boto3.client("s3")
    bucket = stack.physical_id("ArticlesBucket")
    summaries: dict[str, str] = {}
    rejections: Counter[str] = Counter()
    for prefix in ("summaries/", "rejected/"):
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
            for item in page.get("Contents", []):
                record = json.loads(s3.get_object(Bucket=bucket, Key=item["Key"])["Body"].read())
                source = record["source_object"]["key"]
                if prefix == "summaries/":
                    summaries[source] = f"s3://{bucket}/{item['Key']}"
                else:
                    rejections[source] += 1
    report.summaries = summaries
    problems = []
    latencies = []
    for key, uploaded_at in report.uploaded.items():
        summary_uri = summaries.get(key)
        alerts = report.alerts.get(summary_uri, 0) if summary_uri else 0
        if key in report.bad:
            if rejections[key] != 1 or summary_uri:
                problems.append(
                    f"{key}: expected one rejection, found {rejections[key]} and summary={summary_uri}"
                )
        elif summary_uri is None or alerts != 1:
            problems.append(
                f"{key}: expected one summary and one alert, found summary={summary_uri} alerts={alerts}"
            )
        elif summary_uri in report.alert_times:
            latencies.append(report.alert_times[summary_uri] - uploaded_at)
    dlq_depth = sum(
        int(
            boto3.client("sqs").get_queue_attributes(
                QueueUrl=stack.physical_id(name), AttributeNames=["ApproximateNumberOfMessages"]
            )["Attributes"]["ApproximateNumberOfMessages"]
        )
        for name in ("IngestDeadLetterQueue", "AlertDeadLetterQueue")
    )
    if dlq_depth:
        problems.append(f"{dlq_depth} message(s) in dead-letter queues")
    report.problems = problems
    report.latencies = sorted(latencies)


def fault_lines(report: LoadReport) -> list[str]:
    """For each fault, the articles it hit and the alerts those articles produced: one each, or a problem."""
    by_key = {uri: key for key, uri in report.summaries.items()}
    hit: dict[str, set[str]] = {
        "duplicate S3 event": report.duplicated,
        "concurrent S3 events": report.concurrent,
    }
    for fault, targets in report.faults.hits.items():
        if fault.startswith("dynamodb"):
            continue
        hit[fault] = {by_key.get(t, t) for t in targets if t != "-"}
    lines = []
    for fault, keys in sorted(hit.items()):
        summaries = [report.summaries.get(k) for k in keys]
        alerts = sum(report.alerts.get(s, 0) for s in summaries if s)
        lines.append(
            f"{fault}: {len(keys)} articles hit, {alerts} alerts ({alerts / max(len(keys), 1):.2f} each)"
        )
    throttled = sum(n for f, n in report.faults.injected.items() if f.startswith("dynamodb"))
    lines.append(f"dynamodb throttled: {throttled} calls failed, spread over all articles")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--bad-share", type=float, default=0.05, help="share of deliberately bad objects")
    parser.add_argument("--workers", type=int, default=8, help="concurrent uploaders")
    parser.add_argument("--no-faults", action="store_true", help="run without the fault mix")
    args = parser.parse_args(argv)
    report, elapsed, _ = run_load(args.articles, args.bad_share, args.workers, faults=not args.no_faults)
    problems, latencies = report.problems, report.latencies
    p50 = statistics.median(latencies) if latencies else float("nan")
    p95 = latencies[int(len(latencies) * 0.95) - 1] if latencies else float("nan")
    lines = [
        f"articles: {args.articles} ({len(report.bad)} deliberately bad)",
        f"alerts received: {sum(report.alerts.values())}",
        f"throughput: {args.articles / elapsed:.1f} articles/s over {elapsed:.1f} s",
        f"end-to-end latency: p50 {p50:.2f} s, p95 {p95:.2f} s",
        f"reconciliation: {'OK - nothing lost, nothing doubled' if not problems else f'{len(problems)} problem(s)'}",
        *(["fault mix (alerts produced by the articles each fault hit):"] if not args.no_faults else []),
        *([f"  {line}" for line in fault_lines(report)] if not args.no_faults else []),
    ]
    print("\n".join(lines))
    for problem in problems[:20]:
        print(f"  {problem}")
    update_section(
        "load",
        [
            "## Load",
            "",
            "The whole pipeline on moto's server: uploads from 8 threads, both functions driven in this process,",
            "an SQS subscriber draining alerts. Every article must end with exactly one summary and one alert, or",
            "exactly one rejection, through a fault mix: 3% of alert publishes throttled, 1% published with the",
            "answer lost, 2% of DynamoDB writes throttled, 5% of articles' S3 events delivered twice and 2% three",
            "times at once, and one article in 100 slow to read. Reproduce: `make load`.",
            "",
            *[f"- {line}" for line in lines],
        ],
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
