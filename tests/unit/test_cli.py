"""The takeaways command as a shell user meets it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "articles" / "harbour-bridge-closure.txt"


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    """`takeaways summarise big.jsonl | head -1`: the command stops quietly with the shell's SIGPIPE status."""
    article = SAMPLE.read_text()
    batch = tmp_path / "big.jsonl"
    # Far more output than a pipe buffers, so the command is still writing when the reader leaves.
    batch.write_text("".join(json.dumps({"id": n, "article": article}) + "\n" for n in range(400)))
    environment = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT / "functions")}
    command = subprocess.Popen(
        [sys.executable, "-m", "takeaways.cli", "summarise", str(batch)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
    )
    assert command.stdout is not None and command.stderr is not None
    first_row = json.loads(command.stdout.readline())
    command.stdout.close()
    status = command.wait(timeout=120)
    assert first_row["id"] == 0
    assert b"Traceback" not in command.stderr.read()
    assert status == 141
