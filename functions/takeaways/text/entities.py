"""Named entities: the learned name tagger finds and types names, rules clean and settle them.

The tagger (``name_tagger``, trained in the project) says which words are names and of what kind.
The article itself then says which capitalised words are ordinary words (they also appear in lower
case: "Officials", "Complete"), which names are people (a title before them, "said", the surname
used alone later), places (after "in", "near") and organisations (an organisation word inside
them); small gazetteers settle the common cases the text leaves open.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from takeaways.summary import Entity, EntityKind
from takeaways.text.given_names import NAME_STARTS
from takeaways.text.words import MONTHS, SPEECH_VERBS, STOP_WORDS, WEEKDAYS

# Lower-case words that belong to the surname after them: "Ludwig van Beethoven", "Ana da Silva".
_SURNAME_PARTICLES = frozenset(
    {
        "de",
        "da",
        "di",
        "del",
        "della",
        "van",
        "von",
        "der",
        "den",
        "le",
        "la",
        "du",
        "dos",
        "bin",
        "ibn",
        "al",
    }
)
_WORD = r"(?:[A-Z]\.(?=\s[A-Z])|[A-ZÀ-Þ][\w'’]*(?:-[\w'’]+)*)"
# "of" joins "University of Denver" and a particle "Ana da Silva"; "of the" is left out because it joins a
# person to an employer as often as it builds a name ("Mari Lindqvist of the Coast Trust").
_JOINING_WORDS = "|".join(sorted(_SURNAME_PARTICLES | {"of"}))
# "Bashar al-Assad", "Abdel Fattah el-Sisi": a particle joined to the surname by a hyphen.
_HYPHENED_SURNAME = r"(?:al|el|ad|ash|as|bin|ibn|abu)-[A-Z][\w'’]*"
_NAME = re.compile(
    rf"(?<![\w'’.-]){_WORD}(?:[ ](?:(?:{_JOINING_WORDS})[ ])?(?:{_WORD}|{_HYPHENED_SURNAME}))*",
)
# Where the tagger stopped at a particle that the name goes on after ("Louis" of "Louis van Gaal").
_PARTICLE_GOES_ON = re.compile(
    rf"[ ](?:(?:{'|'.join(sorted(_SURNAME_PARTICLES))})[ ]{_WORD}|{_HYPHENED_SURNAME})"
)
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-zà-ÿ][\w'’]*")
PERSON_TITLES = frozenset(
    """president minister prime secretary senator sen rep representative governor gov mayor chancellor king queen
    prince princess judge justice chief ceo chairman chairwoman director spokesman spokeswoman spokesperson
    general gen colonel col captain capt sergeant officer detective coach manager professor prof dr mr mrs ms
    pope bishop archbishop leader lawmaker ambassador commissioner inspector superintendent founder deputy
    vice lt lieutenant adm admiral sgt cmdr commander rev pastor father sister brother sir lady lord dame
    attorney prosecutor sheriff recorder premier rabbi imam cardinal ch supt insp det con pc dci dc ds di constable cllr councillor
    presenter opener winger defender striker midfielder goalkeeper batsman bowler boss skipper mp mep msp mla actor actress
    singer chef author creator novelist journalist reporter correspondent editor economist analyst lawyer barrister solicitor
    comedian rapper musician welshman scotsman englishman irishman frenchman dutchman compatriot countryman
    teammate team-mate forward seamer spinner paceman all-rounder wicketkeeper keeper flanker hooker prop fly-half
    scrum-half full-back centre-back centre-half wing-back jockey trainer cyclist sprinter boxer golfer member""".split()
)
# Departments that sit between a title and a name: "Secretary of State John Kerry".
DEPARTMENTS = frozenset(
    """state foreign affairs defense defence interior home justice health homeland security finance energy
    education transportation transport commerce labor labour agriculture treasury trade environment culture
    economy the""".split()
)
ORGANISATION_WORDS = frozenset(
    """inc corp corporation company co ltd plc llc group bank council ministry department agency authority
    association union party university college school hospital institute institutes commission committee court
    parliament congress senate house police army navy force forces fund foundation organization organisation government
    assembly labour tories conservatives democrats republicans greens
    federation league club board office service services network airlines airways news times post press
    energy power motors systems technologies pharmaceuticals media capital partners holdings industries labs
    ferries railways lines church museum academy centre center clinic brigade guard corps trust society
    alliance coalition consultants consulting solutions associates institute laboratories co-operative bureau
    cooperative co-op gazette herald tribune chronicle
    rovers wanderers athletic albion warriors saracens wasps harlequins
    kremlin pentagon nato fbi cia un eu who opec fifa uefa nasa""".split()
)
# Lower-case nouns that say the name beside them is a body's. Before it, any of them ("the ferry operator
# Northlink Isles", "the charity Bawso"); after it, only those a place does not take ("the Truth Social
# platform", "the Northlink Isles ferry service"; but "a Carolina charity" is a charity in Carolina).
ORGANISATION_APPOSITIVES = frozenset(
    """network platform app website service operator company firm airline carrier brand broadcaster newspaper
    charity group label retailer supermarket manufacturer startup""".split()
)
ORGANISATION_HEADS = frozenset("network platform app website service brand chain".split())
# What a body's service or network carries, between its name and that noun: "the Northlink Isles ferry
# service", not "his South Carolina funeral service".
_TRADES = frozenset(
    "ferry bus rail train air shipping delivery taxi news media streaming social messaging".split()
)
# Places an owner's name is part of: "St Anne's Hospital" is one name, where "Britain's Royal Navy" is two.
_NAMED_FOR_SOMEONE = frozenset(
    "hospital infirmary college school university academy church cathedral abbey chapel museum park hall".split()
)
# The last words of a company's name that news copy drops after the first mention ("Brightwater Energy"
# becomes "Brightwater"; "Valley District Council" does not become "Valley").
COMPANY_WORDS = frozenset(
    """inc corp corporation company co ltd plc llc group energy power motors systems technologies
    pharmaceuticals media capital partners holdings industries labs airlines airways ferries railways""".split()
)
PLACES = frozenset(
    """afghanistan albania algeria argentina armenia australia austria azerbaijan bangladesh belarus belgium
    bolivia bosnia brazil britain bulgaria cambodia cameroon canada chile china colombia congo croatia cuba
    cyprus czech denmark ecuador egypt england estonia ethiopia europe finland france gaza georgia germany
    ghana greece guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel italy
    jamaica japan jordan kazakhstan kenya korea kosovo kuwait laos latvia lebanon libya lithuania luxembourg
    malaysia mali mexico moldova mongolia morocco mozambique myanmar nepal netherlands nigeria norway pakistan
    palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda scotland senegal
    serbia singapore slovakia slovenia somalia spain sudan sweden switzerland syria taiwan tanzania thailand
    tunisia turkey uganda ukraine uruguay venezuela vietnam wales yemen zambia zimbabwe africa asia america
    london paris berlin moscow kyiv kiev washington beijing tokyo delhi madrid rome brussels vienna warsaw
    cairo baghdad kabul tehran istanbul ankara athens lisbon dublin sydney toronto chicago boston houston
    atlanta miami dallas seattle denver phoenix york california texas florida ohio michigan virginia
    arizona jerusalem geneva zurich amsterdam stockholm oslo helsinki copenhagen prague budapest
    dubai riyadh mumbai shanghai seoul manila jakarta bangkok nairobi lagos johannesburg
    kursk crimea donbas zaporizhzhia
    chad niger benin botswana burundi eritrea gabon gambia guinea liberia madagascar malawi mauritania
    namibia togo angola lesotho djibouti eswatini bahrain oman brunei bhutan fiji nicaragua belize montenegro
    macedonia malta monaco uzbekistan turkmenistan kyrgyzstan tajikistan maldives mauritius
    alabama alaska arkansas colorado connecticut delaware hawaii idaho illinois indiana iowa kansas kentucky
    louisiana maryland massachusetts minnesota mississippi missouri nebraska nevada oklahoma oregon
    pennsylvania tennessee utah vermont wisconsin wyoming ontario quebec alberta""".split()
)
PLACE_WORDS = frozenset(
    "bridge street road lane avenue river lake mountain mountains island islands isles park square beach bay harbour "
    "harbor city county state states province region district valley coast airport station kingdom republic "
    "leone carolina dakota kong zealand lanka rica".split()
)
_PLACE_CUES = frozenset({"in", "near", "across", "outside", "inside", "towards", "toward"})
_SPEECH = "|".join(sorted(SPEECH_VERBS))
_SPEECH_BEFORE = re.compile(rf"[,\"”]\s*(?:{_SPEECH})\s+$")
_SPEECH_AFTER = re.compile(rf",?\s+(?:{_SPEECH})\b")
_THE_BEFORE = re.compile(r"\b[Tt]he $")
# What may stand before a name that describes a role ("the Streatham MP", "Former Blackpool forward").
_ROLE_MODIFIER_BEFORE = re.compile(r"(?:\b(?:[Tt]he|[Ff]ormer|[Aa]n?|[Ee]x-?)\s*|^|\n)$")
_QUOTED_BEFORE = re.compile(r"[,.?!][\"”]\s+$")
# Where words are posted: "a post on Truth Social", "wrote on her Threadline account".
_POSTED_BEFORE = re.compile(
    r"\b(?:posts?|posted|posting|wrote|writing|written|shared|sharing|video|message)\s+on\s+$"
)
_ACCOUNT_BEFORE = re.compile(r"\bon\s+(?:his|her|its|their|the)\s+$")
_ACCOUNT_AFTER = re.compile(r"\s+(?:account|page|feed|channel)\b")
_PERSON_AFTER = re.compile(rf"^,?\s*(?:{'|'.join(sorted(SPEECH_VERBS | {'who', 'whose'}))})\b")
# "Samoa-born Tuilagi", "London-based Acme": where someone or something comes from describes the name.
_CAPITALISED_COMPOUND = re.compile(r"[A-Z][a-z]+-[a-z]+")
_ORIGIN = re.compile(r"-(?:born|based|bred|raised|headquartered)$", re.IGNORECASE)
# What follows one word that only a person's name takes: bodies "say" and "said" as often as people do, but
# are rarely "told" anyone or "added" to a quotation, and a body is "which", not "who".
# ", who", "told", "added", or a person's noun ("Manu is a sensible lad", "Ruiz is a great player").
_ONE_WORD_PERSON_AFTER = re.compile(
    r",\s+(?:who|whose)\s|\s+(?:told|added)\b"
    r"|\s+(?:is|was)\s+(?:a|an)\s+(?:[a-z]+\s+){0,2}?(?:lad|man|woman|guy|boy|girl|player|person|bloke|kid"
    r"|gentleman|lady|professional|character|footballer|actor|actress|singer|father|mother)\b"
)
_SKIP = (
    frozenset(
        """the a an but and or if when while after before this that these those it he she they we i his her their
    its our there here however meanwhile may mr mrs ms dr yes no jan feb mar apr jun jul aug sep sept oct nov dec
    today yesterday tomorrow one two three four five six seven eight nine ten eleven twelve twenty hundred
    hundreds thousands in on at for of with by from as said says according former late gmt bst utc""".split()
    )
    | WEEKDAYS
    | MONTHS
    | {f"{day}s" for day in WEEKDAYS}
)
_DIRECTIONS = frozenset({"western", "eastern", "northern", "southern", "central"})
_TRAILING_NOT_NAME = PERSON_TITLES | _SKIP
_TITLE_GAP = DEPARTMENTS | {"of"}
_NEVER_ALONE = _SKIP | PERSON_TITLES | _DIRECTIONS
_CREDITS = frozenset({"CNN", "AP", "AFP", "REUTERS", "UPI", "BBC"})
DEMONYM = re.compile(
    r"[A-Z][a-z]+(?:ian|ican|ese|ish|ean)s?|(?:Iraqi|Israeli|Pakistani|Somali|Yemeni|Saudi|Kuwaiti|Omani|Qatari|"
    r"Emirati|Bangladeshi|Afghani|Thai|Swiss|French|Dutch|Greek|Czech|Chinese|Danish|Polish|Turkish|Brit|Briton"
    r"|Scot|Kiwi|Aussie|Argentine)s?"
)
_POSSESSIVE = re.compile(r"['’]s?$")
_POSSESSIVE_GAP = re.compile(r"['’]s? ")
# Other forms news writes for a few countries and bodies, each counted under one name so that a filter on it
# holds whichever form an article uses ("U.S.", "US", "United States"). The grounding check reads them too.
ALTERNATIVE_NAMES: dict[str, tuple[str, EntityKind]] = {
    "U.S.": ("United States", "place"),
    "U.S": ("United States", "place"),
    "US": ("United States", "place"),
    "U.S.A.": ("United States", "place"),
    "USA": ("United States", "place"),
    "U.N.": ("United Nations", "organisation"),
    "U.N": ("United Nations", "organisation"),
    "UN": ("United Nations", "organisation"),
    "U.K.": ("United Kingdom", "place"),
    "U.K": ("United Kingdom", "place"),
    "UK": ("United Kingdom", "place"),
    "Britain": ("United Kingdom", "place"),
    "E.U.": ("European Union", "organisation"),
    "EU": ("European Union", "organisation"),
}
_ABBREVIATION = re.compile(r"(?<![\w.])(?:U\.S\.A\.|U\.S\.|U\.N\.|U\.K\.|E\.U\.|USA|US|UN|UK|EU)(?![\w])")
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_QUOTES = "\"'“‘("
MAX_ENTITIES = 8
# The sentences an alert's entities are read from: the lede and what follows it name the story's actors, and
# the name tagger's cost stays bounded on a long article.
ENTITY_SENTENCES = 12


def find_entities(sentences: list[str], *, limit: int = MAX_ENTITIES) -> list[Entity]:
    """The most mentioned names, each typed; a one-word name seen only at a sentence start must recur."""
    return entity_mentions(sentences, limit=limit)[0]


@dataclass(slots=True)
class _NameTally:
    """What the pass over the sentences learns of each name, before names merge and get their kinds."""

    counts: Counter[str] = field(default_factory=Counter)
    first_seen: dict[str, int] = field(default_factory=dict)
    cues: dict[str, Counter[EntityKind]] = field(default_factory=dict)
    votes: dict[str, Counter[EntityKind]] = field(default_factory=dict)
    # Where each name is written: start and end offsets into the joined text, and the name it counts as.
    spans: list[tuple[int, int, str]] = field(default_factory=list)


def entity_mentions(
    sentences: list[str], *, limit: int = MAX_ENTITIES
) -> tuple[list[Entity], list[tuple[int, int, Entity]]]:
    """``find_entities`` and where each of them is named: offsets into ``"\\n".join(sentences)``.

    The name tagger says which words are names and of what kind; the rules then clean each name
    (titles, possessives, ordinary words), credit a surname used alone to the full name, and type a
    name by its organisation word or gazetteer place before the tagger's votes.
    """
    text = "\n".join(sentences)
    common = frozenset(_LOWER_WORD.findall(text))
    tally = _tagged_names(sentences, text, common)
    _add_recurring_rule_names(sentences, tally.spans, tally.counts, tally.first_seen, tally.votes)
    _add_abbreviations(text, tally.spans, tally.counts, tally.first_seen, tally.cues)
    merged, known_by_surname = _merge_surnames(tally.counts, tally.first_seen)
    owners = _surname_owners(tally.counts)
    for name, owner in owners.items():
        tally.votes.setdefault(owner, Counter()).update(tally.votes.pop(name, Counter()))
        tally.cues.setdefault(owner, Counter()).update(tally.cues.pop(name, Counter()))
    emphasis = _quoted_emphasis(text, tally.spans, common)
    # Ties ("Palace" and "Palace of Holyroodhouse" both first seen at one word) go to the longer
    # name, then the spelling: the set's order changes with the interpreter's hash seed.
    ranked = sorted(
        set(merged) - emphasis,
        key=lambda name: (-merged[name], tally.first_seen[name], -len(name), name),
    )
    entities = {name: Entity(name=name, kind=_typed(name, tally, known_by_surname, text)) for name in ranked}
    mentions = [
        (start, end, entities[owner])
        for start, end, name in tally.spans
        if (owner := owners.get(name, name)) in entities
    ]
    return _main_actors_first(entities, mentions, sentences)[:limit], mentions


def _tagged_names(sentences: list[str], text: str, common: frozenset[str]) -> _NameTally:
    """The tagger's names in each sentence, cleaned by the rules and counted where they are written."""
    # Imported here: the tagger's features use this module's word lists.
    from takeaways.text.name_tagger import english_name_tagger, lower_case_words

    tagger = english_name_tagger()
    tagger_context = lower_case_words(text)
    tally = _NameTally()
    offset = 0
    for sentence in sentences:
        runs = [match.span() for match in _NAME.finditer(sentence)]
        for start, end, kind in _joined_at_possessives(
            tagger.names(sentence, tagger_context), sentence, runs
        ):
            # From the start of the capitalised run, so that "Secretary of State" before "Dana Whitlock",
            # which the tagger may leave out or half in, is seen and dropped as the rules drop it.
            begin = next((a for a, b in runs if a <= start < b), start)
            run_end = next((b for a, b in runs if a <= start < b), end)
            if run_end > end and _PARTICLE_GOES_ON.match(sentence, end):
                end = run_end  # "Louis van Gaal", "Bashar al-Assad": the tagger stopped at the particle
            found = sentence[begin:end]
            words = _name_words(found.split(), common, at_start=begin == 0)
            if len(words) > 1 and all(word.lower() in PLACES for word in words):
                names = [[word] for word in words]
            else:
                names = [part for joined in _split_at_and(words) for part in _split_after_possessive(joined)]
            searched = 0
            for parts in names:
                name = " ".join(parts)
                within = max(found.find(name, searched), 0)
                searched = within + len(name)
                position = offset + begin + within
                written = len(name)
                if name in ALTERNATIVE_NAMES:
                    name, kind = ALTERNATIVE_NAMES[name]
                tally.counts[name] += 1
                tally.first_seen.setdefault(name, position)
                tally.votes.setdefault(name, Counter())[kind] += 1  # type: ignore[index]
                cue = _cue(name, text, offset + begin, offset + end) or _titled(found, parts)
                if cue:
                    tally.cues.setdefault(name, Counter())[cue] += 1
                tally.spans.append((position, position + written, name))
        offset += len(sentence) + 1
    return tally


def _typed(name: str, tally: _NameTally, known_by_surname: set[str], text: str) -> EntityKind:
    """An organisation word or a gazetteer place first, then the tagger, then the weaker rules.

    The weaker rules are a title, "said", a given name: this order typed names best on the
    tagger's tuning documents.
    """
    votes = tally.votes.get(name)
    if not votes or _named_by_word_list(name):
        return _kind(name, tally.cues.get(name), name in known_by_surname)
    typed = votes.most_common(1)[0][0]
    if (
        typed != "organisation"
        and not _opens_with_given_name(name)
        and _headed_by_organisation_word(name, text)
    ):
        # "on his Truth Social platform", "the Northlink Isles ferry service": a name that an
        # organisation's noun follows is that organisation's, though it ends in "Isles" or speaks.
        return "organisation"
    if typed == "organisation" and " " in name and _after_a_title(name, text):
        # "Turkey's EU Affairs Minister Omer Celik": a role just before the name is a person's, though the
        # tagger took the ministry's words around it for a body's.
        return "person"
    if typed != "person" and _opens_with_given_name(name):
        # "Ronnie O'Sullivan", "Colm Brady": a known given name opening a name that no organisation
        # word or gazetteer place types is a person's, whatever the tagger says.
        return "person"
    if typed in ("place", "other") and _one_word_person(name, text):
        # "Cockerill told", "Tuilagi, who joined": the words around a one-word name outvote the tagger's
        # guess at a name it may never have seen.
        return "person"
    if typed in ("place", "other") and _speaks(name, text):
        # "said Colm Brady", "Colm Brady said": neither a place nor a thing speaks, so a name of two
        # or three words that does is a person's (people's names take no "the": "the Yack Pack said").
        return "person"
    if typed == "person" and _only_as_a_modifier(name, text):
        # "The Streatham MP", "the Hollin mayor": a name between "the" and a role is the place the
        # role serves; people's names take no "the" before them.
        return "place"
    if typed in ("place", "other") and _posted_on(name, text):
        # "a post on Truth Social", "wrote on his Threadline account": where words are posted is a
        # platform, which news names as its company, not a place.
        return "organisation"
    return typed


def _main_actors_first(
    entities: dict[str, Entity], mentions: list[tuple[int, int, Entity]], sentences: list[str]
) -> list[Entity]:
    """The people and organisations the first sentence names lead, most mentioned first."""
    lead_end = len(sentences[0]) if sentences else 0
    in_lead = {entity.name for start, _, entity in mentions if start < lead_end}
    actors = [e for e in entities.values() if e.name in in_lead and e.kind in {"person", "organisation"}]
    return actors + [e for e in entities.values() if e not in actors]


def _quoted_emphasis(text: str, spans: list[tuple[int, int, str]], common: frozenset[str]) -> set[str]:
    """Capitals a speaker uses for emphasis ('"...to have a Complete Ceasefire and an END to this War."'):
    every word of the name is an ordinary word elsewhere in the text, and it is only ever named inside a
    quotation."""
    quoted: dict[str, bool] = {}
    for start, _, name in spans:
        inside = _inside_quotation(text, start)
        quoted[name] = quoted.get(name, True) and inside
    return {
        name
        for name, only_quoted in quoted.items()
        if only_quoted and all(word.lower() in common for word in name.split())
    }


def _inside_quotation(text: str, position: int) -> bool:
    """Judged within the sentence, so one stray mark elsewhere cannot turn the rest of the text into a quote:
    a mark left open before the name, or a quote carried on from the sentence before and closed after it."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    before, after = text[start:position], text[position : end if end >= 0 else len(text)]
    if before.count("“") > before.count("”") or before.count('"') % 2 == 1:
        return True
    opened_before = "“" in before or '"' in before
    return not opened_before and (after.count("”") > after.count("“") or after.count('"') % 2 == 1)


def _add_recurring_rule_names(
    sentences: list[str],
    spans: list[tuple[int, int, str]],
    counts: Counter[str],
    first_seen: dict[str, int],
    votes: dict[str, Counter[EntityKind]],
) -> None:
    """A name of two words or more that the rules see twice and the tagger never ("Rescue Week began"), a
    one-word name that a quotation is attributed to as only a person's is ('," Cockerill told BBC Radio
    Leicester'; a body "said" as often), and a name a person's role stands before."""
    _, mentions = rule_mentions(sentences, limit=len(sentences) * 20)
    taken = [(start, end) for start, end, _ in spans]
    seen = Counter(entity.name for _, _, entity in mentions)
    text = "\n".join(sentences)
    speakers = {
        entity.name
        for start, end, entity in mentions
        if " " not in entity.name
        and _QUOTED_BEFORE.search(text, max(start - 4, 0), start)
        and _ONE_WORD_PERSON_AFTER.match(text, end)
    }
    # "Former Blackpool forward Taylor-Fletcher": a name a person's role stands just before, which the
    # tagger, having seen few such roles, may miss.
    speakers |= {
        entity.name
        for start, _, entity in mentions
        if entity.kind == "person" and _word_before(text, start) in PERSON_TITLES
    }
    for start, end, entity in mentions:
        name = entity.name
        if name in counts or ((" " not in name or seen[name] < 2) and name not in speakers):
            continue
        if any(start < other_end and other_start < end for other_start, other_end in taken):
            continue
        spans.append((start, end, name))
        votes.setdefault(name, Counter())["person" if name in speakers else entity.kind] += 1
        first_seen[name] = min(first_seen.get(name, start), start)
    for name in {name for *_, name in spans} - set(counts):
        counts[name] = sum(1 for *_, other in spans if other == name)


def _after_a_title(name: str, text: str) -> bool:
    """Whether a mention of the name follows a capitalised person's role ("Minister Omer Celik")."""
    for start, _ in _mentions_of(name, text):
        before = text[max(start - 30, 0) : start].split()[-1:]
        if before and before[0][:1].isupper() and _word_before(text, start) in PERSON_TITLES:
            return True
    return False


def _word_before(text: str, start: int) -> str:
    """The word just before a mention, lower-cased and without its punctuation."""
    before = text[max(start - 30, 0) : start].split()
    return before[-1].lower().strip(",;:\"'“”(") if before else ""


def _add_abbreviations(
    text: str,
    spans: list[tuple[int, int, str]],
    counts: Counter[str],
    first_seen: dict[str, int],
    cues: dict[str, Counter[EntityKind]],
) -> None:
    """ "U.S." and "U.N." where no name already covers them: the rules drop a lone initialism, and the
    tagger does not always see one ("U.S. Secretary of State Dana Whitlock")."""
    taken = [(start, end) for start, end, _ in spans]
    for match in _ABBREVIATION.finditer(text):
        start, end = match.span()
        if any(start < other_end and other_start < end for other_start, other_end in taken):
            continue
        name, kind = ALTERNATIVE_NAMES[match.group()]
        counts[name] += 1
        first_seen[name] = min(first_seen.get(name, start), start)
        cues.setdefault(name, Counter())[kind] += 1
        spans.append((start, end, name))


def surname_of(name: str) -> str | None:
    """The last word of a person's name of two or more words, if it is a surname: what news copy calls
    them by after the first mention, and what a filter on one person may name."""
    words = name.split()
    if len(words) < 2 or words[-1].lower().rstrip(".") in _NAME_SUFFIXES:
        return None  # "Robert Downey Jr." is not "Downey"
    if not any(letter.islower() for letter in words[-1]):
        return None  # "Nazi SS" is not somebody
    start = len(words) - 1
    while start > 0 and words[start - 1] in _SURNAME_PARTICLES:
        start -= 1  # "AB de Villiers" is "de Villiers", not "Villiers"
    if start == len(words) - 1:
        return _without_hyphened_particle(words[-1])
    return " ".join(words[start:])


def _without_hyphened_particle(word: str) -> str:
    """ "al-Assad" is "Assad" after the first mention, as news copy calls him; other words as they are."""
    return word.split("-", 1)[1] if re.fullmatch(_HYPHENED_SURNAME, word) else word


def rule_mentions(
    sentences: list[str], *, limit: int = MAX_ENTITIES
) -> tuple[list[Entity], list[tuple[int, int, Entity]]]:
    """The names that capitalisation, titles, cue words and gazetteers find, and where each is named."""
    text = "\n".join(sentences)
    common = frozenset(_LOWER_WORD.findall(text))
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    cues: dict[str, Counter[EntityKind]] = {}
    spans: list[tuple[int, int, str]] = []
    for match in _NAME.finditer(text):
        found = match.group()
        if " " not in found and (found.lower() in common or found.lower() in _SKIP):
            continue  # the common case, "The" or "Officials", settled before any other work
        start = match.start()
        at_start = (
            start == 0
            or text[start - 1] == "\n"
            or (text[start - 1] in _QUOTES and _line_start(text, start - 1))
        )
        words = _name_words(found.split(), common, at_start)
        if len(words) > 1 and all(word.lower() in PLACES for word in words):
            names = [[word] for word in words]  # two places side by side: "occupied Ukraine Russia keeps"
        else:
            names = _split_after_possessive(words) if words else []
        searched = 0
        for parts in names:
            name = " ".join(parts)
            if len(parts) == 1 and (name.lower() in common or (name.isupper() and len(name) > 5)):
                continue
            counts[name] += 0 if at_start and len(parts) == 1 else 1
            first_seen.setdefault(name, start)
            kind = _cue(name, text, match.start(), match.end()) or _titled(found, parts)
            if kind:
                cues.setdefault(name, Counter())[kind] += 1
            offset = max(found.find(name, searched), 0)
            searched = offset + len(name)
            spans.append((start + offset, start + searched, name))
    merged, known_by_surname = _merge_surnames(counts, first_seen)
    ranked = sorted(
        (name for name, n in merged.items() if n > 0), key=lambda name: (-merged[name], first_seen[name])
    )
    entities = {
        name: Entity(name=name, kind=_kind(name, cues.get(name), name in known_by_surname)) for name in ranked
    }
    owners = _surname_owners(counts)
    mentions = [
        (start, end, entities[owner])
        for start, end, name in spans
        if (owner := owners.get(name, name)) in entities
    ]
    return list(entities.values())[:limit], mentions


def _joined_at_possessives(
    names: list[tuple[int, int, str]], sentence: str, runs: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """The tagger's names on either side of a possessive as one, typed by the second (the head), and a
    name owned by a plural that is no name ("Fishermen's") run on to the end of its capitalised run:
    ``_split_after_possessive`` then decides whether they are one name or two, as it does for the rules."""
    joined: list[tuple[int, int, str]] = []
    for start, end, kind in names:
        if joined and _POSSESSIVE_GAP.fullmatch(sentence[joined[-1][1] : start]):
            joined[-1] = (joined[-1][0], end, kind)
        else:
            joined.append((start, end, kind))
    for position, (start, end, kind) in enumerate(joined):
        run_end = next((b for a, b in runs if a <= start < b), end)
        gap = _POSSESSIVE_GAP.match(sentence, end)
        if gap and gap.end() < run_end and _common_plural(sentence[start:end].rsplit(" ", 1)[-1]):
            joined[position] = (start, run_end, kind)
    return joined


def _split_at_and(words: list[str]) -> list[list[str]]:
    """'EU and Norway' are two names where a side of the 'and' is a country or a known short name.

    'Marks and Spencer' and 'Procter and Gamble' stay one: the tagger's span is trusted unless a side
    is a name the word lists know on its own.
    """
    if "and" not in words[1:-1]:
        return [words] if words else []
    at = words.index("and", 1)
    before, after = words[:at], words[at + 1 :]
    if any(word.islower() for word in before):
        return [words]  # "Islamic State of Iraq and Syria": the 'and' is inside one institution's name
    if any(
        len(side) == 1 and (side[0].lower() in PLACES or side[0] in ALTERNATIVE_NAMES)
        for side in (before, after)
    ):
        return [before, *_split_at_and(after)]
    return [words]


def _split_after_possessive(words: list[str]) -> list[list[str]]:
    """'North Korea's Ocean Maritime' and "Isaac Newton's Principia" are two names each; "Traders' Association"
    and "Fishermen's Co-operative" are one: a plural that is no name owns nothing but its institution's name."""
    for position, word in enumerate(words[:-1]):
        owner = _POSSESSIVE.sub("", word)
        rest = words[position + 1 :]
        if rest[0].lower() in _NAMED_FOR_SOMEONE and all(word.lower() in PLACES for word in rest[1:]):
            continue  # "St Anne's Hospital", "King's College London"; not "Cardiff's University Hospital of Wales"
        if word.endswith(("'s", "’s")) and not _common_plural(owner):
            return [[*words[:position], owner], words[position + 1 :]]
    return [words]


def _common_plural(word: str) -> bool:
    """'Women', 'Children', 'People', 'Fishermen': the plurals that take "'s" in institutions' names."""
    lowered = word.lower()
    if lowered in {"people", "children", "women", "men"}:
        return True
    return (
        len(lowered) > 5 and lowered.endswith("men") and lowered not in PLACES and lowered not in NAME_STARTS
    )


def _ordinary(word: str, common: frozenset[str]) -> bool:
    """A capitalised word that only opens a sentence: 'Both', 'Likely', 'Officials', 'Removing' (of
    "Removing Strachan would cost millions"; a given name such as "Irving" stays)."""
    lowered = word.lower()
    return (
        lowered in common
        or lowered in STOP_WORDS
        or lowered.endswith("ly")
        or (len(lowered) > 5 and lowered.endswith("ing") and lowered not in NAME_STARTS)
    )


def _line_start(text: str, position: int) -> bool:
    return position == 0 or text[position - 1] == "\n"


def _name_words(words: list[str], common: frozenset[str], at_start: bool) -> list[str]:
    """Drop titles, departments and ordinary words: 'U.S. Secretary of State John Kerry' -> 'John Kerry'."""
    for position in range(len(words) - 2, -1, -1):
        if words[position].lower().rstrip(".") in PERSON_TITLES:
            words = words[position + 1 :]
            while len(words) > 1 and words[0].lower() in _TITLE_GAP:
                words = words[1:]
            break
    # Only the word that opens the sentence can be an ordinary word in capitals: in "The Harbour
    # Bridge will close", "Harbour" is capitalised because it is part of a name.
    if at_start and len(words) > 1 and words[0].lower() not in _SKIP and _ordinary(words[0], common):
        words = words[1:]
    # "Oil-rich Venezuela", "Cash-strapped Northport": an adjective opening the sentence.
    if at_start and len(words) > 1 and _CAPITALISED_COMPOUND.fullmatch(words[0]):
        words = words[1:]
    origin = [at for at, word in enumerate(words[:-1]) if _ORIGIN.search(word)]
    if origin:
        words = words[origin[-1] + 1 :]  # "Port Ellis-born Okonjo": Okonjo
    while words and words[0].lower().rstrip(".") in _SKIP:
        words = words[1:]
    while words and words[-1].lower().rstrip(".") in _TRAILING_NOT_NAME:
        words = words[:-1]
    if not words:
        return []
    words[-1] = _POSSESSIVE.sub("", words[-1])
    if len(words) == 1:
        only = words[0]
        lowered = only.lower().rstrip(".")
        if (
            len(only) < 2
            or lowered in _NEVER_ALONE
            or only.upper() in _CREDITS
            or "." in only
            or (DEMONYM.fullmatch(only) and lowered not in PLACES)
        ):
            return []
    return words


def _cue(name: str, text: str, start: int, end: int) -> EntityKind | None:
    """What the words around one mention say the name is."""
    previous = _word_before(text, start)
    if previous in PERSON_TITLES:
        return "person"
    if previous in _PLACE_CUES:
        return "place"
    if " " in name and _PERSON_AFTER.match(text[end : end + 12]):
        return "person"  # "Henrik Vos said"
    if previous in SPEECH_VERBS and name.count(" ") in (1, 2) and not name.split()[0].endswith("ing"):
        return "person"  # "said Henrik Vos", but not "said Rolling Stone"
    return None


def _titled(found: str, parts: list[str]) -> EntityKind | None:
    """A title opening the capitalised run ("Captain Noor Haddad", "Secretary of State Dana Whitlock")."""
    words = found.split()
    if not parts or parts[0] not in words:
        return None
    before = [word.lower().rstrip(".") for word in words[: words.index(parts[0])]]
    only_title = all(word in PERSON_TITLES or word in _TITLE_GAP for word in before)
    # "Governor of Maryland" names a place: a person's name follows the title itself.
    next_to_name = bool(before) and before[-1] != "of"
    return "person" if only_title and next_to_name and any(word in PERSON_TITLES for word in before) else None


def _named_by_word_list(name: str) -> bool:
    """An organisation word at either end ("Ministry of Health"), or a gazetteer place ending the name ("North Korea")."""
    parts = name.lower().replace(".", "").split()
    return _organisation_named(parts) or name.lower() in PLACES or parts[-1] in PLACES


def _organisation_named(parts: list[str]) -> bool:
    """An organisation word at either end ("Ministry of Health", "Brightwater Energy"), or just before
    "of" ("Central Bank of Norland")."""
    if parts[-1] in ORGANISATION_WORDS or parts[0] in ORGANISATION_WORDS:
        return True
    return "of" in parts and parts[parts.index("of") - 1] in ORGANISATION_WORDS


def _mentions_of(name: str, text: str) -> Iterator[tuple[int, int]]:
    """Where the name stands whole in the text: plain string search, as names are many and patterns cached few."""
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        if (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            yield start, end
        start = text.find(name, end)


def _headed_by_organisation_word(name: str, text: str) -> bool:
    """Whether a mention of the name has a lower-case organisation noun just before it ("the ferry operator
    Northlink Isles") or after it, up to one word between ("the Northlink Isles ferry service", "his Truth
    Social platform"); an owner ("Madonna's charity") is not the body it owns."""
    for start, end in _mentions_of(name, text):
        before = text[max(start - 20, 0) : start].split()[-1:]
        if before and before[0] in ORGANISATION_APPOSITIVES:
            return True
        following = [word.strip(",.;:") for word in text[end : end + 40].split()[:2]]
        if not following or not text[end : end + 1].isspace():
            continue
        if following[0] in ORGANISATION_HEADS:
            return True
        if len(following) == 2 and following[1] in ORGANISATION_HEADS and following[0] in _TRADES:
            return True
    return False


def _posted_on(name: str, text: str) -> bool:
    return any(
        _POSTED_BEFORE.search(text, max(start - 40, 0), start)
        or (_ACCOUNT_BEFORE.search(text, max(start - 30, 0), start) and _ACCOUNT_AFTER.match(text, end))
        for start, end in _mentions_of(name, text)
    )


def _speaks(name: str, text: str) -> bool:
    if name.count(" ") not in (1, 2):
        return False
    mentions = list(_mentions_of(name, text))
    if any(_THE_BEFORE.search(text, max(start - 5, 0), start) for start, _ in mentions):
        return False
    # The verb before the name only after a quotation or a comma ('," said Colm Brady'), not "it says Yack Pack".
    return any(
        _SPEECH_BEFORE.search(text, max(start - 40, 0), start) or _SPEECH_AFTER.match(text, end)
        for start, end in mentions
    )


def _one_word_person(name: str, text: str) -> bool:
    return " " not in name and any(
        _ONE_WORD_PERSON_AFTER.match(text, end) or text.endswith("-born ", 0, start)
        for start, end in _mentions_of(name, text)
    )


def _only_as_a_modifier(name: str, text: str) -> bool:
    """Whether every mention of the name stands between "the" (or "a", "Former", a sentence's start) and a
    person's role ("the Streatham MP", "Former Blackpool forward")."""
    mentions = list(_mentions_of(name, text))
    return bool(mentions) and all(
        _ROLE_MODIFIER_BEFORE.search(text, max(start - 8, 0), start)
        and (following := text[end : end + 30].split()[:1])
        and following[0].lower().strip(",.;:'’s") in PERSON_TITLES
        for start, end in mentions
    )


def _opens_with_given_name(name: str) -> bool:
    parts = name.lower().split()
    return len(parts) in (2, 3) and parts[0] in NAME_STARTS


def _kind(name: str, cues: Counter[EntityKind] | None, known_by_surname: bool) -> EntityKind:
    parts = name.lower().replace(".", "").split()
    if _organisation_named(parts):
        return "organisation"
    if name.lower() in PLACES or parts[-1] in PLACES or parts[-1] in PLACE_WORDS:
        return "place"
    if cues:
        return cues.most_common(1)[0][0]
    if known_by_surname and len(parts) in (2, 3, 4):
        return "person"
    if len(parts) in (2, 3) and parts[0] in NAME_STARTS and all(part.isalpha() for part in parts):
        return "person"
    return "other"


def _surname_owners(counts: Counter[str]) -> dict[str, str]:
    """Each one-word name that is the last word of exactly one longer name, and that name; or, failing
    that, the first word of exactly one company's two-word name ("Brightwater" after "Brightwater Energy")."""
    by_last: dict[str, list[str]] = {}
    by_company: dict[str, list[str]] = {}
    for name in counts:
        if " " in name:
            by_last.setdefault(_without_hyphened_particle(name.rsplit(" ", 1)[1]), []).append(name)
            first, _, rest = name.partition(" ")
            if rest.lower().rstrip(".") in COMPANY_WORDS:
                by_company.setdefault(first, []).append(name)
    owners: dict[str, str] = {}
    for name in counts:
        if " " in name:
            continue
        if len(found := by_last.get(name, [])) == 1 or (
            not found and name.lower() not in PLACES and len(found := by_company.get(name, [])) == 1
        ):
            owners[name] = found[0]
    return owners


def _merge_surnames(counts: Counter[str], first_seen: dict[str, int]) -> tuple[Counter[str], set[str]]:
    """'Okafor' after 'Ines Okafor' is the same person: credit the full name, and note it is a person's."""
    merged = Counter(counts)
    known_by_surname: set[str] = set()
    for name, owner in _surname_owners(counts).items():
        merged[owner] += merged.pop(name)
        first_seen[owner] = min(first_seen[owner], first_seen[name])
        known_by_surname.add(owner)
    return merged, known_by_surname
