"""Reader for HPO's disease annotation file `phenotype.hpoa` and the gene file `genes_to_phenotype.txt`."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass

# HPO's frequency terms, valued at the middle of the range each one names.
FREQUENCY_TERMS: dict[str, tuple[str, float]] = {
    "HP:0040280": ("Obligate (100%)", 1.0),
    "HP:0040281": ("Very frequent (80-99%)", 0.895),
    "HP:0040282": ("Frequent (30-79%)", 0.545),
    "HP:0040283": ("Occasional (5-29%)", 0.17),
    "HP:0040284": ("Very rare (1-4%)", 0.025),
    "HP:0040285": ("Excluded (0%)", 0.0),
}
_RATIO = re.compile(r"^(\d+)\s*/\s*(\d+)$")
_PERCENT = re.compile(r"^(\d+(?:\.\d+)?)\s*%$")
HPOA_COLUMNS = (
    "database_id",
    "disease_name",
    "qualifier",
    "hpo_id",
    "reference",
    "evidence",
    "onset",
    "frequency",
    "sex",
    "modifier",
    "aspect",
    "biocuration",
)
CONDITION_DATABASES = ("OMIM", "ORPHA", "DECIPHER")


class HpoaFormatError(ValueError):
    """The annotation file is not what HPO publishes; the message says where."""


@dataclass
class HpoaRow:
    condition_id: str
    condition_name: str
    negated: bool
    hpo_id: str
    references: str
    evidence: str
    onset_id: str | None
    frequency_raw: str | None
    frequency: float | None
    sex: str | None
    modifiers: str | None
    aspect: str
    biocuration: str


@dataclass
class HpoaFile:
    version: str | None
    rows: list[HpoaRow]


def parse_frequency(raw: str) -> float | None:
    """A frequency as a fraction: an HPO frequency term, 'n/m' or 'x%'; None when not stated."""
    raw = raw.strip()
    if not raw:
        return None
    if raw in FREQUENCY_TERMS:
        return FREQUENCY_TERMS[raw][1]
    if match := _RATIO.match(raw):
        n, m = int(match.group(1)), int(match.group(2))
        return min(n / m, 1.0) if m else None
    if match := _PERCENT.match(raw):
        return min(float(match.group(1)) / 100.0, 1.0)
    raise HpoaFormatError(f"unknown frequency {raw!r}")


def parse_hpoa(lines: Iterable[str]) -> HpoaFile:
    version: str | None = None
    body: list[str] = []
    for line in lines:
        if line.startswith("#"):
            if line.startswith("#version:"):
                version = line.split(":", 1)[1].strip()
            continue
        body.append(line)
    reader = csv.reader(body, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if header is None or tuple(h.strip() for h in header) != HPOA_COLUMNS:
        raise HpoaFormatError(f"unexpected header {header!r}; expected {HPOA_COLUMNS}")
    rows = [_row(fields, number) for number, fields in enumerate(reader, start=2) if fields]
    if not rows:
        raise HpoaFormatError("no annotation rows")
    return HpoaFile(version=version, rows=rows)


def _row(fields: list[str], number: int) -> HpoaRow:
    if len(fields) != len(HPOA_COLUMNS):
        raise HpoaFormatError(f"row {number}: {len(fields)} columns, expected {len(HPOA_COLUMNS)}")
    d = dict(zip(HPOA_COLUMNS, fields, strict=True))
    condition_id = d["database_id"].strip()
    if condition_id.split(":")[0] not in CONDITION_DATABASES or not d["hpo_id"].startswith("HP:"):
        raise HpoaFormatError(f"row {number}: unexpected ids {condition_id!r} / {d['hpo_id']!r}")
    try:
        frequency = parse_frequency(d["frequency"])
    except HpoaFormatError as error:
        raise HpoaFormatError(f"row {number}: {error}") from None
    return HpoaRow(
        condition_id=condition_id,
        condition_name=d["disease_name"].strip(),
        negated=d["qualifier"].strip().upper() == "NOT",
        hpo_id=d["hpo_id"].strip(),
        references=d["reference"].strip(),
        evidence=d["evidence"].strip(),
        onset_id=d["onset"].strip() or None,
        frequency_raw=d["frequency"].strip() or None,
        frequency=frequency,
        sex=d["sex"].strip().upper() or None,
        modifiers=d["modifier"].strip() or None,
        aspect=d["aspect"].strip(),
        biocuration=d["biocuration"].strip(),
    )


@dataclass(frozen=True)
class GeneLink:
    condition_id: str
    gene_symbol: str
    ncbi_gene_id: str


def parse_genes_to_phenotype(lines: Iterable[str]) -> set[GeneLink]:
    """Gene-condition pairs from genes_to_phenotype.txt (the phenotype columns are not needed)."""
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if header is None or header[:2] != ["ncbi_gene_id", "gene_symbol"] or "disease_id" not in header:
        raise HpoaFormatError(f"unexpected genes_to_phenotype header {header!r}")
    disease_col = header.index("disease_id")
    links: set[GeneLink] = set()
    for fields in reader:
        if len(fields) > disease_col:
            links.add(GeneLink(fields[disease_col], fields[1], fields[0]))
    return links
