"""Disease × term matrices derived from the knowledge base, so that ranking every condition is vectorised.

Everything here is built once per data version (`Knowledge.checksum`) and cached per process, and
optionally on disk (``.npz``) under a cache directory. Nothing is built at import time.

Notation: T terms (all current HPO terms), D conditions. Matrices are scipy sparse:

- ``anc`` (T × T, CSR): ``anc[t, a] = 1`` when ``a`` is ``t`` or one of its ancestors.
- ``freq`` (D × T, CSR): the direct phenotype annotations of each condition, valued at their frequency.
- ``negated`` (D × T, CSR): NOT annotations (and annotations with a frequency of 0, e.g. "0/7").
- ``implied`` (D × T, CSC): ``implied[d, a]`` is the largest frequency of an annotation of ``d`` whose
  term is ``a`` or a descendant of ``a`` (a finding implies its ancestors).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

if TYPE_CHECKING:
    from symptomdb.knowledge.store import Knowledge

MODEL_FORMAT = 3
PHENOTYPE_ROOT = "HP:0000118"  # "Phenotypic abnormality"
ONSET_ROOT = "HP:0003674"  # "Onset"
X_LINKED_RECESSIVE = "HP:0001419"
FREQUENCY_LABELS: tuple[tuple[float, str], ...] = (
    (1.0, "obligate"),
    (0.8, "very frequent"),
    (0.3, "frequent"),
    (0.05, "occasional"),
    (0.0, "very rare"),
)


def frequency_label(value: float | None) -> str:
    """HPO's words for a frequency (the ranges of HP:0040280-HP:0040284)."""
    if value is None:
        return "frequency not stated"
    for threshold, label in FREQUENCY_LABELS:
        if value >= threshold:
            return label
    return "very rare"


@dataclass(frozen=True)
class ExtraCase:
    """One annotated individual that adds to (or creates) a condition's profile, e.g. from a phenopacket."""

    condition_id: str
    condition_name: str
    source: str  # e.g. a PMID: cases of one publication are held out together
    present: tuple[str, ...]
    excluded: tuple[str, ...] = ()
    sex: str | None = None  # "male" / "female": used to learn weights, not in the profiles
    onset: str | None = None
    id: str = ""


@dataclass
class DiagnosisModel:
    """The precomputed arrays; see the module docstring. Rows of condition arrays follow ``condition_ids``."""

    checksum: str
    term_ids: list[str]
    term_names: list[str]
    condition_ids: list[str]
    condition_names: list[str]
    anc: sp.csr_matrix
    freq: sp.csr_matrix
    freq_stated: sp.csr_matrix  # 1 where the annotation states a frequency, for explanations
    negated: sp.csr_matrix
    case_present: sp.csr_matrix  # (N × T) extra cases: the observed terms and their ancestors
    case_excluded: sp.csr_matrix  # (N × T) extra cases: the excluded terms (as given)
    case_condition: np.ndarray  # (N,) row of each extra case's condition
    case_sources: list[str]  # (N,) e.g. the PMID of each extra case
    group: np.ndarray  # (D,) index of the MONDO group: equivalent OMIM/ORPHA entries share one
    in_knowledge: np.ndarray  # (D,) bool: the condition is in the knowledge base (not only from cases)
    onset_terms: np.ndarray  # (D,) bitmask of onset classes annotated for the condition (0 = unknown)
    sex_only: np.ndarray  # (D,) 0 any, 1 only males, 2 only females, 3 X-linked recessive (mostly males)
    term_index: dict[str, int] = field(init=False)
    condition_index: dict[str, int] = field(init=False)
    _lock: threading.Lock = field(init=False, repr=False, default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.term_index = {t: i for i, t in enumerate(self.term_ids)}
        self.condition_index = {c: i for i, c in enumerate(self.condition_ids)}

    @property
    def n_terms(self) -> int:
        return len(self.term_ids)

    @property
    def n_conditions(self) -> int:
        return len(self.condition_ids)

    def ancestors_of(self, index: int) -> np.ndarray:
        return self.anc.indices[self.anc.indptr[index] : self.anc.indptr[index + 1]]

    # --- persistence -------------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        arrays: dict[str, np.ndarray] = {}
        for name in ("anc", "freq", "freq_stated", "negated", "case_present", "case_excluded"):
            matrix = getattr(self, name)
            arrays[f"{name}_data"] = matrix.data
            arrays[f"{name}_indices"] = matrix.indices
            arrays[f"{name}_indptr"] = matrix.indptr
            arrays[f"{name}_shape"] = np.array(matrix.shape)
        for name in ("case_condition", "group", "in_knowledge", "onset_terms", "sex_only"):
            arrays[name] = getattr(self, name)
        meta = {
            "case_sources": self.case_sources,
            "checksum": self.checksum,
            "term_ids": self.term_ids,
            "term_names": self.term_names,
            "condition_ids": self.condition_ids,
            "condition_names": self.condition_names,
        }
        arrays["meta"] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp.npz")
        np.savez(tmp, **arrays)  # type: ignore[arg-type]
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> DiagnosisModel:
        with np.load(path) as data:
            meta = json.loads(bytes(data["meta"]).decode())
            mats = {}
            for name in ("anc", "freq", "freq_stated", "negated", "case_present", "case_excluded"):
                mats[name] = sp.csr_matrix(
                    (data[f"{name}_data"], data[f"{name}_indices"], data[f"{name}_indptr"]),
                    shape=tuple(data[f"{name}_shape"]),
                )
            vectors = {
                n: data[n] for n in ("case_condition", "group", "in_knowledge", "onset_terms", "sex_only")
            }
        return cls(**meta, **mats, **vectors)


# --- building ------------------------------------------------------------------------------------------

# Onset classes, coarse and ordered; a condition's onset annotations and a patient's onset map to one.
ONSET_CLASSES: tuple[tuple[str, str], ...] = (
    ("HP:0030674", "antenatal"),
    ("HP:0003577", "congenital"),
    ("HP:0003623", "neonatal"),
    ("HP:0003593", "infantile"),
    ("HP:0011463", "childhood"),
    ("HP:0003621", "juvenile"),
    ("HP:0003581", "adult"),
)


def onset_class(knowledge: Knowledge, term_id: str) -> int | None:
    """Index in ONSET_CLASSES of an HPO onset term (sub-classes map to their class), else None."""
    ancestors = knowledge.ancestors(term_id)
    for i, (tid, _) in enumerate(ONSET_CLASSES):
        if tid in ancestors:
            return i
    return None


def onset_class_of(knowledge: Knowledge, onset: str) -> int:
    """The coarse onset class of an HPO onset term (e.g. HP:0003593) or an ISO 8601 age (e.g. 'P2Y')."""
    text = onset.strip()
    if text.upper().startswith(("HP:", "HP_")):
        from symptomdb.knowledge.store import UnknownIdError

        try:
            tid = knowledge.primary_term_id(text)
        except UnknownIdError:
            raise ValueError(f"unknown HPO onset term {text!r}") from None
        klass = onset_class(knowledge, tid) if ONSET_ROOT in knowledge.ancestors(tid) else None
        if klass is None:
            raise ValueError(f"{text} ({knowledge.terms[tid].name}) is not an age-of-onset term (HP:0003674)")
        return klass
    from symptomdb.diagnosis.phenopackets import age_in_days

    days = age_in_days(text)
    if days is None:
        raise ValueError(
            f"onset must be an HPO onset term (e.g. HP:0003593) or an ISO 8601 age (e.g. P2Y), not {text!r}"
        )
    return onset_class_for_age(days)


def onset_class_for_age(days: float) -> int:
    names = [name for _, name in ONSET_CLASSES]
    if days <= 0:
        return names.index("congenital")
    if days <= 28:
        return names.index("neonatal")
    if days < 365.25:
        return names.index("infantile")
    if days < 5 * 365.25:
        return names.index("childhood")
    if days < 16 * 365.25:
        return names.index("juvenile")
    return names.index("adult")


def build_model(
    knowledge: Knowledge,
    extra_cases: Sequence[ExtraCase] = (),
    missing_frequency: float = 0.5,
    pool_equivalents: bool = False,
    withheld_sources: Collection[str] = frozenset(),
) -> DiagnosisModel:
    """The matrices of the knowledge base, plus optional annotated cases (which may add conditions).

    `withheld_sources` (publications, "PMID:…") are held out of the knowledge base too: an annotation
    every reference of which is one of them is left out. HPO curates from the literature, so a case's own
    publication can be behind its disease's annotations; a model that is to rank that case without having
    seen its publication must not have them either (fold engines, training)."""
    terms = [t for t in knowledge.terms.values() if not t.is_obsolete]
    term_ids = [t.id for t in terms]
    tindex = {t: i for i, t in enumerate(term_ids)}
    n_terms = len(term_ids)

    # ancestor closure, in topological order (parents before children)
    parents = [[tindex[p] for p in t.parents if p in tindex] for t in terms]
    order = _topological_order(parents)
    anc_sets: list[np.ndarray] = [np.empty(0, dtype=np.int32)] * n_terms
    for i in order:
        if parents[i]:
            anc_sets[i] = np.unique(
                np.concatenate([np.array([i], dtype=np.int32), *(anc_sets[p] for p in parents[i])])
            )
        else:
            anc_sets[i] = np.array([i], dtype=np.int32)
    indptr = np.zeros(n_terms + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(a) for a in anc_sets])
    anc = sp.csr_matrix(
        (np.ones(indptr[-1], dtype=np.float32), np.concatenate(anc_sets).astype(np.int32), indptr),
        shape=(n_terms, n_terms),
    )

    # conditions: the knowledge base's, then those known only from extra cases
    condition_ids = list(knowledge.conditions)
    condition_names = [c.name for c in knowledge.conditions.values()]
    cindex = {c: i for i, c in enumerate(condition_ids)}
    for case in extra_cases:
        cid = knowledge.normalise_condition_id(case.condition_id) or case.condition_id
        if cid not in cindex:
            cindex[cid] = len(condition_ids)
            condition_ids.append(cid)
            condition_names.append(case.condition_name or cid)
    n_cond = len(condition_ids)
    n_known = len(knowledge.conditions)

    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    stated: list[float] = []
    neg_rows: list[int] = []
    neg_cols: list[int] = []
    onset = np.zeros(n_cond, dtype=np.int32)
    sex_only = np.zeros(n_cond, dtype=np.int8)
    onset_cache: dict[str, int | None] = {}
    for d, record in enumerate(knowledge.conditions.values()):
        sexes: set[str] = set()
        x_recessive = False
        for a in record.annotations:
            tid = _primary(knowledge, a.hpo_id)
            if tid is None or tid not in tindex or _withheld(a.references, withheld_sources):
                continue
            if a.aspect == "P":
                if a.negated or a.frequency == 0.0:
                    neg_rows.append(d)
                    neg_cols.append(tindex[tid])
                    continue
                rows.append(d)
                cols.append(tindex[tid])
                vals.append(a.frequency if a.frequency is not None else missing_frequency)
                stated.append(1.0 if a.frequency is not None else 0.0)
                if a.sex:
                    sexes.add(a.sex)
            elif a.aspect == "C" and not a.negated:
                if tid not in onset_cache:
                    onset_cache[tid] = onset_class(knowledge, tid)
                klass = onset_cache[tid]
                if klass is not None:
                    onset[d] |= 1 << klass
            elif a.aspect == "I" and not a.negated and tid == X_LINKED_RECESSIVE:
                x_recessive = True
        if sexes == {"MALE"}:
            sex_only[d] = 1
        elif sexes == {"FEMALE"}:
            sex_only[d] = 2
        elif x_recessive:
            sex_only[d] = 3
    # extra cases, one row each: observed terms with their ancestors, excluded terms as given
    p_rows: list[np.ndarray] = []
    p_cols: list[np.ndarray] = []
    e_rows: list[int] = []
    e_cols: list[int] = []
    case_condition = np.zeros(len(extra_cases), dtype=np.int32)
    only_cases: dict[tuple[int, int], int] = {}  # conditions known only from cases: term counts
    for j, case in enumerate(extra_cases):
        cid = knowledge.normalise_condition_id(case.condition_id) or case.condition_id
        case_condition[j] = cindex[cid]
        present = _indices(knowledge, tindex, case.present)
        if case_condition[j] >= n_known:
            for i in set(present):
                only_cases[(int(case_condition[j]), i)] = only_cases.get((int(case_condition[j]), i), 0) + 1
        if present:
            closure = np.unique(np.concatenate([anc_sets[i] for i in present]))
            p_rows.append(np.full(len(closure), j, dtype=np.int32))
            p_cols.append(closure)
        for i in sorted(set(_indices(knowledge, tindex, case.excluded))):
            e_rows.append(j)
            e_cols.append(i)
    n_cases = len(extra_cases)
    case_present = _count_matrix(p_rows, p_cols, (n_cases, n_terms))
    case_excluded = _count_matrix(
        [np.asarray(e_rows, dtype=np.int32)], [np.asarray(e_cols, dtype=np.int32)], (n_cases, n_terms)
    )

    # a condition known only from cases is annotated with its cases' terms, at their frequency
    n_per_condition = np.bincount(case_condition, minlength=n_cond)
    for (d, i), count in only_cases.items():
        rows.append(d)
        cols.append(i)
        vals.append(count / n_per_condition[d])
        stated.append(1.0)
    group = _groups(knowledge, condition_ids)
    if pool_equivalents:
        rows, cols, vals, stated = _pool(group, rows, cols, vals, stated)
    freq = _max_matrix(rows, cols, vals, (n_cond, n_terms))
    freq_stated = _max_matrix(rows, cols, stated, (n_cond, n_terms))
    negated = _max_matrix(neg_rows, neg_cols, [1.0] * len(neg_rows), (n_cond, n_terms))

    in_knowledge = np.zeros(n_cond, dtype=bool)
    in_knowledge[:n_known] = True
    checksum = knowledge.checksum
    if extra_cases:
        digest = hashlib.sha256()
        for case in extra_cases:
            digest.update(repr(case).encode())
        checksum = f"{checksum}+{digest.hexdigest()[:16]}"
    return DiagnosisModel(
        checksum=checksum,
        term_ids=term_ids,
        term_names=[t.name for t in terms],
        condition_ids=condition_ids,
        condition_names=condition_names,
        anc=anc,
        freq=freq,
        freq_stated=freq_stated,
        negated=negated,
        case_present=case_present,
        case_excluded=case_excluded,
        case_condition=case_condition,
        case_sources=[case.source for case in extra_cases],
        group=group,
        in_knowledge=in_knowledge,
        onset_terms=onset,
        sex_only=sex_only,
    )


def _pool(
    group: np.ndarray, rows: list[int], cols: list[int], vals: list[float], stated: list[float]
) -> tuple[list[int], list[int], list[float], list[float]]:
    """Equivalent entries (an OMIM and an Orphanet entry of one disease) share their annotations."""
    members: dict[int, list[int]] = {}
    for d, g in enumerate(group.tolist()):
        members.setdefault(g, []).append(d)
    shared = {g: m for g, m in members.items() if len(m) > 1}
    if not shared:
        return rows, cols, vals, stated
    out_rows, out_cols, out_vals, out_stated = list(rows), list(cols), list(vals), list(stated)
    for d, c, v, st in zip(rows, cols, vals, stated, strict=True):
        for other in shared.get(int(group[d]), ()):
            if other != d:
                out_rows.append(other)
                out_cols.append(c)
                out_vals.append(v)
                out_stated.append(st)
    return out_rows, out_cols, out_vals, out_stated


def _primary(knowledge: Knowledge, term_id: str) -> str | None:
    from symptomdb.knowledge.store import UnknownIdError

    try:
        return knowledge.primary_term_id(term_id)
    except UnknownIdError:
        return None


def _indices(knowledge: Knowledge, tindex: dict[str, int], ids: Iterable[str]) -> list[int]:
    result = []
    for tid in ids:
        primary = _primary(knowledge, tid)
        if primary is not None and primary in tindex:
            result.append(tindex[primary])
    return result


def _topological_order(parents: list[list[int]]) -> list[int]:
    n = len(parents)
    children: list[list[int]] = [[] for _ in range(n)]
    pending = [len(p) for p in parents]
    for child, ps in enumerate(parents):
        for p in ps:
            children[p].append(child)
    stack = [i for i in range(n) if pending[i] == 0]
    order: list[int] = []
    while stack:
        i = stack.pop()
        order.append(i)
        for c in children[i]:
            pending[c] -= 1
            if pending[c] == 0:
                stack.append(c)
    if len(order) != n:
        raise ValueError("the ontology has a cycle")
    return order


def _max_matrix(rows: list[int], cols: list[int], vals: list[float], shape: tuple[int, int]) -> sp.csr_matrix:
    """A CSR matrix where duplicate (row, col) entries keep their largest value."""
    if not rows:
        return sp.csr_matrix(shape, dtype=np.float32)
    r = np.asarray(rows, dtype=np.int64)
    c = np.asarray(cols, dtype=np.int64)
    v = np.asarray(vals, dtype=np.float32)
    key = r * shape[1] + c
    order = np.lexsort((-v, key))
    key, v = key[order], v[order]
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    key, v = key[first], v[first]
    return sp.csr_matrix((v, (key // shape[1], key % shape[1])), shape=shape)


def _count_matrix(rows: list[np.ndarray], cols: list[np.ndarray], shape: tuple[int, int]) -> sp.csr_matrix:
    if not rows or not sum(len(r) for r in rows):
        return sp.csr_matrix(shape, dtype=np.float32)
    r = np.concatenate(rows)
    c = np.concatenate(cols)
    matrix = sp.csr_matrix((np.ones(len(r), dtype=np.float32), (r, c)), shape=shape)
    matrix.sum_duplicates()
    return matrix


def _groups(knowledge: Knowledge, condition_ids: list[str]) -> np.ndarray:
    """Conditions that MONDO says are the same disease (OMIM and ORPHA entries) share a group index."""
    index = {c: i for i, c in enumerate(condition_ids)}
    parent = list(range(len(condition_ids)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_mondo: dict[str, int] = {}
    for cid, record in knowledge.conditions.items():
        i = index[cid]
        linked = [index[x] for x in record.equivalent_ids if x in index]
        if record.mondo_id:
            linked.append(by_mondo.setdefault(record.mondo_id, i))
        for j in linked:
            parent[find(j)] = find(i)
    roots = np.array([find(i) for i in range(len(condition_ids))])
    _, group = np.unique(roots, return_inverse=True)
    return group.astype(np.int32)


# --- per-process cache ---------------------------------------------------------------------------------

_CACHE: dict[str, DiagnosisModel] = {}
_CACHE_LOCK = threading.Lock()


def _withheld(references: Sequence[str], withheld_sources: Collection[str]) -> bool:
    return bool(withheld_sources) and bool(references) and all(r in withheld_sources for r in references)


def get_model(
    knowledge: Knowledge,
    cache_dir: Path | None = None,
    extra_cases: Sequence[ExtraCase] = (),
    key: str = "",
    withheld_sources: Collection[str] = frozenset(),
) -> DiagnosisModel:
    """The model for this data version: from the process cache, the on-disk cache, or built now.

    `key` names the set of `extra_cases` and `withheld_sources` (they are part of the cache key together
    with the checksum).
    """
    cache_key = f"{knowledge.checksum}:{key}"
    with _CACHE_LOCK:
        model = _CACHE.get(cache_key)
        if model is not None:
            return model
        path = None
        if cache_dir is not None:
            name = hashlib.sha256(cache_key.encode()).hexdigest()[:16]
            path = cache_dir / f"diagnosis-model-v{MODEL_FORMAT}-{name}.npz"
            if path.is_file():
                try:
                    model = DiagnosisModel.load(path)
                except (OSError, ValueError, KeyError, TypeError):
                    model = None
        if model is None:
            model = build_model(knowledge, extra_cases, withheld_sources=withheld_sources)
            if path is not None:
                with contextlib.suppress(OSError):  # a read-only cache directory only costs start-up time
                    model.save(path)
        _CACHE[cache_key] = model
        return model
