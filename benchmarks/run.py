"""``make bench``: every benchmark section, printed and written to docs/benchmarks.md."""

from __future__ import annotations

import sys
from collections.abc import Callable

from benchmarks import (
    cold_start,
    engine,
    entities,
    feeds,
    grounding,
    intake_scale,
    languages,
    package_size,
    priority,
    reading,
    threads,
    topics,
)
from benchmarks.report import update_section

# Each section measures one thing and owns one block of docs/benchmarks.md; add a section here.
SECTIONS: dict[str, Callable[[], list[str]]] = {
    "engine": engine.report,
    "cold-start": cold_start.report,
    "package-size": package_size.report,
    "intake-scale": intake_scale.report,
    "feeds": feeds.report,
    "topics": topics.report,
    "priority": priority.report,
    "entities": entities.report,
    "languages": languages.report,
    "threads": threads.report,
    "grounding": grounding.report,
    "reading": reading.report,
}


def main(argv: list[str]) -> int:
    chosen = argv or list(SECTIONS)
    unknown = [name for name in chosen if name not in SECTIONS]
    if unknown:
        print(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}", file=sys.stderr)
        return 2
    for name in chosen:
        print(f"== {name}", flush=True)
        lines = SECTIONS[name]()
        print("\n".join(lines), flush=True)
        update_section(
            name,
            [
                *lines,
                "",
                f"Reproduce: `make bench` (this section alone: `.venv/bin/python -m benchmarks.run {name}`).",
            ],
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
