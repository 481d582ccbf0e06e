"""Why a condition is ranked where it is: its findings matched, unexplained, excluded and unreported.

Computed for the conditions shown only (not for the whole ranking), from the same arrays the engine
ranks with, so that an explanation always agrees with the score.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np
from pydantic import BaseModel, Field

from symptomdb.diagnosis.model import frequency_label
from symptomdb.diagnosis.rank import VERY_FREQUENT, Engine, Query

if TYPE_CHECKING:
    from symptomdb.knowledge.store import Knowledge

Relation = Literal["same", "more specific in the condition", "more general in the condition", "related"]
FREQUENT = 0.3  # "frequent" and above: a feature worth asking about when not reported
MAX_NOT_REPORTED = 8


class MatchedFinding(BaseModel):
    """An observed finding, and the condition's feature that accounts for it."""

    id: str
    name: str
    plain_name: str
    condition_term_id: str | None = None
    condition_term_name: str | None = None
    relation: Relation | None = None
    frequency: float | None = None
    frequency_label: str | None = None
    published_cases: str | None = None  # e.g. "4 of 6 published cases"
    weight: float  # its contribution to the score


class Finding(BaseModel):
    """A finding (observed or excluded) with how it bears on the condition."""

    id: str
    name: str
    plain_name: str
    frequency: float | None = None
    frequency_label: str | None = None
    weight: float = 0.0
    note: str | None = None


class Feature(BaseModel):
    """A feature of the condition."""

    id: str
    name: str
    plain_name: str
    frequency: float | None = None
    frequency_label: str | None = None


class Explanation(BaseModel):
    summary: str
    matched: list[MatchedFinding] = Field(default_factory=list)
    unexplained: list[Finding] = Field(default_factory=list)
    excluded_against: list[Finding] = Field(default_factory=list)  # absent findings that count against
    excluded_other: list[Finding] = Field(
        default_factory=list
    )  # absent findings of the condition that do not
    contradicted: list[Finding] = Field(default_factory=list)  # observed, but annotated NOT for the condition
    not_reported: list[Feature] = Field(default_factory=list)  # frequent features not among the findings


def explain(knowledge: Knowledge, engine: Engine, row: int, query: Query) -> Explanation:
    model = engine.model
    weights = dict(zip(_feature_names(), engine.weights, strict=True))
    w_lr = weights.get("lr_kb", 0.0) + weights.get("obs_kb", 0.0)
    w_excl = weights.get("lr_kb", 0.0) + weights.get("excl_kb", 0.0)
    w_rel = weights.get("excl_rel", 0.0)
    w_vfreq = weights.get("excl_vfreq", 0.0)
    w_case = weights.get("obs_case", 0.0)
    direct_terms, direct_freq, direct_stated = _direct(engine, row)
    n_cases = int(engine.n_cases[row])

    present = list(dict.fromkeys(query.present))
    excluded = [x for x in dict.fromkeys(query.excluded) if x not in set(present)]
    matched: list[MatchedFinding] = []
    unexplained: list[Finding] = []
    contradicted: list[Finding] = []
    for t in present:
        lr = float(engine.obs_kb(t)[row])
        case_part = float(engine.obs_case(t)[row]) if engine.has_cases else 0.0
        weight = w_lr * lr + w_case * case_part
        link = _best_link(engine, t, direct_terms, direct_freq)
        cases_text = _case_count(engine, row, t, n_cases)
        if engine.negated_rows_contain(t, row):
            contradicted.append(
                _finding(
                    knowledge, model.term_ids[t], weight, note="the condition is annotated as not having it"
                )
            )
        elif lr > 0 or (cases_text is not None and case_part > 0):
            u, relation = link if link else (None, None)
            freq = float(direct_freq[direct_terms == u][0]) if u is not None else None
            stated = bool(direct_stated[direct_terms == u][0]) if u is not None else False
            term = knowledge.terms[model.term_ids[t]]
            matched.append(
                MatchedFinding(
                    id=term.id,
                    name=term.name,
                    plain_name=term.plain_name,
                    condition_term_id=model.term_ids[u] if u is not None else None,
                    condition_term_name=model.term_names[u] if u is not None else None,
                    relation=relation,
                    frequency=round(freq, 3) if freq is not None and stated else None,
                    frequency_label=frequency_label(freq) if freq is not None and stated else None,
                    published_cases=cases_text,
                    weight=round(weight, 3),
                )
            )
        else:
            note = None
            if link is not None and link[1] == "related":
                note = f"closest feature of the condition: {model.term_names[link[0]]}"
            unexplained.append(_finding(knowledge, model.term_ids[t], weight, note=note))

    against: list[Finding] = []
    other: list[Finding] = []
    imp = engine.implied
    for x in excluded:
        s, e = imp.indptr[x], imp.indptr[x + 1]
        hit = np.flatnonzero(imp.indices[s:e] == row)
        if engine.negated_rows_contain(x, row):
            other.append(
                _finding(
                    knowledge, model.term_ids[x], 0.0, note="the condition is annotated as not having it"
                )
            )
            continue
        if not len(hit):
            continue
        f = float(imp.data[s + hit[0]])
        weight = w_excl * float(np.log1p(-engine.params.eta * f)) + (w_vfreq if f >= VERY_FREQUENT else w_rel)
        item = _finding(knowledge, model.term_ids[x], weight, frequency=f)
        (against if weight < 0 else other).append(item)
    against.sort(key=lambda f: f.weight)

    not_reported = _not_reported(
        knowledge, engine, row, present, excluded, direct_terms, direct_freq, direct_stated
    )
    return Explanation(
        summary=_summary(
            len(present), matched, unexplained, against, contradicted, n_cases, bool(model.in_knowledge[row])
        ),
        matched=matched,
        unexplained=unexplained,
        excluded_against=against,
        excluded_other=other,
        contradicted=contradicted,
        not_reported=not_reported,
    )


def _feature_names() -> tuple[str, ...]:
    from symptomdb.diagnosis.rank import FEATURES

    return FEATURES


def _direct(engine: Engine, row: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    freq = engine.freq_csr
    s, e = freq.indptr[row], freq.indptr[row + 1]
    stated = engine.stated_csr
    stated_row = np.zeros(e - s)
    ss, se = stated.indptr[row], stated.indptr[row + 1]
    lookup = dict(zip(stated.indices[ss:se].tolist(), stated.data[ss:se].tolist(), strict=True))
    for i, term in enumerate(freq.indices[s:e]):
        stated_row[i] = lookup.get(int(term), 0.0)
    return freq.indices[s:e], freq.data[s:e], stated_row


def _best_link(
    engine: Engine, t: int, direct_terms: np.ndarray, direct_freq: np.ndarray
) -> tuple[int, Relation] | None:
    """The condition's annotated term that best accounts for observed term t, and how they relate."""
    if not len(direct_terms):
        return None
    model = engine.model
    ancestors_t = set(model.ancestors_of(t).tolist())
    best: tuple[float, int, Relation] | None = None
    for u, f in zip(direct_terms.tolist(), direct_freq.tolist(), strict=True):
        ancestors_u = model.ancestors_of(u)
        if u == t:
            candidate: tuple[float, int, Relation] = (3.0 + f, u, "same")
        elif t in set(ancestors_u.tolist()):
            candidate = (2.0 + f, u, "more specific in the condition")
        elif u in ancestors_t:
            candidate = (1.0 + f * engine.bg[t] / engine.bg[u], u, "more general in the condition")
        else:
            shared = ancestors_t.intersection(ancestors_u.tolist())
            if not shared:
                continue
            a = min(shared, key=lambda x: engine.bg[x])
            candidate = (f * min(1.0, engine.bg[t] / engine.bg[a]), u, "related")
        if best is None or candidate[0] > best[0]:
            best = candidate
    return (best[1], best[2]) if best else None


def _case_count(engine: Engine, row: int, t: int, n_cases: int) -> str | None:
    if n_cases == 0:
        return None
    cc = engine.case_counts
    s, e = cc.indptr[t], cc.indptr[t + 1]
    hit = np.flatnonzero(cc.indices[s:e] == row)
    count = int(cc.data[s + hit[0]]) if len(hit) else 0
    return f"{count} of {n_cases} published case{'s' if n_cases != 1 else ''}" if count else None


def _finding(
    knowledge: Knowledge, term_id: str, weight: float, frequency: float | None = None, note: str | None = None
) -> Finding:
    term = knowledge.terms[term_id]
    return Finding(
        id=term.id,
        name=term.name,
        plain_name=term.plain_name,
        frequency=round(frequency, 3) if frequency is not None else None,
        frequency_label=frequency_label(frequency) if frequency is not None else None,
        weight=round(weight, 3),
        note=note,
    )


def _not_reported(
    knowledge: Knowledge,
    engine: Engine,
    row: int,
    present: list[int],
    excluded: list[int],
    direct_terms: np.ndarray,
    direct_freq: np.ndarray,
    direct_stated: np.ndarray,
) -> list[Feature]:
    """Frequent features of the condition that no finding covers (neither observed nor excluded)."""
    model = engine.model
    covered: set[int] = set()
    for t in present:
        covered.update(model.ancestors_of(t).tolist())
    features = []
    for u, f, stated in zip(direct_terms.tolist(), direct_freq.tolist(), direct_stated.tolist(), strict=True):
        if not stated or f < FREQUENT or u in covered:
            continue
        ancestors_u = set(model.ancestors_of(u).tolist())
        if ancestors_u.intersection(present) or ancestors_u.intersection(excluded):
            continue  # reported more generally, or excluded
        features.append((f, u))
    features.sort(key=lambda x: (-x[0], model.term_names[x[1]]))
    result = []
    for f, u in features[:MAX_NOT_REPORTED]:
        term = knowledge.terms.get(model.term_ids[u])
        result.append(
            Feature(
                id=model.term_ids[u],
                name=model.term_names[u],
                plain_name=term.plain_name if term else model.term_names[u],
                frequency=round(f, 3),
                frequency_label=frequency_label(f),
            )
        )
    return result


def _summary(
    n_present: int,
    matched: list[MatchedFinding],
    unexplained: list[Finding],
    against: list[Finding],
    contradicted: list[Finding],
    n_cases: int,
    in_knowledge: bool,
) -> str:
    parts = [f"Accounts for {len(matched)} of {n_present} finding{'s' if n_present != 1 else ''}"]
    if matched:
        parts[0] += (
            " (" + ", ".join(m.plain_name for m in matched[:4]) + (", …" if len(matched) > 4 else "") + ")"
        )
    parts[0] += "."
    if contradicted:
        one = len(contradicted) == 1
        parts.append(f"{len(contradicted)} finding{'' if one else 's'} contradict{'s' if one else ''} it.")
    if against:
        names = ", ".join(f.plain_name for f in against[:3])
        one = len(against) == 1
        counts = f"{len(against)} absent finding{'' if one else 's'} count{'s' if one else ''}"
        parts.append(f"{counts} against it ({names}).")
    if not in_knowledge:
        parts.append(f"Known here only from {n_cases} published case{'s' if n_cases != 1 else ''}.")
    elif n_cases:
        parts.append(f"Also compared with {n_cases} published case{'s' if n_cases != 1 else ''}.")
    return " ".join(parts)
