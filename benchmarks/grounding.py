"""``make bench`` section ``grounding``: the grounding check against human judgements and controlled edits.

Two figures for the shipped check (certain vetoes, then the model of ``training/train_grounding.py``),
each beside the rules alone (the check before its model) and a baseline, computed in the same run:

- on CoGenSumm's human-judged summary sentences of CNN/DailyMail stories (the ``test``
  half; the model learned from part of the other half): balanced accuracy, and the share
  of passed statements that people judged correct;
- on the dev articles' true highlights and their controlled edits (``grounding_data``):
  how often each kind of edit is caught, and how often the true highlights pass.

The baseline is the share of a statement's word pairs found in its evidence, passing
above one threshold tuned on the ``fit`` half.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Sequence
from dataclasses import replace

from benchmarks.grounding_data import DEV_ARTICLES, FACTUALITY, KINDS, Judged, human_judgements, perturbations
from takeaways.engines import entailment, grounding_model
from takeaways.engines.grounding import ArticleFacts
from takeaways.text.words import tokens

PRECISION_GOAL = 0.85
BALANCED_GOAL = 0.75
CATCH_GOAL = 0.8
TRUE_PASS_GOAL = 0.9


def checker(item: Judged, limits: entailment.Limits | None = None) -> bool:
    """The production check, as the model engine applies it to a takeaway and its citations;
    with ``limits``, the rules alone."""
    return ArticleFacts(item.sentences).problem(item.claim, item.evidence, limits) is None


def model_alone(item: Judged) -> bool:
    """The shipped models with no benefit of the rules' doubt: a statement passes at the threshold or not at all."""
    shipped = grounding_model.load()
    if shipped is None:
        return checker(item)
    strict = {kind: replace(model, floor=model.threshold) for kind, model in shipped.items()}
    return ArticleFacts(item.sentences, models=strict).problem(item.claim, item.evidence) is None


def rules_alone(item: Judged) -> bool:
    """The check before its model: every rule decides, with the word limits it shipped with."""
    return checker(item, entailment.Limits())


def pair_share(item: Judged) -> float:
    """Share of the statement's word pairs that its evidence sentences hold (the baseline's score)."""
    words = tokens(item.claim)
    pairs = list(itertools.pairwise(words))
    if not pairs:
        return 1.0
    evidence_words = tokens(" ".join(item.sentences[index] for index in item.evidence))
    found = set(itertools.pairwise(evidence_words))
    return sum(pair in found for pair in pairs) / len(pairs)


def tuned_baseline(fit: Sequence[Judged]) -> tuple[float, Callable[[Judged], bool]]:
    """The one threshold on word-pair share with the best balanced accuracy on the fit half."""
    shares = [(pair_share(item), item.faithful) for item in fit]
    best = max(
        (balanced_accuracy([(share >= step / 100, faithful) for share, faithful in shares]), step / 100)
        for step in range(0, 101)
    )
    threshold = best[1]
    return threshold, lambda item: pair_share(item) >= threshold


def balanced_accuracy(outcomes: Sequence[tuple[bool, bool]]) -> float:
    """Mean of the pass rate of faithful statements and the fail rate of unfaithful ones."""
    faithful = [passed for passed, truth in outcomes if truth]
    unfaithful = [not passed for passed, truth in outcomes if not truth]
    return (_rate(faithful) + _rate(unfaithful)) / 2


def precision_of_passed(outcomes: Sequence[tuple[bool, bool]]) -> float:
    passed = [truth for passed, truth in outcomes if passed]
    return _rate(passed)


def report() -> list[str]:
    lines = [
        "## Grounding check",
        "",
        "Human judgements: CoGenSumm's `val_sentence_pairs.json` (Falke et al., ACL 2019; CC BY-SA 4.0), from"
        " github:mariobarque/summary_correctness@04615b9a14f0962fc0b10a9dc595d9d9992bace0, read from"
        " `TAKEAWAYS_FACTUALITY_DATA` (`make` sets it under `GROUNDING_DATA`, default `../data`; `make"
        " grounding-data` rebuilds it); none of it is in the repository. Dev articles:"
        " `../shared/eval/cnn-dev.jsonl` (or `TAKEAWAYS_EVAL_DIR`). FRANK, QAGS and collections holding them are"
        " reserved for the team's own evaluation and used nowhere here.",
        "",
    ]
    if not FACTUALITY.exists():
        lines += [f"Human judgements not found at `{FACTUALITY}`: that part is skipped.", ""]
        fit: list[Judged] = []
    else:
        fit = human_judgements("fit")
    threshold, baseline = tuned_baseline(fit) if fit else (0.5, lambda item: pair_share(item) >= 0.5)
    if fit:
        test = human_judgements("test")
        ours = [(checker(item), item.faithful) for item in test]
        old = [(rules_alone(item), item.faithful) for item in test]
        alone = [(model_alone(item), item.faithful) for item in test]
        theirs = [(baseline(item), item.faithful) for item in test]
        lines += [
            "### Human judgements (CoGenSumm sentence pairs, CNN/DailyMail; the test half)",
            "",
            f"{len(test)} summary sentences ({sum(i.faithful for i in test)} judged correct), each checked against"
            f" the article sentence it was made from. The model learned from the other half ({len(fit)}"
            " sentences, less its own held-out fifth) and from perturbed CNN/DailyMail training stories;"
            " the baseline's threshold was tuned on the other half.",
            "",
            "| check | balanced accuracy | precision of passed | passed |",
            "| --- | ---: | ---: | ---: |",
            _row("the shipped check (certain vetoes, then the model)", ours),
            _row("the models deciding alone (no floor: the rules' pass counts for nothing)", alone),
            _row("the rules alone (the check before its model)", old),
            _row(f"word-pair share >= {threshold:.2f} (tuned on the fit half)", theirs),
            "",
            f"Goals: balanced accuracy above {BALANCED_GOAL:.0%}: "
            f"{_met(balanced_accuracy(ours) > BALANCED_GOAL)}; precision of passed at least {PRECISION_GOAL:.0%}: "
            f"{_met(precision_of_passed(ours) >= PRECISION_GOAL)}.",
            "",
        ]
    started = time.perf_counter()
    edited = perturbations()
    results = [(item, checker(item)) for item in edited]
    seconds = time.perf_counter() - started
    checks: dict[str, list[tuple[Judged, bool]]] = {
        "shipped": results,
        "model alone": [(item, model_alone(item)) for item in edited],
        "rules": [(item, rules_alone(item)) for item in edited],
        "baseline": [(item, baseline(item)) for item in edited],
    }
    lines += [
        f"### Controlled edits of true highlights ({DEV_ARTICLES.name}, {_articles()} articles)",
        "",
        "Evidence: the sentences the product gives a claim that cites none (`ArticleFacts.best_evidence`):"
        " greedy coverage, the sentence holding most of the statement's words, then the one holding most of what"
        " is left, up to three, a name's or number's word weighing double and counting only in a sentence that"
        " says it within three words of a word the statement says it beside. `true`: the share of the"
        " dev highlights that pass. Each kind: the share of edits caught, counted only on edits of highlights"
        " that the same check passes (an edit of a highlight it already fails tests nothing). The goal column"
        " is the shipped check's.",
        "",
        "| statements | the shipped check | n | the models alone | n | the rules alone | n | word-pair baseline | n"
        " | goal met |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for kind in ("true", *KINDS):
        cells = []
        shipped_share = 0.0
        for name, outcomes in checks.items():
            passing = {item.origin for item, passed in outcomes if item.faithful and passed}
            mine = [(item, passed) for item, passed in outcomes if item.kind == kind]
            if kind != "true":
                mine = [(item, not passed) for item, passed in mine if item.origin in passing]
            share = _rate([ok for _, ok in mine])
            shipped_share = share if name == "shipped" else shipped_share
            cells.append(f"{share:.0%} | {len(mine)}")
        goal = TRUE_PASS_GOAL if kind == "true" else CATCH_GOAL
        lines.append(f"| {kind} | {' | '.join(cells)} | {_met(shipped_share >= goal)} |")
    true = [item for item in edited if item.kind == "true"]
    beyond = beyond_the_article(true)
    share = beyond / max(len(true), 1)
    lines += [
        "",
        f"Goals: true highlights pass at least {TRUE_PASS_GOAL:.0%}; each kind caught at least {CATCH_GOAL:.0%}."
        f" {len(results)} statements checked by the shipped check in {seconds:.1f} s.",
        "",
        f"{beyond} of the {len(true)} true highlights ({share:.0%}) say a name, a number or words that their"
        " article never does (`ArticleFacts.unsupported`, the article-wide part of the check): a check that"
        f" refuses what an article does not say passes at most {1 - share:.0%} of them.",
    ]
    return lines


def beyond_the_article(statements: Sequence[Judged]) -> int:
    """How many statements state something their whole article does not (one ArticleFacts an article)."""
    facts: dict[tuple[str, ...], ArticleFacts] = {}
    count = 0
    for item in statements:
        key = tuple(item.sentences)
        if key not in facts:
            facts[key] = ArticleFacts(item.sentences)
        count += facts[key].unsupported(item.claim) is not None
    return count


def _row(name: str, outcomes: Sequence[tuple[bool, bool]]) -> str:
    passed = sum(p for p, _ in outcomes)
    return (
        f"| {name} | {balanced_accuracy(outcomes):.1%} | {precision_of_passed(outcomes):.1%} |"
        f" {passed}/{len(outcomes)} |"
    )


def _rate(values: Sequence[bool]) -> float:
    return sum(values) / len(values) if values else 0.0


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def _articles() -> int:
    with DEV_ARTICLES.open(encoding="utf-8") as handle:
        return sum(1 for _ in handle)
