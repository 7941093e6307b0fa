"""``takeaways threads``: a batch of articles in, each one's thread and relation out, without AWS."""

from __future__ import annotations

import json
from pathlib import Path

from takeaways.cli import main
from takeaways.stories.fingerprint import similarity, story_fingerprint
from takeaways.stories.threads import DUPLICATE_SIMILARITY

VOTE = (
    "Water charges to rise by 4.5 percent\n\n"
    "The regional water board voted on Wednesday to raise household charges by 4.5 percent from April, "
    "citing the cost of replacing lead pipes in older neighbourhoods. Board chair Rosa Almeida said the "
    "increase would fund 1,200 pipe replacements a year. Consumer groups asked the board to expand its "
    "hardship fund for low-income households."
)
VOTE_ELSEWHERE = (
    "Bills up 4.5 percent as board votes to replace lead pipes\n\n"
    "Households face water bills 4.5 percent higher from April. Rosa Almeida, who chairs the regional "
    "water board, told reporters the money pays for swapping out lead pipes, about 1,200 of them each "
    "year. The board will vote again in June on a plan to fit a meter in every home by 2030."
)
ROUTE = (
    "Cycle route opens on old railway line\n\n"
    "A new cycling route along the old railway line opened to the public on Saturday, linking three "
    "villages to the market town of Hollin. The route cost 2 million pounds and took two years to build, "
    "and volunteers planted 400 trees beside it."
)

# The vote's chair opens a reservoir (like the vote), then the reservoir alone (like that, not the vote).
CHAIR_OPENS_RESERVOIR = (
    "Almeida opens Hollin reservoir\n\n"
    "Rosa Almeida, who chairs the regional water board that voted this week to raise household charges by "
    "4.5 percent to replace lead pipes, opened the Hollin reservoir on Saturday. The reservoir took five "
    "years to build, cost 30 million pounds and holds 2 billion litres of water."
)
RESERVOIR = (
    "Hollin reservoir open at last\n\n"
    "The Hollin reservoir opened on Saturday after five years of building work. Engineers say the reservoir, "
    "which cost 30 million pounds, holds 2 billion litres, enough to supply the valley for a month of "
    "drought. Anglers will be allowed on its banks from May."
)


def run(tmp_path: Path, articles: list[dict[str, str]]) -> list[dict[str, object]]:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in articles))
    assert main(["threads", str(source), "-o", str(target)]) == 0
    return [json.loads(line) for line in target.read_text().splitlines()]


def test_articles_are_threaded_in_order_as_the_notify_stage_would(tmp_path: Path) -> None:
    rows = run(
        tmp_path,
        [
            {"id": "a", "article": VOTE, "source": "Valley Post", "published": "2026-11-25T09:00:00+00:00"},
            {"id": "b", "article": ROUTE, "published": "2026-11-25T10:00:00+00:00"},
            {
                "id": "c",
                "article": VOTE_ELSEWHERE,
                "source": "Radio Dale",
                "published": "2026-11-25T11:00:00+00:00",
            },
            {"id": "d", "article": VOTE, "source": "Valley Post", "published": "2026-11-25T12:00:00+00:00"},
        ],
    )
    assert [(r["id"], r["relation"], r["similar_to"]) for r in rows] == [
        ("a", "new", None),
        ("b", "new", None),
        ("c", "update", "a"),
        ("d", "duplicate", "a"),
    ]
    assert rows[0]["thread"] == rows[2]["thread"] == rows[3]["thread"] != rows[1]["thread"]


def test_the_same_story_days_apart_is_a_new_thread(tmp_path: Path) -> None:
    rows = run(
        tmp_path,
        [
            {"id": "a", "article": VOTE, "published": "2026-11-01T09:00:00+00:00"},
            {"id": "b", "article": VOTE_ELSEWHERE, "published": "2026-11-25T09:00:00+00:00"},
        ],
    )
    assert [r["relation"] for r in rows] == ["new", "new"]


def test_an_article_that_cannot_be_summarised_is_named_with_its_reason(tmp_path: Path) -> None:
    rows = run(tmp_path, [{"id": "empty", "article": "   "}, {"id": "b", "article": ROUTE}])
    assert rows[0] == {
        "id": "empty",
        "thread": None,
        "relation": None,
        "similar_to": None,
        "rejected": "empty",
    }
    assert rows[1]["relation"] == "new"


def test_a_story_is_not_joined_through_one_article_that_touches_two_stories(tmp_path: Path) -> None:
    rows = run(
        tmp_path,
        [
            {"id": "vote", "article": VOTE, "source": "Valley Post"},
            {"id": "vote-elsewhere", "article": VOTE_ELSEWHERE, "source": "Radio Dale"},
            {"id": "chair", "article": CHAIR_OPENS_RESERVOIR, "source": "Dale Weekly"},
            {"id": "reservoir", "article": RESERVOIR, "source": "Hollin Courier"},
        ],
    )
    threads = {r["id"]: r["thread"] for r in rows}
    assert threads["vote"] == threads["vote-elsewhere"] == threads["chair"]
    assert threads["reservoir"] != threads["vote"]


def test_a_copy_given_a_new_first_paragraph_is_an_update_and_its_re_upload_a_duplicate(
    tmp_path: Path,
) -> None:
    longer = (
        f"{VOTE}\n\nThe board last raised charges in 2019, by 2 percent. Its engineers say about 9,000 lead "
        "pipes remain in the district, most of them in houses built before 1950. Almeida said the board "
        "would publish a map of the streets to be dug up first, and that work would begin in the north of "
        "the district in May. The board's finance committee will review the hardship fund in September."
    )
    title, body = longer.split("\n\n", 1)
    updated = f"{title}\n\nThe board delayed the rise to June on Friday after 3,400 objections.\n\n{body}"
    assert similarity(story_fingerprint(longer), story_fingerprint(updated)) >= DUPLICATE_SIMILARITY  # a copy
    # A copy-edit and an editor's note tell nothing new.
    edited = (
        updated.replace("by 2 percent", "by 2 per cent").replace("in the north of", "in the northern part of")
        + "\n\nEditor's note: This story has been updated to include the board's decision."
    )
    rows = run(
        tmp_path,
        [
            {"id": "a", "article": longer, "published": "2026-11-25T09:00:00+00:00"},
            {"id": "b", "article": updated, "published": "2026-11-27T09:00:00+00:00"},
            {"id": "c", "article": updated, "published": "2026-11-27T10:00:00+00:00"},
            {"id": "d", "article": edited, "published": "2026-11-27T11:00:00+00:00"},
        ],
    )
    assert [(r["id"], r["relation"], r["similar_to"]) for r in rows] == [
        ("a", "new", None),
        ("b", "update", "a"),
        ("c", "duplicate", "b"),
        ("d", "duplicate", "b"),
    ]


def test_a_copy_given_a_paragraph_at_its_end_is_an_update_told_by_that_paragraph(tmp_path: Path) -> None:
    longer = (
        f"{VOTE}\n\nThe board last raised charges in 2019, by 2 percent. Its engineers say about 9,000 lead "
        "pipes remain in the district, most of them in houses built before 1950. Almeida said the board "
        "would publish a map of the streets to be dug up first, and that work would begin in the north of "
        "the district in May. The board's finance committee will review the hardship fund in September."
    )
    appended = f"{longer}\n\nA pipe worker injured in a trench collapse on Monday died in hospital on Friday."
    assert similarity(story_fingerprint(longer), story_fingerprint(appended)) >= DUPLICATE_SIMILARITY
    rows = run(
        tmp_path,
        [
            {"id": "a", "article": longer, "published": "2026-11-25T09:00:00+00:00"},
            {"id": "b", "article": appended, "published": "2026-11-27T09:00:00+00:00"},
            {"id": "c", "article": appended, "published": "2026-11-27T10:00:00+00:00"},
        ],
    )
    assert [(r["id"], r["relation"], r["similar_to"]) for r in rows] == [
        ("a", "new", None),
        ("b", "update", "a"),
        ("c", "duplicate", "b"),
    ]


FIRE = (
    "Ferry fire kills 12 off Hollin\n\n"
    "A fire on the night ferry from Hollin killed 12 passengers on Tuesday, the coastguard said. "
    "The ferry was carrying 340 people and two crews when the fire started in its car deck shortly after "
    "midnight. Rescue boats from three harbours took survivors ashore, and 41 people were treated in hospital. "
    "The operator, Isles Link, has suspended its night crossings while investigators examine the ship."
)
REVISED = FIRE.replace("kills 12", "kills 14").replace("killed 12 passengers", "killed 14 passengers")


def test_a_copy_that_corrects_a_figure_is_an_update_told_once(tmp_path: Path) -> None:
    """A death toll revised in place keeps the sentence's other words; the alert must still say so, once."""
    assert similarity(story_fingerprint(FIRE), story_fingerprint(REVISED)) >= DUPLICATE_SIMILARITY
    reworded = REVISED.replace("shortly after midnight", "just after midnight")  # no figure changed
    # Another outlet's copy of the revision, closer to the first version than to the revision.
    late = FIRE.replace("killed 12 passengers", "killed 14 passengers").replace(
        "took survivors", "brought survivors"
    )
    rows = run(
        tmp_path,
        [
            {"id": "a", "article": FIRE, "published": "2026-11-25T09:00:00+00:00"},
            {"id": "b", "article": REVISED, "published": "2026-11-25T11:00:00+00:00"},
            {"id": "c", "article": reworded, "published": "2026-11-25T12:00:00+00:00"},
            {"id": "d", "article": late, "published": "2026-11-25T13:00:00+00:00"},
        ],
    )
    assert [(r["id"], r["relation"]) for r in rows] == [
        ("a", "new"),
        ("b", "update"),
        ("c", "duplicate"),
        ("d", "duplicate"),
    ]


def test_a_figure_written_another_way_or_added_is_no_correction(tmp_path: Path) -> None:
    """House style rewrites figures ("two" as "2", "12" as "twelve"), and a copy may add a time: the same story."""
    restyled = FIRE.replace("two crews", "2 crews")
    spelt = FIRE.replace("killed 12 passengers", "killed twelve passengers")
    timed = FIRE.replace("on Tuesday, the coastguard", "at 1am on Tuesday, the coastguard")
    rows = run(
        tmp_path,
        [
            {"id": "a", "article": FIRE, "published": "2026-11-25T09:00:00+00:00"},
            {"id": "b", "article": restyled, "published": "2026-11-25T10:00:00+00:00"},
            {"id": "c", "article": spelt, "published": "2026-11-25T11:00:00+00:00"},
            {"id": "d", "article": timed, "published": "2026-11-25T12:00:00+00:00"},
        ],
    )
    assert [r["relation"] for r in rows] == ["new", "duplicate", "duplicate", "duplicate"]


def test_a_revised_toll_with_a_paragraph_added_is_an_update_whichever_line_carries_it(tmp_path: Path) -> None:
    """A wire update often revises the toll and adds lines, so the copy is no near copy any more."""
    more = (
        f"{REVISED} Police said two crew members had been questioned about the fire. "
        "Divers will search the car deck on Thursday."
    )
    assert similarity(story_fingerprint(FIRE), story_fingerprint(more)) < DUPLICATE_SIMILARITY
    rows = run(
        tmp_path,
        [
            {"id": "a", "article": FIRE, "published": "2026-11-25T09:00:00+00:00"},
            {"id": "b", "article": more, "published": "2026-11-25T10:00:00+00:00"},
            {"id": "c", "article": REVISED, "published": "2026-11-25T11:00:00+00:00"},
        ],
    )
    assert [r["relation"] for r in rows] == ["new", "update", "duplicate"]
