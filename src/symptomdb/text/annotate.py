"""Find HPO terms in free text: ``annotate(knowledge, text) -> list[Mention]``.

1. Tokenise and normalise the text (``normalise.tokenize``).
2. Every window of words inside a clause part is looked up by its sorted stems in the lexicon. Stop words
   (at most 3 in a row), hyphens, degree/side modifiers the phrase does not need ("severely", "right")
   and one word no lexicon phrase uses may sit between its words; otherwise a window stops growing at
   the first word no lexicon phrase uses.
3. Candidates are chosen longest first (most words, gapped windows ranked lower), then by name priority;
   a chosen span blocks the candidates overlapping it.
4. Coordinations share their head on either side: "aplastic or hypoplastic nails", "cleft lip and
   palate", "involvement of the lower limbs, genitalia, and nails".
5. Abbreviations: HPO's (case-sensitive, "IUGR") and those a document defines ("... palsy (CP)"); onset
   periods ("in early childhood"), stature said of a person ("he is short"), the examiner's "couldn't
   hear any murmur", pronouns for a finding just named ("he has never had one", "mine is normal").
6. Negation, uncertainty and family history (``negation.classify``) mark mentions excluded / uncertain /
   about a relative; statements of normality (``normal``) add excluded findings.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from symptomdb.knowledge.store import Knowledge
from symptomdb.text import negation, readings
from symptomdb.text.english import NUMBER_WORDS
from symptomdb.text.figures import called_by_name, figure_positions, phrase_positions
from symptomdb.text.lexicon import (
    ContextChild,
    Key,
    Lexicon,
    get_lexicon,
    key_of,
    read_context_children,
    read_modifier_cues,
    surface_form,
)
from symptomdb.text.mention import Mention
from symptomdb.text.normal import find_absence_phrases, find_normal_statements
from symptomdb.text.normalise import (
    FILLER_WORDS,
    Token,
    is_abbreviation_plural,
    is_mapped_adjective,
    tokenize,
)
from symptomdb.text.spelling import correct_tokens
from symptomdb.text.whose import someone_elses
from symptomdb.text.yellowing import icterus_and_jaundice

MAX_STOP_WORDS_IN_WINDOW = 3  # in a row
_CONJUNCTIONS = frozenset({"and", "or", "and/or", "nor", "&"})


@dataclass(slots=True)
class _Candidate:
    first: int  # token index, inclusive
    last: int  # token index, inclusive
    words: int
    priority: int
    ids: tuple[str, ...]
    positions: tuple[int, ...]  # token indexes of the content words
    negated: bool = False  # the window skipped a negator ("joints aren't swollen")
    gaps: int = 0  # words of the window no lexicon phrase uses (they weaken the match)
    own: bool = False  # said of the patient by a pronoun ("mine is normal"): never family history


def annotate(
    knowledge: Knowledge, text: str, *, include_family: bool = False, spelling: bool = True
) -> list[Mention]:
    """HPO mentions in ``text``, in text order. Negated findings come back with ``excluded=True``;
    findings about relatives are left out unless ``include_family`` (then ``family=True``). Misspelt
    words are read as the lexicon words they stand for unless ``spelling=False`` (``spelling.py``)."""
    return annotate_with(get_lexicon(knowledge), text, include_family=include_family, spelling=spelling)


def annotate_with(
    lexicon: Lexicon, text: str, *, include_family: bool = False, spelling: bool = True
) -> list[Mention]:
    tokens = _comparatives(lexicon, tokenize(text))
    if spelling:
        tokens = correct_tokens(lexicon, tokens)
    tokens = _linking_verbs(lexicon, tokens)  # "my eyes feel dry" as "my eyes are dry"
    matching, pronouns = _pronoun_antecedents(lexicon, tokens)  # "my knees, they swell" → "knees swell"
    figures = figure_positions(tokens)  # "put on the spot", "Amelia, 16,": no finding
    candidates = [
        c
        for c in _find_candidates(lexicon, _open_headings(matching))
        if not _pronoun_one(tokens, c)
        and not _verb_use(tokens, c)
        and not (pronouns and c.positions and all(p in pronouns for p in c.positions))
        and not (figures and any(p in figures for p in c.positions))
        and not (c.first == c.last and called_by_name(tokens, c.first))  # "I saw Amelia today"
    ]
    chosen = [
        c
        for c in _select(candidates, len(tokens), tokens)
        if c.ids[0] in lexicon.inheritance or not _chromosome_context(tokens, c)
    ]  # "short arm of chromosome 4" is no finding, but "de novo deletions" is still a sporadic case
    coordinated = _expand_coordinations(lexicon, tokens, chosen)
    phrases = phrase_positions(tokens) if figures else frozenset()  # the figures of speech's own words
    if phrases:
        # session 13: "sweating buckets at night, have to change …" shares no head with "change"
        coordinated = [c for c in coordinated if not any(p in phrases for p in c.positions)]
    chosen += _new_findings(chosen, coordinated)
    chosen += _new_findings(chosen, _combined_organs(lexicon, tokens))
    _ages(lexicon, tokens, chosen)
    chosen += _document_abbreviations(lexicon, tokens, chosen)
    _abbreviation_senses(lexicon, tokens, chosen)
    chosen += _onsets(lexicon, tokens, chosen)
    chosen += _gestations(lexicon, tokens, chosen)
    found_readings = readings.find_readings(text, tokens)
    chosen[:] = _without_read_temperature_words(tokens, chosen, found_readings)
    chosen += _readings(lexicon, chosen, found_readings)  # "Temp 38.6", "she was sick twice"
    chosen = _tonic_clonic(lexicon, tokens, chosen)  # "a fit, went stiff then jerking"
    _prolonged_seizures(lexicon, tokens, chosen)  # "the seizure went on for 25 mins": Status epilepticus
    chosen += _predicates(lexicon, tokens, chosen, frozenset(figures))
    chosen = _drop_circumstances(tokens, chosen)  # "when he's tired his eye wanders": no fatigue
    chosen = _without_operation_scars(tokens, chosen)  # "numb patch beside the scar" of a C-section
    _examiner_negations(tokens, chosen)
    _negators_inside(tokens, chosen)
    chosen += _anaphora(tokens, chosen)
    # a figure of speech's word names no site ("toe curling pain" is no toe's)
    sites = (
        [t._replace(stop=True) if i in phrases else t for i, t in enumerate(matching)]
        if phrases
        else matching
    )
    chosen += _elided_sites(lexicon, sites, chosen)  # "my eyes water, but there's no pain": Ocular pain
    chosen += _red_skin(lexicon, matching, chosen)  # "left calf swollen, red and tight": Erythema
    chosen += _joint_findings(lexicon, matching, chosen)  # "R knee swollen + warm": Joint swelling
    _hot_flushes(lexicon, matching, chosen)  # "20 flushes a day": Hot flashes
    _answered_no(tokens, chosen)  # a form's "Fever? no", "Rash: nil"
    statements = [
        s
        for s in find_normal_statements(matching) + find_absence_phrases(text, tokens)
        if not any(k in figures for k in range(s.first, s.last + 1))  # "last seen well at 11pm"
    ]
    for statement in statements:  # "his hearing is fine", "his hips? they're fine", "dry during the day"
        stated = set(statement.ids)
        chosen = [  # "his temperature is normal" is no fever
            c
            for c in chosen
            if c.negated
            or not stated & set(c.ids)
            or not statement.first <= c.first <= c.last <= statement.last
        ]
        for term_id in statement.ids:
            if term_id in lexicon.scope:
                chosen.append(
                    _Candidate(statement.first, statement.last, 0, 99, (term_id,), (), negated=True)
                )
    chosen.sort(key=lambda c: (c.first, c.last))
    spans = [negation.Span(c.first, c.last) for c in chosen]
    negated, family, uncertain = negation.classify(tokens, spans)
    described = negation.described_by_negated(
        tokens, spans, [n or c.negated for n, c in zip(negated, chosen, strict=True)]
    )  # "never had a fit where he falls down": no fall
    specialised = _specialisations(lexicon, tokens, chosen)
    about_a_relative = _the_patient_is_a_relative(text)
    mentions: list[Mention] = []
    seen: set[tuple[str, int, int]] = set()
    for index, (candidate, is_negated, is_family, is_uncertain) in enumerate(
        zip(chosen, negated, family, uncertain, strict=True)
    ):
        if index in described:
            continue
        # session 19: a finding read inside a phrase its negator denies is denied too ("my ankle is not
        # swollen": the swelling that a knee earlier in the sentence made Joint swelling)
        is_negated = is_negated or candidate.negated or _inside_a_denied(candidate, chosen)
        is_family = (is_family or _of_a_parent(lexicon, tokens, candidate)) and not (
            candidate.own
            or (is_family and _shared_by_the_writer(tokens, candidate))
            or (about_a_relative and not _family_history_said(tokens, candidate.first))
        )
        if is_family and not include_family:
            continue
        start, end = tokens[candidate.first].start, tokens[candidate.last].end
        term_id = candidate.ids[0]
        if not is_negated and id(candidate) in specialised:  # "fevers every 3 weeks" → Recurrent fever
            term_id = specialised[id(candidate)]
        if (term_id, start, end) in seen:
            continue
        seen.add((term_id, start, end))
        mentions.append(
            Mention(
                hpo_id=term_id,
                label=lexicon.labels.get(term_id, term_id),
                start=start,
                end=end,
                text=text[start:end],
                excluded=is_negated,
                family=is_family,
                uncertain=is_uncertain and not is_negated,
            )
        )
    mentions = _joint_pains_together(lexicon, _without_contradicted_normality(lexicon, mentions))
    mentions = _stiff_joints(lexicon, mentions)  # "my knees are stiff first thing": Joint stiffness
    mentions = _shoulder_pains(lexicon, text, mentions)  # "can't get my arm up … aches at night"
    mentions = someone_elses(text, mentions)  # "He had a temp of 38.5 but I just have a sore throat"
    mentions = _without_parts_of_another(_without_movements_of_a_seizure(lexicon, mentions))
    mentions = _migraine_auras(lexicon, mentions)  # "my migraines start with zigzag lines"
    mentions = _febrile_seizures(lexicon, text, mentions)  # "my 2 year old had a fit, temp 40.2"
    mentions = _without_coughs_as_circumstances(text, mentions)  # "coughing makes it worse"
    mentions = _without_red_of_another(text, mentions)  # "big toe joint red, hot and swollen"
    mentions = _sleepy_not_tired(text, mentions)  # "knackered all day and nodded off at the wheel"
    mentions = _denied_after(text, mentions)  # "Fever I don't have."
    mentions = _without_rash_named_closer(mentions)  # "a rash of tiny red dots that don't fade": Petechiae
    mentions = icterus_and_jaundice(lexicon, text, mentions)  # "skin and the whites of her eyes are yellow"
    mentions = _chronic_cough(lexicon, text, mentions)  # "dry tickly cough for 3 months"
    mentions = _shaking_with_a_fever(lexicon, text, mentions)  # "temp 39.1 and I'm shaking uncontrollably"
    mentions = _low_pain_of_the_pelvis(lexicon, text, mentions)  # "lower tummy pain and a smelly discharge"
    mentions = _itch_of_the_vulva(lexicon, text, mentions)  # "a thick white discharge and really itchy"
    mentions = _itch_of_one_site(lexicon, text, mentions)  # "peeling and itchy between my toes"
    mentions = _libido_by_sex(lexicon, text, mentions)  # "my sex drive has gone since the coil"
    mentions = _dreams_of_a_trauma(lexicon, text, mentions)  # "nightmares about the crash most nights"
    mentions = _denied_pain_of_its_site(lexicon, text, mentions)  # "hearing worse … no pain": no Ear pain
    mentions = _painless_site(lexicon, text, mentions)  # "my left eye is blurry. Not painful."
    mentions = _tingling_hands_and_feet(lexicon, text, mentions)  # "pins and needles in my hands and feet"
    return _without_unspecified_complaints(lexicon, _without_a_named_allergy(mentions))


def _inside_a_denied(candidate: _Candidate, chosen: Sequence[_Candidate]) -> bool:
    """The candidate lies inside another that a negator within its words denies, after that one's start."""
    return any(
        other.negated and other.first < candidate.first and candidate.last <= other.last for other in chosen
    )


# Session 16: a message that opens on a parent or a spouse and what they are or keep doing now ("Mum has
# been off her food for 3 weeks", "Grandad is 85 and keeps falling", "my dad's been getting up to wee") and
# names no one else (no child or sibling, no "I" or "me") is about that relative: the findings are the
# patient's, as a carer writes them. Not "mum has seizures" or "my husband's family": what a relative has
# is how a family history is said.
_OPENS_ON_A_RELATIVE_RE = re.compile(
    r"^\W*(?:(?:hi|hello|dear [^,.]+)[,.!]?\s*)?(?:(?:my|our)\s+)?(?:mum|mom|mother|dad|father|husband|wife|"
    r"partner|grandad|grandpa|granny|grandma|nan|gran|mam|daddy|mummy|mother-in-law|father-in-law)"
    r"(?:\s*\(\d+\))?(?:'s been|\s+(?:has been|is|keeps|seems|can't|cannot|won't|doesn't|isn't|gets|"
    r"has started|started))\b",
    re.IGNORECASE,
)
_SOMEONE_ELSE_RE = re.compile(
    r"\b(?:sons?|daughters?|baby|babies|child|children|kids?|boy|girl|brothers?|sisters?|i|i'm|im|i've|ive|"
    r"me|myself)\b",
    re.IGNORECASE,
)
_FAMILY_HISTORY_WORDS = frozenset({"history", "runs", "same", "inherited", "genetic", "hereditary"})


# Session 21: a carer's message to the team looking after a parent or spouse opens on them after a few
# words of its own ("Could someone come out please, my husband has been very agitated since 2am", "Just to
# let the team know Grandad had a fall", "Sorry to ring again, mum is very restless") and speaks of "I"
# only as the one who looks, counts or worries ("I checked", "who I am"): it is about that relative too,
# unless the writer tells findings of their own ("I've got", "I had", "mine", "now I …") or of a child or a
# sibling ("His brother is diabetic")
_OPENS_ON_A_RELATIVE_AFTER_A_PREAMBLE_RE = re.compile(
    r"^[^.;!?\n]{0,45}?\b(?:(?:my|our)\s+)?(?:mum|mom|dad|husband|wife|grandad|grandpa|granny|grandma|nan|"
    r"gran|mam|mother-in-law|father-in-law)\s+(?:has been|is|keeps|seems|can't|cannot|won't|doesn't|isn't|"
    r"has started|had a fall|has had|has got)\b",
    re.IGNORECASE,
)
_THE_WRITERS_OWN_FINDINGS_RE = re.compile(
    r"\b(?:"
    + "|".join(
        (
            r"i(?:'ve| have)?\s+(?:got|had|also|too|get|feel|felt|am getting|'m getting)",
            r"i(?:'ve| have)?\s+been (?:having|getting)",
            r"i'?m\s+(?:getting|having|also|too|feeling)",
            r"i have (?:a|an|the|some|been)",
            r"mine|my own|me too|now i|me and|me,? i|myself",
            r"(?:my|our|his|her)\s+(?:sons?|daughters?|baby|child|kids?|boy|girl|brothers?|sisters?)"
            r"(?:'s|\s+(?:is|was|has|had|gets|got|keeps))",
            r"my (?:son|daughter|baby|child|boy|girl)",
        )
    )
    + r")\b",
    re.IGNORECASE,
)


def _the_patient_is_a_relative(text: str) -> bool:
    if _OPENS_ON_A_RELATIVE_RE.search(text) and not _SOMEONE_ELSE_RE.search(text):
        return True
    return bool(
        _OPENS_ON_A_RELATIVE_AFTER_A_PREAMBLE_RE.search(text)
    ) and not _THE_WRITERS_OWN_FINDINGS_RE.search(text)


def _family_history_said(tokens: Sequence[Token], position: int) -> bool:
    """The sentence speaks of a family history ("runs in the family", "her mother had the same")."""
    start, end = _sentence_bounds(tokens, position)
    return any(t.lower in _FAMILY_HISTORY_WORDS for t in tokens[start:end])


# Session 16: pain in two or more kinds of joint said together ("knees and hips ache", "knees + wrists
# aching", "sore knees and ankles") is joint pain, Arthralgia, as the lay authors code it (9 of 11), not a
# pain for each joint
_JOINT_PAINS = frozenset(
    {"HP:0030839", "HP:0030838", "HP:0030836", "HP:0030840", "HP:0030835", "HP:0030834"}
)  # knee, hip, wrist, ankle, elbow, shoulder
ARTHRALGIA = "HP:0002829"


# Session 19: a named joint said stiff ("my knees are stiff for half an hour", "fingers stiff first thing")
# is Joint stiffness, as the lay authors code it (23 of 28 read texts; 2 Stiff finger, 1 each Stiff knee,
# Stiff hip), not HPO's stiff joint of that name; a stiff neck or stiff shoulders (a frozen shoulder, the
# authors' own term) stay their own
_STIFF_JOINTS = frozenset(
    {
        "HP:0025265",  # toe
        "HP:0025262",  # hip
        "HP:0025260",  # wrist
        "HP:0025259",  # elbow
        "HP:0025263",  # knee
        "HP:0025261",  # finger
        "HP:0025264",  # ankle
        "HP:0005198",  # interphalangeal joints
    }
)
JOINT_STIFFNESS = "HP:0001387"


def _read_as(
    lexicon: Lexicon,
    mentions: list[Mention],
    terms: AbstractSet[str],
    reading: Callable[[Mention], str | None],
) -> list[Mention]:
    """The mentions with each of ``terms`` read as the term ``reading`` gives it, if any (the context
    readings that name a mention more closely: a stiff knee as Joint stiffness, a tremor with a fever as
    Rigors)."""
    out = []
    for m in mentions:
        other = reading(m) if m.hpo_id in terms else None
        out.append(lexicon.as_term(m, other) if other is not None else m)
    return out


def _stiff_joints(lexicon: Lexicon, mentions: list[Mention]) -> list[Mention]:
    if JOINT_STIFFNESS not in lexicon.scope or not any(m.hpo_id in _STIFF_JOINTS for m in mentions):
        return mentions
    return _read_as(lexicon, mentions, _STIFF_JOINTS, lambda m: JOINT_STIFFNESS)


# Session 20: in a text about the shoulder, a pain said without its own site that the arm lent one ("Pulled
# something in my right shoulder. Can't get my arm above my head without a sharp pain", "Shoulder's stiff …
# Aches at night too") is the shoulder's: the arm is what the shoulder cannot lift (read sets: 4 texts
# changed, 3 to the authors' Shoulder pain, 1 a wrong Upper limb pain dropped)
_SHOULDER_RE = re.compile(r"\b(?:shoulders?|sholders?|sholdas?|shouldas?|shoulda)\b", re.IGNORECASE)
_ARM_WORD_RE = re.compile(r"\barms?\b", re.IGNORECASE)
UPPER_LIMB_PAIN, SHOULDER_PAIN = "HP:0012513", "HP:0030834"


def _shoulder_pains(lexicon: Lexicon, text: str, mentions: list[Mention]) -> list[Mention]:
    if SHOULDER_PAIN not in lexicon.scope or not _SHOULDER_RE.search(text):
        return mentions
    return _read_as(
        lexicon, mentions, {UPPER_LIMB_PAIN}, lambda m: None if _ARM_WORD_RE.search(m.text) else SHOULDER_PAIN
    )


def _joint_pains_together(lexicon: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """Two or more present joint pains whose spans overlap (one coordinated phrase) become one Arthralgia."""
    joints = [m for m in mentions if m.hpo_id in _JOINT_PAINS and not m.excluded and not m.family]
    if len(joints) < 2 or ARTHRALGIA not in lexicon.scope:
        return mentions
    merged: set[int] = set()
    together: list[Mention] = []
    for i, first in enumerate(joints):
        group = [m for m in joints[i:] if m.start < first.end and first.start < m.end]
        if len({m.hpo_id for m in group}) >= 2 and not merged & {id(m) for m in group}:
            merged |= {id(m) for m in group}
            widest = max(group, key=lambda m: m.end - m.start)
            together.append(lexicon.as_term(widest, ARTHRALGIA))
    if not together:
        return mentions
    return sorted([m for m in mentions if id(m) not in merged] + together, key=lambda m: (m.start, m.end))


# Session 16: a finding said by a word that, beside another finding, is only a part of that one: the red
# phase of Raynaud's colour changes is no Erythema ("… then they go bright red and burn when they warm
# up"); "dizzy" or "giddy" beside a near faint or on standing is that lightheadedness, not Vertigo, the
# spinning ("I go dizzy and nearly pass out when I stand up"; "the room spins" stays). Rows: the finding,
# the words of its mentions that go, and the findings beside which they go.
_PART_OF_ANOTHER: tuple[tuple[str, tuple[str, ...], frozenset[str]], ...] = (
    ("HP:0010783", ("red",), frozenset({"HP:0030880"})),  # Erythema beside Raynaud phenomenon
    # Vertigo beside Presyncope, Orthostatic hypotension, Orthostatic syncope, and (session 21) Non-spinning
    # vertigo ("dizzy all day, a swimmy feeling in my head")
    ("HP:0002321", ("dizz", "giddy"), frozenset({"HP:0031972", "HP:0001278", "HP:0012670", "HP:4000033"})),
    # session 17: Falls beside Frequent falls ("3 falls this month, my legs just go from under me"; HPO does
    # not file Frequent falls under Falls)
    ("HP:0002527", ("fall", "fell", "legs", "floor", "down"), frozenset({"HP:0002359"})),
    # session 17: blistering beside the eruption or lesion the blisters make (a vesicular eruption, small
    # vesicles, a cold sore: "tingly first then blisters that crust over")
    ("HP:0008066", ("blist",), frozenset({"HP:0033697", "HP:0033700", "HP:0200037", "HP:0410028"})),
    # session 17: the itch, swelling and colour of chilblains ("toes go purple and itchy and swollen")
    ("HP:0000989", ("itch",), frozenset({"HP:0009710"})),
    ("HP:0000969", ("swell", "swollen"), frozenset({"HP:0009710"})),
    ("HP:0010783", ("red",), frozenset({"HP:0009710"})),
    # session 18: the vomiting of a vomit named more closely (blood or coffee grounds brought up, a vomit
    # after coughing, projectile or episodic vomiting: "I was sick and it looked like coffee grounds")
    (
        "HP:0002013",
        ("vomit", "sick", "threw", "throw", "puk", "brought", "brings"),
        frozenset({"HP:0002248", "HP:0032144", "HP:0034783", "HP:0002587", "HP:0002572"}),
    ),
    # session 18: "the pain" of a headache or migraine the text names ("zigzag lines half an hour before the
    # pain kicks in"); HPO does not file Headache under Pain
    ("HP:0012531", ("pain",), frozenset({"HP:0002315", "HP:0002076", "HP:0002077", "HP:0030907"})),
    # session 21: the headache of a migraine with or without aura ("my migraines start with zigzags, then a
    # throbbing headache on one side": the read sets code the migraine alone in all 10 texts that name the
    # writer's migraine), and the headache said to hold the head in a tight band, a tension-type headache.
    # Beside a plain migraine it stays: that migraine is often a relative's that the family check missed
    # ("My mum and I both get migraines", 10 such texts)
    ("HP:0002315", ("head", "hed"), frozenset({"HP:0002077", "HP:0002083", "HP:0012228"})),
)


def _without_parts_of_another(mentions: list[Mention]) -> list[Mention]:
    """The present mentions of a finding said by a word that is part of another present finding."""
    present = {m.hpo_id for m in mentions if not m.excluded and not m.family}
    for term, words, beside in _PART_OF_ANOTHER:
        if present & beside:
            mentions = [
                m
                for m in mentions
                if m.hpo_id != term or m.excluded or not any(w in m.text.lower() for w in words)
            ]
    return mentions


# Session 21: the writer's migraine beside a visual aura they have (zigzags, flashing or shimmering lights,
# a blind patch) is Migraine with aura, as the read sets code it in 9 of 9 such texts; beside an aura
# denied ("no flashing lights or zigzags beforehand") it is Migraine without aura
MIGRAINE, MIGRAINE_WITH_AURA, MIGRAINE_WITHOUT_AURA = "HP:0002076", "HP:0002077", "HP:0002083"
# Scintillating scotoma, Photopsia, Scotoma, Central scotoma, Visual field defect
_VISUAL_AURAS = frozenset({"HP:0010822", "HP:0030786", "HP:0000575", "HP:0000603", "HP:0001123"})


def _migraine_auras(lexicon: Lexicon, mentions: list[Mention]) -> list[Mention]:
    own = [m for m in mentions if not m.family and m.hpo_id in _VISUAL_AURAS]
    if not own:
        return mentions
    term = MIGRAINE_WITH_AURA if any(not m.excluded for m in own) else MIGRAINE_WITHOUT_AURA
    # a row that took the denied lights for an aura ("my migraines …, no flashing lights first") is without
    renamed = {MIGRAINE} if term == MIGRAINE_WITH_AURA else {MIGRAINE, MIGRAINE_WITH_AURA}
    if term not in lexicon.scope:
        return mentions
    return _read_as(lexicon, mentions, renamed, lambda m: None if m.excluded or m.family else term)


# Session 17: a text that names a seizure describes its movements ("had a fit, shaking all over for 2
# mins", "a seizure … went rigid, shook all over"): the shaking, jerking and stiffening are the seizure's,
# not a tremor, myoclonus, rigidity or fasciculations of their own (23 of 24 such mentions over the read
# sets were wrong). The clinical nouns stay ("epilepsy, and a tremor from her tablets").
_MOVEMENTS_OF_A_SEIZURE = frozenset(
    {"HP:0001336", "HP:0045084", "HP:0001337", "HP:0002380", "HP:0002063", "HP:0003552"}
)  # myoclonus, limb myoclonus, tremor, fasciculations, rigidity, muscle stiffness
_CLINICAL_MOVEMENT_WORDS = ("tremor", "myoclon", "fascicul")


def _without_movements_of_a_seizure(lexicon: Lexicon, mentions: list[Mention]) -> list[Mention]:
    present = {m.hpo_id for m in mentions if not m.excluded and not m.family}
    if not present & lexicon.seizures:
        return mentions
    return [
        m
        for m in mentions
        if m.hpo_id not in _MOVEMENTS_OF_A_SEIZURE
        or m.excluded
        or m.family
        or any(w in m.text.lower() for w in _CLINICAL_MOVEMENT_WORDS)
    ]


# Session 17: a cough that brings on or worsens another complaint is its circumstance, not a finding of its
# own ("Coughing/sneezing makes it worse", "worse bending + coughing", "a sharp pain when I stand up or
# cough", "a swelling in my groin when I stand up or cough"; 7 such coughs over the read sets, none coded)
_COUGH = "HP:0012735"
_WORSENS_AFTER_RE = re.compile(
    r"\s*(?:(?:/|or|and|\+|,)\s*\w+\s*)?(?:makes?|made|making)\s+(?:it|the pain|them|things|this)\s+"
    r"(?:worse|hurt|sore)",
    re.IGNORECASE,
)
_WORSENS_BEFORE_RE = re.compile(
    r"(?:\b(?:worse|hurts?|sore|sharp|pain|painful|swelling|bulge|lump)\b[^.!?\n]{0,30}\b(?:when|if|on|with)\s+"
    r"(?:i|he|she|you|they)?\s*(?:\w+\s+){0,2}(?:or|and|\+|/)\s*"
    r"|\bworse\s+(?:when\s+|with\s+|on\s+)?\w+\s*(?:\+|/|,|or|and)\s*)$",
    re.IGNORECASE,
)


def _without_coughs_as_circumstances(text: str, mentions: list[Mention]) -> list[Mention]:
    return [
        m
        for m in mentions
        if m.hpo_id != _COUGH
        or m.excluded
        or not (
            _WORSENS_AFTER_RE.match(text, m.end, m.end + 60)
            or _WORSENS_BEFORE_RE.search(text[max(0, m.start - 80) : m.start])
        )
    ]


# Session 17: "red" said in the sentence of a rash, a lump or a boil describes it ("red itchy bumps", "a
# red blotchy rash under both breasts", "a big red painful lump"): it is no Erythema of its own. Not beside
# a swelling: a calf or a toe joint "red, hot and swollen" is coded with its Erythema (tried: 32 right
# findings lost)
ERYTHEMA = "HP:0010783"
# session 20: and a nail's ("toenail's ingrown again and the skin round it is all red": 1 of 15 read texts
# with a nail and red code Erythema)
_RED_LESIONS = ("rash", "papule", "furuncle", "nodule", "pustule", "lump", "hordeolum", "boil", "nail")
_SENTENCE_END_RE = re.compile(r"[.!?\n]")


def _sentence_start(text: str, position: int, ends: re.Pattern[str] = _SENTENCE_END_RE) -> int:
    """Where the sentence around ``position`` starts: after the last end mark before it."""
    return max((m.end() for m in ends.finditer(text, 0, position)), default=0)


def _sentence_end(text: str, position: int, ends: re.Pattern[str] = _SENTENCE_END_RE) -> int:
    """Where the sentence around ``position`` ends: at the first end mark from it."""
    return next((m.start() for m in ends.finditer(text, position)), len(text))


def _without_red_of_another(text: str, mentions: list[Mention]) -> list[Mention]:
    reds = [m for m in mentions if m.hpo_id == ERYTHEMA and not m.excluded and m.text.lower() == "red"]
    if not reds:
        return mentions
    others = [
        m
        for m in mentions
        if not m.excluded and not m.family and any(w in m.label.lower() for w in _RED_LESIONS)
    ]
    dropped = {id(red) for red in reds if any(_same_sentence(text, red, other) for other in others)}
    return [m for m in mentions if id(m) not in dropped]


# Session 20: in a text about snoring or stopping breathing at night, tiredness said in the sentence of
# falling asleep in the day ("I'm knackered all day and nodded off at the lights") is that sleepiness,
# Excessive daytime somnolence, not Fatigue of its own (read sets: 10 texts code the sleepiness alone; in
# other texts, "exhausted … and fall asleep in lessons", 4 code both)
FATIGUE, DAYTIME_SOMNOLENCE = "HP:0012378", "HP:0001262"
_NIGHT_BREATHING_RE = re.compile(
    r"\b(?:snor\w*|snpre|stops? breath\w*|stopped breath\w*|apn(?:o)?ea)\b", re.I
)


def _sleepy_not_tired(text: str, mentions: list[Mention]) -> list[Mention]:
    sleepy = [m for m in mentions if m.hpo_id == DAYTIME_SOMNOLENCE and not m.excluded and not m.family]
    if not sleepy or not _NIGHT_BREATHING_RE.search(text):
        return mentions
    return [
        m
        for m in mentions
        if not (m.hpo_id == FATIGUE and not m.excluded and any(_same_sentence(text, m, s) for s in sleepy))
    ]


# Session 18: a cough that has lasted eight weeks or more (HPO's *Chronic cough*: "longer than eight weeks
# in adults") is a chronic cough too, beside its kind ("dry tickly cough for 3 months", "since one year he is
# coughing every morning with yellow spit", "… a tickly cough every morning. Been going since October so 4
# months now"), as the lay authors code it beside the kind; the duration is said in the
# cough's sentence or the next one, and is no age ("7 months old", "repaired at 9 months")
_COUGHS = frozenset({"HP:0012735", "HP:0031245", "HP:0031246"})  # Cough, Productive, Nonproductive cough
COUGH = "HP:0012735"
CHRONIC_COUGH = "HP:0034315"
_EIGHT_WEEKS_OR_MORE_RE = re.compile(
    r"(?<!\bat )(?<!\baged )\b(?:(?:(?:[89]|1\d|eight|nine|ten|eleven|twelve) weeks"
    r"|(?:[2-9]|1\d|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|a couple of"
    r"|a few) months"
    r"|(?:a|one|\d+|two|three|several|many) years?|years)(?![- ]*old)|for months|all winter|every winter)\b",
    re.IGNORECASE,
)


# Session 21: shaking beside a fever is Rigors, HPO's "episode of shaking … with a high fever" ("fevers up
# to 39.4, shaking so hard my teeth chatter", "a fever of 38.6 and the shakes"; the read sets code Rigors
# in 6 such texts, Chills in 2 and Shivering in 1), not a tremor; hands or a limb that shake, and a fit,
# stay theirs
RIGORS, TREMOR = "HP:0025145", "HP:0001337"
_SHAKING_WORDS_RE = re.compile(r"^(?:shaking|shakes|shakin|shake|shaky|shakey)$", re.IGNORECASE)
_A_PART_SHAKES_RE = re.compile(
    r"\b(?:hands?|arms?|legs?|fingers?|head|voice|lips?|chin)\b[^.;!?\n]{0,15}$", re.IGNORECASE
)


def _shaking_with_a_fever(lexicon: Lexicon, text: str, mentions: list[Mention]) -> list[Mention]:
    own = {m.hpo_id for m in mentions if not m.excluded and not m.family}
    fevers = {FEVER} | lexicon.kinds.get(FEVER, frozenset())  # as ``_febrile_seizures`` reads them
    if not own & fevers or own & lexicon.seizures or RIGORS not in lexicon.scope:
        return mentions

    def shaking(m: Mention) -> str | None:
        a_part_shakes = _A_PART_SHAKES_RE.search(text, max(m.start - 25, 0), m.start)
        return RIGORS if _SHAKING_WORDS_RE.match(m.text) and not a_part_shakes else None

    return _read_as(lexicon, mentions, {TREMOR}, shaking)


# Session 22: a pain low in the tummy in a text about a discharge, sex, a coil or a sexually caught infection
# is Pelvic pain, as the lay authors code it (7 of 7 read texts); beside bladder, bowel or period words alone
# it stays Abdominal pain ("lower abdo pain and some bleeding between periods")
_LOW_IN_THE_TUMMY_RE = re.compile(
    r"\b(?:lower|low down|bottom of)\b[^.;!?\n]{0,25}\b(?:tummy|belly|stomach|abdomen|abdo)\b"
    r"|\b(?:tummy|belly|stomach)\b[^.;!?\n]{0,10}\blow down\b",
    re.IGNORECASE,
)
_PELVIC_TEXT_RE = re.compile(
    r"\b(?:discharge|sex|intercourse|coil|iud|sti|chlamydia|gonorrh\w*|pid|smear)\b", re.IGNORECASE
)


ABDOMINAL_PAIN, PELVIC_PAIN = "HP:0002027", "HP:0034267"


def _low_pain_of_the_pelvis(lexicon: Lexicon, text: str, mentions: list[Mention]) -> list[Mention]:
    if not _PELVIC_TEXT_RE.search(text) or PELVIC_PAIN not in lexicon.scope:
        return mentions
    return _read_as(
        lexicon,
        mentions,
        {ABDOMINAL_PAIN},
        lambda m: (
            PELVIC_PAIN
            if _LOW_IN_THE_TUMMY_RE.search(text, _sentence_start(text, m.start), _sentence_end(text, m.end))
            else None
        ),
    )


# Session 23: nightmares about a trauma ("nightmares about the ambush", "about what happened"), or told beside
# flashbacks or PTSD, are HPO's *Recurrent trauma-related distressing dreams*, as 6 of 8 such read texts code
# them (the other 2 *Nightmare disorder*); nightmares about nothing in particular, or since a medicine, stay
_TRAUMA_DREAMS_RE = re.compile(
    r"\b(?:nightmares?|bad dreams?|dreams?) about (?:it\b|what happened|the (?:crash|accident|assault|attack"
    r"|ambush|convoy|blast|explosion|fire|war|shooting|rape|abuse))|\b(?:flashbacks?|ptsd)\b",
    re.IGNORECASE,
)
NIGHTMARE_DISORDER, TRAUMA_DREAMS = "HP:5200287", "HP:0032938"


def _dreams_of_a_trauma(lexicon: Lexicon, text: str, mentions: list[Mention]) -> list[Mention]:
    if TRAUMA_DREAMS not in lexicon.scope or not _TRAUMA_DREAMS_RE.search(text):
        return mentions
    return _read_as(lexicon, mentions, {NIGHTMARE_DISORDER}, lambda m: TRAUMA_DREAMS)


# Session 22: an itch in a text about a vaginal discharge, thrush or the vulva is the vulva's ("thick white
# discharge and really itchy": Pruritus vulvae; "not itchy at all" rules it out, 3 of 5 read texts), or the
# vagina's when it is "inside"; not in a text about the penis, the anus or the skin elsewhere
_VULVAL_TEXT_RE = re.compile(r"\b(?:discharge|thrush|vagina\w*|vulva\w*|labia\w*)\b", re.I)
_NOT_VULVAL_RE = re.compile(
    r"\b(?:penis|foreskin|testic\w*|balls|anus|bum|bottom|arms?|legs?|face|scalp|breasts?|groin|eyes?)\b",
    re.I,
)
_ITCH_INSIDE_RE = re.compile(r"\s*(?:up\s+)?inside\b", re.I)
PRURITUS, PRURITUS_VULVAE, VAGINAL_PRURITUS = "HP:0000989", "HP:0032004", "HP:0030161"


def _itch_of_the_vulva(lexicon: Lexicon, text: str, mentions: list[Mention]) -> list[Mention]:
    if not _VULVAL_TEXT_RE.search(text) or _NOT_VULVAL_RE.search(text):
        return mentions
    if PRURITUS_VULVAE not in lexicon.scope or VAGINAL_PRURITUS not in lexicon.scope:
        return mentions

    def itch_there(m: Mention) -> str | None:
        if m.family:
            return None
        return VAGINAL_PRURITUS if _ITCH_INSIDE_RE.match(text, m.end) else PRURITUS_VULVAE

    return _read_as(lexicon, mentions, {PRURITUS}, itch_there)


# Session 23: an itch in a sentence that names one site and no other part of the body is that site's (HPO's
# children of Pruritus: "itchy, cracked skin between my toes" is *Pruritus on foot*, "gritty, itchy and red"
# eyes *Ocular pruritus*, palms *Palmar pruritus*), as the read sets code it
_ITCH_SITES = (
    ("HP:0030900", re.compile(r"\b(?:foot|feet|toes?|soles?|heels?|instep)\b", re.I)),
    ("HP:0033841", re.compile(r"\beyes?\b", re.I)),
    ("HP:0031248", re.compile(r"\b(?:(?:my|his|her|the|both) palms?|palms)\b", re.I)),  # no "a palm"
)
# ... unless the itch is a rash's, a sting's or a jaundiced skin's (the read sets code *Pruritus* there: "an
# itchy blistery rash on the tops of my feet", "whites of his eyes and his skin have gone yellow, he's itchy")
_AN_ITCHY_LESION_RE = re.compile(
    r"\b(?:rash\w*|patch\w*|spots?|stings?|stung|blister\w*|lesions?|bites?|bitten|whites|jaundice\w*)\b",
    re.I,
)
_OTHER_PARTS_RE = re.compile(
    r"\b(?:arms?|legs?|back|chest|face|neck|body|scalp|head|hands?|fingers?|ankles?|shins?|thighs?|tummy|belly|"
    r"stomach|groin|bum|bottom|ears?|nose|mouth|throat|lips?|skin all over|all over|everywhere|armpits?)\b",
    re.I,
)


def _itch_of_one_site(lexicon: Lexicon, text: str, mentions: list[Mention]) -> list[Mention]:
    def site_of(m: Mention) -> str | None:
        if m.family:
            return None
        sentence = text[_sentence_start(text, m.start) : _sentence_end(text, m.end)]
        sites = [term for term, words in _ITCH_SITES if words.search(sentence)]
        if len(sites) != 1 or _OTHER_PARTS_RE.search(sentence) or _AN_ITCHY_LESION_RE.search(sentence):
            return None
        if sites[0] not in lexicon.scope:
            return None
        return sites[0]

    return _read_as(lexicon, mentions, {PRURITUS}, site_of)


# Session 22: a lost sex drive is the woman's or the man's as the text tells who writes (the lay authors code
# Decreased female or male libido in 9 of 10 read texts): a period, pregnancy, the pill or coil, a husband or
# boyfriend, or a woman's age ("23F"); an erection, testosterone, the testicles, a wife or girlfriend ("38M").
# Where both or neither are told, Decreased libido stays
_A_WOMANS_TEXT_RE = re.compile(
    r"\b(?:periods?|pregnan\w*|postnatal|menopaus\w*|pill|coil|mirena|implant|husband|boyfriend|vagina\w*|"
    r"breastfeed\w*|\d{2} ?f)\b",
    re.I,
)
_A_MANS_TEXT_RE = re.compile(
    r"\b(?:erections?|testosterone|testic\w*|balls|penis|prostate|wife|mrs|missus|girlfriend|\d{2} ?m)\b",
    re.I,
)
DECREASED_LIBIDO, DECREASED_FEMALE_LIBIDO, DECREASED_MALE_LIBIDO = "HP:0046504", "HP:0030018", "HP:0040306"


def _libido_by_sex(lexicon: Lexicon, text: str, mentions: list[Mention]) -> list[Mention]:
    if not any(m.hpo_id == DECREASED_LIBIDO for m in mentions):
        return mentions
    woman, man = bool(_A_WOMANS_TEXT_RE.search(text)), bool(_A_MANS_TEXT_RE.search(text))
    if woman == man:
        return mentions
    term = DECREASED_FEMALE_LIBIDO if woman else DECREASED_MALE_LIBIDO
    return _read_as(lexicon, mentions, {DECREASED_LIBIDO}, lambda m: term)


# Session 21: a bare "no pain" is the pain of the part the message is about, as the lay authors code it
# ("My hearing has got worse … No pain or discharge": no Ear pain; "Bloated every evening … no pain": no
# Abdominal pain; "no pain going down my legs"): the part is read from the sentence and the one before it,
# and only when one part is named there; "no pain anywhere", "not in any pain" and "denies pain" stay
# general
_SITES_OF_A_DENIED_PAIN: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("HP:0030766", re.compile(r"\b(?:ears?|hearing)\b", re.I)),  # Ear pain
    ("HP:0200026", re.compile(r"\b(?:eyes?|vision|eyesight|sight|floaters?)\b", re.I)),  # Ocular pain
    ("HP:0100749", re.compile(r"\bchest\b", re.I)),  # Chest pain
    (  # Abdominal pain
        "HP:0002027",
        re.compile(
            r"\b(?:poo\w*|stools?|bowels?|bloat\w*|gassy|farting|wind|tummy|belly|constipat\w*)\b", re.I
        ),
    ),
    ("HP:0012514", re.compile(r"\blegs?\b", re.I)),  # Lower limb pain
    ("HP:0030016", re.compile(r"\bsex\b", re.I)),  # Dyspareunia
    ("HP:0032043", re.compile(r"\bswallow\w*\b", re.I)),  # Odynophagia
)
PAIN = "HP:0012531"
_CLAUSE_END_RE = re.compile(r"[.;!?\n]")
_GENERAL_DENIAL_RE = re.compile(r"\b(?:anywhere|any pain|in pain|denies|nil|well controlled)\b", re.I)


def _denied_pain_of_its_site(lexicon: Lexicon, text: str, mentions: list[Mention]) -> list[Mention]:
    if not any(m.hpo_id == PAIN and m.excluded for m in mentions):
        return mentions
    out = []
    for m in mentions:
        if m.hpo_id == PAIN and m.excluded and not m.family:
            site = _site_of_a_denied_pain(text, m.start, m.end)
            if site is not None and site in lexicon.scope:
                m = lexicon.as_term(m, site)
        out.append(m)
    return out


def _site_of_a_denied_pain(text: str, said_start: int, said_end: int) -> str | None:
    """The one site whose pain the words at ``said_start:said_end`` deny: the site its clause or the one
    before names alone, unless the clause denies pain everywhere."""
    start = _sentence_start(text, said_start, _CLAUSE_END_RE)
    end = _sentence_end(text, said_end, _CLAUSE_END_RE)
    if _GENERAL_DENIAL_RE.search(text, start, end):
        return None
    window = text[_sentence_start(text, max(start - 1, 0), _CLAUSE_END_RE) : end]
    sites = {term for term, words in _SITES_OF_A_DENIED_PAIN if words.search(window)}
    return sites.pop() if len(sites) == 1 else None


# Session 23: and an eye or an ear said painless in words without "pain" ("Not painful", "Painless",
# "Doesn't hurt"): when its sentence or the one before names that site alone, its pain is ruled out (read
# sets: 7 eyes whose authors rule out *Ocular pain*, 1 not); a site whose pain the text tells is left alone
_PAINLESS_RE = re.compile(
    r"\b(?:painless|not painful|(?:it |they |that )?(?:does ?n'?t|does not|do ?n'?t|do not) hurt)\b", re.I
)
# the eye's and the ear's only (tried: the belly's, swallowing's and sex's were 5 wrong to 0 right: "blood in
# my poo, doesn't hurt when I go")
_PAINLESS_SITES = frozenset({"HP:0200026", "HP:0030766"})


def _painless_site(lexicon: Lexicon, text: str, mentions: list[Mention]) -> list[Mention]:
    added: list[Mention] = []
    for match in _PAINLESS_RE.finditer(text):
        start, end = match.span()
        site = _site_of_a_denied_pain(text, start, end)
        told = {m.hpo_id for m in [*mentions, *added] if not m.family}
        if site not in _PAINLESS_SITES or site not in lexicon.scope or site in told:
            continue
        if any(m.start <= start and end <= m.end for m in mentions):
            continue  # the words are another mention's ("they don't hurt" read already)
        added.append(
            Mention(
                hpo_id=site,
                label=lexicon.labels.get(site, site),
                start=start,
                end=end,
                text=match.group(),
                excluded=True,
            )
        )
    return [*mentions, *added] if added else mentions


# Session 23: pins and needles in the hands and the feet (or legs) are *Paresthesia*, not the hands' alone
# (4 of 5 read texts: "pins and needles in my hands and feet", "fourmis in my hans and feets")
HAND_PARESTHESIA, PARESTHESIA = "HP:0033660", "HP:0003401"
_AND_THE_FEET_RE = re.compile(
    r"\s*(?:and|&)\s+(?:my\s+|his\s+|her\s+|the\s+)?(?:feet|foot|feets|toes|legs)\b", re.I
)


def _tingling_hands_and_feet(lexicon: Lexicon, text: str, mentions: list[Mention]) -> list[Mention]:
    if PARESTHESIA not in lexicon.scope:
        return mentions
    return _read_as(
        lexicon,
        mentions,
        {HAND_PARESTHESIA},
        lambda m: PARESTHESIA if _AND_THE_FEET_RE.match(text, m.end) else None,
    )


# Session 19: a "cough for weeks" whose sentence says fewer than eight weeks or a number of days is no chronic
# cough ("since two weeks I have a cough", "a cough for 3 weeks")
_UNDER_EIGHT_WEEKS_RE = re.compile(
    r"\b(?:(?:[1-7]|one|two|three|four|five|six|seven|a couple of|a few) weeks?|\d+ days|a week)\b",
    re.IGNORECASE,
)


def _chronic_cough(lexicon: Lexicon, text: str, mentions: list[Mention]) -> list[Mention]:
    mentions = [_shorter_than_chronic(lexicon, text, m) for m in mentions]
    if CHRONIC_COUGH not in lexicon.scope or any(m.hpo_id == CHRONIC_COUGH for m in mentions):
        return mentions
    for mention in mentions:
        if mention.hpo_id in _COUGHS and not mention.excluded and not mention.family:
            ends = [m.end() for m in _SENTENCE_END_RE.finditer(text, mention.end)][:2]
            start = _sentence_start(text, mention.start)
            if _EIGHT_WEEKS_OR_MORE_RE.search(text, start, ends[-1] if ends else len(text)):
                return [*mentions, lexicon.as_term(mention, CHRONIC_COUGH)]
    return mentions


def _shorter_than_chronic(lexicon: Lexicon, text: str, mention: Mention) -> Mention:
    """A Chronic cough whose sentence gives a duration under eight weeks (and none longer) as a Cough."""
    if mention.hpo_id != CHRONIC_COUGH or mention.excluded:
        return mention
    start, end = _sentence_start(text, mention.start), _sentence_end(text, mention.end)
    if _UNDER_EIGHT_WEEKS_RE.search(text, start, end) and not _EIGHT_WEEKS_OR_MORE_RE.search(
        text, start, end
    ):
        return lexicon.as_term(mention, COUGH)
    return mention


def _same_sentence(text: str, a: Mention, b: Mention) -> bool:
    first, last = (a, b) if a.start <= b.start else (b, a)
    return not _SENTENCE_END_RE.search(text, first.end, last.start)


# Session 17: a finding put first and denied after it, the clause ending there ("Fever I don't have.", a
# Romance or Slavic word order; "Rash - I haven't got one"), is excluded. Not "I have a sore throat, I don't
# have a fever": there the denial comes before its own finding
_DENIED_AFTER_RE = re.compile(
    r"\s*[-,:?]?\s*i\s+(?:don't|dont|do not|haven't|havent|have not|didn't|didnt|did not)\s+(?:have|got|had)"
    r"(?:\s+(?:it|one|any|them|that))?\s*(?:[.!?,;\n]|$)",
    re.IGNORECASE,
)


def _denied_after(text: str, mentions: list[Mention]) -> list[Mention]:
    return [
        m.model_copy(update={"excluded": True})
        if not m.excluded and _DENIED_AFTER_RE.match(text, m.end)
        else m
        for m in mentions
    ]


# Session 17: "a rash" said of a rash the text names more closely (tiny dots that don't fade: Petechiae,
# nettle rash: Urticaria, a butterfly over the cheeks: Malar rash, silvery scaly patches, blisters in a
# band) is that lesion, which the lay authors code instead of *Skin rash* (16 of 17 such texts over the
# read sets). HPO files most of them outside Skin rash's subtree, so ``_without_unspecified_complaints``
# does not see them; they are named here by the words of their labels
SKIN_RASH = "HP:0000988"
_NAMED_RASHES = (
    "purpura",
    "petechia",
    "urticaria",
    "dermatitis",
    "eczema",
    "vesicle",
    "blister",
    "papule",
    "pustule",
    "photosensitivity",
    "scaling",
    "malar",
    "macul",
)


def _without_rash_named_closer(mentions: list[Mention]) -> list[Mention]:
    if not any(
        not m.excluded and not m.family and any(w in m.label.lower() for w in _NAMED_RASHES) for m in mentions
    ):
        return mentions
    return [m for m in mentions if m.hpo_id != SKIN_RASH or m.excluded or m.family]


# Session 21: the generic allergy a writer names ("my peanut allergy", "an allergic reaction?", "allergy
# injections") is not what the lay authors record, who code the reaction's findings (0 of 16 such mentions
# over the read sets); "no allergies" still rules it out, and the named allergies under it (egg, nut, cow's
# milk) stay
ALLERGY = "HP:0012393"


def _without_a_named_allergy(mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if m.hpo_id != ALLERGY or m.excluded]


def _without_unspecified_complaints(lexicon: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """Session 16: an everyday complaint said without its kind ("pain", "a cough", "swelling") is dropped
    when the text also names a kind of it ("… the pain is in my knee", "it's a dry cough"): it is most
    likely the same complaint, which the kind implies (52 fewer wrong findings over the lay sets, 2 right
    ones lost; GSC+ and ID-68 unchanged)."""
    present = {m.hpo_id for m in mentions if not m.excluded and not m.family}
    unspecified = {term for term, kinds in lexicon.kinds.items() if term in present and present & kinds}
    if not unspecified:
        return mentions
    return [m for m in mentions if m.hpo_id not in unspecified or m.excluded or m.family]


def _without_contradicted_normality(lexicon: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """An exclusion a statement of normality made ("his eyes are fine": no eye abnormality) is dropped
    when the text gives the patient a finding under it ("… but he has a squint"): the statement was about
    something narrower than the term."""
    present = {m.hpo_id for m in mentions if not m.excluded and not m.family}
    if not present:
        return mentions
    return [
        m
        for m in mentions
        if not (m.excluded and present & lexicon.normal_subtrees.get(m.hpo_id, frozenset()))
    ]


# Round 14: a pronoun stands for the body part just named ("my eyes are fine, they're not dry", "his baby
# teeth came through brown and they crumble", "the pee burns and there's no blood in it"). For matching
# only, the pronoun reads as that noun (its span stays the pronoun's own text); negation, family and
# uncertainty still read the words as written.
_PLURAL_PRONOUNS = frozenset({"they", "them", "they're", "theyre"})
_SINGULAR_PRONOUNS = frozenset({"it", "it's"})
_COMPARING = frozenset({"than", "as"})  # "bend back further than they should": an elided comparison
_IRREGULAR_PLURALS = frozenset({"teeth", "feet", "children"})
# body substances a pronoun may stand for: "there is no blood in it" (the urine)
_SUBSTANCE_KEYS = frozenset({"urin", "stool", "sputum", "vomit", "phlegm", "mucus"})
_CLAUSE_OPENERS = frozenset({"and", "but", "or", "so", "because", "when", "whenever", "while", "if", "then"})
MAX_ANTECEDENT_SENTENCES = 2  # the pronoun's own sentence and the one before


def _is_plural(token: Token) -> bool:
    lower = token.lower
    return lower in _IRREGULAR_PLURALS or (
        lower.endswith("s") and not lower.endswith("ss") and lower != token.key
    )


def _pronoun_antecedents(lexicon: Lexicon, tokens: list[Token]) -> tuple[list[Token], frozenset[int]]:
    """``tokens`` with each pronoun (they, them, it …) read as the nearest body-part noun before it in its
    sentence or the one before that agrees with it in number; and the indexes of the pronouns so read."""
    body = lexicon.body_nouns
    replaced: dict[int, Token] = {}
    for i, token in enumerate(tokens):
        if token.kind != "word":
            continue
        lower = token.lower
        plural = lower in _PLURAL_PRONOUNS
        if not plural and lower not in _SINGULAR_PRONOUNS:
            continue
        if i > 0 and tokens[i - 1].lower in _COMPARING:
            continue
        sentences = 0
        crossed = False  # a pronoun stands for no noun of its own clause ("blood in it" is not the blood)
        for j in range(i - 1, -1, -1):
            other = tokens[j]
            if other.kind == "break" and other.text in _SENTENCE_ENDS:
                sentences += 1
                crossed = True
                if sentences >= MAX_ANTECEDENT_SENTENCES:
                    break
                continue
            if other.kind in ("comma", "break") or other.lower in _CLAUSE_OPENERS:
                crossed = True
            if other.kind != "word" or other.stop or j in replaced or not crossed:
                continue
            if _adverbial_back(tokens, j):  # "appetite comes back. No pain with it."
                continue
            if (other.key in body or other.key in _SUBSTANCE_KEYS) and _is_plural(other) == plural:
                replaced[i] = Token(token.text, token.start, token.end, other.lower, other.key, False, "word")
                break
    if not replaced:
        return tokens, frozenset()
    return [replaced.get(i, t) for i, t in enumerate(tokens)], frozenset(replaced)


# Round 15: "pain" and "blood" said without their site, which an earlier word of the sentence (or of
# the one before) names: "my eyes keep watering, but there's no pain" (Ocular pain), "diarrhoea for five
# weeks, no blood in it" (Hematochezia), "I get up to pee at night, there's no blood" (Hematuria). The
# finding is what the lexicon calls the site and the word together ("eye pain", "blood in the stool").
# the word as said → the key it takes with its site; not "sore", "hurts": "he feels sore" has a subject
_SITED_WORDS = {
    "pain": "pain",
    "pains": "pain",
    "ache": "pain",  # session 16: "the ache under his ribs", "a dull ache low down on the left"
    "aches": "pain",
    "blood": "blood",
    "burning": "burn",  # round 21: "no burning or stinging" beside passing water (Dysuria)
    "stinging": "burn",
    "swelling": "swell",  # "the ankle went over … any swelling now? none" (Ankle swelling)
    "killing": "pain",  # round 32: "my throat is killing me", "lower back has been killing me"
    "agony": "pain",  # round 33: "throat is agony"
    # round 33: where it itches ("itching under my left breast", "my feet itch")
    "itchy": "itchy",
    "itching": "itchy",
    "itch": "itchy",
    "itches": "itchy",
    # round 34: cramps where the tummy or the bowels are named ("the runs and cramps in me belly")
    "cramps": "cramp",
    "crampy": "cramp",
    "cramping": "cramp",
    # round 34: where it tingles ("my hands went all tingly", "my fingers have gone all tingly")
    "tingly": "ting",
    "tingling": "tingl",
}
# denied, these stay general: "no tingling" is no paresthesia anywhere (round 15's "no pain" beside the
# eyes is still the eyes' pain)
_GENERAL_WHEN_DENIED = frozenset({"ting", "tingl", "itchy", "cramp"})
_DENYING = frozenset({"no", "nor", "not", "never"})


def _after_a_negator(tokens: Sequence[Token], position: int) -> bool:
    return any(t.key in _DENYING for t in _words_before(tokens, position, 1))


# the bowels' words that place cramps in the tummy
_BOWEL_SITES = {"diarrhea": "abdomen", "stool": "abdomen", "intestin": "abdomen", "constipat": "abdomen"}
# where it hurts or burns besides the body parts: passing water
_URINE_SITES = {"urin": "urin", "wee": "wee", "bladder": "urin"}
# where blood is seen: the substances, and the words that name their passing
_BLOOD_SITES = {
    "urin": "urin",
    "wee": "wee",
    "stool": "stool",
    "vomit": "vomit",
    "throw": "vomit",  # "threw up blood"
    "diarrhea": "stool",
    "intestin": "stool",  # "bowels"
}


def _elided_sites(lexicon: Lexicon, tokens: Sequence[Token], chosen: list[_Candidate]) -> list[_Candidate]:
    """Bare "pain" or "blood" read with the site named before it (see ``_SITED_WORDS``): a bare "pain"
    finding takes the site's term; a bare "blood", no finding alone, becomes one."""
    owner: dict[int, _Candidate] = {}
    for c in chosen:
        for k in range(c.first, c.last + 1):
            owner[k] = c
    found: list[_Candidate] = []
    for i, token in enumerate(tokens):
        if token.kind != "word" or token.lower not in _SITED_WORDS or _modifies_a_noun(tokens, i):
            continue  # "a blood test", "pain relief"
        current = owner.get(i)
        if current is not None and (current.first != current.last or len(current.positions) != 1):
            continue  # already part of a longer finding ("chest pain", "blood in the urine")
        if _SITED_WORDS[token.lower] in _GENERAL_WHEN_DENIED and _after_a_negator(tokens, i):
            continue  # "fingers feel normal, no tingling": no paresthesia anywhere
        term_id = _site_term(lexicon, tokens, i)
        if term_id is None:
            continue
        if current is not None:
            current.ids = (term_id,)
        else:
            found.append(_Candidate(i, i, 1, 1, (term_id,), (i,)))
    return found


# Round 30: "red" said of a part of the skin ("calf swollen, red and tight", "a red, swollen knee", "the
# skin on his shin has gone red", "the edges are red and angry") is erythema, as twelve lay authors code
# it; the face, eyes, throat, gums and what the body passes have their own terms (the lexicon's rows).
_RED = frozenset({"red", "reddened", "reddish"})
_SKIN_SITES = negation.word_set(
    "skin leg legs calf calves shin shins thigh thighs knee knees toe toes foot feet ankle ankles hand hands "
    "finger fingers knuckles arm arms shoulder shoulders chest breast breasts nipple nipples area edges "
    "wound scar groin bottom bum elbow elbows wrist wrists joint"
)
# a lesion the redness belongs to ("red bumps", "red patches with silver flakes"): the lesion is the finding
_LESIONS = negation.word_set(
    "bumps bump welts welt spots spot rash lines line dots dot marks mark blotches blotch patches patch "
    "streaks streak book blisters blister"
)
_RED_REACH = 8  # words between the part and "red" ("my upper arm is still sore and a little red")
_RED_COMPANIONS = frozenset({"and", "hot", "swollen"})  # "a red, hot, swollen knee"


def _sentence_words_around(
    tokens: Sequence[Token], position: int, before: int, after: int
) -> tuple[list[Token], list[Token]]:
    """Up to ``before`` words before ``position`` and ``after`` words after it in its sentence part (commas
    crossed: "left calf swollen, red and tight")."""
    start, end = _sentence_bounds(tokens, position)
    words_before = [t for t in tokens[start:position] if t.kind == "word"][-before:]
    return words_before, [t for t in tokens[position + 1 : end] if t.kind == "word"][:after]


def _red_skin(lexicon: Lexicon, tokens: Sequence[Token], chosen: list[_Candidate]) -> list[_Candidate]:
    """Erythema where "red" that no finding has taken is said of a part of the skin in its sentence
    part: the part up to eight words before it, or right after it ("red, swollen knee")."""
    if ERYTHEMA not in lexicon.scope:
        return []
    taken = {k for c in chosen for k in range(c.first, c.last + 1)}
    found: list[_Candidate] = []
    for i, token in enumerate(tokens):
        if token.kind != "word" or token.lower not in _RED or i in taken:
            continue
        if any(c.ids[0] == ERYTHEMA for c in chosen + found):
            break
        if _skin_site_near(tokens, i):
            found.append(_Candidate(i, i, 1, 1, (ERYTHEMA,), (i,)))
    return found


def _skin_site_near(tokens: Sequence[Token], position: int) -> bool:
    before, after = _sentence_words_around(tokens, position, _RED_REACH, 3)
    if any(t.lower in _COLOURS for t in before[-4:]) or (after and after[0].lower in _LESIONS):
        return False  # "white, then blue, then red" (the fingers' colours in the cold); "red bumps"
    following = next((t for t in after if t.lower not in _COLOURS and t.lower not in _RED_COMPANIONS), None)
    return any(t.lower in _SKIN_SITES for t in before) or (
        following is not None and following.lower in _SKIN_SITES
    )


# Round 30: a knee, knuckle, elbow or joint said to be swollen or puffy ("R knee swollen + warm", "my knees
# swell up after gardening", "her knuckles are puffy") is Joint swelling, as every lay author codes it,
# beside what else the words say ("knees were swollen and sore": Knee pain too). Ankles, wrists and
# fingers have swellings of their own in HPO (the lexicon's rows).
JOINT_SWELLING = "HP:0001386"
_SWOLLEN = frozenset({"swell", "swollen", "puffy", "puff"})  # keys ("swells", "swelled", "puffs up")
_JOINTS = negation.word_set("knee knees knuckle knuckles elbow elbows joint joints")
_SWELLING_REACH = 8  # words from the joint to the swelling ("the knuckles on both hands were warm and puffy")
# words from the swelling to the joint after it: a side or another adjective between ("swollen R knee",
# "a swollen hot knee")
_SWELLING_REACH_AFTER = 2


def _joint_findings(lexicon: Lexicon, tokens: Sequence[Token], chosen: list[_Candidate]) -> list[_Candidate]:
    """Joint swelling at the first swelling word with a joint up to eight words before it or two after;
    Joint stiffness at the first stiffness word with the word "joint(s)" as near (session 15: "the joints in
    my hands are stiff for over an hour"; a named joint has its own term: "knees are stiff")."""
    found: list[_Candidate] = []
    for term, states, joints in (
        (JOINT_SWELLING, _SWOLLEN, _JOINTS),
        (JOINT_STIFFNESS, _STIFF, _JOINT_WORDS),
    ):
        if term not in lexicon.scope or any(term in c.ids for c in chosen):
            continue
        for i, token in enumerate(tokens):
            if token.kind != "word" or token.key not in states:
                continue
            before, after = _sentence_words_around(tokens, i, _SWELLING_REACH, _SWELLING_REACH_AFTER)
            if any(t.lower in joints for t in before + after):
                found.append(_Candidate(i, i, 1, 1, (term,), (i,)))
                break
    return found


_STIFF = frozenset({"stiff"})  # the key of "stiff" and "stiffness"
_JOINT_WORDS = negation.word_set("joint joints")


# Round 33: "flushes" and "a flush" as nouns are the British hot flushes ("getting 20 a day", "flushes day and
# night", "a zap right before a flush"), which HPO calls Hot flashes (under Constitutional symptom), not the
# reddening it calls Flushing; "my face flushes" (a verb after the part) and "flushing" stay Flushing.
FLUSHING, HOT_FLASHES = "HP:0031284", "HP:0031217"
_FLUSH_NOUNS = frozenset({"flushes", "flush"})
_FLUSHING_PARTS = negation.word_set("face cheeks cheek neck skin chest ears")
_SUBJECTS = negation.word_set("i he she they we you")  # "I flush bright red": a verb


def _hot_flushes(lexicon: Lexicon, tokens: Sequence[Token], chosen: list[_Candidate]) -> None:
    """Flushing said by the noun "flush(es)", not after a part or a subject, becomes Hot flashes."""
    if HOT_FLASHES not in lexicon.scope:
        return
    for c in chosen:
        if c.ids[0] != FLUSHING or c.first != c.last or tokens[c.first].lower not in _FLUSH_NOUNS:
            continue
        previous = next((t for t in reversed(tokens[: c.first]) if t.kind == "word"), None)
        if previous is None or (previous.lower not in _FLUSHING_PARTS and previous.lower not in _SUBJECTS):
            c.ids = (HOT_FLASHES,)


_TIME_ADVERBS = frozenset({"now", "today", "anymore", "again", "either", "though", "tho", "too", "yet"})
_FOLLOWING_PREPOSITIONS = frozenset({"after", "before", "during", "since", "until", "till", "passing"})
# round 29: where the pain is, said after it ("pain behind my right eye", "pain deep in my breast")
_SITE_PREPOSITIONS = negation.word_set(
    "behind under underneath beneath below above deep inside outside across around round down along over "
    "between near through into up right low high left l r lower upper central"
)


def _modifies_a_noun(tokens: Sequence[Token], position: int) -> bool:
    following = tokens[position + 1] if position + 1 < len(tokens) else None
    return (
        following is not None
        and following.kind == "word"
        and not following.stop
        and following.lower not in _TIME_ADVERBS
        and following.lower not in _CLAUSE_OPENERS  # "no pain when he wees"
        and following.lower not in _FOLLOWING_PREPOSITIONS
        and following.lower not in _SITE_PREPOSITIONS
    )


# verbs after which "back" is an adverb, not the body part
_BACK_AS_ADVERB = negation.word_set(
    "come comes came coming go goes went going get gets got getting bring brings brought put puts "
    "turn turned went sent fight fought"
)


_LOWER = frozenset({"lower", "low"})


def _adverbial_back(tokens: Sequence[Token], position: int) -> bool:
    """ "back" after a verb of coming or going ("it comes back", "went back to work") is no back."""
    return tokens[position].lower == "back" and position > 0 and tokens[position - 1].lower in _BACK_AS_ADVERB


def _site_term(lexicon: Lexicon, tokens: Sequence[Token], position: int) -> str | None:
    """The term the nearest site word names with the word at ``position``: first in its own sentence
    (before it, then after it), then in the sentence before."""
    key = _SITED_WORDS[tokens[position].lower]
    start, end = _sentence_bounds(tokens, position)
    previous_start = _sentence_bounds(tokens, start - 2)[0] if start >= 2 else start
    order = [
        *range(position - 1, start - 1, -1),
        *range(position + 1, end),
        *range(start - 2, previous_start - 1, -1),
    ]
    said_after = position + 1 < end and tokens[position + 1].lower in _SITE_PREPOSITIONS
    if said_after:  # "pain under my ribs": the site follows, and no earlier word names it
        order = list(range(position + 1, end))
    elif key == "itchy":
        # an itch beside a part is mostly the itch of a rash or lesion there: Pruritus (itchy eyes, which
        # have no rash of their own, are a context child: data/context-children.tsv)
        return None
    for j in order:
        other = tokens[j]
        if other.kind != "word" or other.stop:
            continue
        if _adverbial_back(tokens, j):
            continue  # round 39: "appetite comes back with a vengeance", "went back to work"
        if said_after and j + 1 < end and tokens[j + 1].lower == "of":
            continue  # "down the back of my leg": the part named after "of" is the site
        if said_after and other.lower in _SITE_PREPOSITIONS:
            continue  # "burning right up into my throat": "up" is where, not "burning up"
        if (other.key == "rib" and _under_the_ribs(tokens, max(start, j - 3), j + 1)) or (
            other.lower in _SIDES and _side_of_the_belly(tokens, j)
        ):  # session 16: "pain under my ribs on the right", "low down on my left side": the belly's
            ids = lexicon.phrases.get(tuple(sorted((_BELLY, key))))
            if ids:
                return ids[0]
        if said_after:
            ids = lexicon.phrases.get(tuple(sorted((other.key, key))))
            if ids or other.key in lexicon.body_nouns:
                return ids[0] if ids else None  # a part without a term of its own: just "pain"
            continue
        if key == "cramp" and (other.key in lexicon.body_nouns or other.key in _BOWEL_SITES):
            # the first part named decides: "my legs cramp and my tummy hurts" is no tummy cramp
            ids = lexicon.phrases.get(tuple(sorted((_BOWEL_SITES.get(other.key, other.key), key))))
            return ids[0] if ids else None
        if key == "blood":
            sites = [_BLOOD_SITES.get(other.key)]
        elif other.lower == "back" and j > 0 and tokens[j - 1].lower in _LOWER:
            # session 13: "lower back's been grumbling … now a burning pain", "lower back and hips are
            # killing me": the lower back's own term
            low = lexicon.phrases.get(tuple(sorted(("back", "low", key))))
            if low:
                return low[0]
            sites = [other.key]
        else:
            sites = [other.key if other.key in lexicon.body_nouns else None]
            if key != "swell":
                sites.append(_URINE_SITES.get(other.key))
        for site in sites:
            ids = lexicon.phrases.get(tuple(sorted((site, key)))) if site else None
            if ids:
                return ids[0]
    return None


_NEGATORS = frozenset({"not", "never", "nuh"})  # session 18: Jamaican "nuh" ("mi head nuh hurt")


# A form's question or heading answered "no": "Fever? no", "Rash: none", "Vomiting - nil", "Pins and
# needles? 'No'", "Fainted or chest pain: 'no to both'"
_ANSWER_MARKS = frozenset({"?", ":", "-", "–", "'", '"', "‘", "’", "“", "”"})
# session 20: and "not really", "not at all" ("Itchy? 'not really'")
_NO_ANSWERS = frozenset({"no", "nil", "none", "nope", "negative", "denies", "denied", "neg", "never", "not"})
_ANSWER_ENDS = frozenset({"to", "both", "not", "at", "all", "never", "no", "really"})  # "no to both"
_QUESTION_LINKS = frozenset({"or", "and", "any", "nor"})
_QUESTION_MARKS = frozenset({"?", ":", "-", "–"})


def _answered_no(tokens: Sequence[Token], chosen: list[_Candidate]) -> None:
    """A question or heading (back to the sentence's start) followed by a question mark, colon or dash
    (and quotes) and then a bare "no" (the answer ends there, or goes on with "to both", "not at all")
    denies its findings when they are listed ("dry eyes or dry mouth: no", "numbness/tingling in legs:
    no"); otherwise the question's first ("vomiting with the headaches? never")."""
    for m, token in enumerate(tokens):
        if not (token.text in _QUESTION_MARKS and _answer_is_no(tokens, m)) and not _none_closing(tokens, m):
            continue
        start = m
        while start > 0 and tokens[start - 1].kind != "break":
            start -= 1
        question = sorted((c for c in chosen if start <= c.first and c.last < m), key=lambda c: c.first)
        if not question:
            continue
        if all(_only_links(tokens, a.last + 1, b.first) for a, b in pairwise(question)):
            for c in question:
                c.negated = True
        else:
            question[0].negated = True


_CLOSING_NONE = frozenset({"none", "nil", "neither"})


def _none_closing(tokens: Sequence[Token], m: int) -> bool:
    """Round 29: a comma, then "none" ending the sentence ("Headaches and swelling, none.")."""
    return (
        tokens[m].kind == "comma"
        and m + 1 < len(tokens)
        and tokens[m + 1].lower in _CLOSING_NONE
        and (m + 2 >= len(tokens) or tokens[m + 2].kind == "break")
    )


def _answer_is_no(tokens: Sequence[Token], j: int) -> bool:
    marks = 0
    while j < len(tokens) and tokens[j].text in _ANSWER_MARKS:
        j += 1
        marks += 1
    if not marks or j >= len(tokens) or tokens[j].lower not in _NO_ANSWERS:
        return False
    for token in tokens[j + 1 :]:
        if token.kind in ("break", "comma") or token.text in _ANSWER_MARKS:
            return True
        if token.lower not in _ANSWER_ENDS:
            return False
    return True


def _only_links(tokens: Sequence[Token], start: int, end: int) -> bool:
    return all(t.kind in ("comma", "soft") or t.lower in _QUESTION_LINKS for t in tokens[start:end])


def _negators_inside(tokens: Sequence[Token], chosen: list[_Candidate]) -> None:
    """A finding whose words lie on both sides of a negator that is not one of them is denied ("my skin
    and eyes haven't gone yellow", "her joints aren't swollen"): negation's triggers skip words inside
    a mention, and a lay phrase that holds the negator ("can't walk") has it among its positions."""
    for c in chosen:
        if c.negated or not c.positions:
            continue
        inside = range(c.positions[0] + 1, c.positions[-1])
        if any(tokens[k].key in _NEGATORS and k not in c.positions for k in inside):
            c.negated = True


MAX_HEADING_WORDS = 2


def _open_headings(tokens: list[Token]) -> list[Token]:
    """Clinic-note headings that name a body part ("Ankles: pitting oedema", "Ears: low set"): the heading
    word may be part of the finding after the colon, so for phrase matching the colon is soft. A heading is
    one or two capitalised words at the start of the text or of a sentence."""
    opened: list[Token] | None = None
    for c, token in enumerate(tokens):
        if token.text != ":" or c + 1 >= len(tokens) or tokens[c + 1].kind != "word":
            continue
        start = c
        while start > 0 and tokens[start - 1].kind == "word":
            start -= 1
        if not 1 <= c - start <= MAX_HEADING_WORDS or (start > 0 and tokens[start - 1].text == ":"):
            continue
        heading = tokens[start]
        if not heading.text[0].isupper() or any(t.stop for t in tokens[start:c]):
            continue
        if opened is None:
            opened = list(tokens)
        opened[c] = token._replace(kind="soft")
    return opened if opened is not None else tokens


# "one had renal agenesis": "one" is a person there, not one of two organs ("one kidney is missing")
_ONE_AS_SUBJECT = frozenset(
    {"had", "has", "have", "was", "were", "is", "showed", "shows", "developed", "presented", "died", "also"}
)


# One-word lay nouns that are also everyday verbs: after a negator, modal or "to" they are the verb ("my
# shoes don't fit", "it won't fit"), not the finding ("no fits", "he had a fit")
_VERB_HOMONYMS = frozenset({"fit"})
_BEFORE_VERB = frozenset(
    {"not", "dont", "doesnt", "didnt", "wont", "cant", "cannot", "to", "will", "would", "could", "should",
     "might", "must", "do", "does", "did"}
)  # fmt: skip


def _verb_use(tokens: Sequence[Token], candidate: _Candidate) -> bool:
    if candidate.first != candidate.last or tokens[candidate.first].lower not in _VERB_HOMONYMS:
        return False
    j = candidate.first - 1
    return j >= 0 and (tokens[j].lower in _BEFORE_VERB or tokens[j].key == "not")


def _pronoun_one(tokens: Sequence[Token], candidate: _Candidate) -> bool:
    first = candidate.first
    return (
        tokens[first].lower == "one"
        and first + 1 < len(tokens)
        and tokens[first + 1].lower in _ONE_AS_SUBJECT
    )


# "maternal hypertension", "poor maternal weight gain": a finding of the mother (or father), which HPO
# files under the patient's pregnancy history, not as a phenotypic abnormality of the patient
_PARENT_ADJECTIVES = frozenset({"maternal", "paternal"})


# session 13: the writer caught what a relative had ("my partner's had diarrhoea all week and now i've
# got it too", "my son was sick all night and now I've got it too")
_SHARED_BY_THE_WRITER = re.compile(r"\b(?:i've|ive|i have|i) (?:now )?(?:got|caught) it(?: too| as well)?\b")


def _shared_by_the_writer(tokens: Sequence[Token], candidate: _Candidate) -> bool:
    """A relative's finding that the rest of its sentence says the writer has too."""
    end = _sentence_bounds(tokens, candidate.last)[1]
    return bool(_SHARED_BY_THE_WRITER.search(_folded_words(tokens, candidate.last + 1, end)))


def _of_a_parent(lexicon: Lexicon, tokens: Sequence[Token], candidate: _Candidate) -> bool:
    """The finding is qualified by "maternal"/"paternal" (right before it, or inside its words) and so is
    the parent's; a name that contains the word ("maternal inheritance") is the patient's, and a mode of
    inheritance is never a parent's finding."""
    if not candidate.positions or candidate.ids[0] in lexicon.inheritance:
        return False
    inside = (
        tokens[k].lower in _PARENT_ADJECTIVES
        for k in range(candidate.first, candidate.last + 1)
        if k not in candidate.positions
    )
    if any(inside):
        return True
    before = next((t for t in reversed(tokens[: candidate.first]) if t.kind != "soft"), None)
    return before is not None and before.lower in _PARENT_ADJECTIVES


# Degree, extent and side words a window may leave out when the phrase without them is a finding
# ("speech is severely delayed", "flexion contracture of the right knee", "increased laxity of the
# major joints"); a phrase that includes them ("Severe hypotonia", "Bilateral ptosis") is tried first.
MODIFIERS = frozenset(
    {
        "mild", "mildly", "moderate", "moderately", "severe", "severely", "profound", "profoundly",
        "marked", "significant", "slight", "subtle", "minimal", "minor", "major", "diffuse", "diffusely",
        "bilateral", "bilaterally", "unilateral", "unilaterally", "right", "left", "partial", "partially",
        "lateral",  # "nystagmus on lateral gaze"
        "complete", "completely", "total", "totally", "always", "very", "affecting", "involving", "affected",
        "involved", "prominent", "obvious", "apparent", "evident", "noticeable", "single", "onset",
        # scope and origin words of scientific writing ("malformations restricted to the upper limbs",
        # "tumours of the human nervous system", "Schwann cell derived tumours")
        "restricted", "confined", "human", "derived",
        # informal quantities ("he's lost a lot of weight"); "lots of moles" still tries "Numerous nevi" first
        "lot", "lots", "loads",
        # round 13: the start of a state ("my eyes started bulging"), a verb of becoming ("the whites of my
        # eyes go yellow"), "own" ("bites her own nails") and informal degrees ("super bendy", "a bit yellow")
        "started", "starts", "starting", "began", "begun", "go", "goes", "went", "gone", "own", "super",
        "bit",
    }
)  # fmt: skip
MAX_UNKNOWN_WORDS_IN_WINDOW = 1  # words no lexicon phrase uses ("bicornuate unicollis uterus")
GENERIC_KEY = "abnormal"  # the key of "abnormality", "anomaly", "disorder", "symptoms" …


def _find_candidates(lexicon: Lexicon, tokens: Sequence[Token]) -> list[_Candidate]:
    """Every lexicon phrase found in a window of the text. A window may skip stop words, one word no
    phrase uses, and modifiers (``MODIFIERS``) that the phrase does not need; and one negator between its
    words ("blood pressure isn't high", "joints aren't swollen"): that candidate is negated."""
    vocabulary = lexicon.vocabulary
    abbreviations = lexicon.abbreviations
    max_words = lexicon.max_words
    n = len(tokens)
    found: list[_Candidate] = []
    sequences = _mri_sequences(tokens)
    for i in range(n):
        token = tokens[i]
        if token.kind != "word" or token.stop:
            continue
        ids = abbreviations.get(token.text)
        if not ids and is_abbreviation_plural(token.text):
            ids = abbreviations.get(token.text[:-1])  # "VSDs"
        if ids:
            found.append(_Candidate(i, i, 1, 1, ids, (i,)))
        if token.key not in vocabulary:  # an abbreviation may start a longer phrase ("SOB on exertion")
            continue
        words: list[str] = []
        positions: list[int] = []
        optional: list[bool] = []
        skipped_words: list[str] | None = None  # the same window without its negator
        skipped_positions: list[int] = []
        stops = unknown = 0
        crossed: set[str] = set()
        for j in range(i, n):
            t = tokens[j]
            kind = t.kind
            if kind == "soft":
                continue
            if kind == "comma" and words and _next_word(tokens, j) == "then":
                continue  # a sequence: "fingers go white, then blue, then red" reads as "white then blue"
            if kind == "comma" and words and "," not in crossed:
                crossed.add(",")  # "mental retardation, profound" (only names written with a comma)
                continue
            if kind != "word":
                break
            if t.stop or (t.lower in FILLER_WORDS and words):
                stops += 1
                if stops > MAX_STOP_WORDS_IN_WINDOW:
                    break
                if t.lower in ("and", "or") and words:
                    crossed.add(t.lower)
                continue
            if t.key in _NEGATORS and words and skipped_words is None:
                skipped_words, skipped_positions = list(words), list(positions)
            elif skipped_words is not None:
                skipped_words.append(t.key)
                skipped_positions.append(j)
            if t.key not in vocabulary:
                if skipped_words is not None and t.key in _NEGATORS:
                    continue
                if t.lower in MODIFIERS or j in sequences:
                    continue
                if t.lower in _CARERS:
                    break  # "the heart doctor has changed my tablets": a person, not a change of the heart
                unknown += 1
                if unknown > MAX_UNKNOWN_WORDS_IN_WINDOW or not t.lower.isalpha():
                    break
                continue
            words.append(t.key)
            positions.append(j)
            optional.append((t.lower in MODIFIERS or j in sequences) and j > i)
            stops = 0  # stop words are counted between two words ("fragmentation of the epiphysis of …")
            if len(words) > max_words:
                break
            candidate = _lookup_window(lexicon, tokens, words, positions, crossed, i, j)
            if candidate is None and skipped_words is not None and skipped_positions[-1] == j:
                candidate = _lookup_window(lexicon, tokens, skipped_words, skipped_positions, crossed, i, j)
                if candidate is not None:
                    candidate.negated = True
            if candidate is None and any(optional) and not optional[-1]:
                core = [k for k, o in enumerate(optional) if not o]
                candidate = _lookup_window(
                    lexicon, tokens, [words[k] for k in core], [positions[k] for k in core], crossed, i, j
                )
            if candidate is not None:
                candidate.gaps = unknown
                found.append(candidate)
    return found


# People who look after a patient: a window never reads across one ("heart doctor", "eye nurse")
_CARERS = negation.word_set(
    "doctor doctors gp gps nurse nurses consultant consultants specialist specialists surgeon surgeons "
    "dentist optician optometrist physio physiotherapist therapist paediatrician pediatrician "
    "cardiologist neurologist midwife teacher teachers dietitian"
)


# MRI sequences that show a finding ("white matter T2 hyperintensity", "FLAIR hyperintense lesions"): like
# the test itself ("… on MRI"), a name leaves them out
_SEQUENCE_WORDS = frozenset({"flair", "t1w", "t2w", "dwi", "swi"})
_SEQUENCE_NUMBERS = frozenset({"1", "2"})


def _mri_sequences(tokens: Sequence[Token]) -> frozenset[int]:
    """Token indexes of MRI sequence names: "T1"/"T2" (split as "t" "2", also "T-2"), "-weighted" after
    them, FLAIR, T2W, DWI, SWI."""
    found: set[int] = set()
    for i, token in enumerate(tokens):
        if token.lower in _SEQUENCE_WORDS and token.kind == "word":
            found.add(i)
        if token.lower != "t" or token.text != "T":
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].kind == "soft":
            j += 1
        if j < len(tokens) and tokens[j].lower in _SEQUENCE_NUMBERS:
            found.update(range(i, j + 1))
            k = j + 1
            while k < len(tokens) and tokens[k].kind == "soft":
                k += 1
            if k < len(tokens) and tokens[k].lower == "weighted":
                found.update(range(j + 1, k + 1))
    return frozenset(found)


def _lookup_window(
    lexicon: Lexicon,
    tokens: Sequence[Token],
    words: list[str],
    positions: list[int],
    crossed: set[str],
    first: int,
    last: int,
) -> _Candidate | None:
    key = tuple(sorted(words)) if len(words) > 1 else (words[0],)
    ids = lexicon.phrases.get(key)
    if not ids:
        return None
    if crossed and not crossed <= lexicon.conjunctive.get(key, frozenset()):
        return None
    tests = lexicon.contextual.get(key)
    if tests is not None and not _sentence_names(tokens, first, tests):
        return None  # "multifocal discharges" are epileptiform only in a sentence about the EEG
    if "," in crossed and not _ends_clause_part(tokens, last):
        return None  # "delay, severe" only as an inverted name, not "delay, severe intellectual disability"
    if len(words) == 1 and key[0] in lexicon.strict_single:
        forms = lexicon.strict_single[key[0]]
        lower = tokens[positions[0]].lower
        if lower not in forms and surface_form(lower) not in forms:
            return None
    orders = lexicon.ordered.get(key)
    if orders is not None and tuple(words) not in orders:
        return None  # a lay verb phrase in another order: "still unable to sit" is not "can't sit still"
    if len(words) > 1 and _modifies_next_word(tokens, positions[-1]):
        return None  # "poor visual | fixation" is not "poor vision", "enlarged cardiac | silhouette"
    if "gain" in key and _after_too_little(tokens, first):
        return None  # "poor postnatal weight gain" is too little gain, not an increased weight
    if len(words) == 1 and key[0] == "jerk" and _after_reflex_site(tokens, positions[0]):
        return None  # "ankle jerks", "knee jerks were normal": the tendon reflexes, not myoclonus
    if tokens[positions[-1]].key == "fall" and _next_word(tokens, last) in _FALL_PHRASAL:
        return None  # "falls asleep", "keeps falling asleep", "falls within the normal range": no fall
    if (
        len(words) == 1
        and (key[0] == "fall" or ids[0] in lexicon.behavioural)
        and _body_part_subject(lexicon, tokens, first)
    ):
        return None  # "his teeth are falling out", "my heart is jumping": the part does it, not the person
    if len(words) == 1 and ids[0] == FATIGUE and _a_tired_part(lexicon, tokens, first):
        return None  # "my eyes feel tired", "my jaw gets tired": the part's tiredness, no fatigue
    if tokens[positions[-1]].key == "turn" and _colour_follows(tokens, last):
        return None  # "his eyes turned yellow" is a colour, not an eye that turns (strabismus)
    if len(words) == 1 and ids[0] in lexicon.behavioural and _modifies_body_noun(lexicon, tokens, last):
        return None  # "hyperactive | gag reflex", "depressed | skull fracture": not the behaviour
    if len(words) == 1 and ids[0] in lexicon.behavioural and _after_inability(tokens, first):
        return None  # "can't hop or jump": an ability, not the behaviour
    if tokens[positions[-1]].lower in _SIDES and (
        _part_named_after(lexicon, tokens, last) or _side_of_the_belly(tokens, positions[-1])
    ):
        return None  # "pain in the left side of my chest": the part after "of" is the site, not the flank
    exact_ids = lexicon.exact.get(tuple(surface_form(tokens[p].lower) for p in positions))
    if ids[0] == BRUISING_SUSCEPTIBILITY and _one_bruise(tokens, positions):
        ids = (ECCHYMOSIS,)  # "a big bruise on my elbow" after a fall: the bruise, not easy bruising
    return _Candidate(first, last, len(words), lexicon.priorities[key], exact_ids or ids, tuple(positions))


BRUISING_SUSCEPTIBILITY, ECCHYMOSIS = "HP:0000978", "HP:0031364"
_BRUISE_SUBJECTS = negation.word_set("i you we they he she it to can could might will would")


def _one_bruise(tokens: Sequence[Token], positions: Sequence[int]) -> bool:
    """Session 16: the phrase ends in the singular noun "bruise" ("a big bruise", "a large bruise"), not the
    verb ("I bruise easily") or the plural ("big bruises on his shins" are easy bruising)."""
    if tokens[positions[-1]].lower != "bruise":
        return False
    return positions[0] == 0 or tokens[positions[0] - 1].lower not in _BRUISE_SUBJECTS


_SIDES = frozenset({"side", "sides"})
_BELLY = "abdomen"  # the key of "tummy", "belly", "abdomen"
_OWNERS = frozenset({"the", "my", "his", "her", "their", "your", "our"})


def _part_named_after(lexicon: Lexicon, tokens: Sequence[Token], position: int) -> bool:
    """Session 15: "of" and a body part (with its owner) follow the word: "side of my stomach"."""
    words = [t for t in tokens[position + 1 : position + 6] if t.kind == "word"]
    if len(words) < 2 or words[0].lower != "of":
        return False
    rest = words[1:]
    while rest and rest[0].lower in _OWNERS:
        rest = rest[1:]
    return bool(rest) and rest[0].key in lexicon.body_nouns


_UNDER = frozenset({"under", "underneath", "beneath", "below"})
_LOIN_WORDS = frozenset({"back", "loin", "loins", "groin", "kidney", "kidneys"})
_SIDE_REACH = 5  # words from a side to "low down" or "under the ribs" ("low down on my right side")


def _side_of_the_belly(tokens: Sequence[Token], position: int) -> bool:
    """Session 16: a side low down or under the ribs is the belly's, not the flank (the loin, between the
    ribs and the hip at the back), unless the sentence names the back, loin, groin or kidney: "a sharp
    pain low down on my right side", "pain on the right side under the ribs after fatty food"."""
    start, end = _sentence_bounds(tokens, position)
    if any(t.lower in _LOIN_WORDS for t in tokens[start:end]):
        return False
    near = [t.lower for t in tokens[max(start, position - _SIDE_REACH) : position + _SIDE_REACH + 1]]
    return "low" in near or "lower" in near or _under_the_ribs(tokens, position + 1, end)


def _under_the_ribs(tokens: Sequence[Token], start: int, end: int) -> bool:
    """ "under (my|the) (right|left) ribs" begins within two words of ``start``."""
    words = [t for t in tokens[start:end] if t.kind == "word"][: _SIDE_REACH + 1]
    for i, word in enumerate(words[:3]):
        if word.lower in _UNDER:
            return any(w.key == "rib" for w in words[i + 1 : i + 4])
    return False


_SENTENCE_ENDS = frozenset({".", "!", "?", ";"})


def _sentence_names(tokens: Sequence[Token], position: int, keys: frozenset[str]) -> bool:
    """A word of ``keys`` stands in the sentence around ``position`` (a colon or a bracket goes on)."""
    for step in (-1, 1):
        j = position
        while 0 <= j < len(tokens) and tokens[j].text not in _SENTENCE_ENDS:
            if tokens[j].key in keys:
                return True
            j += step
    return False


# Words that say a gain was too small ("poor postnatal weight gain", "slow early weight gain")
_TOO_LITTLE = frozenset(
    {"poor", "slow", "inadequate", "insufficient", "suboptimal", "limited", "minimal", "little", "faltering"}
)
MAX_TOO_LITTLE_DISTANCE = 2  # words between: "poor maternal weight gain", "poor early postnatal weight gain"


def _words_before(tokens: Sequence[Token], first: int, limit: int) -> list[Token]:
    """Up to ``limit`` words before ``first`` in its clause part, nearest first (hyphens and slashes are
    crossed; any other punctuation ends the part)."""
    found: list[Token] = []
    for token in reversed(tokens[:first]):
        if token.kind == "soft":
            continue
        if token.kind != "word" or len(found) >= limit:
            break
        found.append(token)
    return found


def _after_too_little(tokens: Sequence[Token], first: int) -> bool:
    """A word of too little stands at most two words before ``first`` in the same clause part."""
    return any(t.lower in _TOO_LITTLE for t in _words_before(tokens, first, MAX_TOO_LITTLE_DISTANCE + 1))


# Where clinicians tap a tendon reflex and call it a "jerk" ("knee jerk", "ankle jerks", "jaw jerk")
_REFLEX_SITES = frozenset({"knee", "knees", "ankle", "ankles", "jaw", "biceps", "triceps", "supinator"})


# Words between a subject and what it does: "my teeth are falling out", "his heart keeps jumping"
_SUBJECT_LINKS = negation.word_set(
    "is are was were 's 're keeps keep kept has have been always still constantly"
)
MAX_SUBJECT_LINKS = 2


def _body_part_subject(lexicon: Lexicon, tokens: Sequence[Token], first: int) -> bool:
    """The subject of the verb at ``first`` is a body part ("my eyelid is falling down")."""
    for token in _words_before(tokens, first, MAX_SUBJECT_LINKS + 1):
        if token.lower not in _SUBJECT_LINKS:
            return token.key in lexicon.body_nouns
    return False


_TIRED_LINKS = _SUBJECT_LINKS | negation.word_set(
    "feel feels felt get gets got getting go goes went gone look looks looked really very so too quite"
)


def _a_tired_part(lexicon: Lexicon, tokens: Sequence[Token], first: int) -> bool:
    """Session 16: the adjective "tired" is a body part's: its subject ("my eyes feel tired") or the noun
    right after it ("tired eyes by the evening") is a body part."""
    if tokens[first].lower != "tired":
        return False  # "swollen glands in my neck and constant tiredness": the person's
    for token in _words_before(tokens, first, MAX_SUBJECT_LINKS + 3):
        if token.key in lexicon.body_nouns:
            return True
        if token.lower in _CIRCUMSTANCE_SUBJECTS or token.lower.startswith(("i'", "we'", "you'")):
            break  # "my legs ache and I'm tired", "blood results, I've been so tired": a person is tired
        if not (token.lower in _TIRED_LINKS or token.lower == "and" or token.key in lexicon.vocabulary):
            break  # "my eyes feel sore and tired": links, "and" and other findings' words between
    after = next((t for t in tokens[first + 1 :] if t.kind != "soft"), None)
    return after is not None and after.kind == "word" and after.key in lexicon.body_nouns


def _after_reflex_site(tokens: Sequence[Token], position: int) -> bool:
    """The word right before ``position`` is a reflex site ("ankle jerks", "knee and ankle jerks")."""
    previous = next((t for t in reversed(tokens[:position]) if t.kind != "soft"), None)
    return previous is not None and previous.lower in _REFLEX_SITES


# Words that make "fall(s)" a phrasal verb or a figure of speech rather than a fall to the ground
_FALL_PHRASAL = frozenset(
    {
        "asleep",
        "ill",
        "sick",
        "behind",
        "apart",
        "pregnant",
        "short",
        "silent",
        "quiet",
        "within",
        "into",
        "under",
    }
    | {"outside", "between", "below", "above"}
)


# Colours after "turn(ed)": a verb of becoming ("went/turned yellow"), not a turning
_COLOURS = negation.word_set("yellow blue white red black green grey gray purple pale orange brown pink dark")


_COLOUR_DEGREES = negation.word_set("a bit little really very quite slightly all completely totally bright")


def _colour_follows(tokens: Sequence[Token], position: int) -> bool:
    """A colour follows ``position``, perhaps after degree words ("turned a bit yellow")."""
    for token in tokens[position + 1 : position + 5]:
        if token.kind != "word":
            return False
        if token.lower in _COLOURS:
            return True
        if token.lower not in _COLOUR_DEGREES:
            return False
    return False


def _next_word(tokens: Sequence[Token], position: int) -> str:
    following = next((t for t in tokens[position + 1 :] if t.kind != "soft"), None)
    return following.lower if following is not None and following.kind == "word" else ""


def _modifies_next_word(tokens: Sequence[Token], position: int) -> bool:
    """The phrase ends in an adjective read as its organ noun ("visual" ≈ vision, "cardiac" ≈ heart)
    while a noun follows it: the adjective belongs to that noun's phrase."""
    if not is_mapped_adjective(tokens[position].lower):
        return False
    nxt = next((t for t in tokens[position + 1 :] if t.kind != "soft"), None)
    return nxt is not None and nxt.kind == "word" and not nxt.stop and nxt.lower.isalpha()


MAX_BODY_NOUN_WORDS = 2  # the noun phrase after the adjective, up to its head ("gag reflex")


def _modifies_body_noun(lexicon: Lexicon, tokens: Sequence[Token], position: int) -> bool:
    """A behaviour word directly before a noun phrase whose head is a body part or function ("hyperactive
    gag reflex", "hyperactive thyroid", "depressed skull fracture") qualifies that part, not the person;
    "stereotyped hand movements" are still movements, the behaviour."""
    head: Token | None = None
    words = 0
    for token in tokens[position + 1 :]:
        if token.kind == "soft":
            continue
        if token.kind != "word" or token.stop or words >= MAX_BODY_NOUN_WORDS:
            break
        head = token
        words += 1
    return head is not None and head.key in lexicon.body_nouns


_INABILITY_KEYS = frozenset({"cannot", "unable"})
MAX_INABILITY_DISTANCE = 3  # "can't hop or jump"


def _after_inability(tokens: Sequence[Token], first: int) -> bool:
    """ "can't", "cannot" or "unable to" stands at most three words before ``first`` in its clause part."""
    return any(t.key in _INABILITY_KEYS for t in _words_before(tokens, first, MAX_INABILITY_DISTANCE))


def _ends_clause_part(tokens: Sequence[Token], last: int) -> bool:
    following = next((t for t in tokens[last + 1 :] if t.kind != "soft"), None)
    return following is None or following.kind in ("break", "comma") or following.lower in _CONJUNCTIONS


def _select(
    candidates: list[_Candidate], n_tokens: int, tokens: Sequence[Token] | None = None
) -> list[_Candidate]:
    """Longest first, then best priority, then leftmost; no two chosen candidates share a token."""
    taken = [False] * n_tokens
    chosen: list[_Candidate] = []
    ranked = sorted(
        candidates, key=lambda c: (c.gaps - c.words, c.priority, c.gaps, c.last - c.first, c.first)
    )
    for candidate in ranked:
        if any(taken[candidate.first : candidate.last + 1]):
            continue
        for k in range(candidate.first, candidate.last + 1):
            taken[k] = True
        chosen.append(candidate)
    # "malformed nose with broad bridge", "lower back pain that shoots down my leg": the noun that a longer
    # finding starts with ("nose with broad bridge") is also the head of the words before it
    starts = {c.first: c for c in chosen if c.positions}
    for candidate in ranked:
        other = starts.get(candidate.last)
        if (
            other is not None
            and candidate.words >= 2
            and not candidate.gaps
            and candidate.ids[0] not in other.ids
            and len(other.positions) > 1
            and other.positions[0] == candidate.last
            and not any(taken[candidate.first : candidate.last])
            and candidate.first < candidate.last
            and tokens is not None
            and _opens_the_longer_finding(tokens, other.first)
        ):
            for k in range(candidate.first, candidate.last):
                taken[k] = True
            chosen.append(candidate)
    return chosen


# Session 15: words after a shared noun that open the longer finding's own words ("nose with broad bridge",
# "lower back pain that shoots down the back of my leg")
_SHARED_HEAD_LINKS = frozenset({"with", "that", "which"})


def _opens_the_longer_finding(tokens: Sequence[Token], position: int) -> bool:
    following = next((t for t in tokens[position + 1 :] if t.kind != "soft"), None)
    return following is not None and following.lower in _SHARED_HEAD_LINKS


def _new_findings(chosen: list[_Candidate], extra: list[_Candidate]) -> list[_Candidate]:
    """Extra candidates, without those repeating a chosen term over an overlapping span."""
    out: list[_Candidate] = []
    for candidate in extra:
        if any(
            c.ids[0] == candidate.ids[0] and c.first <= candidate.last and candidate.first <= c.last
            for c in (*chosen, *out)
        ):
            continue
        out.append(candidate)
    return out


_CYTOGENETIC_WORDS = frozenset({"cytogenetic", "marker", "markers", "deletion", "deletions", "probe"})


def _chromosome_context(tokens: Sequence[Token], candidate: _Candidate) -> bool:
    """'short arm of chromosome 3', 'chromosomal deletion': cytogenetics, not a phenotype."""
    following = [t.lower for t in tokens[candidate.last + 1 : candidate.last + 4] if t.kind == "word"]
    if following[:2] == ["of", "chromosome"] or following[:3] == ["of", "the", "chromosome"]:
        return True
    nxt = tokens[candidate.last + 1] if candidate.last + 1 < len(tokens) else None
    if nxt is not None and nxt.lower in _CYTOGENETIC_WORDS:  # "short arm cytogenetic markers"
        return True
    previous = next((t.lower for t in reversed(tokens[: candidate.first]) if t.kind == "word"), "")
    return previous in ("chromosome", "chromosomal")


def _lookup(lexicon: Lexicon, words: list[str]) -> tuple[Key, tuple[str, ...]]:
    key = tuple(sorted(words))
    return key, lexicon.phrases.get(key, ())


_SEPARATOR_WORDS = frozenset({"and", "or", "nor", "&"})
MAX_CONJUNCT_WORDS = 2  # words of a conjunct sharing a head ("posterior subcapsular", "lower limbs")
MAX_FIRST_CONJUNCT_WORDS = 4  # content words of the first conjunct that holds a shared head


def _is_separator(token: Token) -> bool:
    return token.kind == "comma" or token.lower in _SEPARATOR_WORDS or token.text == "/"


def _chunks(tokens: Sequence[Token]) -> list[list[list[int]]]:
    """Chains of conjuncts: runs of tokens between separators (",", "and", "or", "/"), grouped by sentence
    part (a hard break ends a chain). Each conjunct is the list of its content-word token indexes."""
    chains: list[list[list[int]]] = []
    chain: list[list[int]] = []
    current: list[int] = []
    in_separator = False
    for i, token in enumerate(tokens):
        if token.kind == "break":
            if current:
                chain.append(current)
            if len(chain) > 1:
                chains.append(chain)
            chain, current, in_separator = [], [], False
            continue
        if _is_separator(token) and (token.text != "/" or current):
            if current or not in_separator:
                chain.append(current)
            current, in_separator = [], True
            continue
        in_separator = False
        if token.kind == "word" and not token.stop:
            current.append(i)
    if current:
        chain.append(current)
    if len(chain) > 1:
        chains.append(chain)
    return chains


def _adjacent(tokens: Sequence[Token], positions: Sequence[int]) -> bool:
    """Content words next to each other (only soft punctuation between)."""
    return all(tokens[j].kind == "soft" for a, b in pairwise(positions) for j in range(a + 1, b))


def _expand_coordinations(
    lexicon: Lexicon, tokens: Sequence[Token], chosen: list[_Candidate]
) -> list[_Candidate]:
    """Coordinated findings that share a head:

    * head on the right: "aplastic or hypoplastic nails", "posterior subcapsular or capsular cataract",
      "anal, renal, limb and ear anomalies" → each conjunct + the head of the last one;
    * head on the left: "cleft lip and palate", "hypoplasia of the radius and ulna", "involvement of the
      lower limbs, genitalia, and nails" → the head of the first conjunct + each later one.

    The shared part must be incomplete on its own: a conjunct that is already a finding ("triphalangeal
    thumb, …, and renal anomalies", "developmental delay and glaucoma") shares nothing. A combination
    counts only if it is a lexicon phrase, so "short stature and long fingers" stays two findings."""
    extra: list[_Candidate] = []
    covered = [False] * len(tokens)
    for c in chosen:
        for k in range(c.first, c.last + 1):
            covered[k] = True
    vocabulary = lexicon.vocabulary

    def add(positions: list[int]) -> bool:
        # a conjunct's run may start with its negator ("don't see or hear things that aren't there"):
        # the negator denies the combination, it is not part of it
        start = min(positions)
        if tokens[start].key in _NEGATORS and len(positions) > 2:
            positions = [p for p in positions if p != start]
        words = [tokens[p].key for p in positions]
        key, ids = _lookup(lexicon, words)
        if not ids:  # "flexion deformity of the right knee and ankle": without the side word inside
            ordered = sorted(positions)
            positions = [
                p for p in ordered if p in ordered[:: len(ordered) - 1] or tokens[p].lower not in MODIFIERS
            ]
            words = [tokens[p].key for p in positions]
            key, ids = _lookup(lexicon, words)
        if not ids or len(words) < 2:
            return False
        tests = lexicon.contextual.get(key)
        if tests is not None and not _sentence_names(tokens, positions[0], tests):
            return False  # "period is very heavy, I change …" is no EEG finding without an EEG
        # the combination read in its own order may be a name as written ("cerebral and cerebellar
        # atrophy": "cerebral atrophy" is Cerebral atrophy, not the Brain atrophy of "cerebral" ≈ brain)
        exact_ids = lexicon.exact.get(tuple(surface_form(tokens[p].lower) for p in positions))
        ordered = sorted(positions)
        extra.append(
            _Candidate(
                ordered[0], ordered[-1], len(words), lexicon.priorities[key], exact_ids or ids, tuple(ordered)
            )
        )
        return True

    for chain in _chunks(tokens):
        for j in range(1, len(chain)):
            # Head on the right: conjunct j starts with "<item…> <head…>", itself a finding ("renal
            # anomalies"); the conjuncts before it are bare items (the earliest may end a longer clause
            # part: "synostosis of some carpal and tarsal bones").
            run = _leading_run(tokens, chain[j], 4)
            # (is "<item> <head>" a finding, head); an item that is not ("mixed lens opacities") must
            # at least be lexicon words, and then shares its head only with bare conjuncts.
            shapes = [
                (_is_phrase(lexicon, tokens, run[:end]), run[split:end])
                for end in range(len(run), 1, -1)
                for split in range(1, end)
                if _is_phrase(lexicon, tokens, run[:end])
                or (end == len(run) and all(tokens[p].key in vocabulary for p in run[:split]))
            ]
            if not shapes:
                continue
            shared = False  # the head already made a finding with a bare item of this list
            for conjunct in reversed(chain[:j]):
                item = _trailing_run(tokens, conjunct, MAX_CONJUNCT_WORDS)
                if not item or any(covered[p] or tokens[p].key == GENERIC_KEY for p in item):
                    break  # a finding of its own, or "this disorder, bifid ribs"
                bare = len(conjunct) == len(item)
                for size in range(len(item), 0, -1):
                    if any(add(item[-size:] + head) for phrase, head in shapes if phrase or bare or shared):
                        shared = shared or bare
                        if size == 2 and j == len(chain) - 1 and not covered[run[0]]:
                            # "thin upper and lower lips": the first word qualifies every item
                            add(item[:1] + run)
                        elif size == 1 and len(item) == 2 and not covered[item[0]]:
                            # "long thin and lax fingers": adjectives without a comma are coordinated too
                            # (as "long, thin and lax fingers") when the item as a whole names nothing
                            any(add(item[:1] + head) for phrase, head in shapes if phrase or bare or shared)
                        break
                if not bare:
                    break  # a longer clause part starts the list
        for i in range(len(chain) - 1):
            # Head on the left: conjunct i ends with "<head…> <first item>", itself a finding ("hypoplasia
            # of the radius"); the conjuncts after it are bare items ("and ulna").
            # fillers left out: "his skin is really dry and flaky" shares "skin" as "skin is dry and flaky"
            first = [p for p in chain[i] if tokens[p].lower not in FILLER_WORDS][-MAX_FIRST_CONJUNCT_WORDS:]
            heads = [
                first[begin:split]
                for begin in range(len(first) - 1)
                if _is_phrase(lexicon, tokens, first[begin:])
                for split in range(len(first) - 1, begin, -1)
            ]
            if not heads:
                continue
            for conjunct in chain[i + 1 :]:
                # a bare item, or one that the rest of its clause part follows ("cleft lip and palate
                # were repaired", "muscle weakness or wasting was the first symptom")
                item = _leading_run(tokens, conjunct, MAX_CONJUNCT_WORDS)
                if not item or any(covered[p] for p in item):
                    break
                for size in range(len(item), 0, -1):
                    if size < len(conjunct) and not _ends_the_item(tokens, item[size - 1]):
                        continue  # "dry and scaly like a fish": the item's own words go on
                    if any(add(head + item[:size]) for head in heads):  # longest head first
                        break
                if len(item) < len(conjunct):
                    break
        for i in range(len(chain) - 1):
            # Predicates: "her knees are swollen and sore", "his skin is dry, red and itchy": the subject
            # of the copula goes with every adjective of the list, whether or not the first is a finding.
            first = [p for p in chain[i] if tokens[p].lower not in FILLER_WORDS]  # "really swollen"
            if len(first) < 2 or not _copula_between(tokens, first[-2], first[-1]):
                continue
            subject = first[-2]
            if covered[subject] and covered[first[-1]]:
                continue  # "legs are weak and stiff": the head-on-left rule above shares it
            items = [first[-1]]
            for conjunct in chain[i + 1 :]:
                if len(conjunct) != 1 and not _ends_the_item(tokens, conjunct[0]):
                    break
                items.append(conjunct[0])
                if len(conjunct) != 1:
                    break  # "… and painful since yesterday": the list ends with its circumstance
            if len(items) < 2:
                continue
            for predicate in items:
                if not covered[predicate]:
                    add([subject, predicate])
        for j in range(1, len(chain)):
            # Subjects: "his knees and ankles are swollen", "my skin and the whites of my eyes have gone
            # yellow": each earlier bare subject goes with the predicate after the last one's copula
            # (and with the adjectives listed after it: "… are swollen and painful").
            predicates = _shared_predicates(tokens, chain, j)
            if not predicates:
                continue
            for conjunct in reversed(chain[:j]):
                nouns = [p for p in conjunct if tokens[p].lower not in FILLER_WORDS]
                if (
                    not nouns
                    or len(nouns) > MAX_CONJUNCT_WORDS
                    or any(covered[p] for p in nouns)
                    or not _bare_phrase(tokens, nouns)
                ):
                    break  # a finding of its own, or a clause ("my skin, which was fine, and …")
                for options in predicates:
                    for reading in options:  # "turned yellow last week": the longest that is a finding
                        if add(nouns + reading):  # "… have not gone yellow": `_negators_inside`
                            break
    return extra


def _shared_predicates(tokens: Sequence[Token], chain: list[list[int]], j: int) -> list[list[list[int]]]:
    """The predicates of conjunct j, each as its readings longest first ("ankles are swollen" →
    [[[swollen]]]; "eyes turned yellow last week" → [[[yellow, last], [yellow]]]), then the one-word
    conjuncts after it ("… and painful"); none unless a copula follows the conjunct's subject."""
    skipped = FILLER_WORDS | _BECOMING_WORDS  # negation is read later, over the whole span
    words = [p for p in chain[j] if tokens[p].lower not in skipped and tokens[p].key not in _NOT_KEYS]
    for split in range(1, min(len(words), MAX_CONJUNCT_WORDS + 1)):
        if _subject_copula(tokens, words[split - 1], words[split]):
            break
    else:
        return []
    after = _leading_run(tokens, words[split:], MAX_CONJUNCT_WORDS)
    predicates = [[after[:n] for n in range(len(after), 0, -1)]]
    for conjunct in chain[j + 1 :]:
        if len(conjunct) != 1:
            break
        predicates.append([conjunct])
    return predicates


# Words that make a conjunct a clause, not a subject of the list ("my skin, which was fine, and …").
_CLAUSE_WORDS = frozenset({"which", "that", "who", "when", "while", "but"})


def _bare_phrase(tokens: Sequence[Token], subject: list[int]) -> bool:
    """Nothing but the subject's words, stop words and soft punctuation between the separators around
    it: no verb of its own, no relative clause."""
    first, last = subject[0], subject[-1]
    while first > 0 and not _is_separator(tokens[first - 1]) and tokens[first - 1].kind != "break":
        first -= 1
    while last + 1 < len(tokens) and not _is_separator(tokens[last + 1]) and tokens[last + 1].kind != "break":
        last += 1
    return all(
        i in subject
        or tokens[i].kind == "soft"
        or (
            tokens[i].kind == "word"
            and (tokens[i].stop or tokens[i].lower in FILLER_WORDS)
            and tokens[i].lower not in _COPULA_WORDS
            and tokens[i].lower not in _CLAUSE_WORDS
        )
        for i in range(first, last + 1)
    )


_NOT_KEYS = frozenset({"not", "never", "no", "cannot"})  # keys: "haven't", "isn't" are "not"
# Verbs of becoming, said of a body part ("have gone yellow", "turned blue", "got red").
_BECOMING_WORDS = frozenset(
    {"gone", "go", "goes", "went", "turned", "turn", "turns", "become", "becomes", "got"}
)


def _subject_copula(tokens: Sequence[Token], subject: int, predicate: int) -> bool:
    """A copula or a verb of becoming between the two words, and only stop, filler or negation words
    besides ("are swollen", "have gone yellow", "were not enlarged")."""
    between = [t for t in tokens[subject + 1 : predicate] if t.kind != "soft"]
    links = [t for t in between if (_COPULA_WORDS | _BECOMING_WORDS).intersection(t.lower.split())]
    return bool(links) and all(
        t.kind == "word" and (t.stop or t.lower in FILLER_WORDS or t.key in _NOT_KEYS or t in links)
        for t in between
    )


_COPULA_WORDS = frozenset({"is", "are", "was", "were", "look", "looks", "looked", "feel", "feels", "felt"})


def _copula_between(tokens: Sequence[Token], subject: int, predicate: int) -> bool:
    """Only a copula (and stop or filler words) stands between the two words: "knees are swollen"."""
    between = [t for t in tokens[subject + 1 : predicate] if t.kind != "soft"]
    allowed = all(
        t.kind == "word" and (t.stop or t.lower in FILLER_WORDS or t.lower in _COPULA_WORDS) for t in between
    )
    return allowed and any(t.lower in _COPULA_WORDS for t in between)


# Greek/Latin combining forms of organs that join two organ words into one adjective ("oculocutaneous",
# "cardiopulmonary", "neurobehavioural"), with the plain word each stands for.
COMBINING_FORMS = {
    "cardio": "heart", "pulmono": "lung", "oculo": "eye", "cranio": "skull", "facio": "face", "oro": "mouth",
    "naso": "nose", "hepato": "liver", "spleno": "spleen", "reno": "kidney", "neuro": "nervous system",
    "gastro": "stomach", "entero": "intestine", "musculo": "muscle", "osteo": "bone", "cerebro": "brain",
    "thoraco": "thorax", "oto": "ear", "dermato": "skin", "broncho": "bronchus", "genito": "genital",
    "cutaneo": "skin", "vesico": "bladder", "uretero": "ureter", "costo": "rib", "vertebro": "vertebra",
}  # fmt: skip
MAX_COMBINED_HEAD_WORDS = 2  # words after the compound that may complete a finding ("arrest")


def _combined_organs(lexicon: Lexicon, tokens: Sequence[Token]) -> list[_Candidate]:
    """A compound of two organ words that no phrase uses is read as their coordination: "oculocutaneous
    albinism" = "ocular and cutaneous albinism", "cardiopulmonary arrest" = "cardiac and pulmonary
    arrest". Each part, with the words after it, counts when it is a lexicon phrase."""
    vocabulary = lexicon.vocabulary
    extra: list[_Candidate] = []
    for i, token in enumerate(tokens):
        lower = token.lower
        if token.kind != "word" or token.key in vocabulary or len(lower) < 9 or not lower.isalpha():
            continue
        prefix = next((p for p in COMBINING_FORMS if lower.startswith(p) and len(lower) - len(p) >= 4), None)
        if prefix is None:
            continue
        rest = tokenize(lower[len(prefix) :])
        if len(rest) != 1 or rest[0].key not in vocabulary or not is_mapped_adjective(rest[0].lower):
            continue  # the second part must be an organ adjective too ("neurogenetic" is no organ pair)
        organ = [t.key for t in tokenize(COMBINING_FORMS[prefix])]
        following: list[int] = []
        for j in range(i + 1, len(tokens)):
            if len(following) >= MAX_COMBINED_HEAD_WORDS or tokens[j].kind != "word" or tokens[j].stop:
                break
            following.append(j)
        for part in (organ, [rest[0].key]):
            for size in range(len(following), 0, -1):
                words = part + [tokens[p].key for p in following[:size]]
                key, ids = _lookup(lexicon, words)
                if ids:
                    extra.append(
                        _Candidate(
                            i,
                            following[size - 1],
                            len(words),
                            lexicon.priorities[key],
                            ids,
                            (i, *following[:size]),
                        )
                    )
                    break
    return extra


# Age words right before a finding ("neonatal feeding difficulties", "infantile hypotonia") → the ages of
# HPO's age-specific children to try, in order (a newborn is an infant too; an infant need not be a newborn).
_AGE_WORDS = {
    "infant": ("infant",), "infantile": ("infant",), "newborn": ("neonatal", "infant"),
    "neonatal": ("neonatal", "infant"),
}  # fmt: skip
MAX_AGE_DISTANCE = 0  # words between the age word and the finding: it qualifies the finding itself (a
# baby as the subject, "the baby has no trouble feeding", reads either way and is left alone)


def _ages(lexicon: Lexicon, tokens: Sequence[Token], chosen: list[_Candidate]) -> None:
    """A finding qualified by an age word is its age-specific child term when HPO has one ("neonatal
    feeding difficulties" → *Feeding difficulties in infancy*, "newborn hypotonia" → *Neonatal hypotonia*)."""
    children = lexicon.age_children
    if not children:
        return
    for candidate in chosen:
        by_age = children.get(candidate.ids[0])
        if by_age is None:
            continue
        words = 0
        for j in range(candidate.first - 1, -1, -1):
            token = tokens[j]
            if token.kind == "break":
                break
            if token.kind != "word":
                continue
            ages = _AGE_WORDS.get(token.lower)
            if ages is not None:
                term_id = next((by_age[a] for a in ages if a in by_age), None)
                if term_id is not None:
                    candidate.ids = (term_id,)
                    if not any(c.first <= j <= c.last for c in chosen):
                        candidate.first, candidate.positions = j, (j, *candidate.positions)
                break
            words += 1
            if words > MAX_AGE_DISTANCE:
                break
    _stated_ages(lexicon, tokens, chosen)


# An age stated in days, weeks or months ("my 3 week old", "she's ten days old", "a 5-month-old"): the
# person is a neonate (up to four weeks) or an infant (under a year) for the findings of that sentence.
_STATED_AGE_RE = re.compile(
    r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven) (day|week|month)s? old\b"
)


def _sentence_bounds(tokens: Sequence[Token], position: int) -> tuple[int, int]:
    """The token range [start, end) of the sentence part (between hard breaks) holding ``position``."""
    start = position
    while start > 0 and tokens[start - 1].kind != "break":
        start -= 1
    end = position
    while end < len(tokens) and tokens[end].kind != "break":
        end += 1
    return start, end


def _folded_words(tokens: Sequence[Token], start: int, end: int) -> str:
    """The folded words of a token range joined by single spaces: what context cues are matched on."""
    return " ".join(t.lower for t in tokens[start:end] if t.kind == "word")


def _sentence_text(tokens: Sequence[Token], position: int, cache: dict[int, str]) -> str:
    """The folded words of the sentence holding ``position``, kept in ``cache`` by the sentence's start."""
    start, end = _sentence_bounds(tokens, position)
    if start not in cache:
        cache[start] = _folded_words(tokens, start, end)
    return cache[start]


def _stated_ages(lexicon: Lexicon, tokens: Sequence[Token], chosen: list[_Candidate]) -> None:
    children = lexicon.age_children
    sentences: dict[int, str] = {}
    for candidate in chosen:
        by_age = children.get(candidate.ids[0])
        if by_age is None:
            continue
        ages = _stated_age(_sentence_text(tokens, candidate.first, sentences))
        term_id = next((by_age[a] for a in ages if a in by_age), None)
        if term_id is not None:
            candidate.ids = (term_id,)


def _stated_age(sentence: str) -> tuple[str, ...]:
    match = _STATED_AGE_RE.search(sentence)
    if match is None:
        return ()
    number = NUMBER_WORDS.get(match.group(1), 1) if not match.group(1).isdigit() else int(match.group(1))
    unit = match.group(2)
    if unit == "day" or (unit == "week" and number <= 4):
        return ("neonatal", "infant")
    if (unit == "week" and number <= 52) or (unit == "month" and number < 12):
        return ("infant",)
    return ()


# Comparatives in "-er" that are place or time words of their own, never "more <adjective>"
_NOT_COMPARATIVES = frozenset(
    {"lower", "upper", "inner", "outer", "later", "latter", "former", "older", "elder"}
)
_COMPARISON_DEGREE = frozenset({"much", "far", "way", "even", "lot", "bit", "little"})
# Verbs of becoming before a comparative read as a copula ("my eyelids get droopier" = are droopier)
_BECOMING = frozenset({"get", "gets", "got", "getting", "become", "becomes", "became", "becoming", "grown"})
# Words before a "-er" comparative that mark it as one ("getting weaker", "much paler"); a "-er" word
# elsewhere is more often a noun of agent ("a light sleeper", "a walker")
_COMPARATIVE_CUES = frozenset(
    {
        "getting",
        "get",
        "gets",
        "got",
        "gotten",
        "become",
        "becomes",
        "became",
        "becoming",
        "grown",
        "gone",
        "much",
        "even",
        "bit",
        "lot",
        "far",
        "way",
        "slightly",
        "little",
        "no",
        "any",
        "looks",
        "look",
        "seems",
        "feels",
        "feel",
        "felt",
        "are",
        "is",
        "was",
        "were",
    }
)


@lru_cache(maxsize=4096)
def _word_tokens(word: str) -> tuple[Token, ...]:
    return tuple(tokenize(word))


def _comparatives(lexicon: Lexicon, tokens: list[Token]) -> list[Token]:
    """A comparative is its adjective when the lexicon knows the adjective and not the comparative:
    "-ier" → "-y" anywhere ("eyelids get droopier" = droopy eyelids), "-er" → the adjective (with its
    doubled consonant or silent e) after a word that marks a comparison or before "than" ("getting
    weaker", "much paler than before"). Round 9's fixed list (smaller, larger …) is a subset."""
    vocabulary = lexicon.vocabulary
    out = tokens
    for i, token in enumerate(tokens):
        word = token.lower
        if (
            word in _COMPARISON_DEGREE
            and i + 2 < len(tokens)
            and tokens[i + 1].lower.endswith("er")
            and tokens[i + 2].lower == "than"
        ):  # "his head is much bigger than other babies'": "much" qualifies the comparison only
            if out is tokens:
                out = list(tokens)
            out[i] = token._replace(stop=True)
            continue
        if word == "more" and _more_before_a_state(lexicon, tokens, i):
            if out is tokens:
                out = list(tokens)
            out[i] = token._replace(stop=True)  # "his legs are more swollen than yesterday"
            continue
        if token.kind != "word" or token.stop or len(word) < 5 or not word.isalpha():
            continue
        if not word.endswith("er") or word in _NOT_COMPARATIVES or token.key in vocabulary:
            continue
        if word.endswith("ier"):
            bases = [word[:-3] + "y", word[:-3]]  # scalier → scaly, droopier → droopy, droop
        else:
            before = tokens[i - 1].lower if i > 0 else ""
            after = tokens[i + 1].lower if i + 1 < len(tokens) else ""
            if before not in _COMPARATIVE_CUES and after != "than":
                continue
            stem_ = word[:-2]
            bases = [stem_, stem_ + "e"]
            if len(stem_) > 2 and stem_[-1] == stem_[-2]:
                bases.insert(0, stem_[:-1])  # bigger, thinner, flatter
        for base in bases:
            new = _word_tokens(base)
            if len(new) == 1 and new[0].key in vocabulary and not new[0].stop:
                if out is tokens:
                    out = list(tokens)
                out[i] = Token(token.text, token.start, token.end, new[0].lower, new[0].key, False, "word")
                previous = tokens[i - 1] if i > 0 else None
                if previous is not None and previous.lower in _BECOMING:  # "eyelids get droopier": as "are"
                    out[i - 1] = previous._replace(stop=True)
                break
    return out


# Session 15: words before "more" that make it a comparison of a state ("legs are more swollen", "speech has
# got more slurred", "a lot more painful"); "no more" and "any more" say something else
_MORE_CUES = (_COMPARATIVE_CUES - {"no", "any"}) | {"is", "are", "was", "were", "been", "be", "seems"}


def _more_before_a_state(lexicon: Lexicon, tokens: Sequence[Token], i: int) -> bool:
    """ "more" between a comparison cue and a lexicon word (not a phrase with "more" itself)."""
    if i == 0 or i + 1 >= len(tokens) or tokens[i - 1].lower not in _MORE_CUES:
        return False
    following = tokens[i + 1]
    return (
        following.kind == "word"
        and not following.stop
        and following.key in lexicon.vocabulary
        and (following.key, "more") not in lexicon.phrases
        and ("more", following.key) not in lexicon.phrases
    )


# Session 14: verbs that link a body part to how it is, as "is" does ("my eyes feel dry", "her joints feel
# stiff", "his throat looks red", "my legs feel restless"), and the verbs of becoming ("my joints get stiff")
_LINKING_VERBS = (
    frozenset({"feel", "feels", "felt", "look", "looks", "looked", "seem", "seems", "seemed"})
    | _BECOMING
    | _BECOMING_WORDS
)


def _linking_verbs(lexicon: Lexicon, tokens: list[Token]) -> list[Token]:
    """A linking verb right after a body part and before another word is read as a stop word, as "is"
    is: the body part and what it feels like make the finding's words."""
    out = tokens
    for i, token in enumerate(tokens):
        if token.lower not in _LINKING_VERBS or i == 0 or i + 1 >= len(tokens):
            continue
        before, after = tokens[i - 1], tokens[i + 1]
        if after.lower == "more" and i + 2 < len(tokens):
            after = tokens[i + 2]  # session 15: "his tummy looks more swollen" (a comparison of the state)
        if (
            before.kind != "word"
            or before.key not in lexicon.body_nouns
            or after.kind != "word"
            or after.stop
        ):
            continue
        if _phrase_with_the_verb(lexicon, tokens, i):
            continue  # the lexicon's own phrase says it with the verb ("colours look washed out")
        if out is tokens:
            out = list(tokens)
        out[i] = token._replace(stop=True)
    return out


def _phrase_with_the_verb(lexicon: Lexicon, tokens: list[Token], i: int) -> bool:
    """Whether the body part, the verb at ``i`` and up to four words after it make a lexicon phrase
    ("heart goes all over the place")."""
    words = [tokens[i - 1].key, tokens[i].key]
    for t in tokens[i + 1 : i + 7]:
        if t.kind != "word":
            break
        if t.stop:
            continue
        words.append(t.key)
        if tuple(sorted(words)) in lexicon.phrases:
            return True
        if len(words) == 6:
            break
    return False


@lru_cache(maxsize=1)
def _modifier_cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((modifier, re.compile(cue)) for modifier, cue in read_modifier_cues())


@lru_cache(maxsize=1)
def _context_children() -> dict[str, tuple[tuple[ContextChild, re.Pattern[str]], ...]]:
    table: dict[str, list[tuple[ContextChild, re.Pattern[str]]]] = defaultdict(list)
    for row in read_context_children():
        table[row.finding].append((row, re.compile(row.cue)))
    return {finding: tuple(rows) for finding, rows in table.items()}


def _specialisations(lexicon: Lexicon, tokens: Sequence[Token], chosen: list[_Candidate]) -> dict[int, str]:
    """Findings whose sentence carries a cue for one of their children: a child listed with its cue
    (``data/context-children.tsv``: "short of breath when I lie flat" → *Orthopnea*) or a modifier that
    HPO names a child of the finding with (``data/modifier-cues.tsv``: "fevers every 3 or 4 weeks" →
    *Recurrent fever*, "out of breath going up the stairs" → *Exertional dyspnea*); when both match, the
    cue nearer the finding wins (a tie: the listed child). Keyed by ``id(candidate)``; applied to present
    findings only ("no fever for months" stays *Fever*)."""
    children = lexicon.modifier_children
    listed = _context_children()
    result: dict[int, str] = {}
    sentences: dict[int, str] = {}
    for candidate in chosen:
        by_modifier = children.get(candidate.ids[0], {})
        by_cue = listed.get(candidate.ids[0], ())
        if not by_modifier and not by_cue:
            continue
        sentence = _sentence_text(tokens, candidate.first, sentences)
        start = _sentence_bounds(tokens, candidate.first)[0]
        at = len(_folded_words(tokens, start, candidate.first))
        span = (at + (at > 0), len(_folded_words(tokens, start, candidate.last + 1)))  # the finding's words
        options = (
            _nearest_cued_child(lexicon, sentence, span, by_cue),
            _modified_child(tokens, candidate, sentence, span, by_modifier),
        )
        # the cue nearer the finding wins ("SOB on the stairs, now needs 3 pillows": exertional)
        chosen_child = min((o for o in options if o is not None), key=lambda o: o[0], default=None)
        if chosen_child is not None and _long_enough(chosen_child[1], sentence):
            result[id(candidate)] = chosen_child[1]
    return result


# Session 18: a child HPO defines by a minimum duration is read only where the sentence says one that long:
# *Chronic fatigue* persists "for six months or longer", so "tired for months" stays *Fatigue* (the lay
# authors' code in 8 of 12 such texts), "tired for about 8 months" or "wiped out for over a year" is chronic
_MINIMUM_DURATIONS = {
    "HP:0012432": re.compile(
        r"\b(?:(?:[6-9]|1[0-9]|six|seven|eight|nine|ten|eleven|twelve|eighteen) months"
        r"|(?:a|one|\d+|two|three|four|five|many|several) years?|years|ever since"
        r"|all (?:my|his|her|their) li(?:fe|ves))\b"
    ),
}


def _long_enough(child: str, sentence: str) -> bool:
    minimum = _MINIMUM_DURATIONS.get(child)
    return minimum is None or bool(minimum.search(sentence))


def _distance(match: re.Match[str], span: tuple[int, int]) -> int:
    """Characters between a cue's match and the finding's words at ``span`` of the sentence (0 inside)."""
    return max(match.start() - span[1], span[0] - match.end(), 0)


def _words_between(sentence: str, match: re.Match[str], span: tuple[int, int]) -> int:
    """Words between a cue's match and the finding's words (0 when they touch or overlap)."""
    gap = sentence[span[1] : match.start()] if match.start() >= span[1] else sentence[match.end() : span[0]]
    return len(gap.split())


def _nearest_cued_child(
    lexicon: Lexicon,
    sentence: str,
    span: tuple[int, int],
    by_cue: Sequence[tuple[ContextChild, re.Pattern[str]]],
) -> tuple[int, str] | None:
    """The listed child whose cue matches the sentence nearest the finding ("short of breath when I lie
    flat and I wake up in the night gasping for air": orthopnoea, then paroxysmal nocturnal dyspnoea),
    with the distance; a row with ``within`` counts only that many words from the finding."""
    found = [
        (_distance(match, span), row.child)
        for row, cue in by_cue
        if row.child in lexicon.scope
        for match in cue.finditer(sentence)
        if row.within is None or _words_between(sentence, match, span) <= row.within
    ]
    return min(found, key=lambda f: f[0]) if found else None


def _modified_child(
    tokens: Sequence[Token],
    candidate: _Candidate,
    sentence: str,
    span: tuple[int, int],
    by_modifier: dict[str, str],
) -> tuple[int, str] | None:
    """The child named by the first modifier whose cue the sentence carries, with the distance."""
    for modifier, cue in _modifier_cues():
        child = by_modifier.get(modifier)
        if child is None or not cue.search(sentence):
            continue  # (a child found too is the same finding: "coughing up green phlegm")
        if modifier in _SITE_MODIFIERS and not _names_site(tokens, candidate, modifier, cue, sentence, span):
            continue  # "shaky hands, sweats through her clothes": the sweating is no palmar one
        return min(_distance(m, span) for m in cue.finditer(sentence)), child
    return None


# Modifiers that name a body site: they specialise only a finding whose own words name the site, or whose
# words the site's cue takes in ("my hands won't stop trembling").
_SITE_MODIFIERS = {"hand": frozenset({"hand", "finger"})}


def _names_site(
    tokens: Sequence[Token],
    candidate: _Candidate,
    modifier: str,
    cue: re.Pattern[str],
    sentence: str,
    span: tuple[int, int],
) -> bool:
    keys = _SITE_MODIFIERS[modifier]
    if any(tokens[k].key in keys for k in range(candidate.first, candidate.last + 1)):
        return True
    return any(m.start() <= span[0] and span[1] <= m.end() for m in cue.finditer(sentence))


# A clause "when(ever) <subject> <predicate>" sets the circumstance of another statement: "when he's
# tired one eye wanders", "I leak whenever I cough, sneeze or laugh". A finding that is the clause's own
# predicate (right after the subject and a copula, verb of becoming or degree word) is no finding of its
# own; a subject is required ("double vision when tired" is left alone), and a finding further on in the
# clause ("when he's tired he gets headaches") is kept.
_CIRCUMSTANCE_OPENERS = (("when",), ("whenever",), ("every", "time"), ("each", "time"))
_CIRCUMSTANCE_FIRST = frozenset(opener[0] for opener in _CIRCUMSTANCE_OPENERS)
_CIRCUMSTANCE_SUBJECTS = negation.word_set(
    "i he she they we you he's she's i'm they're we're you're hes shes im theyre youre"
)
_CIRCUMSTANCE_LINKS = negation.word_set(
    "is are am was were get gets got getting feel feels felt become becomes became very really so too "
    "bit overly extra"
)


# Session 15: the scar of an operation is what the operation leaves, not the finding Scarring ("numb patch
# beside the scar" after a knee replacement, "the end of my section scar has gone red")
SCARRING = "HP:0100699"
_SCAR_WORDS = frozenset({"scar", "scars"})
_OPERATION_WORDS = negation.word_set(
    "operation op surgery surgeon section c-section caesarean cesarean incision stitches staples wound "
    "replacement keyhole laparoscopy appendix gallbladder hernia repair bypass transplant"
)


def _without_operation_scars(tokens: Sequence[Token], chosen: list[_Candidate]) -> list[_Candidate]:
    """The chosen findings without a bare "scar" in a sentence (or the one before) about an operation."""
    kept = []
    for c in chosen:
        if c.ids[0] == SCARRING and c.first == c.last and tokens[c.first].lower in _SCAR_WORDS:
            start, end = _sentence_bounds(tokens, c.first)
            before = _sentence_bounds(tokens, start - 2)[0] if start >= 2 else start
            if any(t.lower in _OPERATION_WORDS for t in tokens[before:end]):
                continue
        kept.append(c)
    return kept


def _drop_circumstances(tokens: Sequence[Token], chosen: list[_Candidate]) -> list[_Candidate]:
    by_first = {c.first: c for c in chosen}
    dropped: set[int] = set()
    n = len(tokens)
    for i, token in enumerate(tokens):
        if token.lower not in _CIRCUMSTANCE_FIRST or token.kind != "word":
            continue
        for opener in _CIRCUMSTANCE_OPENERS:
            j = i + len(opener)
            if j >= n or tuple(t.lower for t in tokens[i:j]) != opener:
                continue
            if tokens[j].kind != "word" or tokens[j].lower not in _CIRCUMSTANCE_SUBJECTS:
                continue
            j += 1
            while j < n and tokens[j].kind == "word":
                if tokens[j].lower in _CIRCUMSTANCE_LINKS:
                    j += 1
                elif tokens[j].lower == "a" and j + 1 < n and tokens[j + 1].lower in ("bit", "little"):
                    j += 2  # "when she's a bit tired"; not "when she gets a cold"
                else:
                    break
            # the predicate, and the items of a list of predicates ("cough, sneeze or laugh")
            while j < n and tokens[j].kind == "word":
                candidate = by_first.get(j)
                if candidate is not None:
                    dropped.add(id(candidate))
                    j = candidate.last + 1
                elif tokens[j].lower in _CONJUNCTIONS or tokens[j].stop:
                    break
                else:
                    j += 1
                joins = j < n and (tokens[j].kind == "comma" or tokens[j].lower in ("or", "and"))
                if not joins or j + 1 >= n or tokens[j + 1].kind != "word":
                    break
                j += 1
    if not dropped:
        return chosen
    return [c for c in chosen if id(c) not in dropped]


def _is_phrase(lexicon: Lexicon, tokens: Sequence[Token], positions: list[int]) -> bool:
    """The words are a lexicon phrase, as they are or without the modifiers the phrase does not need."""
    if len(positions) < 2:
        return False
    if tuple(sorted(tokens[p].key for p in positions)) in lexicon.phrases:
        return True
    core = [tokens[p].key for p in positions if tokens[p].lower not in MODIFIERS]
    return len(core) > 1 and len(core) < len(positions) and tuple(sorted(core)) in lexicon.phrases


def _leading_run(tokens: Sequence[Token], positions: list[int], limit: int) -> list[int]:
    """The first content words of a conjunct that stand next to each other (at most ``limit``)."""
    run = positions[:1]
    for p in positions[1:limit]:
        if not _adjacent(tokens, [run[-1], p]):
            break
        run.append(p)
    return run


def _trailing_run(tokens: Sequence[Token], positions: list[int], limit: int) -> list[int]:
    """The last content words of a conjunct, next to each other and to the separator after them."""
    if not positions or not _ends_before_separator(tokens, positions[-1]):
        return []
    run = positions[-1:]
    for p in reversed(positions[-limit:-1]):
        if not _adjacent(tokens, [p, run[0]]):
            break
        run.insert(0, p)
    return run


# Session 16: adjectives that say how a part is, and the words that may follow the last of a list of them
# ("my calf is swollen and painful after the long flight", "knee swollen, red and sore since Sunday")
_STATE_ADJECTIVES = negation.word_set(
    "painful sore tender red hot warm swollen itchy numb weak tight puffy achy aching bruised throbbing"
)
_CIRCUMSTANCE_AFTER = negation.word_set("after since for during today yesterday now x")


def _ends_the_item(tokens: Sequence[Token], position: int) -> bool:
    """The word at ``position`` ends a list item: a function word follows it, or it is a state adjective
    that a circumstance follows."""
    return _before_function_word(tokens, position) or (
        tokens[position].lower in _STATE_ADJECTIVES and _next_word(tokens, position) in _CIRCUMSTANCE_AFTER
    )


def _before_function_word(tokens: Sequence[Token], position: int) -> bool:
    """The next word is a function word ("palate were repaired", "wasting of the hands")."""
    following = next((t for t in tokens[position + 1 :] if t.kind != "soft"), None)
    return following is not None and following.kind == "word" and following.stop


def _ends_before_separator(tokens: Sequence[Token], position: int) -> bool:
    following = next((t for t in tokens[position + 1 :] if t.kind != "soft" or t.text == "/"), None)
    return following is not None and _is_separator(following)


# "he is short", "she's very tall for her age": stature adjectives said of a person are the finding
_PREDICATES = {
    "short": "short stature",
    "tall": "tall stature",
    "shortest": "short stature",  # "she's the shortest in her class"
    "tallest": "tall stature",
}
_COPULAS = frozenset({"is", "are", "was", "were", "been", "seems", "looks", "remains", "became"})
_PERSONS = frozenset(
    {
        "he", "she", "i", "they", "we", "you", "patient", "patients", "child", "children", "boy", "girl",
        "son", "daughter", "baby", "infant", "man", "woman", "brother", "sister", "brothers", "sisters",
        "parents", "mother", "father", "mum", "mom", "dad", "twin", "twins", "proband",
    }
)  # fmt: skip
_CONTRACTED_PERSONS = frozenset({"he's", "she's", "i'm", "they're", "we're", "you're"})
_DEGREE = frozenset(
    {"very", "quite", "too", "really", "rather", "relatively", "extremely", "so", "also",
     # round 13: comparisons and time words ("he's much shorter than his friends", "she's now taller than
     # her sister", "she's the shortest in her year")
     "much", "way", "far", "even", "now", "still", "already", "the", "by"}
)  # fmt: skip
_AFTER_PREDICATE = frozenset(
    {"for", "too", "but", "and", "or", "although", "though", "now", "yet", "like", "than",
     "girl", "boy", "child", "kid", "one", "person", "in"}
)  # fmt: skip


def _predicates(
    lexicon: Lexicon, tokens: Sequence[Token], chosen: list[_Candidate], figures: frozenset[int] = frozenset()
) -> list[_Candidate]:
    """ "he is short", "she's very tall for her age": a stature adjective said of a person is the finding;
    not inside a figure of speech ("I'm short with the kids")."""
    taken = {k for c in chosen for k in range(c.first, c.last + 1)} | figures
    found: list[_Candidate] = []
    for i, token in enumerate(tokens):
        phrase = _PREDICATES.get(token.key) if token.kind == "word" else None  # "taller" = tall
        if phrase is None or i in taken:
            continue
        j = i - 1
        while j >= 0 and tokens[j].lower in _DEGREE:
            j -= 1
        if j < 0:
            continue
        if tokens[j].lower in _COPULAS:
            j -= 1
            while j >= 0 and tokens[j].lower in ("always", "still", "also", "has", "have", "had"):
                j -= 1
            if j < 0 or tokens[j].lower not in _PERSONS:
                continue
        elif tokens[j].lower not in _CONTRACTED_PERSONS:
            continue
        nxt = next((t for t in tokens[i + 1 :] if t.kind != "soft"), None)
        if (
            nxt is not None
            and nxt.kind == "word"
            and nxt.key in lexicon.vocabulary
            and nxt.lower not in _AFTER_PREDICATE
        ):
            continue  # "she is short limbed": the adjective starts a phrase of its own
        ids = lexicon.phrases.get(key_of(phrase))
        if ids:
            found.append(_Candidate(i, i, 1, 1, ids, (i,)))
    return found


# "the doctor couldn't hear any murmur", "we did not find any dysmorphic features": the examiner's
# perception, negating what follows (not the patient's hearing impairment)
_PERCEPTION = frozenset(
    {"hear", "see", "feel", "find", "detect", "notice", "palpate", "appreciate", "elicit"}
)
_NEGATED_KEYS = frozenset({"not", "cannot", "never"})
_BEFORE_OBJECT = frozenset({"any", "a", "an", "the", "signs", "sign", "evidence", "of"})


def _examiner_negations(tokens: Sequence[Token], chosen: list[_Candidate]) -> None:
    by_first = {c.first: c for c in chosen}
    drop: list[_Candidate] = []
    for candidate in chosen:
        if tokens[candidate.last].lower not in _PERCEPTION:
            continue
        if not any(tokens[k].key in _NEGATED_KEYS for k in range(candidate.first, candidate.last + 1)):
            continue
        j = candidate.last + 1
        skipped = 0
        while j < len(tokens) and tokens[j].lower in _BEFORE_OBJECT:
            j += 1
            skipped += 1
        target = by_first.get(j)
        if skipped and target is not None:
            target.negated = True
            drop.append(candidate)
    for candidate in drop:
        chosen.remove(candidate)


# "he has never had one", "mine is normal", "my scan was clear": a pronoun for the finding named just
# before (often a relative's), stated as absent for the patient
_NEVER_HAD = frozenset({"never", "not"})
_HAD = frozenset({"had", "have", "has", "got", "get"})
_PRONOUNS = frozenset({"one", "any", "it", "them"})
_OWN_WORDS = frozenset({"mine", "hers", "my", "her", "his", "own"})
_RESULT_WORDS = frozenset({"scan", "scans", "test", "tests", "result", "results", "check", "checkup"})
_NORMAL_RESULTS = frozenset({"normal", "fine", "clear", "ok", "okay", "negative", "unremarkable"})
MAX_ANAPHORA_DISTANCE = 40  # tokens back to the finding a pronoun stands for
# words that may follow a pronoun that ends its phrase ("never had one since", "hasn't had any at all");
# any other word makes "any"/"one" a determiner of its own noun ("she doesn't have any fits")
_AFTER_PRONOUN = frozenset(
    {
        "at",
        "all",
        "since",
        "before",
        "yet",
        "either",
        "though",
        "tho",
        "ever",
        "again",
        "lately",
        "recently",
        "now",
        "anymore",
        "so",
        "far",
        "and",
        "but",
        "or",
        "that",
        "himself",
        "herself",
        "themselves",
        "myself",
        "too",
        "in",
        "for",
        "this",
        "last",
    }
)


def _anaphor(tokens: Sequence[Token], words: list[int], n: int) -> tuple[int, int] | None:
    """The token span of a pronoun for an absent finding starting at word ``n``, if any."""
    lowers = [tokens[w].lower for w in words[n : n + 5]]
    if tokens[words[n]].key in _NEVER_HAD and len(lowers) >= 3:
        if lowers[1] in _HAD and lowers[2] in _PRONOUNS and _ends_phrase(tokens, words, n + 2):
            return words[n + 2], words[n + 2]  # "never had one"
        if (
            lowers[1] == "been"
            and len(lowers) >= 4
            and lowers[2] in _HAD
            and lowers[3] in _PRONOUNS
            and _ends_phrase(tokens, words, n + 3)
        ):
            return words[n + 3], words[n + 3]
    if lowers[0] in ("mine", "hers"):  # "mine is normal"
        subject = 1
    elif lowers[0] in _OWN_WORDS:  # "my scan was clear", "her own tests came back normal"
        subject = 1
        while subject < len(lowers) and lowers[subject] == "own":
            subject += 1
        if subject >= len(lowers) or lowers[subject] not in _RESULT_WORDS:
            return None
        subject += 1
    else:
        return None
    rest = lowers[subject:]
    if len(rest) >= 2 and rest[0] in ("is", "was", "are", "were") and rest[1] in _NORMAL_RESULTS:
        return words[n], words[n + subject - 1]
    if len(rest) >= 3 and rest[0] == "came" and rest[1] == "back" and rest[2] in _NORMAL_RESULTS:
        return words[n], words[n + subject - 1]
    return None


def _ends_phrase(tokens: Sequence[Token], words: list[int], n: int) -> bool:
    """Word ``n`` (a pronoun) is not followed directly by a word of its own noun phrase."""
    following = words[n] + 1
    if following >= len(tokens) or tokens[following].kind != "word":
        return True
    return tokens[following].lower in _AFTER_PRONOUN


def _anaphora(tokens: Sequence[Token], chosen: list[_Candidate]) -> list[_Candidate]:
    found: list[_Candidate] = []
    words = [i for i, t in enumerate(tokens) if t.kind == "word"]
    for n, i in enumerate(words):
        if tokens[i].key not in _NEVER_HAD and tokens[i].lower not in _OWN_WORDS:
            continue
        span = _anaphor(tokens, words, n)
        if span is None:
            continue
        previous = [c for c in chosen if c.last < span[0] and span[0] - c.last <= MAX_ANAPHORA_DISTANCE]
        if previous:
            antecedent = max(previous, key=lambda c: c.last)
            found.append(_Candidate(span[0], span[1], 0, 99, antecedent.ids, (), negated=True, own=True))
    return found


_ONSET_PREPOSITIONS = frozenset({"in", "during", "since", "from", "throughout"})
_ONSET_FILLERS = frozenset({"early", "late", "the", "his", "her", "their", "its", "mid"})


def _onsets(lexicon: Lexicon, tokens: Sequence[Token], chosen: list[_Candidate]) -> list[_Candidate]:
    """'… in childhood', 'since infancy', 'during early adulthood': onset terms whose HPO synonyms name
    the period ("Symptoms begin in childhood"); the preposition is required ("childhood vaccines")."""
    periods = lexicon.onset_periods
    if not periods:
        return []
    taken = {k for c in chosen for k in range(c.first, c.last + 1)}
    found: list[_Candidate] = []
    for i, token in enumerate(tokens):
        term_id = periods.get(token.lower) if token.kind == "word" else None
        if term_id is None or i in taken:
            continue
        j = i - 1
        while j >= 0 and tokens[j].lower in _ONSET_FILLERS:
            j -= 1
        if j >= 0 and tokens[j].lower in _ONSET_PREPOSITIONS:
            found.append(_Candidate(i, i, 1, 1, (term_id,), (i,)))
    return found


# "she was born eight weeks early", "he came 6 weeks premature": a birth four or more weeks early (before
# 37 weeks) is *Premature birth*; the birth verb is required. A gestational age alone ("born at 34 weeks",
# "32/40") is not read: ID-68 does not code it (round 9: 3 false positives), as it does not code
# milestone ages; the lead decides.
_BIRTH_VERBS = frozenset({"born", "delivered", "delivery", "birth", "arrived", "came"})
_WEEK_WORDS = frozenset({"weeks", "week", "wks", "wk"})
_EARLY_WORDS = frozenset({"early", "premature", "prematurely", "preterm", "prem"})
_BIRTH_VERB_REACH = 6  # word tokens back from the number ("born by caesarean section at 31 weeks")


def _number(token: Token) -> int | None:
    if token.lower.isdigit() and len(token.lower) <= 2:
        return int(token.lower)
    return NUMBER_WORDS.get(token.lower)


def _gestations(lexicon: Lexicon, tokens: Sequence[Token], chosen: list[_Candidate]) -> list[_Candidate]:
    ids = lexicon.phrases.get(key_of("premature birth"))
    if not ids or any(ids[0] in c.ids for c in chosen):
        return []
    n = len(tokens)
    for i, token in enumerate(tokens):
        weeks = _number(token) if token.kind == "word" else None
        if weeks is None:
            continue
        j = i + 1
        if not (
            j + 1 < n
            and tokens[j].lower in _WEEK_WORDS
            and tokens[j + 1].lower in _EARLY_WORDS
            and weeks >= 4
        ):
            continue
        last = j + 1
        seen = 0
        for k in range(i - 1, -1, -1):
            if tokens[k].kind == "break":
                break
            if tokens[k].kind != "word":
                continue
            if tokens[k].lower in _BIRTH_VERBS:
                return [_Candidate(i, last, 1, 1, ids, (i,))]
            seen += 1
            if seen >= _BIRTH_VERB_REACH:
                break
    return []


def _without_read_temperature_words(
    tokens: Sequence[Token], chosen: list[_Candidate], found: list[readings.Reading]
) -> list[_Candidate]:
    """The candidates without a one-word *Fever* ("temperature") inside a stated temperature: the number
    says whether there is a fever ("my temperature was 36.8" is none, "temperature 37.9" a low-grade one;
    "had a fever on Monday, temp 37.0" keeps the fever, which is no temperature word)."""
    spans = [(r.first, r.last) for r in found if r.temperature]
    low_grade = [(r.first, r.last) for r in found if r.temperature and r.hpo_id == readings.LOW_GRADE_FEVER]
    return [
        c
        for c in chosen
        if not (
            spans
            and c.first == c.last
            and c.ids[0] == readings.FEVER
            and (
                (tokens[c.first].lower.startswith("temp") and any(a <= c.first <= b for a, b in spans))
                # session 19: "a little fever, 37.8" is the low-grade fever its number says (3 of 3)
                or any(a <= c.first <= b for a, b in low_grade)
            )
        )
    ]


# Session 17: a reading that names better what the words it overlaps mean takes their candidate's place
# ("three falls in the past month" is Frequent falls, not the Falls of "falls"; "coughs on every drink" is
# Dysphagia)
_READ_MORE_SPECIFICALLY = {
    "HP:0002359": frozenset({"HP:0002527"}),  # Frequent falls over Falls
    "HP:0002015": frozenset({"HP:0012735"}),  # Dysphagia over the Cough of "coughs on drinks"
    "HP:0000970": frozenset({"HP:0000975"}),  # Anhidrosis over the Hyperhidrosis of "stopped sweating"
    "HP:0500005": frozenset({"HP:0034805", "HP:0012531"}),  # Anal pain over Buttock pain, Pain
    # Skin ulcer over the site's pain that "sore" read ("a sore on my ankle that won't heal")
    "HP:0200042": frozenset({"HP:0025238", "HP:0030840", "HP:0012514", "HP:0030841", "HP:0012531"}),
    "HP:0012088": frozenset({"HP:0500001"}),  # Abnormal urinary odor over Body odor ("wee smells really bad")
    "HP:0100034": frozenset({"HP:0000643", "HP:0001336"}),  # Motor tics over Blepharospasm, Myoclonus
    "HP:6000174": frozenset({"HP:0025289"}),  # Lateral neck mass over Cervical lymphadenopathy
    "HP:0033850": frozenset({"HP:6000855"}),  # Coldness over Cold intolerance ("feet always freezing")
    "HP:0002209": frozenset({"HP:0002213"}),  # Sparse scalp hair over Fine hair ("hair is thinning")
    # session 18: Intermittent claudication over the cramp or leg pain it is ("calves cramp after 50 yards")
    "HP:0004417": frozenset({"HP:0003394", "HP:0012514", "HP:0008991", "HP:0003710", "HP:0031921"}),
    "HP:0001053": frozenset({"HP:0000980"}),  # session 18: Hypopigmented skin patches over Pallor
    # session 18: Low back pain over the Back pain, Pain or Spinal rigidity read on its words
    "HP:0003419": frozenset({"HP:0003418", "HP:0012531", "HP:0003306"}),
    "HP:0000980": frozenset({"HP:0012378"}),  # session 18: Pallor over the Fatigue of "looks washed out"
    "HP:0100518": frozenset({"HP:0012531"}),  # session 18: Dysuria over the Pain of "no pain when I wee"
    "HP:0001818": frozenset({"HP:0010783"}),  # session 18: Paronychia over the Erythema of its "red"
    "HP:0008872": frozenset({"HP:0011968"}),  # session 18: a baby's feeding difficulties over the plain ones
    "HP:0030839": frozenset({"HP:0012531"}),  # session 18: Knee pain over the Pain read on its word
    "HP:0001943": frozenset({"HP:0000716"}),  # session 19: a low of the blood sugar over a low mood
    "HP:0030166": frozenset({"HP:0000975"}),  # session 19: Night sweats over the sweating said at night
    # session 19: Orthostatic tachycardia over the palpitation, presyncope or standing read inside it
    "HP:0012173": frozenset({"HP:0001962", "HP:0001649", "HP:0003698"}),
    # session 20: the bruise of an injury over easy bruising, and easy bruising over a bruise said coming up
    # with no cause ("bruises coming up all over and I don't remember knocking myself")
    "HP:0031364": frozenset({"HP:0000978", "HP:0000961"}),  # and over the Cyanosis of an injured part
    "HP:0000978": frozenset({"HP:0031364"}),
    # session 20: a swollen big toe is Joint swelling, not Podagra, unless the text says gout (the reading
    # decides), nor the Pedal edema of "foot swell"
    "HP:0001386": frozenset({"HP:0001854", "HP:0010741"}),
    # session 20: cramps of the gut over the Muscle spasm, Pain or Abdominal pain read on their words
    "HP:0032155": frozenset({"HP:0003394", "HP:0012531", "HP:0002027"}),
    "HP:0000103": frozenset({"HP:0100515"}),  # session 20: Polyuria beside thirst over "weeing all the time"
    "HP:0031356": frozenset({"HP:0100785"}),  # session 20: Terminal insomnia over "can't sleep" (past 4am)
    # session 21: the room's spinning over HPO's Spinning (a person turning round), and the rocking of a
    # dizzy person over Stereotypical body rocking; notes lost on a hearing test over the Hypotonia of "low
    # tones" and the plain hearing loss read inside them
    "HP:0002321": frozenset({"HP:5200069"}),
    "HP:4000033": frozenset({"HP:0012172", "HP:5200069", "HP:0031972"}),  # and over a swimmy Presyncope
    "HP:0008542": frozenset({"HP:0001252", "HP:0000365"}),
    "HP:0005101": frozenset({"HP:0000365"}),
    # session 21: blood coughed up over the productive cough or cough read on "coughed"
    "HP:0002105": frozenset({"HP:0031245", "HP:0012735"}),
    "HP:0034807": frozenset({"HP:0002094"}),  # session 21: waking gasping over the Dyspnea of its words
}


def _readings(lexicon: Lexicon, chosen: list[_Candidate], found: list[readings.Reading]) -> list[_Candidate]:
    """Findings read from numbers and shorthand (``readings.py``: temperatures, blood pressures, weight
    changes, British "be sick" and "the runs" …), where no other candidate stands on their words (the
    candidates a reading names more specifically give way to it, ``_READ_MORE_SPECIFICALLY``); a normal
    temperature says no fever only if nothing else names one."""
    replaced = {
        id(c)
        for c in chosen
        if any(
            c.first <= r.last and r.first <= c.last and c.ids[0] in _READ_MORE_SPECIFICALLY.get(r.hpo_id, ())
            for r in found
        )
    }
    chosen[:] = [c for c in chosen if id(c) not in replaced]
    taken = {k for c in chosen for k in range(c.first, c.last + 1)}
    named = {i for c in chosen for i in c.ids}
    return [
        _Candidate(r.first, r.last, 1, 1, (r.hpo_id,), (r.first,), negated=r.absent)
        for r in found
        if r.hpo_id in lexicon.scope
        and not any(k in taken for k in range(r.first, r.last + 1))
        and not (r.absent and r.hpo_id in named)
    ]


SEIZURE = "HP:0001250"
STATUS_EPILEPTICUS = "HP:0002133"
# round 36: a seizure said to last five minutes or more is status epilepticus (the operational definition)
_LASTING_RE = re.compile(
    r"\b(?:lasted|lasting|went on|goes on|go on|for)\s+(?:for\s+)?(?:about\s+|over\s+|nearly\s+|almost\s+)?"
    r"(?P<minutes>\d{1,3})\s*(?:mins?|minutes)\b"
)


def _prolonged_seizures(lexicon: Lexicon, tokens: Sequence[Token], chosen: list[_Candidate]) -> None:
    """A seizure whose sentence says it lasted five minutes or more becomes Status epilepticus."""
    if STATUS_EPILEPTICUS not in lexicon.scope:
        return
    sentences: dict[int, str] = {}
    for c in chosen:
        if c.ids[0] == SEIZURE and not c.negated:
            match = _LASTING_RE.search(_sentence_text(tokens, c.first, sentences))
            if match and int(match["minutes"]) >= 5:
                c.ids = (STATUS_EPILEPTICUS,)


# Session 17: a seizure in a text that gives a young child (under six: "my 2 year old", "at 18 months",
# "(3)", "a toddler") a fever is a febrile seizure, as HPO names it for that age and the authors code it (11
# of 13 such texts over the read sets)
FEBRILE_SEIZURE = "HP:0002373"
FEVER = "HP:0001945"
_YOUNG_CHILD_RE = re.compile(
    r"\b(?:toddler|baby|infant|(?:[1-5]|one|two|three|four|five)[- ]?(?:years?|yrs?)[- ]?old|"
    r"[1-5]\s?(?:yo|y/o)\b|"
    r"(?:[3-9]|[1-5]\d|60)\s?(?:months?|mths?|mo)\b|(?:is|she's|shes|he's|hes|aged)\s+"
    r"(?:[1-5]|one|two|three|four|five)\b(?!\s*(?:days|weeks|times|hours|hrs|mins|minutes|am|pm|:)))"
    # session 20: "my son (5)" (no word boundary before the bracket), and a second-language "my son 2 year",
    # "my daughter have 4 years"
    r"|\([1-5]\)|\b(?:son|daughter|boy|girl|child|baby)\s+(?:(?:of|is|have|has)\s+)?(?:[1-5]|one|two|three|"
    r"four|five)\s+(?:years?|yrs?)\b",
    re.IGNORECASE,
)


def _febrile_seizures(lexicon: Lexicon, text: str, mentions: list[Mention]) -> list[Mention]:
    present = {m.hpo_id for m in mentions if not m.excluded and not m.family}
    fevers = {FEVER} | lexicon.kinds.get(FEVER, frozenset())
    if (
        SEIZURE not in present
        or not present & fevers
        or FEBRILE_SEIZURE not in lexicon.scope
        or not _YOUNG_CHILD_RE.search(text)
    ):
        return mentions
    return _read_as(
        lexicon, mentions, {SEIZURE}, lambda m: None if m.excluded or m.family else FEBRILE_SEIZURE
    )


TONIC_CLONIC = "HP:0002069"
_JERKS = frozenset({"HP:0001336", "HP:0045084", "HP:0003552"})  # myoclonus, limb myoclonus, stiffness
_NOT_SAID = frozenset({"no", "not", "never", "any", "without", "denies", "denied"})
_SEIZURE_REACH = 25  # tokens from the seizure to its description ("a fit at 11.20, went stiff …")


def _tonic_clonic(lexicon: Lexicon, tokens: Sequence[Token], chosen: list[_Candidate]) -> list[_Candidate]:
    """A seizure described as stiffening then jerking (``readings.stiff_then_jerking``) is a bilateral
    tonic-clonic one; the jerking of that description is the seizure's, no myoclonus of its own. Without
    a seizure named before it, the description itself is the seizure when the whole body or all the
    limbs stiffen ("his arms and legs went stiff and then jerked"), not when one part does ("his legs go
    stiff and jerk when he walks": spasticity)."""
    if TONIC_CLONIC not in lexicon.scope:
        return chosen
    result = list(chosen)
    for first, last in readings.stiff_then_jerking(tokens):
        before = [
            k
            for k, c in enumerate(result)
            if c.ids[0] == SEIZURE
            and 0 <= first - c.last <= _SEIZURE_REACH
            and not (c.first and tokens[c.first - 1].lower in _NOT_SAID)
            and not any(t.lower == "but" for t in tokens[c.last : first])
        ]
        if before:
            result[before[-1]] = replace(result[before[-1]], ids=(TONIC_CLONIC,))
            result = [c for c in result if not (first <= c.first and c.last <= last and c.ids[0] in _JERKS)]
        elif _whole_body(tokens, first, last, lexicon.body_nouns):
            start = max(0, first - _BODY_REACH)
            inside = [c for c in result if start <= c.first <= c.last <= last and c.ids[0] in _STIFFENING]
            result = [c for c in result if c not in inside]
            result.append(_Candidate(first, last, 2, 1, (TONIC_CLONIC,), (first, last)))
    return result


_BODY_REACH = 4  # words before "stiff": "his arms and legs went stiff", "her whole body went stiff"
_STIFFENING = _JERKS | {"HP:0001257"}  # and spasticity ("legs went stiff")


def _whole_body(tokens: Sequence[Token], first: int, last: int, body_nouns: frozenset[str]) -> bool:
    """The whole body stiffens and jerks: said before "stiff" ("her whole body went stiff"), after the
    jerking ("… then shook all over", "then all four limbs shook"), or a person, not a part, went stiff
    ("he went rigid, then jerked"; session 17)."""
    before = [t.lower for t in tokens[max(0, first - _BODY_REACH) : first]]
    after = [t.lower for t in tokens[last + 1 : last + 1 + _BODY_REACH]]
    return (
        any(_names_the_whole_body(words) for words in (before, after, [t.lower for t in tokens[first:last]]))
        or (after[:2] == ["all", "over"])
        or _a_person_went_stiff(tokens, first, body_nouns)
    )


def _names_the_whole_body(words: list[str]) -> bool:
    return "body" in words or "limbs" in words or ("arms" in words and "legs" in words)


_BECAME = frozenset({"went", "goes", "go", "going", "gone", "became", "becomes", "fell"})
_NOT_A_PERSON = frozenset({"it", "this", "that", "which", "everything"})


def _a_person_went_stiff(tokens: Sequence[Token], first: int, body_nouns: frozenset[str]) -> bool:
    """ "he went stiff", "my husband went rigid", "went stiff" opening its clause (the subject left out);
    not "his legs went stiff"."""
    k = first - 1
    if k >= 0 and tokens[k].lower == "all":
        k -= 1
    if k < 0 or tokens[k].lower not in _BECAME:
        return False
    subject = tokens[k - 1] if k > 0 else None
    return (
        subject is None
        or subject.kind != "word"
        or not (subject.key in body_nouns or subject.lower in _NOT_A_PERSON)
    )


def _abbreviation_senses(lexicon: Lexicon, tokens: Sequence[Token], chosen: list[_Candidate]) -> None:
    """An abbreviation with two senses takes the one whose organ systems the document's other findings
    share most ("ASD" beside seizures and intellectual disability is autism, beside a murmur and a
    ventricular septal defect the atrial septal defect); a tie keeps the lexicon's order."""
    ambiguous = [
        c
        for c in chosen
        if len(c.ids) > 1 and c.first == c.last and tokens[c.first].text in lexicon.abbreviations
    ]
    if not ambiguous:
        return
    systems = lexicon.systems
    context: dict[str, int] = {}
    ambiguous_ids = {id(c) for c in ambiguous}
    for c in chosen:
        if id(c) not in ambiguous_ids:
            for system in systems.get(c.ids[0], ()):
                context[system] = context.get(system, 0) + 1
    for c in ambiguous:
        best = max(c.ids, key=lambda tid: sum(context.get(s, 0) for s in systems.get(tid, ())))
        c.ids = (best, *(tid for tid in c.ids if tid != best))


def _document_abbreviations(
    lexicon: Lexicon, tokens: Sequence[Token], chosen: list[_Candidate]
) -> list[_Candidate]:
    """'long form (ABBR)': later ABBRs get the long form's term; an ABBR defined as something else in
    this text is not read as HPO's abbreviation."""
    by_last = {c.last: c for c in chosen}
    defined: dict[str, tuple[str, ...]] = {}
    definition_tokens: set[int] = set()
    for i in range(2, len(tokens) - 1):
        if tokens[i - 1].text != "(" or tokens[i + 1].text != ")":
            continue
        abbr = tokens[i].text
        if not (2 <= len(abbr) <= 10 and sum(ch.isupper() for ch in abbr) >= 2):
            continue
        definition_tokens.add(i)
        long_form = by_last.get(i - 2)
        if long_form is not None and long_form.words > 1:
            defined[abbr] = long_form.ids
        else:
            defined.setdefault(abbr, ())
    if not defined:
        return []
    extra: list[_Candidate] = []
    remove: set[int] = set()
    for candidate in chosen:
        if candidate.first == candidate.last and tokens[candidate.first].text in defined:
            remove.add(id(candidate))
    if remove:
        chosen[:] = [c for c in chosen if id(c) not in remove]
    for i, token in enumerate(tokens):
        ids = defined.get(token.text)
        if ids and i not in definition_tokens:
            extra.append(_Candidate(i, i, 1, 1, ids, (i,)))
    return extra
