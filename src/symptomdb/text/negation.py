"""NegEx-style context for mentions: negated ("no fever", "denies seizures", "ataxia was absent"),
uncertain ("possible seizures", "rule out sepsis", "autism cannot be excluded") and family history ("his
father has epilepsy", "family history of deafness").

Triggers are matched on folded surface words. A trigger whose words lie inside a mention is part of the
finding ("absent speech", "can't walk") and negates nothing. Pseudo-triggers ("not only", "no increase",
"cannot be ruled out") mask the trigger words they contain. A pre-trigger's scope runs forward to the end
of the clause (sentence punctuation, "but", "however", a new subject or verb), a post-trigger's scope runs
back to the start of the clause.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from symptomdb.text.figures import capitalised
from symptomdb.text.normalise import Token
from symptomdb.text.people import people_words

PRE = "pre"
POST = "post"
PSEUDO = "pseudo"
TERMINATE = "terminate"
UNCERTAIN_PRE = "uncertain-pre"
UNCERTAIN_POST = "uncertain-post"
FAMILY_PRE = "family-pre"
FAMILY_POST = "family-post"
PAST = "past"

_PRE_NEGATION = """
no | nae | nuh | not | without | denies | denied | deny | denying | negative for | absence of | free of |
ruled out | never | never had | nor | neither | lack of | lacks | lacking | no evidence of |
no signs of | no sign of | no history of | no complaints of | not have | doesn't have | does not have |
didn't have | did not have | don't have | do not have | hasn't had | has not had | haven't had |
have not had | hasn't got | has not got | absent | free from | rules out | exclude | excluded |
excludes | excluding | unremarkable for | doesn't | don't | didn't | isn't |
aren't | wasn't | weren't | hasn't | haven't | hadn't | won't | does not | do not | did not | has not |
have not | had not | is not | are not | was not | were not | not any | none | nothing | no new |
never complains of | never complained of | doesn't complain of |
does not complain of | didn't complain of | did not complain of |
nil | not had | not got | never once had | never actually had | never really had | never ever had |
never even had | no have | no has | no having | no got | can't see any | cannot see any |
couldn't see any | can not see any | no sign of any
"""
# session 13: a hedged denial ("Dont think I've had a temperature", "I don't think she has a fever")
_PRE_NEGATION += " | " + " | ".join(
    f"{negator} think {who} {verb}"
    for negator in ("don't", "do not", "didn't")
    for who in ("i", "he", "she", "they", "we")
    for verb in ("have", "has", "had", "have had", "has had", "got", "have got", "has got")
)
_PRE_NEGATION += " | " + " | ".join(
    f"{negator} think {who} {verb}"
    for negator in ("don't", "do not")
    for who in ("i've", "he's", "she's", "they've")
    for verb in ("had", "got", "been")
)

_POST_NEGATION = """
is absent | was absent | were absent | are absent | was not seen | were not seen | not seen |
not observed | not found | not detected | not present | was negative | were negative | is negative |
are negative | negative | ruled out | was ruled out | were ruled out | has been ruled out |
was excluded | were excluded | free | not noted | unlikely | is unlikely | are unlikely | was denied |
were denied |
within normal limits | were within normal limits | was within normal limits | are within normal limits |
is within normal limits | within the normal range | were within the normal range | was within the normal
range | were normal | was normal | were unremarkable | was unremarkable
"""
# Session 20: findings asked about, then all denied ("asked whether I get mouth ulcers, dry eyes or rashes –
# none of those")
_POST_NEGATION += " | none of those | none of these | none of them | none of that | no to all of them"
# Session 17: Scots "nae" is "no" ("Nae fever but, an nae runs"); session 18: Jamaican "nuh" is "not"

# Round 15: a finding that stopped was the patient's ("the reflux went away", "no more nosebleeds since
# …", "he has stopped having migraines"): it is present, as a phenotype records what a person has or had;
# these phrases only keep the shorter triggers inside them ("no", "not") from negating. "no more … than"
# is a comparison, and negates ("no more colds than his brothers").
_PAST = """
no more | no longer has | no longer had | stopped having | has stopped having | resolution of |
has resolved | have resolved | resolved | is gone | are gone | gone away | went away | has stopped |
have stopped | had stopped | has cleared | have cleared | had cleared | cleared up | has cleared up |
have cleared up | hasn't had any more | has not had any more | haven't had any more | not had any more
"""

_PSEUDO = """
not only | not just | not necessarily | not certain | not clear | not sure | no increase | no change |
no significant change | no further | not unusual | not uncommon | not rare |
not infrequent | gram negative | whether or not | if not | not always | not yet | not until |
hasn't gone | has not gone | not gone away | won't go away | doesn't go away | not resolved |
hasn't resolved | not gone | without treatment | without therapy | no longer | not able | unable |
not reach | not respond | not improve | not improved | not responsive | no cause | not known | unknown |
not caused | no obvious cause | not due | no family history | not previously | no difference |
no significant difference | no clinical difference | no correlation | no association | no relationship |
presence or absence of | presence or absence | with or without | or no | either no | not significantly |
not statistically | nil by mouth |
don't make it | dont make it | didn't make it | didnt make it | doesn't make it | not make it |
can't make it | couldn't make it | never make it |
won't stop | wont stop | will not stop | wouldn't stop | wouldnt stop | can't stop | cant stop |
cannot stop | couldn't stop | couldnt stop | could not stop | doesn't stop | does not stop |
don't stop | didn't stop | never stop | never stops
"""
# Session 17: what someone does not remember happened ("he doesn't remember falling", "she can't recall
# passing out"): not remembering an event is no denial of it
_PSEUDO += """ |
doesn't remember | does not remember | didn't remember | did not remember | don't remember |
can't remember | cannot remember | couldn't remember | could not remember | doesnt remember |
didnt remember | dont remember | cant remember | couldnt remember | doesn't recall | didn't recall |
can't recall | couldn't recall
"""

_UNCERTAIN_PRE = """
possible | possibly | probable | probably | suspected | suspect | suspicion of | suspicion for |
suspicious for | questionable | query | queried | may have | might have | may be | might be | could be |
could have | concern for | concerning for | rule out | to rule out | r/o | ruling out | evaluate for |
evaluation for | evaluated for | workup for | work-up for | screening for | screened for | maybe |
perhaps | not sure if | not sure whether | whether | differential diagnosis | differential diagnoses |
presumed | presumably | likely | unlikely to be | in case of | if | risk of | at risk of | at risk for |
checked for | being checked for | tested for | being tested for | test for | tests for | referred for
"""

_UNCERTAIN_POST = """
was suspected | were suspected | is suspected | are suspected | was considered |
were considered | was queried | is possible | was possible | is probable | is likely | was likely |
cannot be ruled out | can't be ruled out | could not be ruled out | not ruled out | not been ruled out |
cannot be excluded | can't be excluded | could not be excluded | not be excluded | not excluded |
was not excluded | remains possible | to be ruled out | to be excluded
"""

_TERMINATE = """
but | however | although | though | except | apart from | aside from | yet | whereas | while | which |
who | whom | whose | nevertheless | still | other than | presents with | presented with | has | have |
had | is | are | was | were | shows | showed | exhibits | exhibited | developed | develops | reports |
reported | complains | complained | notes | noted | he | she | they | i | we | you | his | her | their |
my | our | had | also | despite | since | because | after | when | now | currently | instead | rather |
then | as well as | where | just | only | he's | she's | it's | they're | i'm | we're | you're | there's |
i've | he has | she has
"""

_FAMILY_PRE = """
family history of | family history | family hx of | family hx | fh of | fhx of | fhx | runs in the family
"""

_FAMILY_POST = """
in the family | in his family | in her family | in their family | in my family | in our family |
runs in the family | run in the family | on the maternal side | on the paternal side
"""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


word_set = _words  # for the other modules' word lists


# "Hypotonia was not observed", "reflexes could not be elicited": the copula and "not" belong to the
# post-trigger (else "was not" would read as a trigger of what follows, and negate nothing).
_NOT_SEEN_VERBS = sorted(
    _words(
        "present seen observed noted found detected identified evident appreciated demonstrated visualized "
        "visualised elicited elicitable"
    )
)
_POST_NEGATION += " | " + " | ".join(
    [f"{copula} not {verb}" for copula in ("is", "are", "was", "were") for verb in _NOT_SEEN_VERBS]
    + [f"{aux} not been {verb}" for aux in ("has", "have", "had") for verb in _NOT_SEEN_VERBS]
    + [f"{modal} be {verb}" for modal in ("could not", "cannot") for verb in _NOT_SEEN_VERBS]
)

# "None of the patients had …": the verb after "none of <the people>" would end the scope of "none" (a
# terminator), so the whole subject and its verb are one pre-trigger.
_NONE_OF = sorted(
    _words(
        "patients children individuals subjects cases probands carriers members relatives family affected "
        "them these those sibs siblings"
    )
)
_NONE_VERBS = sorted(
    _words("had has have showed show shows developed exhibited displayed presented was were reported")
)
_PRE_NEGATION += " | " + " | ".join(
    [
        f"none of {det}{who} {verb}"
        for det in ("", "the ", "our ", "these ")
        for who in _NONE_OF
        for verb in _NONE_VERBS
    ]
    + [f"none {verb}" for verb in _NONE_VERBS]
    + [f"none of the family members {verb}" for verb in _NONE_VERBS]
    + [f"none of the affected {who} {verb}" for who in _NONE_OF for verb in _NONE_VERBS]
)

# Head nouns that make a finding's name a modifier of something genetic ("the epilepsy gene", "the
# ataxia locus"): a post-trigger after them is about the gene, not the finding.
_GENETIC_HEADS = _words(
    "gene genes locus loci mutation mutations variant variants allele alleles protein proteins marker "
    "markers linkage"
)

# People whose findings are not the patient's: kin, spouses and partners, friends, people around the
# writer; the names the writer calls a relative by, the words between an owner and a relative, a sibling's
# birth order, words that finish naming a relative, capitalised parents. Reviewed data, with the reasons:
# data/people.tsv (people.py).
RELATIVES = people_words("relative")
_INFORMAL_RELATIVES = people_words("informal")
_RELATIVE_MODIFIERS = people_words("modifier")
_SIBLING_ORDER = people_words("sibling-order")
_RELATIVE_TAILS = people_words("tail")
_CAPITALISED_PARENTS = people_words("capitalised-parent")
_FAMILY_VERBS = _words(
    "has had have with suffers suffered suffering is was were are died developed diagnosed affected "
    "presented shows showed experienced went gets got"
    # round 19: "grandad wears hearing aids", "her brother uses a wheelchair"
    " wears wore uses used needs needed"
    # round 39: "my friend who's autistic" (not "who has": "the patient's brother who was also affected"
    # is an examined relative in a case report, "my husband, who had a stroke" a carer's patient)
    " who's whos"
)
# round 22: "her brother didn't talk till he was 3": a negated verb after the relative is theirs too
_NEGATED_VERBS = _words(
    "didn't didnt doesn't doesnt don't dont can't cant couldn't couldnt wasn't wasnt isn't isnt hasn't "
    "hasnt never"
)
_FAMILY_OWNERS = _words("his her their my our your maternal paternal")
# round 23: "my cousin's got alopecia", "brother's been diagnosed": "'s" is "has"/"is", not a possessive
_AFTER_CONTRACTION = _words("got been had gotten always never just also now still diagnosed")
# session 20: "my brother's on dialysis and gets terrible itching": "'s on" is "is on"
_AFTER_CONTRACTION |= {"on"}
# words between the relative and the verb ("my sister just got told she has asthma")
_BETWEEN_RELATIVE_AND_VERB = _words("and or also both all just still always recently now apparently actually")
# Words that start a reported-speech clause after a relative ("mum says he has ...").
_REPORTING = _words(
    "says said reports reported noticed notes noted thinks feels worries worried told describes described"
)

MAX_PRE_WORDS = 8
_LIST_WORDS = frozenset(
    {"and", "or", "nor", "any", "either", "neither", "other", "signs", "sign", "symptoms", "evidence"}
)
MAX_POST_WORDS = 8


def _parse(block: str, kind: str) -> list[tuple[tuple[str, ...], str]]:
    return [(tuple(phrase.split()), kind) for phrase in (p.strip() for p in block.split("|")) if phrase]


_TRIGGERS: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _kind in (
    _parse(_PSEUDO, PSEUDO)
    + _parse(_PAST, PAST)
    + _parse(_FAMILY_PRE, FAMILY_PRE)
    + _parse(_FAMILY_POST, FAMILY_POST)
    + _parse(_PRE_NEGATION, PRE)
    + _parse(_POST_NEGATION, POST)
    + _parse(_UNCERTAIN_PRE, UNCERTAIN_PRE)
    + _parse(_UNCERTAIN_POST, UNCERTAIN_POST)
    + _parse(_TERMINATE, TERMINATE)
):
    _TRIGGERS.setdefault(_phrase[0], []).append((_phrase, _kind))
for _list in _TRIGGERS.values():
    # Longest first; among equal lengths, the order above (pseudo before real triggers).
    _list.sort(key=lambda item: -len(item[0]))


@dataclass(frozen=True, slots=True)
class Trigger:
    kind: str
    first: int  # token index of the first word
    last: int  # token index of the last word


@dataclass(frozen=True, slots=True)
class Span:
    """A mention's token range (inclusive)."""

    first: int
    last: int


def _word_positions(tokens: Sequence[Token]) -> list[int]:
    return [i for i, t in enumerate(tokens) if t.kind == "word"]


def find_triggers(tokens: Sequence[Token], inside_mention: Sequence[bool]) -> list[Trigger]:
    """Negation / family triggers in token order; triggers overlapping a mention are left out."""
    words = _word_positions(tokens)
    lowers = [tokens[i].lower for i in words]
    triggers: list[Trigger] = []
    k = 0
    while k < len(words):
        options = _TRIGGERS.get(lowers[k])
        matched = False
        if options:
            for phrase, kind in options:
                end = k + len(phrase)
                if end <= len(words) and tuple(lowers[k:end]) == phrase and _contiguous(tokens, words[k:end]):
                    first, last = words[k], words[end - 1]
                    if not any(inside_mention[first : last + 1]):
                        triggers.append(Trigger(kind, first, last))
                        k = end
                        matched = True
                        break
                    if inside_mention[first]:
                        break
                    # the phrase runs into a finding ("no change in hearing": "change in hearing" is the
                    # finding, not the pseudo-trigger "no change"): try the shorter triggers ("no")
        if not matched and lowers[k] == "fh" and _before_colon(tokens, words[k]):
            triggers.append(
                Trigger(FAMILY_PRE, words[k], words[k])
            )  # "FH: …" (alone, "FH" is also a disease)
            k += 1
            continue
        if not matched:
            relative = _relative_trigger(tokens, words, lowers, k, inside_mention)
            if relative is not None:
                triggers.append(relative)
                k = bisect_right(words, relative.last)  # it may end on a bracket
                continue
            k += 1
    return triggers


def _before_colon(tokens: Sequence[Token], position: int) -> bool:
    return position + 1 < len(tokens) and tokens[position + 1].text == ":"


def _contiguous(tokens: Sequence[Token], positions: Sequence[int]) -> bool:
    """Trigger words must not be separated by sentence punctuation."""
    return all(tokens[j].kind in ("word", "soft") for j in range(positions[0], positions[-1] + 1))


def _relative_trigger(
    tokens: Sequence[Token], words: list[int], lowers: list[str], k: int, inside_mention: Sequence[bool]
) -> Trigger | None:
    """'his/her/my father has/had/with …', 'maternal aunt with …' → a family trigger ending at the verb.

    A possessive (or maternal/paternal) before the relative is required: in case reports "the father
    had …" often describes an affected, examined family member rather than family history."""
    word = lowers[k]
    contracted = word.endswith("'s") and _contracted(lowers, k)
    if word.endswith("'s") and not contracted:
        return None  # "her mother's pregnancy …" is about the patient's own history
    relative = word[:-2] if contracted else word
    if relative not in RELATIVES or inside_mention[words[k]]:
        return None
    if not _owned(tokens, words, lowers, k, relative, contracted) or _patient_in_coordination(lowers, k):
        return None
    if contracted:
        return Trigger(FAMILY_PRE, words[k], words[k])  # "my cousin's got …": the verb is in the word
    return _through_the_verb(tokens, words, lowers, k, inside_mention)


def _owned(
    tokens: Sequence[Token], words: list[int], lowers: list[str], k: int, relative: str, contracted: bool
) -> bool:
    """Whether the relative at word ``k`` is someone's (the writer's or the patient's), not an examined
    family member of a case report. A contracted relative needs its owner: "Dad's been getting
    muddled" may be about the patient."""
    before = lowers[k - 1] if k > 0 else ""
    return (
        (relative in _INFORMAL_RELATIVES and not contracted)  # "mum and grandma both have …"
        or (tokens[words[k]].text in _CAPITALISED_PARENTS and _starts_sentence(tokens, words[k]))
        or (  # a note's "older brother is autistic": the relative (with its birth order) opens the sentence
            not contracted and before in _SIBLING_ORDER and _starts_sentence(tokens, words[k - 1])
        )
        or before in _FAMILY_OWNERS
        or lowers[k + 1 : k + 3] == ["of", "mine"]  # session 13: "a mate of mine has …"
        or before.endswith("'s")  # "the patient's brother", "his father's brother"
        or (k >= 2 and _owner(lowers[k - 2]) and before in _RELATIVE_MODIFIERS)  # "Daisy's older brother"
    )


def _through_the_verb(
    tokens: Sequence[Token], words: list[int], lowers: list[str], k: int, inside_mention: Sequence[bool]
) -> Trigger | None:
    """The family trigger from the relative at word ``k`` to its verb of having (or a negated verb), over
    other relatives, modifiers, a first name and a few adverbs; None when something else comes first."""
    opening = words[k] + 1
    if opening < len(tokens) and tokens[opening].text == "(":
        return Trigger(FAMILY_PRE, words[k], opening)  # round 39: "my brother (ADHD as well) sleeps …"
    for step in range(1, 6):
        if k + step >= len(words):
            return None
        nxt = lowers[k + step]
        if nxt in _REPORTING:
            return None
        if step == 1 and inside_mention[words[k + 1]] and _writer_speaks_of_self(lowers):
            # round 31: "my husband snores so badly I'm the one with insomnia": beside the writer's own
            # findings, the finding that is the relative's verb is theirs ("my nan grinds her teeth" alone
            # may be a carer's note about the patient)
            return Trigger(FAMILY_PRE, words[k], words[k])
        if (nxt in _FAMILY_VERBS or nxt in _NEGATED_VERBS) and all(
            tokens[j].kind in ("word", "soft", "comma") for j in range(words[k], words[k + step] + 1)
        ):
            if inside_mention[words[k + step]]:  # "grandad wears hearing aids": the verb starts the finding
                return Trigger(FAMILY_PRE, words[k], words[k + step - 1])
            return Trigger(FAMILY_PRE, words[k], words[k + step])
        if step == 1 and capitalised(tokens[words[k + step]].text, min_length=2):
            continue  # "my brother Len is deaf"
        if (
            nxt not in RELATIVES
            and nxt not in _RELATIVE_MODIFIERS
            and nxt not in _FAMILY_OWNERS
            and nxt not in _BETWEEN_RELATIVE_AND_VERB
            and nxt not in _RELATIVE_TAILS
        ):
            return None
    return None


def _starts_sentence(tokens: Sequence[Token], position: int) -> bool:
    return position == 0 or tokens[position - 1].kind == "break"


def _contracted(lowers: list[str], k: int) -> bool:
    """ "cousin's got", "brother's been": a relative with "'s" for "has"/"is", known by the word after."""
    return (
        lowers[k].endswith("'s")
        and lowers[k][:-2] in RELATIVES
        and k + 1 < len(lowers)
        and lowers[k + 1] in _AFTER_CONTRACTION
    )


def _owner(word: str) -> bool:
    """A possessive that makes the next relative someone's ("his", "Daisy's")."""
    return word in _FAMILY_OWNERS or word.endswith("'s")


# Words for the patient as the subject of a sentence ("the patient and his brother had …").
_PATIENT_WORDS = _words(
    "he she i we patient patients proband probands child children boy girl baby infant index case son "
    "daughter individual individuals subject"
)


def _patient_in_coordination(lowers: list[str], k: int) -> bool:
    """'He and his father have …', 'Both siblings and their mother showed …': the relative is coordinated
    with the patient (or with relatives named without a possessive, as examined family members are in
    case reports), so the finding is the patient's own as well."""
    j = k - 1
    while j >= 0 and (lowers[j] in _FAMILY_OWNERS or lowers[j] in _RELATIVE_MODIFIERS):
        j -= 1
    if j < 1 or lowers[j] not in ("and", "&"):
        return False
    j -= 1
    while j >= 0 and lowers[j] in _RELATIVE_MODIFIERS:
        j -= 1
    if j < 0:
        return False
    word = lowers[j]
    if word in _PATIENT_WORDS:
        return True
    owner = lowers[j - 1] if j > 0 else ""
    return word in RELATIVES and owner not in _FAMILY_OWNERS and not owner.endswith("'s")


def classify(tokens: Sequence[Token], mentions: Sequence[Span]) -> tuple[list[bool], list[bool], list[bool]]:
    """(negated, family, uncertain) flags for each mention."""
    inside = [False] * len(tokens)
    for span in mentions:
        for i in range(span.first, span.last + 1):
            inside[i] = True
    triggers = find_triggers(tokens, inside)
    negated = [False] * len(mentions)
    family = [False] * len(mentions)
    uncertain = [False] * len(mentions)
    if not triggers:
        return negated, family, uncertain
    terminators = {t.first for t in triggers if t.kind == TERMINATE}
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for n, span in enumerate(mentions):
        starts.setdefault(span.first, []).append(n)
        ends.setdefault(span.last, []).append(n)
    flags_of = {
        PRE: negated,
        POST: negated,
        FAMILY_PRE: family,
        FAMILY_POST: family,
        UNCERTAIN_PRE: uncertain,
        UNCERTAIN_POST: uncertain,
    }
    for trigger in triggers:
        kind = trigger.kind
        if kind == PAST and _compares(tokens, trigger):
            kind = PRE  # "no more colds than his brothers"
        elif kind == POST and _free_for_a_time(tokens, trigger):
            continue  # "seizure free for 8 months": the seizures were there before
        elif kind == PRE and _cannot_without(tokens, trigger):
            continue  # "I can't eat without getting pain": the pain is there
        flags = flags_of.get(kind)
        if flags is None:
            continue
        if kind == PRE and (answered := _finding_answered(tokens, trigger, ends)) is not None:
            for n in ends[answered]:  # "Fever no, cough yes": the "no" denies the fever, not the cough
                negated[n] = True
            continue
        if kind in (PRE, FAMILY_PRE, UNCERTAIN_PRE):
            adjective = trigger.first == trigger.last and tokens[trigger.first].lower in _ADJECTIVE_TRIGGERS
            after = trigger.last + 1
            if kind == FAMILY_PRE:
                after = _past_auxiliaries(tokens, after, inside)  # "my husband has had migraines"
                if after < len(tokens) and tokens[after].lower in _THEIR_OWN:
                    after += 1  # round 29: "my dad had his first heart attack": the relative's own
            if after < len(tokens) and tokens[after].text == ":":
                # a heading ("FHx: …", "Denies: …"): the colon opens the scope instead of ending it
                after += 1
                if kind == FAMILY_PRE:
                    for n in _heading_scope(tokens, after, starts):
                        flags[n] = True
                    continue
            single = trigger.first == trigger.last
            quantified = (
                _quantified_noun(tokens, after)
                if kind == PRE and single and tokens[trigger.first].lower == "none"
                else None
            )
            if quantified is not None:
                # "none of her spots itch": the scope starts at the noun ("her" would end it), and the
                # noun itself says which things, it is not denied ("none of the seizures lasted long")
                found = _forward_scope(tokens, quantified, terminators, starts, inside)
                found = _spare_quantified(tokens, quantified, starts, found, mentions)
            else:
                found = _forward_scope(tokens, after, terminators, starts, inside, adjective)
        else:
            found = _backward_scope(tokens, trigger.first - 1, terminators, ends, inside)
        for n in found:
            flags[n] = True
    return negated, family, [u and not n for u, n in zip(uncertain, negated, strict=True)]


_CANNOT = _words("can't cant cannot couldn't couldnt unable")
_CANNOT_REACH = 8  # words back from "without" within its clause


def _cannot_without(tokens: Sequence[Token], trigger: Trigger) -> bool:
    """Session 18: "without" after "can't" in its clause says the finding comes every time ("I can't eat
    much without getting pain", "I cannot stand for long without my back aching"), a double negative."""
    if trigger.first != trigger.last or tokens[trigger.first].lower != "without":
        return False
    for j in range(trigger.first - 1, max(trigger.first - _CANNOT_REACH, 0) - 1, -1):
        if tokens[j].kind in ("break", "comma"):
            return False
        if tokens[j].lower in _CANNOT:
            return True
    return False


_BARE_ANSWERS = _words("no none nil never")


def _finding_answered(tokens: Sequence[Token], trigger: Trigger, ends: dict[int, list[int]]) -> int | None:
    """Session 15: a bare "no" (or "none", "nil", "never") right after a finding and ending its clause
    answers that finding and opens no scope over the words after it: sign-language grammar written in
    English and telegraphic notes ("Fever no, cough yes", "Blood no."). The token where the answered
    findings end, or None."""
    if trigger.first != trigger.last or tokens[trigger.first].lower not in _BARE_ANSWERS:
        return None
    before = next((j for j in range(trigger.first - 1, -1, -1) if tokens[j].kind != "soft"), None)
    after = next((j for j in range(trigger.first + 1, len(tokens)) if tokens[j].kind != "soft"), None)
    if before not in ends or (after is not None and tokens[after].kind not in ("break", "comma")):
        return None
    return before


_THEIR_OWN = _words("his her their")
_WRITER = _words("i i'm im i've ive me myself")


def _writer_speaks_of_self(lowers: list[str]) -> bool:
    return any(word in _WRITER for word in lowers)


_AUXILIARY_CHAIN = _FAMILY_VERBS | _words("been also always both")


def _past_auxiliaries(tokens: Sequence[Token], start: int, inside: Sequence[bool]) -> int:
    """The first token from ``start`` that is not a verb of having or an auxiliary after the family
    trigger's verb ("has | had", "has | been diagnosed with"), nor the start of a finding: a verb there
    would end the scope."""
    while (
        start < len(tokens)
        and tokens[start].kind == "word"
        and tokens[start].lower in _AUXILIARY_CHAIN
        and not inside[start]
    ):
        start += 1
    return start


_SINCE = _words("for since now")


def _free_for_a_time(tokens: Sequence[Token], trigger: Trigger) -> bool:
    """'free' followed by a time ("seizure free for a year", "pain free since March"): a finding that
    stopped, so the patient had it."""
    if trigger.first != trigger.last or tokens[trigger.first].lower != "free":
        return False
    following = next((t for t in tokens[trigger.last + 1 :] if t.kind != "soft"), None)
    return following is not None and following.lower in _SINCE


def _compares(tokens: Sequence[Token], trigger: Trigger) -> bool:
    """'no more … than' in one clause part: a comparison, not a finding that stopped."""
    if tokens[trigger.first].lower != "no":
        return False
    for token in tokens[trigger.last + 1 :]:
        if token.kind != "word":
            return False
        if token.lower == "than":
            return True
    return False


# Negating adjectives: "absent visual following and dystonic posturing" — the adjective qualifies its own
# noun; once that noun is a word of no finding, a coordinated noun phrase after it is a finding of its own.
_ADJECTIVE_TRIGGERS = frozenset({"absent"})
_COORDINATORS = frozenset({"and", "or", "&"})


def _forward_scope(
    tokens: Sequence[Token],
    start: int,
    terminators: set[int],
    starts: dict[int, list[int]],
    inside: Sequence[bool],
    adjective: bool = False,
) -> list[int]:
    """Mentions after a pre-trigger, to the end of the clause; commas are crossed only inside a list of
    mentions ("no fever, cough or rash"), not after other words ("family history of this disorder, …").
    After a negating adjective (``adjective``) a conjunction ends the scope once the adjective has
    qualified other words ("absent visual following and dystonic posturing")."""
    found: list[int] = []
    count = 0
    segment_has_other_words = False
    for i in range(start, len(tokens)):
        token = tokens[i]
        if token.kind == "break":
            break
        if token.kind == "comma":
            if segment_has_other_words:
                break
            continue
        if adjective and segment_has_other_words and not inside[i] and token.lower in _COORDINATORS:
            break
        if i in terminators and i not in starts:
            break
        if i in starts:
            found.extend(starts[i])
        if token.kind == "word":
            count += 1
            if not inside[i] and not token.stop and token.lower not in _LIST_WORDS:
                segment_has_other_words = True
            if count > MAX_PRE_WORDS:
                break
    return found


def _heading_scope(tokens: Sequence[Token], start: int, starts: dict[int, list[int]]) -> list[int]:
    """Mentions after a family-history heading ("FHx: mother with hypothyroidism, father with diabetes."):
    the heading covers its whole line, list commas and the relatives' verbs included, to the sentence end."""
    found: list[int] = []
    for i in range(start, len(tokens)):
        if tokens[i].kind == "break" and tokens[i].text != ":":
            break
        if i in starts:
            found.extend(starts[i])
    return found


def _backward_scope(
    tokens: Sequence[Token],
    start: int,
    terminators: set[int],
    ends: dict[int, list[int]],
    inside: Sequence[bool],
) -> list[int]:
    """Mentions before a post-trigger, back to the clause start; commas are crossed only inside a list of
    mentions ("fever, cough and rash were absent")."""
    found: list[int] = []
    count = 0
    segment_has_other_words = False
    for i in range(start, -1, -1):
        token = tokens[i]
        if token.kind == "break":
            break
        if token.kind == "comma":
            if segment_has_other_words or not found:
                break
            segment_has_other_words = False
            continue
        if i in terminators and not inside[i]:
            break
        if not found and not inside[i] and token.lower in _GENETIC_HEADS:
            break  # "the brachydactyly gene was not found": the gene is what was not found
        if i in ends:
            found.extend(ends[i])
        if token.kind == "word":
            count += 1
            if not inside[i] and not token.stop and token.lower not in _LIST_WORDS:
                segment_has_other_words = True
            if count > MAX_POST_WORDS:
                break
    return found


_QUANTIFIED_DETERMINERS = _words("the my his her their our your these those its")


def _quantified_noun(tokens: Sequence[Token], start: int) -> int | None:
    """The token index of the noun after "none of (the/her …)", if "of" follows "none"."""
    words = [i for i in range(start, min(len(tokens), start + 4)) if tokens[i].kind == "word"]
    if not words or tokens[words[0]].lower != "of" or words[0] != start:
        return None
    k = 1
    while k < len(words) and tokens[words[k]].lower in _QUANTIFIED_DETERMINERS:
        k += 1
    return words[k] if k < len(words) else None


def _spare_quantified(
    tokens: Sequence[Token],
    noun: int,
    starts: dict[int, list[int]],
    found: list[int],
    mentions: Sequence[Span],
) -> list[int]:
    """A mention that is the quantified noun is not negated; one that takes in the predicate is ("none
    of the seizures were prolonged")."""
    spared = {
        n
        for n in starts.get(noun, ())
        if mentions[n].last + 1 < len(tokens) and tokens[mentions[n].last + 1].kind in ("word", "soft")
    }
    return [n for n in found if n not in spared]


# Words that open a relative clause describing the noun before them ("never had a fit where he falls
# down and shakes": the falling and shaking belong to the fit that never happened)
_RELATIVE_OPENERS = _words("where that which")
_RELATIVE_ENDS = _words("but however although though except whereas yet")
MAX_RELATIVE_WORDS = 12


def described_by_negated(
    tokens: Sequence[Token], mentions: Sequence[Span], negated: Sequence[bool]
) -> set[int]:
    """Mentions in a relative clause right after a negated mention ("never had a fit where he falls down
    and shakes", "no rash that itches"): they describe what did not happen, so they are neither the
    patient's findings nor stated absent (he may fall otherwise). The clause runs to the next comma,
    sentence break or contrast word."""
    starts: dict[int, list[int]] = {}
    for n, span in enumerate(mentions):
        starts.setdefault(span.first, []).append(n)
    found: set[int] = set()
    for n, span in enumerate(mentions):
        if not negated[n]:
            continue
        i = span.last + 1
        while i < len(tokens) and tokens[i].kind == "soft":
            i += 1
        if i >= len(tokens) or tokens[i].kind != "word" or tokens[i].lower not in _RELATIVE_OPENERS:
            continue
        count = 0
        for j in range(i + 1, len(tokens)):
            token = tokens[j]
            if token.kind in ("break", "comma") or token.lower in _RELATIVE_ENDS:
                break
            found.update(starts.get(j, ()))
            if token.kind == "word":
                count += 1
                if count > MAX_RELATIVE_WORDS:
                    break
    return found
