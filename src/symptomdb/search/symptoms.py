"""Symptoms by what people call them: the name index plus the free-text reader.

The name index knows HPO names and synonyms, and forgives misspellings by letters; it cannot know that
"tummy ache" is abdominal pain or "peeing a lot" polyuria. The text reader (`symptomdb.text`) does, through
its reviewed lay lexicon and word equivalences. A phrase the reader reads as one finding, covering most of
its words, ranks first; the index's matches follow, and an exact HPO name still wins.
"""

from __future__ import annotations

import re

from symptomdb.knowledge.store import Knowledge
from symptomdb.search.resolve import Match, NameIndex, resolve

_WORD = re.compile(r"[\w']+")
READ_BEST = 98.0  # a phrase read whole as one finding: above any fuzzy match, below an exact name
READ_BASE = 88.0


def find_symptoms(knowledge: Knowledge, index: NameIndex, query: str, limit: int = 10) -> list[Match]:
    """Symptoms for a name or a short description, best first (QueryError for empty or absurd input)."""
    matches = resolve(index, query, limit, kinds=("symptom",))
    if matches and matches[0].score >= 100.0:
        return matches
    found: dict[str, Match] = {m.id: m for m in matches}
    for read in _read(knowledge, query):
        if read.id not in found or found[read.id].score < read.score:
            found[read.id] = read
    return sorted(found.values(), key=lambda m: -m.score)[:limit]


def _read(knowledge: Knowledge, query: str) -> list[Match]:
    from symptomdb.text.annotate import annotate

    words = [(w.start(), w.end()) for w in _WORD.finditer(query)]
    if not words:
        return []
    reads = []
    for mention in annotate(knowledge, query):
        covered = sum(1 for start, end in words if start >= mention.start and end <= mention.end)
        coverage = covered / len(words)
        term = knowledge.terms[mention.hpo_id]
        reads.append(
            Match(
                id=term.id,
                name=term.name,
                matched_name=mention.text,
                score=round(READ_BASE + (READ_BEST - READ_BASE) * coverage, 1),
                kind="symptom",
            )
        )
    return reads
