"""Word helpers the engines read names with."""

from __future__ import annotations

import re

import pytest

from takeaways.text.words import standalone_positions


def test_a_name_standing_alone_is_found_at_each_place() -> None:
    text = "Neill spoke first; later Neill left."
    assert standalone_positions(text, "Neill") == [0, text.rindex("Neill")]


def test_a_name_inside_a_longer_word_is_not_found() -> None:
    assert standalone_positions("Neillson and Neill_2 spoke", "Neill") == []


def test_joiners_keep_a_name_inside_a_compound() -> None:
    text = "O'Neill and Smith-Jones spoke"
    assert standalone_positions(text, "Neill") == [2]
    assert standalone_positions(text, "Neill", joiners_before="'") == []
    assert standalone_positions(text, "Smith", joiners_after="-") == []
    assert standalone_positions(text, "Smith") == [text.index("Smith")]


@pytest.mark.parametrize(
    ("text", "word"),
    [("Ana met Anabel and Ana.", "Ana"), ("the 12 and 125 and 12", "12"), ("Zoë, Zoëlle", "Zoë")],
)
def test_matches_a_word_boundary_pattern(text: str, word: str) -> None:
    expected = [match.start() for match in re.finditer(rf"\b{re.escape(word)}\b", text)]
    assert standalone_positions(text, word) == expected
