"""The kinds of broken headline the reading bench found, each with sentences of our own writing.

Fragments, cut complements, unnamed subjects, contrasts that carry the news, and trims that
stop inside a clause: the rules that turn each away, and what the builder offers instead.
"""

from __future__ import annotations

from takeaways.article.model import Article
from takeaways.engines.extractive import ExtractiveEngine, trim
from takeaways.engines.headline import (
    HEADLINE_CHARS,
    ends_at_a_boundary,
    fitting_compressions,
    headline_from,
    headline_options,
    headline_reads_complete,
    lede_compressions,
)
from takeaways.text.entities import surname_of
from takeaways.text.grammar import is_clause


def test_a_verb_cut_before_the_phrase_it_governs_is_not_a_clause() -> None:
    sentence = (
        "Crews have also repaired the pier, with new planks nailed into the old frame "
        "and fresh rails fixed along its whole length."
    )
    assert not is_clause("Crews have also repaired the pier, with new planks nailed", sentence)
    charged = "Tom Reed, 41, of Quay Street, was charged with arson after the fire at the boathouse."
    assert not is_clause("Tom Reed, 41, of Quay Street, was charged", charged)
    on_a_day = "Tom Reed, 41, of Quay Street, was charged on Saturday with arson after the fire."
    assert not is_clause("Tom Reed, 41, of Quay Street, was charged", on_a_day)


def test_a_place_or_day_after_the_verb_may_go() -> None:
    sentence = "Police are questioning a man about a fisherman who was attacked on Monday near the quay."
    assert is_clause("Police are questioning a man about a fisherman who was attacked", sentence)


def test_a_noun_phrase_without_its_noun_is_not_a_clause() -> None:
    sentence = "The council has leased new offices in the harbour district and will soon open its new visitor centre."
    assert not is_clause(
        "The council has leased new offices in the harbour district and will soon open its new", sentence
    )


def test_a_contrast_that_fits_is_offered_before_the_main_clause_alone() -> None:
    sentence = (
        "Only twelve boats finished the regatta in the storm, but the home crew still took the cup "
        "with a record time of two hours."
    )
    first, *rest = headline_options(sentence)
    assert (
        first == "Only twelve boats finished the regatta in the storm, but the home crew still took the cup"
    )
    assert len(first) <= HEADLINE_CHARS
    assert "Only twelve boats finished the regatta in the storm" in rest


def test_a_contrast_cut_before_its_verb_is_not_a_clause() -> None:
    sentence = (
        "The ferry left the harbour on time, but the captain, 54, was taken ill before it reached the island."
    )
    assert not is_clause("The ferry left the harbour on time, but the captain, 54", sentence)


def test_later_cuts_never_keep_less_than_the_first() -> None:
    sentence = (
        "The harbour trust said the agreement included a promise that a lifeguard would be kept "
        "on every beach through the summer season and beyond."
    )
    first, *later = headline_options(sentence)
    assert all(len(option) > len(first) for option in later)
    assert all(
        len(option) < len(first) for option in headline_options(sentence, shorter=True)[len(later) + 1 :]
    )


def test_a_role_is_not_a_named_subject() -> None:
    assert not headline_reads_complete("The veteran goalkeeper signed a new two-year contract with the club")
    assert not headline_reads_complete("The third seed won in straight sets in just over an hour")
    assert headline_reads_complete("Lena Marsh signed a new two-year contract with the club")


def test_a_relative_clause_whose_list_goes_on_stays_in_place() -> None:
    after_the_verb = "The mayor apologised for the leaflet, which showed the old harbour wall, and a photo of the closed ferry office."
    assert "leaflet and a photo" not in headline_from(after_the_verb)
    in_the_subject = (
        "A couple in their 30s, who ran the harbour cafe, and their daughter were rescued from the flooded road "
        "by a lifeboat crew."
    )
    assert headline_from(in_the_subject) == (
        "A couple in their 30s and their daughter were rescued from the flooded road by a lifeboat crew"
    )


def test_a_trim_does_not_stop_inside_the_clause_a_relative_interrupts() -> None:
    sentence = (
        "The party chairman said after the count that it might be years before his party, which now holds one "
        "seat, can win another at a by-election in the town."
    )
    assert not trim(sentence, 20).endswith("before his party.")


def test_now_before_an_age_is_not_a_connective() -> None:
    sentence = "Now 52, the singer has built a second career as a painter, with shows in three cities."
    assert trim(sentence, 25).startswith("Now 52, the singer")


def test_a_surname_keeps_its_particle() -> None:
    assert surname_of("Anneke van der Berg") == "van der Berg"
    assert surname_of("Ines Okafor") == "Okafor"


def test_the_alert_keeps_the_contrast_that_carries_the_news() -> None:
    body = (
        "Only twelve boats finished the regatta in the storm, but the home crew still took the cup with a record "
        "time of two hours. The race was shortened by a lap after winds rose to 40 knots. "
        "Race officer Pia Lund said the fleet had shown great skill. "
        "The home crew last won the cup in 2009 and will defend it next summer."
    )
    summary = ExtractiveEngine().summarise(Article(body=body))
    assert summary.headline.endswith("but the home crew still took the cup")


def test_the_alert_headline_never_drops_the_denial_of_what_it_reports() -> None:
    body = (
        "Reports had suggested harbour captain Mira Solvik had been offered a five-year contract by Port Ellis "
        "Rowing Club, although the club chairman Tom Reyes said on Monday there was no truth in the claims. "
        "Solvik has led the harbour crew to three regatta titles since joining in 2019. "
        "Her current contract with the harbour crew runs until the end of next season. "
        "Reyes said the club would not comment on the contracts of other teams' rowers."
    )
    summary = ExtractiveEngine().summarise(Article(body=body))
    assert not summary.headline.startswith("Reports had suggested") or "no truth" in summary.headline
    assert headline_reads_complete(summary.headline)


def test_the_alert_headline_may_leave_out_a_setback_that_does_not_deny_it() -> None:
    body = (
        "Harbour Council leader Ines Okafor agreed in talks with the ferry union on Tuesday to pause the fare "
        "rise, but the long-awaited meeting failed to produce a wider pay deal. "
        "The two sides talked for more than three hours, and both said they hoped to meet again soon. "
        "Okafor did not agree to the union's proposed two-year pay freeze. "
        "Union leader Tomas Berg said the pause was welcome but not enough."
    )
    summary = ExtractiveEngine().summarise(Article(body=body))
    assert "agreed" in summary.headline and "pause the fare rise" in summary.headline


def test_the_alert_headline_names_someone_rather_than_a_role() -> None:
    body = (
        "The veteran goalkeeper signed a new two-year contract with Harbour Town on Friday after a long delay. "
        "Lena Marsh has made 212 appearances for the club since joining from the academy in 2011. "
        "Manager Ola Berg said the deal gave the squad stability for the coming season. "
        "Harbour Town finished fourth in the league last year and hope to win promotion."
    )
    summary = ExtractiveEngine().summarise(Article(body=body))
    assert not summary.headline.startswith("The veteran goalkeeper")
    assert headline_reads_complete(summary.headline)


def test_a_verb_cut_before_on_to_still_waits() -> None:
    sentence = "Swept out by the tide, Mara Lind was holding on to a buoy when the lifeboat reached her."
    assert not is_clause("Swept out by the tide, Lind was holding", sentence)


def test_a_day_that_belongs_to_a_noun_phrase_stays() -> None:
    sentence = (
        "On Thursday night's episode of the island drama, the harbour master was written out of the show."
    )
    assert headline_from(sentence).startswith("On Thursday night's episode")
    assert headline_from("On Thursday night, the harbour master of Kirkwall resigned.").startswith(
        "The harbour"
    )


def test_a_weekday_in_a_holidays_name_is_no_day_of_the_event() -> None:
    sentence = "Engineering work, including new signals, will close the Kirkwall line from Good Friday to Easter Monday."
    assert headline_from(sentence).endswith("from Good Friday to Easter Monday")
    assert "Friday" not in headline_from("Engineering work closed the Kirkwall line for a week on Friday.")


def test_a_name_after_an_initial_is_not_shortened() -> None:
    sentence = (
        "Ferry owner J. Ronald Baxter, who built the island's first car ferry and later sold it to the "
        "harbour council, died at his home in Kirkwall aged 91."
    )
    context = "Ronald Baxter built it. Baxter said so. Baxter sold it. Baxter said he was proud."
    headline = headline_from(sentence, people=["Ronald Baxter"], article_text=context)
    assert "J. Baxter" not in headline
    assert "J. Ronald Baxter" in headline


def test_a_source_opening_is_no_teaser_but_a_gerund_opening_is() -> None:
    assert headline_reads_complete("According to the coastguard, four divers were rescued off Skerry Point")
    assert not headline_reads_complete("Selling ferry tickets from a van on the quay")


def test_a_medallist_is_a_role_the_reader_needs_named() -> None:
    assert not headline_reads_complete("The Olympic silver medallist accused the sailing body of neglect")


def test_a_relative_clause_after_an_opening_phrase_goes_without_leaving_a_comma() -> None:
    sentence = (
        "In July, Ines Okafor, who is from Kirkwall and has sailed for the island since she was a girl, "
        "claimed the regatta record."
    )
    assert headline_from(sentence) == "In July, Ines Okafor claimed the regatta record"


def test_a_description_with_an_age_is_not_a_name() -> None:
    assert not headline_reads_complete("The Norwegian, 31, revealed the shock of his diagnosis last year")


def test_a_parenthesis_left_open_is_not_a_headline() -> None:
    assert not headline_reads_complete("(Except the skipper would have been recognised on the quay")
    assert headline_reads_complete("The skipper (who is 54) was recognised on the quay at Kirkwall")


def test_an_opening_that_dates_the_news_from_another_event_may_go_when_too_long() -> None:
    sentence = (
        "A day after winning the island election, Ines Okafor told the harbour board that she plans to cut "
        "ferry fares that have long angered the islanders and rebuild the old pier."
    )
    headline = headline_from(sentence)
    assert headline == "Ines Okafor told the harbour board that she plans to cut ferry fares"
    assert is_clause(headline, sentence)


def test_a_question_heads_no_alert_in_any_language() -> None:
    body = (
        "Allwch chi ddyfalu pwy sydd ar fwrdd y llong heddiw?\n\n"
        "Mae criw y fferi wedi hwylio o Gaergybi bob bore ers deng mlynedd.\n\n"
        "Bydd y llong newydd yn cyrraedd yr harbwr ym mis Mai."
    )
    headline = ExtractiveEngine().summarise(Article(body=body, language="cy")).headline
    assert not headline.endswith("?")
    assert headline in body


def test_a_last_resort_cut_may_fall_before_to_and_the_noun_phrase_it_opens() -> None:
    sentence = (
        "Voss, 31, hinted at retirement after narrowly losing her sculling title to 22-year-old Dutch rower "
        "Anneke Visser in a thrilling final in Lucerne."
    )
    assert "Voss, 31, hinted at retirement after narrowly losing her sculling title" in headline_options(
        sentence, shorter=True
    )
    assert "Voss, 31, hinted at retirement after narrowly losing her sculling title" not in headline_options(
        sentence
    )
    # Never after a word "to" completes: "mainly due" waits for its cause.
    profit = (
        "The club declared a profit of 1.6m for the year, mainly due to the sale of its two best players."
    )
    assert not any(option.endswith("due") for option in headline_options(profit, shorter=True))


def test_a_relative_clause_closes_where_the_main_clause_goes_on_not_at_a_time_it_carries() -> None:
    sentence = (
        "Tomas Berg, who is charged over the sinking of a ferry off Skerry Point, Orkney, earlier this year, "
        "can keep his licence, a judge ruled on Monday."
    )
    options = headline_options(sentence, people=["Tomas Berg"], article_text=sentence)
    assert "Tomas Berg can keep his licence, a judge ruled" in options
    assert not any("Berg earlier this year" in option for option in options)


def test_an_infinitive_in_a_relative_clause_is_no_second_verb_that_keeps_the_clause() -> None:
    sentence = (
        "A Kirkwall skipper who has been forced to have her trawler towed to the harbour board will sail again "
        "next month on the crossing to Skerry."
    )
    assert (
        headline_options(sentence)[0]
        == "A Kirkwall skipper will sail again next month on the crossing to Skerry"
    )


def test_an_aside_ending_on_a_quoted_title_goes() -> None:
    sentence = (
        'Ada Morrow, best known for her role as the harbour master in the drama "Kelby Quay," died on '
        "Monday after a short illness."
    )
    assert "Ada Morrow died" in headline_options(sentence)[0]


def test_a_second_clause_opened_on_a_phrase_is_not_cut_before_its_verb() -> None:
    sentence = (
        "Lund's case is dramatic, but in Kelby, where one ferry in ten sails late, it is hardly unusual."
    )
    assert not ends_at_a_boundary(
        "Lund's case is dramatic, but in Kelby, where one ferry in ten sails late", sentence
    )
    assert ends_at_a_boundary("Lund's case is dramatic", sentence)


def test_a_story_that_opens_on_a_span_of_the_past_leads_with_the_news() -> None:
    body = (
        "For seven seasons, Ada Morrow's harbour master chased smugglers across the quays of Kelby in the drama. "
        "Ada Morrow, best known for her role in the drama, died on Monday after a short illness, her agent said. "
        "She was 88. The series ran from 1979 to 1985 and was watched by millions every week. "
        "Several of her co-stars paid tribute to the actress on social media."
    )
    summary = ExtractiveEngine().summarise(Article(body=body))
    assert "died" in summary.headline


def test_an_objects_description_and_apposition_go_to_make_the_headline_fit() -> None:
    sentence = (
        "A harbour court has charged millionaire real estate heir Tomas Lund, a convicted smuggler and former "
        "pilot, with unlawful possession of a firearm."
    )
    assert fitting_compressions(sentence, people=["Tomas Lund"], article_text=sentence) == [
        "A harbour court has charged Tomas Lund with unlawful possession of a firearm"
    ]
    # after a proper noun or "the", or a description the tagger reads on past, the words are the name's own
    for kept in (
        "Cotter will be replaced by Kelby boss Ada Lund, the former harbour pilot, at the end of a season of losses.",
        "The union has backed the former minister Ada Lund, a harbour pilot, with a vote at its annual meeting.",
        "A harbour court has charged millionaire shipping heir Tomas Lund, a convicted smuggler, with arson.",
    ):
        assert not any(
            "replaced by Ada" in form or "backed Ada" in form or "charged Tomas" in form
            for form in fitting_compressions(kept, people=["Ada Lund", "Tomas Lund"], article_text=kept)
        )


def test_a_compression_that_keeps_the_sentences_end_beats_a_longer_cut() -> None:
    body = (
        "A harbour court has charged millionaire real estate heir Tomas Lund, a convicted smuggler and former "
        "pilot, with unlawful possession of a firearm. "
        "Lund, 61, was arrested at the terminal in March after a search of his cabin. "
        "Lund has denied the charge and will appear in court again in June, his lawyer said."
    )
    headline = ExtractiveEngine().summarise(Article(body=body)).headline
    # the cut "... charged Tomas Lund, a convicted smuggler and former pilot" is longer and loses the charge
    assert headline.startswith("A harbour court has charged") and headline.endswith(
        "Lund with unlawful possession of a firearm"
    ), headline


def test_the_event_that_broke_in_is_kept_and_a_place_goes_to_make_room() -> None:
    sentence = (
        "On Saturday, the baby was at home in Harbour Row east of the island's capital Grenhaven, when "
        "the magnitude-6 quake sent tremors through the islands and the mainland."
    )
    assert (
        "The baby was at home when the magnitude-6 quake sent tremors through the islands and the mainland"
        in fitting_compressions(sentence)
    )
    # after "was" or "not" the phrase is what the clause says, never a place to drop
    aboard = (
        "Ada Lund and Tomas Berg, both of Kelby, were on a five-day visit to the island of Grenhaven from the "
        "mainland when they were arrested at the harbour."
    )
    assert not any(
        form.startswith("Ada Lund and Tomas Berg were when") for form in fitting_compressions(aboard)
    )


def test_a_former_role_with_names_in_it_before_the_subject_may_go() -> None:
    sentence = (
        "Former Kelby Harbour Rovers star Ada Lund will need to keep her lawyers even after being cleared of "
        "fraud and two other charges at the island court."
    )
    forms = lede_compressions(sentence)
    assert forms and forms[0].startswith("Ada Lund will need to keep her lawyers")
    # the description ends on a person's noun: former grounds are no one's description
    grounds = "Former Kelby Harbour Rovers grounds Ada Lund Park will be sold to a developer next year."
    assert not any(form.startswith("Ada Lund Park") for form in lede_compressions(grounds))
