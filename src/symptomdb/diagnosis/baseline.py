"""The comparison baseline: Resnik best-match-average similarity (as in Phenomizer-style tools).

sim(term, condition) = the information content of the most informative common ancestor of the term and
any of the condition's annotated terms; the score is the average of the best match of each observed term
and of each annotated term (symmetric BMA). Information content comes from annotation frequencies across
the knowledge base's conditions: IC(t) = −log(fraction of conditions annotated with t or a descendant).
Excluded terms, sex and onset are not used. Vectorised over all conditions like the engine.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from symptomdb.diagnosis.model import DiagnosisModel
from symptomdb.diagnosis.rank import propagate


class ResnikBaseline:
    def __init__(self, model: DiagnosisModel) -> None:
        self.model = model
        known = np.flatnonzero(model.in_knowledge)
        implied = propagate(model.anc, model.freq)
        binary = (implied > 0).astype(np.float32)
        counts = np.asarray(binary[known].sum(axis=0)).ravel()
        self.ic = -np.log((counts + 0.5) / (len(known) + 0.5))
        self.implied = binary.tocsc()
        direct = (model.freq > 0).astype(np.float32).tocsr()
        self.direct = direct
        self.n_direct = np.maximum(np.asarray(direct.sum(axis=1)).ravel(), 1.0)
        self.anc = model.anc.tocsr()

    def score(self, present: Sequence[int]) -> np.ndarray:
        model = self.model
        n_cond = model.n_conditions
        if not present:
            return np.zeros(n_cond)
        query_side = np.zeros(n_cond)
        for t in present:
            best = np.zeros(n_cond)
            for a in model.ancestors_of(t):
                s, e = self.implied.indptr[a], self.implied.indptr[a + 1]
                rows = self.implied.indices[s:e]
                best[rows] = np.maximum(best[rows], self.ic[a])
            query_side += best
        query_side /= len(present)
        # condition side: for every term u, the IC of its best common ancestor with any observed term
        closure = np.unique(np.concatenate([model.ancestors_of(t) for t in present]))
        g = np.zeros(model.n_terms)
        g[closure] = self.ic[closure]
        weighted = self.anc.multiply(sp.csr_matrix(g[None, :])).tocsr()
        best_u = np.asarray(weighted.max(axis=1).todense()).ravel()
        condition_side = (self.direct @ best_u) / self.n_direct
        return 0.5 * (query_side + condition_side)
