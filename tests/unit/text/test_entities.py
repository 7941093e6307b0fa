"""Entities without a model, on sentences of our own writing."""

from __future__ import annotations

import json

from takeaways.text.entities import find_entities, surname_of
from tests.processes import outputs_under_hash_seeds

STORY = [
    "Harbour Council chair Ines Okafor said on Tuesday that the bridge in Port Ellis would close for repairs.",
    "Okafor told reporters the Eastland Transport Authority had found cracks in two supports.",
    "Officials said drivers would be sent through Marrow Bay, adding about 20 minutes to the trip.",
    "U.S. Secretary of State Dana Whitlock, visiting Kenya, praised the council's caution.",
    "Traffic in Port Ellis was already heavy, and Okafor said the repairs would take six weeks.",
]


def entities(sentences: list[str] = STORY) -> dict[str, str]:
    return {entity.name: entity.kind for entity in find_entities(sentences)}


def test_titles_and_departments_are_not_part_of_a_name() -> None:
    found = entities()
    assert "Dana Whitlock" in found
    assert not any("Secretary" in name or "State Dana" in name for name in found)
    assert "Ines Okafor" in found and "Harbour Council chair Ines Okafor" not in found


def test_a_surname_used_alone_counts_for_the_full_name_and_marks_a_person() -> None:
    ranked = find_entities(STORY)
    assert ranked[0].name == "Ines Okafor"
    assert ranked[0].kind == "person"
    assert "Okafor" not in {entity.name for entity in ranked}


def test_kinds_come_from_organisation_words_gazetteers_and_place_prepositions() -> None:
    found = entities()
    assert found["Eastland Transport Authority"] == "organisation"
    assert found["Kenya"] == "place"
    assert found["Port Ellis"] == "place"


def test_a_government_that_speaks_is_an_organisation_not_a_person() -> None:
    found = entities(
        [
            "The Northland Government said more tenants than ever were getting help.",
            "Vera Moss disagreed.",
        ]
    )
    assert found["Northland Government"] == "organisation"
    assert found["Vera Moss"] == "person"


def test_a_role_before_a_name_and_an_adjective_opening_the_sentence_are_read_as_such() -> None:
    found = entities(
        [
            "Oil-rich Venezuela faces a severe power crisis.",
            '"It is unacceptable," said Turkey\'s EU Affairs Minister Ilker Sahin.',
            "Assembly Member Joyce Vane said the National Assembly would vote on Friday.",
        ]
    )
    assert found.get("Venezuela") == "place" and "Oil-rich Venezuela" not in found
    assert found.get("Ilker Sahin") == "person"
    assert found.get("Joyce Vane") == "person"
    assert found.get("National Assembly") == "organisation"


def test_a_time_zone_is_no_entity_and_a_recorder_is_a_judge() -> None:
    found = entities(
        [
            "The ferry left Grenhaven at 06:00 GMT and docked at 09:00 BST.",
            "Recorder Ada Lark said the fraud had been planned.",
        ]
    )
    assert "GMT" not in found and "BST" not in found
    assert found.get("Ada Lark") == "person" and "Recorder Ada Lark" not in found


def test_a_party_is_an_organisation() -> None:
    found = entities(
        [
            "Northland Labour won the seat from the Greens, and Labour said the result was historic.",
            "Northland Labour's leader Ada Lark said the Tories had lost their way.",
        ]
    )
    assert found.get("Northland Labour") == "organisation"
    assert found.get("Ada Lark") == "person"


def test_a_name_with_a_particle_is_one_person_whatever_the_tagger_stopped_at() -> None:
    found = find_entities(
        [
            "Northland backs President Karim al-Rashid in the talks.",
            "Rivals want Karim al-Rashid to go, and Mr Rashid refuses.",
            "Club coach Pieter van Hoorn said the talks were over.",
        ]
    )
    names = {entity.name for entity in found}
    assert "Karim al-Rashid" in names and not names & {"Karim", "Rashid", "Pieter"}
    assert "Pieter van Hoorn" in names
    assert surname_of("Karim al-Rashid") == "Rashid"
    assert surname_of("Pieter van Hoorn") == "van Hoorn"


def test_capitalised_ordinary_words_and_credits_are_not_entities() -> None:
    found = entities()
    for word in ("Officials", "Traffic", "Tuesday", "U.S."):
        assert word not in found


def test_adjacent_places_are_two_entities() -> None:
    found = {
        e.name
        for e in find_entities(["Talks on the parts of occupied Ukraine Russia keeps went on in Geneva."])
    }
    assert {"Ukraine", "Russia"} <= found
    assert "Ukraine Russia" not in found


def test_a_two_word_name_is_a_persons_only_when_it_starts_like_one() -> None:
    story = [
        "Crews from Deepwater Salvage and the Harbour Gazette reached the wreck near Port Ellis.",
        "Deepwater Salvage sent two tugs, and Harbour Gazette reporters filmed the tow.",
        "Captain Noor Haddad steered the first tug; Liu Wen, a diver, checked the hull.",
        "Rescue Week began as Deepwater Salvage crews returned, and Harbour Gazette readers cheered.",
        "Rescue Week events run until Sunday.",
    ]
    found = entities(story)
    # Not a person's; the name tagger calls this invented firm a place (the text does not settle it).
    assert found["Deepwater Salvage"] != "person"
    assert found["Harbour Gazette"] == "organisation"  # a newspaper's name word
    assert found["Rescue Week"] == "other"
    assert found["Liu Wen"] == "person"  # family name first
    assert found["Noor Haddad"] == "person"  # the title says so, whatever the first name


def test_a_name_after_the_opening_the_keeps_its_capitalised_words() -> None:
    found = entities(
        [
            "The Harbour Bridge will close while the harbour ferry runs extra sailings.",
            "The North Shore Traders' Association asked for help, as shops on the north shore lose trade.",
            "Engineers said the Harbour Bridge cables had corroded.",
        ]
    )
    assert found.get("Harbour Bridge") == "place"
    assert found.get("North Shore Traders' Association") == "organisation"


def test_a_place_and_what_belongs_to_it_are_two_entities() -> None:
    found = entities(
        ["Fighting reached Kenya's Marrow Bay refinery.", "North Korea's Ocean Line ships were seized."]
    )
    assert found.get("Kenya") == "place"
    assert "Marrow Bay" in found
    assert found.get("North Korea") == "place"
    assert "Ocean Line" in found
    assert not any("'s" in name for name in found)


def test_a_name_after_said_is_found_whole_and_former_is_no_part_of_a_name() -> None:
    found = entities(
        [
            '"The repairs cannot wait," said Tjalle Veldkamp.',
            "Former Eastland governor Tove Brandt agreed.",
            "Brandt met traders on the quay.",
        ]
    )
    # Its type is the name tagger's: "said" before a name typed people worse than the tagger on its tuning documents.
    assert "Tjalle Veldkamp" in found
    assert not any(name.startswith("Former") for name in found)


def test_initialisms_of_countries_and_bodies_are_one_entity_whatever_the_form() -> None:
    found = entities(
        [
            "U.S. envoy Dana Whitlock said the U.N. would send observers to Port Ellis.",
            "The US and the UK backed the plan, and the United States will pay for the first month.",
        ]
    )
    assert found["United States"] == "place"
    assert found["United Nations"] == "organisation"
    assert found["United Kingdom"] == "place"
    assert not {"U.S.", "US", "U.N.", "UK"} & set(found)


def test_a_police_rank_is_a_title_so_both_mentions_are_one_person() -> None:
    ranked = find_entities(
        [
            "Ch Supt Mark Harrison said officers had closed the harbour road.",
            "Ch Supt Harrison added that the road would reopen on Friday.",
        ]
    )
    people = [entity.name for entity in ranked if entity.kind == "person"]
    assert people == ["Mark Harrison"]


def test_the_people_and_bodies_the_first_sentence_names_come_first() -> None:
    ranked = find_entities(
        [
            "Harbour master Ines Okafor closed Port Ellis to shipping after the storm.",
            "Port Ellis lost power, and Port Ellis traders counted the damage.",
            "Crews in Port Ellis cleared the quays while Marrow Bay waited for news.",
        ]
    )
    names = [entity.name for entity in ranked]
    assert names.index("Ines Okafor") < names.index("Port Ellis")  # Port Ellis is named more often


def test_a_sports_or_broadcasting_role_before_a_name_is_a_title() -> None:
    found = entities(
        ["Winger Noor Haddad scored twice, and presenter Liu Wen said the crowd was the loudest yet."]
    )
    assert "Noor Haddad" in found and "Winger Noor Haddad" not in found


def test_a_one_word_name_after_a_playing_role_is_a_persons() -> None:
    # BBC sport copy names a player by surname alone after the role: "Former Exeter forward Pengelly".
    found = entities(
        [
            "Former Blackpool forward Penhallow-Jones scored four goals in 19 games on loan last season.",
            "Seamer Quarrie took 87 wickets for the county before he retired.",
        ]
    )
    assert found.get("Penhallow-Jones") == "person" and found.get("Quarrie") == "person"
    # The club before the role is no person, after "Former" as after "the" ("the Harnby MP").
    assert found.get("Blackpool") == "place"


def test_a_parliamentary_or_team_title_is_no_part_of_the_name() -> None:
    found = entities(
        [
            "Grenhaven North Labour MP Ines Okafor praised her predecessor.",
            "Skipper Tomas Berg scored from the spot.",
            "Berg finished behind fellow Welshman Rhodri Gwyn in the time trial.",
        ]
    )
    assert found.get("Ines Okafor") == "person"
    assert found.get("Tomas Berg") == "person"
    assert found.get("Rhodri Gwyn") == "person"


def test_an_institution_named_after_a_plural_is_one_entity() -> None:
    """ "Fishermen's Co-operative" and "Traders' Association" own nothing: no "Tarn Fishermen" is found."""
    found = entities(
        [
            "The Tarn Fishermen's Co-operative asked for compensation before the cable is laid.",
            "The Quayside Traders' Association backed the co-operative on Monday.",
        ]
    )
    assert "Tarn Fishermen's Co-operative" in found
    assert "Quayside Traders' Association" in found
    assert not {"Tarn Fishermen", "Quayside Traders", "Co-operative", "Association"} & set(found)


def test_a_company_called_by_its_first_word_later_is_one_organisation() -> None:
    found = entities(
        [
            "Its developer, Saltmarsh Energy, says the farm will create 300 jobs.",
            "Saltmarsh said it would publish the plans by June.",
        ]
    )
    assert found.get("Saltmarsh Energy") == "organisation"
    assert "Saltmarsh" not in found


def test_a_name_opening_with_a_given_name_is_a_persons_unless_a_word_list_types_it() -> None:
    found = entities(
        [
            '"Nobody has told us how we will be paid," said Martha Quillan, who runs a crab boat.',
            "Quillan has fished the bay for 30 years.",
            "The Martha Quillan Trust gave the harbour a new crane.",
        ]
    )
    assert found.get("Martha Quillan") == "person"
    assert found.get("Martha Quillan Trust") == "organisation"


def test_a_name_that_speaks_is_a_persons_whatever_its_given_name() -> None:
    for speaker in ("Tadhg Moran", "Oisin Carew"):
        found = entities(
            [
                "Crab boats stayed in the harbour at Grenmouth on Monday.",
                f'"Nobody has told us a thing," said {speaker}, who runs the harbour co-operative.',
                "The council will meet again in March.",
            ]
        )
        assert found.get(speaker) == "person", found
    # A thing that "says" something is still no person, and "the" before a name makes it none.
    found = entities(["It's a Rook Box.", "And right here it says Rook Box, nine ninety-nine."])
    assert found.get("Rook Box") != "person"


def test_where_words_are_posted_is_a_platform_not_a_place() -> None:
    found = entities(
        [
            "The mayor said in a post on Harbour Social that the bridge would reopen in May.",
            "Crews will work through the night on Long Island.",
        ]
    )
    assert found.get("Harbour Social") == "organisation"
    assert found.get("Long Island") == "place"


def test_capitals_for_emphasis_inside_a_quotation_are_no_names() -> None:
    found = entities(
        [
            "The mayor wants a complete ceasefire between the two ferry crews before the strike spreads.",
            'She wrote: "We are working to have a Complete Ceasefire and an END to this terrible',
            'Strike." The Isles Ferry Company did not reply.',
            "The strike is in its third week.",
        ]
    )
    assert "Complete Ceasefire" not in found and "Strike" not in found
    assert found.get("Isles Ferry Company") == "organisation"


def test_an_organisation_word_before_of_and_a_lane_type_their_names() -> None:
    found = entities(
        [
            "The Central Bank of Marrowland raised its main rate to 4% on Thursday.",
            "The roadworks on Hollin Lane will shut the lane for a month, the council said.",
        ]
    )
    assert found.get("Central Bank of Marrowland") == "organisation"
    assert found.get("Hollin Lane") == "place"


def test_names_that_tie_are_ranked_alike_in_every_process() -> None:
    """Two names first seen at one word with one count each: string hashing differs between processes."""
    sentences = [
        "The minister, who had been staying at the Palace of Harwick, called at the Old Mill in Brenton.",
        "She had earlier been at Brenton Harbour's 100th birthday party.",
    ]
    script = (
        "import sys, json; from takeaways.text.entities import find_entities; "
        "print([e.name for e in find_entities(json.loads(sys.argv[1]))])"
    )
    runs = outputs_under_hash_seeds(script, [json.dumps(sentences)], ("1", "3", "6"))
    assert runs == {str([entity.name for entity in find_entities(sentences)])}


def test_two_names_joined_by_and_are_two_where_one_side_is_a_country_or_a_known_short_name() -> None:
    found = entities(["Quota talks between the EU and Norway stalled on Friday, officials in Oslo said."])
    assert {"European Union", "Norway"} <= set(found)
    assert not any(" and " in name for name in found)


def test_a_name_with_and_inside_stays_whole_when_no_side_stands_alone() -> None:
    from takeaways.text.entities import _split_at_and

    assert _split_at_and(["Harwick", "and", "Dunmore", "Mills"]) == [["Harwick", "and", "Dunmore", "Mills"]]
    assert _split_at_and(["League", "of", "Iraq", "and", "Syria"]) == [
        ["League", "of", "Iraq", "and", "Syria"]
    ]
    assert _split_at_and(["Canada", "and", "Harwick", "Mills"]) == [["Canada"], ["Harwick", "Mills"]]


def test_a_hospital_or_college_named_for_someone_is_one_name() -> None:
    found = entities(
        [
            "Expectant mothers will be sent to St Anne's Hospital in Carrow, the health board said.",
            "Staff at St Anne's Hospital said they were ready, as did students at King's College London.",
        ]
    )
    assert "St Anne's Hospital" in found and "King's College London" in found
    assert not {"St Anne", "Hospital", "King"} & set(found)
    assert "Royal Navy" in entities(["Britain's Royal Navy sent a frigate to the strait on Monday."])


def test_a_name_only_ever_between_the_and_a_role_is_the_place_the_role_serves() -> None:
    sentences = [
        "The Harnby MP said the council should not close the library.",
        "Councillors will vote on the plan in June, said Dana Whitlock, who leads the campaign.",
    ]
    kinds = entities(sentences)
    assert kinds["Harnby"] == "place" and kinds["Dana Whitlock"] == "person"
    # Named on its own as well, the name is left to the tagger and the other rules.
    named_alone = [*sentences, "Harnby said the library would stay open."]
    assert {e.name: e.kind for e in find_entities(named_alone)}.get("Harnby") != "place"


def test_a_name_an_organisation_noun_follows_or_precedes_is_an_organisation() -> None:
    # A name ending in a place word, or one that speaks, is still a body's when news calls it one.
    ferry = entities(
        [
            "Crossings on the Skerry Sound ferry service were cancelled as gales reached the islands.",
            "Skerry Sound said sailings would resume on Tuesday.",
        ]
    )
    assert ferry["Skerry Sound"] == "organisation"
    platform = entities(
        [
            "Governor Ana Pell announced the ban on her Bluebell Talk platform late on Sunday.",
            "Bluebell Talk has 4 million users, most of them in Norland.",
        ]
    )
    assert platform["Bluebell Talk"] == "organisation"
    operator = entities(
        [
            "The rail operator Kestrel Lines cut 40 trains a day.",
            "Kestrel Lines blamed a shortage of drivers.",
        ]
    )
    assert operator["Kestrel Lines"] == "organisation"


def test_a_place_or_an_owner_beside_an_organisation_noun_keeps_its_kind() -> None:
    kinds = entities(
        [
            "Mourners gathered at his Harwick Valley funeral service on Friday.",
            "Harwick Valley has 12,000 residents.",
            "Singer Mara Holt said Mara Holt's charity would open a school in Harwick Valley.",
        ]
    )
    assert kinds["Harwick Valley"] == "place"
    assert kinds["Mara Holt"] == "person"


def test_a_verb_s_ing_form_opening_the_sentence_is_not_part_of_the_name_after_it() -> None:
    sentences = [
        "Removing Berg and his coaches would have cost the club millions.",
        "The board said Berg would stay until March.",
        "Berg has been manager since 2019.",
    ]
    names = [entity.name for entity in find_entities(sentences)]
    assert "Berg" in names
    assert not any(name.startswith("Removing") for name in names)


def test_a_country_that_is_also_a_given_name_is_a_place() -> None:
    sentences = [
        "Troops from Chad and Niger crossed the border into Nigeria on Sunday.",
        "Chad has sent 2,000 soldiers, a military official said.",
        "He spoke on condition of anonymity.",
    ]
    kinds = entities(sentences)
    assert kinds.get("Chad") == "place"
    assert kinds.get("Niger") == "place"


def test_a_one_word_name_is_a_person_where_only_a_person_could_be_it() -> None:
    sentences = [
        "The harbour crew's captain, 24, is attracting interest from several clubs.",
        '"We are having positive talks with him," Lindqvist told Harbour Radio.',
        "Port Ellis-born Okonjo, who joined the crew as a youngster, has been offered a new deal.",
        "Reports had suggested Okonjo would leave for Marrow Bay.",
    ]
    found = {entity.name: entity.kind for entity in find_entities(sentences, limit=20)}
    # the origin is no part of the name, and a quotation's one-word speaker is a person
    assert found.get("Okonjo") == "person" and not any("born" in name for name in found)
    assert found.get("Lindqvist") == "person"


def test_a_one_word_name_said_to_be_a_lad_or_a_player_is_a_person() -> None:
    sentences = [
        '"We are having very positive discussions with Tavita about staying here," the coach said.',
        '"Tavita is a sensible lad and we are confident he will stay at Kelby."',
        '"Tavita is world class," he added.',
    ]
    found = {entity.name: entity.kind for entity in find_entities(sentences, limit=20)}
    assert found.get("Tavita") == "person"
