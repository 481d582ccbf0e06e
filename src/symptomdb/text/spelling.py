"""Spelling tolerance: a misspelt symptom word is read as the word of the lexicon it is closest to.

A word token may be corrected only when it is none of these:

- a stop word, or shorter than ``MIN_LENGTH`` letters;
- a word the knowledge base writes anywhere or an ordinary English word (``Lexicon.known_words``: HPO's
  names, synonyms, definitions and comments, condition names, gene symbols and names, and
  pyspellchecker's English words (MIT) counted above ``RARE_ENGLISH``), or an inflection, British
  spelling or two-word compound of one ("inverses", "homologue", "coactivator");
- an abbreviation, an ALL-CAPS token, a token with digits or other non-letters, a mixed-case token (gene
  symbols, "McArdle") or a capitalised word inside a sentence (a name).

It is then read as a target (``Lexicon.spelling_targets``: words of the names, synonyms and lay phrases,
and common English words, whose key the lexicon uses) with the same first sound, within
Damerau–Levenshtein distance 1, or 2 for words of ``LONG_WORD`` letters or more when the two edits spell
the same sounds (``sound``: "headake", "seizers"); only when the closest targets share one key (ties go
to the sound-alike reading). Stricter: a rare dictionary word ("seizers") or a word whose own key the
lexicon uses ("ptotic") takes only a sound-alike reading; a word under ``LONG_WORD`` letters that does not
sound like its target only an ordinary English word; a word under ``SHORT_WORD`` letters loses no letter;
a long word one edit from a technical target, with another reading two edits away, none. The corrected
token keeps its span on the original text; its folded form and key become the target's, so it goes
through the normal matching. Apostrophe-less contractions ("doesnt", "isnt") are read as the
contractions, so that negation sees them; two words that make a target when joined ("over weight") are
read as one.

Session 13 (typing slips and spelling by sound): a four-letter non-word with two neighbouring letters after
the first swapped is read as the one ordinary English word the swap makes ("bakc", "pian"; not when a swap
makes a function word: "wiht"); a word with no reading, or with tied readings, is read as the target with
the same letters in another order and the same first letter ("diarreah", "seelp", "blakc" rather than
the name Blake); a non-word that no reading corrects and that runs two words together is read as the two
("coughingup", "wetthe": a function word or particle with a word of the lexicon's phrases, or two
everyday words of four letters or more, "tummyache"; not "urorenal" or "fitbit"); the sound-alike form
drops a silent first letter ("pneumonia", "knuckles", "wrists") and reads x as ks, rh as r, eu as u;
a word that is an ordinary English word letter for letter but for sounds another first language does not
tell apart (b/p/v/f and j/y, or v/w: "bomit", "pever", "jellow", "wiral") is read as it when no reading
sounds alike; text-speak: a letter held for emphasis is read once or twice ("itchyyy", "dizzzy"), a
letter doubled in a short word once ("sorre"), a dropped g restored ("bleedin"), "dnt", "rly", "b4"; a
three- or four-letter non-word is read as the one ordinary English word, longer and with
the same first letter, that it sounds like ("hed", "stif", "swet", "num"; the sound-alike form reads ough
as of, igh as i and a final mb as m).

Session 14 (older adults typing): a finding's -y word spelt -ey or -ie is read as it, dictionary variants
included ("giddey", "dizzie", "shakey", "flakey"; `y_spelling`); a five- or six-letter word no reading
corrects is read as the one longer ordinary English word it sounds like ("quezy", "exema"); a doubled
letter in a four-letter word is dropped ("hipp", "wett"); letters that are one another's mirror image
(b/d/p/q) are read as the ordinary English word they spell ("dlood", "qeriods", "burq"); a four-letter
non-word one letter short of a word that names a finding alone is read as it ("coug", "fver", "dizz"), or
one neighbouring key from an ordinary English word ("paun", "rasj"); a neighbouring key hit is the last
tie-break between readings as close ("fecer" is fever, not feces); a doubled plural ending is a slip, not
an inflection ("anxiouss", "seizurees"); a word's first two letters swapped are read too ("apin",
"htroat", "ivsion"); a non-word still unread is read as the one target a letter away that makes a phrase
of the lexicon with the word beside it ("sore throa", "soe throat", "hearing los"); a real but rare word
the lexicon never uses is read as the target that sounds the same and makes such a phrase ("a soar
throat", "coff at night", "eyes watter").

Session 21 (German, Dutch and Scandinavian writers): a capitalised word inside a sentence is corrected
after an article, a possessive or a side, as these writers capitalise nouns ("my Migräne", "on the Brest");
a word starting with w is read with a v there ("womitting"); a sound fold with two readings leaves the word
to the next fold ("veak": peak or beak by b/p/v/f, weak by v/w); a word that is a word only as two
everyday words run together is read as the two ("stomachcramps", "backpain"; not a prefix's word such as
"hypothyroid"); a reordering reads only an ordinary word ("diarre" is no Darier).

Session 22 (Tagalog, Cebuano, Malay and Indonesian writers): a non-word no other reading corrects is read
as the ordinary English word it spells with e and i, o and u, p and f, b and v not told apart and th said
as t ("pebir", "bumit", "blud"), of two such words the one that names a finding alone ("piber" is fever,
not fiber); a word of the word equivalents (a home word for a finding: "gatal", "demam") is a word, never
corrected; "theyre" is read as they're, not as a slip.

Session 23 (Slavic, Hungarian, Albanian and Greek writers; Nepali, Burmese, Karen, Tibetan and Mongolian
writers): a non-word with a letter group English never writes (`_HOME_MARKS`: "tajrd", "tsest", "szveating",
"xhoints", "svelled", "kheadache") is read with each group's English spellings (`_HOME_SPELLINGS`), as
written or corrected, the most common word first ("lajt" is light, not lite); a non-word no other reading
corrects is tried so too, with the other groups (v/w, j/y, i/ee, ou/ow, y/r, ay for a: "vater", "jelow",
"swalou", "payl", "yed"), readings of i as ee or y as r only as written ("diff" is no "deaf"); a Slavic case
ending -u is dropped ("stomaku"); of one-edit readings otherwise tied, the one that doubles a letter the word
has once ("sleping" is sleeping, not sloping); a long word's one-edit reading stays sure when the other near
target names the same finding ("diareia": "diarea" or "diarroia"); a four-letter fold reading gives way to a
finding word with a letter dropped ("hivs" is hives, not hips). French-speaking writers: z for th at a
word's start ("zirsty"), and an h dropped or added ("ead", "ands"; "hankles", "heye": the added h only as
written, since a corrected reading would go round).

The search index is built once per lexicon object and kept while the lexicon lives; corrections are
memoised per word.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections import defaultdict
from collections.abc import Callable, KeysView, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein, Hamming

from symptomdb.text.english import COMMON_ENGLISH, english_words
from symptomdb.text.lexicon import Lexicon
from symptomdb.text.normalise import (
    JOIN_PREFIXES,
    Token,
    stem,
    tokenize,
    us_spelling,
    word_equivalents,
    word_key,
)

T = TypeVar("T")
MIN_LENGTH = 5  # shorter words are left alone ("hes", "coff", "kne") ...
_PARTICLES = frozenset({"up", "out", "off", "down"})  # "coughingup", "passedout": no stop words, yet short
SPLIT_LENGTH = 6  # a run-together word ("coughingup") has at least this many letters
HEARD_LENGTH = 3  # ... or for a three- or four-letter word spelt by sound ("nek", "swet", "coff")
EVERYDAY_ENGLISH = 20_000  # ... and is no everyday word (pyspellchecker's count: "quite", "sir", "horse")
HEARD_BESIDE = (
    4  # a real word read as its sound-alike beside a phrase partner has this many letters ("sir" stays)
)
SWAPPED_LENGTH = 4  # ... but for two neighbouring letters swapped in a four-letter word ("bakc", "pian")
DROPPED_FROM = 5  # ... or a five-letter word with a letter dropped ("coug", "fver")
LONG_WORD = 7  # words of at least this many letters may be two edits away
SHORT_WORD = 6  # shorter words are corrected only by a letter changed, added or swapped
# Prefixes a compound word may start with ("coactivator", "unresectable"): such a word is no misspelling
PREFIXES = JOIN_PREFIXES | frozenset({"un", "de", "dis", "mis", "trans", "neuro", "cardio", "auto", "bio"})

# Contractions typed without the apostrophe: read as the contraction (negation triggers use them).
CONTRACTIONS = {
    "dont": "don't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "isnt": "isn't",
    "wasnt": "wasn't",
    "arent": "aren't",
    "werent": "weren't",
    "hasnt": "hasn't",
    "havent": "haven't",
    "hadnt": "hadn't",
    "couldnt": "couldn't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
    "wont": "won't",
    # session 13: text-speak
    "dnt": "don't",
    "cnt": "can't",
    "havnt": "haven't",
    # session 19: contractions spelt by sound, which negation needs ("it dosnt hurt", "carnt sleep")
    "dosnt": "doesn't",
    "dosent": "doesn't",
    "doesent": "doesn't",
    "wudnt": "wouldn't",
    "cudnt": "couldn't",
    "carnt": "can't",
    "hasent": "hasn't",
    "didint": "didn't",
    # session 20: the apostrophe one letter late ("I have'nt actually been sick", "I do'nt have a fever"),
    # and Scots "-nae" ("Havnae actually been sick yet", "cannae sleep", "didnae")
    "have'nt": "haven't",
    "do'nt": "don't",
    "does'nt": "doesn't",
    "did'nt": "didn't",
    "is'nt": "isn't",
    "was'nt": "wasn't",
    "has'nt": "hasn't",
    "could'nt": "couldn't",
    "havnae": "haven't",
    "havenae": "haven't",
    "hasnae": "hasn't",
    "cannae": "can't",
    "canna": "can't",
    "dinnae": "don't",
    "didnae": "didn't",
    "disnae": "doesn't",
    "isnae": "isn't",
    "wasnae": "wasn't",
    "wouldnae": "wouldn't",
    # session 22: Caribbean creoles ("mi cyaan ketch mi breat", "mi doan have no pain", "mi nuh see no blood")
    "cyaan": "can't",
    "kyaan": "can't",
    "kyan": "can't",
    "caan": "can't",
    "doan": "don't",
    "nuh": "not",
    "neva": "never",
    "nevah": "never",
}
# Session 19: contractions written without their apostrophe that are no contraction key above
_APOSTROPHE_LESS = frozenset(
    {"shes", "hes", "its", "whos", "thats", "theres", "wheres", "lets", "ive", "youre", "theyre"}
)


def _another_ending(word: str, target: str) -> bool:
    """A word of six letters or more and a target that differ only in the last letter ("slower" and
    "slowed"): one word's two inflections, not a slip."""
    return len(word) >= 6 and word[:-1] == target[:-1]


# Text-speak read as the words meant (session 13), where the word matters to negation, coordination or a
# phrase: "rly sore", "b4 my period", "n"
TEXT_SPEAK = {
    "rly": "really",
    "rlly": "really",
    "b4": "before",
    "wen": "when",
    "abt": "about",
    "wiv": "with",
    # session 19: words of frequency and degree spelt by sound ("evry 20 mins", "reely bad")
    "evry": "every",
    "reely": "really",
    "rilly": "really",
    # session 20: "def not pregnant" (definitely), no longer a known word once gene symbols are not
    "def": "definitely",
    "defo": "definitely",
}


@dataclass
class SpellIndex:
    """The correction targets of one lexicon, by length, with their keys."""

    by_length: dict[tuple[int, str], list[str]]  # (length, first sound) → targets
    keys: dict[str, str]
    vocabulary: frozenset[str]
    known: frozenset[str]
    rare: frozenset[str]
    english: frozenset[str]  # the targets that are ordinary English words
    # the keys that name a finding alone ("cough", "dizzy") → the terms they name (`findings`)
    meanings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    memo: dict[str, str | None] = field(default_factory=dict)
    splits: dict[str, tuple[str, str] | None] = field(default_factory=dict)  # memoised run_together
    words: dict[str, bool] = field(default_factory=dict)  # memoised is_word
    pairs: dict[str, frozenset[str]] = field(default_factory=dict)  # key → keys it makes a 2-word phrase with
    by_key: dict[str, list[str]] = field(default_factory=dict)  # key → its English targets
    paired: dict[str, dict[tuple[int, str], list[str]]] = field(default_factory=dict)  # `_paired_targets`
    letters: dict[str, list[str]] = field(init=False)  # sorted letters → targets
    carried: dict[str, list[str]] = field(init=False)  # English targets by their carried-over forms
    sounds: dict[str, list[str]] = field(init=False)  # short English targets by their sound-alike forms
    dropped: dict[str, list[str]] = field(init=False)  # five-letter English targets by each four-letter slip
    heard: dict[str, list[str]] = field(init=False)  # English targets by their sound-alike forms
    # English targets by their form without the last letter
    cut_short: dict[str, list[str]] = field(init=False)

    @property
    def findings(self) -> KeysView[str]:
        """The keys that name a finding alone ("cough", "dizzy")."""
        return self.meanings.keys()

    def __post_init__(self) -> None:
        # built with the index (the lexicon's warm-up), not by the first document that needs them
        self.letters = defaultdict(list)
        for target in self.keys:
            self.letters["".join(sorted(target))].append(target)
        self.carried = defaultdict(list)
        self.sounds = defaultdict(list)
        self.dropped = defaultdict(list)
        self.heard = defaultdict(list)
        self.cut_short = defaultdict(list)
        for target in self.english:
            for fold in _CARRIED_OVER:
                self.carried[fold(target)].append(target)
            self.carried[_three_vowel_fold(target)].append(target)
            self.heard[sound(target)].append(target)
            if len(target) >= DROPPED_FROM - 1:
                self.cut_short[target[:-1]].append(target)
            if len(target) <= 6:
                self.sounds[sound(target)].append(target)
            if len(target) == DROPPED_FROM:
                for i in range(1, len(target)):
                    self.dropped[target[:i] + target[i + 1 :]].append(target)

    def correction(self, word: str) -> str | None:
        """The target word a folded, all-letter word is a misspelling of, or None."""
        return _memoised(self.memo, word, self._correction)

    def is_word(self, word: str) -> bool:
        """A word of the knowledge base or an ordinary English word, or an inflection of one
        ("inverses")."""
        return _memoised(self.words, word, self._is_word)

    def _is_word(self, word: str) -> bool:
        if self._is_known(word) or stem(word) in word_equivalents():
            return True  # session 22: a word of the equivalents ("gatal", a home word for itchy) is meant
        if any(self._is_known(base) or base in self.keys for base in _bases(word)):
            return True
        # a compound of two words, perhaps joined by a combining vowel ("ureterovaginal", "coactivator")
        for cut in range(2, len(word) - 4):  # both words of five letters or more, or a prefix
            head, tail = word[:cut], word[cut:]
            if self._is_known(tail) and (
                head in PREFIXES
                or (len(head) >= 5 and self._is_known(head))
                or (len(head) >= 6 and head[-1] in "oi" and self._is_known(head[:-1]))
            ):
                return True
        return False

    def _is_known(self, word: str) -> bool:
        return word in self.known

    def _one_reading(self, found: Sequence[str]) -> str | None:
        """The first of the targets found when they all share one key, else None (no sure reading); the key's
        own word first (session 23: "fver" is fever, not the word equivalent "fiver")."""
        if len({self.keys[t] for t in found}) != 1:
            return None
        return next((t for t in found if stem(t) == self.keys[t]), found[0])

    def _finding_words(self, found: Sequence[str]) -> list[str]:
        """The targets whose key names a finding alone ("fever", not "fiber")."""
        return [t for t in found if self.keys[t] in self.findings]

    def _another_meaning(self, near: set[str], keys: set[str]) -> bool:
        """Some key of ``near`` means other than the one of ``keys``: a key naming no finding alone, or
        other findings (session 23: "diareia" is diarrhea, whether read as "diarea" or "diarroia")."""
        (key,) = keys
        meaning = self.meanings.get(key)
        return any(
            other != key and (meaning is None or self.meanings.get(other) != meaning) for other in near
        )

    def _reordered(self, word: str) -> str | None:
        """A target with the same letters in another order and the same first letter ("diarreah" is
        diarrhea, "seelp" sleep): a letter typed in the wrong place, however far it moved."""
        found = [t for t in self.letters.get("".join(sorted(word)), ()) if t[0] == word[0]]
        # session 21: only to an ordinary word ("diarre" is no Darier, the name of a disease)
        return self._one_reading([t for t in found if t in self.english])

    def run_together(self, word: str) -> tuple[str, str] | None:
        """The two words a non-word runs together ("coughingup", "wetthe", "tummyache"), when exactly one
        cut gives two words and one of them is a word the lexicon's phrases use."""
        return _memoised(self.splits, word, self._run_together)

    def _run_together(self, word: str) -> tuple[str, str] | None:
        if word in self.keys or (self.is_word(word) and not self._everyday_compound(word)):
            return None
        cuts = []
        for cut in range(2, len(word) - 1):
            head, tail = word[:cut], word[cut:]
            if (
                all(self._whole(part) for part in (head, tail))
                and any(self._phrase_word(part) for part in (head, tail))
                and (
                    any(_token_of(part).stop or part in _PARTICLES for part in (head, tail))
                    or all(len(part) >= 4 and part in self.english for part in (head, tail))
                )
            ):  # a function word with a finding's word ("wetthe"), or two everyday words ("tummyache"),
                # not the pieces of a technical word ("urorenal", "fitbit")
                cuts.append((head, tail))
        return cuts[0] if len(cuts) == 1 else None

    def _everyday_compound(self, word: str) -> bool:
        """Session 21: a word that is a word only as two everyday words run together, as German, Dutch and
        Scandinavian writers join them ("stomachcramps", "headpain", "backpain"): read as the two."""
        if self._is_known(word) or any(self._is_known(base) or base in self.keys for base in _bases(word)):
            return False
        return any(
            word[:cut] in self.english and word[:cut] not in PREFIXES and word[cut:] in self.english
            for cut in range(4, len(word) - 3)
        )  # not a prefix's word ("hypothyroid" is no hypo)

    def _whole(self, part: str) -> bool:
        if _token_of(part).stop or part in _PARTICLES:
            return True
        return len(part) >= 3 and (part in self.keys or self.is_word(part))

    def _phrase_word(self, part: str) -> bool:
        token = _token_of(part)
        return len(part) >= 3 and not token.stop and token.key in self.vocabulary

    def _carried_over(self, word: str) -> str | None:
        """The ordinary English target a word spells with sounds a first language does not tell apart,
        letter for letter: b/p/v/f/w ("bain" is pain, "bomit" vomit, "pever" fever), j/y ("jellow"), mirrored
        letters ("dlood"), l/r ("bleast") and th as t, s or d ("sroat")."""
        for fold in _CARRIED_OVER:
            if "th" in word and fold in _TH_FOLDS:
                continue  # the writer said th, so it is no t, s or d ("mooth" is no mood)
            found = [t for t in self.carried.get(fold(word), ()) if t != word]
            if found and (reading := self._one_reading(found)) is not None:
                return reading
            # session 21: a fold with two readings leaves the word to the next fold ("veak": peak or beak
            # by b/p/v/f, weak by v/w, as German and Dutch writers swap them)
        return None

    def three_vowels(self, word: str) -> str | None:
        """Session 22: the ordinary English target a non-word spells as a speaker of a language of three
        vowels does (`_three_vowel_fold`: "pebir", "bumit", "blud"), taken when no other reading is found; of
        two, the one that names a finding alone ("piber": fever, not fiber)."""
        if word in self.keys or self.is_word(word):
            return None
        found = [t for t in self.carried.get(_three_vowel_fold(word), ()) if t != word]
        return self._one_reading(found) or self._one_reading(self._finding_words(found))

    def home_letters(self, word: str, strong_only: bool = True) -> str | None:
        """Session 23: the ordinary English word a non-word spells by ear with the letters of another
        alphabet (`_HOME_SPELLINGS`: Slavic, Hungarian, Albanian, Greek and Turkish writers: "tajrd" is
        tired, "lajt" light, "tsest" chest, "svelled" swelled, "xhoints" joints), as written or corrected;
        the most common word when several are; None when it is a word no finding needs ("vants"). Only a
        word with a letter group English spells otherwise (`_HOME_MARKS`), unless ``strong_only`` is
        False (the last resort: "vater", "jelow", "swalou")."""
        if word in self.keys or self.is_word(word):
            return None
        if strong_only and not _HOME_MARKS.search(word):
            return None
        spellings = [(s, exact) for s, exact in _home_spellings(word) if s != word]
        english = english_words()
        written = [s for s, _ in spellings if s in self.keys or english.get(s, 0) >= COMMON_ENGLISH]
        if written:
            meant = max(written, key=lambda s: (english.get(s, 0), s in self.keys))
            # a word of the lexicon's phrases, short words too ("yed" is red)
            return meant if meant in self.keys or word_key(meant) in self.vocabulary else None
        if strong_only:  # corrected as any word is, but for the groups again (no reading goes round)
            corrected = [
                c
                for s, exact in spellings
                if len(s) >= MIN_LENGTH
                and not exact
                and not _HOME_MARKS.search(s)
                and (c := self.correction(s)) is not None
            ]
        else:  # the last resort's readings only one edit from a target ("swalow", "yelow")
            corrected = [
                t for s, exact in spellings if len(s) >= MIN_LENGTH and not exact for t in self.one_edit(s)
            ]
        return self._one_reading(corrected) if corrected else None

    def h_dropped_or_added(self, word: str) -> str | None:
        """Session 23: the ordinary English target a short non-word spells with its first h dropped or an h
        added, as French, Romance and Arabic writers do ("ead" is head, "ands" hands, "heye" eye)."""
        if word in self.keys or self.is_word(word):
            return None
        restored = "h" + word if word[0] in "aeiou" else _without_an_added_h(word)
        if restored is None:
            return None
        if restored in self.english:
            return restored
        common = english_words().get(restored, 0) >= COMMON_ENGLISH
        return restored if common and word_key(restored) in self.vocabulary else None

    def _a_vowel_changed(self, word: str) -> str | None:
        """The one finding word, as long, that a short non-word spells with one vowel changed ("pein" is pain,
        not vein by p for v)."""
        found = [
            t
            for t in self.by_length.get((len(word), sound(word)[0]), ())
            if t in self.english
            and self.keys[t] in self.findings
            and Hamming.distance(word, t) == 1
            and any(a != b and a in "aeiou" and b in "aeiou" for a, b in zip(word, t, strict=True))
        ]
        return self._one_reading(found) if found else None

    def _case_ending_dropped(self, word: str) -> str | None:
        """Session 23: the reading of a word spelt by ear without the case ending a Slavic writer put on it
        ("stomaku")."""
        if word[-1] != "u" or len(word) <= MIN_LENGTH:
            return None
        return self.correction(word[:-1])

    def heard_as(self, word: str) -> str | None:
        """The ordinary English target a short non-word spells by sound, longer than it and with its first
        letter ("nek" is neck, "hed" head, "swet" sweat, "nite" night, "coff" cough), when only one does."""
        if word in self.keys or self.is_word(word):
            return None
        alike = [t for t in self.sounds.get(sound(word), ()) if t[0] == word[0] and t != word]
        if not alike and word[0] in "kc":  # session 19: "koff" is cough, "kramp" cramp (a k for a c)
            alike = [t for t in self.sounds.get(sound(word), ()) if t[0] in "kc" and t != word]
        longer = [t for t in alike if len(t) > len(word)]
        # a longer word first ("akes" is aches, not aces); else one as long ("numm" is numb)
        return self._one_reading(longer or [t for t in alike if len(t) == len(word)])

    def alike(self, word: str) -> list[str]:
        """The ordinary English targets a word may stand for when it is meant as another word: the ones
        that sound the same ("soar" → sore) and the ones it spells with the last consonant dropped, as
        Vietnamese, Thai and Chinese speakers often do ("pai" → pain, "bac" → back). Not the folds of
        sounds other first languages do not tell apart (`_CARRIED_OVER`): too many real words are one
        another's that way ("peed" and "feed", "clamps" and "cramps")."""
        found = [t for t in self.heard.get(sound(word), ()) if t != word]
        return found + self.cut_off(word)

    def l_for_r(self, word: str) -> list[str]:
        """Session 19: the ordinary English targets a word spells with l and r swapped, as Chinese,
        Japanese, Korean and Thai writers often do with real words too ("stomach clamp", "nose breed");
        taken only where the reading makes a lexicon phrase with the word right beside it."""
        return [t for t in self.carried.get("L" + word.translate(_L_AND_R), ()) if t != word]

    def one_letter_changed(self, word: str, partners: Sequence[str]) -> list[str]:
        """Session 19: the ordinary English targets as long as the word, with its first letter, one letter
        changed ("sock" → sick, "sleet" → sleep: a swipe keyboard's or an autocorrect's real word for the
        meant one), among those whose key makes a two-word phrase with one of ``partners`` (keys)."""
        if word in _APOSTROPHE_LESS:
            return []  # "shes doubled up" is she's, not "sees double"
        return [
            target
            for partner in partners
            for target in self._paired_targets(partner).get((len(word), word[0]), ())
            if Hamming.distance(word, target) == 1 and not _another_ending(word, target)
        ]

    def _paired_targets(self, partner: str) -> dict[tuple[int, str], list[str]]:
        """The English targets whose key makes a two-word phrase with ``partner``, by length and first
        letter; built once per partner key."""
        found = self.paired.get(partner)
        if found is None:
            found = defaultdict(list)
            for key in self.pairs.get(partner, ()):
                for target in self.by_key.get(key, ()):
                    found[len(target), target[0]].append(target)
            self.paired[partner] = found = dict(found)
        return found

    def cut_off(self, word: str) -> list[str]:
        """The ordinary English targets a word spells with its last consonant dropped."""
        return [t for t in self.cut_short.get(word, ()) if t[-1] not in "aeiouy"]

    def y_spelling(self, word: str) -> str | None:
        """A finding's -y word spelt -ey or -ie ("giddey", "dizzie", "shakey", "flakey"), read as the -y
        word the lexicon's phrases use, even where the other spelling is a dictionary variant."""
        if len(word) < MIN_LENGTH or not word.endswith(("ey", "ie")):
            return None
        target = word[:-2] + "y"
        return target if target in self.english and self.keys[target] in self.vocabulary else None

    def undoubled(self, word: str) -> str | None:
        """The ordinary English word a short non-word spells with one letter doubled by a slip ("sorre",
        "soree", "hipp", "wett")."""
        if word in self.keys or self.is_word(word):
            return None
        for i in range(1, len(word)):
            shorter = word[:i] + word[i + 1 :]
            if word[i] == word[i - 1] and (shorter in self.english or self._short_finding_word(shorter)):
                return shorter
        return None

    def _short_finding_word(self, word: str) -> bool:
        """A common three-letter English word of the lexicon's phrases ("hip", "wet"; targets have four
        letters or more)."""
        return (
            len(word) == 3
            and english_words().get(word, 0) >= COMMON_ENGLISH
            and word_key(word) in self.vocabulary
        )

    def with_a_dropped_letter(self, word: str) -> str | None:
        """The finding word, one letter longer, that a four-letter non-word spells with one letter
        dropped ("coug" is cough, "fver" fever, "dizz" dizzy), when only one does; a word that names no
        finding alone is not read so ("mins" is no "mains")."""
        if word in self.keys or self.is_word(word):
            return None
        found = [t for t in self.dropped.get(word, ()) if t[0] == word[0] and self.keys[t] in self.findings]
        return self._one_reading(found)

    def mistyped(self, word: str) -> str | None:
        """The ordinary English target, as long, that a four-letter non-word spells with one neighbouring
        key hit instead ("paun" is pain, "rasj" rash), when only one does."""
        if word in self.keys or self.is_word(word):
            return None
        found = [t for t in self.by_length.get((len(word), sound(word)[0]), ()) if t in self.english]
        return self._one_reading([t for t in found if _keyboard_slip(word, t)])

    def _w_for_v(self, word: str) -> str | None:
        """Session 21: the target a word starting with w spells with a v there and a slip besides, as German,
        Dutch and Scandinavian writers say v for w and w for v ("womitting", "wommited")."""
        if word[0] != "w" or len(word) < LONG_WORD:
            return None
        meant = "v" + word[1:]
        if meant in self.keys:
            return meant
        return None if self.is_word(meant) else self.correction(meant)

    def _first_two_swapped(self, word: str) -> str | None:
        """The ordinary English target a word spells with its first two letters swapped ("htroat",
        "ivsion"): the search by first sound cannot find it."""
        swap = word[1] + word[0] + word[2:]
        return swap if swap in self.english else None

    def _sounds_the_same(self, word: str) -> str | None:
        """Session 19: the one ordinary English target, with the word's first sound and at most two letters
        longer or shorter, that sounds exactly like a word no edit reads ("stomak" is stomach, "reflucks"
        reflux, "flegm" phlegm)."""
        first = sound(word)[0]
        alike = [
            t
            for t in self.heard.get(sound(word), ())
            if t != word and sound(t)[0] == first and abs(len(t) - len(word)) <= 2
        ]
        return self._one_reading(alike) if alike else None

    def _restored_start(self, word: str) -> str | None:
        """Session 19: the target a word spells without the vowel that Spanish, Portuguese, Arabic, Farsi
        and South Asian writers put before s and a consonant ("estiff", "iskin", "estomak"), or with the h
        that Romance and Arabic writers drop ("emorroids", "eadache"), as itself or corrected."""
        if _PROTHETIC_RE.match(word):
            restored = word[1:]
        elif word[0] in "aeiou":
            restored = "h" + word
        else:
            return None
        if restored in self.keys:
            return restored
        if self.is_word(restored) or len(restored) < MIN_LENGTH:
            return None
        return self.correction(restored)

    def unread(self, word: str) -> bool:
        """A non-word (not a target, not a word, not a word with its g dropped: "goin")."""
        return not (
            word in self.keys or self.is_word(word) or (word.endswith("in") and self.is_word(word + "g"))
        )

    def one_edit(self, word: str) -> list[str]:
        """The targets one edit from the word (a letter dropped, added, changed or two swapped), with
        its first sound."""
        n = len(word)
        found: list[str] = []
        for length in (n - 1, n, n + 1):
            choices = self.by_length.get((length, sound(word)[0]))
            if choices:
                found += [
                    c
                    for c, _, _ in process.extract(
                        word, choices, scorer=DamerauLevenshtein.distance, score_cutoff=1, limit=None
                    )
                ]
        return found

    def swapped(self, word: str) -> str | None:
        """The ordinary English target a four-letter non-word spells with two neighbouring letters after
        the first swapped, or the first two since session 14 ("bakc" is back, "pian" pain, "lges" legs,
        "apin" pain), when only one swap gives one."""
        if word in self.keys or self.is_word(word):
            return None
        swaps = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
        if any(_token_of(swap).stop for swap in swaps - CONTRACTIONS.keys()):
            return None  # "wiht" is with, a word no finding needs
        found = {swap for swap in swaps if swap in self.english or swap in CONTRACTIONS}
        if not found:
            carried = self._carried_over(word)
            # session 23: a finding word with a letter dropped before a fold's reading ("hivs" is hives, not
            # hips by p for v)
            return (carried and (self.with_a_dropped_letter(word) or self._a_vowel_changed(word))) or carried
        return found.pop() if len(found) == 1 else None

    def _correction(self, word: str) -> str | None:
        if word in self.keys or self.is_word(word):
            return None
        if _STRETCHED.search(word):
            # a letter held for emphasis ("itchyyy", "sooo sorre"): read with it once or twice
            for shorter in (_STRETCHED.sub(r"\1\1", word), _STRETCHED.sub(r"\1", word)):
                if shorter in self.keys or self.is_word(shorter):
                    return shorter if shorter in self.keys else None
                if len(shorter) >= MIN_LENGTH and (reading := self.correction(shorter)) is not None:
                    return reading
            return None
        if word.endswith("in") and word + "g" in self.keys:
            return word + "g"  # a dropped g ("bleedin", "swallowin", "killin")
        if word[-1] in "uo" and (stem := word[:-1]) in self.english and self.keys[stem] in self.findings:
            return stem  # session 15: a vowel added after a finding word's last consonant ("rashu", "itcho")
        if len(word) < SHORT_WORD and (single := self.undoubled(word)) is not None:
            return single  # (a short word otherwise loses no letter)
        if _HOME_MARKS.search(word) and (home := self.home_letters(word)) is not None:
            return home  # "tsest" is chest, not tests
        if (unaspirated := _without_an_added_h(word)) in self.english:
            return unaspirated  # session 23: an h added ("hankles" is ankles, not handles), only as written
        rare = word in self.rare
        limit = 2 if len(word) >= LONG_WORD else 1
        n = len(word)
        ranked: list[tuple[tuple[int, int, bool, bool, bool, bool], str]] = []
        near: set[str] = set()  # the keys of every target within the limit
        sounds, bones = sound(word), skeleton(word)
        first = sounds[0]
        for length in range(max(n - limit, 1), n + limit + 1):
            choices = self.by_length.get((length, first))
            if not choices:
                continue
            for choice, distance, _ in process.extract(
                word, choices, scorer=DamerauLevenshtein.distance, score_cutoff=limit, limit=None
            ):
                near.add(self.keys[choice])
                if n < SHORT_WORD and length < n:
                    continue  # a short word loses no letter ("spalt" is not "salt")
                heard = int(DamerauLevenshtein.distance(sounds, sound(choice)))
                same_bones = bones == skeleton(choice)
                if heard > 0 and (distance == 2 or rare):
                    # two edits only when they spell the same sounds ("headake", "seizers"); a rare
                    # dictionary word ("seizers", "codon") is taken for a typo only of a sound-alike
                    continue
                if heard > 0 and n < LONG_WORD and choice not in self.english:
                    continue  # a short word's one edit only to an ordinary word ("myoma" is no myxoma)
                # ties go to a reading with the same letters (a slip of order: "blakc" is black, not
                # blake), then to an ordinary English word
                same_letters = sorted(word) == sorted(choice)
                # then a letter written once where the word has it twice (session 23: "sleping" is sleeping,
                # not sloping); the last tie-break: a neighbouring key hit ("fecer" is fever, not feces)
                once = _written_once(word, choice)
                slip = _keyboard_slip(word, choice)
                ranked.append(
                    ((int(distance), heard, not same_bones, not same_letters, not once, not slip), choice)
                )
        if not ranked:
            if n < MIN_LENGTH:
                return None
            return (
                self._reordered(word)
                or self._carried_over(word)
                or self._w_for_v(word)
                or self._first_two_swapped(word)
                or self._restored_start(word)
                or self._sounds_the_same(word)
                or self.home_letters(word, strong_only=False)
                or self._case_ending_dropped(word)
                or self.three_vowels(word)
            )
        best = min(rank for rank, _ in ranked)
        if best[1] > 0 and n >= MIN_LENGTH and (carried := self._carried_over(word)) is not None:
            return carried  # "pever" is fever, not the one-edit "peter" that sounds otherwise
        if word_key(word) in self.vocabulary and best[1] > 0 and best[2]:
            # the word's own key is one the lexicon uses ("ptotic" ≈ ptosis): only a sound-alike
            # reading replaces it ("nausia" → nausea, "stomache" → stomach), not "ptotic" → photic
            return None
        found = [choice for rank, choice in ranked if rank == best]
        keys = {self.keys[c] for c in found}
        if len(keys) != 1 and len({self.keys[c] for c in found if c in self.english}) == 1:
            found = [c for c in found if c in self.english]  # "blakc": black, not the name Blake
            keys = {self.keys[c] for c in found}
        if len(keys) != 1:
            return self._reordered(word)  # no unique best reading, unless one has the same letters
        technical = not any(c in self.english for c in found)
        if limit == 2 and best[0] == 1 and best[1] > 0 and self._another_meaning(near, keys) and technical:
            # a long word one edit from a technical target that does not sound like it, and two edits
            # from another: no reading is sure ("microconia": microcoria or microcornea?)
            return None
        return min(found, key=lambda c: (c not in self.known, len(c), c))


# Session 19: a vowel put before s and a consonant at the start of a word ("estiff", "iskin", "esneezing")
_PROTHETIC_RE = re.compile(r"^[ei]s[bcdfgklmnpqtvwz]")
# Spellings of the same sound, folded before comparing two words two edits apart.
_SOUNDS = (("ph", "f"), ("ch", "k"), ("ck", "k"), ("qu", "kw"), ("q", "k"), ("c", "k"), ("z", "s"),
           ("y", "i"), ("ee", "i"), ("ea", "e"), ("ie", "i"),
           ("x", "ks"), ("rh", "r"), ("eu", "u"), ("ough", "of"), ("igh", "i"),
           ("oa", "o"))  # fmt: skip
# Sounds that speakers of other first languages often write for one another (Arabic b/p, Spanish b/v and
# j/y, Tagalog p/f, Hindi v/w): a word that differs from an ordinary English target only by these letters
# is read as it, when nothing closer is found
_LABIALS = str.maketrans("pvfj", "bbby")  # "bain", "bomit", "pever", "feber", "jellow"
_V_AND_W = str.maketrans("w", "v")  # "wery", "wiral"
# Letters that are one another's mirror image, which dyslexic writers swap (session 14: "dlood", "bizzy",
# "qeriods", "cramqs")
_MIRRORED = str.maketrans("dpq", "bbb")
# Session 15: sounds that Chinese, Japanese, Korean, Vietnamese and Thai speakers often do not tell apart:
# l and r ("fevel", "bleast", "blurled"), and th, which they say as t, s or d ("troat", "sroat", "breasless")
_L_AND_R = str.maketrans("r", "l")
_TH_FOLDS: tuple[Callable[[str], str], ...] = (
    lambda word: "T" + word.replace("th", "t"),
    lambda word: "S" + word.replace("th", "s"),
    lambda word: "D" + word.replace("th", "d"),
    lambda word: "F" + word.replace("th", "f"),  # session 16: children's and Cockney th-fronting ("froat")
)
# Session 22: languages of three vowels (Tagalog, Cebuano, Malay, Indonesian; Arabic too) do not tell e from
# i nor o from u, and their speakers also say p for f and b for v ("pebir" is fever, "bumit" vomit, "blud"
# blood): the letters with those folded, th said as t and doubled letters single. Only these: with the other
# sound folds too, far words meet ("wetthe" and weight, "prikkle" and freckle)
_THREE_VOWELS = str.maketrans("eofv", "iupb")


def _three_vowel_fold(word: str) -> str:
    folded = word.replace("th", "t").replace("ph", "f").translate(_THREE_VOWELS)
    return "V" + "".join(c for i, c in enumerate(folded) if i == 0 or c != folded[i - 1])


# Session 23: letter groups with which writers of other first languages spell English sounds by ear. Slavic
# languages, Hungarian, Albanian and Greek: j for y ("lajt", "hedejk"), ts for ch ("tsest"), sz for s
# ("szveating"), xh for j ("xhoints"), v for w ("svelled", "vater"), i for ee ("brith"), ou for ow
# ("swalou"); Nepali, Burmese, Karen, Tibetan and Mongolian: an aspirate kh ("kheadache"), vh for wh, ay or
# ei for the a of pale ("payl"), ai for i ("taired"), y for r ("yash"), uu ("bluu"). Each group's English
# spellings, tried together; the marks (`_HOME_MARKS`) are groups English never writes
_HOME_MARKS = re.compile(r"[aeiou]j(?![aeiouy])|^ts[aeiou]|sz|xh|^[sdtk]v|^kh[aeiou]|^vh|^z")
_HOME_SPELLINGS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"sz"), ("s",)),
    (re.compile(r"^z"), ("th",)),  # French writers' z for th ("zirsty", "zis")
    (re.compile(r"^kh"), ("h",)),  # Nepali and Hindi writers' aspirate ("kheadache", "khot")
    (re.compile(r"^vh"), ("wh",)),  # "vhistle", "vhen"
    (re.compile(r"ayr"), ("ire",)),  # "tayrd" tired
    (re.compile(r"ay(?=[^aeiouy]$)"), ("a_", "ay")),  # "payl" pale
    (re.compile(r"ei(?=[^aeiouy]$)"), ("a_", "ei")),  # "peil" pale
    (re.compile(r"ai(?=[^aeiouy])"), ("i", "ai")),  # "haivs" hives, "taired" tired
    (re.compile(r"^y(?=[aeiou])"), ("=r", "y")),  # Burmese and Karen y for r: "yash", "yed"
    (re.compile(r"uu"), ("ue", "oo", "u")),  # "bluu" blue
    (re.compile(r"xh"), ("j",)),
    (re.compile(r"ts"), ("ch", "ts")),
    (re.compile(r"ajr"), ("ire", "air")),
    (re.compile(r"aj(?=[^aeiouy]$)"), ("igh", "i_", "i")),  # "lajt" light, "sajd" side, "apetajt"
    (re.compile(r"aj(?![aeiouy])"), ("i", "y", "eye", "ai")),
    (re.compile(r"ej(?=[^aeiouy]$)"), ("a_", "ai")),  # "hedejk" headache
    (re.compile(r"ej(?![aeiouy])"), ("ai", "a", "ay", "ei")),  # "fejnted" fainted
    (re.compile(r"oj(?![aeiouy])"), ("oi", "oy")),
    (re.compile(r"eik$"), ("ake", "eik")),  # "headeik"
    (re.compile(r"j(?=[aeiou])"), ("y", "j")),  # "jelow" yellow
    (re.compile(r"v"), ("w", "v")),
    (re.compile(r"ou$"), ("ow", "ou")),  # "swalou" swallow
    (re.compile(r"(?<![aeiou])i(?=[^aeiou]+$)"), ("=ea", "=ee", "i")),  # "brith" breath
)  # a reading marked "=" is taken only as written, never corrected further ("diff" is no "deaf")
_HOME_SPELLING_LIMIT = 48  # readings tried per word


def _home_spellings(word: str) -> list[tuple[str, bool]]:
    """The spellings of a word with each of its letter groups of `_HOME_SPELLINGS` read as English spells it
    ("i_" is i with an e after the next consonant: "sajd" → side), each with whether it is to be taken only
    as written."""
    spellings = [word]
    for pattern, readings in _HOME_SPELLINGS:
        if pattern.search(word) is None:
            continue
        spellings = [pattern.sub(reading, s) for s in spellings for reading in readings]
        spellings = list(dict.fromkeys(spellings))[:_HOME_SPELLING_LIMIT]
    spellings = [re.sub(r"(\w)_(\w)", r"\1\2e", s).replace("_", "") for s in spellings]
    return [(s.replace("=", ""), "=" in s) for s in spellings]


_CARRIED_OVER: tuple[Callable[[str], str], ...] = (
    lambda word: "#" + word.translate(_LABIALS),  # the marks keep the folds' forms apart
    lambda word: "%" + word.translate(_V_AND_W),
    lambda word: "&" + word.translate(_MIRRORED),
    lambda word: "L" + word.translate(_L_AND_R),
    *_TH_FOLDS,
)


_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_BESIDE = {
    (row[i], row[j])
    for row in _KEYBOARD_ROWS
    for i in range(len(row))
    for j in (i - 1, i + 1)
    if 0 <= j < len(row)
}


def _without_an_added_h(word: str) -> str | None:
    """The word without the h French writers put before a vowel ("hankles", "heye"), or None."""
    return word[1:] if len(word) > 2 and word[0] == "h" and word[1] in "aeiou" else None


def _written_once(word: str, target: str) -> bool:
    """The target is the word with one of its letters doubled ("sleping" → sleeping)."""
    return len(target) == len(word) + 1 and any(
        target[i] == target[i + 1] and target[:i] + target[i + 1 :] == word for i in range(len(target) - 1)
    )


def _keyboard_slip(word: str, target: str) -> bool:
    """The two words differ in one letter only, and the two letters are neighbours on a keyboard row."""
    if len(word) != len(target):
        return False
    differ = [(a, b) for a, b in zip(word, target, strict=True) if a != b]
    return len(differ) == 1 and differ[0] in _BESIDE


_SILENT_END = re.compile(r"mb$")
_STRETCHED = re.compile(r"(\w)\1{2,}")  # a letter three times or more
# Letters not heard at a word's start (session 13: "numonia", "nuckles", "rists", "sikology")
_SILENT_START = re.compile(r"^(?:p(?=[ns])|k(?=n)|g(?=n)|w(?=r))")


@lru_cache(maxsize=100_000)
def skeleton(word: str) -> str:
    """The consonants of the sound-alike form ("seizers", "seizures" → "szrs")."""
    return "".join(c for c in sound(word) if c not in "aeiou")


@lru_cache(maxsize=100_000)
def sound(word: str) -> str:
    """A rough sound-alike form: same-sound spellings folded, doubled letters single, an unstressed
    vowel before r one sound ("seizures", "seizers" → "seisers"), a final silent e dropped, and a
    silent first letter ("pneumonia" as "neumonia")."""
    word = _SILENT_START.sub("", word)
    for spelling, folded in _SOUNDS:
        word = word.replace(spelling, folded)
    word = _SILENT_END.sub("m", word)  # "numb" as "num"
    word = "".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1])
    word = _R_VOWEL.sub("er", word)
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


_R_VOWEL = re.compile(r"(?<=.)[aeiou]+re?(?=s?$)|(?<=.)[aeiou]+r(?=[^aeiou])")


def _bases(word: str) -> list[str]:
    """The words an inflected form may come from ("inverses" → inverse, "blinking" → blink)."""
    bases = []
    for suffix, replacements in _INFLECTIONS:
        if not word.endswith(suffix):
            continue
        for replacement in replacements:
            base = word[: -len(suffix)] + replacement
            if len(base) < 4:
                continue
            if suffix in _VOWEL_SUFFIXES and not replacement and (base.endswith("e") or _doubles(base)):
                continue  # "wheezeing", "bloting", "slured" are no inflections of wheeze, blot, slur
            if (suffix == "s" and base.endswith("s")) or (suffix == "es" and base.endswith("e")):
                continue  # session 14: "anxiouss", "seizurees" are slips, no plurals of anxious, seizure
            if suffix in ("ing", "ed") and base.endswith("a"):
                continue  # session 14: "heraing" is a slip for hearing, no "-ing" of the name Hera
            bases.append(base)
    american = us_spelling(word)
    if american != word:
        bases.append(american)
    if word.endswith("ogue"):
        bases.append(word[:-2])  # homologue
    return bases


_INFLECTIONS = (("s", ("",)), ("es", ("",)), ("ed", ("", "e")), ("ing", ("", "e")), ("ly", ("",)),
                ("er", ("", "e")), ("ies", ("y",)), ("ied", ("y",)))  # fmt: skip
_VOWEL_SUFFIXES = frozenset({"ed", "ing", "er"})
_ONE_SYLLABLE_CVC = re.compile(r"^[^aeiou]*[aeiou][^aeiouwxy]$")


def _doubles(base: str) -> bool:
    """A one-syllable word ending consonant-vowel-consonant doubles its last letter before -ing/-ed."""
    return bool(_ONE_SYLLABLE_CVC.match(base))


_indexes: dict[int, tuple[weakref.ref[Lexicon], SpellIndex]] = {}
_lock = threading.Lock()


def spell_index(lexicon: Lexicon) -> SpellIndex:
    """The correction index of this lexicon, built once (≈ 0.6 s, measured in session 19; 0.57 s before
    it) and kept while the lexicon lives."""
    entry = _indexes.get(id(lexicon))
    if entry is not None and entry[0]() is lexicon:
        return entry[1]
    with _lock:
        entry = _indexes.get(id(lexicon))
        if entry is not None and entry[0]() is lexicon:
            return entry[1]
        by_length: dict[tuple[int, str], list[str]] = defaultdict(list)
        keys: dict[str, str] = {}
        for word, key in lexicon.spelling_targets.items():
            keys[word] = key
            by_length[len(word), sound(word)[0]].append(word)
        index = SpellIndex(
            dict(by_length),
            keys,
            lexicon.vocabulary,
            lexicon.known_words,
            lexicon.rare_words,
            lexicon.english_targets,
            {key[0]: terms for key, terms in lexicon.phrases.items() if len(key) == 1},
        )
        pairs: dict[str, set[str]] = defaultdict(set)
        for phrase in lexicon.phrases:
            if len(phrase) == 2:
                pairs[phrase[0]].add(phrase[1])
                pairs[phrase[1]].add(phrase[0])
        index.pairs = {key: frozenset(others) for key, others in pairs.items()}
        english_words()  # loaded with the index (the swiped-word test asks how common a word is)
        for word in lexicon.english_targets:
            index.by_key.setdefault(keys[word], []).append(word)
        for partner in index.pairs:  # built here, not by the first documents that meet each partner
            index._paired_targets(partner)
        for gone in [k for k, (ref, _) in _indexes.items() if ref() is None]:
            del _indexes[gone]
        _indexes[id(lexicon)] = (weakref.ref(lexicon), index)
        return index


_MEMO_LIMIT = 200_000


def _memoised(memo: dict[str, T], word: str, compute: Callable[[str], T]) -> T:
    """``compute(word)``, kept in ``memo`` (up to ``_MEMO_LIMIT`` words)."""
    if word in memo:
        return memo[word]
    result = compute(word)
    if len(memo) < _MEMO_LIMIT:
        memo[word] = result
    return result


def _correctable_case(raw: str, sentence_start: bool, before: str = "") -> bool:
    if raw.islower():
        return True
    # a capitalised first word of a sentence; inside a sentence a capital marks a name, unless an article,
    # a possessive or a side comes before it, as German writers capitalise their nouns ("I become a Rasch",
    # "my Migräne", "a pressing on the Brest"); over the read sets, the capitalised words after these are
    # days, months, places, brands and names, which no reading takes for a finding word
    capitalised = raw[0].isupper() and raw[1:].islower()
    return capitalised and (sentence_start or before in _BEFORE_A_NOUN)


_BEFORE_A_NOUN = frozenset(
    {"a", "an", "the", "my", "his", "her", "your", "our", "their", "right", "left", "both"}
)


# Session 18: shorthand units of time and measure are words, never slips of a finding word ("25 mins" is
# no "mind" once "mind racing" is a lexicon phrase: s and d are neighbouring keys)
_SHORTHAND_UNITS = frozenset(
    {"mins", "hrs", "secs", "wks", "yrs", "mths", "mnths", "kgs", "lbs", "mls", "tabs", "meds"}
)


def correct_tokens(lexicon: Lexicon, tokens: Sequence[Token]) -> list[Token]:
    """The tokens with misspelt words read as the lexicon words they stand for (spans unchanged)."""
    tokens = _starred_corrections(tokens)
    out = list(tokens)
    split: dict[int, tuple[str, str]] = {}
    # non-words no reading corrected, and readings that name nothing alone: their neighbours may tell
    # (`_by_neighbour`)
    unread: list[int] = []
    index: SpellIndex | None = None
    sentence_start = True
    for i, token in enumerate(tokens):
        if token.kind != "word":
            if token.kind == "break":
                sentence_start = True
            continue
        at_start, sentence_start = sentence_start, False
        raw = token.text
        if token.stop or token.lower in _SHORTHAND_UNITS or token.lower in _APOSTROPHE_LESS:
            continue  # session 22: no reading of "theyre red" ("tears red")
        contraction = CONTRACTIONS.get(token.lower) or TEXT_SPEAK.get(token.lower)
        if contraction is not None:
            out[i] = _replaced(token, contraction)
            continue
        before = tokens[i - 1].lower if i and tokens[i - 1].kind == "word" else ""
        if len(raw) < HEARD_LENGTH or not raw.isalpha() or not _correctable_case(raw, at_start, before):
            continue
        if index is None:
            index = spell_index(lexicon)
        if len(raw) < MIN_LENGTH:
            target = index.swapped(token.lower) if len(raw) == SWAPPED_LENGTH else None
            target = target or index.heard_as(token.lower) or index.undoubled(token.lower)
            if target is None and len(raw) == DROPPED_FROM - 1:
                target = index.with_a_dropped_letter(token.lower) or index.mistyped(token.lower)
            target = target or index.home_letters(token.lower, strong_only=False)  # "lajt", "yed"
            target = target or index.h_dropped_or_added(token.lower)  # "ead", "heye"
            target = target or index.three_vowels(token.lower)  # "blud"
            if target is not None:
                out[i] = _replaced(token, CONTRACTIONS.get(target, target))
                if _unsure(index, token.lower, target):
                    unread.append(i)  # a reading that names nothing alone: its neighbour may know better
            elif index.unread(token.lower):
                unread.append(i)
            continue
        target = index.y_spelling(token.lower) or index.correction(token.lower)
        if target is None and len(raw) <= SHORT_WORD:
            target = index.heard_as(token.lower)  # "quezy": two letters from queasy, the same sounds
        if target is not None:
            out[i] = _replaced(token, target)
            if _unsure(index, token.lower, target):
                unread.append(i)  # "ches pain": chess names nothing, chest makes a phrase with "pain"
        elif len(raw) >= SPLIT_LENGTH and (parts := index.run_together(token.lower)) is not None:
            split[i] = parts  # "coughingup", "wetthe"
        elif index.unread(token.lower):
            unread.append(i)
    if unread and index is not None:
        _by_neighbour(lexicon, index, tokens, out, unread)
    if index is not None:
        _heard_beside(lexicon, index, out)
    return _joined_words(lexicon, _split_words(out, split) if split else out)


def _unsure(index: SpellIndex, word: str, target: str) -> bool:
    """A reading its neighbours may overrule: one that names no finding alone, and is not the word with
    its g dropped ("killin" is killing, whatever the words beside it make)."""
    if target not in index.keys or index.keys[target] in index.findings:
        return False
    return target != word + "g"


def _heard_beside(lexicon: Lexicon, index: SpellIndex, out: list[Token]) -> None:
    """Session 14 (dictation and spelling by ear): a real word the lexicon never uses is read as the one
    English target that sounds the same and makes a lexicon phrase with the word beside it ("a soar
    throat", "coff at night"); an everyday word is meant as written ("my voice is quite normal").
    Session 15: or the target it spells with its last consonant dropped ("chest pai", "bac pain";
    `SpellIndex.alike`). Session 19: or with l and r swapped ("stomach clamp", "nose breed", "hail
    falling"; `SpellIndex.l_for_r`); not a word the lexicon uses ("itchy lash": "lash out", "soles of
    the feet" would become findings)."""
    for i, token in enumerate(out):
        if token.kind != "word" or token.stop or token.key in lexicon.vocabulary:
            continue  # (cheap tests first: this looks at every word of every text)
        if len(token.lower) < HEARD_LENGTH or not token.lower.isalpha():
            continue
        # a three-letter word only with its last consonant dropped ("chest pai"; "sir" stays)
        alike = index.alike(token.lower) if len(token.lower) >= HEARD_BESIDE else index.cut_off(token.lower)
        reading = _making_a_phrase(lexicon, index, out, i, alike) if alike else None
        if reading is None and ("l" in token.lower or "r" in token.lower):
            # only beside its phrase's other word ("she clamps her hands over her ears" is no cramp)
            reading = _making_a_phrase(lexicon, index, out, i, index.l_for_r(token.lower), adjacent=True)
        if (
            reading is None
            and len(token.lower) >= SWAPPED_LENGTH
            and english_words().get(token.lower, 0) <= EVERYDAY_ENGLISH
            and index.is_word(token.lower)
        ):
            # session 19: a swipe keyboard's or an autocorrect's real word, no everyday one, one letter from
            # a word that makes a phrase with the word right beside it ("feel sock", "cant sleet", "flat
            # feat"; not "work out" as worn out)
            beside = [out[j].key for j in (i - 1, i + 1) if 0 <= j < len(out) and out[j].kind == "word"]
            swiped = index.one_letter_changed(token.lower, beside)
            reading = _making_a_phrase(lexicon, index, out, i, swiped, adjacent=True) if swiped else None
            if reading is not None:
                out[i] = _replaced(token, reading)
            continue
        if reading is None:
            continue
        if english_words().get(token.lower, 0) > EVERYDAY_ENGLISH or not index.is_word(token.lower):
            continue  # a non-word is the other readings' to correct
        out[i] = _replaced(token, reading)


def _by_neighbour(
    lexicon: Lexicon, index: SpellIndex, tokens: Sequence[Token], out: list[Token], unread: list[int]
) -> None:
    """Session 14: a non-word no reading corrected is read as the one target, a letter away, that makes a
    phrase of the lexicon with the word beside it ("sore throa", "soe throat", "hearing los": several
    targets are a letter away, only one names a finding with its neighbour). Session 15: so is a non-word
    whose reading names no finding alone and makes no phrase with its neighbour ("ches pain" is chest
    pain, not chess)."""
    for i in unread:
        if out[i] is not tokens[i] and _making_a_phrase(lexicon, index, out, i, [out[i].lower]) is not None:
            continue  # the reading already makes a phrase with its neighbour
        reading = _making_a_phrase(lexicon, index, out, i, index.one_edit(tokens[i].lower))
        if reading is not None:
            out[i] = _replaced(out[i], reading)


def _making_a_phrase(
    lexicon: Lexicon,
    index: SpellIndex,
    out: list[Token],
    i: int,
    candidates: Sequence[str],
    adjacent: bool = False,
) -> str | None:
    """The reading among ``candidates`` for the word at ``i`` that makes a two-word lexicon phrase with
    the word before or after it (``adjacent``: with no stop word between), when the readings that do
    share one key (the shortest of them)."""
    around = (_next_word(out, i, -1), _next_word(out, i, 1))
    neighbours = [out[j] for j in around if j is not None and (not adjacent or abs(j - i) == 1)]
    found = {
        t
        for t in candidates
        for other in neighbours
        if tuple(sorted((index.keys[t], other.key))) in lexicon.phrases
    }
    if len({index.keys[t] for t in found}) != 1:
        return None
    return min(found, key=lambda t: (len(t), t))


def _next_word(tokens: list[Token], i: int, step: int) -> int | None:
    """The nearest word token before (step -1) or after (step 1) ``i`` in its sentence, stop words
    skipped ("pain in my throa"), or None."""
    j = i + step
    while 0 <= j < len(tokens) and tokens[j].kind != "break":
        if tokens[j].kind == "word" and not tokens[j].stop:
            return j
        j += step
    return None


def _split_words(tokens: list[Token], split: dict[int, tuple[str, str]]) -> list[Token]:
    """The tokens with each run-together word ("coughingup") read as its two words."""
    out: list[Token] = []
    for i, token in enumerate(tokens):
        if i not in split:
            out.append(token)
            continue
        first, second = split[i]
        cut = token.start + len(first)
        for word, start, end in ((first, token.start, cut), (second, cut, token.end)):
            new = _token_of(word)
            raw = token.text[start - token.start : end - token.start]
            out.append(Token(raw, start, end, new.lower, new.key, new.stop, "word"))
    return out


def _joined_words(lexicon: Lexicon, tokens: list[Token]) -> list[Token]:
    """A word written as two ("over weight", "heart burn", "eye lids") is read as one when the joined
    word is a target and the two words are no lexicon phrase of their own."""
    targets = lexicon.spelling_targets
    out: list[Token] = []
    i, n = 0, len(tokens)
    while i < n:
        a = tokens[i]
        if i + 1 < n and a.kind == "word" and not a.stop and len(a.text) >= 3 and a.text.isalpha():
            b = tokens[i + 1]
            joined = a.lower + b.lower
            if (
                b.kind == "word"
                and not b.stop
                and len(b.text) >= 3
                and b.text.isalpha()
                and b.text.islower()
                and joined in targets
                and tuple(sorted((a.key, b.key))) not in lexicon.phrases
            ):
                new = _token_of(joined)
                out.append(Token(f"{a.text} {b.text}", a.start, b.end, new.lower, new.key, new.stop, "word"))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


@lru_cache(maxsize=20_000)
def _token_of(word: str) -> Token:
    return tokenize(word)[0]


STARRED_REACH = 30  # tokens back from a "*word" correction to the word it corrects
STARRED_LIKENESS = 60  # likeness (0-100, ``_likeness``) the corrected word must reach


def _likeness(written: str, meant: str) -> float:
    """rapidfuzz's ratio, raised by 10 for the same first letter ("next" for neck: 50 + 10)."""
    return fuzz.ratio(written, meant) + (10 if written[0] == meant[0] else 0)


def _starred_corrections(tokens: Sequence[Token]) -> list[Token]:
    """Session 19: a "*word" after a message corrects the word an autocorrect or a swipe keyboard put in
    its place ("swollen glands in my next … *neck", "Cant stop trying *crying"): the most alike word up to
    ``STARRED_REACH`` tokens before it (a stop word too: autocorrect makes common words) is read as the
    correction, and the correction itself is dropped. The readings, which scan the text, still see the
    word as written."""
    if not any(t.text == "*" for t in tokens):
        return list(tokens)
    out = list(tokens)
    dropped: set[int] = set()
    for i, star in enumerate(tokens[:-1]):
        word = tokens[i + 1]
        if star.text != "*" or word.kind != "word" or word.start != star.end:
            continue
        before = [
            j
            for j in range(max(i - STARRED_REACH, 0), i)
            if out[j].kind == "word"
            and len(out[j].lower) >= 3
            and out[j].lower != word.lower
            and j not in dropped
        ]
        scored = [(_likeness(out[j].lower, word.lower), j) for j in before]
        if scored and (best := max(scored))[0] >= STARRED_LIKENESS:
            out[best[1]] = _replaced(out[best[1]], word.lower)
            dropped |= {i, i + 1}
    return [t for k, t in enumerate(out) if k not in dropped]


def _replaced(token: Token, word: str) -> Token:
    new = _token_of(word)
    return Token(token.text, token.start, token.end, new.lower, new.key, new.stop, "word")
