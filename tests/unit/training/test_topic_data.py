"""The topic data loader: files read only to train on add no story twice and no held-out story."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from training import topic_data
from training.topic_data import LabelledItem


def _write(path: Path, rows: list[dict[str, object]], *, array: bool = False) -> None:
    text = json.dumps(rows) if array else "".join(json.dumps(row) + "\n" for row in rows)
    path.write_text(text, encoding="utf-8")


def test_training_only_files_skip_stories_the_other_files_hold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spread, headlines = tmp_path / "spread.json", tmp_path / "headlines.jsonl"
    monkeypatch.setattr(topic_data, "HUFFPOST_SPREAD_FILE", spread)
    monkeypatch.setattr(topic_data, "HUFFPOST_HEADLINES_FILE", headlines)
    religion = topic_data.HUFFPOST_SECTION_NUMBERS.index("RELIGION")
    world = topic_data.HUFFPOST_SECTION_NUMBERS.index("WORLD NEWS")
    _write(
        spread,
        [
            {
                "link": "https://a/1",
                "headline": "Pope Visits Iraq",
                "short_description": "",
                "category": "RELIGION",
            },
            {
                "link": "https://a/2",
                "headline": "Bishops Meet In Rome",
                "short_description": "",
                "category": "RELIGION",
            },
        ],
        array=True,
    )
    _write(
        headlines,
        [
            {"raw": "bishops meet in rome", "label": religion},  # the spread file's story, re-tokenised
            {"raw": "monks ' choir tours the valley", "label": religion},
            {"raw": "rabbi opens a food bank", "label": religion},
            {"raw": "a summit in paris", "label": world},  # a section left out of the mapping
        ],
    )
    native = [LabelledItem("Rabbi Opens A Food Bank!", "Text.", "religion", "short", "huffpost")]

    extra = topic_data._training_only_items(native, {"https://a/1"})

    assert [item.headline for item in extra] == ["Bishops Meet In Rome", "monks ' choir tours the valley"]
    assert all(item.training_only and item.topic == "religion" and not item.held_out for item in extra)
