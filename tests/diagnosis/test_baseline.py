"""The Resnik best-match-average baseline on the hand-built knowledge base."""

from __future__ import annotations

import numpy as np

from symptomdb.diagnosis.baseline import ResnikBaseline
from symptomdb.diagnosis.model import DiagnosisModel


def test_resnik_prefers_exact_then_related_then_unrelated(tiny_model: DiagnosisModel) -> None:
    m = tiny_model
    baseline = ResnikBaseline(m)
    scores = baseline.score([m.term_index["HP:0000101"]])
    exact = scores[m.condition_index["OMIM:100001"]]
    related = scores[m.condition_index["OMIM:100002"]]  # Squint: shares "Eye finding"
    unrelated = scores[m.condition_index["OMIM:100003"]]
    assert exact > related > unrelated
    assert np.all(baseline.score([]) == 0)
