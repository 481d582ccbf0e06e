"""Reader for the MONDO mapping extract (built from MONDO's SSSOM files by scripts/build_extracts.py)."""

from __future__ import annotations

import csv
import gzip
import io
import re
from dataclasses import dataclass
from pathlib import Path

from symptomdb.knowledge.importers.files import read_text

EXTRACT_COLUMNS = ["mondo_id", "mondo_label", "predicate", "object_id", "object_label"]


class MondoFormatError(ValueError):
    pass


@dataclass(frozen=True)
class MondoMapping:
    mondo_id: str
    mondo_label: str
    predicate: str
    object_id: str
    object_label: str


def read_mondo_mappings(path: Path) -> list[MondoMapping]:
    """Read the extract (.tsv or .tsv.gz) or a raw SSSOM .tsv file; Orphanet: ids become ORPHA:."""
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    text = raw.decode("utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    reader = csv.DictReader(io.StringIO(body), delimiter="\t", quoting=csv.QUOTE_NONE)
    fields = reader.fieldnames or []
    sssom = {"subject_id", "subject_label", "predicate_id", "object_id"} <= set(fields)
    if not sssom and fields != EXTRACT_COLUMNS:
        raise MondoFormatError(f"{path}: neither an SSSOM file nor the symptomdb MONDO extract")
    mappings = []
    for row in reader:
        if sssom:
            row = {
                "mondo_id": row["subject_id"],
                "mondo_label": row.get("subject_label") or "",
                "predicate": row["predicate_id"],
                "object_id": row["object_id"],
                "object_label": row.get("object_label") or "",
            }
        if not row["mondo_id"].startswith("MONDO:"):
            raise MondoFormatError(f"{path}: unexpected subject {row['mondo_id']!r}")
        mappings.append(
            MondoMapping(
                row["mondo_id"],
                row["mondo_label"],
                row["predicate"],
                row["object_id"].replace("Orphanet:", "ORPHA:"),
                row["object_label"] or "",
            )
        )
    return mappings


_RELEASE = re.compile(r"releases/(\d{4}-\d{2}-\d{2})/")


def sssom_release(paths: list[Path]) -> str | None:
    """The newest MONDO release date named in the SSSOM headers (mapping_set_version), if any."""
    dates = set()
    for path in paths:
        for line in read_text(path).splitlines():
            if not line.startswith("#"):
                break
            dates.update(_RELEASE.findall(line))
    return max(dates) if dates else None
