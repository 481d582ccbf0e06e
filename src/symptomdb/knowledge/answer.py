"""The answer to "what are the symptoms and treatment options for X?": one typed object per condition.

Every section carries its sources; a section with no data says so and is never filled with
invented text. Later data sources (treatments, diagnostic procedures, articles) fill the same
sections through `answer(..., contributors=...)`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from urllib.parse import quote_plus

from pydantic import BaseModel, Field

from symptomdb.knowledge.importers.hpoa import FREQUENCY_TERMS
from symptomdb.knowledge.store import AnnotationRecord, ConditionRecord, Knowledge, Release

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


class SymptomsSection(BaseModel):
    groups: list[SymptomGroup]
    count: int
    excluded: list[Symptom] = Field(
        default=[], description="Features the sources say this condition does NOT have."
    )
    note: str | None = None
    source: str


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


def _hpo_label(knowledge: Knowledge) -> str:
    release = knowledge.release("hpo")
    return (
        f"Human Phenotype Ontology annotations, release {release.version}" if release else "HPO annotations"
    )


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
    note = None if merged else "The sources list no symptoms for this condition yet."
    return SymptomsSection(
        groups=ordered,
        count=len(merged),
        excluded=sorted(excluded.values(), key=lambda s: s.plain_name.lower()),
        note=note,
        source=_hpo_label(knowledge),
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
    return Section(title="Course and prognosis", items=items, note=note, source=_hpo_label(knowledge))


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
    return Section(title="Research", items=items, note=note, source=_hpo_label(knowledge))


def _support_section(record: ConditionRecord) -> Section:
    items = []
    ids = [
        record.id,
        *record.equivalent_ids,
        *(x for x, _ in record.xrefs if x.startswith(("MONDO:", "GARD:"))),
    ]
    titles = {
        "OMIM": "OMIM entry",
        "ORPHA": "Orphanet page",
        "MONDO": "Monarch Initiative (MONDO)",
        "GARD": "GARD (NIH Genetic and Rare Diseases Information Center)",
        "DECIPHER": "DECIPHER syndrome page",
    }
    for xref in dict.fromkeys(ids):
        url = xref_url(xref)
        if url:
            items.append(
                Fact(label=titles.get(xref.split(":")[0], xref), detail=xref, category="Reference", url=url)
            )
    query = quote_plus(record.name)
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
        diagnosis=Section(
            title="How it is diagnosed",
            note="No curated data on diagnostic tests for this condition yet. The features listed under "
            "symptoms are what clinicians look for; ask a specialist.",
        ),
        treatment=Section(
            title="Treatment options",
            note="No curated treatment data for this condition in symptomdb's sources yet. "
            "See the links under 'Support and more information', and ask a specialist.",
        ),
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
