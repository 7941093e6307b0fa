"""Named entities without a model: capitalised name sequences, typed by cue words and small gazetteers."""

from __future__ import annotations

import re
from collections import Counter

from takeaways.summary import Entity, EntityKind

_NAME = re.compile(
    r"(?<![\w'’.])((?:(?:[A-Z]\.){2,}|[A-Z][a-zà-ÿ'’]+|[A-Z]{2,}|[A-Z]\.(?= [A-Z]))"
    r"(?:[ -](?:of |de |van |von |al-|bin |the )?(?:[A-Z][a-zà-ÿ'’]+|[A-Z]{2,}|[A-Z]\.(?= [A-Z])))*)"
)
_PERSON_TITLES = frozenset(
    """president minister prime secretary senator sen rep representative governor gov mayor chancellor king queen
    prince princess judge justice chief ceo chairman chairwoman director spokesman spokeswoman spokesperson
    general gen colonel col captain capt sergeant officer detective coach manager professor prof dr mr mrs ms
    pope bishop archbishop leader lawmaker ambassador commissioner inspector superintendent founder""".split()
)
_ORGANISATION_WORDS = frozenset(
    """inc corp corporation company co ltd plc llc group bank council ministry department agency authority
    association union party university college school hospital institute commission committee court
    parliament congress senate house police army navy force forces fund foundation organization organisation
    federation league club board office service services network airlines airways news times post press
    energy power motors systems technologies pharmaceuticals media capital partners holdings industries labs
    ferries railways lines
    kremlin pentagon nato fbi cia un eu who opec fifa uefa nasa""".split()
)
_PLACES = frozenset(
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
    arizona georgia jerusalem geneva zurich amsterdam stockholm oslo helsinki copenhagen prague budapest
    dubai riyadh mumbai shanghai hong kong seoul manila jakarta bangkok nairobi lagos johannesburg
    kursk crimea donbas zaporizhzhia""".split()
)
_PLACE_CUES = frozenset({"in", "at", "from", "near", "across", "outside", "inside", "to"})
_SKIP = frozenset(
    """the a an but and or if when while after before this that these those it he she they we i his her their
    its our there here however meanwhile monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december mr mrs ms dr yes no
    mondays tuesdays wednesdays thursdays fridays saturdays sundays
    in on at for of with by from as said says according""".split()
)
MAX_ENTITIES = 8
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ian|ese|ish|ean|ani)s?")
_POSSESSIVE = re.compile(r"['’]s?$")
_DIRECTIONS = frozenset({"western", "eastern", "northern", "southern", "central"})
_CREDITS = frozenset({"CNN", "AP", "AFP", "REUTERS", "UPI", "BBC"})
_PLACE_WORDS = frozenset(
    "bridge street road avenue river lake mountain mountains island islands isles park square beach bay harbour harbor "
    "city county state province region district valley coast airport station".split()
)


def find_entities(sentences: list[str], *, limit: int = MAX_ENTITIES) -> list[Entity]:
    """The most mentioned names, each typed; a name seen only at a sentence start must recur to count."""
    counts: Counter[str] = Counter()
    kinds: dict[str, Counter[EntityKind]] = {}
    for sentence in sentences:
        for match in _NAME.finditer(sentence):
            words = _name_words(match.group(1))
            if not words:
                continue
            name = " ".join(words)
            if len(name) < 2 or (name.isupper() and len(name) > 6):
                continue
            at_start = match.start() < 2
            counts[name] += 1 if not at_start or len(words) > 1 else 0
            before = sentence[max(match.start() - 30, 0) : match.start()].split()
            previous = before[-1].strip(",;:\"'“”") if before else ""
            kinds.setdefault(name, Counter())[_kind(name, previous)] += 1
    merged = _merge_surnames(counts)
    ranked = sorted((name for name, n in merged.items() if n > 0), key=lambda name: (-merged[name], name))
    return [Entity(name=name, kind=kinds[name].most_common(1)[0][0]) for name in ranked[:limit]]


def _name_words(found: str) -> list[str]:
    """Drop leading function words, titles and demonyms: 'Russian President Vladimir Putin' -> 'Vladimir Putin'."""
    words = [w for w in found.strip(" -").split() if w]
    for position in range(len(words) - 1, -1, -1):
        if words[position].lower().rstrip(".") in _PERSON_TITLES and position < len(words) - 1:
            words = words[position + 1 :]
            break
    while words and (words[0].lower().rstrip(".") in _SKIP or _DEMONYM.fullmatch(words[0])):
        words = words[1:]
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    if len(words) == 1 and (
        words[0].lower() in _SKIP | _DIRECTIONS or words[0].upper() in _CREDITS or "." in words[0]
    ):
        return []
    return words


def _kind(name: str, previous_word: str) -> EntityKind:
    lowered = name.lower()
    parts = lowered.replace(".", "").split()
    previous = previous_word.lower()
    if parts[-1] in _ORGANISATION_WORDS or parts[0] in _ORGANISATION_WORDS:
        return "organisation"
    if lowered in _PLACES or parts[-1] in _PLACES or parts[-1] in _PLACE_WORDS:
        return "place"
    if previous in _PERSON_TITLES:
        return "person"
    if previous in _PLACE_CUES and len(parts) == 1:
        return "place"
    if len(parts) in (2, 3) and all(part.isalpha() for part in parts):
        return "person"
    return "other"


def _merge_surnames(counts: Counter[str]) -> Counter[str]:
    """'Okafor' after 'Ines Okafor' is the same person: credit the full name."""
    merged = Counter(counts)
    full_names = [name for name in counts if " " in name]
    for name in list(merged):
        if " " in name:
            continue
        owners = [full for full in full_names if full.split()[-1] == name]
        if len(owners) == 1:
            merged[owners[0]] += merged.pop(name)
    return merged
