"""Sentences in 75 languages for the language model, and its held-out half.

The files are lingua-py's test sentences (see ``functions/takeaways/text/models/languages-manifest.md``),
one sentence a line, put in ``training/data/lingua-sentences/<code>.txt``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

SENTENCES_DIR = Path(__file__).resolve().parent / "data" / "lingua-sentences"


def load_sentences() -> dict[str, list[str]]:
    files = sorted(SENTENCES_DIR.glob("*.txt"))
    if not files:
        raise FileNotFoundError(f"no sentence files in {SENTENCES_DIR} (see the language model's manifest)")
    return {
        path.stem: [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for path in files
    }


def held_out(sentence: str) -> bool:
    return hashlib.sha256(sentence.encode()).digest()[0] < 128


def split(sentences: dict[str, list[str]]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(training, held out), per language."""
    training = {code: [s for s in lines if not held_out(s)] for code, lines in sentences.items()}
    rest = {code: [s for s in lines if held_out(s)] for code, lines in sentences.items()}
    return training, rest


def data_present() -> bool:
    return SENTENCES_DIR.is_dir() and any(SENTENCES_DIR.glob("*.txt"))
