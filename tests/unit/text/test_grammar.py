"""The shipped tagger's clause check: what a cut headline keeps and what it loses, in sentences of our own."""

from __future__ import annotations

import pytest

from takeaways.text.grammar import is_clause, is_fact_box_line, lacks_a_subject, verbless_main_clause
from takeaways.text.tagger import english_tagger, tokenize


@pytest.mark.parametrize(
    ("headline", "sentence"),
    [
        (
            "A gas main exploded under the harbour road",
            "A gas main exploded under the harbour road on Sunday, closing the ferry terminal.",
        ),
        (
            "The island council approved the new ferry timetable",
            "The island council approved the new ferry timetable.",
        ),
        (
            "When the storm passed, the ferry crews returned to work",
            "When the storm passed, the ferry crews returned to work.",
        ),
        (
            "Harbour master Ines Okafor says the pier will reopen in May",
            "Harbour master Ines Okafor says the pier will reopen in May.",
        ),
        (
            "The coastguard rescued four fishermen off Skerry Point",
            "The coastguard rescued four fishermen off Skerry Point after their boat capsized.",
        ),
        (
            "The widow of a diver who police say was swept off the pier has sued the harbour board",
            "The widow of a diver who police say was swept off the pier has sued the harbour board.",
        ),
        (
            "The ferry that ran aground in March will sail again",
            "The ferry that ran aground in March will sail again on Friday.",
        ),
        (
            "A week of talks followed in which the ferry crews were offered a new contract",
            "A week of talks followed in which the ferry crews were offered a new contract.",
        ),
        (
            "The storm that hit Orkney set off floods",
            "The storm that hit Orkney on Saturday set off floods that closed the ferry port.",
        ),
        (
            "Okafor is telling the crowd a strange, but true, story",
            "On the quay, Okafor is telling the crowd a strange, but true, story.",
        ),
        (
            "The ferry company cannot run the night service",
            "The ferry company cannot run the night service.",
        ),
        (
            "The council bought a plan by design team Ann Marsh and Tomas Berg",
            "The council bought a plan by design team Ann Marsh and Tomas Berg that centres on a new pier.",
        ),
        (
            "Isles Link hired a script by writing team Ann Marsh and Tomas Berg",
            "Isles Link hired a script by writing team Ann Marsh and Tomas Berg that centres on the ferry strike.",
        ),
        (
            "Six ferries were held in port because of the gale",
            "Six ferries were held in port because of the gale.",
        ),
        (
            "Four crew drowned when their trawler sank off Skerry Point",
            "Four crew drowned when their trawler sank off Skerry Point on Sunday.",
        ),
        (
            "The ferry firm reported a sharp rise in bookings",
            "The ferry firm reported a sharp rise in bookings for the summer crossings.",
        ),
        (
            "The lock keeper retired in 2009 and, after two years abroad, took charge of the flight",
            "The lock keeper retired in 2009 and, after two years abroad, took charge of the flight at Tewkesbury.",
        ),
        (
            "Jonas Harlow is glad to be home after nine years in a Kelby jail",
            "Jonas Harlow is glad to be home after nine years in a Kelby jail for thefts he says he never did.",
        ),
        # A quantity and a date are no claims an "in" bounds: "at least" and "last week" are not superlatives.
        (
            "Raiders burned at least six farms",
            "Raiders burned at least six farms in the valley on Sunday.",
        ),
        (
            "The harbour master resigned last week",
            "The harbour master resigned last week in protest at the new ferry timetable.",
        ),
        # A verb of charging whose preposition is kept has said what for; a later "of" is another phrase's.
        (
            "The skipper was convicted of fraud",
            "The skipper was convicted of fraud in 2019, the court of appeal heard.",
        ),
        # After a person's name, "of" says where they are from, which a headline may leave out.
        (
            "Coastguards rescued Ines Berg",
            "Coastguards rescued Ines Berg of Kelby from the cliffs on Friday.",
        ),
    ],
)
def test_a_subject_with_its_finite_verb_is_a_clause(headline: str, sentence: str) -> None:
    assert is_clause(headline, sentence)


@pytest.mark.parametrize(
    ("headline", "sentence", "why"),
    [
        (
            "Nine passengers who were stranded for two days at the island's harbour",
            "Nine passengers who were stranded for two days at the island's harbour have flown home.",
            "the only finite verb is the relative clause's",
        ),
        (
            "The ferry operator said services",
            "The ferry operator said services at the northern pier will stop in March.",
            "the reported clause is cut before its verb",
        ),
        (
            "The council decision to keep fares",
            "The council decision to keep fares unchanged was welcomed by islanders.",
            "no finite verb at all",
        ),
        (
            "Two years after the old pier collapsed and injured three anglers",
            "Two years after the old pier collapsed and injured three anglers, a new one opens today.",
            "the verbs belong to the 'after' clause",
        ),
        (
            "Stranded by the storm, they waited",
            "Stranded by the storm, they waited for the morning ferry.",
            "the subject is a pronoun with no name",
        ),
        (
            "The harbour master was holding",
            "The harbour master was holding the rope when it snapped.",
            "the verb's object is cut away",
        ),
        (
            "The ferry crews walked out over",
            "The ferry crews walked out over night shifts.",
            "ends on a preposition",
        ),
        (
            "The regatta is a weekend on which sailors",
            "The regatta is a weekend on which sailors from every island race and celebrate.",
            "a relative clause without its verb",
        ),
        (
            "Okafor -- the harbour master charged with negligence",
            "Okafor -- the harbour master charged with negligence after the collision -- told the inquiry "
            "she was not on duty.",
            "the aside's closing dash is cut away",
        ),
        (
            "The fares approved last month in Lerwick and Kirkwall",
            "The fares approved last month in Lerwick and Kirkwall angered commuters.",
            "the main verb comes after the joined names",
        ),
        (
            "The coastguard said it had found the dinghy, drifting",
            "The coastguard said it had found the dinghy, drifting towards the rocks.",
            "a participle just after a comma opens a phrase it does not finish",
        ),
        (
            "The skipper who rescued a swimmer he saw from the pier",
            "The skipper who rescued a swimmer he saw from the pier has been given a bravery award.",
            "the only verbs are the relative clause's and one inside it",
        ),
        (
            "The widow of a diver who police say was swept off the pier",
            "The widow of a diver who police say was swept off the pier has sued the harbour board.",
            "'was' is the relative clause's verb, past the report inside it",
        ),
        (
            "The coastguard has confirmed that one of the missing divers, a 30-year-old from Kirkwall",
            "The coastguard has confirmed that one of the missing divers, a 30-year-old from Kirkwall, "
            "was found alive.",
            "what was confirmed is cut before its verb",
        ),
        (
            "The coastguard has confirmed that one of its most wanted smugglers",
            "The coastguard has confirmed that one of its most wanted smugglers, a skipper known as Gull, "
            "was arrested in Kirkwall.",
            "'most wanted' describes the smugglers; what was confirmed has no verb",
        ),
        (
            "Seals leave the bay in winters when the thin ice",
            "Seals leave the bay in winters when the thin ice on which they rest forms late.",
            "the clause 'when' opens is cut before its verb",
        ),
        (
            "The harbour board went to court to stop the ferry company",
            "The harbour board went to court to stop the ferry company from selling its last boat.",
            "the act a verb's phrase names ('from selling') is cut away",
        ),
        (
            "Initially at least that should help the ferry crews",
            "Initially at least that should help the ferry crews in the talks.",
            "the subject points back without naming anything",
        ),
        (
            "A lecturer at the island college said in a letter to her students",
            "A lecturer at the island college said in a letter to her students that the course would close.",
            "what she said is cut away",
        ),
        (
            "The crews can rest more easily living",
            "The crews can rest more easily living in Kirkwall now that the ferry sails daily.",
            "a participle cut before the phrase it opens",
        ),
        (
            "Last month the harbour board cut its landing fee from 5%",
            "Last month the harbour board cut its landing fee from 5% to 2% for island boats.",
            "a range cut before its end loses the change",
        ),
        (
            "In the new skipper they had not only a sailor but a leader",
            "In the new skipper they had not only a sailor but a leader.",
            "the subject is the pronoun before the verb",
        ),
        (
            "Islanders who live on the estate loosely described",
            "Islanders who live on the estate loosely described as the old town will be rehoused.",
            "the participle is the relative clause's, not the main verb",
        ),
        (
            "The skipper is making an emotional",
            "The skipper is making an emotional, heartfelt plea for the lifeboat crew.",
            "an article and adjective without their noun",
        ),
        (
            "The storm was the one forecasters had warned of based",
            "The storm was the one forecasters had warned of based on the autumn tides.",
            "a participle after a preposition, cut before its own",
        ),
        (
            "Police have arrested a man wanted",
            "Police have arrested a man wanted in connection with the fire at the boathouse.",
            "a participle describing the noun before it is cut before its phrase",
        ),
        (
            "The fact that the ferry was late for the third time",
            "The fact that the ferry was late for the third time angered the island's commuters.",
            "the verb belongs to the clause 'that' opens after 'fact'",
        ),
        (
            "The nurses' union says there is a shortage of nurses and a fall",
            "The nurses' union says there is a shortage of nurses and a fall in applications to train.",
            "a noun of change cut before what changed",
        ),
        (
            "The ferry firm reported a sharp rise",
            "The ferry firm reported a sharp rise in bookings for the summer crossings.",
            "a rise without what rose",
        ),
        (
            "The lock keeper joined the canal trust in 2009 and, after two years of training",
            "The lock keeper joined the canal trust in 2009 and, after two years of training, took charge of the flight.",
            "an 'and,' that opens a phrase before its clause: the clause is cut away",
        ),
        (
            "Six skippers from last year's regatta are to be involved",
            "Six skippers from last year's regatta are to be involved in the harbour race on Sunday.",
            "a word cut before the phrase its preposition opens",
        ),
        (
            "The council has earmarked land on the former Kelby Sports College",
            "The council has earmarked land on the former Kelby Sports College site for a ferry terminal.",
            "a compound noun cut in two",
        ),
        (
            "The brewer said there had been a record response to its Equity",
            "The brewer said there had been a record response to its Equity for Punks share offer in Kelby.",
            "a name cut in two at its 'for'",
        ),
        (
            "The lorry hit the barrier halfway between junction 32",
            "The lorry hit the barrier halfway between junction 32 and 33 of the M4 on Sunday.",
            "a range cut in half",
        ),
        (
            "The skipper's brother says that he posed",
            "The skipper's brother says that he posed as a harbour pilot to get onto the ferry.",
            "'posed' cut before the 'as' that says as what",
        ),
        (
            "A jury has charged former harbour master Tomas Berg",
            "A jury has charged former harbour master Tomas Berg with selling the island's ferry licences.",
            "a charge cut away: what he is charged with is the news",
        ),
        (
            "The court refused a motion to let the skipper",
            "The court refused a motion to let the skipper go back to sea before the hearing.",
            "'let' cut before the verb it lets",
        ),
        (
            "Ines Okafor told reporters",
            "Ines Okafor told reporters in the city she would resign from the harbour board.",
            "a report cut before what was reported, a place between",
        ),
        (
            "The keeper rang the Harbour Board, also known",
            "The keeper rang the Harbour Board, also known as the Quay Trust, at dawn on Friday.",
            "'known' cut before the 'as' that says what it is known as",
        ),
        (
            "Raiders crossed into the valley for the first time",
            "Raiders crossed into the valley for the first time in a decade, burning two farms.",
            "a first cut before what bounds it: the raid is not the first ever",
        ),
        (
            "The price of copper reached its highest level",
            "The price of copper reached its highest level since the spring of 2011 on Tuesday.",
            "a superlative cut before the period it holds for",
        ),
        (
            "The ferry sailed for the last time",
            "The ferry sailed for the last time in 2019, before the bridge opened.",
            "a last of a series cut before what bounds it",
        ),
        (
            "The island's lifeboat crew was given the Freedom",
            "The island's lifeboat crew was given the Freedom of Kelby on Saturday.",
            "a name cut in two at its 'of'",
        ),
        (
            "Many islanders count the ferry strike",
            "Many islanders count the ferry strike as the worst in living memory.",
            "a verb of judging cut before what it takes its object as",
        ),
        (
            "Police identified the man",
            "Police identified the man as Tomas Berg, 41, of Kelby.",
            "a verb of naming cut before the name",
        ),
    ],
)
def test_a_cut_that_loses_the_main_verb_or_stops_inside_a_clause_is_not(
    headline: str, sentence: str, why: str
) -> None:
    assert not is_clause(headline, sentence), why


@pytest.mark.parametrize(
    "sentence",
    [
        "Letters between Berg and the board found in a drawer, the family said, showed he knew of the fault.",
        "Letters between Berg and the board found in a drawer, the inquiry was told, showed he knew of the fault.",
    ],
)
def test_a_cut_before_an_aside_that_the_main_verb_follows_is_not_a_clause(sentence: str) -> None:
    # "found" describes the letters; "showed", after the speaker's aside, is the sentence's verb.
    assert not is_clause("Letters between Berg and the board found in a drawer", sentence)


def test_a_noun_before_an_as_is_no_verb_of_judging() -> None:
    # "rate" and "view" here are nouns: the "as" after the cut opens a clause of its own.
    assert is_clause(
        "The Bank halved its bank rate", "The Bank halved its bank rate as it tried to calm markets."
    )
    assert is_clause(
        "The skyline was hidden from view", "The skyline was hidden from view as smoke drifted east."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The ferry sank off Kelby, police said, killing two.",
        "The ferry sank off Kelby, police said, and two crew died.",
        "The ferry sank off Kelby, police said.",
    ],
)
def test_a_clause_cut_before_its_speaker_is_still_a_clause(sentence: str) -> None:
    assert is_clause("The ferry sank off Kelby", sentence)


def test_the_shipped_model_splits_verbs_by_form() -> None:
    words = tokenize("The ferry sailed, but the crews had not been paid.")
    tags = english_tagger().tag(words)
    assert tags[words.index("had")] == "AUX:Fin"
    assert tags[words.index("paid")] == "VERB:Part"
    assert tags[words.index("ferry")] == "NOUN"


@pytest.mark.parametrize(
    ("headline", "sentence"),
    [
        (
            "The ferry union stayed out for a week to remain",
            "The ferry union stayed out for a week to remain in the talks over night shifts.",
        ),
        (
            "The captain had been the favourite for days, possibly",
            "The captain had been the favourite for days, possibly because her crew won last year.",
        ),
    ],
)
def test_a_cut_before_what_an_infinitive_or_an_adverb_waits_for_is_not_a_clause(
    headline: str, sentence: str
) -> None:
    assert not is_clause(headline, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Offered a real threat down the left and worked tirelessly.",
        "Given a rare start and did well to keep the visitors quiet.",
        "Wasted a great chance to level, failing to hit the target from six yards.",
    ],
)
def test_a_line_that_opens_on_its_verb_with_no_subject_lacks_one(sentence: str) -> None:
    assert lacks_a_subject(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Given the conditions, the ferry crews did well to sail at all.",
        "Added to that is the cost of the new fuel.",
        "Imprisoned skipper Anna Holt can now write to her crew.",
        "Japanese-owned Kairo Ferries opened a new route on Monday.",
        "Ahmed scored twice in the second half.",
    ],
)
def test_a_participle_that_sets_a_scene_or_describes_the_subject_leaves_it(sentence: str) -> None:
    assert not lacks_a_subject(sentence)


@pytest.mark.parametrize(
    "line",
    [
        "1988 - Treaty giving the islands a harbour board of their own.",
        "B) Being the only island with two ferry ports and no airport.",
        "Anna Holt 3 hrs 12 mins 40 secs 2.",
        "Population 2,400 Area 38 sq km Main Harbour Kirkwall Ferry Isles Link.",
        # a journey's log, whatever the tagger takes for a verb
        "Kirkwall to Lerwick - 1,468km; in 15 hours and 20 minutes LEG 3: 18 March.",
        "Lerwick to Bergen Norway - 1,241km; in 17 hours and 22 minutes",
        "1974 - First ferry passengers allowed in.",
        "Population 2,400 Area 38 sq km Main language Norn Life expectancy 81 years",
    ],
)
def test_a_row_of_a_fact_box_table_timeline_or_quiz_is_no_sentence(line: str) -> None:
    assert is_fact_box_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Kirkwall's FTSE Isles 100 index closed down 2.1% at 4,998.10.",
        "In 1988 the ferry link to the mainland opened after ten years of building.",
        "Isles Link cancelled 14 crossings on Monday.",
        "2014 was the stormiest year on record for the ferries.",
        "Between May 2010 and June 2014 fares rose.",
        "The ferry sailed from Kirkwall to Lerwick - 340km - in 14 hours.",
    ],
)
def test_a_sentence_with_names_and_figures_is_no_fact_box_row(line: str) -> None:
    assert not is_fact_box_line(line)


@pytest.mark.parametrize(
    "sentence",
    [
        "An evening when the crews make bad, costly decisions.",
        "Incredulous that the ferry took so long.",
        "A night when the harbour lights failed.",
    ],
)
def test_a_phrase_and_the_clause_describing_it_has_no_verb_of_its_own(sentence: str) -> None:
    assert verbless_main_clause(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Police said that officers found the skipper.",
        "Data shows that ferry fares are up 12% on last year.",
        "Residents who fled the storm returned on Monday.",
        "The ferry that sank carried 40 people.",
        "Tomas Berg, who was arrested, denies the charge.",
    ],
)
def test_a_sentence_with_a_main_verb_is_not_verbless(sentence: str) -> None:
    assert not verbless_main_clause(sentence)


# Cuts the headline readers of December 2026 found complete by the taggers' lights and not by theirs.
@pytest.mark.parametrize(
    ("headline", "sentence", "why"),
    [
        (
            "The night ferry is now more common",
            "The night ferry is now more common in winter than the bus.",
            "a comparison cut before what it is measured by",
        ),
        (
            "The night ferry is now more",
            "The night ferry is now more popular, carrying 5,000 people a week.",
            "a degree word cut from the quality it grades",
        ),
        (
            "Tom Berg was buried in Kelby, not far",
            "Tom Berg was buried in Kelby, not far from where he was born.",
            "'far' cut from its 'from'",
        ),
        (
            "Tom Berg left the island three years",
            "Tom Berg left the island three years ago.",
            "a span cut from its 'ago'",
        ),
        (
            "Kelby is seeking the help of designers the world",
            "Kelby is seeking the help of designers the world over to rebuild its pier.",
            "'the world' cut from its 'over'",
        ),
        (
            "For years Ada Lark felt alone, never knowing",
            "For years Ada Lark felt alone, never knowing when the debt collectors would call.",
            "a participle phrase opened after a comma and an adverb",
        ),
        (
            "Ada Lark kept wondering",
            "Ada Lark kept wondering whether the ferry would sail.",
            "an -ing verb cut before the question it asks",
        ),
        (
            "Tom Berg said if the council wants a new pier",
            "Tom Berg said if the council wants a new pier, then it must raise the harbour fee.",
            "a condition cut from the clause it is for",
        ),
        (
            "A statement on the council's website said",
            'A statement on the council\'s website said: "The pier will close in May."',
            "a verb of saying with nothing said",
        ),
        (
            "Tom Berg said on Monday",
            "Tom Berg said on Monday.",
            "a verb of saying with only a day after it",
        ),
        (
            "His shot was tipped",
            "His shot was tipped over by the Kelby goalkeeper.",
            "a verb cut from its particle",
        ),
        (
            "The club has injuries to defenders Tom Berg, Ada Lark",
            "The club has injuries to defenders Tom Berg, Ada Lark and Jo Cook.",
            "a list of names cut before its last name",
        ),
        (
            "The club has injuries to defenders Tom Berg",
            "The club has injuries to defenders Tom Berg, Ada Lark and Jo Cook.",
            "a list of names cut after its first name",
        ),
    ],
)
def test_a_cut_before_what_its_last_word_waits_for_is_no_clause(
    headline: str, sentence: str, why: str
) -> None:
    assert not is_clause(headline, sentence), why


@pytest.mark.parametrize(
    ("headline", "sentence"),
    [
        ("Tom Berg was buried in Kelby", "Tom Berg was buried in Kelby, not far from where he was born."),
        (
            "For years Ada Lark felt alone",
            "For years Ada Lark felt alone, never knowing when the debt collectors would call.",
        ),
        ("Police said the ferry sank off Kelby", "Police said the ferry sank off Kelby."),
        ("Ada Lark asked for help", "Ada Lark asked for help."),
        ("Ada Lark told the inquiry the pier was unsafe", "Ada Lark told the inquiry the pier was unsafe."),
        (
            "Police arrested Tom Berg",
            "Police arrested Tom Berg, a deckhand from Kelby, and charged him with theft.",
        ),
        ("The ferry holds an advantage", "The ferry holds an advantage over the bus."),
    ],
)
def test_the_same_sentences_cut_where_a_phrase_ends_are_clauses(headline: str, sentence: str) -> None:
    assert is_clause(headline, sentence)
