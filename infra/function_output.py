"""The functions' output on a local run: every line to a file, as CloudWatch would get it, and a short
line per log record to the terminal.

A Lambda function's structured log line carries its context (ARN, memory size, request id, cold
start) and each invocation also prints its EMF metrics: a few hundred characters that would bury
what happened. ``FunctionOutput`` stands in for ``sys.stdout`` while the local stack runs: each
JSON line goes to the file whole, a log record is shown as ``08:40:25 SummariseFunction INFO
summary written  article_id=... engine=extractive``, a metrics line is kept in the file only, and
anything else (the runner's own messages) passes through as written.
"""

from __future__ import annotations

import io
import json
import re
import threading
from typing import Any, TextIO

# What powertools' Logger adds to every record about the invocation: in the file, not on the terminal.
LAMBDA_CONTEXT_KEYS = frozenset(
    {
        "level",
        "location",
        "message",
        "timestamp",
        "service",
        "cold_start",
        "function_name",
        "function_memory_size",
        "function_arn",
        "function_request_id",
        "correlation_id",
        "xray_trace_id",
        "sampling_rate",
    }
)
_VALUE_CHARS = 80
_FUNCTION_WIDTH = len("FeedPollerFunction")  # the longest logical id, so messages start in one column
_LOGICAL_ID = re.compile(r"-([A-Za-z0-9]+Function)-[A-Za-z0-9]+$")
_CLOCK = re.compile(r"\d{2}:\d{2}:\d{2}")


class FunctionOutput(io.TextIOBase):
    """A text stream that splits what is written into lines and routes each (see the module doc)."""

    def __init__(self, file: TextIO, terminal: TextIO) -> None:
        self._file = file
        self._terminal = terminal
        self._pending = ""
        self._lock = threading.Lock()  # chat webhooks and function URLs print from their own threads

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        with self._lock:
            self._pending += text
            *lines, self._pending = self._pending.split("\n")
            for line in lines:
                self._route(line)
        return len(text)

    def flush(self) -> None:
        with self._lock:
            self._file.flush()
            self._terminal.flush()

    def _route(self, line: str) -> None:
        record = _json_object(line)
        if record is None:
            self._terminal.write(line + "\n")
            return
        self._file.write(line + "\n")
        if "level" in record and "message" in record:
            self._terminal.write(short_line(record) + "\n")


def short_line(record: dict[str, Any]) -> str:
    """One log record in a line: time, function, level, message, then its own fields as ``key=value``."""
    clock = _CLOCK.search(str(record.get("timestamp", "")))
    name = str(record.get("function_name", ""))
    logical = _LOGICAL_ID.search(name)
    fields = [
        f"{key}={_shown(value)}"
        for key, value in record.items()
        if key not in LAMBDA_CONTEXT_KEYS and value not in (None, "", [], {})
    ]
    function = logical.group(1) if logical else name
    head = " ".join(
        part
        for part in (
            clock.group(0) if clock else "",
            f"{function:<{_FUNCTION_WIDTH}}" if function else "",
            f"{record.get('level', '')!s:<7}",
            str(record.get("message", "")),
        )
        if part.strip()
    )
    return f"{head}  {' '.join(fields)}" if fields else head


def _shown(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = " ".join(text.split())
    return text if len(text) <= _VALUE_CHARS else text[: _VALUE_CHARS - 3] + "..."


def _json_object(line: str) -> dict[str, Any] | None:
    if not line.startswith("{"):
        return None
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
