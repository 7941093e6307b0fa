"""``takeaways``: the command line for people who run or use the service.

takeaways summarise ARTICLE            print a readable summary of one article file
takeaways summarise IN.jsonl -o OUT    summarise {"id", "article"} lines into JSON lines

takeaways check ARTICLE CLAIMS         check claims (one a line) against an article
takeaways threads IN.jsonl -o OUT      which articles tell the same story (new, update, duplicate)
takeaways feeds add|remove|list        the feeds the poller follows (takeaways.cli_feeds)
takeaways fetch URL [--dry-run]        one article page into incoming/ (takeaways.cli_feeds)

The subscription commands (subscribe, preferences, digest ...) are in ``takeaways.cli_subscriptions``,
the other operator commands (upload, status, pause ...) in ``takeaways.operator_cli``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from takeaways import check_command
from takeaways.alerts.priority import assess_priority
from takeaways.article.model import Article
from takeaways.engines import SummaryEngine
from takeaways.errors import ArticleRejected
from takeaways.exit_codes import ExitCode, help_table
from takeaways.operator_cli import register as register_operator_commands
from takeaways.operator_cli import resources as operator_resources
from takeaways.records import to_json, to_jsonable
from takeaways.summary import TakeawaySummary

ARTICLES_PREFIX = "incoming/"
# Each stage's dead-letter queue and the queue its messages go back to, by logical id in the template.
_DEAD_LETTER_QUEUES = {
    "ingest": ("IngestDeadLetterQueue", "IngestQueue"),
    "alerts": ("AlertDeadLetterQueue", "AlertQueue"),
    "delivery": ("DeliveryDeadLetterQueue", "DeliveryQueue"),
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        result: int = args.run(args)
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as Unix tools do, without a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitCode.PIPE_CLOSED
    except OSError as error:
        # A file that is missing, a directory or unreadable is the user's to fix: say which, no traceback.
        print(f"takeaways: {error.filename or ''}: {error.strerror or error}", file=sys.stderr)
        return ExitCode.FAILED
    except Exception as error:
        problem = _aws_setup_problem(error)
        if problem is None:
            raise
        print(f"takeaways: {problem}", file=sys.stderr)
        return ExitCode.FAILED
    return result


def _aws_setup_problem(error: Exception) -> str | None:
    """What to do about an AWS error that is the caller's set-up, not a fault in the command."""
    if "botocore" not in sys.modules:
        return None
    from botocore.exceptions import ClientError, EndpointConnectionError, NoCredentialsError, NoRegionError

    # An adapter reports AWS's answer (or its silence) as a TransientFailure caused by it: read the cause.
    known = (ClientError, EndpointConnectionError, NoCredentialsError, NoRegionError)
    cause: BaseException | None = error
    while cause is not None and not isinstance(cause, known):
        cause = cause.__cause__
    if cause is None:
        return None
    error = cause
    if isinstance(error, EndpointConnectionError):
        endpoint = str(error.kwargs.get("endpoint_url", "the endpoint"))
        local = " (is `make up` still running?)" if "127.0.0.1" in endpoint or "localhost" in endpoint else ""
        return f"cannot reach {endpoint}{local}"
    if isinstance(error, NoRegionError):
        return "no AWS region: set AWS_DEFAULT_REGION or AWS_REGION (with --stack)"
    if isinstance(error, NoCredentialsError):
        return "no AWS credentials: set them up for the account of the stack (with --stack)"
    if isinstance(error, ClientError):
        # AccessDenied, throttling, a resource deleted under the stack: AWS's own words, on one line.
        detail = error.response.get("Error", {})
        return f"{error.operation_name}: {detail.get('Code', 'error')}: {detail.get('Message', '')}".rstrip(
            ": "
        )
    return None


def _parser() -> argparse.ArgumentParser:
    parser = _OneLineErrors(
        prog="takeaways",
        description="News summarisation and alerts.",
        epilog=help_table(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    summarise = commands.add_parser("summarise", help="summarise an article file or a JSONL batch")
    summarise.add_argument("input", type=Path, help="an article (.txt .md .html .json) or a .jsonl batch")
    summarise.add_argument("-o", "--output", type=Path, help="where to write JSON lines (batch mode)")
    summarise.add_argument(
        "--engine",
        choices=["extractive", "openai"],
        default="extractive",
        help="openai reads OPENAI_API_KEY, OPENAI_BASE_URL and OPENAI_MODEL; it falls back to extractive",
    )
    summarise.add_argument("--json", action="store_true", help="print the summary as JSON")
    summarise.add_argument("--max-chars", type=int, default=200_000, help="truncate longer articles")
    summarise.set_defaults(run=_summarise)

    from takeaways.cli_subscriptions import register as register_subscription_commands

    register_subscription_commands(commands, _stack_option)
    register_operator_commands(commands, _stack_option)

    replay = commands.add_parser("replay", help="re-enqueue stored articles for summarising again")
    _stack_option(replay)
    replay.add_argument("--prefix", required=True, help="e.g. incoming/2026/11/")
    replay.set_defaults(run=_replay)

    redrive = commands.add_parser("redrive", help="move a dead-letter queue's messages back to their queue")
    _stack_option(redrive)
    redrive.add_argument(
        "queue",
        choices=sorted([*_DEAD_LETTER_QUEUES, "chat"]),
        help="which stage's dead-letter queue (chat: each message posted again by ChatFunction)",
    )
    redrive.set_defaults(run=_redrive)

    from takeaways import thread_command

    thread_command.add_parser(commands)
    check_command.register(commands)

    schema = commands.add_parser("schema", help="print or write the published JSON Schemas")
    schema.add_argument("--write", type=Path, metavar="DIR", help="write the schema files into DIR")
    schema.set_defaults(run=_schema)

    from takeaways.cli_feeds import register_feed_commands

    register_feed_commands(commands, _stack_option)
    return parser


class _OneLineErrors(argparse.ArgumentParser):
    """A usage error on one line, naming the command, instead of argparse's usage block and error.

    Abbreviations are refused: ``--topic`` would otherwise pass as ``--topics``, so a typo is read
    as a filter nobody asked for. An option no command has is blamed on the command it was given
    to, whose ``--help`` lists the right ones.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(ExitCode.USAGE_OR_REJECTED, f"{self.prog}: {message} (see {self.prog} --help)\n")

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            self._command_of(list(sys.argv[1:] if args is None else args)).error(
                f"unrecognized arguments: {' '.join(extras)}"
            )
        return parsed

    def _command_of(self, words: list[str]) -> argparse.ArgumentParser:
        """The innermost (sub)command the words name: ``takeaways feeds add``'s parser for its words."""
        parser: argparse.ArgumentParser = self
        for word in words:
            commands = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)
            if commands is None:
                break
            if word in commands.choices:
                parser = commands.choices[word]
        return parser


def _stack_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--stack", help="deployed CloudFormation stack (default: the local stack of `make up`)"
    )


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _resources(args: argparse.Namespace) -> dict[str, str]:
    return operator_resources(args)


def _replay(args: argparse.Namespace) -> int:
    import uuid

    from tqdm import tqdm

    from takeaways.adapters.operator import articles_under, replay_batch

    if not args.prefix.startswith(ARTICLES_PREFIX):
        raise SystemExit(f"replay re-summarises articles: the prefix must start with {ARTICLES_PREFIX}")
    resources = _resources(args)
    bucket, queue_url = resources["ArticlesBucket"], resources["IngestQueue"]
    replay_id = uuid.uuid4().hex
    sent = 0
    batch: list[dict[str, Any]] = []
    with tqdm(desc=f"replaying s3://{bucket}/{args.prefix}", unit=" articles", disable=None) as progress:
        for item in articles_under(bucket, args.prefix):
            batch.append(item)
            if len(batch) == 10:
                sent += replay_batch(queue_url, bucket, batch, replay_id)
                progress.update(len(batch))
                batch = []
        if batch:
            sent += replay_batch(queue_url, bucket, batch, replay_id)
            progress.update(len(batch))
    print(f"re-enqueued {sent} article(s) (replay {replay_id})")
    if not sent:
        print(
            f"  nothing is stored under {args.prefix}: uploads land under incoming/YYYY/MM/DD/ (the upload's"
            " day, UTC), feed articles under incoming/feeds/"
        )
    return 0


def _redrive(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from takeaways.adapters.operator import move_messages

    resources = _resources(args)
    if args.queue == "chat":
        return _redrive_chat(resources)
    dead_letters, source = (resources[name] for name in _DEAD_LETTER_QUEUES[args.queue])
    with tqdm(desc=f"redriving {args.queue}", unit=" messages", disable=None) as progress:
        moved = move_messages(dead_letters, source, on_moved=progress.update)
    print(f"moved {moved} message(s) from {dead_letters} back to {source}")
    return 0


def _redrive_chat(resources: dict[str, str]) -> int:
    """The chat DLQ has no source queue: each message is the event ChatFunction is invoked with again."""
    from tqdm import tqdm

    from takeaways.adapters.chat_channels import chat_function_arn
    from takeaways.adapters.operator import invoke_with_messages

    if "ChatDeadLetterQueue" not in resources:
        raise SystemExit("this stack has no chat channels: deploy the current template first")
    function = chat_function_arn(resources["AlertsTopic"], resources["ChatFunction"])
    with tqdm(desc="redriving chat", unit=" messages", disable=None) as progress:
        sent = invoke_with_messages(resources["ChatDeadLetterQueue"], function, on_sent=progress.update)
    print(f"sent {sent} message(s) from {resources['ChatDeadLetterQueue']} to ChatFunction to post again")
    return 0


def _parse(raw: bytes, filename: str, max_chars: int) -> Article:
    """As the summarise function parses: outlets are trusted only when TRUSTED_SOURCES lists them."""
    import os

    from takeaways.article import parse_article
    from takeaways.config import trusted_set

    trusted = trusted_set(os.environ.get("TRUSTED_SOURCES", "").split(","))
    return parse_article(raw, filename, max_chars=max_chars, trusted_sources=trusted)


def _engine(name: str) -> SummaryEngine:
    if name == "openai":
        from takeaways.engines.selection import engine_from_environment

        return engine_from_environment()
    from takeaways.engines.extractive import ExtractiveEngine

    return ExtractiveEngine()


def _summarise(args: argparse.Namespace) -> int:
    engine = _engine(args.engine)
    if args.input.suffix == ".jsonl" or args.output:
        return _summarise_batch(args.input, args.output, engine, args.max_chars)
    try:
        article = _parse(args.input.read_bytes(), args.input.name, args.max_chars)
    except ArticleRejected as rejected:
        print(f"rejected ({rejected.reason.value}): {rejected.detail}", file=sys.stderr)
        return ExitCode.USAGE_OR_REJECTED
    summary = engine.summarise(article)
    if args.engine == "openai" and summary.fallback_reason:
        # Asked for the model and got the extractive engine: the output is right, but say why on stderr.
        print(
            f"takeaways: the model engine was not used ({summary.fallback_reason}); docs/operations.md"
            " says what each fallback reason means",
            file=sys.stderr,
        )
    if args.json:
        # What the alert carries beside the summary, as the batch output writes it.
        routing = {"priority": assess_priority(summary), "source": article.source}
        print(to_json(to_jsonable(summary) | routing, indent=2))
    else:
        print(render_summary_text(summary))
    return 0


def _summarise_batch(source: Path, target: Path | None, engine: SummaryEngine, max_chars: int) -> int:
    rejected = 0
    with source.open(encoding="utf-8") as lines, _open_output(target) as out:
        for item in read_batch(lines):
            row: dict[str, Any] = {"id": item["id"]}
            try:
                article = _parse(*batch_article(item), max_chars)
            except ArticleRejected as error:
                rejected += 1
                row |= {"rejected": error.reason.value, "headline": "", "summary": "", "takeaways": []}
            else:
                summary = engine.summarise(article)
                row |= {
                    "headline": summary.headline,
                    "summary": summary.summary,
                    "takeaways": [takeaway.text for takeaway in summary.takeaways],
                    "entities": to_jsonable(summary.entities),
                    "topics": to_jsonable(summary.topics),
                    "language": summary.language,
                    "priority": assess_priority(summary),
                    "source": article.source,
                    "engine": summary.engine,
                }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    if rejected:
        print(f"{rejected} article(s) rejected; see the 'rejected' field", file=sys.stderr)
    return 0


def read_batch(lines: TextIO) -> Iterator[dict[str, Any]]:
    """The batch input of ``summarise`` and ``threads``: one ``{"id", "article"}`` object a line.

    ``article`` is the text, or an object as an article's ``.json`` file holds it.
    """
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                item = json.loads(line)
            except json.JSONDecodeError as error:
                raise SystemExit(f"line {number}: not JSON ({error.msg})") from None
            if not isinstance(item, dict) or "id" not in item or "article" not in item:
                raise SystemExit(f"line {number}: expected an object with 'id' and 'article'")
            yield item


def batch_article(item: dict[str, Any]) -> tuple[bytes, str]:
    """A batch line's article as the bytes and file name ``parse_article`` reads.

    A string is the article's text; an object is an article as a ``.json`` file holds it
    (``title``, ``body``, ``source``…), so its title and source count as they do at intake.
    """
    article = item["article"]
    if isinstance(article, dict):
        return json.dumps(article, ensure_ascii=False).encode("utf-8"), "article.json"
    return str(article).encode("utf-8"), "article.txt"


class _open_output:  # noqa: N801 - reads as the context manager it is
    """Write to a file, or to stdout when no file is given."""

    def __init__(self, target: Path | None) -> None:
        self._target = target
        self._file: TextIO | None = None

    def __enter__(self) -> TextIO:
        if self._target is None:
            return sys.stdout
        self._file = self._target.open("w", encoding="utf-8")
        return self._file

    def __exit__(self, *exc: object) -> None:
        if self._file is not None:
            self._file.close()


def render_summary_text(summary: TakeawaySummary) -> str:
    """A summary as a person reads it in a terminal."""
    lines = [summary.headline, "=" * len(summary.headline), "", summary.summary, "", "Takeaways:"]
    for number, takeaway in enumerate(summary.takeaways, start=1):
        where = ", ".join(str(index + 1) for index in takeaway.evidence)
        lines.append(f"  {number}. {takeaway.text}" + (f"  [sentence {where}]" if where else ""))
    if summary.entities:
        lines += ["", "Entities: " + ", ".join(f"{e.name} ({e.kind})" for e in summary.entities)]
    if summary.topics:
        lines.append("Topics: " + ", ".join(f"{t.name} ({t.iptc})" for t in summary.topics))
    engine = summary.engine + (f" (fallback: {summary.fallback_reason})" if summary.fallback_reason else "")
    lines.append(f"Language: {summary.language} | Engine: {engine}")
    return "\n".join(lines)


def _schema(args: argparse.Namespace) -> int:
    from takeaways.contracts import published_schemas

    files = published_schemas()
    if args.write is None:
        for text in files.values():
            print(text, end="")
        return 0
    args.write.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (args.write / name).write_text(text, encoding="utf-8")
        print(f"wrote {args.write / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
