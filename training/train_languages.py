"""Train the language model that ships as ``functions/takeaways/text/models/languages.json``.

    PYTHONPATH=functions:. .venv/bin/python -m training.train_languages

Character 1-3-gram naive Bayes over every language in the sentence files (75), so that a
language the service does not support is recognised as itself and reported as ``und`` rather
than as its nearest supported neighbour. Half of each file (a fixed hash) is held out for
``make bench``. Each language keeps its most frequent n-grams; each n-gram stores only what it
adds above a language's floor, as integers, which keeps the file small.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter, defaultdict

from takeaways.text.language import MODEL_FILE, char_grams
from training.language_data import load_sentences, split

GRAMS_PER_LANGUAGE = 2500
UNSEEN = 0.3  # pseudo-count of an n-gram a language never showed
SCALE = 10


def train() -> dict[str, object]:
    training, _ = split(load_sentences())
    languages = sorted(training)
    table: dict[str, list[list[int]]] = defaultdict(list)
    floors = []
    for index, language in enumerate(languages):
        counts: Counter[str] = Counter()
        for sentence in training[language]:
            counts.update(char_grams(sentence))
        total = sum(counts.values())
        floor = math.log(UNSEEN / total)
        floors.append(round(floor * SCALE))
        for gram, count in counts.most_common(GRAMS_PER_LANGUAGE):
            table[gram].append([index, round((math.log(count / total) - floor) * SCALE)])
    print(f"{len(languages)} languages, {len(table)} n-grams", file=sys.stderr)
    return {
        "about": "character n-gram language model; trained by training/train_languages.py, data in languages-manifest.md",
        "languages": languages,
        "scale": SCALE,
        "floors": floors,
        "grams": dict(sorted(table.items())),
    }


def main() -> int:
    model = train()
    MODEL_FILE.write_text(
        json.dumps(model, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {MODEL_FILE} ({MODEL_FILE.stat().st_size // 1024} KiB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
