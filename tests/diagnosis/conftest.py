"""A small hand-built knowledge base, so that ranking and explanations can be checked by hand.

Ontology (is-a):

    HP:0000001 All
      HP:0000118 Phenotypic abnormality
        HP:0000100 Eye finding
          HP:0000101 Jerky eyes              (alt id HP:0000109; obsolete HP:0000108 → HP:0000101)
          HP:0000102 Squint
        HP:0000200 Movement finding
          HP:0000201 Jerks
          HP:0000202 Unsteady gait
        HP:0000300 Skin finding
          HP:0000301 Rash
      HP:0003674 Onset
        HP:0003577 Congenital onset
        HP:0003581 Adult onset
      HP:0000005 Mode of inheritance
        HP:0001419 X-linked recessive inheritance

Conditions:

    OMIM:100001 Eye-jerk syndrome: Jerky eyes (very frequent), Jerks (very frequent), Unsteady gait (frequent)
    ORPHA:1001  Eye-jerk syndrome (Orphanet, MONDO-equivalent of OMIM:100001): Jerky eyes (obligate)
    OMIM:100002 Squint-jerk disease: Squint (obligate), Jerks (frequent), NOT Rash; adult onset;
                X-linked recessive
    OMIM:100003 Rash disease: Rash (obligate), Unsteady gait (occasional), congenital onset
    OMIM:100004 Unannotated disease (no phenotype annotations)
"""

from __future__ import annotations

import pytest

from symptomdb.diagnosis.model import DiagnosisModel, build_model
from symptomdb.diagnosis.rank import DEFAULT_WEIGHTS, Engine
from symptomdb.knowledge.store import AnnotationRecord, ConditionRecord, Knowledge, Release, Term

TERMS = [
    ("HP:0000001", "All", []),
    ("HP:0000118", "Phenotypic abnormality", ["HP:0000001"]),
    ("HP:0000100", "Eye finding", ["HP:0000118"]),
    ("HP:0000101", "Jerky eyes", ["HP:0000100"]),
    ("HP:0000102", "Squint", ["HP:0000100"]),
    ("HP:0000200", "Movement finding", ["HP:0000118"]),
    ("HP:0000201", "Jerks", ["HP:0000200"]),
    ("HP:0000202", "Unsteady gait", ["HP:0000200"]),
    ("HP:0000300", "Skin finding", ["HP:0000118"]),
    ("HP:0000301", "Rash", ["HP:0000300"]),
    ("HP:0003674", "Onset", ["HP:0000001"]),
    ("HP:0003577", "Congenital onset", ["HP:0003674"]),
    ("HP:0003581", "Adult onset", ["HP:0003674"]),
    ("HP:0000005", "Mode of inheritance", ["HP:0000001"]),
    ("HP:0001419", "X-linked recessive inheritance", ["HP:0000005"]),
]

EYE_JERK = "OMIM:100001"
EYE_JERK_ORPHA = "ORPHA:1001"
SQUINT_JERK = "OMIM:100002"
RASH = "OMIM:100003"
UNANNOTATED = "OMIM:100004"


def _a(hpo_id: str, frequency: float | None, aspect: str = "P", negated: bool = False) -> AnnotationRecord:
    raw = None if frequency is None else f"{frequency}"
    return AnnotationRecord(hpo_id, aspect, negated, raw, frequency, None, None, None, "TAS", ())


def tiny_knowledge() -> Knowledge:
    terms = {
        tid: Term(tid, name, None, None, False, None, [], parents=list(parents))
        for tid, name, parents in TERMS
    }
    terms["HP:0000108"] = Term("HP:0000108", "obsolete Jerky eyeballs", None, None, True, "HP:0000101", [])
    conditions = {
        EYE_JERK: ConditionRecord(
            EYE_JERK,
            "OMIM",
            "Eye-jerk syndrome",
            "MONDO:0000001",
            xrefs=[("MONDO:0000001", "exactMatch"), (EYE_JERK_ORPHA, "sameMondo")],
            annotations=[_a("HP:0000101", 0.895), _a("HP:0000201", 0.895), _a("HP:0000202", 0.545)],
        ),
        EYE_JERK_ORPHA: ConditionRecord(
            EYE_JERK_ORPHA,
            "ORPHA",
            "Eye-jerk syndrome",
            "MONDO:0000001",
            xrefs=[("MONDO:0000001", "exactMatch"), (EYE_JERK, "sameMondo")],
            annotations=[_a("HP:0000101", 1.0)],
        ),
        SQUINT_JERK: ConditionRecord(
            SQUINT_JERK,
            "OMIM",
            "Squint-jerk disease",
            "MONDO:0000002",
            annotations=[
                _a("HP:0000102", 1.0),
                _a("HP:0000201", 0.545),
                _a("HP:0000301", None, negated=True),
                _a("HP:0003581", None, aspect="C"),
                _a("HP:0001419", None, aspect="I"),
            ],
        ),
        RASH: ConditionRecord(
            RASH,
            "OMIM",
            "Rash disease",
            "MONDO:0000003",
            annotations=[_a("HP:0000301", 1.0), _a("HP:0000202", 0.17), _a("HP:0003577", None, aspect="C")],
        ),
        UNANNOTATED: ConditionRecord(UNANNOTATED, "OMIM", "Unannotated disease", None),
    }
    releases = [
        Release("hpo", "HPO", "2025-01-16", "HPO licence", "https://hpo.jax.org", "2026-01-01T00:00:00")
    ]
    return Knowledge("tiny-checksum", terms, {"HP:0000109": "HP:0000101"}, conditions, releases)


@pytest.fixture(scope="session")
def tiny() -> Knowledge:
    return tiny_knowledge()


@pytest.fixture(scope="session")
def tiny_model(tiny: Knowledge) -> DiagnosisModel:
    return build_model(tiny)


@pytest.fixture(scope="session")
def tiny_engine(tiny_model: DiagnosisModel) -> Engine:
    return Engine(tiny_model, weights=DEFAULT_WEIGHTS)
