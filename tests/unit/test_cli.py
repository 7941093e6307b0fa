"""The takeaways command as a shell user meets it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from takeaways.cli import main
from takeaways.exit_codes import MEANINGS, ExitCode

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


def test_a_path_that_is_not_a_readable_file_is_named_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summarise", str(tmp_path)]) == 1
    assert main(["summarise", str(tmp_path / "missing.txt")]) == 1
    errors = capsys.readouterr().err
    assert f"{tmp_path}: Is a directory" in errors
    assert "missing.txt: No such file or directory" in errors


def test_a_batch_line_that_is_not_json_is_named(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"id": 1, "article": SAMPLE.read_text()}) + "\n{not json\n")
    with pytest.raises(SystemExit, match=r"line 2: not JSON"):
        main(["summarise", str(batch), "-o", str(tmp_path / "out.jsonl")])


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["subscribe", "--protocol", "pigeon", "--endpoint", "loft"], "invalid choice: 'pigeon'"),
        (["pause"], "the following arguments are required: stage"),
        # An option the command does not have is the command's to explain, not the top level's.
        (
            ["subscribe", "--protocol", "sqs", "--endpoint", "q", "--topcis", "sport"],
            "unrecognized arguments: --topcis",
        ),
        # No abbreviations: "--topic" is a typo, not "--topics".
        (
            ["subscribe", "--protocol", "sqs", "--endpoint", "q", "--topic", "sport"],
            "unrecognized arguments: --topic",
        ),
        (["feeds", "list", "--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_a_usage_error_is_one_line_naming_the_command(
    arguments: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(arguments)
    assert stopped.value.code == 2
    [line] = capsys.readouterr().err.splitlines()
    command = " ".join(arguments[:2]) if arguments[0] == "feeds" else arguments[0]
    assert line.startswith(f"takeaways {command}: ") and said in line
    assert line.endswith(f"(see takeaways {command} --help)")


@pytest.mark.parametrize(
    ("platform", "url", "said"),
    [
        ("slack", "https://example.com/hook", "example.com: not a Slack incoming webhook"),
        ("teams", "https://contoso.webhook.office.com/webhookb2/x", "Office 365 connector"),
        ("discord", "discord.com/api/webhooks/1/t", "not a URL"),
    ],
)
def test_a_chat_webhook_of_the_wrong_form_is_refused_before_any_stack_is_asked(
    platform: str,
    url: str,
    said: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)  # no local stack here: the refusal must come first
    with pytest.raises(SystemExit) as stopped:
        main(["subscribe", "--protocol", platform, "--endpoint", url])
    assert stopped.value.code == ExitCode.USAGE_OR_REJECTED
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("takeaways subscribe: ") and said in line


def test_a_batch_article_given_as_an_object_is_read_as_a_json_article(tmp_path: Path) -> None:
    """Its title is the headline and its dateline is not a name, as when the same object lands in the bucket."""
    article = {
        "title": "Dockers at Marrow Quay vote to end a nine-day strike",
        "body": (
            "MARROW QUAY — Dock workers at Marrow Quay voted on Friday to accept a 6% pay offer, "
            "ending a strike that had left 40 ships waiting offshore.\n\n"
            "The port authority said cargo handling would resume on Saturday morning. "
            '"It has been a hard nine days for everyone," said union steward Hal Pryce.'
        ),
    }
    batch, out = tmp_path / "batch.jsonl", tmp_path / "out.jsonl"
    batch.write_text(
        json.dumps({"id": "quay", "article": article})
        + "\n"
        + json.dumps({"id": "text", "article": article["body"]})
        + "\n"
    )

    assert main(["summarise", str(batch), "-o", str(out)]) == 0

    as_object, as_text = (json.loads(line) for line in out.read_text().splitlines())
    assert as_object["headline"] == article["title"]
    assert as_text["headline"] != article["title"]
    assert "MARROW QUAY" not in {entity["name"] for entity in as_object["entities"]}


def test_one_article_as_json_carries_its_priority_and_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarise", str(SAMPLE), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["priority"] in range(1, 6)
    assert "source" in printed and printed["headline"]


def test_summarise_with_the_model_engine_and_no_key_says_on_stderr_why_it_fell_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    article = tmp_path / "ferry.txt"
    article.write_text(
        "Ferry crews vote to strike\n\nCrews of Northern Isles Ferries voted on Tuesday to strike over pay, "
        "the union said. The operator said talks would resume on Friday. Sailings on three routes are at risk.\n",
        encoding="utf-8",
    )
    assert main(["summarise", str(article), "--engine", "openai"]) == 0
    captured = capsys.readouterr()
    assert "the model engine was not used (no_api_key)" in captured.err
    assert "Ferry crews vote to strike" in captured.out


def test_summarising_an_empty_file_exits_as_a_rejected_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["summarise", str(empty)]) == ExitCode.USAGE_OR_REJECTED
    assert capsys.readouterr().err.startswith("rejected (")


def test_a_language_s_name_is_a_usage_error_that_gives_the_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # refused before any stack is asked
    with pytest.raises(SystemExit) as stopped:
        main(["subscribe", "--protocol", "email", "--endpoint", "a@example.com", "--languages", "english"])
    assert stopped.value.code == ExitCode.USAGE_OR_REJECTED
    assert "use language codes, e.g. en for English" in capsys.readouterr().err


def test_the_readme_s_exit_codes_are_the_command_s(capsys: pytest.CaptureFixture[str]) -> None:
    """README's *Exit codes* table says exactly what ``takeaways.exit_codes`` does, and --help lists it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Exit codes", 1)[1].split("\n#", 1)[0]
    rows = [line.split("|")[1:3] for line in section.splitlines() if line.startswith("| `")]
    documented = {int(code.strip().strip("`")): meaning.strip() for code, meaning in rows}
    assert documented == {code.value: meaning for code, meaning in MEANINGS.items()}
    with pytest.raises(SystemExit):
        main(["--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    for code, meaning in MEANINGS.items():
        assert f"{code.value} {meaning}" in help_text
