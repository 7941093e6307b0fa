"""The treebank sentences the shipped part-of-speech tagger learns from, taken from pinned commits.

    python -m training.tagger_data GUM_GIT_DIR EWT_GIT_DIR

Both treebanks keep one CoNLL-U file per source document and list which documents form
their train split (``not-to-release/file-lists/files.train``). Only those documents are
read, so the dev and test splits (reserved for evaluation) are never touched. From GUM
only the genres whose texts are licensed for any use are kept (Wikinews news, interviews
and biographies, Wikivoyage, OpenStax textbooks, Creative Commons vlogs, public-domain
speeches, the Santa Barbara conversations); ``functions/takeaways/text/models/
pos-en-manifest.md`` records the commits, the licences and the written files' sha256.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from training.topic_data import DATA_DIR

GUM_COMMIT = "afb41ee9bca57991125814fa04d96a0e61470c8b"
EWT_COMMIT = "15d613d8447b3478787d4c278730a1e48a945efb"
GUM_FILE = DATA_DIR / "gum-cc-by-ud-train.conllu"
EWT_FILE = DATA_DIR / "ewt-ud-train.conllu"
# GUM's LICENSE.txt: these genres' texts are CC BY or public domain; fiction and wikiHow are
# non-commercial, and the others' licences are not stated, so they are left out.
GUM_GENRES = frozenset({"news", "interview", "bio", "voyage", "textbook", "vlog", "speech", "conversation"})
_TRAIN_LIST = "not-to-release/file-lists/files.train"
_SOURCES = "not-to-release/sources"


def _show(git_dir: Path, commit: str, path: str) -> str:
    return subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def gum_train(git_dir: Path) -> str:
    documents = _show(git_dir, GUM_COMMIT, _TRAIN_LIST).split()
    kept = [name for name in documents if name.split("_")[1] in GUM_GENRES]
    return "".join(
        _show(git_dir, GUM_COMMIT, f"{_SOURCES}/{name}.conllu").rstrip("\n") + "\n\n" for name in kept
    )


def ewt_train(git_dir: Path) -> str:
    documents = _show(git_dir, EWT_COMMIT, _TRAIN_LIST).split()
    return "".join(
        _show(git_dir, EWT_COMMIT, f"{_SOURCES}/{name}").rstrip("\n") + "\n\n" for name in documents
    )


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m training.tagger_data GUM_GIT_DIR EWT_GIT_DIR", file=sys.stderr)
        return 2
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    for target, text in ((GUM_FILE, gum_train(Path(argv[0]))), (EWT_FILE, ewt_train(Path(argv[1])))):
        target.write_text(text, encoding="utf-8")
        digest = hashlib.sha256(target.read_bytes()).hexdigest()
        print(f"{target.name}: {text.count(chr(10) + chr(10))} sentences, sha256 {digest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
