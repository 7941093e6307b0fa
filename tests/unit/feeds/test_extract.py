from pathlib import Path

import pytest

from takeaways.feeds.extract import extract_page
from takeaways.feeds.model import FeedProblem, FetchRefused
from tests.unit.feeds.site_content import NOISE_COMMENTS, STORIES, page

SAMPLES = Path(__file__).resolve().parents[3] / "samples" / "feeds" / "coastal-times" / "news"


def test_the_article_text_is_kept_and_navigation_related_links_and_comments_are_not() -> None:
    extracted = extract_page(page("tram"), url="https://cityherald.example/tram.html")
    assert list(extracted.paragraphs) == STORIES["tram"][1]
    assert "Who is paying" not in extracted.text and "Storm warning" not in extracted.text


def test_metadata_comes_from_the_pages_own_markup() -> None:
    extracted = extract_page(
        page("library", canonical="/news/library", lang="en-GB"),
        url="https://cityherald.example/x?utm_source=rss",
    )
    assert extracted.title == "Old customs house becomes the city's largest library"
    assert extracted.byline == "Dana Ruiz"
    assert extracted.published == "2026-11-30T08:00:00Z"
    assert extracted.canonical_url == "https://cityherald.example/news/library"
    assert extracted.site_name == "City Herald"
    assert extracted.language == "en"


def test_json_ld_gives_author_date_and_publisher_and_the_byline_line_is_not_body() -> None:
    robotics = extract_page(
        (SAMPLES / "robotics-prize.html").read_text(), url="https://coastal.example/r.html"
    )
    assert (robotics.byline, robotics.published, robotics.site_name) == (
        "Olu Benson",
        "2026-12-01T17:45:00+00:00",
        "Coastal Times",
    )
    assert "cookies" not in robotics.text
    ferry = extract_page(
        (SAMPLES / "night-ferry-returns.html").read_text(), url="https://coastal.example/f.html"
    )
    assert ferry.paragraphs[0].startswith("The overnight ferry") and ferry.byline == "Marta Quint"
    assert "Related stories" not in ferry.text and "About time" not in ferry.text


def test_a_page_of_only_comments_has_no_article_text_to_speak_of() -> None:
    extracted = extract_page(f"<html><body>{NOISE_COMMENTS}</body></html>", url="https://x.example/")
    assert len(extracted.text.split()) < 20


def test_a_document_that_is_no_html_is_refused() -> None:
    with pytest.raises(FetchRefused) as refused:
        extract_page("", url="https://x.example/empty")
    assert refused.value.problem is FeedProblem.NOT_HTML
