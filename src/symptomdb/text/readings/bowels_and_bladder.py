"""Readings of the bowels, urine and vomiting.

"She was sick twice", "hasn't been sick", "sick x2", "no sickness": in British English to *be* sick is to
vomit, while to *feel* sick is nausea (the lexicon's "feels sick"). Every lay set written here codes it
so. "Off sick", "gets sick" and "sick with a cold" (ill) are left alone, as is "sick" as an adjective
("a sick child"). "Had the runs" is diarrhoea ("it runs in the family" is not: the word key of
"runs" alone could not tell them apart).

Bowels not opened for days are constipation; passing urine every few minutes is frequent urination,
getting up or waking to pee nocturia; "D&V" is diarrhoea and vomiting. Session 16 added loose stools, a
slow, urgent or burning stream, bowel urgency and incontinence, each bound to the text's subject (urine or
the bowels) where its words are ambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from symptomdb.text.english import a_time_of_day
from symptomdb.text.negation import word_set
from symptomdb.text.normalise import Token

from ._base import Reading, _absent, _each_match, _each_match_on, _off_topic, _read, _sentence_around

VOMITING = "HP:0002013"
DIARRHEA = "HP:0002014"
# round 30: passing urine "every 10 mins", "every half hour", "like every 40 mins" is frequent urination
# Session 15: "every hour" (sixteen times a day awake), a range ("every 30-40 minutes"), and "back and forth",
# "running" or "rushing" to the toilet as the going
_EVERY_FEW_MINUTES_RE = re.compile(
    r"\b(?:wee|wees|weeing|pee|pees|peeing|urinate|urinating|go|goes|going|toilet|loo|forth|running|rushing)\b"
    r"[^.;!?\n]{0,25}?\b(?P<every>every|evry)\s+(?:(?:\d{1,3}\s*(?:-|to)\s*)?(?:\d{1,3}|five|ten|fifteen|twenty"
    r"|thirty|forty)\s*(?:mins?|minutes?)|half\s+(?:an\s+)?hour|(?:an\s+|1\s+|one\s+)?hour)\b"
    # session 20: going or passing urine said often in other words ("going to the toilet constantly", "go
    # toilet many many time", "running to di bathroom", "passing water ever so often", "toilet x12 today")
    r"|\b(?<!of )(?P<verb>wee|weeing|pee|peeing|urinate|urinating|passing water|go|goes|going|running|"
    r"rushing|up and down|back and forth)\b[^.;!?\n]{0,25}?\b(?P<often>constantly|all the time|non-?stop|"
    r"so often|ever so often|very often|very frequently|frequently|many (?:many )?times?|lots of times|"
    r"loads of times|(?:in )?(?:nearly )?every lesson)\b"
    r"|\b(?:toilet|loo|bathroom)\s+(?P<count>x\s?\d{1,2}|\d{1,2}\s+times)\b",
    re.IGNORECASE,
)
# a text about drinking a lot is one about urine too ("drinking loads and going to the toilet constantly")
_DRINKING_RE = re.compile(r"\b(?:thirst\w*|drink\w*|water bottle)\b", re.IGNORECASE)
_GOING = frozenset({"go", "goes", "going", "running", "rushing", "up and down", "back and forth"})
_URINE_WORDS_RE = re.compile(
    # (not "week", "weep", "peel", "peer", "peek")
    r"\b(?:wee(?![kp])\w*|pee(?![lrkp])\w*|urin\w*|yurin\w*|bladder|water infections?|utis?|cystitis|"
    r"waterworks|pass(?:ing|es|ed)? water|prostate"
    # session 20: wetting, and water said of the urine ("wet at school", "blood in my water")
    r"|wet(?:ting)? (?:the bed|herself|himself|myself|themselves|at school|(?:his|her|my) (?:pants|knickers))"
    r"|bed ?wetting|in (?:my|his|her|the) water)\b",
    re.I,
)
POLLAKISURIA = "HP:0100515"
# round 34: bowels not opened for days ("haven't had a poo for a week", "not opened my bowels for 3 days",
# "last poo was 4 days ago", "10 days since my last bowel movement") is constipation
_FEW = r"(?:\d+|two|three|four|five|six|seven|ten|a|over a)"
# session 16: or since a day or an event ("not had a poo since Thursday", "haven't been for a number 2 since
# the op")
_SINCE = (
    r"\bsince\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|last week|the weekend"
    r"|(?:the|my|his|her) (?:op|operation|surgery))\b"
)
_NO_POO_RE = re.compile(
    r"\b(?:not|haven'?t|hasn'?t|havnae|have not|has not|no|still no)\s+(?:to\s+)?(?:have\s+)?"
    r"(?:had\s+|passed\s+)?(?:a\s+)?"
    r"(?:proper\s+)?(?:poo|pooed|pooped|bowel movement|opened (?:my |his |her |their )?bowels"
    r"|been for a (?:poo|number (?:2|two))|done a (?:proper )?poo|passing motions?)"
    rf"\b[^.;!?\n\d]{{0,25}}?(?:\b{_FEW}\s+(?:days?|weeks?)|{_SINCE})"
    # session 15: a care note's "bowels not opened for 6 days" (session 16: "Bowels: not opened", "bowels
    # haven't moved for 6 days")
    rf"|\bbowels:?\s+(?:not|haven'?t been|hasn'?t been|have not been|has not been|haven'?t|hasn'?t)\s+"
    rf"(?:opened|moved)\b[^.;!?\n\d]{{0,15}}?\b{_FEW}\s+(?:days?|weeks?)"
    # session 15: going fewer than three times a week (Rome IV), "only goes every 5 or 6 days"
    r"|\bonly\s+(?:goes|go|going|opens? (?:my|his|her) bowels|poos?|pooing|does a poo)\b[^.;!?\n\d]{0,12}?"
    r"\b(?:(?:about |around )?(?:once|twice) a week|every (?:[4-9]|1\d|four|five|six|seven|ten)\b"
    r"(?:\s*(?:or|-|to)\s*\w+)?\s+days)"
    rf"|\b(?:haven'?t|hasn'?t|have not|has not|not)\s+been\s+for\s+{_FEW}\s+(?:days|week)"
    # session 13: care notes' "BO" (bowels opened) and "BNO" ("No BO for 6 days", "BNO x4 days")
    rf"|\b(?:no bo|bno)\b[^.;!?\n\d]{{0,12}}?\b(?:{_FEW}|x\s?\d+)\s*(?:days?|weeks?)"
    r"|\blast (?:poo|bowel movement|proper bowel movement) was "
    r"(?:[3-9]|1\d|three|four|five|six|seven|a week)\b"
    r"|\b(?:[3-9]|1\d|three|four|five|six|seven|ten) days since (?:my|his|her) last (?:proper )?"
    r"(?:poo|bowel movement)",
    re.IGNORECASE,
)
_BOWEL_WORDS_RE = re.compile(
    r"\b(?:poo\w*|bowel\w*|constipat\w*|senna|movicol|laxative\w*|prunes|strain\w*|stool\w*|bunged)\b", re.I
)
CONSTIPATION = "HP:0002019"
_DIARRHOEA_WORDS_RE = re.compile(r"\b(?:diarrh\w*|the runs|loose|watery|runny)\b", re.I)
# round 31: getting up, or waking, to pass urine at night ("I get up to pee 3 or 4 times every night", "up
# 2-3 times to pee", "I wake at 11.30 needing to pee")
_UP_TO_PEE_RE = re.compile(
    r"\b(?P<up>get|gets|getting|got|up|wake|wakes|waking|woke)\b(?:[^.;!?\n]|(?<=\d)\.(?=\d)){0,30}?"
    r"\s(?:to|for a|needing to|for|to the|for the)\s"
    r"(?P<pee>pee|wee|urinate|pass water|washroom|toilet|loo|bathroom)\b",
    re.IGNORECASE,
)
# session 13: "passing urine many times in the night", "he urinates 4-5 times at night"
_PASSING_AT_NIGHT_RE = re.compile(
    r"\b(?P<pee>(?:pass|passes|passing|passed) (?:urine|urin|water)|urinat\w*|pee\w*|wee\w*)\b"
    r"[^.;!?\n]{0,25}?\btimes?\b[^.;!?\n]{0,12}?\b(?:in|at|during) (?:the )?(?:night|nite)\b",
    re.IGNORECASE,
)
# session 15: "weeing loads at night", "peeing all the time, even at night"; "up 4 times a night" in a text
# about passing urine ("her waterworks are bad, she's up 4 times a night")
_PEEING_AT_NIGHT_RE = re.compile(
    r"\b(?:pee|pees|peeing|wee|wees|weeing|urinate|urinating|urine)\b[^.;!?\n]{0,30}?"
    r"\b(?P<when>(?:at|in the|during the) (?:night|nite))\b",
    re.IGNORECASE,
)
_UP_TIMES_A_NIGHT_RE = re.compile(
    r"\bup\s+(?:x\s?\d|\d{1,2}|two|three|four|five|six|several|a few|many)"
    r"(?:\s*(?:-|to|or)\s*(?:\d{1,2}|three|four|five|six))?\s+(?:times\s+)?"
    r"(?:a|in the|at|every|each|per)\s+night",
    re.IGNORECASE,
)
_AT_NIGHT_RE = re.compile(r"\b(?:night|nights|nightly|overnight|times)\b", re.IGNORECASE)
NOCTURIA = "HP:0000017"
_RUNS = frozenset({"runs", "trots", "squits"})  # round 34: "the squits"
_D_AND_V_RE = re.compile(r"\bd\s*(?:&|and|\+)\s*v\b", re.IGNORECASE)  # round 33: "d&v for 2 days"
_BE = word_set("was is been being be were wasn't wasnt isn't isnt weren't he's she's hes shes am i'm im")
_ADVERBS = word_set(
    "really very so actually just also still even already ever not properly usually often always"
)
_MAKING = word_set("making make makes made")
_SELF = word_set("herself himself myself themselves")
_ILL_WITH = word_set("a an flu covid cold colds virus bug tonsillitis chickenpox the")
_NOT_VOMIT_AFTER = word_set("of leave note notes day days pay bay")
_COUNT_RE = re.compile(r"^x\d+$")
_COUNTS = frozenset({"twice", "x", "once"})
_SICKNESS_BEFORE = frozenset({"no", "any", "nor", "not"})
_DIARRHOEA = frozenset({"diarrhoea", "diarrhea"})
_HAVING = word_set("have has had having got get gets getting with 've 'd")
_OBJECTS = word_set("me him her us them")
_BEFORE_THE_RUNS = _HAVING | word_set(
    "given gave giving gives give and plus"
)  # round 34: "has given me the runs"


def frequent_urination(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Pollakisuria where passing urine, or going in a sentence about urine, comes every few minutes."""
    readings: list[Reading] = []
    for match in _EVERY_FEW_MINUTES_RE.finditer(text):
        sentence = _sentence_around(text, match.start(), match.end())
        if _BOWEL_WORDS_RE.search(sentence) or _DIARRHOEA_WORDS_RE.search(sentence):
            continue  # "going every 20 minutes" of the bowels
        if not (_URINE_WORDS_RE.search(text) or _DRINKING_RE.search(text)):
            continue  # of nothing said: the text must speak of urine, in this sentence or another
        if match["often"] and match["verb"].lower() not in _GOING and _DRINKING_RE.search(text):
            continue  # "so thirsty and weeing constantly": the lay authors code Polyuria (the lexicon's)
        group = next(g for g in ("every", "often", "count") if match[g])
        readings += _read(tokens, match.start(group), match.end(), POLLAKISURIA)  # "wees" may be a finding's
    return readings


def nocturia(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Nocturia where someone wakes, or gets up at night or several times, to pass urine."""
    readings: list[Reading] = []
    for match in _UP_TO_PEE_RE.finditer(text):
        waking = match["up"].lower().startswith(("wak", "wok"))
        if waking or _AT_NIGHT_RE.search(_sentence_around(text, match.start(), match.end())):
            readings += _read(tokens, match.start("pee"), match.end("pee"), NOCTURIA)
    for match in _PASSING_AT_NIGHT_RE.finditer(text):
        readings += _read(tokens, match.start("pee"), match.end("pee"), NOCTURIA)
    for match in _PEEING_AT_NIGHT_RE.finditer(text):  # the time, not the word a finding may have taken
        readings += _read(tokens, match.start("when"), match.end("when"), NOCTURIA)
    if _URINE_WORDS_RE.search(text):
        for match in _UP_TIMES_A_NIGHT_RE.finditer(text):
            readings += _read(tokens, match.start(), match.end(), NOCTURIA)
    return readings


def d_and_v(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Diarrhoea and vomiting from the British shorthand "D&V"."""
    readings: list[Reading] = []
    for match in _D_AND_V_RE.finditer(text):
        for term in (DIARRHEA, VOMITING):
            readings += _read(tokens, match.start(), match.end(), term)
    return readings


# Session 15: going hurting in a text about the bowels is painful defecation ("it hurts him to go", "cries
# when she goes", "screams when he does a poo", "really sore when I go"); in a sentence about urine it is not
_HURTS_TO_GO_RE = re.compile(
    r"\b(?:hurts?|hurting|sore|painful|agony|cries|crying|cried|screams|screaming|screamed)\b"
    r"(?:\s+(?:him|her|me|them|a lot|so much|really|badly))*"
    r"\s+(?:to go\b|when (?:he|she|i|they) (?:goes|go|went|tries to go|trys to go|does (?:a|one)"
    r"|did (?:a|one))|on the (?:toilet|loo|potty))",
    re.IGNORECASE,
)
PAINFUL_DEFECATION = "HP:6000222"


def painful_defecation(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Painful defecation where going to the toilet hurts in a text about the bowels."""
    if not _BOWEL_WORDS_RE.search(text):
        return []
    return _each_match(  # not "it burns when I go" of passing water
        _HURTS_TO_GO_RE,
        text,
        tokens,
        PAINFUL_DEFECATION,
        lambda m: bool(_URINE_WORDS_RE.search(_sentence_around(text, m.start(), m.end()))),
    )


# Session 16: stools said to be loose or watery in a text about the bowels are diarrhoea ("Fri loose x4",
# "going 8 or 9 times a day, all loose", "loose, smelly poos", "2 watery nappies"); not a loose joint,
# tooth or kneecap, a runny nose or watery eyes in the same sentence
_LOOSE_RE = re.compile(
    r"\b(?:loose|looser|watery|runny)\b(?=(?:,?\s+(?:and\s+)?[a-z]+){0,2}?,?\s+(?:poos?|poops?|stools?|nappies|"
    r"nappys?|diapers?|motions|bowel movements?)\b|\s*(?:[.;!?,)\n]|$|x\s?\d|\d|and\b|with\b|again\b|"
    r"today\b|now\b|since\b|most\b|every\b|all\b|too\b|as well\b|though\b|tho\b|but\b|or\b|at\b|"
    r"for\b|after\b|when\b|sometimes\b|\d))",
    re.IGNORECASE,
)
_STOOL_TEXT_RE = re.compile(
    r"\b(?:poo\w*|bowel\w*|stools?|nappy|nappies|diapers?|toilet|loo|lav|ibs|going \d+ (?:or \d+ )?times|"
    r"motions|constipat\w*|bunged|diarrh\w*)\b",
    re.I,
)
_NOT_STOOL_RE = re.compile(
    r"\b(?:joints?|teeth|tooth|skin|kneecaps?|shoulders?|hips?|knees?|ligaments?|stitch\w*|fillings?|"
    r"crowns?|nose|eyes?|catarrh|phlegm|snot|cough\w*)\b",
    re.I,
)


def loose_stools(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Diarrhoea where the stools are said to be loose or watery in a text about the bowels."""
    if not _STOOL_TEXT_RE.search(text):
        return []
    return _each_match(_LOOSE_RE, text, tokens, DIARRHEA, lambda m: _off_topic(text, m, None, _NOT_STOOL_RE))


# Session 16: in a text about urine, a stream slow to start is urinary hesitancy ("takes ages to get going",
# "I stand there an age before anything happens", "struggling to get my water going") and a need that cannot
# wait is urinary urgency ("when I need to go I need to go", "when it comes it comes NOW", "can't get to the
# loo in time")
_SLOW_START = r"(?:ages|forever|an age|a long time|long time|a while)"
_HESITANCY_RE = re.compile(
    rf"\b(?:takes?|taking|took)\s+(?:me\s+|him\s+|her\s+)?{_SLOW_START}\b"
    r"[^.;!?\n]{0,25}?\b(?:to (?:get )?(?:start\w*|going|flowing)|before anything happens)"
    r"|\b(?:wait|waiting|stand there|stood there)\b[^.;!?\n]{0,20}?"
    r"\b(?:ages|an age|forever|long time|like a lemon)"
    r"|\b(?:struggl\w*|hard|difficult|trouble)\s+(?:to\s+|getting\s+|to get\s+)?"
    r"(?:start(?:ing)?\s+(?:peeing|to pee|to wee|weeing)"
    r"|(?:my|the|his|her)\s+(?:wee|water|stream|flow|pee)\s+(?:going|started))\b",
    re.IGNORECASE,
)
_HAVING_TO = r"(?:need|needs|have|has|'ve got|'s got|got|really need) to go"
_URGENCY_RE = re.compile(
    rf"\bwhen (?:i|he|she|you) {_HAVING_TO},? (?:i|he|she|you) (?:really )?{_HAVING_TO}\b"
    r"|\bwhen it comes,? it comes\b|\bcan'?t (?:get|make it) to the (?:loo|toilet|bathroom) in time\b"
    # session 18: "I have to go urgently", "when she needs to go it's urgent", "she has to rush", "I need the
    # toilet RIGHT NOW", "the need to wee comes on so quick", "sudden urges to wee"
    r"|\b(?:go|going|wee|pee|weeing|peeing)\s+urgently\b|\bit'?s urgent\b|\b(?:has|have|had) to rush\b"
    r"|\bgo in a rush\b|\bright now\b|\bcomes on so (?:quick|quickly|fast|suddenly)\b"
    r"|\bsudden (?:urges?|need)\b",
    re.IGNORECASE,
)
URINARY_HESITANCY, URINARY_URGENCY = "HP:0000019", "HP:0000012"


def urinary_hesitancy_and_urgency(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Urinary hesitancy and urgency said by what happens, in a text about urine and not the bowels."""
    if not _URINE_WORDS_RE.search(text) or _DIARRHOEA_WORDS_RE.search(text):
        return []
    return _each_match(_HESITANCY_RE, text, tokens, URINARY_HESITANCY) + _each_match(
        _URGENCY_RE, text, tokens, URINARY_URGENCY
    )


# Session 16: in a text about the bowels and not urine, a need to go that cannot wait is bowel urgency
# ("needing to poo urgently", "desperate for a poo", "I have to run for it", "running to the loo after meals")
_BOWEL_URGENCY_RE = re.compile(
    r"\b(?:poo|go|going)\s+urgently\b|\bdesperate (?:for|to) (?:a )?poo\b|\b(?:have|had|has) to run for it\b"
    r"|\brunning to the (?:loo|toilet|bathroom)\b",
    re.IGNORECASE,
)
BOWEL_URGENCY = "HP:0012701"


def bowel_urgency(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Bowel urgency where the need to go cannot wait, in a text about the bowels and not about urine."""
    if _URINE_WORDS_RE.search(text) or not (_BOWEL_WORDS_RE.search(text) or _DIARRHOEA_WORDS_RE.search(text)):
        return []
    return _each_match(_BOWEL_URGENCY_RE, text, tokens, BOWEL_URGENCY)


# Session 16: passing urine that burns or stings is dysuria, however far the words run ("it burns like hell
# when I wee", "stings like nettles when I wee", "wee burns", "my water's burnin like fire"); "when I go"
# only in a text about urine and not the bowels
_BURNS_WHEN_RE = re.compile(
    r"\b(?:burn|burns|burning|burnin|sting|stings|stinging)\b[^.;!?\n]{0,20}?\bwhen (?:i|he|she|they|you) "
    r"(?P<what>wee|wees|pee|pees|go|goes|pass water|passes water|urinate)\b"
    # session 19: the verb without its ending, as Deaf and second-language writers put it ("wee burn")
    r"|\b(?:wee|pee|urine|water)(?:'s| is| has been)?\s+"
    r"(?:burns|stings|burning|stinging|burnin|burn|sting)\b",
    re.IGNORECASE,
)
DYSURIA = "HP:0100518"


def burning_urine(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Dysuria where passing urine burns or stings."""
    about_urine = bool(_URINE_WORDS_RE.search(text)) and not _BOWEL_WORDS_RE.search(text)
    return _each_match(
        _BURNS_WHEN_RE,
        text,
        tokens,
        DYSURIA,
        lambda m: m["what"] is not None and m["what"].lower() in ("go", "goes") and not about_urine,
    )


# Session 18: in a text about urine and not the bowels, passing urine said not to burn, sting or hurt ("No
# burning or stinging", "doesn't sting though", "no pain when I pass water", "blood in my wee, no pain with
# it") excludes dysuria, as the lay authors code it (30 exclusions missed over the read sets), in place of
# the Pain that "no pain" read; a pain denied at a site ("no pain in my back") is that site's
_NOT_BURNING_RE = re.compile(
    r"\b(?:no|nae|without|not any)\s+(?P<no>burn\w*|sting\w*|pain)\b(?!\s+(?:in|on|at|round|around|down|"
    r"across|under|behind)\b)"
    r"|\b(?:doesn'?t|dosent|does not|didn'?t|did not|don'?t|do not|isn'?t|never)\s+"
    r"(?P<not>burn|sting|hurt)\w*\b(?!\s+(?:to (?:walk|move|touch|eat)|my|his|her|the))",
    re.IGNORECASE,
)
_GALLBLADDER_RE = re.compile(r"\bgall ?bladder\b", re.IGNORECASE)


def not_burning(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Dysuria excluded where passing urine is said not to burn, sting or hurt, in a text about urine."""
    if (
        not _URINE_WORDS_RE.search(_GALLBLADDER_RE.sub(" ", text))
        or _BOWEL_WORDS_RE.search(text)
        or _DIARRHOEA_WORDS_RE.search(text)
    ):
        return []
    return _absent(_each_match_on(_NOT_BURNING_RE, text, tokens, DYSURIA, ("no", "not")))


# Session 16: leaking poo or not making it to the toilet is incontinence: of the bowel in a text about the
# bowels, of urine in a text about urine ("I leak poo when I pass wind", "pooed myself in my sleep", "didn't
# make it to the toilet in time", "a couple of accidents"); a text about both or neither says nothing.
# Session 18: "… and sometimes she doesn't make it." with the clause ending there
_LEAKED_POO_RE = re.compile(
    r"\b(?:leak\w*|soil\w*)\s+(?:a (?:little )?bit of |some )?poo\b"
    r"|\bpoo(?:ed|ped)?\s+(?:myself|herself|himself|themselves|(?:my|his|her) (?:pants|trousers|knickers))\b",
    re.IGNORECASE,
)
_NOT_IN_TIME_RE = re.compile(
    r"\b(?:didn'?t|doesn'?t|don'?t|not always|never|can'?t|couldn'?t|won'?t|not)\s+(?:quite\s+|always\s+)?"
    r"mak(?:e|es|ing) it(?:\s+(?:to the (?:toilet|loo|bathroom)|in time)\b|(?=\s*(?:[.,;!?)]|$|and\b|so\b)))"
    r"|\b(?:had|having|has|a couple of|a few|an?)\s+(?:little\s+)?accidents?\b",
    re.IGNORECASE,
)
BOWEL_INCONTINENCE, URINARY_INCONTINENCE = "HP:0002607", "HP:0000020"


def incontinence(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Bowel or urinary incontinence where poo leaks or the toilet is not reached in time, by what the
    text is about."""
    about_urine = bool(_URINE_WORDS_RE.search(text))
    about_bowels = bool(_BOWEL_WORDS_RE.search(text) or _DIARRHOEA_WORDS_RE.search(text))
    found = _each_match(_LEAKED_POO_RE, text, tokens, BOWEL_INCONTINENCE)
    if about_urine != about_bowels:
        found += _each_match(
            _NOT_IN_TIME_RE, text, tokens, URINARY_INCONTINENCE if about_urine else BOWEL_INCONTINENCE
        )
    return found


def bowels_not_opened(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Constipation where the bowels have not been opened for days ("haven't been for 6 days" counts only
    in a text about the bowels)."""
    readings: list[Reading] = []
    for match in _NO_POO_RE.finditer(text):
        said = match.group().lower()
        if " been for " in said and not re.search(r"poo|number", said) and not _BOWEL_WORDS_RE.search(text):
            continue  # "haven't been for 6 days" of work or the gym
        readings += _read(tokens, match.start(), match.end(), CONSTIPATION)
    return readings


def vomiting(lowers: list[str]) -> list[Reading]:
    """Vomiting where "sick"/"sickness" means it (see the module docstring); ``lowers`` are the tokens'
    lower-case words ("" for punctuation)."""
    return [
        Reading(i, i, VOMITING)
        for i, word in enumerate(lowers)
        if (word == "sick" and _been_sick(lowers, i)) or (word == "sickness" and _sickness(lowers, i))
    ]


def the_runs(lowers: list[str]) -> list[Reading]:
    """Diarrhoea where someone has, had or got "the runs" (or "the trots")."""
    return [
        Reading(i - 1, i, DIARRHEA)
        for i, word in enumerate(lowers)
        if word in _RUNS
        and i >= 2
        and lowers[i - 1] == "the"
        and (
            lowers[i - 2] in _BEFORE_THE_RUNS
            or (
                i >= 3 and lowers[i - 2] in _OBJECTS and lowers[i - 3] in _BEFORE_THE_RUNS
            )  # "given me the runs"
        )
    ]


def _having(word: str) -> bool:
    return word in _HAVING or word.endswith(("'ve", "'d"))


def _been_sick(lowers: list[str], i: int) -> bool:
    after = lowers[i + 1] if i + 1 < len(lowers) else ""
    if after == "of" and a_time_of_day(lowers, i + 2):
        after = ""  # session 14: British "sick of a morning" (in the mornings) is vomiting, not "sick of it"
    if after in _NOT_VOMIT_AFTER or (after == "and" and lowers[i + 2 : i + 3] == ["tired"]):
        return False
    if after == "with" and lowers[i + 2 : i + 3] and lowers[i + 2] in _ILL_WITH:
        return False  # "sick with a cold": ill
    if _COUNT_RE.match(after) or after in _COUNTS:
        return True  # a diary's "sick x2"
    j = i - 1
    if j >= 0 and lowers[j] in _SELF:
        return j >= 1 and lowers[j - 1] in _MAKING  # "making herself sick"
    while j >= 0 and lowers[j] in _ADVERBS:
        j -= 1
    return j >= 0 and lowers[j] in _BE


def _sickness(lowers: list[str], i: int) -> bool:
    before = lowers[i - 1] if i else ""
    after = lowers[i + 1 : i + 3]
    return (
        before in _SICKNESS_BEFORE
        or (after[:1] == ["and"] and after[1:] and after[1] in _DIARRHOEA)
        or (before == "and" and i >= 2 and lowers[i - 2] in _DIARRHOEA)
    )


# Session 17: the bottom sore, painful or stinging in a text about the bowels is anal pain ("bum is really
# sore when I go, like passing glass", "sharp stabbing pain up my bum", "blood on the paper … it's sore
# down there"), not buttock pain; the reading takes the place of the word's Buttock pain
_SORE_BOTTOM_RE = re.compile(
    r"\b(?:bum|bottom|backside|back passage|bum ?hole|anus|down there)\b[^.;!?\n]{0,25}?"
    r"\b(?:sore|pain\w*|hurts?|agony|stings?|stinging|throbb\w*)\b"
    r"|\b(?:sore|pain|pains|throbbing|stinging)\b[^.;!?\n]{0,15}?\b(?:in|up|round|around) (?:my|his|her|the) "
    r"(?:bum|bottom|backside|back passage)\b",
    re.IGNORECASE,
)
_BOTTOM_WORDS_RE = re.compile(  # beside the bowel and diarrhoea words
    r"\b(?:wipe\w*|wiping|piles|haemorrhoid\w*|hemorrhoid\w*|blood on the paper|when i go|when he goes|"
    r"when she goes|split|tear|fissure)\b",
    re.IGNORECASE,
)
ANAL_PAIN = "HP:0500005"


def sore_bottom(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Anal pain: the bottom sore in a text about the bowels."""
    if not (
        _BOWEL_WORDS_RE.search(text) or _DIARRHOEA_WORDS_RE.search(text) or _BOTTOM_WORDS_RE.search(text)
    ):
        return []
    return _each_match(_SORE_BOTTOM_RE, text, tokens, ANAL_PAIN)


# Session 17: little or no urine said by its count or its absence ("only 1 wet nappy today", "wet nappies x3
# today (usually 6-7)", "hasn't had a wet diaper since this morning", "not peed since this morning", "barely
# peeing", "urine is very less") is oliguria
_LITTLE_URINE_RE = re.compile(
    r"\b(?:only|just)\s+(?:had\s+)?(?:[0-3]|one|two|three)\s+wet\s+(?:nappies|nappys?|diapers?)\b"
    r"|\bwet\s+(?:nappies|diapers):?\s+(?:only\s+)?(?:x\s*)?[0-3]\b"
    r"|\b(?:hasn't|hasnt|has not|haven't|havent|have not|not|hadn't|hadnt)\s+(?:had\s+)?(?:a\s+)?"
    r"(?:wet\s+(?:nappy|nappies|diaper)|peed|weed|passed urine|passed water|had a wee|had a pee)\s+"
    r"(?:since|all day|today|for)\b"
    r"|\bdry\s+(?:nappies|nappy|diapers?)\s+(?:since|all|for)\b"
    r"|\b(?:barely|hardly)\s+(?:peeing|peed|weeing|weed|passing urine|passed any urine|passing water)\b"
    r"|\b(?:peeing|weeing|passing urine|passing water)\s+(?:much\s+)?less\b|\burine is (?:very )?less\b"
    r"|\b(?:haven't|havent|hasn't|hasnt|not)\s+peed\s+much\b",
    re.IGNORECASE,
)
OLIGURIA = "HP:0100520"


def little_urine(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Oliguria from few wet nappies, none since a time, or barely passing urine."""
    return _each_match(_LITTLE_URINE_RE, text, tokens, OLIGURIA)


# Session 17: urine said dark as cola, coke or strong tea, or brown, is dark urine ("my wee is like the colour
# of coke", "his water is as dark as tea", "pee came out dark brown like coke after leg day")
_DARK_URINE_RE = re.compile(
    r"\b(?:wee|pee|peeing|urine|water|p)\b[^.;!?\n]{0,30}?\b(?:cola|coke|(?:strong )?tea|dark orange|"
    r"(?:dark )?brown)\b",
    re.IGNORECASE,
)
DARK_URINE = "HP:0040319"


def dark_urine(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Dark urine: urine like cola, coke or strong tea, or brown."""
    return _each_match(_DARK_URINE_RE, text, tokens, DARK_URINE)


# Session 17: urine that smells (strong, bad, fishy, funny) or stinks, in a text about urine, is an abnormal
# urinary odour ("her wee really stinks", "it smells really strong" after "when I wee it burns"), not body
# odour; the reading takes the place of Body odor
_URINE_SMELLS_RE = re.compile(
    r"\b(?:smells|smelt|smelled|smelly|stinks|stinky|stank|whiffy|pongs|fishy smell|doesn'?t smell right)\b",
    re.IGNORECASE,
)
URINARY_ODOR = "HP:0012088"


def urine_smells(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """An abnormal urinary odour where the urine smells, in a sentence about urine."""
    return _each_match(
        _URINE_SMELLS_RE,
        text,
        tokens,
        URINARY_ODOR,
        lambda m: not _URINE_WORDS_RE.search(_sentence_around(text, m.start(), m.end())),
    )


# Session 17: urine that cannot be passed, or a bladder that feels full or never empties, is urinary
# retention ("can't pass water since this morning", "I can't wee properly after the birth, I feel full but
# only a dribble comes out", "bladder never feels like it's emptied")
_RETENTION_RE = re.compile(
    r"\b(?:can'?t|cannot|cannae|couldn'?t|could not|unable to)\s+(?:pass (?:water|watter|urine)|wee|pee|"
    r"urinate|go at all)\b(?!\s+without)"
    r"|\b(?:never|doesn'?t|don'?t|not)\s+feels?\s+(?:like\s+(?:it'?s|i'?ve|my bladder'?s?|it has)\s+)?"
    r"(?:been\s+)?(?:emptied|empty)\b"
    r"|\bbladder\s+(?:feels\s+)?(?:full|never empties)\b",
    re.IGNORECASE,
)
URINARY_RETENTION = "HP:0000016"


def retention(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Urinary retention: urine that cannot be passed, or a bladder that never empties."""
    if not _URINE_WORDS_RE.search(text) and "water" not in text.lower():  # "can't pass water"
        return []
    return _each_match(_RETENTION_RE, text, tokens, URINARY_RETENTION)


# Session 18: feeling sick with words between ("felt hot and sick first", "feel dizzy and sick", "I feel a bit
# sick", "makes me feel physically sick", "feelin sik every mornin") is nausea, as "feel sick" is
_FEELS_SICK_RE = re.compile(
    r"\b(?:feel|feels|feeling|felt|feelin|go|goes|went)\s+(?:(?:a bit|a little|really|so|very|physically|"
    r"quite|all|hot and|dizzy and|clammy and|clamy and|sweaty and|bloated and|faint and)\s+)+"
    r"(?P<sick>sick|sik|seasick|queasy|queezy)\b"
    r"|\b(?:feel|feels|feeling|felt|feelin)\s+(?P<sick2>sik|queezy)\b",
    re.IGNORECASE,
)
NAUSEA = "HP:0002018"


def feels_sick(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Nausea, read on the word "sick" after a feeling and the words between."""
    return _each_match_on(_FEELS_SICK_RE, text, tokens, NAUSEA, ("sick", "sick2"))


# Session 18: blood denied without saying where ("No blood.", "no blood in it", "never any blood", "not
# bleeding") is denied where the text is about: in the phlegm of a text about a cough (Hemoptysis) or in the
# stools of a text about the bowels (Hematochezia). Not in a text about diarrhoea (the lay authors split
# between Bloody diarrhea and Hematochezia there: 16 / 9), urine or vomit, or about more than one of them
_NO_BLOOD_RE = re.compile(
    r"\b(?:no|nil|nae|never any|not any|without)\s+(?P<blood>blood|bleeding|blud)\b"
    r"(?!\s+(?:in (?:my|the|his|her|your) (?:wee|urine|pee|water|sick|vomit|eyes?|nose|gums?|spit)|test|"
    r"tests|pressure|sugar|results?|work|clots?|loss|thinners?))"
    r"|\bnot (?P<bleeding>bleeding|passing any blood)\b",
    re.IGNORECASE,
)
_COUGH_WORDS_RE = re.compile(r"\b(?:cough\w*|coff\w*|phlegm|flem|sputum|hack\w*|spit\w*|muck)\b", re.I)
_BOWELS_OR_PILES_RE = re.compile(
    r"\b(?:poo\w*|bowel\w*|constipat\w*|consti pated|stool\w*|motions?|piles|bum|back passage|bunged)\b",
    re.IGNORECASE,
)
_NOT_THE_PHLEGM_OR_STOOLS_RE = re.compile(
    r"\b(?:wee|pee|urin\w*|pass(?:ing)? water|sick|vomit\w*|threw up|throw\w* up|diarrh\w*|diarea|the runs|"
    r"loose|watery|runny|nose|period\w*)\b",
    re.IGNORECASE,
)
# Session 19: and in the urine of a text about passing urine (Hematuria: "Burning & smelly wee. No blood
# seen.", "No pain when I pass water and no blood that I've seen")
_PASSING_URINE_RE = re.compile(
    r"\b(?:wee|wees|weeing|pee|pees|peeing|urin\w*|pass(?:ing)? water|water infection|cystitis|urinal)\b",
    re.IGNORECASE,
)
_NOT_THE_URINE_RE = re.compile(
    r"\b(?:cough\w*|phlegm|sputum|poo\w*|bowel\w*|stool\w*|sick|vomit\w*|threw up|diarrh\w*|diarea|"
    r"the runs|nose|period\w*|pads?|spotting)\b",
    re.IGNORECASE,
)
HEMOPTYSIS, HEMATOCHEZIA, HEMATURIA = "HP:0002105", "HP:0002573", "HP:0000790"
_WHERE_BLOOD_IS_DENIED = (
    (HEMOPTYSIS, _COUGH_WORDS_RE, _NOT_THE_PHLEGM_OR_STOOLS_RE),
    (HEMATOCHEZIA, _BOWELS_OR_PILES_RE, _NOT_THE_PHLEGM_OR_STOOLS_RE),
    (HEMATURIA, _PASSING_URINE_RE, _NOT_THE_URINE_RE),
)


def blood_denied(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Hemoptysis, Hematochezia or Hematuria excluded where blood is denied in a text about a cough, the
    bowels or passing urine, and about one of them only."""
    about = [
        term for term, said, other in _WHERE_BLOOD_IS_DENIED if said.search(text) and not other.search(text)
    ]
    if len(about) != 1:
        return []
    return _absent(_each_match_on(_NO_BLOOD_RE, text, tokens, about[0], ("blood", "bleeding")))


# Session 20: a urine infection counted ("Third UTI since September", "Got a UTI again, 4th one this year",
# "another water infection, that's 3 since Christmas") is Recurrent urinary tract infections: HPO has no
# term for one infection, so a single UTI reads nothing
_UTI = r"(?:utis?|water infections?|urine infections?|bladder infections?|urinary (?:tract )?infections?)"
_ORDINAL = r"(?:second|third|fourth|fifth|sixth|seventh|\d+(?:st|nd|rd|th))"
_COUNTED_UTI_RE = re.compile(
    rf"\b{_ORDINAL}\s+(?P<uti>{_UTI})\b"
    rf"|\b(?P<uti2>{_UTI})\s+again\b[^.;!?\n]{{0,20}}?\b{_ORDINAL}\s+(?:one|time)\b",
    re.IGNORECASE,
)
RECURRENT_UTIS = "HP:0000010"


def counted_utis(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Recurrent urinary tract infections where a urine infection is counted as the second or later."""
    return _each_match_on(_COUNTED_UTI_RE, text, tokens, RECURRENT_UTIS, ("uti", "uti2"))


# Session 20: cramps in a text about the bowels or the belly, and about no limb, muscle or period ("Diarrhoea
# since Tuesday … with stomach cramps", "crampy pains low down", "bit of cramping with it") are Abdominal
# cramps, as the lay authors code them (56 of 63 read texts; 6 code Abdominal pain), in place of the Muscle
# spasm, Pain or Abdominal pain read on the same words
_GUT_WORDS_RE = re.compile(
    r"\b(?:diarr\w*|diarh\w*|diarea|the runs|squits|trots|loose|watery|stools?|bowels?|constipat\w*|bunged|"
    r"poo\w*|ibs|tummy|belly|stomach|stomac|stomch|food poisoning|wind|bloat\w*|gut)\b",
    re.IGNORECASE,
)
_LIMB_OR_MUSCLE_RE = re.compile(
    r"\b(?:legs?|calf|calves|foot|feet|toes?|hands?|fingers?|thighs?|muscles?|periods?|arms?|neck|back)\b",
    re.IGNORECASE,
)
_CRAMPS_RE = re.compile(
    r"\b(?:cramp\w*|krams?|crampz)\b(?:\s+(?:\w+\s+){0,2}?(?:pains?|aches?))?", re.IGNORECASE
)
ABDOMINAL_CRAMPS = "HP:0032155"


def gut_cramps(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Abdominal cramps for cramps in a text about the bowels or the belly and about no limb or muscle."""
    if not _GUT_WORDS_RE.search(text) or _LIMB_OR_MUSCLE_RE.search(text):
        return []
    return _each_match(_CRAMPS_RE, text, tokens, ABDOMINAL_CRAMPS)


# Session 20: passing a lot of urine said beside thirst or drinking a lot ("so thirsty and weeing constantly",
# "drinking 4 litres a day and peeing gallons", "always thursty … weeing all the time") is Polyuria, as the
# lay authors code the pair (21 read texts), in place of the Pollakisuria read on "weeing all the time";
# going to the toilet often stays Pollakisuria ("drinking loads and going to the toilet constantly")
_PASSING_A_LOT_RE = re.compile(
    r"\b(?:wee|wees|weeing|pee|pees|peeing|urinat\w*|bee)\b[^.;!?\n]{0,12}?\b(?:all the time|constantly|"
    r"a lot|alot|loads|a ton|tons|gallons|litres|liters|buckets|many times|every time|non-?stop|so much)\b",
    re.IGNORECASE,
)
POLYURIA = "HP:0000103"


def thirsty_and_weeing(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Polyuria where passing urine a lot is said in a text about thirst or drinking a lot."""
    if not _DRINKING_RE.search(text):
        return []
    return _each_match(_PASSING_A_LOT_RE, text, tokens, POLYURIA)
