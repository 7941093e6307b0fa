"""The headline judges of the reading benchmark: the outside tagger's clause rules, and the readers' verdicts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import clause_judge, headline_readers
from benchmarks.clause_judge import clause_from_tags


def _tagged(text: str) -> list[tuple[str, str]]:
    return [(word, tag) for word, _, tag in (token.rpartition("/") for token in text.split())]


def test_a_subject_and_a_finite_verb_make_a_clause() -> None:
    text = "Police arrested a man in Kelby"
    assert clause_from_tags(text, _tagged("Police/NNS arrested/VBD a/DET man/NN in/IN Kelby/NNP"))


@pytest.mark.parametrize(
    ("text", "tagged", "why"),
    [
        ("Marine life seen swimming", "Marine/NNP life/NN seen/VBN swimming/NN", "no finite verb"),
        (
            "Arrested a man in Kelby",
            "Arrested/VBD a/DET man/NN in/IN Kelby/NNP",
            "no subject before the verb",
        ),
        (
            "Police said the ferry was",
            "Police/NNS said/VBD the/DET ferry/NN was/VBD",
            "an auxiliary at the end",
        ),
        (
            "Police arrested a man in",
            "Police/NNS arrested/VBD a/DET man/NN in/IN",
            "a preposition at the end",
        ),
        ("Ada Lark said it would", "Ada/NNP Lark/NNP said/VBD it/PRP would/MD", "a modal at the end"),
        (
            'Ada Lark said "the ferry',
            "Ada/NNP Lark/NNP said/VBD ``/PPL the/DET ferry/NN",
            "an open quotation",
        ),
        ("Will the ferry sail?", "Will/MD the/DET ferry/NN sail/VB ?/PP", "a question"),
    ],
)
def test_what_is_not_a_clause(text: str, tagged: str, why: str) -> None:
    assert not clause_from_tags(text, _tagged(tagged)), why


def test_punctuation_is_not_a_word_of_the_clause() -> None:
    # The comma after "Kelby" is not the last word: "Kelby" is.
    text = "Police arrested a man in Kelby,"
    assert clause_from_tags(text, _tagged("Police/NNS arrested/VBD a/DET man/NN in/IN Kelby/NNP ,/PPC"))


@pytest.mark.skipif(not clause_judge.available(), reason="Lingua::EN::Tagger is not installed (make judge)")
def test_the_outside_tagger_tags_each_line_on_its_own() -> None:
    lines = ["The ferry sank off Kelby", "", "The leader of the party, who", "Ada Lark said “the ferry sank”"]
    tagged = clause_judge.tag_lines(lines)
    assert len(tagged) == 4
    assert tagged[1] == []
    assert [tag for _, tag in tagged[0]][:3] == ["DET", "NN", "VBD"]
    assert clause_judge.are_clauses(lines) == [True, False, False, True]


def test_readers_verdicts_are_kept_by_hash_and_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "sheet"
    folder.mkdir()
    lines = ["The ferry sank off Kelby", "The leader of the party, who", "Ada  Lark  resigned"]
    key = [
        {"n": n, "key": headline_readers.text_key(line), "kind": "ours"} for n, line in enumerate(lines, 1)
    ]
    (folder / "key.json").write_text(json.dumps(key))
    (folder / "answers-1-1.jsonl").write_text(
        "".join(json.dumps({"n": n, "complete": n != 2}) + "\n" for n in (1, 2, 3))
    )
    (folder / "answers-2-1.jsonl").write_text(
        "".join(json.dumps({"n": n, "complete": n == 1}) + "\n" for n in (1, 2))
    )
    monkeypatch.setattr(headline_readers, "FOLDER", folder)
    monkeypatch.setattr(headline_readers, "KEPT", tmp_path / "kept.jsonl")
    kept = headline_readers.keep(folder).read_text()
    assert "Kelby" not in kept  # hashes only: no publisher's text is kept
    verdicts = headline_readers.verdicts()
    assert verdicts[headline_readers.text_key("The ferry sank off Kelby")] == ("ours", [True, True])
    assert verdicts[headline_readers.text_key("The leader of the party, who")] == ("ours", [False, False])
    # Line 3 was read by one reader only, so it is not kept; spacing does not change a line's key.
    assert headline_readers.text_key("Ada Lark resigned") not in verdicts
    assert headline_readers.text_key("Ada  Lark resigned") == headline_readers.text_key("Ada Lark resigned")


def test_an_update_sheet_adds_its_verdicts_to_those_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(headline_readers, "KEPT", tmp_path / "kept.jsonl")
    for name, lines, complete in (
        ("first", ["The ferry sank off Kelby", "The pier closed"], [True, True]),
        ("update", ["The pier closed", "Ada Lark resigned as"], [False, False]),
    ):
        folder = tmp_path / name
        folder.mkdir()
        key = [
            {"n": n, "key": headline_readers.text_key(line), "kind": "ours"}
            for n, line in enumerate(lines, 1)
        ]
        (folder / "key.json").write_text(json.dumps(key))
        for reader in (1, 2):
            answers = [json.dumps({"n": n, "complete": verdict}) for n, verdict in enumerate(complete, 1)]
            (folder / f"answers-{reader}-1.jsonl").write_text("\n".join(answers) + "\n")
        headline_readers.keep(folder)
    verdicts = headline_readers.verdicts()
    assert len(verdicts) == 3
    assert verdicts[headline_readers.text_key("The ferry sank off Kelby")][1] == [True, True]
    # Read again, a line takes its new verdicts.
    assert verdicts[headline_readers.text_key("The pier closed")][1] == [False, False]
