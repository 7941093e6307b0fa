"""The reader panel's scoring reads each answer through its item's key: labels A and B are per item."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.panel import score


def _judged(complete: bool, facts: int, repeated: int = 0, broken: int = 0) -> dict[str, object]:
    return {"headline_complete": complete, "key_facts": facts, "repeated": repeated, "broken": broken}


def test_answers_are_credited_to_the_alert_each_item_s_key_names(tmp_path: Path) -> None:
    (tmp_path / "key.json").write_text(
        json.dumps({"key": {"1": ["ours", "lead"], "2": ["lead", "ours"]}, "ids": []})
    )
    answers = [
        {"item": 1, "A": _judged(True, 3), "B": _judged(False, 1, repeated=2), "preferred": "A"},
        {"item": 2, "A": _judged(False, 2, broken=1), "B": _judged(True, 4), "preferred": "tie"},
    ]
    (tmp_path / "answers.jsonl").write_text("".join(json.dumps(answer) + "\n" for answer in answers))
    table = score(tmp_path)
    assert "| headline complete | 2/2 | 0/2 |" in table
    assert "| key facts of 4 | 3.50 | 1.50 |" in table
    assert "| repeated lines | 0.00 | 1.00 |" in table
    assert "| broken lines | 0.00 | 0.50 |" in table
    assert "| preferred | 1 | 0 (ties 1) |" in table


def test_a_second_reader_of_the_same_sheet_is_scored_from_their_own_file(tmp_path: Path) -> None:
    (tmp_path / "key.json").write_text(json.dumps({"key": {"1": ["lead", "ours"]}, "ids": []}))
    first = {"item": 1, "A": _judged(True, 3), "B": _judged(False, 1), "preferred": "A"}
    second = {"item": 1, "A": _judged(False, 2), "B": _judged(True, 4), "preferred": "B"}
    (tmp_path / "answers.jsonl").write_text(json.dumps(first) + "\n")
    (tmp_path / "answers-2.jsonl").write_text(json.dumps(second) + "\n")
    assert "| preferred | 0 | 1 (ties 0) |" in score(tmp_path)
    assert "| preferred | 1 | 0 (ties 0) |" in score(tmp_path, "answers-2.jsonl")


def test_a_judged_panel_is_never_built_again_over_its_key() -> None:
    import pytest

    from benchmarks.panel import PANELS, build

    judged = sorted(path.parent.name for path in PANELS.glob("*/answers.jsonl"))
    assert judged, "panel 9's answers are kept in the repository"
    with pytest.raises(SystemExit, match="has been judged"):
        build(20, int(judged[0]))
