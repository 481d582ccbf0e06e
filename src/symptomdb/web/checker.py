"""The symptom checker's form state: which symptoms are present or absent after the user's last action.

The checker is a plain GET form (works without JavaScript): the lists travel as repeated `present` /
`absent` parameters; one action (add by id, add by name, remove, read free text) changes them.
Ranking itself is the diagnosis service's job.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal, Protocol

from pydantic import BaseModel

from symptomdb.knowledge.answer import TermRef
from symptomdb.knowledge.store import Knowledge, UnknownIdError
from symptomdb.knowledge.symptoms import is_phenotype
from symptomdb.search.resolve import QueryError

MAX_SYMPTOMS = 40
ONSET_ROOT = "HP:0003674"
Side = Literal["present", "absent"]


class Choice(BaseModel):
    id: str
    name: str
    plain_name: str
    matched_name: str


class CheckerState(BaseModel):
    present: list[TermRef] = []
    absent: list[TermRef] = []
    side: Side = "present"
    query: str = ""
    choices: list[Choice] = []
    message: str | None = None
    changed: bool = False

    def query_string(self) -> str:
        from urllib.parse import urlencode

        pairs = [("present", t.id) for t in self.present] + [("absent", t.id) for t in self.absent]
        return urlencode(pairs)


class Found(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def matched_name(self) -> str: ...

    @property
    def score(self) -> float: ...

    @property
    def kind(self) -> str: ...


Resolver = Callable[[str], Sequence[Found]]
Annotator = Callable[[str], Sequence[tuple[str, bool]]]  # text -> (hpo id, excluded)


def term_id(knowledge: Knowledge, raw: str) -> str | None:
    """An HPO phenotype id from 'HP:0001250', 'HP-0001250' or 'hp_0001250'; None if unknown."""
    text = raw.strip().upper().replace("_", ":")
    if ":" not in text:
        text = text.replace("-", ":", 1)
    try:
        tid = knowledge.primary_term_id(text)
    except UnknownIdError:
        return None
    return tid if is_phenotype(knowledge, knowledge.terms[tid]) else None


def onset_id(knowledge: Knowledge, raw: str) -> str | None:
    """An HPO onset term id (a descendant of HP:0003674 'Onset'); None if it is not one."""
    text = raw.strip().upper().replace("_", ":")
    if ":" not in text:
        text = text.replace("-", ":", 1)
    try:
        tid = knowledge.primary_term_id(text)
    except UnknownIdError:
        return None
    return tid if ONSET_ROOT in knowledge.ancestors(tid) else None


def _ref(knowledge: Knowledge, tid: str) -> TermRef:
    term = knowledge.terms[tid]
    return TermRef(id=term.id, name=term.name, plain_name=term.plain_name)


def apply(
    knowledge: Knowledge,
    present: Sequence[str] = (),
    absent: Sequence[str] = (),
    *,
    side: str = "present",
    query: str = "",
    add_id: str = "",
    remove: str = "",
    text: str = "",
    resolver: Resolver | None = None,
    annotator: Annotator | None = None,
) -> CheckerState:
    """The checker state after one action. `resolver` finds symptoms by name; `annotator` reads free text."""
    chosen_side: Side = "absent" if side == "absent" else "present"
    state = CheckerState(side=chosen_side)
    lists: dict[Side, dict[str, None]] = {"present": {}, "absent": {}}

    def total() -> int:
        return len(lists["present"]) + len(lists["absent"])

    def add(tid: str, where: Side) -> None:
        other: Side = "absent" if where == "present" else "present"
        lists[other].pop(tid, None)
        if total() >= MAX_SYMPTOMS:
            state.message = f"The checker takes at most {MAX_SYMPTOMS} symptoms."
            return
        lists[where][tid] = None
        state.changed = True

    unknown = 0
    sides: tuple[tuple[Side, Sequence[str]], ...] = (("present", present), ("absent", absent))
    for where, raw_ids in sides:
        for raw in raw_ids:
            tid = term_id(knowledge, raw)
            if tid is None:
                unknown += 1
            elif tid not in lists["present"] and tid not in lists["absent"] and total() < MAX_SYMPTOMS:
                lists[where][tid] = None
    if unknown:
        state.message = f"Ignored {unknown} unknown symptom id{'s' if unknown > 1 else ''}."

    removed = term_id(knowledge, remove) if remove else None
    if removed:
        lists["present"].pop(removed, None)
        lists["absent"].pop(removed, None)
        state.changed = True
    elif add_id:
        tid = term_id(knowledge, add_id)
        if tid is None:
            state.message = "That is not a symptom this checker knows; search for it by name."
        else:
            add(tid, chosen_side)
    elif query.strip() and resolver is not None:
        _add_by_name(knowledge, state, query.strip(), chosen_side, resolver, add)
    elif text.strip() and annotator is not None:
        found = annotator(text)
        for hpo_id, excluded in found:
            tid = term_id(knowledge, hpo_id)
            if tid:
                add(tid, "absent" if excluded else "present")
        if not found:
            state.message = "No symptoms recognised in that text; try adding them one by one by name."
    state.present = [_ref(knowledge, t) for t in lists["present"]]
    state.absent = [_ref(knowledge, t) for t in lists["absent"]]
    return state


def _add_by_name(
    knowledge: Knowledge,
    state: CheckerState,
    query: str,
    side: Side,
    resolver: Resolver,
    add: Callable[[str, Side], None],
) -> None:
    try:
        found = resolver(query)
    except QueryError as error:  # "???", "!!": nothing to search for
        state.query = query
        state.message = f"Cannot search for “{query}”: {error}. Type a symptom's name."
        return
    matches = [m for m in found if m.kind == "symptom" and term_id(knowledge, m.id)]
    if not matches:
        state.query = query
        state.message = f"No symptom matches “{query}”. Try another word, e.g. an everyday one."
        return
    top = matches[0]
    clear_winner = len(matches) == 1 or top.score >= 97 or top.score - matches[1].score >= 10
    if clear_winner and top.score >= 85:
        add(top.id, side)
        return
    state.query = query
    state.message = f"Which one did you mean by “{query}”?"
    state.choices = [
        Choice(id=m.id, name=m.name, plain_name=knowledge.terms[m.id].plain_name, matched_name=m.matched_name)
        for m in matches[:8]
    ]
