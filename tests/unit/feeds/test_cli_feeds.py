import pytest

from infra.feed_site import LoopbackSite
from takeaways.cli import main


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["ftp://cityherald.example/feed", "--source", "City Herald"], "is not an http(s) URL"),
        (["https://cityherald.example/feed", "--source", "!!!"], "needs a source name"),
        (["https://cityherald.example/feed", "--source", "Herald", "--topics", "gossip"], "gossip not among"),
        (["https://cityherald.example/feed", "--source", "Herald", "--language", "english"], "ISO 639-1"),
        (["https://cityherald.example/feed", "--source", "Herald", "--every", "1"], "outside 5..1440"),
    ],
)
def test_feeds_add_refuses_settings_that_could_never_work_before_touching_any_stack(
    arguments: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["feeds", "add", *arguments])
    assert message in str(exit_.value)


def test_fetch_refuses_a_private_address_and_says_why(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fetch", "http://10.20.30.40/story.html", "--dry-run"]) == 2
    assert "refused (blocked_address): 10.20.30.40 resolves to 10.20.30.40, a private address" in (
        capsys.readouterr().err
    )


def test_fetch_dry_run_prints_the_extracted_articles_summary(
    site: LoopbackSite, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.unit.feeds.site_content import STORIES, page

    site.add("/tram.html", page("tram"))
    assert (
        main(["fetch", site.url("/tram.html"), "--allow-loopback", "--dry-run", "--source", "City Herald"])
        == 0
    )
    output = capsys.readouterr().out
    assert "source:    City Herald" in output and "author:    Dana Ruiz" in output
    assert STORIES["tram"][0] in output and "Takeaways:" in output
    assert "Who is paying" not in output
