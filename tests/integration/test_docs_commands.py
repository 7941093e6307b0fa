"""Every fenced shell block in README.md and docs/*.md, run as written against a local stack.

The rules, so that a reader can tell from the Markdown alone what is checked:

- A block fenced as ``bash``, ``sh``, ``shell`` or ``console`` is run with ``bash -euo pipefail``
  from a scratch directory that looks like a checkout after ``make install`` and ``make up``:
  ``samples/`` is there, ``.venv/bin/takeaways`` and ``.venv/bin/python`` run this tree's code,
  and ``.takeaways/local-stack.json`` points at a template deployed on moto's server as ``make up``
  deploys it (``FetchAllowLoopback=true``), whose queues are driven as ``make up`` drives them, with
  ``make up``'s loopback Slack, Teams and Discord webhooks in ``.takeaways/chat-webhooks.env``.
  Blocks run in the order they appear.
- ``.venv/bin/takeaways`` is a shim that hands its working directory and arguments to this
  test process, which runs ``takeaways.cli.main`` on them there and hands back the output and
  exit status: the command as written, without a Python start-up (seconds on a busy machine) each.
- ``make`` runs as ``make -n`` in the repository: the target exists and resolves. Running
  the targets is ``make test``'s own job (and ``make up`` never ends).
- A block that needs AWS, a model or the reader's own files has the line
  ``<!-- docs-test: skip: REASON -->`` just above its fence, and is reported as skipped with
  that reason. An unmarked block that calls ``aws`` or ``sam`` fails: those reach AWS.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import socketserver
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from infra.chat_servers import ChatServers
from infra.event_sources import EventSourceRunner
from infra.local_stack import deploy, stack_file_content
from infra.moto_server import MotoServer, moto_environment
from infra.up import UP_PARAMETERS
from takeaways.adapters.operations import LocalEventSources

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SHELL_LANGUAGES = {"bash", "sh", "shell", "console"}
SKIP_MARK = re.compile(r"<!--\s*docs-test:\s*skip:\s*(?P<reason>.+?)\s*-->")
FENCE = re.compile(r"^(?P<fence>```+)\s*(?P<language>[\w-]*)")
BLOCK_TIMEOUT_SECONDS = 180


@dataclass(frozen=True, slots=True)
class ShellBlock:
    document: str
    line: int
    text: str
    skip_reason: str | None


def shell_blocks(path: Path) -> list[ShellBlock]:
    """The shell blocks of one Markdown file, each with the skip reason written above it, if any."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks: list[ShellBlock] = []
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        end = index + 1
        while end < len(lines) and not lines[end].startswith(opening["fence"]):
            end += 1
        if opening["language"] in SHELL_LANGUAGES:
            mark = SKIP_MARK.search(lines[index - 1]) if index else None
            blocks.append(
                ShellBlock(
                    document=str(path.relative_to(ROOT)),
                    line=index + 1,
                    text="\n".join(lines[index + 1 : end]),
                    skip_reason=mark["reason"] if mark else None,
                )
            )
        index = end + 1
    return blocks


BLOCKS = [block for path in DOCUMENTS for block in shell_blocks(path)]


def test_the_readme_s_operator_commands_are_among_the_blocks_run() -> None:
    run = [block for block in BLOCKS if block.skip_reason is None]
    assert any("takeaways status" in block.text and block.document == "README.md" for block in run)
    assert any("pause alerts" in block.text and block.document == "docs/operations.md" for block in run)
    assert not any(re.search(r"^\s*aws ", block.text, re.MULTILINE) for block in run)


class _CommandHandler(socketserver.StreamRequestHandler):
    """Runs one ``takeaways`` command sent by the shim: ``N\\n`` then N NUL-terminated strings (cwd, args)."""

    def handle(self) -> None:
        count = int(self.rfile.readline())
        strings = [self._string() for _ in range(count)]
        cwd, argv = strings[0], strings[1:]
        out, err = io.StringIO(), io.StringIO()
        with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = _exit_code(argv)
        stdout = out.getvalue().encode()
        self.wfile.write(f"{code} {len(stdout)}\n".encode() + stdout + err.getvalue().encode())

    def _string(self) -> str:
        data = bytearray()
        while (byte := self.rfile.read(1)) not in (b"\0", b""):
            data += byte
        return data.decode()


def _exit_code(argv: list[str]) -> int:
    """What the process would have exited with (SystemExit's message goes to stderr, as Python prints it)."""
    from takeaways.cli import main

    try:
        return main(argv)
    except SystemExit as stop:
        if stop.code is None or isinstance(stop.code, int):
            return stop.code or 0
        print(stop.code, file=sys.stderr)
        return 1


_SHIM = """#!/bin/bash
exec 3<>/dev/tcp/127.0.0.1/{port}
printf '%s\\n' "$(($# + 1))" >&3
printf '%s\\0' "$PWD" "$@" >&3
read -r code length <&3
head -c "$length" <&3
cat <&3 >&2
exit "$code"
"""


def _executable(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(0o755)


@pytest.fixture(scope="module")
def checkout(_moto_server_process: MotoServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A scratch checkout with the local stack up: what the README's reader has after `make up`."""
    from aws_lambda_powertools.utilities import parameters

    from takeaways.adapters.clients import forget_clients
    from takeaways.handlers.dependencies import forget_dependencies

    def forget() -> None:
        forget_dependencies()
        forget_clients()
        parameters.clear_caches()  # type: ignore[no-untyped-call]

    workdir = tmp_path_factory.mktemp("checkout")
    (workdir / "samples").symlink_to(ROOT / "samples")
    commands = socketserver.TCPServer(("127.0.0.1", 0), _CommandHandler)  # one command at a time
    threading.Thread(target=commands.serve_forever, daemon=True).start()
    _executable(workdir / ".venv/bin/takeaways", _SHIM.format(port=commands.server_address[1]))
    code = f'PYTHONPATH="{ROOT / "functions"}:{ROOT}" exec "{sys.executable}"'
    _executable(workdir / ".venv/bin/python", f'#!/bin/sh\n{code} "$@"\n')
    tools = workdir / ".tools"
    _executable(tools / "make", f'#!/bin/sh\nexec "{shutil.which("make")}" -n -C "{ROOT}" "$@"\n')
    for tool in ("aws", "sam"):
        refusal = f"{tool} reaches AWS: mark this block with <!-- docs-test: skip: REASON -->"
        _executable(tools / tool, f'#!/bin/sh\necho "{refusal}" >&2\nexit 1\n')
    _moto_server_process.reset()
    forget()
    with moto_environment(_moto_server_process.endpoint) as endpoint, ChatServers() as chat:
        stack = deploy(ROOT / "template.yaml", parameters=UP_PARAMETERS)
        (workdir / ".takeaways").mkdir()
        (workdir / ".takeaways" / "local-stack.json").write_text(
            json.dumps(stack_file_content(stack, endpoint))
        )
        chat.write_env_file(workdir / ".takeaways" / "chat-webhooks.env")
        switch = LocalEventSources(workdir / ".takeaways")
        runner = EventSourceRunner(stack, redelivery_delay_seconds=0, enabled=switch.enabled)
        with runner.running(interval_s=0.1):
            yield workdir
    commands.shutdown()
    commands.server_close()
    forget()


@pytest.mark.parametrize("block", BLOCKS, ids=[f"{block.document}:{block.line}" for block in BLOCKS])
def test_a_documented_command_works_as_written(checkout: Path, block: ShellBlock) -> None:
    if block.skip_reason is not None:
        pytest.skip(block.skip_reason)
    environment = {
        "PATH": f"{checkout / '.tools'}:{os.environ['PATH']}",
        "HOME": str(checkout),
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }
    completed = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", block.text],
        cwd=checkout,
        env=environment,
        capture_output=True,
        text=True,
        timeout=BLOCK_TIMEOUT_SECONDS,
        check=False,
    )
    assert completed.returncode == 0, (
        f"{block.document}:{block.line} failed (exit {completed.returncode}):\n{completed.stderr[-2000:]}"
    )
