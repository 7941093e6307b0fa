"""``takeaways check ARTICLE CLAIMS``: does the article support each claim, and on which sentences?

For editors checking a draft against its source, and for measuring the check itself. Each
claim (one a line) is checked against the article sentences that cover most of its words
(``ArticleFacts.best_evidence``), exactly as the model engine's uncited takeaways are, and the
answer is pass or the first reason it fails, with the sentences used as evidence.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from takeaways.errors import ArticleRejected
from takeaways.exit_codes import ExitCode

MAX_ARTICLE_CHARS = 200_000


def register(commands: Any) -> None:
    """Add the ``check`` command to the CLI's sub-commands."""
    check = commands.add_parser("check", help="check claims (one a line) against an article")
    check.add_argument("article", type=Path, help="an article file, as `summarise` reads it")
    check.add_argument("claims", type=Path, help="a text file of claims, one a line")
    check.add_argument("--json", action="store_true", help="one JSON object a line per claim")
    check.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Exit 0 when every claim passes, 3 when any fails, 2 when the article is rejected or there is no claim."""
    from takeaways.article import parse_article
    from takeaways.engines.grounding import ArticleFacts
    from takeaways.text.sentences import article_sentences

    try:
        article = parse_article(args.article.read_bytes(), args.article.name, max_chars=MAX_ARTICLE_CHARS)
    except ArticleRejected as rejected:
        print(f"rejected ({rejected.reason.value}): {rejected.detail}", file=sys.stderr)
        return ExitCode.USAGE_OR_REJECTED
    claims = [line.strip() for line in args.claims.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not claims:
        # "0 of 0 claim(s) pass" would read as a clean bill for a file that was empty or the wrong one.
        print(f"{args.claims}: no claims to check (one a line)", file=sys.stderr)
        return ExitCode.USAGE_OR_REJECTED
    sentences = article_sentences(article)
    facts = ArticleFacts(sentences, article.title)
    failed = 0
    for claim in claims:
        evidence = facts.best_evidence(claim)
        reason = facts.problem(claim, evidence)
        failed += reason is not None
        if args.json:
            row = {"claim": claim, "passed": reason is None, "reason": reason, "evidence": evidence}
            print(json.dumps(row, ensure_ascii=False))
            continue
        print(f"{'pass' if reason is None else 'FAIL'}  {claim}")
        if reason is not None:
            print(f"      reason: {reason}")
        for index in evidence:
            print(f"      [{index + 1}] {sentences[index]}")
    if not args.json:
        print(f"{len(claims) - failed} of {len(claims)} claim(s) pass")
    return ExitCode.CLAIM_FAILED if failed else ExitCode.OK
