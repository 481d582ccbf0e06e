"""Question answering: resolve a question to a condition, then build its answer."""

from __future__ import annotations

from pydantic import BaseModel

from symptomdb.knowledge.answer import ConditionAnswer, answer
from symptomdb.knowledge.store import Knowledge
from symptomdb.search.resolve import Match, NameIndex, resolve

CONFIDENT_SCORE = 80.0


class NoConfidentMatchError(LookupError):
    def __init__(self, query: str, suggestions: list[Match]) -> None:
        super().__init__(f"no condition matches {query!r} confidently")
        self.query = query
        self.suggestions = suggestions


class AskResult(BaseModel):
    query: str
    match: Match
    alternatives: list[Match]
    answer: ConditionAnswer


def ask(knowledge: Knowledge, index: NameIndex, question: str) -> AskResult:
    """Answer a question about a condition ("what are the symptoms of X?"): best match + its answer."""
    matches = resolve(index, question, limit=6, kinds=("condition",))
    if not matches or matches[0].score < CONFIDENT_SCORE:
        raise NoConfidentMatchError(question, matches)
    best = matches[0]
    return AskResult(query=question, match=best, alternatives=matches[1:], answer=answer(knowledge, best.id))
