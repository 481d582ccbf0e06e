"""Readings of fits, faints, the mind and speech.

"had a fit, went stiff then his arms and legs were jerking": a seizure described as stiffening followed
by jerking or shaking is a tonic-clonic one (``stiff_then_jerking`` gives the description's span; the
annotator makes the seizure said before it *Bilateral tonic-clonic seizure*).

Session 16 added being on edge, sight fading on standing, light that hurts and a child's few words; session
17 a collapse someone came round from, staring spells with automatisms, disorientation, forgetting and
seeing things that are not there; session 18 a fall and crying often.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from symptomdb.text.normalise import Token

from ._base import Reading, _each_match, _each_match_on, _in_a_sentence_with, _said_of, _sentence_around
from .diabetes import about_blood_sugar

_STIFF = frozenset({"stiff", "stiffened", "stiffens", "stiffening", "rigid"})
_JERKING = ("jerk", "shak", "shook", "convuls", "twitch")
_SEQUENCE = frozenset({"then", "and", "before", "followed", ","})
_DESCRIPTION_WORDS = 12


# Session 16: a person "on edge" is anxious ("I'm on edge constantly", "feel permanently on edge"); not "on
# the edge of the bed" or "on edge of"
_ON_EDGE_RE = re.compile(r"\bon\s+e(?:dge|gde)\b(?!\s+of\b)", re.IGNORECASE)
ANXIETY = "HP:0000739"


def on_edge(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Anxiety where someone is on edge."""
    return _each_match(_ON_EDGE_RE, text, tokens, ANXIETY)


# Session 16: sight that goes grey, black or fuzzy for a moment is a near faint, presyncope ("every time I
# stand up too fast everything goes black", "everything went black round the edges"); the colour is no
# pallor of the skin (data/figures-of-speech.tsv)
_VISION_FADES_RE = re.compile(
    r"\b(?:everything|it all|my vision|vision|things|my eyes)\s+"
    r"(?:goes|go|went|going|turns|turned|gets|got)\s+(?:all\s+)?(?:black|grey|gray|dark|dim|fuzzy)\b",
    re.IGNORECASE,
)
PRESYNCOPE = "HP:0031972"


_FAINTED_RE = re.compile(
    r"(?<!not )(?<!never )(?<!n't )(?<!nt )(?<!actually )\b(?:fainted|passed out|blacked out|came round)\b",
    re.I,
)


def vision_fades(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Presyncope where everything goes grey or black for a moment, in a sentence where no one fainted (the
    faint is the finding then: "I fainted at work, went hot and clammy then everything went black")."""
    return _each_match(
        _VISION_FADES_RE,
        text,
        tokens,
        PRESYNCOPE,
        lambda m: bool(_FAINTED_RE.search(_sentence_around(text, m.start(), m.end()))),
    )


# Session 17: a collapse someone came round from by themselves, or was "out for" seconds or a minute or
# two, is a faint, Syncope ("collapsed at the bus stop, came to after 20 seconds", "was out for maybe 10
# secs"). Not when the text names a fit or a stiffening (the coming round is the fit's end), a blow to the
# head (knocked out, out cold), sleep, or an operation (coming round from the anaesthetic), and "came
# round" must end its clause ("came round for tea" is a visit).
_OUT_FOR_RE = re.compile(
    r"(?:\b(?:was|were|is|been|only|i'm|went)\s+|,\s*)out\s+(?:cold\s+)?(?:for\s+)?"
    r"(?:about\s+|maybe\s+|approx\.?\s+|around\s+|roughly\s+|like\s+|only\s+|under\s+|less than\s+|~\s*)?"
    r"(?:\d+|a few|a couple(?: of)?|half a|a|one|two|few)\s*(?:secs?|seconds?|mins?|minutes?)\b"
    r"|\b(?:woke|wake|waking|woken)\s+up\s+on\s+the\s+floor\b",  # session 18
    re.IGNORECASE,
)
# session 18: a fit denied ("no fit or shaking", "never shake or jerk, no fit") says it was not one
_DENIED_FIT_RE = re.compile(
    r"\b(?:no|not|never|without|nor|didn't|did not|wasn't)\s+(?:\w+\s+){0,3}?(?:fits?|fitting|seizures?|"
    r"convuls\w*|shak\w*|jerk\w*)(?:\s+or\s+(?:fits?|fitting|shak\w*|jerk\w*))?\b",
    re.IGNORECASE,
)
_CAME_ROUND_RE = re.compile(
    r"\b(?:came|comes|come|coming)\s+(?:round|around|to)\b(?=\s*(?:[.,;!)]|$|after\b|in\b|within\b|quick|"
    r"straight|on\b|by\b|and\b|but\b|then\b|again\b|a few\b|about\b|pretty\b|fine\b|ok\b|okay\b))",
    re.IGNORECASE,
)
_COLLAPSED_RE = re.compile(
    r"\b(?:collaps\w*|(?:went|go|goes|gone|going)\s+down|dropped|slump\w*|keel\w* over|crumpl\w*|"
    r"on the floor|hit the (?:floor|deck|ground)|passed out|pass out|fainted|faint|blacked out|went limp|"
    r"fell)\b",
    re.IGNORECASE,
)
_NOT_A_FAINT_RE = re.compile(
    r"\b(?:fits?|fitting|seizures?|convuls\w*|knock\w*|out cold|asleep|went (?:rigid|stiff)|"
    r"hit (?:his|her|my) head|banged (?:his|her|my) head|head injury|anaesthetic|anesthetic|operation|op|"
    r"surgery|sedat\w*|holds? (?:his|her) breath|breath[- ]holding)\b",
    re.IGNORECASE,
)
SYNCOPE = "HP:0001279"


def came_round(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Syncope from a collapse that someone came round from, or was out for a short while."""
    if _NOT_A_FAINT_RE.search(_DENIED_FIT_RE.sub(" ", text)):
        return []
    readings = _each_match(_OUT_FOR_RE, text, tokens, SYNCOPE)
    if _COLLAPSED_RE.search(text):
        readings += _each_match(_CAME_ROUND_RE, text, tokens, SYNCOPE)
    return readings


# Session 17: a spell of staring or not answering with automatisms, the lips smacking, chewing, picking at
# or fiddling with things, is a focal impaired awareness seizure as an eyewitness tells it ("stared at the
# wall, smacking his lips and fiddling with his pen, didn't answer when we said his name")
_AUTOMATISM_RE = re.compile(
    r"\b(?:smack\w*\s+(?:(?:his|her|my|their)\s+)?lips|lip[- ]?smack\w*|chew(?:s|ed|ing)?|"
    r"pick(?:s|ed|ing)\s+at|fiddl\w*\s+with|fumbl\w*|pluck\w*\s+at)\b",
    re.IGNORECASE,
)
_UNAWARE_RE = re.compile(
    r"\b(?:star(?:e|es|ed|ing)|blank|vacant|glazed|zon(?:e|es|ed|ing) out|"
    r"(?:didn't|doesn't|don't|did not|does not|do not|not|wouldn't|won't|couldn't)\s+"
    r"(?:answer\w*|respond\w*|react\w*)|unresponsive)\b",
    re.IGNORECASE,
)
FOCAL_IMPAIRED_AWARENESS_SEIZURE = "HP:0002384"


def automatisms(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """A focal impaired awareness seizure from automatisms where someone stares or does not answer."""
    if not _UNAWARE_RE.search(text):
        return []
    return _each_match(_AUTOMATISM_RE, text, tokens, FOCAL_IMPAIRED_AWARENESS_SEIZURE)


# Session 17: not knowing where one is, who someone is or what day it is, and getting lost, is confusion
# (disorientation) as the authors code it ("doesnt know where she is", "didn't know who I was for twenty
# minutes", "barely knows what year it is", "got lost driving home from the shop he's used for 30 years")
_DISORIENTED_RE = re.compile(
    r"\b(?:didn't|didnt|doesn't|doesnt|don't|dont|did not|does not|do not|not|no|barely|hardly|couldn't|"
    r"couldnt|couldnae|can't|cant|cannot|unable to)\s+(?:know|knows|knowing|knowin|tell(?:\s+(?:me|us))?|"
    r"say|remember|work out)\s+(?:(?:his|her|my) (?:own )?name or\s+)?"
    r"(?:who (?:i|she|he|we|they) (?:was|is|am|were|are)"
    r"|where (?:she|he|i|they|we) (?:was|is|am|were|are|lived|lives|live)"
    r"|what (?:day|year|month|time|day of the week) it (?:is|was))\b",
    re.IGNORECASE,
)
_GETS_LOST_RE = re.compile(r"\b(?:get|gets|got|getting|gone)\s+lost\b", re.IGNORECASE)
CONFUSION = "HP:0001289"


def disoriented(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Confusion from not knowing where, who or when, and from getting lost."""
    return _each_match(_DISORIENTED_RE, text, tokens, CONFUSION) + _each_match(
        _GETS_LOST_RE, text, tokens, CONFUSION
    )


# Session 17: forgetting, said as a habit or of what memory loses ("forgets everything", "forgetting the
# grandchildren's names", "went upstairs and forgot what for", "has forgotten how to work the remote"), is
# memory impairment. Not forgetting to do something ("forget to eat when I'm gaming", "forgot to take the
# tablets": a lapse, or appetite), not "I'd rather forget" or "forget it"
_FORGETS_RE = re.compile(
    r"(?<!rather )(?<!never )\b(?:forget|forgets|forgetting)\b(?!['’]?\s+(?:to|it|about it)\b)"
    r"|\b(?:forgot|forgotten)\s+(?:what|why|where|how|who|that|names?|words?|things|everything|"
    r"(?:(?:his|her|my|our|the)\s+)?\w+'s)\b",
    re.IGNORECASE,
)
MEMORY_IMPAIRMENT = "HP:0002354"


def forgets(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Memory impairment from forgetting said as a habit or of what is lost."""
    return _each_match(_FORGETS_RE, text, tokens, MEMORY_IMPAIRMENT)


# Session 17: seeing people, children or creatures that are not there, or that a reader knows are not
# ("keeps seeing bugs crawling on the walls", "sees children playing in the garden at dusk that arent
# there", "he says there's children sat on the end of his bed") is a visual hallucination. People or
# children need "not there" or what they are doing ("seeing people at the weekend" is company)
_NOT_THERE = (
    r"(?=[^.!?\n]{0,40}\b(?:aren't|arent|are not|weren't|werent|isn't|isnt|wasn't|wasnt|not) there\b)"
)
_DOING = r"(?=\s+(?:crawling|playing|sitting|sat|standing|stood|walking|running)\b)"
_CREATURES = r"(?:bugs|insects|spiders|soldiers|figures|animals|faces|small people|little people)"
_PLACED = r"(?=\s+(?:crawling|playing|sitting|sat|standing|in the|on the|under the|in corners)\b)"
_SAID_TO_BE_THERE = r"(?:people|children|kids|a man|a woman|men|someone|a dog|a cat|" + _CREATURES[3:]
_SEES_THINGS_RE = re.compile(
    r"\b(?:see|sees|seeing|saw|seen|seing)\s+(?:"
    r"(?:things|people|children|kids|faces|a man|a woman|someone)\b" + f"(?:{_NOT_THERE}|{_DOING})"
    r"|(?:(?:small|little|tiny)\s+)?" + _CREATURES + r"\b" + _PLACED + r"|things\b(?=\s*[-,–—:]))"
    r"|\b(?:says|said|states|stated|telling me|told me|convinced|insists)\s+(?:that\s+)?"
    r"there(?:'s| is| are| was| were)\s+(?:(?:small|little)\s+)?"
    + _SAID_TO_BE_THERE
    + r"\b"
    + f"(?:{_PLACED}|{_DOING})",
    re.IGNORECASE,
)
VISUAL_HALLUCINATION = "HP:0002367"


def sees_things(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """A visual hallucination: people or creatures seen that are not there."""
    return _each_match(_SEES_THINGS_RE, text, tokens, VISUAL_HALLUCINATION)


# Session 16: light that hurts or worsens it is photophobia ("the light off my phone makes it so much worse",
# "bright light is agony", "can't stand the light", "have to lie in a dark room", "screws his eyes up in the
# sun", "wants the lights off")
_LIGHT_HURTS_RE = re.compile(
    r"\b(?P<light>lights?)\b[^.;!?\n]{0,30}?\b(?:hurt\w*|agony|killing|unbearable|too bright|painful"
    r"|makes? (?:it|them|the \w+|my \w+) (?:\w+ ){0,2}worse|makes? (?:it|them|my head) (?:hurt|pound))"
    r"|\b(?:can'?t|cannot|cannae|couldn'?t) (?:stand|bear|thole|look at|take) (?:the |any |a )?"
    r"(?:bright )?lights?\b"
    r"|\blie (?:down )?in (?:a|the) dark(?: room)?\b|\bscrews? (?:his|her|my|their) eyes up in (?:the )?"
    r"(?:sun|sunlight|sunshine)\b|\bwants? the lights? off\b",
    re.IGNORECASE,
)
PHOTOPHOBIA = "HP:0000613"


def light_hurts(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Photophobia where light hurts, or someone must shut it out; read on the word "light" when the words
    after it may be another finding's ("the light makes the headache worse")."""
    return _each_match_on(_LIGHT_HURTS_RE, text, tokens, PHOTOPHOBIA, ("light",))


# Session 16: a child who "only says about 5 words" (or has, uses, knows only a few) is delayed in speech: the
# writer's "only" says the count is behind the child's age
_FEW_WORDS_RE = re.compile(
    r"\b(?:only|just)\s+(?:says|has|uses|knows|said|got|saying|using)\s+(?:about |around |maybe |like )?"
    r"(?:\d{1,2}|a few|a handful of|a couple of|one|two|three|four|five|six|ten|single)\s+(?:\w+\s+)?words\b",
    re.IGNORECASE,
)
DELAYED_SPEECH = "HP:0000750"


def few_words(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Delayed speech and language development where a child only says a few words."""
    return _each_match(_FEW_WORDS_RE, text, tokens, DELAYED_SPEECH)


# Session 15: pleasure lost in what used to give it is anhedonia ("I don't enjoy football anymore", "nothing I
# used to enjoy interests me", "gaming isn't fun anymore", "no joy in anything"; "can't be bothered with
# anything" tried: the authors mostly code it as low mood alone); the span starts at the negator, so it
# denies nothing
_ANHEDONIA_RE = re.compile(
    r"\b(?:don'?t|doesn'?t|didn'?t|can'?t|cannot|no longer|not)\s+(?:really\s+|even\s+)?"
    r"(?:enjoy|find (?:any )?(?:joy|pleasure) in|get (?:any )?(?:joy|pleasure) (?:out of|from))\b"
    r"[^.;!?\n]{0,40}?\b(?:any ?more|used to)\b"
    r"|\bnothing (?:i|he|she|we) used to (?:enjoy|love)\b"
    r"|\b(?:isn'?t|aren'?t|is not|are not|nothing (?:feels|is)) (?:fun|enjoyable) any ?more\b"
    r"|\bno (?:interest|joy|pleasure) in (?:anything|things|doing anything)\b",
    re.IGNORECASE,
)
ANHEDONIA = "HP:0012154"


def anhedonia(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Anhedonia where what used to give pleasure no longer does."""
    return _each_match(_ANHEDONIA_RE, text, tokens, ANHEDONIA)


def stiff_then_jerking(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Spans (first, last token) of "went stiff then … jerking" descriptions within one sentence."""
    spans: list[tuple[int, int]] = []
    for i, token in enumerate(tokens):
        if token.lower not in _STIFF:
            continue
        in_sequence = False
        for j in range(i + 1, min(len(tokens), i + 1 + _DESCRIPTION_WORDS)):
            word = tokens[j]
            if word.kind == "break":
                break
            in_sequence = in_sequence or word.lower in _SEQUENCE
            if in_sequence and word.kind == "word" and word.lower.startswith(_JERKING):
                spans.append((i, j))
                break
    return spans


# Session 17: blinking, shrugging or a head that jerks, over and over and not meant, beside sniffing or
# throat clearing, are motor tics ("keeps blinking hard and sniffing and doing this funny shoulder shrug, he
# says he cant stop"), not blepharospasm or myoclonus; the reading takes their place
_TIC_MOVEMENT_RE = re.compile(
    r"\b(?:blink\w*|shrug\w*|shoulder (?:jumps|jerks|goes up)|move the sholder up|head keeps jerking)\b",
    re.IGNORECASE,
)
_TIC_TEXT_RE = re.compile(
    r"\b(?:sniff\w*|throat clearing|clears? (?:his|her|my) throat|over and over|can'?t stop|cant stop|"
    r"can not stop|can'?t help|don'?t mean to|tics?|ticks?|many times|again and again)\b",
    re.IGNORECASE,
)
MOTOR_TICS = "HP:0100034"


def tic_movements(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Motor tics: blinking or shrugging over and over, beside sniffing or throat clearing."""
    if not _TIC_TEXT_RE.search(text):
        return []
    return _each_match(_TIC_MOVEMENT_RE, text, tokens, MOTOR_TICS)


# Session 22: in a text about tics, the noises are phonic tics ("a sniffing noise", "throat clearing and a
# squeak", "a little cough noise", "grunting"): a text that names tics, or blinking or shrugging beside them
_TIC_NOISE_RE = re.compile(
    r"\b(?:sniff(?:ing|s)?|grunt(?:ing|s)?|squeak(?:ing|s)?|throat[- ]clearing|clear(?:s|ing)? (?:his|her) "
    r"throat|(?:cough|humming|clicking|barking|squeaky|sniffing|grunting|high[- ]pitch(?:ed)?) "
    r"(?:noise|sound)s?)\b",
    re.IGNORECASE,
)
_TICS_NAMED_RE = re.compile(r"\b(?:tics?|ticks|tourette'?s?)\b", re.IGNORECASE)
PHONIC_TICS = "HP:0100035"


def tic_noises(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Phonic tics: sniffing, grunting, squeaks, throat clearing or a cough noise in a text about tics."""
    if not (_TICS_NAMED_RE.search(text) or _TIC_MOVEMENT_RE.search(text)):
        return []
    return _each_match(_TIC_NOISE_RE, text, tokens, PHONIC_TICS)


# Session 18: a fall told as an event ("Mum fell in the kitchen", "since his fall in January", "had a fall
# in the garden", "I've gone down in the street twice") is Falls; the word "fall" alone is kept from the
# finding (mostly a verb: "fall asleep"). Not a fall off or out of something (a bike, the sofa, bed: an
# accident the lay authors do not code), falling asleep, apart or pregnant, hair that fell out, or a fall
# in a seizure ("fell stiff", "fell straight back")
_A_FALL_RE = re.compile(
    r"\b(?P<fall>fell|had a fall|a fall|my fall|his fall|her fall|the fall)\b"
    r"(?!(?:\s+\w+){0,3}\s+(?:off|out|asleep|apart|back|pregnant|into|stiff|race|in love|for|over the|within|"
    r"between|below|above|short|to)\b)"
    r"|\b(?:i|i've|ive|he|she|he's|she's|i'd|he'd|she'd)\s+(?:\w+\s+)?"
    r"(?P<down>gone down|went down|gone over|go down)\b"
    r"(?=\s+(?:in|on|onto|twice|again|three|several|in there|\d+(?!\s*(?:kg|lb|lbs|st|stone|pounds|kilos))))",
    re.IGNORECASE,
)
_NOT_A_FALL_RE = re.compile(
    r"\b(?:hair|fell race|fell running|seizure|fit|fits|trampoline|bike|scooter|ladder|horse|monkey bars"
    # session 22: a fall told for the injury it did ("fell over the dog and landed on my wrist", "fell on the
    # ice and hurt my hand", "fell in the playground and bumped her head"): the injury is the finding, as
    # the lay authors code it (6 read texts; "fell and broke her wrist" stays a fall, 1)
    r"|landed|hurt (?:my|his|her)|bumped|banged|twisted|sprained|skiing|on (?:the )?ice)\b",
    re.IGNORECASE,
)
# a measure that fell ("her temperature fell overnight", "his sats fell to 88")
_A_MEASURE_BEFORE_RE = re.compile(
    r"\b(?:temperature|temp|sats|saturations?|weight|levels?|count|pressure|bp|sugars?|glucose|hb|"
    r"haemoglobin|hemoglobin|numbers?|reading|readings|rate|score|it|they|prices?)\s*$",
    re.IGNORECASE,
)
FALLS = "HP:0002527"


def a_fall(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Falls, read on the words that tell the fall."""

    told_otherwise = _in_a_sentence_with(_NOT_A_FALL_RE, text)
    of_a_measure = _said_of(_A_MEASURE_BEFORE_RE, text, reach=30)

    def not_a_fall(match: re.Match[str]) -> bool:
        return told_otherwise(match) or of_a_measure(match)

    return _each_match_on(_A_FALL_RE, text, tokens, FALLS, ("fall", "down"), not_a_fall)


# Session 18: crying often or over little ("crying most days", "I cry at adverts", "crying over nothing",
# "cry myself to sleep most nights", "teary most days", "I keep bursting into tears") is tearfulness. Not a
# child crying with a pain, on the potty or at a feed, and not a cry that makes a lip blue or a lump stand
# out (the finding there is named after it), and not crying one minute and laughing the next (a lability
# of mood); the lexicon names crying "for no reason"
_CRYING_OFTEN_RE = re.compile(
    r"\b(?P<cry>cry|cries|crying|cried|cri|cyring|sobbing|greetin|teary|weepy)\b"
    r"[^.;!?\n]{0,20}?\b(?:most days|every day|everyday|all the time|at adverts|at the adverts|at the telly|"
    r"over nothing|at nothing|at everything|over small|for small|a lot|on and off|on \+ off|most nights|"
    r"myself to sleep|at night|when (?:i'm|i am|she's|he's|she is|he is) alone|at work|in the car|"
    r"in the loo|literally everything|all day)\b"
    r"|\b(?P<tears>(?:keep|kept|keeps) bursting into tears|(?:teary|weepy) (?:most|all|every))\b",
    re.IGNORECASE,
)
_CRYING_WITH_SOMETHING_RE = re.compile(
    r"\b(?:pain\w*|hurts?|hurting|sore|ache\w*|screams?|screaming|touch\w*|potty|toilet|poo\w*|feeds?|"
    r"feeding|lips?|blue|lump|hernia|belly button|ear|teeth|teething|for food|for milk|laugh\w*|one minute|"
    r"the next)\b",
    re.IGNORECASE,
)
TEARFULNESS = "HP:0033705"


def crying_often(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Tearfulness, read on the crying word."""

    with_something = _in_a_sentence_with(_CRYING_WITH_SOMETHING_RE, text)
    return _each_match_on(_CRYING_OFTEN_RE, text, tokens, TEARFULNESS, ("cry", "tears"), with_something)


# Session 18: a person said to be low or down, however the words run ("Amir seemed really low today", "I've
# been low for a long time", "anxious and low since my op", "really down in myself", "so down lately") is
# depression, as the lay authors code it. Not a low or down thing (blood pressure, sugar, iron, a reading,
# "low down" as a place, "lie down", "went down")
_LOW_MOOD_RE = re.compile(
    r"\b(?:been|seemed|seems|seem|is|was|i'm|im|she's|he's|i am|he is|she is|anxious and|snappy and|"
    r"tired and|sad and|tearful and|weepy and|irritable and|flat and)\s+(?:(?:really|so|very|a bit|quite|"
    r"pretty|a little|bit|that|rather|incredibly|super)\s+)?(?P<mood>low|down)\b"
    r"(?!\s+(?:down|on|to|the|there|below|here|stairs|at|with|from|by|under|and out|low|grade|dose|level|"
    r"twice|once|\d+|two|three|four|several)\b)",
    re.IGNORECASE,
)
_LOW_THING_BEFORE_RE = re.compile(
    r"\b(?:sugars?|bp|pressure|iron|levels?|readings?|sats|oxygen|temp|temperature|bloods?|count|it|they|"
    r"weight|platelets|sodium|potassium|b12|vitamin d|thyroid|energy|battery|phone|voice|sperm|oestrogen|"
    r"estrogen|testosterone|hormones?|cortisol|calcium|ferritin|magnesium|tsh|t4|t3|height)\b"
    r"[^,.;]{0,20}$",
    re.IGNORECASE,
)
DEPRESSION = "HP:0000716"


def low_mood(text: str, tokens: Sequence[Token]) -> list[Reading]:
    """Depression, read on "low" or "down" said of a person."""

    of_a_thing = _said_of(_LOW_THING_BEFORE_RE, text, reach=30)
    of_the_sugar = about_blood_sugar(text)  # session 19: "I was low all night": a hypo (``diabetes``)

    def skip(match: re.Match[str]) -> bool:
        return of_a_thing(match) or (of_the_sugar and match["mood"].lower() == "low")

    return _each_match_on(_LOW_MOOD_RE, text, tokens, DEPRESSION, ("mood",), skip)
