"""Fit the diagnosis engine's weights on published cases and write the shipped bundle.

    python benchmarks/diagnosis-train.py ../shared/data/phenopacket-store/phenopackets-public.zip

Reads GA4GH phenopackets (file, directory or ZIP), keeps the cases whose diagnosis is an OMIM (or
Orphanet) id, and writes `src/symptomdb/diagnosis/data/cases.jsonl.gz` (the cases' terms, for the
profiles) and `weights.json` (weights for new publications, and nested per-fold weights for the
held-out benchmark). Uses the knowledge base of the current settings (SYMPTOMDB_DATA_DIR / _DATABASE_URL).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections import Counter
from pathlib import Path

from symptomdb.context import SymptomDB
from symptomdb.diagnosis import bundle
from symptomdb.diagnosis.model import ExtraCase
from symptomdb.diagnosis.phenopackets import (
    PhenopacketCase,
    diagnosis_ids,
    diagnosis_label,
    iter_documents,
    parse_case,
)
from symptomdb.diagnosis.rank import EngineParams
from symptomdb.diagnosis.train import N_FOLDS, train_on_cases


def read_cases(path: Path) -> list[ExtraCase]:
    cases = []
    for document in iter_documents(path):
        case = parse_case(document)
        truth = [i for i in diagnosis_ids(document) if i.upper().startswith(("OMIM:", "ORPHA:"))]
        if not isinstance(case, PhenopacketCase) or not truth or not case.source:
            continue
        cases.append(
            ExtraCase(
                condition_id=truth[0],
                condition_name=diagnosis_label(document, truth[0]) or truth[0],
                source=case.source,
                present=case.present,
                excluded=case.excluded,
                sex=case.sex,
                onset=case.onset,
                id=case.id,
            )
        )
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("phenopackets", type=Path)
    parser.add_argument("--out", type=Path, default=bundle.DATA_DIR)
    parser.add_argument("--no-nested", action="store_true", help="skip the per-fold weights (faster)")
    args = parser.parse_args()
    start = time.time()
    knowledge = SymptomDB().knowledge
    cases = read_cases(args.phenopackets)
    print(f"{len(cases):,} cases from {len({c.source for c in cases}):,} publications", file=sys.stderr)
    params = EngineParams()
    trained = train_on_cases(
        knowledge,
        cases,
        params,
        nested=not args.no_nested,
        log=lambda m: print(f"[{time.time() - start:6.0f} s] {m}", file=sys.stderr),
    )
    release = knowledge.release("hpo")
    info = {
        "cases": len(cases),
        "sources": len({c.source for c in cases}),
        "conditions": len({c.condition_id for c in cases}),
        "trained_with_hpo": release.version if release else None,
        "data": "GA4GH phenopacket-store (github.com/monarch-initiative/phenopacket-store), BSD-3-Clause",
        "top_sources": Counter(c.source for c in cases).most_common(3),
    }
    bundle.write_bundle(
        args.out,
        cases,
        trained.params,
        trained.weights,
        trained.fold_weights,
        N_FOLDS,
        info,
        rerank=trained.rerank,
        rerank_fold=trained.rerank_fold or (),
        rerank_k=trained.rerank_k,
        rerank_coverage=trained.rerank_coverage,
    )
    print(
        f"wrote {args.out} in {time.time() - start:.0f} s; params {dataclasses.asdict(params)}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
