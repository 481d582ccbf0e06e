"""The phenotype lexicon: HPO names and synonyms plus the reviewed lay lexicon, as normalised keys.

Each name becomes a *key*: the sorted tuple of its content-word stems (stop words dropped), so
"Hypoplasia of the nails", "nail hypoplasia" and "hypoplastic nails" share one key. The annotator
looks up windows of text tokens by the same key (word-order-insensitive). Single-token abbreviations
("ADHD", "IUGR") are matched case-sensitively on the surface form instead.

Built once per process per data version (``get_lexicon``), keyed by ``knowledge.checksum``.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from pathlib import Path

from symptomdb.knowledge.store import Knowledge
from symptomdb.text.english import COMMON_ENGLISH, RARE_ENGLISH, english_version, english_words
from symptomdb.text.mention import Mention
from symptomdb.text.normal import normal_subjects
from symptomdb.text.normalise import (
    FILLER_WORDS,
    JOIN_PREFIXES,
    STOP_WORDS,
    Token,
    equivalence_rows,
    fold,
    light_stem,
    tokenize,
    word_key,
)

PHENOTYPIC_ABNORMALITY = "HP:0000118"
MODE_OF_INHERITANCE = "HP:0000005"
# Everyday complaints that people name generally and by kind in one message ("a cough for 3 weeks … a dry
# cough", "swollen ankles … my legs swell"): Pain, Edema, Tremor, Fever, Cough, Diarrhea, Dyspnea,
# Vomiting, Pruritus, Skin rash, Erythema, Hematuria, Insomnia. Not Headache or Seizure: a migraine or a
# seizure type is said beside them as another finding (clinical notes code both).
COMPLAINTS_WITH_KINDS = (
    "HP:0012531",  # Pain
    "HP:0000969",  # Edema
    "HP:0001337",  # Tremor
    "HP:0001945",  # Fever
    "HP:0012735",  # Cough
    "HP:0002014",  # Diarrhea
    "HP:0002094",  # Dyspnea
    "HP:0002013",  # Vomiting
    "HP:0000989",  # Pruritus
    "HP:0000988",  # Skin rash
    "HP:0010783",  # Erythema
    "HP:0000790",  # Hematuria
    "HP:0100785",  # Insomnia (session 17: "can't sleep … awake till 4am": sleep onset insomnia)
)
SEIZURE = "HP:0001250"
NERVOUS_SYSTEM = "HP:0000707"
MENTAL_FUNCTION = "HP:0011446"  # behaviour, mood, cognition
MOVEMENT = "HP:0100022"
REFLEX = "HP:0031826"
# Besides phenotypic abnormalities, the kinds of terms that phenotype corpora (GSC+) annotate:
# modes of inheritance (with qualifiers such as incomplete penetrance), onset, phenotypic variability,
# and the pregnancy history HPO records for the patient ("gestational diabetes", "preeclampsia").
EXTRA_ROOTS = ("HP:0000005", "HP:0003674", "HP:0003812", "HP:0003680", "HP:0002686")

# Priorities: lower wins when one key names several terms.
PRIORITY_NAME = 0
PRIORITY_EXACT = 1
PRIORITY_LAY = 2
PRIORITY_VARIANT = 3
PRIORITY_RELATED = 4
PRIORITY_NARROW = 5
PRIORITY_BROAD = 6

_SCOPE_PRIORITY = {
    "EXACT": PRIORITY_EXACT,
    "RELATED": PRIORITY_RELATED,
    "NARROW": PRIORITY_NARROW,
    "BROAD": PRIORITY_BROAD,
}

_ABBREVIATION_RE = re.compile(r"^[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*$")
_PAREN_RE = re.compile(r"\s*\([^)]*\)")
_SLASH_RE = re.compile(r"\b(\w+)/(\w+)\b")
_AUTOSOMAL_RE = re.compile(r"^Autosomal (dominant|recessive) inheritance$")
_INHERITANCE_RE = re.compile(r"^(.*\S)\s+inheritance$")
_TYPE_RE = re.compile(r"\btype ([A-Z0-9]{1,4}\b)", re.IGNORECASE)
# "Phenotypic variability" is what genetics texts call "variability": a qualifier that only says the
# term is about the phenotype or the clinical picture may be left out of the names of modifier terms.
_DOMAIN_QUALIFIER_RE = re.compile(r"^(?:phenotypic|clinical)\s+(\w+)$", re.IGNORECASE)
_INTENSIFIERS_RE = re.compile(r"\b(conspicuously|markedly|unusually|distinctly|abnormally)\s+", re.IGNORECASE)
# Single words whose stem would also match everyday words ("Cutting" → "cut", "Slowness" → "slow")
# must match their own form (up to plural) instead.
_STRICT_SUFFIXES = ("ing", "ed", "ness", "ment")

_NEGATED_VERBS = frozenset({"cannot", "not"})  # keys of "can't", "unable", "doesn't", "isn't" …

LAY_LEXICON_FILE = "data/lay-lexicon.tsv"
EXCLUSIONS_FILE = "data/lexicon-exclusions.tsv"

Key = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LayEntry:
    phrase: str
    hpo_id: str
    note: str


@dataclass
class Lexicon:
    """Normalised phrase keys → HPO ids, for one data version."""

    checksum: str
    phrases: dict[Key, tuple[str, ...]]  # key → best term ids (most specific first)
    priorities: dict[Key, int]
    abbreviations: dict[str, tuple[str, ...]]  # surface form (case-sensitive) → term ids
    strict_single: dict[str, frozenset[str]]  # one-word key → the only word forms (plural-folded) it matches
    exact: dict[Key, tuple[str, ...]]  # ordered plural-folded words → term ids: the surface form wins
    conjunctive: dict[Key, frozenset[str]]  # key → the conjunctions ("and", "or", ",") its names contain
    labels: dict[str, str]
    vocabulary: frozenset[str]
    max_words: int
    scope: frozenset[str] = field(default_factory=frozenset)
    onset_periods: dict[str, str] = field(default_factory=dict)  # "childhood" → Childhood onset
    # modes of inheritance ("de novo" → Sporadic)
    inheritance: frozenset[str] = field(default_factory=frozenset)
    # term → {"infant"/"neonatal": its child named for that age} ("Feeding difficulties in infancy")
    age_children: dict[str, dict[str, str]] = field(default_factory=dict)
    # term → {modifier: its child named as the term plus that modifier} ("Fever" → {"recurrent":
    # "Recurrent fever"}), for the modifiers of data/modifier-cues.tsv
    modifier_children: dict[str, dict[str, str]] = field(default_factory=dict)
    # keys named only by lay phrases with "can't"/"doesn't" (verb phrases: "can't sit still" ≠ "still
    # can't sit") → the word orders the lay lexicon wrote them in
    ordered: dict[Key, frozenset[Key]] = field(default_factory=dict)
    # terms of mental function, behaviour and mood ("Hyperactivity", "Depression") and the nouns of body
    # parts and functions HPO names as "Abnormal X" / "Abnormality of the X" ("thyroid", "reflex",
    # "knee"): "hyperactive gag reflex" is no behaviour
    behavioural: frozenset[str] = field(default_factory=frozenset)
    body_nouns: frozenset[str] = field(default_factory=frozenset)
    # term → the organ systems (children of Phenotypic abnormality) it belongs to: an abbreviation with
    # two senses ("ASD": atrial septal defect, autism) takes the one of the document's other findings
    systems: dict[str, frozenset[str]] = field(default_factory=dict)
    # keys that name their terms only in a sentence about a test (the test's word keys): "multifocal
    # discharges" are epileptiform discharges when the sentence is about the EEG
    contextual: dict[Key, frozenset[str]] = field(default_factory=dict)
    # spelling tolerance (``spelling.py``): the words of names, synonyms and lay phrases (and common
    # English words) whose key the lexicon uses, which a misspelt word may be corrected to (word → key);
    # the words that are never a misspelling: every word the knowledge base writes (HPO's names,
    # synonyms, definitions and comments, condition names, gene symbols and names) and ordinary English
    # words; and the rare English words (a rare word may still be a typo of a sound-alike symptom word)
    spelling_targets: dict[str, str] = field(default_factory=dict)
    known_words: frozenset[str] = field(default_factory=frozenset)
    rare_words: frozenset[str] = field(default_factory=frozenset)
    # each term a statement of normality excludes (data/normal-findings.tsv) → its descendants: "his eyes
    # are fine but he has a squint" does not exclude every eye abnormality
    normal_subtrees: dict[str, frozenset[str]] = field(default_factory=dict)
    english_targets: frozenset[str] = field(default_factory=frozenset)  # targets that are English words
    # everyday complaints (COMPLAINTS_WITH_KINDS) → the kinds HPO names of them (their descendants): a text
    # that names a kind has no second, unspecified complaint to report (session 16)
    kinds: dict[str, frozenset[str]] = field(default_factory=dict)
    seizures: frozenset[str] = field(default_factory=frozenset)  # Seizure and its descendants in scope

    def lookup(self, key: Key) -> tuple[str, ...]:
        return self.phrases.get(key, ())

    def as_term(self, mention: Mention, term: str) -> Mention:
        """The mention read as another term, with that term's label (a reading that names it more closely)."""
        return mention.model_copy(update={"hpo_id": term, "label": self.labels.get(term, term)})


def key_of(text: str) -> Key:
    """The lexicon key of a phrase: sorted content-word stems."""
    return tuple(sorted(t.key for t in tokenize(text) if t.kind == "word" and not t.stop and t.key))


# The filler words that only say how much ("feel full really quickly"): the annotator's matching window
# skips them after a phrase's first word, so a phrase's key leaves them out too. Not the fillers that say
# how often or when ("scratching constantly", "eats too much"), which a phrase keeps as its meaning.
_DEGREE_FILLERS = FILLER_WORDS - frozenset(
    {"constantly", "too", "frequently", "persistently", "usually", "mostly", "generally", "already"}
    | {"suddenly", "randomly"}
)


def _without_fillers(words: list[Token]) -> list[Token]:
    """A phrase's words without the degree fillers after its first ("feel full really quickly" → feel full
    quickly); unchanged if that would leave one word."""
    kept = words[:1] + [t for t in words[1:] if t.lower not in _DEGREE_FILLERS]
    return kept if len(kept) > 1 else words


def term_scope(knowledge: Knowledge) -> frozenset[str]:
    """The term ids the annotator reports: phenotypic abnormalities plus inheritance/onset/variability."""
    ids: set[str] = set(knowledge.descendants(PHENOTYPIC_ABNORMALITY, include_self=False))
    for root in EXTRA_ROOTS:
        if root in knowledge.terms:
            ids |= knowledge.descendants(root)
    return frozenset(tid for tid in ids if tid in knowledge.terms and not knowledge.terms[tid].is_obsolete)


def read_lay_lexicon() -> list[LayEntry]:
    """The reviewed lay lexicon shipped with the package (phrase, HPO id, note)."""
    text = resources.files("symptomdb.text").joinpath(LAY_LEXICON_FILE).read_text(encoding="utf-8")
    entries: list[LayEntry] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        entries.append(
            LayEntry(parts[0].strip(), parts[1].strip(), parts[2].strip() if len(parts) > 2 else "")
        )
    return entries


def read_exclusions() -> dict[str, set[str]]:
    """Term id → excluded forms (folded); "*" for the whole term; "=a,b" restricts the term's one-word
    names to these surface forms (data/lexicon-exclusions.tsv)."""
    text = resources.files("symptomdb.text").joinpath(EXCLUSIONS_FILE).read_text(encoding="utf-8")
    exclusions: dict[str, set[str]] = defaultdict(set)
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        form = parts[1].strip()
        exclusions[parts[0].strip()].add(form if form == "*" or form.startswith("=") else fold(form))
    return exclusions


# "Decreased circulating cortisol level" is written "low cortisol", "reduced cortisol levels", "high
# serum ferritin": the direction, optionally the sample, the substance, optionally the measure.
_LEVEL_RE = re.compile(
    r"^(increased|elevated|high|decreased|reduced|low) (?:(?:circulating|serum|plasma|blood) )?(.+?)"
    r" (?:level|levels|concentration|concentrations|activity)$",
    re.IGNORECASE,
)
_BEHAVIOR_RE = re.compile(r"^(\w+(?:-\w+)?) behaviou?rs?$", re.IGNORECASE)
_LEVEL_DIRECTIONS = {"increased": "high", "elevated": "high", "high": "high"}
# "Abnormal visual fixation" is what "poor visual fixation" or "impaired fixation" say when no term names
# that kind of abnormality: the general term, for words of a worse function.
_ABNORMAL_RE = re.compile(r"^abnormal (?!.*\bmorphology\b)(.+)$", re.IGNORECASE)
# "Increased serum CK" is also written "elevated CK": the sample may be left out after a direction word.
_SAMPLE_RE = re.compile(
    r"^(increased|elevated|high|decreased|reduced|low) (?:serum|plasma|blood|circulating) (.+)$",
    re.IGNORECASE,
)
# Direction words clinical writing swaps for one another ("low muscle tone" = "decreased muscle tone").
# "Hyperactive"/"hypoactive" say the same of a function ("hyperactive reflexes" = increased reflexes), one
# way only: "hyperactive" alone is the behaviour.
_DIRECTION_SWAPS = {
    "low": ("decreased", "reduced"),
    "decreased": ("low", "hypoactive"),
    "reduced": ("low", "hypoactive"),
    "high": ("increased", "elevated"),
    "increased": ("high", "hyperactive"),
    "elevated": ("high",),
    # a worse function: "Impaired fine motor skills" = "poor fine motor skills", "Poor suck" = "impaired suck"
    "impaired": ("poor",),
    "poor": ("impaired",),
}
# The brain's fluid spaces, and the words that say one is enlarged.
_FLUID_SPACE_RE = re.compile(
    r"\b(?:ventricles?|ventricular system|subarachnoid|cisterna|cisterns?|sulci|sulcus)\b", re.IGNORECASE
)
_ENLARGED_RE = re.compile(r"\b(?:enlarged|dilated|widened)\b", re.IGNORECASE)
_CNS_MYELIN_RE = re.compile(r"^CNS (\w+myelination)$", re.IGNORECASE)
_MRI_SIGNAL_RE = re.compile(r"\bMRI signal intensity\b", re.IGNORECASE)
_ABNORMAL_SIGNAL_RE = re.compile(r"^Abnormal (.+) MRI signal intensity$", re.IGNORECASE)
# "Delayed X development" is written "X delay" ("fine motor delay", "pubertal delay").
_DELAYED_DEVELOPMENT_RE = re.compile(r"^delayed (.+) development$", re.IGNORECASE)
# An impaired function is what lay and clinical writing call a difficulty with it.
_IMPAIRMENT_RE = re.compile(r"^(?:(\w+) impairment|impaired (\w+))$", re.IGNORECASE)
_MUSCLE_TONE_RE = re.compile(r"\bmuscle (?=tone\b)", re.IGNORECASE)
_JERK_RE = re.compile(r"\b(knee|ankle|patellar|Achilles)(?: jerk)? reflex(?:es)?\b", re.IGNORECASE)
_JERK_JOINTS = {"knee": "knee", "patellar": "knee", "ankle": "ankle", "achilles": "ankle"}
_MUSCLE_WEAKNESS_RE = re.compile(r"^(\w+(?:[ -]\w+)?) muscle weakness$", re.IGNORECASE)
_PLANTAR_RESPONSE_RE = re.compile(r"\bplantar (?:responses?|reflex(?:es)?)\b", re.IGNORECASE)
_PROVOKED_RE = re.compile(r"^(\w+)-(?:induced|evoked|triggered|provoked) (.+)$", re.IGNORECASE)
_IMPAIRED_WORDS = ("poor", "impaired", "defective", "disturbed", "altered")
# "Hyperintensity of cerebral white matter on MRI", "Hypsarrhythmia by EEG": the test that shows a finding
# is not part of the finding, and reports name it without ("white matter hyperintensity was seen").
_MODALITY_RE = re.compile(
    r"^(.+?)\s+(?:as\s+)?(?:seen\s+|shown\s+|detected\s+)?(?:on|by|in)\s+(?:brain\s+|fetal\s+|muscle\s+)?"
    r"(?:MRI|MRS|MR\s+spectroscopy|CT|EEG|EKG|ECG|EMG|imaging|ultrasound|ultrasonography|sonography|x-ray"
    r"|biopsy)$",
    re.IGNORECASE,
)


# Words a name may leave out when the sentence names the test that shows the finding: an EEG report's
# "multifocal discharges" are HPO's "Multifocal epileptiform discharges" (HPO itself writes "Focal EEG
# discharges …"), while "discharges" elsewhere are the nipple's or the hospital's; "EEG with focal spikes"
# is written "the EEG showed focal spikes", "EMG: myotonic discharges" "EMG revealed myotonic discharges".
_EPILEPTIFORM_RE = re.compile(r"\bepileptiform (?=discharges?\b)", re.IGNORECASE)
_EEG_WORDS = ("EEG", "electroencephalogram", "electroencephalography", "electroencephalographic")
_EMG_WORDS = ("EMG", "electromyogram", "electromyography", "electromyographic")
_TEST_PREFIXES = (
    (re.compile(r"^EEG(?: with|:)\s+"), _EEG_WORDS),
    (re.compile(r"^EMG(?: with|:)\s+"), _EMG_WORDS),
)
MIN_CONTEXTUAL_WORDS = 2  # "focal discharges", not "discharges" alone


def contextual_variants(name: str) -> list[tuple[str, tuple[str, ...]]]:
    """Forms of a name without the words its test's context supplies, with the words of that test."""
    forms: list[tuple[str, tuple[str, ...]]] = []
    for prefix, prefix_tests in _TEST_PREFIXES:
        m = prefix.match(name)
        if m:
            forms.append((name[m.end() :], prefix_tests))
    if _EPILEPTIFORM_RE.search(name):
        forms.append((name, _EEG_WORDS))
    variants: list[tuple[str, tuple[str, ...]]] = []
    for form, test_words in forms:
        for variant in {form, _EPILEPTIFORM_RE.sub("", form)} - {name}:
            if len(key_of(variant)) >= MIN_CONTEXTUAL_WORDS:
                variants.append((variant, test_words))
    return variants


def name_variants(name: str) -> list[tuple[str, int]]:
    """Extra surface forms of one HPO name or synonym, with a priority penalty (general rules only)."""
    variants: list[tuple[str, int]] = []
    stripped = _PAREN_RE.sub("", name).strip()
    if stripped and stripped != name:
        variants.append((stripped, 1))
    if "/" in name:
        # "Aplasia/Hypoplasia of the thumb" → "Aplasia of the thumb", "Hypoplasia of the thumb"
        variants.append((_SLASH_RE.sub(r"\1", name), 2))
        variants.append((_SLASH_RE.sub(r"\2", name), 2))
    if "-" in name:
        variants.append((re.sub(r"(?<=\w)-(?=\w)", "", name), 1))  # "Non-progressive" → "Nonprogressive"
    if _TYPE_RE.search(name):
        variants.append((_TYPE_RE.sub(r"\1", name), 1))  # "Brachydactyly type C" → "Brachydactyly C"
    if _INTENSIFIERS_RE.search(name):
        variants.append((_INTENSIFIERS_RE.sub("", name), 1))  # "Conspicuously happy disposition"
    m = _AUTOSOMAL_RE.match(name)
    if m:  # "dominantly inherited", "dominant inheritance"
        variants.append((f"{m.group(1)} inheritance", 1))
        variants.append((f"{m.group(1)}ly inherited", 1))
    m = _INHERITANCE_RE.match(name)
    if m and len(m.group(1).split()) >= 1 and m.group(1).lower() != "mode of":
        variants.append((m.group(1), 1))  # "Autosomal dominant", "X-linked"
        variants.append((m.group(1) + " inherited", 1))
    m = _BEHAVIOR_RE.match(name)
    if m:  # "Autistic behavior" → "autistic features", "autistic traits"
        for noun in ("features", "traits", "tendencies"):
            variants.append((f"{m.group(1)} {noun}", 1))
    m = _SAMPLE_RE.match(name)
    if m:  # "Increased serum CK" → "increased CK"
        variants.append((f"{m.group(1)} {m.group(2)}", 1))
    words = name.split()
    for i, word in enumerate(words):  # "Low muscle tone" → "decreased muscle tone", and back
        for other in _DIRECTION_SWAPS.get(word.lower(), ()):
            variants.append((" ".join([*words[:i], other, *words[i + 1 :]]), 2))
    m = _DELAYED_DEVELOPMENT_RE.match(name)
    if m:  # "Delayed fine motor development" → "fine motor delay", "Delayed pubertal development"
        variants.append((f"{m.group(1)} delay", 1))
    m = _IMPAIRMENT_RE.match(name)
    if m:  # "Hearing impairment" → "difficulty hearing", "Impaired balance" → "difficulty with balance"
        variants.append((f"difficulty {m.group(1) or m.group(2)}", 2))
    m = _ABNORMAL_RE.match(name)
    if m:
        for word in _IMPAIRED_WORDS:
            variants.append((f"{word} {m.group(1)}", 2))
    m = _MODALITY_RE.match(name)
    finding = m.group(1) if m and len(m.group(1).split()) >= 2 else name
    if finding != name:  # "Hyperintensity of cerebral white matter on MRI" → "… of cerebral white matter"
        variants.append((finding, 1))
    if _EPILEPTIFORM_RE.search(name):
        # HPO's own "Focal EEG discharges …": an EEG discharge is epileptiform ("multifocal EEG discharges",
        # "EEG with focal discharges"); without the test's name see ``contextual_variants``
        test = "" if re.search(r"\bEEG\b", name) else "EEG "
        variants.append((_EPILEPTIFORM_RE.sub(test, name), 1))
    m = _PROVOKED_RE.match(name)
    # "Gaze-evoked nystagmus" → "nystagmus on gaze", "Exercise-induced muscle cramps" → "… with exercise"
    if m:
        variants.append((f"{m.group(2)} on {m.group(1)}", 2))
        variants.append((f"{m.group(2)} with {m.group(1)}", 2))
    m = _CNS_MYELIN_RE.match(name)
    if m:  # "CNS hypomyelination" → "hypomyelination": the peripheral kind is the one said with its organ
        variants.append((m.group(1), 1))
    if _MRI_SIGNAL_RE.search(finding):  # "Abnormal thalamic MRI signal intensity" → "… thalamic signal"
        variants.append((_MRI_SIGNAL_RE.sub("signal", finding), 1))
        variants.append((_MRI_SIGNAL_RE.sub("signal intensity", finding), 1))
        m = _ABNORMAL_SIGNAL_RE.match(finding)
        if m:  # a hyper- or hypointensity is an abnormal signal ("basal ganglia T2 hyperintensities")
            for word in ("hyperintensity", "hypointensity", "signal abnormality"):
                variants.append((f"{m.group(1)} {word}", 2))
    if re.search(r"\bcerebral white matter\b", finding, re.IGNORECASE):
        # HPO's own synonyms say "white matter" for the cerebral white matter ("White matter agenesis",
        # "Deep white matter hypodensities"): the brain's is what "white matter" means unqualified
        variants.append((re.sub(r"\bcerebral (?=white matter\b)", "", finding, flags=re.IGNORECASE), 1))
        # the subcortical white matter is the cerebral (HPO: "Abnormality of the subcortical white matter" for
        # Abnormal cerebral white matter morphology); a term that names it ("Subcortical white matter
        # calcifications") wins by its name
        variants.append(
            (re.sub(r"\bcerebral (?=white matter\b)", "subcortical ", finding, flags=re.IGNORECASE), 2)
        )
    if re.search(r"\bflexion contractures?\b", finding, re.IGNORECASE):
        # a joint held flexed: "flexion deformity" in orthopaedic writing, as HPO's own synonyms of the knee,
        # elbow and wrist terms say ("Knee flexion deformity")
        variants.append((re.sub(r"\bcontracture", "deformity", finding, flags=re.IGNORECASE), 1))
    m = _LEVEL_RE.match(finding)
    if m:
        direction, substance = m.group(1).lower(), m.group(2)
        plain = _LEVEL_DIRECTIONS.get(direction, "low")
        # a level's direction in any of its words ("High blood ammonia levels" = "elevated ammonia")
        for word in {direction, plain, *(("increased",) if plain == "high" else ("decreased", "reduced"))}:
            variants.append((f"{word} {substance} level", 1))
            variants.append((f"{word} {substance}", 2))
            variants.append((f"{word} serum {substance}", 2))
            variants.append((f"{word} blood {substance}", 2))
    # the tendon reflexes of the knee and ankle are their "jerks" ("knee jerks were absent" = Absent patellar
    # reflexes, as HPO's own "Absent knee jerk reflex", "Hyperactive ankle jerk reflex")
    variants.extend(
        (
            _JERK_RE.sub(lambda m: f"{_JERK_JOINTS[m.group(1).lower()]} jerk", text),
            penalty if text != name else 1,
        )
        for text, penalty in [(name, 1), *variants]
        if _JERK_RE.search(text)
    )
    # the tendon reflexes are the deep tendon reflexes ("brisk tendon reflexes" = Brisk reflexes, whose
    # HPO definition is about tendon reflexes; "hyperactive tendon reflexes"): the words and HPO's synonyms,
    # against one ID-68 note that codes the first as Hyperactive deep tendon reflexes
    if re.search(r"\bdeep tendon reflex", name, re.IGNORECASE):
        variants.append((re.sub(r"\bdeep tendon reflex", "tendon reflex", name, flags=re.IGNORECASE), 1))
    # weakness with a place or a pattern is the muscles' ("proximal weakness", "neck weakness"), as "tone"
    m = _MUSCLE_WEAKNESS_RE.match(name)
    if m:
        variants.append((f"{m.group(1)} weakness", 1))
    # clinical notes name the plantar response "the plantars" ("plantars were extensor/upgoing")
    variants.extend(
        (_PLANTAR_RESPONSE_RE.sub("plantars", text), penalty if text != name else 1)
        for text, penalty in [(name, 1), *variants]
        if _PLANTAR_RESPONSE_RE.search(text)
    )
    # on examination "tone" is the muscles' ("low tone", "decreased tone in the legs")
    variants.extend(
        (_MUSCLE_TONE_RE.sub("", text), penalty if text != name else 1)
        for text, penalty in [(name, 1), *variants]
        if _MUSCLE_TONE_RE.search(text)
    )
    return variants


# A synonym that is the eponym of a disease rather than the name of the finding ("Crouzon syndrome" for
# Craniofacial dysostosis, "Klippel-Feil syndrome": proper names, words no HPO name uses in lower case).
# Texts name the disease with these words, not the finding.
_EPONYM_RE = re.compile(r"^((?:[A-Z][\w'-]*[ -])*[A-Z][\w']*?)(?:'s)? (?:syndrome|disease)$")


def names_disease(synonym: str, name: str, common_words: frozenset[str]) -> bool:
    """True for a synonym that is a disease eponym rather than the name of the term's finding.
    ``common_words``: the words HPO names and synonyms use in lower case (not proper names)."""
    m = _EPONYM_RE.match(synonym)
    if not m:
        return False
    words = [fold(w) for w in re.split(r"[ -]", m.group(1)) if w]
    name_words = {fold(w) for w in re.split(r"[ -]", name)}
    return not any(w in common_words or w in name_words for w in words)


_EPONYMOUS_ANOMALY_RE = re.compile(
    r"^((?:[A-Z][\w'-]*[ -])*[A-Z][\w']*?)(?:'s)? (?:anomaly|sequence|malformation)$"
)


def eponymous_syndrome(name: str, common_words: frozenset[str]) -> str | None:
    """'<Eponym> syndrome' for a finding named '<Eponym> anomaly/sequence/malformation' ("Duane anomaly",
    "Peters anomaly", "Chiari malformation"): the syndrome is named after the finding that defines it,
    so a text's "Duane syndrome" states the anomaly (unlike "Crouzon syndrome", see ``names_disease``)."""
    m = _EPONYMOUS_ANOMALY_RE.match(name)
    if not m:
        return None
    words = [fold(w) for w in re.split(r"[ -]", m.group(1)) if w]
    if any(w in common_words or w.endswith(("al", "ar", "ic", "ous")) for w in words):
        return None  # "Anorectal anomaly", "Ossicular malformation": not a proper name
    return f"{m.group(1)} syndrome"


def lower_case_words(knowledge: Knowledge) -> frozenset[str]:
    """Words HPO names and synonyms write in lower case somewhere (common words, not proper names)."""
    words: set[str] = set()
    for term in knowledge.terms.values():
        for text in [term.name, *(s.text for s in term.synonyms)]:
            words.update(w for w in re.split(r"[ -]", text)[1:] if w.islower())
    return frozenset(fold(w) for w in words)


# Compound words written as one word or two ("brainstem" / "brain stem", "eyelid" / "eye lid"): a word
# of the HPO vocabulary that splits into two other words of it. Not prefixes ("hypo", "pre": joined when
# hyphenated, see normalise.JOIN_PREFIXES) nor suffix-like tails ("-ing", "-ion", "-less").
_NOT_COMPOUND_TAILS = frozenset(
    {"ing", "ion", "ions", "ed", "less", "like", "able", "age", "ness", "tic", "ring", "red", "bed", "bing"}
    | {"ration", "mental", "ism", "ist", "ity"}
)
# Heads that are prefixes or chance splits ("mal|formation", "man|nose", "lip|edema", "trim|ester").
_NOT_COMPOUND_HEADS = frozenset(
    {"mal", "trans", "tetra", "ultra", "super", "mini", "per", "par", "nor", "pas", "pig", "trim", "mode"}
    | {"clit", "man", "ace", "car", "lip", "gut", "ester", "near", "one", "out", "new", "end", "key", "sing"}
    | {"sea", "straw", "high", "glucose", "plasma", "polyoma", "papilloma", "herpes", "gamma", "alpha"}
    | {"sun", "cor", "disc", "carp", "crystal", "cyst", "abnormal"}
)
_WORD_RE = re.compile(r"[a-z]+")


def compound_words(knowledge: Knowledge, scope: frozenset[str]) -> dict[str, str]:
    """Joined word → its two words ("brainstem" → "brain stem"), from the vocabulary of HPO names."""
    vocabulary: set[str] = set()
    for term_id in scope:
        term = knowledge.terms[term_id]
        for text in [term.name, *(s.text for s in term.synonyms)]:
            vocabulary.update(_WORD_RE.findall(fold(text)))
    words = {w for w in vocabulary if len(w) >= 3 and w not in STOP_WORDS}
    compounds: dict[str, str] = {}
    for word in sorted(vocabulary):
        if len(word) < 7:
            continue
        for cut in range(3, len(word) - 2):
            head, tail = word[:cut], word[cut:]
            if (
                head in words
                and tail in words
                and head not in JOIN_PREFIXES
                and head not in _NOT_COMPOUND_HEADS
                and not head.endswith(("o", "i", "y", "yl"))
                and tail not in _NOT_COMPOUND_TAILS
            ):
                compounds[word] = f"{head} {tail}"
                break
    return compounds


def compound_variants(text: str, compounds: dict[str, str]) -> list[str]:
    """A name with its compound words split ("Abnormality of the brain stem") or joined."""
    folded = fold(text)
    words = _WORD_RE.findall(folded)
    variants: list[str] = []
    if any(w in compounds for w in words):
        variants.append(_WORD_RE.sub(lambda m: compounds.get(m.group(), m.group()), folded))
    joined = {f"{a} {b}": a + b for a, b in pairwise(words) if a + b in compounds}
    for pair, word in joined.items():
        variants.append(folded.replace(pair, word))
    return variants


def is_abbreviation(text: str) -> bool:
    """A one-word, mostly upper-case form matched case-sensitively ("IUGR", "ADHD")."""
    return (
        " " not in text
        and len(text) <= 8
        and bool(_ABBREVIATION_RE.match(text))
        and sum(c.isupper() for c in text) >= 2
    )


# An obsolete name that coordinates findings ("Low-set, posteriorly rotated ears", "Sparse and thin
# eyebrow") was retired for the separate terms; its replacement is only one of them, and a text that
# says it states each (read by the coordination rules). An inverted name ("Mental retardation, in some")
# coordinates nothing.
_COORDINATED_RE = re.compile(
    r"\b(?:and|or)\b|,\s+(?!(?:in|of|with|at|on|for|from|to|by)\b)[a-z]", re.IGNORECASE
)


def build_lexicon(knowledge: Knowledge, lay_entries: list[LayEntry] | None = None) -> Lexicon:
    """Build the lexicon from the knowledge snapshot and the lay lexicon."""
    exclusions = read_exclusions()
    scope = frozenset(tid for tid in term_scope(knowledge) if "*" not in exclusions.get(tid, ()))
    phenotypes = knowledge.descendants(PHENOTYPIC_ABNORMALITY)
    nervous = knowledge.descendants(NERVOUS_SYSTEM)
    common_words = lower_case_words(knowledge)
    compounds = compound_words(knowledge, scope)
    candidates: dict[Key, dict[str, int]] = defaultdict(dict)
    abbreviations: dict[str, dict[str, int]] = defaultdict(dict)
    strict_forms: dict[str, set[str]] = defaultdict(set)
    loose_single: set[str] = set()
    exact_candidates: dict[Key, dict[str, int]] = defaultdict(dict)
    conjunctive: dict[Key, set[str]] = defaultdict(set)
    context_candidates: dict[Key, dict[str, int]] = defaultdict(dict)
    context_words: dict[Key, set[str]] = defaultdict(set)

    def add(text: str, term_id: str, priority: int, surface: bool = True, strict: bool = False) -> None:
        if fold(text) in exclusions.get(term_id, ()):
            return
        if is_abbreviation(text):
            if len(text) < 3:
                return  # two letters ("BO", "CP") are too ambiguous unless a text defines them
            current = abbreviations[text].get(term_id)
            if current is None or priority < current:
                abbreviations[text][term_id] = priority
            return
        tokens = tokenize(text)
        words = _without_fillers([t for t in tokens if t.kind == "word" and not t.stop and t.key])
        key = tuple(sorted(t.key for t in words))
        if not key:
            return
        for t in tokens:
            if t.lower in ("and", "or", ","):
                conjunctive[key].add(t.lower)
        if surface:  # names and synonyms as written, not generated variants
            exact_key = tuple(surface_form(t.lower) for t in words)
            current_exact = exact_candidates[exact_key].get(term_id)
            if current_exact is None or priority < current_exact:
                exact_candidates[exact_key][term_id] = priority
        if len(words) == 1:
            light = light_stem(words[0].lower)
            restricted = [f for f in exclusions.get(term_id, ()) if f.startswith("=")]
            if restricted:
                strict_forms[words[0].key].update(w.strip() for f in restricted for w in f[1:].split(","))
            elif (
                strict
                or priority == PRIORITY_LAY
                or (priority > PRIORITY_NAME and light != words[0].key and light.endswith(_STRICT_SUFFIXES))
            ):
                # everyday words: "fits" (seizures) is not "fitting", "cutting" (self-harm) is not "cut"
                strict_forms[words[0].key].add(light)
            else:
                loose_single.add(words[0].key)
        current = candidates[key].get(term_id)
        if current is None or priority < current:
            candidates[key][term_id] = priority

    lay_entries = lay_entries if lay_entries is not None else read_lay_lexicon()
    lay_phrases: dict[str, list[str]] = defaultdict(list)
    for entry in lay_entries:
        lay_phrases[knowledge.alt_ids.get(entry.hpo_id, entry.hpo_id)].append(entry.phrase)
    for term_id in scope:
        term = knowledge.terms[term_id]
        forms: list[tuple[str, int]] = [(term.name, PRIORITY_NAME)]
        for synonym in term.synonyms:
            if synonym.kind == "obsolete_synonym" or names_disease(synonym.text, term.name, common_words):
                continue
            priority = _SCOPE_PRIORITY.get(synonym.scope, PRIORITY_RELATED)
            if synonym.kind == "layperson" and priority == PRIORITY_EXACT:
                priority = PRIORITY_LAY
            forms.append((synonym.text, priority))
        for text, priority in forms:
            add(text, term_id, priority)
            for variant, penalty in name_variants(text):
                add(variant, term_id, max(priority, PRIORITY_VARIANT) + penalty - 1, surface=False)
            for variant in compound_variants(text, compounds):
                add(variant, term_id, max(priority, PRIORITY_VARIANT), surface=False)
        if term_id in nervous:
            # radiology calls an enlarged fluid space of the brain "prominent" ("prominent ventricles")
            for text, priority in forms:
                if priority <= PRIORITY_EXACT and _FLUID_SPACE_RE.search(text) and _ENLARGED_RE.search(text):
                    add(_ENLARGED_RE.sub("prominent", text), term_id, PRIORITY_VARIANT + 1, surface=False)
        for variant in compositional_variants(knowledge, term_id, scope, lay_phrases):
            add(variant, term_id, PRIORITY_VARIANT + 1, surface=False)
        for text, priority in forms:
            if priority <= PRIORITY_EXACT:
                for variant, tests in contextual_variants(text):
                    context_candidates[key_of(variant)][term_id] = PRIORITY_VARIANT + 1
                    context_words[key_of(variant)].update(key_of(test)[0] for test in tests)
        for text, priority in forms:
            if priority <= PRIORITY_EXACT:
                syndrome = eponymous_syndrome(text, common_words)
                if syndrome:  # "Duane anomaly" → "Duane syndrome"
                    add(syndrome, term_id, PRIORITY_VARIANT + 1, surface=False)
        m = _DOMAIN_QUALIFIER_RE.match(term.name)
        if m and term_id not in phenotypes:  # only the word itself: "variability", not "variables"
            add(m.group(1), term_id, PRIORITY_VARIANT + 1, surface=False, strict=True)

    # Obsolete names still name the concept HPO merged them into ("Heterogeneous" → Mode of inheritance).
    for term in knowledge.terms.values():
        if term.is_obsolete and term.replaced_by in scope:
            name = term.name[len("obsolete ") :] if term.name.startswith("obsolete ") else term.name
            for text in [name] + [s.text for s in term.synonyms if s.scope == "EXACT"]:
                if not _COORDINATED_RE.search(text):
                    add(text, term.replaced_by, PRIORITY_RELATED)

    lay_orders: dict[Key, set[Key]] = defaultdict(set)
    for entry in lay_entries:
        term_id = knowledge.alt_ids.get(entry.hpo_id, entry.hpo_id)
        if term_id in scope:
            add(entry.phrase, term_id, PRIORITY_LAY)
            words = tuple(t.key for t in _content_tokens(entry.phrase))
            if len(words) > 1 and any(w in _NEGATED_VERBS for w in words):
                lay_orders[tuple(sorted(words))].add(words)
    non_lay_keys = {key for key, by_term in candidates.items() if min(by_term.values()) < PRIORITY_LAY}
    contextual: dict[Key, frozenset[str]] = {}
    for key, by_term in context_candidates.items():
        if key not in candidates:  # a key that names a finding anywhere keeps doing so
            candidates[key] = by_term
            contextual[key] = frozenset(context_words[key])

    phrases: dict[Key, tuple[str, ...]] = {}
    priorities: dict[Key, int] = {}
    for key, by_term in candidates.items():
        phrases[key], priorities[key] = _resolve(knowledge, by_term)
    abbreviation_ids = {
        text: _resolve(knowledge, by_term, normalised=False)[0] for text, by_term in abbreviations.items()
    }
    # The surface form of a name or synonym wins over the same words normalised ("renal malformation" is
    # a synonym of Abnormal renal morphology, "Abnormality of the kidney" only after "renal" ≈ "kidney";
    # "left-to-right shunt" is not "right-to-left shunt"); generated variants have no surface form, so
    # "synostosis of carpals" (from "Synostosis of carpals/tarsals") does not beat "Carpal synostosis".
    exact = {
        key: _resolve(knowledge, by_term, normalised=False)[0] for key, by_term in exact_candidates.items()
    }

    vocabulary = frozenset(word for key in phrases for word in key)
    targets = spelling_targets(knowledge, scope, lay_entries, vocabulary)
    return Lexicon(
        checksum=knowledge.checksum,
        phrases=phrases,
        priorities=priorities,
        abbreviations=abbreviation_ids,
        strict_single={k: frozenset(v) for k, v in strict_forms.items() if k not in loose_single},
        exact=exact,
        conjunctive={k: frozenset(v) for k, v in conjunctive.items()},
        labels={tid: knowledge.terms[tid].name for tid in scope},
        vocabulary=vocabulary,
        max_words=max((len(k) for k in phrases), default=0),
        scope=scope,
        onset_periods=onset_periods(knowledge, scope),
        inheritance=frozenset(knowledge.descendants(MODE_OF_INHERITANCE)) & scope,
        age_children=age_children(knowledge, scope),
        modifier_children=modifier_children(knowledge, scope, {m for m, _ in read_modifier_cues()}),
        ordered={k: frozenset(v) for k, v in lay_orders.items() if k not in non_lay_keys},
        behavioural=frozenset(knowledge.descendants(MENTAL_FUNCTION)) & scope,
        body_nouns=body_nouns(knowledge, scope) | LAY_BODY_NOUNS,
        systems=organ_systems(knowledge, scope),
        contextual=contextual,
        spelling_targets=targets,
        known_words=known_words(knowledge)
        | frozenset(w for w, count in english_words().items() if count > RARE_ENGLISH),
        rare_words=frozenset(w for w, count in english_words().items() if count <= RARE_ENGLISH),
        normal_subtrees=normal_subtrees(knowledge, scope),
        kinds={
            term: frozenset(knowledge.descendants(term, include_self=False)) & scope
            for term in COMPLAINTS_WITH_KINDS
            if term in scope
        },
        english_targets=frozenset(w for w in targets if english_words().get(w, 0) > RARE_ENGLISH),
        seizures=frozenset(knowledge.descendants(SEIZURE)) & scope
        if SEIZURE in knowledge.terms
        else frozenset(),
    )


_LETTERS_RE = re.compile(r"[a-z]+")
MIN_TARGET_LENGTH = 4


def _letter_words(text: str | None) -> set[str]:
    return set(_LETTERS_RE.findall(fold(text))) if text else set()


def spelling_targets(
    knowledge: Knowledge, scope: frozenset[str], lay_entries: list[LayEntry], vocabulary: frozenset[str]
) -> dict[str, str]:
    """Words of the names, synonyms and lay phrases of the terms in scope, of the word equivalents, and
    common English words, whose key is one the lexicon uses: what a misspelt word may be corrected to."""
    words: set[str] = set()
    for term_id in scope:
        term = knowledge.terms[term_id]
        words |= _letter_words(term.name)
        for synonym in term.synonyms:
            words |= _letter_words(synonym.text)
    for entry in lay_entries:
        words |= _letter_words(entry.phrase)
    for variant, canonical in equivalence_rows():
        words |= _letter_words(variant) | _letter_words(canonical)
    for word, count in english_words().items():  # inflections and derivations: "lethargic", "dehydrated"
        if count >= COMMON_ENGLISH and word.isalpha():
            words.add(word)
    targets: dict[str, str] = {}
    for w in sorted(words):
        if len(w) >= MIN_TARGET_LENGTH and w not in STOP_WORDS:
            key = word_key(w)
            if key in vocabulary:
                targets[w] = key
    return targets


def known_words(knowledge: Knowledge) -> frozenset[str]:
    """Every word the knowledge base writes in its names: HPO's names and synonyms (obsolete terms
    included), condition names and gene names, and the words of HPO's definitions and comments that occur
    more than once there. None of them is a misspelling.

    Session 20: not gene symbols, wherever they are written ("NEK1", "NEK9-related lethal skeletal
    dysplasia" made "nek" a word, so "pain in my nek" was never read as the neck; a symbol in upper case is
    never corrected anyway), unless they are English words, nor a word that only one definition or comment
    writes: HPO's own typos are there ("ankel", "impariment", "kindneys"), and they kept the same typos in
    a text from being corrected."""
    words: set[str] = set()
    symbols: set[str] = set()
    described: Counter[str] = Counter()
    for term in knowledge.terms.values():
        words |= _letter_words(term.name)
        for synonym in term.synonyms:
            words |= _letter_words(synonym.text)
        for text in (term.definition, term.comment):
            described.update(_letter_words(text))
    for condition in knowledge.conditions.values():
        words |= _letter_words(condition.name)
        for name in condition.names:
            words |= _letter_words(name.name)
        for symbol, gene_name in condition.genes:
            words |= _letter_words(gene_name)
            symbols |= _letter_words(symbol)
    words |= {word for word, count in described.items() if count > 1}
    # a condition's name or a definition may cite a gene by its symbol ("NEK9-related lethal skeletal
    # dysplasia"): still no word
    words -= symbols - english_words().keys()
    return frozenset(words)


def organ_systems(knowledge: Knowledge, scope: frozenset[str]) -> dict[str, frozenset[str]]:
    """Term → the children of Phenotypic abnormality among its ancestors (its organ systems)."""
    found: dict[str, set[str]] = defaultdict(set)
    for top in knowledge.children.get(PHENOTYPIC_ABNORMALITY, []):
        for tid in knowledge.descendants(top) & scope:
            found[tid].add(top)
    return {tid: frozenset(tops) for tid, tops in found.items()}


_ABNORMAL_PART_RE = re.compile(
    r"^Abnormal(?:ity)?(?: of(?: the)?)? (.+?)(?: (?:morphology|physiology|shape|structure))?$", re.IGNORECASE
)


# Session 16: parts people name that HPO's "Abnormal X" names do not ("stabbing pain in the bottom of my
# heel", "swelling in my groin"): the stems of heel, sole, shin, calves, thigh, buttock/bum, groin, throat,
# armpit, breastbone
LAY_BODY_NOUNS = frozenset(
    {"heel", "sole", "shin", "calv", "thigh", "buttock", "groin", "throat", "armpit", "breastbon"}
)


def body_nouns(knowledge: Knowledge, scope: frozenset[str]) -> frozenset[str]:
    """Stems of the nouns of body parts and functions: the head of X in the names "Abnormal X",
    "Abnormality of the X", "Abnormal X morphology/physiology" ("thyroid", "reflex", "bladder", "knee").
    Behaviour is movement and action: the heads of the names of mental function and of movement other
    than reflexes ("behavior", "mood", "movements", "gait") are left out."""
    behaviour = knowledge.descendants(MENTAL_FUNCTION) | (
        knowledge.descendants(MOVEMENT) - knowledge.descendants(REFLEX)
    )
    nouns: set[str] = set()
    behaviour_nouns: set[str] = set()
    for term_id in scope:
        term = knowledge.terms[term_id]
        for text in [term.name, *(s.text for s in term.synonyms if s.scope == "EXACT")]:
            m = _ABNORMAL_PART_RE.match(text)
            if m:  # the head: "rhythmic movements" of "Abnormal rhythmic movements of ankle"
                words = _content_tokens(re.split(r"\s+of\s+", m.group(1))[0])
                if words and words[-1].key.isalpha() and len(words[-1].key) > 2:
                    (behaviour_nouns if term_id in behaviour else nouns).add(words[-1].key)
    return frozenset(nouns - behaviour_nouns)


# Age words in HPO names (stems): "in infancy"/"Infantile" and "Neonatal".
_AGE_STEMS = {"infant": "infant", "infantil": "infant", "neonatal": "neonatal"}
_AGE_NOISE = frozenset({"muscular", "muscl", "muscle"})  # "Hypotonia" → "Infantile muscular hypotonia"


def age_children(knowledge: Knowledge, scope: frozenset[str]) -> dict[str, dict[str, str]]:
    """Term → age ("infant", "neonatal") → the child term named as the term plus that age word ("Feeding
    difficulties" → "Feeding difficulties in infancy", "Hypotonia" → "Neonatal hypotonia"); an age with
    two such children is left out."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for child_id in scope:
        child = knowledge.terms[child_id]
        child_key = set(key_of(child.name))
        ages = {_AGE_STEMS[w] for w in child_key if w in _AGE_STEMS}
        if len(ages) != 1:
            continue
        for parent_id in child.parents:
            parent = knowledge.terms.get(parent_id)
            if parent is None or parent_id not in scope:
                continue
            for text in [parent.name, *(s.text for s in parent.synonyms if s.scope == "EXACT")]:
                parent_key = set(key_of(text))
                extra = child_key - parent_key
                if (
                    parent_key <= child_key
                    and extra
                    and all(w in _AGE_STEMS or w in _AGE_NOISE for w in extra)
                ):
                    found[parent_id][next(iter(ages))].add(child_id)
                    break
    return {
        parent: {age: next(iter(ids)) for age, ids in by_age.items() if len(ids) == 1}
        for parent, by_age in found.items()
    }


CONTEXT_CHILDREN_FILE = "data/context-children.tsv"


@lru_cache(maxsize=1)
def read_modifier_cues() -> tuple[tuple[str, str], ...]:
    """(modifier, cue regular expression) rows of ``data/modifier-cues.tsv``, in file order."""
    rows: list[tuple[str, str]] = []
    text = resources.files("symptomdb.text").joinpath("data/modifier-cues.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        modifier, cue = line.split("\t")
        if modifier != "modifier":
            rows.append((modifier.strip().lower(), cue.strip()))
    return tuple(rows)


@dataclass(frozen=True)
class ContextChild:
    """A row of ``data/context-children.tsv``: the finding, the child its context makes it, the cue, and
    how many words from the finding the cue may be (None: anywhere in the sentence)."""

    finding: str
    child: str
    cue: str
    within: int | None = None


@lru_cache(maxsize=1)
def read_context_children() -> tuple[ContextChild, ...]:
    """The rows of ``data/context-children.tsv``, in file order: children HPO does not name as the
    finding plus a modifier (*Dyspnea* → *Orthopnea*)."""
    rows: list[ContextChild] = []
    text = resources.files("symptomdb.text").joinpath(CONTEXT_CHILDREN_FILE).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("finding\t"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if (
            len(fields) < 4
            or not all(f.startswith("HP:") for f in fields[:2])
            or not (fields[3] == "" or fields[3].isdigit())
        ):
            raise ValueError(
                f"{CONTEXT_CHILDREN_FILE}:{number}: expected finding<TAB>child<TAB>cue<TAB>within<TAB>note"
            )
        rows.append(ContextChild(fields[0], fields[1], fields[2], int(fields[3]) if fields[3] else None))
    return tuple(rows)


def modifier_children(
    knowledge: Knowledge, scope: frozenset[str], modifiers: set[str]
) -> dict[str, dict[str, str]]:
    """Term → modifier → the child term HPO names as the term plus that modifier ("Tremor" → "Action
    tremor", "Hearing impairment" → "Unilateral deafness" through its synonym "deafness"), read from the
    names and exact synonyms of both; a grandchild counts when no child is so named. A modifier with two
    such children of one term is left out."""
    by_key = {" ".join(sorted(key_of(m))): m for m in modifiers}
    found: dict[str, dict[str, dict[int, set[str]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(set))
    )
    for child_id in scope:
        child = knowledge.terms[child_id]
        child_keys = [
            set(key_of(f)) for f in [child.name, *(s.text for s in child.synonyms if s.scope == "EXACT")]
        ]
        parents = {p: 1 for p in child.parents}
        for parent_id in list(parents):
            parent_term = knowledge.terms.get(parent_id)
            for grand in parent_term.parents if parent_term else ():
                parents.setdefault(grand, 2)
        for parent_id, depth in parents.items():
            parent = knowledge.terms.get(parent_id)
            if parent is None or parent_id not in scope:
                continue
            parent_keys = [
                set(key_of(f))
                for f in [parent.name, *(s.text for s in parent.synonyms if s.scope == "EXACT")]
            ]
            for child_key in child_keys:
                modifier = next(
                    (
                        by_key[" ".join(sorted(child_key - pk))]
                        for pk in parent_keys
                        if pk and pk < child_key and " ".join(sorted(child_key - pk)) in by_key
                    ),
                    None,
                )
                if modifier is not None:
                    found[parent_id][modifier][depth].add(child_id)
                    break
    result: dict[str, dict[str, str]] = {}
    for parent_id, by_modifier in found.items():
        for modifier, by_depth in by_modifier.items():
            ids = by_depth[min(by_depth)]
            if len(ids) == 1:
                result.setdefault(parent_id, {})[modifier] = next(iter(ids))
    return result


ONSET = "HP:0003674"
_ONSET_PERIOD_RE = re.compile(
    r"^(?:onset|symptoms begin) (?:in|during) (?:early )?(\w+(?:hood|ancy|ency|escence))$", re.IGNORECASE
)


def onset_periods(knowledge: Knowledge, scope: frozenset[str]) -> dict[str, str]:
    """Periods of life that onset terms name ("Onset in infancy", "Symptoms begin in childhood"), as
    folded words → term id; a period two terms name is left out."""
    found: dict[str, set[str]] = defaultdict(set)
    for term_id in knowledge.descendants(ONSET, include_self=False):
        if term_id not in scope:
            continue
        term = knowledge.terms[term_id]
        for form in [term.name, *(s.text for s in term.synonyms if s.scope == "EXACT")]:
            m = _ONSET_PERIOD_RE.match(form)
            if m:
                found[fold(m.group(1))].add(term_id)
    return {period: next(iter(ids)) for period, ids in found.items() if len(ids) == 1}


@lru_cache(maxsize=100_000)
def surface_form(lower: str) -> str:
    """A word with only plurals, possessives and British spellings folded (for exact-form preference)."""
    if lower.endswith("'s"):
        lower = lower[:-2]
    return light_stem(lower)


@lru_cache(maxsize=50_000)
def _content_tokens(text: str) -> tuple[Token, ...]:
    return tuple(t for t in tokenize(text) if t.kind == "word" and not t.stop and t.key)


def compositional_variants(
    knowledge: Knowledge,
    term_id: str,
    scope: frozenset[str],
    lay: dict[str, list[str]] | None = None,
    depth: int = 2,
) -> list[str]:
    """'Bilateral cryptorchidism' (child of 'Cryptorchidism', synonym 'Undescended testes') →
    'Bilateral undescended testes': a child named '<modifier> <parent name>' takes the parent's synonyms,
    and the parent's reviewed lay phrases (``lay``: term → phrases; "lots of coffee-coloured spots" is
    *Multiple cafe-au-lait spots*), and (``depth``) the parent's own compositional forms ("Anterior
    polar cataract" → "anterior polar lens opacity" through "Polar cataract" → "polar lens opacity")."""
    term = knowledge.terms[term_id]
    name_tokens = _content_tokens(term.name)
    variants: list[str] = []
    for parent_id in term.parents:
        parent = knowledge.terms.get(parent_id)
        if parent is None or parent_id not in scope:
            continue
        parent_keys = {t.key for t in _content_tokens(parent.name)}
        extra = [t for t in name_tokens if t.key not in parent_keys]
        if not parent_keys or not 1 <= len(extra) <= 2 or len(extra) + len(parent_keys) != len(name_tokens):
            continue
        modifier = " ".join(t.text for t in extra)
        # "Unilateral X" is also said "one X" ("one undescended testicle", "one of her kidneys is missing")
        modifiers = [modifier, "one"] if modifier.lower() == "unilateral" else [modifier]
        for synonym in parent.synonyms:
            if synonym.scope == "EXACT" and synonym.kind in (None, "layperson", "plural_form", "uk_spelling"):
                variants.extend(f"{m} {synonym.text}" for m in modifiers)
        variants.extend(f"{m} {phrase}" for m in modifiers for phrase in (lay or {}).get(parent_id, ()))
        if depth > 1:
            inherited = compositional_variants(knowledge, parent_id, scope, lay, depth - 1)
            variants.extend(f"{modifier} {form}" for form in inherited)
    return variants


def _resolve(
    knowledge: Knowledge, by_term: dict[str, int], *, normalised: bool = True
) -> tuple[tuple[str, ...], int]:
    """The terms one key names, best first, and the key's priority.

    For a surface form (``normalised=False``) the best-priority terms win, most specific first. For a
    normalised key, when the same words also name an ancestor of a best-priority term through a name, an
    exact or a layperson synonym, the ancestor is the reading the words support ("cerebellar symptoms" ≈
    the name "Cerebellar malformation" and the synonym "Abnormality of the cerebellum": Abnormal
    cerebellum morphology); descendants of another candidate are dropped, more general first."""
    best = min(by_term.values())
    ids = {tid for tid, p in by_term.items() if p == best}
    if normalised:
        tied = max(best, PRIORITY_LAY)
        best_ids = set(ids)
        for tid, p in by_term.items():
            if best < p <= tied and any(tid in knowledge.ancestors(o, include_self=False) for o in best_ids):
                ids.add(tid)
    ancestors_of = {tid: knowledge.ancestors(tid, include_self=False) for tid in ids}
    if normalised:
        kept = [tid for tid in ids if not (ancestors_of[tid] & ids)] or list(ids)
        kept.sort(key=lambda tid: (len(ancestors_of[tid]), tid))
    else:
        covered = set().union(*ancestors_of.values())
        kept = [tid for tid in ids if tid not in covered] or list(ids)
        kept.sort(key=lambda tid: (-len(ancestors_of[tid]), tid))
    return tuple(kept), best


LEXICON_FORMAT = 14
_cache: dict[str, Lexicon] = {}
_cache_lock = threading.Lock()


def normal_subtrees(knowledge: Knowledge, scope: frozenset[str]) -> dict[str, frozenset[str]]:
    """Each term a statement of normality excludes → its descendants in scope."""
    excluded = {term_id for ids in normal_subjects().values() for term_id in ids}
    return {
        term_id: frozenset(knowledge.descendants(term_id, include_self=False)) & scope
        for term_id in excluded
        if term_id in knowledge.terms
    }


def lexicon_version() -> str:
    """A digest of everything the lexicon is built from besides the knowledge: the data files in
    ``text/data`` and the normalising code, so that an on-disk cache never outlives a change to them."""
    digest = hashlib.sha256(f"{LEXICON_FORMAT} {english_version()}".encode())
    package = resources.files("symptomdb.text")
    for name in (
        "data/lay-lexicon.tsv",
        "data/word-equivalents.tsv",
        "data/lexicon-exclusions.tsv",
        "data/modifier-cues.tsv",
        "data/normal-findings.tsv",
        "normalise.py",
        "lexicon.py",
        "english.py",
    ):
        digest.update(package.joinpath(name).read_bytes())
    return digest.hexdigest()[:16]


def get_lexicon(knowledge: Knowledge, cache_dir: Path | None = None) -> Lexicon:
    """The lexicon for this data version, built once per process (and cached on disk in ``cache_dir``)."""
    key = knowledge.checksum
    lexicon = _cache.get(key)
    if lexicon is not None:
        return lexicon
    with _cache_lock:
        lexicon = _cache.get(key)
        if lexicon is None:
            lexicon = _load_or_build(knowledge, cache_dir)
            _cache.clear()
            _cache[key] = lexicon
    return lexicon


def _load_or_build(knowledge: Knowledge, cache_dir: Path | None) -> Lexicon:
    if cache_dir is None:
        return build_lexicon(knowledge)
    path = cache_dir / f"text-lexicon-{knowledge.checksum[:16]}-{lexicon_version()}.pickle"
    if path.is_file():
        try:
            with open(path, "rb") as handle:
                cached = pickle.load(handle)
            if isinstance(cached, Lexicon) and cached.checksum == knowledge.checksum:
                return cached
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
            pass  # rebuilt below
    lexicon = build_lexicon(knowledge)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as handle:
            pickle.dump(lexicon, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only cache directory only costs a rebuild next time
    return lexicon
