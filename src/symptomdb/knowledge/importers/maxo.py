"""Readers for the Medical Action Ontology (MAxO) annotation files."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass

ACTION_COLUMNS = ("disease_id", "disease_name", "source_id", "maxo_id", "maxo_name", "hpo_id", "relation")
DIAGNOSTIC_COLUMNS = ("hpo_id", "hpo_label", "predicate_id", "maxo_id", "maxo_label")


class MaxoFormatError(ValueError):
    pass


@dataclass(frozen=True)
class MedicalActionRow:
    disease_id: str
    maxo_id: str
    maxo_label: str
    relation: str
    hpo_id: str | None
    evidence: str | None
    reference: str | None
    extension_id: str | None
    extension_label: str | None
    last_updated: str | None


@dataclass(frozen=True)
class DiagnosticRow:
    hpo_id: str
    predicate: str
    maxo_id: str
    maxo_label: str


def _rows(
    lines: Iterable[str], required: tuple[str, ...], what: str
) -> tuple[str | None, list[dict[str, str]]]:
    version = None
    body = []
    for line in lines:
        if line.startswith("#"):
            if line.startswith("#version:"):
                version = line.split(":", 1)[1].strip()
            continue
        body.append(line)
    reader = csv.DictReader(body, delimiter="\t", quoting=csv.QUOTE_NONE)
    if not reader.fieldnames or not set(required) <= set(reader.fieldnames):
        raise MaxoFormatError(f"{what}: expected columns {required}, got {reader.fieldnames}")
    rows = list(reader)
    if not rows:
        raise MaxoFormatError(f"{what}: no rows")
    return version, rows


def parse_medical_actions(lines: Iterable[str]) -> tuple[str, list[MedicalActionRow]]:
    """Rows of maxo-annotations.tsv; the version is the latest 'last_updated' date."""
    _, rows = _rows(lines, ACTION_COLUMNS, "maxo-annotations")
    result = []
    for number, row in enumerate(rows, start=2):
        disease_id = row["disease_id"].strip().replace("Orphanet:", "ORPHA:")
        if not disease_id.startswith(("MONDO:", "OMIM:", "ORPHA:")) or not row["maxo_id"].startswith("MAXO:"):
            raise MaxoFormatError(f"maxo-annotations row {number}: unexpected ids {row['disease_id']!r}")
        result.append(
            MedicalActionRow(
                disease_id=disease_id,
                maxo_id=row["maxo_id"].strip(),
                maxo_label=row["maxo_name"].strip(),
                relation=row["relation"].strip() or "unknown",
                hpo_id=(row.get("hpo_id") or "").strip() or None,
                evidence=(row.get("evidence") or "").strip() or None,
                reference=(row.get("source_id") or "").strip() or None,
                extension_id=(row.get("extension_id") or "").strip() or None,
                extension_label=(row.get("extension_name") or "").strip() or None,
                last_updated=(row.get("last_updated") or "").strip() or None,
            )
        )
    version = max((r.last_updated for r in result if r.last_updated), default="unversioned")
    return version, result


def parse_diagnostics(lines: Iterable[str]) -> tuple[str, list[DiagnosticRow]]:
    version, rows = _rows(lines, DIAGNOSTIC_COLUMNS, "maxo_diagnostic_annotations")
    result = []
    for number, row in enumerate(rows, start=2):
        if not row["hpo_id"].startswith("HP:") or not row["maxo_id"].startswith("MAXO:"):
            raise MaxoFormatError(f"maxo_diagnostic_annotations row {number}: unexpected ids")
        result.append(DiagnosticRow(row["hpo_id"], row["predicate_id"], row["maxo_id"], row["maxo_label"]))
    return version or "unversioned", result
