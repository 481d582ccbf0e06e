"""The answer to "what are the symptoms and treatment options for X?": one typed object per condition.

Every section carries its sources; a section with no data says so and is never filled with
invented text. Later data sources (treatments, diagnostic procedures, articles) fill the same
sections through `answer(..., contributors=...)`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from urllib.parse import quote_plus

from pydantic import BaseModel, Field

from symptomdb.knowledge.importers.hpoa import FREQUENCY_TERMS
from symptomdb.knowledge.store import (
    AnnotationRecord,
    ConditionRecord,
    DiagnosticProcedure,
    Knowledge,
    Release,
)

DISCLAIMER = (
    "This information is for education and research. It is not medical advice: it cannot diagnose "
    "or treat anyone. Talk to a qualified health professional about any health concern."
)
ONSET_ROOT = "HP:0003674"
NO_CATEGORY = "Other"


class SourceRef(BaseModel):
    """Where a fact comes from: a data release, a publication or a database record."""

    label: str
    url: str | None = None


class TermRef(BaseModel):
    id: str
    name: str
    plain_name: str


class Symptom(BaseModel):
    hpo_id: str
    name: str
    plain_name: str
    frequency: float | None = Field(description="Fraction of patients, where the source states it.")
    frequency_label: str
    onset: TermRef | None = None
    sex: str | None = None
    modifiers: list[TermRef] = []
    evidence: str | None = None
    sources: list[SourceRef] = []


class SymptomGroup(BaseModel):
    category_id: str | None
    category_name: str
    symptoms: list[Symptom]


class Fact(BaseModel):
    """One sourced item of a free-form section (diagnosis, treatment, course, support)."""

    label: str
    detail: str | None = None
    category: str | None = None
    url: str | None = None
    sources: list[SourceRef] = []


class Section(BaseModel):
    title: str
    items: list[Fact] = []
    note: str | None = None
    source: str | None = None


class SymptomsSection(BaseModel):
    groups: list[SymptomGroup]
    count: int
    excluded: list[Symptom] = Field(
        default=[], description="Features the sources say this condition does NOT have."
    )
    reported: list[Fact] = Field(
        default=[],
        description="Symptoms listed by the Disease Ontology (Symptom Ontology terms), no frequencies.",
    )
    reported_source: str | None = None
    note: str | None = None
    source: str


class Gene(BaseModel):
    symbol: str
    ncbi_gene_id: str | None
    url: str | None


class Name(BaseModel):
    name: str
    source: str
    kind: str


class Xref(BaseModel):
    id: str
    relation: str
    url: str | None


class Overview(BaseModel):
    names: list[Name]
    inheritance: list[TermRef]
    onset: list[TermRef]
    genes: list[Gene]
    xrefs: list[Xref]
    equivalent_ids: list[str]
    symptom_count: int


class ConditionAnswer(BaseModel):
    id: str
    name: str
    slug: str
    overview: Overview
    symptoms: SymptomsSection
    diagnosis: Section
    treatment: Section
    course: Section
    research: Section
    support: Section
    sources: list[Release]
    disclaimer: str = DISCLAIMER


Contributor = Callable[[Knowledge, ConditionAnswer], None]


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80] or "condition"


def frequency_label(raw: str | None, value: float | None) -> str:
    if raw is None:
        return "Frequency not stated"
    if raw in FREQUENCY_TERMS:
        return FREQUENCY_TERMS[raw][0]
    if "/" in raw and value is not None:
        n, m = raw.split("/")
        return f"{n.strip()} of {m.strip()} patients ({value:.0%})"
    return raw


def xref_url(xref: str) -> str | None:
    prefix, _, local = xref.partition(":")
    match prefix:
        case "OMIM":
            return f"https://omim.org/entry/{local}"
        case "ORPHA":
            return f"https://www.orpha.net/en/disease/detail/{local}"
        case "MONDO":
            return f"https://monarchinitiative.org/{xref}"
        case "DOID":
            return f"https://disease-ontology.org/?id={xref}"
        case "GARD":
            return (
                f"https://rarediseases.info.nih.gov/diseases/{int(local)}/index" if local.isdigit() else None
            )
        case "PMID":
            return f"https://pubmed.ncbi.nlm.nih.gov/{local}/"
        case "DECIPHER":
            return f"https://www.deciphergenomics.org/syndrome/{local}"
        case "HP":
            return f"https://hpo.jax.org/browse/term/{xref}"
        case "MAXO":
            return f"https://www.ebi.ac.uk/ols4/ontologies/maxo/classes?obo_id={xref}"
        case "SYMP":
            return f"https://www.ebi.ac.uk/ols4/ontologies/symp/classes?obo_id={xref}"
    return None


def source_ref(reference: str) -> SourceRef:
    return SourceRef(label=reference, url=xref_url(reference))


def _term_ref(knowledge: Knowledge, term_id: str) -> TermRef:
    term = knowledge.terms.get(term_id)
    if term is None:
        return TermRef(id=term_id, name=term_id, plain_name=term_id)
    return TermRef(id=term.id, name=term.name, plain_name=term.plain_name)


def _symptom(knowledge: Knowledge, a: AnnotationRecord) -> Symptom:
    ref = _term_ref(knowledge, a.hpo_id)
    return Symptom(
        hpo_id=ref.id,
        name=ref.name,
        plain_name=ref.plain_name,
        frequency=a.frequency,
        frequency_label=frequency_label(a.frequency_raw, a.frequency),
        onset=_term_ref(knowledge, a.onset_id) if a.onset_id else None,
        sex=a.sex,
        modifiers=[_term_ref(knowledge, m) for m in (a.modifiers or "").split(";") if m],
        evidence=a.evidence,
        sources=[source_ref(r) for r in a.references],
    )


def _hpo_label(knowledge: Knowledge, record: ConditionRecord) -> str:
    """The release a condition's annotations come from: the main HPO release, or for a disease only a
    newer release annotates, that release (which gave no frequencies, onsets or absent features)."""
    release = knowledge.release(record.annotation_source)
    if release is None:
        return "HPO annotations"
    label = f"Human Phenotype Ontology annotations, release {release.version}"
    if record.annotation_source != "hpo":
        label += " (newer than the rest; features only, without frequencies, onsets or absent features)"
    return label


def _symptoms_section(knowledge: Knowledge, record: ConditionRecord) -> SymptomsSection:
    merged: dict[str, Symptom] = {}
    excluded: dict[str, Symptom] = {}
    for a in record.annotations:
        if a.aspect != "P":
            continue
        target = excluded if a.negated else merged
        symptom = _symptom(knowledge, a)
        previous = target.get(symptom.hpo_id)
        if previous is None:
            target[symptom.hpo_id] = symptom
        else:  # the same feature from two references: keep the stated frequency, join the sources
            if previous.frequency is None and symptom.frequency is not None:
                previous.frequency, previous.frequency_label = symptom.frequency, symptom.frequency_label
            previous.sources.extend(s for s in symptom.sources if s not in previous.sources)
    groups: dict[str, list[Symptom]] = defaultdict(list)
    for symptom in merged.values():
        term = knowledge.terms.get(symptom.hpo_id)
        category = term.categories[0] if term and term.categories else NO_CATEGORY
        groups[category].append(symptom)
    ordered = []
    for category, items in groups.items():
        items.sort(key=lambda s: (-(s.frequency if s.frequency is not None else -1.0), s.plain_name.lower()))
        name = _term_ref(knowledge, category).plain_name if category != NO_CATEGORY else "Other features"
        ordered.append(
            SymptomGroup(
                category_id=None if category == NO_CATEGORY else category, category_name=name, symptoms=items
            )
        )
    ordered.sort(
        key=lambda g: (-max((s.frequency or 0.0) for s in g.symptoms), -len(g.symptoms), g.category_name)
    )
    reported = [
        Fact(
            label=r.label,
            detail=r.symptom_id,
            category="Symptom Ontology",
            sources=[SourceRef(label=r.source_id, url=xref_url(r.source_id))],
        )
        for r in record.reported_symptoms
    ]
    if merged:
        note = None
    elif reported:
        note = "The Disease Ontology lists the symptoms below; it does not say how often they occur."
    else:
        note = "The sources list no symptoms for this condition yet."
    do_release = knowledge.release("do")
    return SymptomsSection(
        groups=ordered,
        count=len(merged),
        excluded=sorted(excluded.values(), key=lambda s: s.plain_name.lower()),
        reported=reported,
        reported_source=f"Disease Ontology, {do_release.version} (CC0)" if reported and do_release else None,
        note=note,
        source=_hpo_label(knowledge, record),
    )


def _aspect_terms(knowledge: Knowledge, record: ConditionRecord, aspect: str) -> list[TermRef]:
    ids = dict.fromkeys(a.hpo_id for a in record.annotations if a.aspect == aspect and not a.negated)
    return [_term_ref(knowledge, i) for i in ids]


def _onset_terms(knowledge: Knowledge, record: ConditionRecord) -> list[TermRef]:
    onset_ids = knowledge.descendants(ONSET_ROOT)
    ids = [
        a.hpo_id for a in record.annotations if a.aspect == "C" and a.hpo_id in onset_ids and not a.negated
    ]
    return [_term_ref(knowledge, i) for i in dict.fromkeys(ids)]


def _overview(knowledge: Knowledge, record: ConditionRecord, symptom_count: int) -> Overview:
    return Overview(
        names=[Name(name=n.name, source=n.source, kind=n.kind) for n in record.names],
        inheritance=_aspect_terms(knowledge, record, "I"),
        onset=_onset_terms(knowledge, record),
        genes=[
            Gene(
                symbol=symbol,
                ncbi_gene_id=ncbi,
                url=f"https://www.ncbi.nlm.nih.gov/gene/{ncbi}" if ncbi else None,
            )
            for symbol, ncbi in record.genes
        ],
        xrefs=[Xref(id=x, relation=r, url=xref_url(x)) for x, r in record.xrefs],
        equivalent_ids=record.equivalent_ids,
        symptom_count=symptom_count,
    )


def _course_section(knowledge: Knowledge, record: ConditionRecord) -> Section:
    seen: dict[str, Fact] = {}
    onset_ids = knowledge.descendants(ONSET_ROOT)
    for a in record.annotations:
        if a.aspect != "C" or a.negated:
            continue
        ref = _term_ref(knowledge, a.hpo_id)
        fact = seen.setdefault(
            ref.id,
            Fact(
                label=ref.plain_name, detail=ref.name, category="Onset" if ref.id in onset_ids else "Course"
            ),
        )
        fact.sources.extend(source_ref(r) for r in a.references if source_ref(r) not in fact.sources)
    items = sorted(seen.values(), key=lambda f: (f.category != "Onset", f.label.lower()))
    note = None if items else "The sources have no data on the course or prognosis of this condition."
    return Section(title="Course and prognosis", items=items, note=note, source=_hpo_label(knowledge, record))


def _research_section(knowledge: Knowledge, record: ConditionRecord) -> Section:
    publications = dict.fromkeys(r for a in record.annotations for r in a.references if r.startswith("PMID:"))
    items = [
        Fact(label=f"Gene: {symbol}", category="Gene", url=xref_url(f"NCBIGene:{n}") if n else None)
        for symbol, n in record.genes
    ]
    for g, (_symbol, ncbi) in zip(items, record.genes, strict=True):
        g.url = f"https://www.ncbi.nlm.nih.gov/gene/{ncbi}" if ncbi else None
    items += [
        Fact(label=p, category="Publication", url=xref_url(p), sources=[source_ref(p)]) for p in publications
    ]
    note = None if items else "No associated genes or publications are recorded in the sources."
    return Section(title="Research", items=items, note=note, source=_hpo_label(knowledge, record))


RELATION_GROUPS = {
    "treats": "Treatment",
    "prevents": "Prevention",
    "contraindicated": "Avoid (contraindicated)",
    "lack of observed response": "Tried without observed benefit",
    "no_observed_benefit": "Tried without observed benefit",
}


def _treatment_section(knowledge: Knowledge, record: ConditionRecord) -> Section:
    """MAxO medical actions, merged per action and grouped by what they do; each with its PMIDs."""
    facts: dict[tuple[str, str, str], Fact] = {}
    features: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for a in record.medical_actions:
        category = RELATION_GROUPS.get(a.relation, "Other medical actions")
        label = f"{a.extension_label} ({a.maxo_label})" if a.extension_label else a.maxo_label
        key = (category, a.maxo_id, a.extension_label or "")
        fact = facts.setdefault(
            key, Fact(label=label[:1].upper() + label[1:], category=category, url=xref_url(a.maxo_id))
        )
        if a.reference and all(s.label != a.reference for s in fact.sources):
            fact.sources.append(source_ref(a.reference))
        if a.hpo_id and a.hpo_id in knowledge.terms:
            plain = knowledge.terms[a.hpo_id].plain_name
            if plain not in features[key]:
                features[key].append(plain)
    for key, fact in facts.items():
        if features[key]:
            fact.detail = "For: " + ", ".join(features[key])
    order = [*dict.fromkeys(RELATION_GROUPS.values()), "Other medical actions"]
    items = sorted(facts.values(), key=lambda f: (order.index(f.category or ""), f.label.lower()))
    release = knowledge.release("maxo")
    source = f"Medical Action Ontology (MAxO) annotations, {release.version}, CC BY 4.0" if release else None
    note = None
    if not items:
        note = (
            "No curated treatment data (MAxO) for this condition yet. See 'Support and more information' "
            "for reliable sources, and ask a specialist."
        )
    return Section(title="Treatment options", items=items, note=note, source=source)


def _observable_through(knowledge: Knowledge, hpo_id: str) -> list[DiagnosticProcedure]:
    """Procedures for a finding: its own MAxO entries, else those of its nearest ancestors."""
    frontier = [hpo_id]
    seen: set[str] = set()
    while frontier:
        found = [p for t in frontier for p in knowledge.diagnostics.get(t, [])]
        if found:
            return found
        seen.update(frontier)
        frontier = [
            p
            for t in frontier
            for p in (knowledge.terms[t].parents if t in knowledge.terms else [])
            if p not in seen
        ]
    return []


MAX_PROCEDURES = 8
ANTENATAL_OR_CONGENITAL = ("HP:0030674", "HP:0003577")  # Antenatal onset, Congenital onset


def _diagnosis_section(knowledge: Knowledge, record: ConditionRecord) -> Section:
    """Procedures that reveal the condition's frequent features (MAxO), most revealing first;
    plus the onset and inheritance facts that matter to a diagnosis."""
    specificity = _procedure_specificity(knowledge)
    score: dict[tuple[str, str], float] = defaultdict(float)
    revealed: dict[tuple[str, str], list[str]] = defaultdict(list)
    labels: dict[tuple[str, str], str] = {}
    onsets = {t.id for t in _onset_terms(knowledge, record)}
    prenatal = any(onsets & knowledge.descendants(root) for root in ANTENATAL_OR_CONGENITAL)
    for a in record.annotations:
        if a.aspect != "P" or a.negated or (a.frequency is not None and a.frequency < 0.3):
            continue
        weight = a.frequency if a.frequency is not None else 0.5
        plain = knowledge.terms[a.hpo_id].plain_name if a.hpo_id in knowledge.terms else a.hpo_id
        for p in {(p.maxo_id, p.predicate): p for p in _observable_through(knowledge, a.hpo_id)}.values():
            if "prenatally" in p.predicate and not prenatal:
                continue  # prenatal tests matter for conditions that start before birth
            key = (p.maxo_id, p.predicate)
            labels[key] = p.maxo_label + (" (before birth)" if "prenatally" in p.predicate else "")
            if plain not in revealed[key]:
                revealed[key].append(plain)
                score[key] += weight * specificity.get(p.maxo_id, 1.0)
    ranked = sorted(score, key=lambda k: (-score[k], labels[k]))[:MAX_PROCEDURES]
    items = [
        Fact(
            label=labels[k][:1].upper() + labels[k][1:],
            detail="Can show: " + ", ".join(revealed[k][:6]) + ("…" if len(revealed[k]) > 6 else ""),
            category="Procedure",
            url=xref_url(k[0]),
        )
        for k in ranked
    ]
    for term in _onset_terms(knowledge, record):
        items.append(Fact(label=f"Onset: {term.plain_name}", detail=term.name, category="Onset"))
    for term in _aspect_terms(knowledge, record, "I"):
        items.append(Fact(label=f"Inheritance: {term.plain_name}", detail=term.name, category="Inheritance"))
    release = knowledge.release("maxo-diagnostic")
    source = (
        f"MAxO diagnostic annotations, {release.version}, CC BY 4.0; HPO annotations" if release else None
    )
    note = (
        "Procedures through which this condition's frequent features can be observed; not a diagnostic "
        "protocol. A specialist decides which tests are needed."
        if ranked
        else "No curated data on diagnostic tests for this condition yet; ask a specialist."
    )
    return Section(title="How it is diagnosed", items=items, note=note, source=source)


_SPECIFICITY_CACHE: dict[str, dict[str, float]] = {}


def _procedure_specificity(knowledge: Knowledge) -> dict[str, float]:
    """log(terms / terms observable through the procedure): "clinical assessment" reveals nearly
    everything and so says little; "EEG" reveals few things and says more."""
    cached = _SPECIFICITY_CACHE.get(knowledge.checksum)
    if cached is None:
        counts: dict[str, int] = defaultdict(int)
        for procedures in knowledge.diagnostics.values():
            for maxo_id in {p.maxo_id for p in procedures}:
                counts[maxo_id] += 1
        total = max(len(knowledge.diagnostics), 1)
        cached = {m: math.log(1 + total / n) for m, n in counts.items()}
        _SPECIFICITY_CACHE.clear()
        _SPECIFICITY_CACHE[knowledge.checksum] = cached
    return cached


def _support_section(record: ConditionRecord) -> Section:
    items = []
    ids = [
        record.id,
        *record.equivalent_ids,
        *(x for x, _ in record.xrefs if x.startswith(("MONDO:", "GARD:", "DOID:"))),
    ]
    titles = {
        "OMIM": "OMIM entry",
        "ORPHA": "Orphanet page",
        "MONDO": "Monarch Initiative (MONDO)",
        "GARD": "GARD (NIH Genetic and Rare Diseases Information Center)",
        "DECIPHER": "DECIPHER syndrome page",
        "DOID": "Disease Ontology",
    }
    for xref in dict.fromkeys(ids):
        url = xref_url(xref)
        if url:
            items.append(
                Fact(
                    label=titles.get(xref.split(":")[0], xref),
                    detail=xref,
                    category="Patient information and support" if xref.startswith("GARD:") else "Reference",
                    url=url,
                )
            )
    query = quote_plus(record.name)
    if any(x.startswith("NORD:") for x, _ in record.xrefs):
        items.append(
            Fact(
                label="NORD rare disease report (National Organization for Rare Disorders)",
                detail=next(x for x, _ in record.xrefs if x.startswith("NORD:")),
                category="Patient information and support",
                url=f"https://rarediseases.org/?s={query}",
            )
        )
    items.append(
        Fact(
            label="Clinical trials (ClinicalTrials.gov search)",
            category="Research",
            url=f"https://clinicaltrials.gov/search?cond={query}",
        )
    )
    items.append(
        Fact(
            label="Publications (PubMed search)",
            category="Research",
            url=f"https://pubmed.ncbi.nlm.nih.gov/?term={query}",
        )
    )
    # One group per kind of link, the ones written for patients and families first.
    order = ["Patient information and support", "Reference", "Research"]
    items.sort(key=lambda item: order.index(item.category) if item.category in order else len(order))
    return Section(
        title="Support and more information",
        items=items,
        note="Links lead to other organisations' sites; symptomdb does not control their content.",
    )


def answer(
    knowledge: Knowledge, condition_id: str, contributors: Sequence[Contributor] = ()
) -> ConditionAnswer:
    """The full answer for one condition (raises UnknownIdError for an unknown id)."""
    record = knowledge.condition(condition_id)
    symptoms = _symptoms_section(knowledge, record)
    result = ConditionAnswer(
        id=record.id,
        name=record.name,
        slug=slugify(record.name),
        overview=_overview(knowledge, record, symptoms.count),
        symptoms=symptoms,
        diagnosis=_diagnosis_section(knowledge, record),
        treatment=_treatment_section(knowledge, record),
        course=_course_section(knowledge, record),
        research=_research_section(knowledge, record),
        support=_support_section(record),
        sources=list(knowledge.releases),
    )
    for contribute in contributors:
        contribute(knowledge, result)
    return result


def frequent_symptoms(result: ConditionAnswer, minimum: float = 0.3) -> Iterable[Symptom]:
    """Symptoms stated as at least `minimum` frequent (frequent and very frequent by default)."""
    for group in result.symptoms.groups:
        for symptom in group.symptoms:
            if symptom.frequency is not None and symptom.frequency >= minimum:
                yield symptom
