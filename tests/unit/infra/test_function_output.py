"""What `make up` shows of the functions' output, and what it keeps in the file."""

from __future__ import annotations

import io
import json

from infra.function_output import FunctionOutput, short_line

RECORD = {
    "level": "INFO",
    "location": "_report:92",
    "message": "summary written",
    "timestamp": "2026-12-03 08:40:25,295+0000",
    "service": "takeaways",
    "cold_start": False,
    "function_name": "takeaways-local-SummariseFunction-B7F59F389C86",
    "function_arn": "arn:aws:lambda:us-east-1:123456789012:function:takeaways-local-SummariseFunction-B7",
    "function_request_id": "c1009d6a",
    "article_id": "harbour-bridge",
    "engine": "extractive",
    "fallback_reason": None,
}
METRICS = {
    "_aws": {"Timestamp": 1, "CloudWatchMetrics": []},
    "service": "takeaways",
    "SummariesWritten": [1.0],
}


def test_a_log_record_is_one_short_line_without_the_invocation_s_context() -> None:
    line = short_line(RECORD)
    assert line.startswith("08:40:25 SummariseFunction")
    assert "INFO" in line and "summary written" in line
    assert line.endswith("article_id=harbour-bridge engine=extractive")
    assert "arn:aws" not in line and "c1009d6a" not in line and "fallback_reason" not in line


def test_every_json_line_goes_to_the_file_and_only_log_records_to_the_terminal() -> None:
    file, terminal = io.StringIO(), io.StringIO()
    out = FunctionOutput(file, terminal)
    out.write(json.dumps(RECORD) + "\n" + json.dumps(METRICS))
    out.write("\n[chat] slack accepted: Bridge closes\nno newline yet")
    assert [json.loads(line) for line in file.getvalue().splitlines()] == [RECORD, METRICS]
    assert terminal.getvalue().splitlines() == [short_line(RECORD), "[chat] slack accepted: Bridge closes"]
    out.write(" and then one\n")
    assert terminal.getvalue().splitlines()[-1] == "no newline yet and then one"


def test_a_long_value_is_cut_and_says_so() -> None:
    line = short_line(RECORD | {"detail": "x" * 500})
    assert "detail=" + "x" * 77 + "..." in line
