from takeaways.text.slugs import MAX_SLUG, slug


def test_a_slug_keeps_letters_and_digits_joined_by_single_hyphens() -> None:
    assert slug("  Harbour Bridge: 3 lanes shut!  ") == "harbour-bridge-3-lanes-shut"


def test_a_slug_is_cut_at_its_limit_without_a_trailing_hyphen() -> None:
    assert slug("ab " * 40) == ("ab-" * 20)[: MAX_SLUG - 1]
    assert slug("alpha beta", limit=6) == "alpha"


def test_text_without_ascii_letters_or_digits_has_an_empty_slug() -> None:
    assert slug("— «»") == ""
