"""The digest times live in the template's schedules; what people read quotes them, and must agree."""

from __future__ import annotations

import json
import re

from infra.template import load_template
from takeaways.alerts.subscription import DIGEST_FREQUENCIES
from takeaways.cli_subscriptions import frequency_text
from tests.unit.infra.conftest import ROOT, TEMPLATE

_DAYS = {"MON": "Mondays", "TUE": "Tuesdays", "WED": "Wednesdays", "THU": "Thursdays", "FRI": "Fridays"}


def said(expression: str) -> str:
    """``cron(0 18 * * ? *)`` -> ``18:00 UTC``; ``cron(0 7 ? * MON *)`` -> ``Mondays at 07:00 UTC``."""
    fields = re.fullmatch(r"cron\((.*)\)", expression)
    assert fields is not None, expression
    minute, hour, _, _, weekday, _ = fields[1].split()
    time = f"{int(hour):02d}:{int(minute):02d} UTC"
    return f"{_DAYS[weekday]} at {time}" if weekday in _DAYS else time


def schedules() -> dict[str, str]:
    events = load_template(TEMPLATE)["Resources"]["DigestFunction"]["Properties"]["Events"]
    return {
        json.loads(event["Properties"]["Input"])["period"]: said(event["Properties"]["Schedule"])
        for event in events.values()
    }


def test_there_is_one_schedule_per_digest_frequency() -> None:
    assert sorted(schedules()) == sorted(DIGEST_FREQUENCIES)


def test_the_readme_the_runbook_and_the_cli_quote_the_template_s_times() -> None:
    readme = " ".join((ROOT / "README.md").read_text().split())
    runbook = " ".join((ROOT / "docs" / "operations.md").read_text().split())
    for frequency, time in schedules().items():
        assert time in readme and time.replace(" at ", " ") in runbook, (frequency, time)
        assert time.replace(" at ", " ") in frequency_text(frequency), (frequency, time)
