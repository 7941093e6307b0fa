"""docs/benchmarks.md is made of sections, each rewritten by the command that measures it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "docs" / "benchmarks.md"
HEADER = """# Benchmarks

Every figure here is printed by a command anyone can run from a clean clone; each section
says which. Speeds are ratios against a baseline measured in the same run on the same
machine, because absolute times depend on the machine. Tests never assert timings; these
figures are how the targets are checked.
"""


def update_section(name: str, lines: list[str]) -> None:
    """Replace (or append) one named section, leaving the others as they were."""
    text = REPORT.read_text() if REPORT.exists() else HEADER
    begin, end = f"<!-- section:{name} -->", f"<!-- /section:{name} -->"
    block = "\n".join([begin, *lines, end])
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.DOTALL)
    text = (
        pattern.sub(lambda _: block, text)
        if pattern.search(text)
        else text.rstrip("\n") + "\n\n" + block + "\n"
    )
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(text)
