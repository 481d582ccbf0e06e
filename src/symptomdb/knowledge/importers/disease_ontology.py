"""Readers for the Disease Ontology report files (HumanDO.tsv, disease-symptom.tsv) and symp.obo."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass


class DiseaseOntologyFormatError(ValueError):
    pass


@dataclass(frozen=True)
class DoDisease:
    id: str
    label: str
    parent_label: str | None


@dataclass(frozen=True)
class DoSymptom:
    disease_id: str
    disease_label: str
    symptom_id: str
    symptom_label: str


def parse_human_do(lines: Iterable[str]) -> list[DoDisease]:
    reader = csv.reader(lines, delimiter="\t")
    header = [h.strip('"') for h in next(reader, [])]
    if header[:2] != ["id", "label"]:
        raise DiseaseOntologyFormatError(f"HumanDO.tsv: unexpected header {header!r}")
    diseases = []
    for number, fields in enumerate(reader, start=2):
        if not fields:
            continue
        values = [f.strip().strip('"') for f in fields]
        if not values[0].startswith("DOID:") or len(values) < 2:
            raise DiseaseOntologyFormatError(f"HumanDO.tsv row {number}: unexpected {fields[:2]!r}")
        diseases.append(DoDisease(values[0], values[1], values[2] if len(values) > 2 and values[2] else None))
    if not diseases:
        raise DiseaseOntologyFormatError("HumanDO.tsv: no rows")
    return diseases


def parse_disease_symptoms(lines: Iterable[str]) -> list[DoSymptom]:
    reader = csv.DictReader(lines, delimiter="\t")
    required = {"disease_id", "disease_label", "symptom_id", "symptom_label"}
    if not reader.fieldnames or not required <= set(reader.fieldnames):
        raise DiseaseOntologyFormatError(f"disease-symptom.tsv: unexpected header {reader.fieldnames!r}")
    rows = []
    for number, row in enumerate(reader, start=2):
        if not row["disease_id"].startswith("DOID:") or not row["symptom_id"].startswith("SYMP:"):
            raise DiseaseOntologyFormatError(f"disease-symptom.tsv row {number}: unexpected ids")
        rows.append(
            DoSymptom(row["disease_id"], row["disease_label"], row["symptom_id"], row["symptom_label"])
        )
    if not rows:
        raise DiseaseOntologyFormatError("disease-symptom.tsv: no rows")
    return rows
