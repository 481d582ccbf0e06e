"""Medical-sense probes of the shipped diagnosis engine: does stating a feature absent lift a condition?

    python benchmarks/diagnosis-probes.py

For each of ten everyday queries and each of its 12 leading conditions, its four most specific very
frequent (≥ 80 %) features are stated absent in turn. Prints each probe in which the condition's rank
rises under the first stage or under the whole engine, or its probability (as shown, calibrated) rises,
and the counts. A rise can be legitimate (the
conditions above it have the finding more often and fall further); the condition's own first-stage
score never rises (`tests/diagnosis/test_medical_sense.py`).
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from symptomdb.context import SymptomDB
from symptomdb.diagnosis.bench import group_rank
from symptomdb.diagnosis.rank import VERY_FREQUENT, Engine, Query
from symptomdb.diagnosis.service import get_engine
from symptomdb.diagnosis.train import term_rows

QUERIES: list[tuple[tuple[str, ...], str | None]] = [
    (("HP:0010543", "HP:0001336"), "female"),  # opsoclonus, myoclonus
    (("HP:0010543", "HP:0001336", "HP:0001251"), None),  # ... ataxia
    (("HP:0001250", "HP:0001263"), "male"),  # seizures, global developmental delay
    (("HP:0001945", "HP:0002315", "HP:0001324"), None),  # fever, headache, muscle weakness
    (("HP:0000365", "HP:0000639"), None),  # hearing impairment, nystagmus
    (("HP:0001263", "HP:0001252"), None),  # developmental delay, hypotonia
    (("HP:0000252", "HP:0001250"), "female"),  # microcephaly, seizures
    (("HP:0004322", "HP:0000316"), None),  # short stature, hypertelorism
    (("HP:0001638", "HP:0001166"), None),  # cardiomyopathy, arachnodactyly
    (("HP:0000407", "HP:0000505"), None),  # sensorineural hearing impairment, visual impairment
]
LEADING, FEATURES_EACH = 12, 4


def main() -> None:
    db = SymptomDB()
    engine = get_engine(db.knowledge, db.settings.cache_dir)
    model = engine.model
    by_condition = engine.implied.tocsr()
    probes = first_rises = final_rises = probability_rises = 0
    for ids, sex in QUERIES:
        present = term_rows(db.knowledge, model, ids)
        before = Query(present, (), sex)
        scores, first = engine.score(before), engine.first_score(before)
        for d in _leading(engine, scores):
            for x in _specific_very_frequent(engine, by_condition[d], present):
                after = Query(present, (x,), sex)
                probe = f"{'+'.join(ids)} {model.condition_ids[d]} absent {model.term_ids[x]}"
                for name, old, new in (
                    ("first stage", first, engine.first_score(after)),
                    ("engine", scores, engine.score(after)),
                ):
                    rank_before, rank_after = _rank(engine, old, d), _rank(engine, new, d)
                    if rank_after < rank_before:
                        print(f"{name} rank rises {rank_before} -> {rank_after}: {probe}")
                        first_rises += name == "first stage"
                        final_rises += name == "engine"
                p_before, p_after = _probability(engine, scores, d), _probability(engine, new, d)
                if p_after > p_before + 1e-4:
                    print(f"probability rises {p_before:.4f} -> {p_after:.4f}: {probe}")
                    probability_rises += 1
                probes += 1
    print(
        f"{probes} probes; rank rises: first stage {first_rises}, engine {final_rises}; "
        f"probability rises: {probability_rises}"
    )


def _leading(engine: Engine, scores: np.ndarray) -> list[int]:
    rows: dict[int, int] = {}
    for r in np.argsort(-scores, kind="stable")[:200]:
        rows.setdefault(int(engine.model.group[r]), int(r))
        if len(rows) == LEADING:
            break
    return list(rows.values())


def _specific_very_frequent(engine: Engine, implied: sp.csr_matrix, present: tuple[int, ...]) -> list[int]:
    """The condition's (`implied`: its row of implied frequencies) rarest very frequent features."""
    terms = [int(t) for t, f in zip(implied.indices, implied.data, strict=True) if f >= VERY_FREQUENT]
    return sorted((t for t in terms if t not in present), key=lambda t: engine.bg[t])[:FEATURES_EACH]


def _probability(engine: Engine, scores: np.ndarray, d: int) -> float:
    """The probability shown for condition d: the softmax summed over its MONDO-equivalent entries."""
    weights = np.exp(scores - scores.max())
    return float(weights[engine.model.group == engine.model.group[d]].sum() / weights.sum())


def _rank(engine: Engine, scores: np.ndarray, d: int) -> int:
    rank = group_rank(scores, engine.model.group, frozenset({d}))
    assert rank is not None
    return rank


if __name__ == "__main__":
    main()
