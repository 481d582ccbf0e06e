"""Name resolution: a query (name, synonym, abbreviation, misspelling, whole question) -> ranked matches.

The index is built once per data version: exact dictionaries on normalised names and on order-free
word keys, an acronym table, and a TF-IDF character-trigram matrix (scipy sparse) that proposes
fuzzy candidates which rapidfuzz then re-scores. A query never scans all names in Python.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from pydantic import BaseModel
from rapidfuzz import fuzz, process
from scipy import sparse

from symptomdb.knowledge.store import Knowledge, same_disease_ontology_ids
from symptomdb.search.acronyms import CompoundSplitter, combining_forms
from symptomdb.search.normalise import (
    FILLER,
    FRAMING_WORDS,
    QUESTION_WORDS,
    acronym,
    normalise,
    sound_key,
    strip_question,
    tokens,
    word_key,
)

Kind = Literal["condition", "symptom"]
INDEX_FORMAT = 18  # bump when NameIndex changes shape, to invalidate disk caches
MAX_QUERY_LENGTH = 500
FUZZY_CANDIDATES = 200
_ID_QUERY = re.compile(
    r"^\s*(omim|orpha|orphanet|decipher|mondo|doid|hp|mim)\s*[:_\- ]\s*(\d+)\s*$", re.IGNORECASE
)
GENE_RANK = 3  # an Entry that is a gene symbol of the condition, not one of its names
_UPPER_ACRONYM = re.compile(r"\b([A-Z][A-Z0-9]{1,7})\b")
# A query typed as an abbreviation: "PKU", "A-T", "X-ALD", "NF1" (capitals, digits, inner hyphens).
_ACRONYM_SHAPED = re.compile(r"^[A-Z0-9]+(?:-[A-Z0-9]+)*$")
_HYPHENATED_ACRONYM = re.compile(r"(?<![\w-])([A-Z0-9]+(?:-[A-Z0-9]+)+)(?![\w-])")
_GLUED_NUMBER = re.compile(r"^([A-Z]{2,6})(\d{1,2}[A-Z]?)$")  # "MPS2", "SMA1", "LGMD2A"
_WORD = re.compile(r"[A-Za-z]+")
_ROMAN_TYPE = re.compile(r"[IVX]+[A-H]?")  # "IIIA", "IVB", "IA": a type designation after a name or acronym
_TYPE_NUMBER = re.compile(r"^(?:[IVX]+|\d+)-[A-Z]$")  # "I-H", "2-A": a subtype, not an abbreviation
# An abbreviation fuzzy-matches a name only through a word this alike ("PKU" is not "sodoku disease").
ACRONYM_FUZZY_FLOOR = 80.0
# An abbreviation that only shares letters with a name ("PKU", "sodoku disease"): far below real matches.
LETTERS_ONLY_FACTOR = 0.4
# A query with a word that no name has, nor a misspelling of one ("xyzzyqq disease", "Blorfman syndrome",
# "kitchen table syndrome") names something we do not know: whatever else it matches ("cerebellar disease",
# "Roifman syndrome") stays below the score at which an answer is given (80, `knowledge.service`).
UNKNOWN_WORD_FACTOR = 0.8
UNKNOWN_WORD_CEILING = 79.0


class QueryError(ValueError):
    """The query is empty, too long, or has nothing to search for."""


class Match(BaseModel):
    id: str
    name: str
    matched_name: str
    score: float
    kind: Kind
    matched_by: Literal["name", "gene"] = "name"  # "gene": the query is a gene symbol of the condition


@dataclass(frozen=True)
class Entry:
    entity_id: str
    kind: Kind
    name: str
    rank: int  # lower is better: 0 preferred name, 1 label/exact synonym, 2 other synonym, 3 gene symbol


class NameIndex:
    def __init__(
        self,
        entries: list[Entry],
        display: dict[str, str],
        weight: dict[str, float],
        ngram_vocab: dict[str, int],
        idf: np.ndarray,
        matrix: sparse.csc_matrix,
        ids: dict[str, str],
    ) -> None:
        self.ids = ids  # every known id form (alt ids, MONDO ids) -> entity id
        self.entries = entries
        self.display = display  # entity id -> display name
        self.weight = weight  # entity id -> tie-break weight (richer records first)
        # Gene symbols are looked up by `candidates_gene` only: they are not names of the condition.
        self.norms = [normalise(e.name) if e.rank != GENE_RANK else "" for e in entries]
        self.words = [[w for w in dict.fromkeys(n.split()) if w not in FILLER] for n in self.norms]
        document_frequency: dict[str, int] = defaultdict(int)
        for ws in self.words:
            for w in ws:
                document_frequency[w] += 1
        total = len(entries) + 1
        self.word_idf = {w: float(np.log(total / (1 + df))) for w, df in document_frequency.items()}
        self.word_weights = [np.array([self.word_idf[w] for w in ws], dtype=np.float64) for ws in self.words]
        self.numbers = [_numbers(n) for n in self.norms]
        self.exact: dict[str, list[int]] = defaultdict(list)
        self.by_words: dict[str, list[int]] = defaultdict(list)
        self.acronyms: dict[str, list[int]] = defaultdict(list)
        # Acronyms from the parts of compound words (PKU, ALD, MPS): rank below word-initial ones.
        self.part_acronyms: dict[str, list[int]] = defaultdict(list)
        self.plain_words: frozenset[str] = frozenset()
        self.genes: dict[str, list[int]] = defaultdict(list)
        for i, entry in enumerate(entries):
            if entry.rank == GENE_RANK:
                self.genes[entry.name.casefold()].append(i)
                continue
            self.exact[self.norms[i]].append(i)
            self.by_words[word_key(entry.name)].append(i)
        self.ngram_vocab = ngram_vocab
        self.idf = idf
        self.matrix = matrix
        self.sorted_names = sorted((n, i) for i, n in enumerate(self.norms) if n)
        # Every word of a name, as written and as it sounds, and those less a letter: to tell a misspelling
        # of a name's word (one edit) from a word that no name has (`unknown_words`).
        self.vocabulary = frozenset(w for ws in self.words for w in ws)
        spellings = self.vocabulary | {sound_key(w) for w in self.vocabulary}
        self.spellings = frozenset(spellings)
        self.spellings_less_a_letter = frozenset(d for w in spellings for d in _less_a_letter(w))

    # --- building -----------------------------------------------------------------------------
    @classmethod
    def build(cls, knowledge: Knowledge) -> NameIndex:
        entries, display, weight = _collect_entries(knowledge)
        norms = [normalise(e.name) if e.rank != GENE_RANK else "" for e in entries]
        vocab: dict[str, int] = {}
        rows, cols = [], []
        for i, norm in enumerate(norms):
            for gram in set(_ngrams(norm)):
                rows.append(i)
                cols.append(vocab.setdefault(gram, len(vocab)))
        counts = sparse.csr_matrix(
            (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(entries), len(vocab))
        )
        df = np.asarray((counts > 0).sum(axis=0)).ravel()
        idf = np.log((1 + len(entries)) / (1 + df)).astype(np.float32) + 1.0
        weighted = counts.multiply(idf).tocsr()
        lengths = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        lengths[lengths == 0] = 1.0
        matrix = sparse.diags(1.0 / lengths).dot(weighted).tocsc().astype(np.float32)
        index = cls(entries, display, weight, vocab, idf, matrix, _collect_ids(knowledge))
        index._add_acronyms()
        return index

    def _add_acronyms(self) -> None:
        derived: dict[str, set[str]] = defaultdict(set)
        genes_of: dict[str, set[str]] = defaultdict(set)
        for entry in self.entries:
            if entry.rank == GENE_RANK:
                genes_of[entry.entity_id].add(entry.name.casefold())
        for i, entry in enumerate(self.entries):
            if entry.rank == GENE_RANK:
                continue
            if entry.kind != "condition":
                if entry.rank == 1 and entry.name.isupper() and 2 <= len(entry.name) <= 8:
                    self.acronyms[entry.name.lower()].append(i)  # HPO abbreviation synonyms
                continue
            # In a name written all in capitals ("FANCONI ANEMIA, COMPLEMENTATION GROUP U") capitals say
            # nothing: its words are not abbreviations.
            shouting = " " in entry.name.strip() and not any(c.islower() for c in entry.name)
            for match in [] if shouting else _UPPER_ACRONYM.finditer(entry.name):
                found = match.group(1)
                # "... due to NF1 mutation": the condition's gene, not an abbreviation of its name.
                is_gene = found.casefold() in genes_of[entry.entity_id]
                # "Mucopolysaccharidosis IVA", "type IIIA": a type after the name, not an abbreviation of it.
                is_type = match.start() > 0 and _ROMAN_TYPE.fullmatch(found)
                if not found.isdigit() and not re.fullmatch(r"[IVX]+", found) and not is_gene and not is_type:
                    self.acronyms[found.lower()].append(i)
            derived_acronym = acronym(entry.name)
            if derived_acronym and len(derived_acronym) >= 2:
                derived[derived_acronym].add(entry.entity_id)
                self.acronyms[derived_acronym].append(i)
        self._add_part_acronyms()

    def _add_part_acronyms(self) -> None:
        """Acronyms of conditions' names from their compound words' parts (see `acronyms`).

        More of these collide by chance than word initials do, so they need three letters, or two with a
        type number ("MPS II" has three; a two-letter one only answers "XY 2").
        """
        splitter = CompoundSplitter(combining_forms(), self.word_idf)
        # Words that names write in lower case ("deep", "Heels"), not as abbreviations ("HCM", "CTx").
        self.plain_words = frozenset(
            word.lower() for e in self.entries for word in _WORD.findall(e.name) if word[1:].islower()
        )
        for i, entry in enumerate(self.entries):
            if entry.kind != "condition" or entry.rank == GENE_RANK:
                continue
            for found in splitter.acronyms(entry.name):
                if len(found) >= 3 or (len(found) == 2 and self.numbers[i]):
                    self.part_acronyms[found].append(i)

    # --- querying -----------------------------------------------------------------------------
    def unknown_words(self, query: str) -> list[str]:
        """The query's words that no name has, nor anything like them: not a name's word, nor one edit
        from one as it sounds ("syndrom", "dystrofy", "ataksia"), nor an abbreviation or gene symbol a name
        has, nor a number, nor a word that frames a question ("what", "treatment", "doctor")."""
        return [w for w in dict.fromkeys(tokens(query)) if not self._is_known(w)]

    def _is_known(self, word: str) -> bool:
        if (
            len(word) <= 2
            or any(c.isdigit() for c in word)
            or word in self.vocabulary
            or word in FILLER
            or word in QUESTION_WORDS
            or word in FRAMING_WORDS
            or word in self.acronyms
            or word in self.part_acronyms
            or word in self.genes
        ):
            return True
        key = sound_key(word)  # "zzzz" is "z": too short to be like anything
        return self._one_edit_from_a_name_word(word) or (
            len(key) >= 3 and self._one_edit_from_a_name_word(key)
        )

    def _one_edit_from_a_name_word(self, word: str) -> bool:
        """A letter more, a letter less, another letter or two letters swapped (or one moved) from a name's
        word as written or as it sounds (`sound_key`): one of the two is the other, or a form of it, less a
        letter, or both have a form less a letter in common."""
        return word in self.spellings_less_a_letter or any(
            less in self.spellings or less in self.spellings_less_a_letter for less in _less_a_letter(word)
        )

    def candidates_exact(self, query: str) -> dict[int, float]:
        found: dict[int, float] = {}
        for i in self.exact.get(normalise(query), []):
            found[i] = 100.0
        for i in self.by_words.get(word_key(query), []):
            found.setdefault(i, 98.0)
        return found

    def candidates_acronym(self, query: str, numbered: bool = False) -> dict[int, float]:
        """Names the query abbreviates; `numbered`: the query also gives a type number ("MPS II")."""
        key = "".join(tokens(query))
        if not (2 <= len(key) <= 8) or " " in query.strip():
            return {}
        found: dict[int, float] = {}
        # Word initials (96 alone, 92 shared) before the initials of compound words' parts (90, 88).
        hits = self.acronyms.get(key, [])
        parts = [i for i in self.part_acronyms.get(key, []) if len(key) >= 3 or numbered]
        if parts and key in self.plain_words and not query.isupper():
            parts = []  # "deep", "heels", "odd" in lower case are words of names, not abbreviations
        for group, alone, shared in ((parts, 90.0, 88.0), (hits, 96.0, 92.0)):
            entities = {self.entries[i].entity_id for i in group}
            score = alone if len(entities) == 1 else shared
            # Among several, the general entity ("ALS") before its numbered subtypes ("ALS 4").
            found.update({i: score - (1.0 if self.numbers[i] else 0.0) for i in group})
        return found

    def candidates_gene(self, query: str) -> dict[int, float]:
        """Conditions of a gene, when the query is a gene symbol ("CFTR", "NF1", "brca1").

        Below a name or an unambiguous abbreviation. A symbol written in lower case without digits
        may be an ordinary word ("cat", "kit"), so it ranks low, after what the words themselves match.
        """
        text = query.strip()
        hits = self.genes.get(text.casefold(), []) if " " not in text else []
        if not hits:
            return {}
        looks_like_a_symbol = text.isupper() or any(c.isdigit() for c in text)
        base = 93.0 if looks_like_a_symbol else 60.0
        return {i: base + self._named_after(text, self.entries[i].entity_id) for i in hits}

    def _named_after(self, symbol: str, entity_id: str) -> float:
        """How much a condition's name looks like the gene symbol, as a tie-break among a gene's conditions.

        Symbols often abbreviate the disease ("NF1": neurofibromatosis type 1, "VHL": von Hippel-Lindau);
        a deletion syndrome or a cancer group that lists the gene among many does not.
        """
        name = normalise(self.display[entity_id])
        letters = "".join(c for c in symbol.casefold() if c.isalpha())
        digits = "".join(c for c in symbol if c.isdigit())
        bonus = 0.0
        if (
            len(letters) >= 2
            and name.startswith(letters[0])
            and letters[1] in name.split(" ")[0][1:] + "".join(w[:1] for w in name.split(" ")[1:2])
        ):
            bonus += 0.5
        numbers = _numbers(name)
        if digits and numbers:
            bonus += 0.2 if digits in numbers else -0.2
        return bonus

    def candidates_fuzzy(self, query: str) -> dict[int, float]:
        norm = normalise(query)
        grams = [self.ngram_vocab[g] for g in set(_ngrams(norm)) if g in self.ngram_vocab]
        if not grams:
            return {}
        weights = self.idf[grams]
        scores = np.asarray(self.matrix[:, grams].dot(weights)).ravel()
        top = min(FUZZY_CANDIDATES, len(scores))
        best = np.argpartition(-scores, top - 1)[:top]
        best = best[scores[best] > 0].tolist()
        if not best:
            return {}
        names = [self.norms[i] for i in best]
        # Partial and subset matches only between strings of similar length: otherwise any
        # short name ("N syndrome") is "contained" in a long question; coverage handles those.
        comparable = np.array([len(n) >= 0.6 * len(norm) for n in names])
        # A name that merely contains the query counts less the more else it says: "diabetes" is
        # "diabetes mellitus" before "microcephaly, epilepsy, and diabetes syndrome".
        contained = (
            0.85 * comparable * (1.0 - 0.012 * np.array([1.0 - min(1.0, len(norm) / len(n)) for n in names]))
        )
        similarity = np.maximum.reduce(
            [
                process.cdist([norm], names, scorer=fuzz.ratio, workers=1)[0],
                process.cdist([norm], names, scorer=fuzz.token_sort_ratio, workers=1)[0],
                contained * process.cdist([norm], names, scorer=fuzz.token_set_ratio, workers=1)[0],
                contained * process.cdist([norm], names, scorer=fuzz.partial_ratio, workers=1)[0],
                self._coverage_scores(norm.split(), best),
            ]
        )
        query_numbers = _numbers(norm)
        found: dict[int, float] = {}
        for i, score in zip(best, similarity.tolist(), strict=True):
            name_numbers = self.numbers[i]
            if not all(any(_same_number(q, n) for n in name_numbers) for q in query_numbers):
                score -= 15.0  # "type 2" is not "type 3", "22q13" is not "22q11.2"
            elif len(name_numbers) > len(query_numbers):
                score -= 3.0  # a numbered subtype is less likely than the general entity
            found[i] = min(float(score), 97.0)
        return found

    def _coverage_scores(self, query_words: list[str], candidates: list[int]) -> np.ndarray:
        """How well each candidate name is covered by the query's words, and the query by the name.

        Built for whole questions and longer phrasings: "my son has opsoclonus-myoclonus, will it
        go away?" covers all rare words of "opsoclonus-myoclonus syndrome". Words are weighted by
        rarity among names, so "syndrome" counts little and "opsoclonus" much; query words that
        appear in no name ("toddler", "away") are ignored here; typos match at similarity >= 80. (A word
        that is not even like a name's word, "xyzzyqq", keeps every score low: see `unknown_words`.)
        """
        words = list(dict.fromkeys(w for w in query_words if w not in FILLER))
        lengths = np.array([len(self.words[i]) for i in candidates])
        if not words or not lengths.sum():
            return np.zeros(len(candidates))
        flat = [w for i in candidates for w in self.words[i]]
        vocab = list(dict.fromkeys(flat))
        col = {w: j for j, w in enumerate(vocab)}
        similarity = process.cdist(words, vocab, scorer=fuzz.ratio, score_cutoff=80, workers=1) / 100.0
        for q, word in enumerate(words):
            if len(word) < 4 or word.isdigit():  # short words and numbers must match exactly
                similarity[q, :] = 0.0
                if word in col:
                    similarity[q, col[word]] = 1.0
        sims = similarity[:, [col[w] for w in flat]]  # query word x (every candidate's words)
        nonempty = lengths > 0
        starts = np.minimum(np.concatenate([[0], np.cumsum(lengths)[:-1]]), len(flat) - 1)
        name_weight = np.concatenate([self.word_weights[i] for i in candidates])
        covered_weight = np.add.reduceat(sims.max(axis=0) * name_weight, starts)
        name_cover = covered_weight / np.maximum(np.add.reduceat(name_weight, starts), 1e-9)
        # How much of the query a name explains (each query word by the rarity of the name word it
        # matches, so typos count), relative to the best candidate: words that no name explains
        # ("doctor", "what now") then cost nothing.
        best_per_query = np.maximum.reduceat(sims * name_weight[None, :], starts, axis=1)
        explained = best_per_query.sum(axis=0)
        query_cover = explained / max(float(explained.max()), 1e-9)
        scores = 55.0 + 20.0 * name_cover**2 + 22.0 * query_cover
        scores[(name_cover <= 0.4) | ~nonempty] = 0.0
        return np.asarray(scores, dtype=np.float64)


def _less_a_letter(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _numbers(norm: str) -> frozenset[str]:
    """Tokens with digits: subtype numbers, chromosome bands ("22q11.2"), gene-like names."""
    return frozenset(t for t in norm.split() if any(c.isdigit() for c in t))


def _same_number(query: str, name: str) -> bool:
    """Equal, or the query is a coarser band of the name ("22q13" of "22q13.3", not of "22q131")."""
    return name == query or (name.startswith(query) and not name[len(query)].isdigit())


def _ngrams(norm: str, n: int = 3) -> Iterable[str]:
    padded = f" {norm} "
    return (padded[i : i + n] for i in range(len(padded) - n + 1))


def _collect_entries(knowledge: Knowledge) -> tuple[list[Entry], dict[str, str], dict[str, float]]:
    entries: list[Entry] = []
    display: dict[str, str] = {}
    weight: dict[str, float] = {}
    for record in knowledge.conditions.values():
        display[record.id] = record.name
        # Tie-break: conditions with a NORD report (written for patients) are the ones people look up,
        # then richer records. "OMS" is opsoclonus-myoclonus before Oliver-McFarlane.
        has_nord = any(xref.startswith("NORD:") for xref, _ in record.xrefs)
        weight[record.id] = 10_000.0 * has_nord + float(len(record.annotations))
        seen: set[str] = set()
        for name in record.names:
            key = normalise(name.name)
            if key and key not in seen:
                seen.add(key)
                entries.append(Entry(record.id, "condition", name.name, 0 if name.kind == "preferred" else 1))
        for symbol, _ in record.genes:
            entries.append(Entry(record.id, "condition", symbol, GENE_RANK))
    for term in knowledge.terms.values():
        if term.is_obsolete:
            continue
        display[term.id] = term.name
        weight[term.id] = 0.0
        seen = {normalise(term.name)}
        entries.append(Entry(term.id, "symptom", term.name, 0))
        for synonym in term.synonyms:
            key = normalise(synonym.text)
            if key and key not in seen:
                seen.add(key)
                rank = 1 if synonym.scope == "EXACT" or synonym.kind in {"layperson", "abbreviation"} else 2
                entries.append(Entry(term.id, "symptom", synonym.text, rank))
    return entries, display, weight


def _as_typed(text: str, variant: str) -> str:
    """A one-word variant ("nf1" of "what is NF1?") as the user typed it: upper case says "symbol"."""
    if " " in variant:
        return text
    for word in re.findall(r"[\w-]+", text):
        if word.casefold() == variant:
            return word
    return variant


def _gene_mentions(text: str) -> list[str]:
    """Gene symbols named in a longer query ("what does the CFTR gene cause", "NF1 gene")."""
    words = text.split()
    if len(words) < 2 or not any(w.strip("?.,;:!").casefold() in {"gene", "genes"} for w in words):
        return []
    return _UPPER_ACRONYM.findall(text)


def _add_numbered_abbreviation(
    index: NameIndex, word: str, numbers: frozenset[str], scored: dict[int, float]
) -> None:
    """An abbreviation in a longer query, with the query's type numbers ("SMA type 1", "MPS I-H")."""
    for i, score in index.candidates_acronym(word, numbered=bool(numbers)).items():
        # The abbreviation's entry must also have the number the query gives, and "MPS I-H" is
        # Hurler (I-H) before Hurler-Scheie (I-H/S).
        numbers_agree = all(any(_same_number(q, n) for n in index.numbers[i]) for q in numbers)
        numbers_equal = numbers <= index.numbers[i]
        penalty = (0.0 if numbers_equal else 0.5) if numbers_agree else 15.0
        scored[i] = max(scored.get(i, 0.0), score - 2.0 - penalty)


def _having_the_word(index: NameIndex, candidates: Iterable[int], word: str) -> set[int]:
    """The candidates whose names have this word, or one alike if both are long enough for a typo
    ("MARFN" of "Marfan syndrome"; "pku" is not "ku")."""
    candidates = list(candidates)
    alike = {word}
    if len(word) >= 4:
        vocab = list({w for i in candidates for w in index.words[i] if len(w) >= 4})
        if vocab:
            similarity = process.cdist(
                [word], vocab, scorer=fuzz.ratio, score_cutoff=ACRONYM_FUZZY_FLOOR, workers=1
            )
            alike.update(w for w, score in zip(vocab, similarity[0].tolist(), strict=True) if score)
    return {i for i in candidates if any(w in alike for w in index.words[i])}


def _acronym_mentions(text: str) -> list[str]:
    """Abbreviations in a longer query: "PKU" of "diet for PKU?", "X-ALD" (as "XALD", not "ALD") of
    "what is X-ALD"; a type number ("MPS I-H", "MPS IIIA", "GSD IA") is not one."""
    if "-" not in text:
        return _without_types(_UPPER_ACRONYM.finditer(text))
    hyphenated = [w for w in _HYPHENATED_ACRONYM.findall(text) if not _TYPE_NUMBER.match(w)]
    rest = _HYPHENATED_ACRONYM.sub(" ", text)
    return list(
        dict.fromkeys(
            _without_types(_UPPER_ACRONYM.finditer(rest)) + [w.replace("-", "") for w in hyphenated]
        )
    )


def _without_types(found: Iterable[re.Match[str]]) -> list[str]:
    """Capitalised words, less a Roman type ("IIIA") right after another of them ("MPS IIIA")."""
    words: list[str] = []
    previous_end = -10
    for match in found:
        is_type = _ROMAN_TYPE.fullmatch(match.group(1)) and match.start() == previous_end + 1
        if not is_type:
            words.append(match.group(1))
        previous_end = match.end()
    return list(dict.fromkeys(words))


def _collect_ids(knowledge: Knowledge) -> dict[str, str]:
    ids = {cid: cid for cid in knowledge.conditions}
    for record in knowledge.conditions.values():
        if record.mondo_id:
            ids.setdefault(record.mondo_id, record.id)
    for doid, cid in same_disease_ontology_ids(knowledge.conditions.values(), ids):
        ids.setdefault(doid, cid)
    for term in knowledge.terms.values():
        if not term.is_obsolete:
            ids[term.id] = term.id
        elif term.replaced_by:
            ids[term.id] = term.replaced_by
    for alt, primary in knowledge.alt_ids.items():
        ids.setdefault(alt, primary)
    return ids


def _query_variants(query: str) -> list[str]:
    words = tokens(query)
    stripped = strip_question(words)
    variants = [" ".join(words)]
    if stripped != words:
        variants.append(" ".join(stripped))
    return variants


def _check_query(query: str) -> str:
    text = query.strip()
    if not text:
        raise QueryError("the query is empty: type a condition or symptom name")
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(f"the query is too long ({len(text)} characters; at most {MAX_QUERY_LENGTH})")
    if not tokens(text):
        raise QueryError("the query has no letters or digits to search for")
    return text


def _id_matches(index: NameIndex, text: str) -> list[Match]:
    match = _ID_QUERY.match(text)
    if not match:
        return []
    prefix = {"orphanet": "ORPHA", "mim": "OMIM"}.get(match.group(1).lower(), match.group(1).upper())
    local = match.group(2).zfill(7) if prefix in {"HP", "MONDO"} else match.group(2)
    entity = index.ids.get(f"{prefix}:{local}")
    if entity is None:
        return []
    kind: Kind = "symptom" if entity.startswith("HP:") else "condition"
    return [
        Match(id=entity, name=index.display[entity], matched_name=f"{prefix}:{local}", score=100.0, kind=kind)
    ]


def resolve(
    index: NameIndex,
    query: str,
    limit: int = 10,
    kinds: Sequence[str] = ("condition", "symptom"),
) -> list[Match]:
    """Ranked matches for a query, best first, one per condition/term (its best-matching name)."""
    text = _check_query(query)
    if by_id := _id_matches(index, text):
        return [m for m in by_id if m.kind in kinds]
    scored: dict[int, float] = {}
    query_numbers = _numbers(normalise(text))
    spaced, acronym_shaped = " " in text.strip(), bool(_ACRONYM_SHAPED.match(text))
    mentions = _acronym_mentions(text) if spaced or acronym_shaped else []
    for word in mentions if spaced else []:
        _add_numbered_abbreviation(index, word, query_numbers, scored)
    if acronym_shaped and "-" in text:  # "A-T", "X-ALD": the variants below have spaces
        for i, score in index.candidates_acronym(text.replace("-", "")).items():
            scored[i] = max(scored.get(i, 0.0), score)
    for word in mentions:
        if glued := _GLUED_NUMBER.match(word):  # "MPS2", "SMA1": the number written onto the letters
            _add_numbered_abbreviation(index, glued.group(1), frozenset([glued.group(2).lower()]), scored)
    for word in _gene_mentions(text):
        for i, score in index.candidates_gene(word).items():
            scored[i] = max(scored.get(i, 0.0), score - 3.0)
    for i, score in index.candidates_gene(_as_typed(text, _query_variants(text)[-1])).items():
        scored[i] = max(scored.get(i, 0.0), score)
    variants = _query_variants(text)
    # Also an abbreviation: a lower-case token that no name has as a word but some name abbreviates ("pku").
    abbreviation = acronym_shaped
    for variant in variants:
        by_acronym = index.candidates_acronym(_as_typed(text, variant))  # "CTX" typed, not "ctx"
        for found in (index.candidates_exact(variant), by_acronym):
            for i, score in found.items():
                scored[i] = max(scored.get(i, 0.0), score)
        if by_acronym and variant == variants[-1] and variant not in index.plain_words:
            abbreviation = True
    # Fuzzy matching is skipped only when every kind asked for has an exact name: "leukemia" the
    # symptom must not stop the search for leukemias among conditions.
    exact_kinds = {index.entries[i].kind for i, score in scored.items() if score >= 98.0}
    if not set(kinds) <= exact_kinds:
        # The most question-stripped variant: the coverage score tolerates any words left over.
        # An abbreviation matches by its letters only by chance: such matches rank below every other
        # (they only fill the list). It may still be a name's word typed in capitals or misspelt
        # ("MARFAN"), never a piece of one ("IVA" of "progressiva", "ku" of "PKU").
        fuzzy = index.candidates_fuzzy(variants[-1])
        by_word = _having_the_word(index, fuzzy, variants[-1]) if abbreviation else fuzzy.keys()
        for i, score in fuzzy.items():
            score = score if i in by_word else score * LETTERS_ONLY_FACTOR
            scored[i] = max(scored.get(i, 0.0), score)
    if index.unknown_words(text):
        scored = {i: min(score * UNKNOWN_WORD_FACTOR, UNKNOWN_WORD_CEILING) for i, score in scored.items()}
    return _best_per_entity(index, scored, limit, kinds)


def _best_per_entity(
    index: NameIndex, scored: dict[int, float], limit: int, kinds: Sequence[str]
) -> list[Match]:
    best: dict[str, tuple[float, int]] = {}
    for i, score in scored.items():
        entry = index.entries[i]
        if entry.kind not in kinds:
            continue
        # Among equal scores prefer preferred names over synonyms.
        adjusted = score - 0.1 * entry.rank
        if entry.entity_id not in best or adjusted > best[entry.entity_id][0]:
            best[entry.entity_id] = (adjusted, i)
    ordered = heapq.nsmallest(
        limit,
        best.items(),
        key=lambda item: (
            -round(item[1][0], 1),
            index.entries[item[1][1]].kind != "condition",
            -index.weight[item[0]],
            item[0],
        ),
    )
    return [
        Match(
            id=entity,
            name=index.display[entity],
            matched_name=index.entries[i].name,
            score=round(max(0.0, min(100.0, score + 0.1 * index.entries[i].rank)), 1),
            kind=index.entries[i].kind,
            matched_by="gene" if index.entries[i].rank == GENE_RANK else "name",
        )
        for entity, (score, i) in ordered
    ]


def suggest(
    index: NameIndex, prefix: str, limit: int = 8, kinds: Sequence[str] = ("condition", "symptom")
) -> list[Match]:
    """Autocomplete: names starting with the prefix (shortest first), then fuzzy matches."""
    text = _check_query(prefix)
    norm = normalise(text)
    start = bisect.bisect_left(index.sorted_names, (norm, -1))
    scored: dict[int, float] = {}
    for name, i in index.sorted_names[start : start + 400]:
        if not name.startswith(norm):
            break
        scored[i] = 99.0 - min(len(name) - len(norm), 40) * 0.1
    matches = _best_per_entity(index, scored, limit, kinds)
    if len(matches) < limit and len(norm) >= 3:
        seen = {m.id for m in matches}
        matches += [m for m in resolve(index, text, limit, kinds) if m.id not in seen][: limit - len(matches)]
    return matches
