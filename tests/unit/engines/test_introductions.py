"""An alert introduces the people it names: a pronoun resolved to a surname gets the full name first."""

from __future__ import annotations

from dataclasses import replace

from takeaways.article import Article
from takeaways.engines.extractive import ExtractiveEngine
from takeaways.engines.standalone import introduce_people
from takeaways.text.sentences import article_sentences

PEOPLE = ["Ana Reyes", "Tom Aldwick"]


def test_a_resolved_pronoun_gets_the_full_name_where_the_alert_first_names_the_person() -> None:
    lines = [
        (
            "Reyes said nine of the 30 nursing posts are empty.",
            "She said nine of the 30 nursing posts are empty.",
        ),
        ("Reyes said the ward would reopen in May.", "She said the ward would reopen in May."),
    ]
    assert introduce_people(lines, PEOPLE) == [
        "Ana Reyes said nine of the 30 nursing posts are empty.",
        "Reyes said the ward would reopen in May.",
    ]


def test_a_person_already_named_in_full_or_a_surname_the_article_wrote_itself_is_left_alone() -> None:
    resolved = ("Reyes said nine posts are empty.", "She said nine posts are empty.")
    assert introduce_people([resolved], PEOPLE, met=["Ana Reyes warns of ward closure"]) == [resolved[0]]
    written = ("Reyes said nine posts are empty.", "Reyes said nine posts are empty.")
    assert introduce_people([written], PEOPLE) == [written[0]]  # "Reyes" may be another Reyes
    club = ("Stanley will play on Saturday.", "Stanley will play on Saturday.")
    assert introduce_people([club], ["Accrington Stanley"]) == [club[0]]  # no given name: not a person's name


STORY = (
    "Harwick General Hospital will close its children's ward for two months from March because it cannot "
    "find enough nurses, the county health board said on Monday.\n\n"
    "The ward treated 2,300 children last year. Families will be sent to Dunmore, 40 kilometres away.\n\n"
    "Dr Ana Reyes is the hospital's medical director. "
    "She said nine of 30 nursing posts were empty.\n\n"
    "The board hopes to reopen the ward in May."
)


def test_the_engine_names_in_full_the_person_a_takeaway_s_pronoun_meant() -> None:
    article = Article(body=STORY)
    sentences = article_sentences(article)
    summary = ExtractiveEngine(min_takeaways=3).summarise(article)
    resolved = [t for t in summary.takeaways if sentences[t.evidence[0]].startswith("She ")]
    assert resolved, [t.text for t in summary.takeaways]
    assert resolved[0].text.startswith("Ana Reyes said nine of 30 nursing posts")


def test_the_authority_is_spelt_out_where_the_alert_has_not_said_whose() -> None:
    from takeaways.engines.standalone import introduce_bodies

    sentences = [
        "The Kelso viaduct will shut for a month from June 2 for repairs, the county's roads authority said.",
        "About 9,000 cars use it each day.",
        "The authority will run a free bus every 20 minutes.",
    ]
    line = ("The authority will run a free bus every 20 minutes.", 2)
    assert introduce_bodies(
        [line], sentences, met=["The Kelso viaduct will shut for a month from June 2."]
    ) == ["The county's roads authority will run a free bus every 20 minutes."]
    # Said already by a line the reader saw, or never said in the article: left as it is.
    assert introduce_bodies(
        [line], sentences, met=["The viaduct shuts, the county's roads authority said."]
    ) == [line[0]]
    assert introduce_bodies([line], sentences[1:], met=[]) == [line[0]]


ARTICLE = (
    "Ruth Quinn, the club's new head coach, has signed a two-year deal with Brackley Town.\n"
    "Quinn spent six seasons at Dunmore Rovers.\n"
    "Quinn said the squad needed two more defenders."
)


def test_a_surname_the_article_wrote_gets_the_full_name_and_short_role_where_the_alert_first_names_her() -> (
    None
):
    lines = [
        (
            "Quinn said the squad needed two more defenders.",
            "Quinn said the squad needed two more defenders.",
        ),
        ("Quinn spent six seasons at Dunmore Rovers.", "Quinn spent six seasons at Dunmore Rovers."),
    ]
    assert introduce_people(lines, ["Ruth Quinn"], article=ARTICLE) == [
        "Ruth Quinn, the club's new head coach, said the squad needed two more defenders.",
        "Quinn spent six seasons at Dunmore Rovers.",
    ]
    # Not its subject: the full name without the role; a courtesy title gives way to the given name.
    assert introduce_people(
        [("The deal was agreed by Quinn.", "The deal was agreed by Quinn.")], ["Ruth Quinn"], article=ARTICLE
    ) == ["The deal was agreed by Ruth Quinn."]
    assert introduce_people(
        [("Ms Quinn said little.", "Ms Quinn said little.")], ["Ruth Quinn"], article=ARTICLE
    ) == ["Ruth Quinn, the club's new head coach, said little."]


def test_a_surname_two_people_share_or_that_opens_another_name_is_left_alone() -> None:
    line = ("Quinn said the squad needed defenders.", "Quinn said the squad needed defenders.")
    brothers = ARTICLE + "\nHer brother Declan Quinn plays for Dunmore."
    assert introduce_people([line], ["Ruth Quinn"], article=brothers) == [line[0]]
    couple = ARTICLE + "\nMr Quinn and Mrs Quinn run the club shop."
    assert introduce_people([line], ["Ruth Quinn"], article=couple) == [line[0]]
    street = ("Quinn Street was closed.", "Quinn Street was closed.")
    assert introduce_people([street], ["Ruth Quinn"], article=ARTICLE) == [street[0]]
    quoted = ('"Ask Quinn," the chairman said.', '"Ask Quinn," the chairman said.')
    assert introduce_people([quoted], ["Ruth Quinn"], article=ARTICLE) == [quoted[0]]
    # A long apposition is left out: the name alone introduces her.
    long_role = (
        "Ruth Quinn, the former assistant at three clubs in two countries, has signed.\nQuinn said no."
    )
    assert introduce_people([("Quinn said no.", "Quinn said no.")], ["Ruth Quinn"], article=long_role) == [
        "Ruth Quinn said no."
    ]


def test_the_engine_introduces_in_its_summary_a_person_the_lede_names_by_surname() -> None:
    body = (
        "Quinn said on Saturday that Brackley Town would sign two defenders before the season starts.\n\n"
        "Brackley finished ninth last season, their lowest place since 2009.\n\n"
        "Ruth Quinn, the club's new head coach, joined from Dunmore Rovers in May.\n\n"
        "The club's owners will put a further 400,000 pounds into the squad this summer.\n\n"
        "Season tickets go on sale on Monday at the ground and online."
    )
    summary = ExtractiveEngine().summarise(Article(body=body))
    assert summary.summary.startswith("Ruth Quinn, the club's new head coach, said on Saturday"), (
        summary.summary
    )


def test_a_thing_the_alert_has_not_said_which_is_spelt_out_in_the_article_s_words() -> None:
    from takeaways.engines.standalone import introduce_bodies

    sentences = [
        "Ministers and the ferry unions signed the Harbour Road agreement in 2019.",
        "Crossings doubled in two years.",
        "The agreement ends on 15 March.",
    ]
    line = ("The agreement ends on 15 March.", 2)
    assert introduce_bodies([line], sentences, met=["Crossings doubled in two years."]) == [
        "The Harbour Road agreement ends on 15 March."
    ]
    assert introduce_bodies([line], sentences, met=["Unions signed the Harbour Road agreement."]) == [line[0]]


def test_a_titled_surname_the_article_writes_before_the_full_name_is_not_spelt_out_as_that_person() -> None:
    """A "Mr Quayle" written before "Tom Quayle" appears refers back to a Quayle the page's headline
    introduced, maybe another one, so the full name is not put in; written after it, it is."""
    article = (
        "The council congratulated Mr Quayle on his victory. The cousin of harbour pilot Tom Quayle spoke. "
        "Mr Quayle thanked the voters."
    )
    lines = [
        (
            "The council congratulated Mr Quayle on his victory.",
            "The council congratulated Mr Quayle on his victory.",
        )
    ]
    assert introduce_people(lines, ["Tom Quayle"], article=article) == [lines[0][0]]
    introduced = article.replace("congratulated Mr Quayle", "congratulated Tom Quayle", 1)
    assert introduce_people(
        [("Mr Quayle thanked the voters.", "Mr Quayle thanked the voters.")],
        ["Tom Quayle"],
        article=introduced,
    ) == ["Tom Quayle thanked the voters."]


def test_a_name_with_a_middle_initial_is_a_person_s_though_its_given_name_is_not_in_the_word_list() -> None:
    article = "Judge Orvil T. Brannagh ruled on Friday. Brannagh said the ferry firm had failed to prove it."
    line = ("Brannagh said the ferry firm had failed to prove it.",) * 2
    assert introduce_people([line], ["Orvil T. Brannagh"], article=article) == [
        "Orvil T. Brannagh said the ferry firm had failed to prove it."
    ]
    # Without the initial, and with no "Brannagh" alone in the article, the unknown given name may be a
    # club's or a horse's: left as written.
    plain = "Judge Orvil Brannagh ruled on Friday against the ferry firm."
    assert introduce_people([line], ["Orvil Brannagh"], article=plain) == [line[0]]


def test_a_title_the_article_writes_before_the_full_name_is_that_person_s_own() -> None:
    article = (
        "A letter came from harbour Bishop Jack Quarrie, who praised the skipper. "
        "Bishop Quarrie later withdrew it. Quarrie, who is now retired, declined to comment."
    )
    line = ("Quarrie, who is now retired, declined to comment.",) * 2
    assert introduce_people([line], ["Jack Quarrie"], article=article) == [
        "Jack Quarrie, who is now retired, declined to comment."
    ]
    # "Mayor Quarrie" with no "Mayor Jack Quarrie" may be another Quarrie: left as written.
    other = article.replace("Bishop Quarrie", "Mayor Quarrie")
    assert introduce_people([line], ["Jack Quarrie"], article=other) == [line[0]]


def test_a_line_opening_on_subsequently_means_nothing_without_the_line_before() -> None:
    from takeaways.engines.standalone import with_referent

    earlier = ["The ferry firm put its island routes up for sale in May."]
    assert with_referent("Subsequently only two firms made offers.", earlier, []) is None
    assert with_referent("Only two firms made offers for the routes.", earlier, []) is not None


# A given name the word list does not hold, in an article that calls her by surname afterwards.
COUNT_STORY = (
    "Ysolde Dunwoody, the returning officer, ordered a recount in Fenwick ward on Friday.\n"
    "Dunwoody told reporters that 40 ballots had been missed.\n"
    "Dunwoody said the result would be known on Sunday."
)


def test_a_surname_gets_a_full_name_whose_given_name_the_word_list_lacks() -> None:
    line = "Dunwoody said the result would be known on Sunday."
    assert introduce_people([(line, line)], ["Ysolde Dunwoody"], article=COUNT_STORY) == [
        "Ysolde Dunwoody, the returning officer, said the result would be known on Sunday."
    ]
    # The same name written once, never alone after it: no sign it is a person's.
    once = "Ysolde Dunwoody won the 3.15 at Fenwick on Friday."
    assert introduce_people([(line, line)], ["Ysolde Dunwoody"], article=once) == [line]


def test_a_title_the_entity_finder_joined_to_the_name_is_not_put_in() -> None:
    line = "Dunwoody said the result would be known on Sunday."
    story = COUNT_STORY.replace("Ysolde Dunwoody, the returning officer,", "Officer Ysolde Dunwoody")
    assert introduce_people([(line, line)], ["Officer Ysolde Dunwoody"], article=story) == [
        "Ysolde Dunwoody said the result would be known on Sunday."
    ]


def test_a_group_or_a_place_before_a_name_is_not_a_given_name() -> None:
    story = (
        "Eastern Unionists are angry about the new border.\nUnionists are split on the vote.\n"
        "Refugees made the trip to Kessa. Kessa Obuya told reporters the camp was full.\n"
        "Obuya said more tents were needed."
    )
    group = "Unionists are split on the vote."
    assert introduce_people([(group, group)], ["Eastern Unionists"], article=story) == [group]
    place = "Obuya said more tents were needed."
    assert introduce_people([(place, place)], ["Kessa Obuya"], article=story) == [place]


def test_a_full_name_only_a_quotation_gives_after_a_courtesy_title_is_someone_else_s() -> None:
    story = (
        "Marley was crowned champion in 1994.\n"
        '"Thank you to your mother, Miss Rosa Marley," the host said.\n'
        "Marley said she had waited 30 years for the apology."
    )
    line = "Marley said she had waited 30 years for the apology."
    assert introduce_people([(line, line)], ["Miss Rosa Marley"], article=story) == [line]


def test_a_surname_naming_a_family_or_a_case_is_not_given_a_first_name() -> None:
    story = "Arlo Quill and his brother ran a still in the hills.\nQuill said the sheriff never caught them."
    family = "The sheriff chased the moonshine-running Quill brothers for years."
    assert introduce_people([(family, family)], ["Arlo Quill"], article=story) == [family]
    case = "Lawyers said the Quill case changed the law."
    assert introduce_people([(case, case)], ["Arlo Quill"], article=story) == [case]
    subject = "Quill said the sheriff never caught them."
    assert introduce_people([(subject, subject)], ["Arlo Quill"], article=story) == [
        "Arlo Quill said the sheriff never caught them."
    ]


def test_a_second_person_of_the_surname_whose_given_name_is_unknown_still_makes_it_ambiguous() -> None:
    story = (
        "Ysolde Dunwoody and her son Ferran Dunwoody were both counted out.\n"
        "Dunwoody said the result would be known on Sunday."
    )
    line = "Dunwoody said the result would be known on Sunday."
    assert introduce_people([(line, line)], ["Ferran Dunwoody", "Rosa Dunwoody"], article=story) == [line]


def test_people_named_past_the_lede_s_sentences_can_be_introduced() -> None:
    from takeaways.engines.extractive import people_of_the_window
    from takeaways.text.entities import ENTITY_SENTENCES, find_entities

    window = [f"Fenwick council met for the {n}th time on Monday." for n in range(1, 14)] + [
        "Ysolde Dunwoody, the returning officer, found the ballots in a locked box.",
        "Dunwoody said the 40 uncounted votes could change the result.",
    ]
    lede_people = [e.name for e in find_entities(window[:ENTITY_SENTENCES]) if e.kind == "person"]
    assert "Ysolde Dunwoody" not in lede_people
    assert "Ysolde Dunwoody" in people_of_the_window(window, lede_people)


def test_a_surname_two_of_the_article_s_people_share_is_a_line_not_to_choose() -> None:
    from takeaways.engines.standalone import unintroduced_surname

    story = (
        "Marta Quenby moved her son Tobias Quenby to Denver for treatment.\n"
        "Quenby said the move had cost the family its savings."
    )
    people = ["Marta Quenby", "Tobias Quenby"]
    line = "Quenby said the move had cost the family its savings."
    assert (
        unintroduced_surname(line, line, ["Family moves for cannabis treatment"], people, story) == "Quenby"
    )
    # The alert said which Quenby before, or the line names one in full: it can be read.
    assert unintroduced_surname(line, line, ["Marta Quenby moves to Denver"], people, story) is None
    named = "Marta Quenby said the move had cost the family its savings."
    assert unintroduced_surname(named, named, [], people, story) is None
    # One person of the surname: the introduction spells it out, and the line stays.
    assert unintroduced_surname(line, line, [], ["Marta Quenby"], story) is None


def test_a_relative_s_or_a_titled_full_name_after_a_bare_surname_is_not_put_in() -> None:
    line = "Baxter was jailed for eight years for causing the cyclist's death."
    relative = (
        f"{line} The van was speeding. Outside court, his father, Colin Baxter, said they would appeal."
    )
    titled = f"{line} The van was speeding. Judge Colin Baxter said the driving was reckless."
    introduced = f"Colin Baxter, 24, admitted the charge. {line}"
    for article in (relative, titled):
        assert introduce_people([(line, line)], ["Colin Baxter"], article=article) == [line]
    assert introduce_people([(line, line)], ["Colin Baxter"], article=introduced) == [f"Colin {line}"]


def test_a_summary_the_headline_is_cut_from_introduces_nobody_its_reader_never_sees() -> None:
    from takeaways.engines.extractive import _introducing_people
    from takeaways.summary import Takeaway, TakeawaySummary, summary_adds

    sentences = [
        'On Sunday night\'s "Harbour Lights," Skipper Jon Vale -- the gruff captain played by Ruth Quinn -- drowned.',
        "Quinn had played Vale for eleven series.",
        "Quinn still has a year left on her contract.",
    ]
    alert = TakeawaySummary(
        headline='On Sunday night\'s "Harbour Lights," Skipper Jon Vale drowned',
        summary=sentences[0],
        takeaways=[Takeaway(text=sentences[2], evidence=[2])],
        engine="extractive",
    )
    assert not summary_adds(alert.summary, alert.headline)  # the e-mail shows the headline alone
    (takeaway,) = _introducing_people(alert, ["Ruth Quinn", "Jon Vale"], sentences).takeaways
    assert takeaway.text == "Ruth Quinn still has a year left on her contract."
    # A summary shown beside its headline has introduced her: the takeaway keeps the surname.
    shown = replace(alert, headline="Harbour Lights loses its skipper")
    assert summary_adds(shown.summary, shown.headline)
    (kept,) = _introducing_people(shown, ["Ruth Quinn", "Jon Vale"], sentences).takeaways
    assert kept.text == sentences[2]


def test_a_spokeswoman_named_after_according_to_is_a_person_the_alert_introduces() -> None:
    article = (
        "The crew were treated before being released, according to Marisol Venn, spokeswoman for Isles Link.\n"
        "Venn said a second ferry would sail later on Wednesday."
    )
    line = ("Venn said a second ferry would sail later on Wednesday.",) * 2
    assert introduce_people([line], ["Marisol Venn"], article=article) == [
        "Marisol Venn said a second ferry would sail later on Wednesday."
    ]


def test_a_pronoun_resolved_to_someone_named_once_gets_the_full_name_whatever_the_given_name() -> None:
    article = (
        "Harbour board chief Torvald Brekke said the strike had put the timetable at risk.\n"
        "He also called on the crews to return to talks."
    )
    resolved = (
        "Brekke also called on the crews to return to talks.",
        "He also called on the crews to return to talks.",
    )
    assert introduce_people([resolved], ["Torvald Brekke"], article=article) == [
        "Torvald Brekke also called on the crews to return to talks."
    ]
    # Written by the article itself, the surname of a name the word list does not know stays as it is.
    written = ("Brekke wants talks.", "Brekke wants talks.")
    assert introduce_people([written], ["Torvald Brekke"], article=article) == [written[0]]


def test_a_surname_after_an_opening_since_or_although_is_introduced() -> None:
    article = (
        "Nobody from the valley had won the race until Ines Dahl took the title in 2019.\n"
        "But since Dahl's win at Grenhaven, three more riders from the valley have won it."
    )
    line = "Since Dahl's win at Grenhaven, three more riders from the valley have won it."
    source = article.splitlines()[1]
    assert introduce_people([(line, source)], ["Ines Dahl"], article=article) == [
        "Since Ines Dahl's win at Grenhaven, three more riders from the valley have won it."
    ]
    # a capitalised word that may be part of the name still stops it: "Chelsea Dahl" may be someone else
    other = "Chelsea Dahl's win at Grenhaven came later."
    assert introduce_people([(other, other)], ["Ines Dahl"], article=article) == [other]


def test_a_given_name_used_alone_is_introduced_with_the_one_full_name_it_belongs_to() -> None:
    article = (
        '"It has been a whirlwind," said ferry captain Tom Berg, who won the award.\n'
        "But Tom admitted the new rota has its drawbacks."
    )
    line = "Tom admitted the new rota has its drawbacks."
    assert introduce_people([(line, line)], ["Tom Berg"], article=article) == [
        "Tom Berg admitted the new rota has its drawbacks."
    ]
    # Two people of the given name: which one is meant, the line does not say.
    two = article + "\nTom Lund, his deputy, agreed."
    assert introduce_people([(line, line)], ["Tom Berg", "Tom Lund"], article=two) == [line]
    assert introduce_people([(line, line)], ["Tom Berg"], article=two) == [line]
    # A given name inside a name stays as written.
    act = "The bill is dubbed Tom's Ferry Act."
    assert introduce_people([(act, act)], ["Tom Berg"], article=article + "\n" + act) == [act]


def test_a_surname_ending_in_s_written_again_does_not_hide_the_given_name() -> None:
    article = (
        "Ferry captain Tom Rees won the award.\nTom Rees's crew cheered.\nBut Tom admitted the rota was hard."
    )
    line = "Tom admitted the rota was hard."
    assert introduce_people([(line, line)], ["Tom Rees"], article=article) == [
        "Tom Rees admitted the rota was hard."
    ]
