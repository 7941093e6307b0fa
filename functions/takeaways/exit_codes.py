"""What the ``takeaways`` command's exit status means: the one list the code returns and the docs show.

``takeaways --help`` prints this table and README.md's *Exit codes* table is checked against it by a
unit test, so a script that branches on ``$?`` reads what the command really does.
"""

from __future__ import annotations

import sys
import textwrap
from enum import IntEnum
from typing import NoReturn


class ExitCode(IntEnum):
    """Exit statuses; each member's meaning is in ``MEANINGS``."""

    OK = 0
    FAILED = 1
    USAGE_OR_REJECTED = 2
    CLAIM_FAILED = 3
    PIPE_CLOSED = 141  # 128 + SIGPIPE, what a shell reports for a tool whose reader closed the pipe


MEANINGS: dict[ExitCode, str] = {
    ExitCode.OK: "done",
    ExitCode.FAILED: "the command failed (one line on stderr says why): AWS set-up, a missing file or "
    "resource, a refused change",
    ExitCode.USAGE_OR_REJECTED: "a usage error (an unknown option or value, such as a topic, source or "
    "language no alert carries), or the article was rejected (`summarise`, `check`, `upload --wait`; an "
    "empty file too), or `check` was given no claims",
    ExitCode.CLAIM_FAILED: "`check`: at least one claim failed",
    ExitCode.PIPE_CLOSED: "the output's reader stopped early (as `head` does): nothing is wrong",
}


def help_table() -> str:
    """The exit codes as ``--help`` lists them."""
    rows = (
        textwrap.fill(
            MEANINGS[code], width=96, initial_indent=f"  {code.value:<5}", subsequent_indent=" " * 7
        )
        for code in ExitCode
    )
    return "exit codes:\n" + "\n".join(rows)


def usage_error(command: str, message: str) -> NoReturn:
    """Stop with a one-line usage error on stderr, as argparse's are reported."""
    print(f"takeaways {command}: {message}", file=sys.stderr)
    raise SystemExit(ExitCode.USAGE_OR_REJECTED)
