"""Build the compact data extracts that ship inside the package (run by maintainers, not at run time).

Reads the MONDO SSSOM mapping files (CC0) from ../shared/data/mondo (or --shared DIR) and writes
src/symptomdb/knowledge/data/mondo-mappings.tsv.gz: one row per mapping, columns
mondo_id, mondo_label, predicate, object_id, object_label. Orphanet ids are written with HPO's
ORPHA: prefix so that they join phenotype.hpoa directly.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT_DIR = REPO / "src" / "symptomdb" / "knowledge" / "data"
MONDO_FILES = (
    "mondo_exactmatch_omim.sssom.tsv",
    "mondo_exactmatch_orphanet.sssom.tsv",
    "mondo_exactmatch_doid.sssom.tsv",
    "mondo_hasdbxref_gard.sssom.tsv",
    "mondo_hasdbxref_nord.sssom.tsv",
)


def read_sssom(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Return the '#' metadata lines and the mapping rows of one SSSOM TSV file."""
    text = path.read_text(encoding="utf-8")
    meta = [line for line in text.splitlines() if line.startswith("#")]
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    return meta, list(csv.DictReader(io.StringIO(body), delimiter="\t"))


def build_mondo(shared: Path) -> Path:
    out = OUT_DIR / "mondo-mappings.tsv.gz"
    rows: list[tuple[str, str, str, str, str]] = []
    versions: set[str] = set()
    for name in MONDO_FILES:
        meta, mappings = read_sssom(shared / "mondo" / name)
        versions.update(re.findall(r"releases/(\d{4}-\d{2}-\d{2})/", "\n".join(meta)))
        for m in mappings:
            object_id = m["object_id"].replace("Orphanet:", "ORPHA:")
            rows.append(
                (m["subject_id"], m["subject_label"], m["predicate_id"], object_id, m.get("object_label", ""))
            )
    rows.sort()
    # mtime=0 keeps the file byte-identical across rebuilds of the same input.
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        body = "mondo_id\tmondo_label\tpredicate\tobject_id\tobject_label\n" + "".join(
            "\t".join(r) + "\n" for r in rows
        )
        gz.write(body.encode("utf-8"))
    version = max(versions) if versions else "unknown"
    (OUT_DIR / "mondo-mappings.NOTICE.txt").write_text(
        "Extract of the Mondo Disease Ontology SSSOM mapping files\n"
        f"({', '.join(MONDO_FILES)}).\n"
        f"Mondo release: {version}\n"
        "Licence: CC0 1.0 (https://creativecommons.org/publicdomain/zero/1.0/)\n"
        "Source: https://github.com/monarch-initiative/mondo (src/ontology/mappings/)\n"
        "Built by scripts/build_extracts.py; Orphanet: ids rewritten as ORPHA: to join HPO annotations.\n",
        encoding="utf-8",
    )
    return out


# Files shipped unchanged (only gzip-compressed): (source path under shared/data, licence, official URL).
VERBATIM = (
    (
        "maxo/maxo-annotations.tsv",
        "CC BY 4.0",
        "https://github.com/monarch-initiative/maxo-annotations (data/maxo-annotations.tsv)",
    ),
    (
        "maxo/maxo_diagnostic_annotations.tsv",
        "CC BY 4.0",
        "https://github.com/monarch-initiative/maxo-annotations (data/poet/maxo_diagnostic_annotations.tsv)",
    ),
    (
        "disease-ontology/HumanDO.tsv",
        "CC0 1.0",
        "https://github.com/DiseaseOntology/HumanDiseaseOntology (DOreports/HumanDO.tsv)",
    ),
    (
        "disease-ontology/disease-symptom.tsv",
        "CC0 1.0",
        "https://github.com/DiseaseOntology/HumanDiseaseOntology (DOreports/requested/disease-symptom.tsv)",
    ),
    (
        "disease-ontology/symp.obo",
        "CC0 1.0",
        "https://github.com/DiseaseOntology/SymptomOntology (src/ontology/symp.obo)",
    ),
)


def build_verbatim(shared: Path) -> Path:
    """gzip each VERBATIM file byte for byte, and list them with licences in one NOTICE file."""
    lines = ["Open-data files shipped with symptomdb, gzip-compressed but otherwise unchanged.", ""]
    for relative, licence, url in VERBATIM:
        source = shared / relative
        data = source.read_bytes()
        target = OUT_DIR / (source.name + ".gz")
        with open(target, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
            gz.write(data)
        digest = hashlib.sha256(data).hexdigest()
        lines += [
            f"{target.name}",
            f"  source: {url}",
            f"  licence: {licence}",
            f"  sha256 of the original: {digest}",
            "",
        ]
    lines.append("MAxO annotations: Medical Action Ontology curators, CC BY 4.0 (credit the MAxO project).")
    lines.append("Disease Ontology and Symptom Ontology: CC0 1.0.")
    notice = OUT_DIR / "NOTICE.txt"
    notice.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return notice


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "data")
    args = parser.parse_args()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    print(build_mondo(args.shared))
    print(build_verbatim(args.shared))


if __name__ == "__main__":
    main()
