"""Package size: each function's artifact from a real ``sam build``, zipped as Lambda receives it."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD_DIR = ROOT / ".aws-sam" / "build"
SAM = ROOT / ".venv-sam" / "bin" / "sam"
MIB = 1024 * 1024
BUDGET_BYTES = 10 * MIB
# SummariseFunction alone carries the language and topic models and the model engine (issue #12 lets it
# grow for them); the alert functions must stay small, so their budget is a quarter of the others'.
BUDGETS = {
    "SummariseFunction": 12 * MIB,
    "NotifyFunction": 3 * MIB,
    "DigestFunction": 3 * MIB,
    "ChatFunction": 3 * MIB,
    "DeliveryFunction": 3 * MIB,
    "PreferencesFunction": 3 * MIB,
}


def python312_dir() -> str | None:
    """``sam build`` for the python3.12 runtime needs a python3.12 on PATH (pyenv's shims are not enough)."""
    try:
        path = subprocess.run(
            ["pyenv", "which", "python3.12"],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYENV_VERSION": "3.12.1"},
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        found = shutil.which("python3.12")
        return str(Path(found).parent) if found and "shims" not in found else None
    return str(Path(path).parent)


def build() -> None:
    interpreter_dir = python312_dir()
    if interpreter_dir is None:
        raise RuntimeError("sam build needs python3.12 on PATH")
    env = {**os.environ, "PATH": f"{interpreter_dir}:{os.environ['PATH']}", "SAM_CLI_TELEMETRY": "0"}
    env.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    shutil.rmtree(BUILD_DIR, ignore_errors=True)
    done = subprocess.run(
        [str(SAM), "build", "--template", str(ROOT / "template.yaml"), "--build-dir", str(BUILD_DIR)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise RuntimeError(f"sam build failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")


def zipped_size(directory: Path) -> tuple[int, int]:
    """(unzipped bytes, zipped bytes) of a function's build directory."""
    buffer = io.BytesIO()
    unzipped = 0
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(directory.rglob("*")):
            if path.is_file():
                unzipped += path.stat().st_size
                archive.write(path, path.relative_to(directory))
    return unzipped, len(buffer.getvalue())


def report() -> list[str]:
    build()
    lines = [
        "## Package size",
        "",
        "`sam build` artifacts, zipped with deflate. Each function has its own package: the notify, digest and chat"
        " functions carry powertools and the takeaways code only (no openai, pydantic, tiktoken or models).",
        "",
        "| function | unzipped MiB | zipped MiB | budget MiB | within budget |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for directory in sorted(p for p in BUILD_DIR.iterdir() if p.is_dir()):
        unzipped, zipped = zipped_size(directory)
        budget = BUDGETS.get(directory.name, BUDGET_BYTES)
        within = "yes" if zipped <= budget else "no"
        lines.append(
            f"| {directory.name} | {unzipped / MIB:.1f} | {zipped / MIB:.2f} | {budget // MIB} | {within} |"
        )
    return lines


if __name__ == "__main__":
    print("\n".join(report()))
