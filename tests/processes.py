"""Running the code under test in fresh interpreters: string hashing, and so set order, differs per process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import takeaways


def outputs_under_hash_seeds(script: str, arguments: list[str], seeds: Iterable[str]) -> set[str]:
    """The distinct stdout of ``python -c script arguments`` under each ``PYTHONHASHSEED``: one when stable."""
    return {
        subprocess.run(
            [sys.executable, "-c", script, *arguments],
            # The code under test, not whichever tree the virtualenv's editable install points at.
            env={
                **os.environ,
                "PYTHONHASHSEED": seed,
                "PYTHONPATH": str(Path(takeaways.__file__).parents[1]),
            },
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in seeds
    }
