"""Renders the catalogue as the table in docs/bad-input-catalogue.md."""

from __future__ import annotations

from tests.catalogue.cases import Case

HEADER = """# Bad input and fault catalogue

Every input the pipeline can be given ends in a defined place: a summary and an alert, a
recorded rejection (a JSON record under `rejected/` with the reason, an `InputsRejected`
metric with a `reason` dimension, and a log line), an ignored event (an `EventsIgnored`
metric), or a dead-letter queue after the queue's five attempts. Nothing ends in silence.

Each row is a test (`tests/catalogue/test_catalogue.py`) run against the real template
deployed on moto, with the queues driven as Lambda would drive them. Faults are injected at
botocore's call boundary, so the code sees exactly the error a real service raises.

Regenerate this file with `.venv/bin/python -m tests.catalogue`.

| # | case | given | ends as |
| ---: | --- | --- | --- |
"""


def render_catalogue(cases: list[Case]) -> str:
    rows = [f"| {n} | {c.name} | {c.given} | {c.expected} |" for n, c in enumerate(cases, start=1)]
    return HEADER + "\n".join(rows) + "\n"
