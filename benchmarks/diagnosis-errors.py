"""Where the differential's held-out top-1 errors are.

    python benchmarks/diagnosis-errors.py [PHENOPACKETS] [--every N]

Every N-th published case (default 4) is ranked by the engine of its publication's fold (as in
`symptomdb bench diagnose`) and sorted into: right at rank 1; diagnosis unknown to every bundled source;
the truth's rank 2-3, 4-10, 11-100 or beyond the 100 candidates the second stage sees. Errors at ranks
2-10 are split by whether the first condition shares a causal gene with the truth (HPO's gene links) or
its numbered family name ("Kabuki syndrome 1" / "Kabuki syndrome 2"): subtypes a phenotype alone rarely
tells apart. Known diagnoses with nothing left to rank them by (every annotation cites only the fold's
publications and no other fold has a published case) are counted too: with the rest they bound what any
ranking can reach under the held-out protocol.

It also splits the cases by where the knowledge base's profile of their disease comes from: whether HPO's
annotations of that disease cite the case's own publication (HPO curates from the literature, case
reports included; the engine's held-out protocol covers what it learns from cases, not the knowledge
base), do not, or come from a newer HPO release that gives no references (`hpo-newer`).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import numpy as np

from symptomdb.context import SymptomDB
from symptomdb.diagnosis import bundle
from symptomdb.diagnosis.bench import _query, diagnosis_ids, group_rank, truth_rows
from symptomdb.diagnosis.model import DiagnosisModel
from symptomdb.diagnosis.phenopackets import PhenopacketCase, iter_documents, parse_case
from symptomdb.diagnosis.service import get_engine
from symptomdb.diagnosis.train import fold_of
from symptomdb.knowledge.store import Knowledge

CURATION = (
    "HPO cites the case's publication",
    "HPO does not cite it",
    "newer HPO release (no references)",
    "only other publications' cases",
)
ORDER = (
    "cases",
    "right",
    "diagnosis unknown",
    "rank 2-3",
    "rank 4-10",
    "rank 2-10, first shares a gene or family name",
    "rank 11-100",
    "rank > 100",
    "known, but nothing left to rank it by",
)
DEFAULT = Path(__file__).parents[2] / "shared/data/phenopacket-store/phenopackets-public.zip"


def family(name: str) -> str:
    """A disease name without its subtype numbers, letters and 'type' words."""
    words = re.sub(r"\b(type|types)\b", " ", name.lower().replace(",", " "))
    words = re.sub(r"\b(\d+[a-z]*|[ivx]+|[a-z])\b", " ", words)
    return " ".join(words.split()[:4])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("phenopackets", type=Path, nargs="?", default=DEFAULT)
    parser.add_argument("--every", type=int, default=4)
    args = parser.parse_args()
    db = SymptomDB()
    knowledge, weights = db.knowledge, bundle.load_weights()
    trained = {c.source for c in bundle.load_cases()}
    counts: Counter[str] = Counter()
    by_curation: dict[str, Counter[str]] = {group: Counter() for group in CURATION}
    for i, document in enumerate(iter_documents(args.phenopackets)):
        case = parse_case(document)
        if i % args.every or not isinstance(case, PhenopacketCase):
            continue
        fold = fold_of(case.source, weights.n_folds) if case.source in trained else None
        engine = get_engine(knowledge, db.settings.cache_dir, held_out_fold=fold, warm=True)
        model = engine.model
        truth = truth_rows(knowledge, model, diagnosis_ids(document))
        counts["cases"] += 1
        if not truth:
            counts["diagnosis unknown"] += 1
            continue
        if not _profile_left(model, truth):
            counts["known, but nothing left to rank it by"] += 1
        scores = engine.score(_query(knowledge, model, case))
        rank = group_rank(scores, model.group, truth)
        curated = by_curation[_curation(knowledge, [model.condition_ids[r] for r in truth], case.source)]
        curated["cases"] += 1
        curated["right"] += rank == 1
        curated["top 10"] += rank is not None and rank <= 10
        if rank == 1:
            counts["right"] += 1
        elif rank is None or rank > 100:
            counts["rank > 100"] += 1
        elif rank > 10:
            counts["rank 11-100"] += 1
        else:
            counts["rank 2-3" if rank <= 3 else "rank 4-10"] += 1
            first = model.condition_ids[int(np.argmax(scores))]
            genes = {g for r in truth for g, _ in _genes(knowledge, model.condition_ids[r])}
            same_gene = bool(genes & {g for g, _ in _genes(knowledge, first)})
            same_family = any(
                family(model.condition_names[r]) == family(knowledge.conditions[first].name)
                for r in truth
                if first in knowledge.conditions
            )
            counts["rank 2-10, first shares a gene or family name"] += same_gene or same_family
    n = counts["cases"]
    for key in ORDER:
        print(f"{key:48s} {counts[key]:6d}  {counts[key] / n:.3f}")
    print("known diagnoses, by the source of the disease's profile:")
    for group, c in by_curation.items():
        m = max(c["cases"], 1)
        print(f"  {group:46s} {c['cases']:6d}  top-1 {c['right'] / m:.3f}  top-10 {c['top 10'] / m:.3f}")


def _profile_left(model: DiagnosisModel, truth: frozenset[int]) -> bool:
    """Whether the fold's engine has anything to rank the diagnosis by: an annotation that not only the
    held-out publications are behind, or a published case from another fold."""
    annotated = any(model.freq.indptr[r + 1] > model.freq.indptr[r] for r in truth)
    return annotated or bool(np.isin(model.case_condition, list(truth)).any())


def _curation(knowledge: Knowledge, condition_ids: list[str], publication: str) -> str:
    """Which CURATION group a case falls in, by its diagnosis's knowledge-base records."""
    records = [knowledge.conditions[c] for c in condition_ids if c in knowledge.conditions]
    if not records:
        return CURATION[3]
    if any(r.annotation_source == "hpo-newer" for r in records):
        return CURATION[2]
    cited = any(publication in a.references for r in records for a in r.annotations)
    return CURATION[0] if cited else CURATION[1]


def _genes(knowledge: Knowledge, condition_id: str) -> list[tuple[str, str | None]]:
    condition = knowledge.conditions.get(condition_id)
    return list(condition.genes) if condition is not None else []


if __name__ == "__main__":
    main()
