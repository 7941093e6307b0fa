"""``takeaways check``: pass or the reason for each claim, and the sentences used as evidence."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from takeaways.cli import main

ARTICLE = """Ferry union rejects pay offer

Crews of Northern Isles Ferries rejected a pay offer of 3.5% on Tuesday, the union said.
"Our members cannot afford to live where they work," said union organiser Malik Osei.
The operator said talks would resume on Friday.
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    article = tmp_path / "ferry.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    claims = tmp_path / "claims.txt"
    claims.write_text(
        "Crews rejected a pay offer of 3.5% on Tuesday.\n"
        "\n"
        "Crews rejected a pay offer of 4.5% on Tuesday.\n"
        'The operator said: "Our members cannot afford to live where they work."\n',
        encoding="utf-8",
    )
    return article, claims


def test_json_gives_one_line_per_claim_with_reason_and_evidence(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", str(files[0]), str(files[1]), "--json"])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 3  # some claim failed
    assert [row["passed"] for row in rows] == [True, False, False]
    assert rows[0]["reason"] is None and rows[0]["evidence"][0] == 0
    assert "number 4.5" in rows[1]["reason"]
    assert "attributes the words to" in rows[2]["reason"]
    assert set(rows[0]) == {"claim", "passed", "reason", "evidence"}


def test_readable_output_says_pass_or_why_and_numbers_sentences_from_one(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", str(files[0]), str(files[1])])
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("pass  Crews rejected a pay offer of 3.5%")
    assert "reason: number 4.5 is not in the" in out
    assert "[1] Crews of Northern Isles Ferries rejected" in out
    assert out.rstrip().endswith("1 of 3 claim(s) pass")


def test_every_claim_passing_exits_zero(tmp_path: Path, files: tuple[Path, Path]) -> None:
    claims = tmp_path / "true.txt"
    claims.write_text("The operator said talks would resume on Friday.\n", encoding="utf-8")
    assert main(["check", str(files[0]), str(claims), "--json"]) == 0


def test_a_claims_file_with_no_claim_is_an_error_not_a_pass(
    tmp_path: Path, files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_text("\n  \n", encoding="utf-8")
    assert main(["check", str(files[0]), str(blank)]) == 2
    captured = capsys.readouterr()
    assert "no claims to check" in captured.err and "pass" not in captured.out


def test_the_readme_shows_what_check_prints_for_its_own_example(capsys: pytest.CaptureFixture[str]) -> None:
    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"takeaways check (\S+) (\S+) .*?```\n\n```\n(.*?)```", readme, re.DOTALL)
    assert shown is not None, "the README's check example and the output block after it"
    article, claims, output = shown.groups()
    assert main(["check", str(root / article), str(root / claims)]) == 3
    assert capsys.readouterr().out == output
